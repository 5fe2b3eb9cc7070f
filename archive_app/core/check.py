"""``archive-app check``: is every original intact, the database sound, the audit trail unbroken,
the index complete?"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from archive_app.core.captures import container_ext_of, containers_in_use
from archive_app.core.errors import ArchiveError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.progress import CancelToken, ProgressCallback, is_cancelled, report_progress

if TYPE_CHECKING:
    from archive_app.core.archive import Archive


@dataclass
class CheckReport:
    sources: int = 0
    problems: list[str] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not self.problems


def check_archive(
    archive: Archive,
    *,
    repair: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> CheckReport:
    """Verify every original (those in the trash too) against its SHA-256, the database's
    integrity, the audit trail's hash chain, and that the index holds exactly the database's
    sources. ``repair`` rebuilds what is derived (the index);
    originals that are missing or changed cannot be rebuilt and stay reported."""
    report = CheckReport()
    report.problems += [f"database: {p}" for p in archive.database.integrity_problems()]
    report.problems += [f"audit trail: {p}" for p in archive.audit.verify()]
    rows = archive.database.query("SELECT id, sha256, original_ext FROM sources ORDER BY id")
    trashed = archive.database.query(
        "SELECT source_id AS id, sha256, original_ext FROM trash ORDER BY source_id"
    )
    report.sources = len(rows)
    originals = [(row, "source") for row in rows] + [(row, "trashed source") for row in trashed]
    for done, (row, what) in enumerate(originals, start=1):
        if is_cancelled(cancel):
            report.notices.append("The check was cancelled before it finished.")
            return report
        problem = archive.store.verify(row["sha256"], row["original_ext"])
        if problem:
            report.problems.append(f"{what} {row['id']}: {problem}")
        report_progress(
            progress, done, len(originals), Message(QT_TRANSLATE_NOOP("core", "Checking originals"))
        )
    containers = containers_in_use(archive.database) | {
        sha256 for sha256, _ in archive.trash.web_archives()
    }
    for sha256 in sorted(containers):
        ext = container_ext_of(archive.database, sha256) or dict(archive.trash.web_archives()).get(
            sha256, ""
        )
        problem = archive.store.verify(sha256, ext)
        if problem:
            report.problems.append(f"web archive {sha256[:12]}: {problem}")
    known = {row["sha256"] for row, _ in originals} | containers
    report.notices += _unreferenced_originals(archive, known)
    index_problems = _index_problems(archive, {int(row["id"]) for row in rows})
    if index_problems and repair:
        archive.reindex(progress, cancel)
        report.repaired.append("rebuilt the search index from the database")
        index_problems = _index_problems(archive, {int(row["id"]) for row in rows})
    report.problems += index_problems
    return report


def _index_problems(archive: Archive, ids: set[int]) -> list[str]:
    problems = []
    try:
        archive.index.wait_until_indexed()
    except ArchiveError as error:  # reported as what it is; the comparison below still runs
        problems.append(f"index: {error.message}")
    indexed = archive.index.indexed_ids()
    queued = archive.index.queued_ids()  # being indexed (by the window, when only reading)
    missing = sorted(ids - indexed - queued)
    extra = sorted(indexed - ids - queued)
    if missing:
        problems.append(
            f"index: {len(missing)} sources are missing from the index ({_some(missing)})"
        )
    if extra:
        problems.append(
            f"index: {len(extra)} deleted sources are still in the index ({_some(extra)})"
        )
    return problems


def _unreferenced_originals(archive: Archive, known: set[str]) -> list[str]:
    stray = [
        path
        for path in archive.store.root.glob("*/*")
        if not path.name.startswith(".") and path.name.split(".", 1)[0] not in known
    ]
    if not stray:
        return []
    return [f"{len(stray)} files in originals/ belong to no source (left by an interrupted import)"]


def _some(ids: list[int]) -> str:
    shown = ", ".join(str(i) for i in ids[:10])
    return shown + (", …" if len(ids) > 10 else "")
