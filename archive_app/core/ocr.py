"""Reading the text of scans and photographed documents into the archive.

Every page to read is a task of its own in the worker pool, so a page has its own time limit,
pages are read in parallel, and a 500-page scan reports progress page by page. Each source's
pages are written in one transaction once they are all read; when the work is cancelled, what
was read is written all the same and the source's notes say what is missing.

What is read: the pages of a PDF that have no text layer, and a picture as a whole (its page 1
in ``ocr_pages``). A page's text replaces the empty page in the body (so page numbers work as
for other PDFs); a picture's text becomes its body. The words with their boxes go to
``ocr_pages``, for marking hits on the page image.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from archive_app.core.db import Database, now_iso
from archive_app.core.errors import InvalidInputError, OcrUnavailableError
from archive_app.core.extraction import ExtractionPool, ExtractionTask
from archive_app.core.index import SearchIndex, queue_for_index
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.progress import CancelToken, ProgressCallback, is_cancelled, report_progress
from archive_app.core.sources import a_kind, load_source
from archive_app.core.store import OriginalStore
from archive_app.importers.document import Block, ExtractedDocument
from archive_app.importers.ocr_languages import choose_languages, guess_language, parse_languages
from archive_app.importers.ocr_page import PAGE_TIME_LIMIT, OcrPage, OcrRequest, OcrWord
from archive_app.importers.pdf_text import first_meaningful_line, title_from_name
from archive_app.importers.sniff import FileType

log = logging.getLogger(__name__)

LANGUAGES_SETTING = "ocr_languages"
OCR_ENGINE = "tesseract"
READING_TEXT = Message(QT_TRANSLATE_NOOP("core", "Reading text"))
"""How OCR's progress messages start (the import's progress bar shows them as they are)."""
NOTE_PREFIX = "OCR: "
"""Notes OCR leaves on a source start with this, so reading it again replaces them."""
NOTHING_TO_READ = QT_TRANSLATE_NOOP(
    "core", "Every page has a text layer already; there is nothing to read by OCR."
)


@dataclass
class OcrOutcome:
    """What happened to one source: the pages read, and the notes on what was not."""

    source_id: int
    pages_read: list[int] = field(default_factory=list)
    unread: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    confidence: float = 0.0


@dataclass
class OcrReport:
    outcomes: list[OcrOutcome] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    cancelled: bool = False


@dataclass
class _Job:
    source_id: int
    pages: list[int]
    read: dict[int, OcrPage] = field(default_factory=dict)
    failures: dict[int, str] = field(default_factory=dict)

    @property
    def finished(self) -> bool:
        return len(self.read) + len(self.failures) == len(self.pages)


class TextRecognition:
    """OCR for the archive: which languages to read, which pages, and the reading itself."""

    def __init__(
        self, database: Database, store: OriginalStore, index: SearchIndex, pool: ExtractionPool
    ) -> None:
        """``pool``: the import's worker pool, whose size and limits OCR's own pool takes. OCR
        has a pool of its own so that the window can read a photo while an import runs; one
        reading runs at a time."""
        self.database = database
        self.store = store
        self.index = index
        self.pool = ExtractionPool(pool.size, pool.timeout, pool.memory_limit)
        self._one_at_a_time = threading.Lock()

    def close(self) -> None:
        self.pool.close()

    def engine_version(self) -> str:
        """Tesseract's version, or "" when it is not installed."""
        from archive_app.importers.ocr import tesseract_version

        return tesseract_version()

    def languages(self) -> list[str]:
        """The setting's languages (or the region's), with the archive's most common ones."""
        from archive_app.importers.ocr import installed_languages

        rows = self.database.query(
            "SELECT language FROM sources WHERE language != '' "
            "GROUP BY language ORDER BY count(*) DESC LIMIT 3"
        )
        return choose_languages(
            self.database.setting(LANGUAGES_SETTING),
            [str(row[0]) for row in rows],
            installed_languages(),
        )

    def saved_languages(self) -> list[str]:
        """The languages set for this archive, as Tesseract's codes (empty: the region's)."""
        return parse_languages(self.database.setting(LANGUAGES_SETTING))

    def installed_languages(self) -> set[str]:
        """The language packs Tesseract has here (empty without Tesseract)."""
        from archive_app.importers.ocr import installed_languages

        return installed_languages()

    def set_languages(self, languages: Iterable[str]) -> None:
        """Remember the languages to read in (``eng``, ``hy``, …); empty: the region's."""
        self.database.set_setting(LANGUAGES_SETTING, "+".join(parse_languages(" ".join(languages))))

    def pages_to_read(self, source_id: int) -> list[int]:
        """The pages of a source OCR reads: a PDF's pages without a text layer, a picture's
        one page; raises :class:`InvalidInputError` for sources that are not pictured."""
        source = load_source(self.database, source_id)
        if source.kind == "pdf":
            return list(source.metadata.get("pages_without_text", []))
        if source.kind == "image":
            return [1]
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Source {source_id} is {kind}; only PDFs and pictures have "
                    "text to read by OCR.",
                ),
                source_id=str(source_id),
                kind=a_kind(source.kind),
            )
        )

    def scans_among(self, source_ids: Iterable[int]) -> list[int]:
        """The PDFs among ``source_ids`` with pages that have no text layer."""
        return [
            source_id
            for source_id in source_ids
            if self.database.scalar(
                "SELECT 1 FROM sources WHERE id = ? AND kind = 'pdf' "
                "AND json_array_length(metadata, '$.pages_without_text') > 0",
                (source_id,),
            )
        ]

    def read_new_scans(
        self,
        source_ids: Iterable[int],
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> OcrReport | None:
        """After an import: read the scans among ``source_ids`` when OCR is installed (if it is
        not, they keep the note that says how to install it). None when there was nothing to do."""
        scans = self.scans_among(source_ids)
        if not scans or not self.engine_version() or is_cancelled(cancel):
            return None
        try:
            return self.recognise(scans, progress=progress, cancel=cancel)
        except OcrUnavailableError:
            return None

    def recognise(
        self,
        source_ids: Iterable[int],
        languages: Iterable[str] | None = None,
        *,
        page_time_limit: float = PAGE_TIME_LIMIT,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None,
    ) -> OcrReport:
        """Read the text of the pictured pages of ``source_ids`` and store it, searchable.

        Raises :class:`OcrUnavailableError` (naming the packages to install) when Tesseract or
        a language pack is missing, before anything is read.
        """
        from archive_app.importers.ocr import require_languages

        chosen = parse_languages(" ".join(languages or [])) or self.languages()
        require_languages(chosen)
        with self._one_at_a_time:
            return self._recognise(list(source_ids), chosen, page_time_limit, progress, cancel)

    def _recognise(
        self,
        source_ids: list[int],
        chosen: list[str],
        page_time_limit: float,
        progress: ProgressCallback | None,
        cancel: CancelToken | None,
    ) -> OcrReport:
        report = OcrReport(languages=chosen)
        jobs = {
            source_id: _Job(source_id, self.pages_to_read(source_id)) for source_id in source_ids
        }
        tasks, keys = self._tasks(jobs.values(), OcrRequest(0, tuple(chosen), page_time_limit))
        total = len(keys)
        report_progress(progress, 0, total, READING_TEXT)
        for done, result in enumerate(self.pool.run(tasks, cancel), 1):
            job, page = keys[result.key]
            if result.page is not None:
                job.read[page] = result.page
            elif result.bug:
                log.error("OCR bug on page %s of source %s:\n%s", page, job.source_id, result.bug)
                job.failures[page] = "an internal error (a bug; the details are in the log)."
            else:
                job.failures[page] = result.error
            report_progress(
                progress,
                done,
                total,
                Message(
                    QT_TRANSLATE_NOOP("core", "Reading text: page {done} of {total}"),
                    done=done,
                    total=total,
                ),
            )
            if job.finished:
                report.outcomes.append(self._store(job, chosen))
        report.cancelled = is_cancelled(cancel)
        for job in jobs.values():
            if not job.pages:
                report.outcomes.append(OcrOutcome(job.source_id, notes=[NOTHING_TO_READ]))
            elif not job.finished and (job.read or job.failures):
                report.outcomes.append(self._store(job, chosen))
        self.index.notify(wait=True)
        return report

    def _tasks(
        self, jobs: Iterable[_Job], request: OcrRequest
    ) -> tuple[deque[ExtractionTask], dict[int, tuple[_Job, int]]]:
        """One task per page; ``keys`` tells which job and page each task's key stands for."""
        tasks: deque[ExtractionTask] = deque()
        keys: dict[int, tuple[_Job, int]] = {}
        for job in jobs:
            source = load_source(self.database, job.source_id)
            path = self.store.path_for(source.provenance.sha256, source.provenance.original_ext)
            file_type: FileType = "pdf" if source.kind == "pdf" else "image"
            for page in job.pages:
                key = len(keys)
                keys[key] = (job, page)
                task = ExtractionTask(key, path, file_type, ocr=replace(request, page=page))
                tasks.append(task)
        return tasks, keys

    def _store(self, job: _Job, languages: list[str]) -> OcrOutcome:
        unread = [page for page in job.pages if page not in job.read]
        outcome = OcrOutcome(job.source_id, pages_read=sorted(job.read), unread=unread)
        outcome.notes = _notes(job, languages, self.engine_version())
        pages = list(job.read.values())
        words = [word for page in pages for word in page.words]
        outcome.confidence = _mean_confidence(words)
        with self.database.transaction() as connection:
            _write_text(connection, job.source_id, pages, languages, outcome)
            _write_words(connection, job.source_id, pages)
            queue_for_index(connection, [job.source_id])
        return outcome

    def words(self, source_id: int, page: int) -> list[OcrWord]:
        """The words OCR read on ``page`` of a source, with their boxes (none if not read)."""
        value = self.database.scalar(
            "SELECT words FROM ocr_pages WHERE source_id = ? AND page = ?", (source_id, page)
        )
        return [OcrWord.from_row(row) for row in json.loads(str(value))] if value else []


def _write_text(
    connection: sqlite3.Connection,
    source_id: int,
    pages: list[OcrPage],
    languages: list[str],
    outcome: OcrOutcome,
) -> None:
    row = connection.execute(
        "SELECT kind, title, original_name, body, blocks, metadata, extraction_notes, language "
        "FROM sources WHERE id = ?",
        (source_id,),
    ).fetchone()
    metadata = json.loads(row["metadata"])
    if row["kind"] == "pdf":
        blocks = _pdf_pages(row["body"], json.loads(row["blocks"]), metadata, pages)
    else:  # a photo's text is one passage; it has no pages
        blocks = [Block("paragraph", page.text) for page in pages if page.text]
    document = ExtractedDocument(kind=row["kind"], blocks=blocks)
    read = sorted(set(metadata.get("ocr", {}).get("pages", [])) | set(outcome.pages_read))
    metadata["ocr"] = _summary(languages, outcome.confidence, read)
    notes = [note for note in json.loads(row["extraction_notes"]) if not _is_scan_note(note)]
    language = row["language"] or guess_language(document.body, languages)
    connection.execute(
        "UPDATE sources SET title = ?, body = ?, blocks = ?, metadata = ?, extraction_notes = ?, "
        "language = ?, modified_at = ? WHERE id = ?",
        (
            _title(row["title"], row["original_name"], document.body),
            document.body,
            json.dumps([[b.kind, b.level, s, e] for b, s, e in document.block_spans()]),
            json.dumps(metadata, ensure_ascii=False, default=str),
            json.dumps([*notes, *outcome.notes], ensure_ascii=False),
            language,
            now_iso(),
            source_id,
        ),
    )


def _pdf_pages(
    body: str, spans: list[list[Any]], metadata: dict[str, Any], pages: list[OcrPage]
) -> list[Block]:
    """Every page of the PDF, the pages read by OCR with their new text."""
    texts = {level: body[start:end] for kind, level, start, end in spans if kind == "page"}
    texts.update({page.number: page.text for page in pages})
    count = int(metadata.get("page_count", 0)) or max(texts, default=0)
    return [Block("page", texts.get(number, ""), level=number) for number in range(1, count + 1)]


def _title(title: str, original_name: str, body: str) -> str:
    """A title made by a scanner or a camera ("scan0001", "IMG 5195") gives way to the first
    line of the text read; one a person chose for the file ("Ministry statement") stays."""
    machine_made = title == title_from_name(original_name) and any(c.isdigit() for c in title)
    return (first_meaningful_line(body) or title) if machine_made else title


def _summary(languages: list[str], confidence: float, pages: list[int]) -> dict[str, Any]:
    from archive_app.importers.ocr import tesseract_version

    return {
        "engine": OCR_ENGINE,
        "version": tesseract_version(),
        "languages": languages,
        "confidence": confidence,
        "pages": pages,
        "read_at": now_iso(),
    }


def _write_words(connection: sqlite3.Connection, source_id: int, pages: list[OcrPage]) -> None:
    connection.executemany(
        "INSERT OR REPLACE INTO ocr_pages (source_id, page, width, height, confidence, words) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                source_id,
                page.number,
                page.width,
                page.height,
                page.confidence,
                json.dumps([word.to_row() for word in page.words]),
            )
            for page in pages
        ],
    )


def _notes(job: _Job, languages: list[str], version: str) -> list[str]:
    notes = []
    engine = f"Tesseract {version}, {'+'.join(languages)}"
    if any(page.words for page in job.read.values()):
        notes.append(
            f"{NOTE_PREFIX}the text of {_pages(sorted(job.read))} was read from the picture "
            f"({engine}); misread words are possible."
        )
    elif job.read:
        notes.append(f"{NOTE_PREFIX}no text was found on {_pages(sorted(job.read))} ({engine}).")
    for page, reason in sorted(job.failures.items()):
        notes.append(f"{NOTE_PREFIX}page {page} could not be read: {reason}")
    unread = [page for page in job.pages if page not in job.read and page not in job.failures]
    if unread:
        notes.append(
            f"{NOTE_PREFIX}reading was stopped before {_pages(unread)}; read the source again "
            "to get the rest."
        )
    return notes


def _pages(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    return f"{len(numbers)} pages"


def _is_scan_note(note: str) -> bool:
    """Notes that reading the text makes out of date: OCR's own, and "no text layer"."""
    from archive_app.importers.pdf import is_no_text_note

    return note.startswith(NOTE_PREFIX) or is_no_text_note(note)


def _mean_confidence(words: list[OcrWord]) -> float:
    return round(sum(word.confidence for word in words) / len(words), 1) if words else 0.0
