"""Saved searches: a query (and how to sort it) kept under a name, for the window's sidebar and
the command line. Running one searches afresh, so it finds what the archive holds now."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, get_args

from archive_app.core.db import Database, now_iso
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.search.results import SearchResults, SortOrder

MAX_NAME_CHARS = 200
Runner = Callable[..., SearchResults]
"""Runs a search: ``run(query, sort=..., **options)`` (the archive's ``search``)."""


@dataclass(frozen=True)
class SavedSearch:
    id: int
    name: str
    query: str
    sort: SortOrder
    created_at: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "query": self.query,
            "sort": self.sort,
            "created_at": self.created_at,
        }


class SavedSearches:
    """The archive's saved searches (table ``saved_searches``), named uniquely in any case."""

    def __init__(self, database: Database, run: Runner) -> None:
        self.database = database
        self._run = run

    def all(self) -> list[SavedSearch]:
        """Every saved search, by name."""
        rows = self.database.query(
            "SELECT id, name, query, sort, created_at FROM saved_searches "
            "ORDER BY name COLLATE NOCASE"
        )
        return [_saved(row) for row in rows]

    def get(self, ref: int | str) -> SavedSearch:
        """A saved search by id or by name (case does not matter)."""
        for saved in self.all():
            if saved.id == ref or (
                isinstance(ref, str) and saved.name.casefold() == " ".join(ref.split()).casefold()
            ):
                return saved
        raise NotFoundError(
            Message(QT_TRANSLATE_NOOP("core", "There is no saved search named '{name}'."), name=ref)
        )

    def add(
        self, name: str, query: str, *, sort: SortOrder = "relevance", replace: bool = False
    ) -> SavedSearch:
        """Save ``query`` as ``name``. A name already used is refused unless ``replace``."""
        clean_name = " ".join(name.split())
        clean_query = query.strip()
        _check(clean_name, clean_query, sort)
        with self.database.transaction() as connection:
            existing = connection.execute(
                "SELECT id FROM saved_searches WHERE name = ? COLLATE NOCASE", (clean_name,)
            ).fetchone()
            if existing is not None and not replace:
                raise InvalidInputError(
                    Message(
                        QT_TRANSLATE_NOOP(
                            "core", "There is already a saved search named '{name}'."
                        ),
                        name=clean_name,
                    )
                )
            if existing is not None:
                connection.execute(
                    "UPDATE saved_searches SET name = ?, query = ?, sort = ? WHERE id = ?",
                    (clean_name, clean_query, sort, existing[0]),
                )
            else:
                connection.execute(
                    "INSERT INTO saved_searches (name, query, sort, created_at) "
                    "VALUES (?, ?, ?, ?)",
                    (clean_name, clean_query, sort, now_iso()),
                )
        return self.get(clean_name)

    def remove(self, ref: int | str) -> SavedSearch:
        """Delete a saved search; it as it was."""
        saved = self.get(ref)
        with self.database.transaction() as connection:
            connection.execute("DELETE FROM saved_searches WHERE id = ?", (saved.id,))
        return saved

    def run(self, ref: int | str, **options: Any) -> SearchResults:
        """Run a saved search (its sort unless ``sort`` is given; other options as for
        ``Archive.search``)."""
        saved = self.get(ref)
        options.setdefault("sort", saved.sort)
        return self._run(saved.query, **options)


def _check(name: str, query: str, sort: str) -> None:
    if not name:
        raise InvalidInputError(Message(QT_TRANSLATE_NOOP("core", "A saved search needs a name.")))
    if len(name) > MAX_NAME_CHARS:
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "A saved search's name is limited to {limit} characters."
                ),
                limit=MAX_NAME_CHARS,
            )
        )
    if not query:
        raise InvalidInputError(Message(QT_TRANSLATE_NOOP("core", "A saved search needs a query.")))
    if sort not in get_args(SortOrder):
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core", "A search is sorted by relevance or by date, not '{sort}'."
                ),
                sort=str(sort),
            )
        )


def _saved(row: Any) -> SavedSearch:
    sort = str(row["sort"])
    return SavedSearch(
        id=int(row["id"]),
        name=str(row["name"]),
        query=str(row["query"]),
        sort=sort if sort in get_args(SortOrder) else "relevance",  # type: ignore[arg-type]
        created_at=str(row["created_at"]),
    )
