"""A place for a source or photo, without a map: from its GPS position, from the gazetteer, or
typed by hand, always with a stated precision. The place name is indexed, so ``place:Shusha``
and plain searches for it find the source.

Towns come from the search's gazetteer table (GeoNames, every spelling of a name): a name
means its most populous place, and a GPS position is named after the nearest town of at least
:data:`TOWN_POPULATION` people ("near Shusha"), as exact coordinates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from archive_app.core.changes import Change
from archive_app.core.db import Database
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.core.journal import Notify
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.sources import load_source
from archive_app.core.verification import write_evidence

if TYPE_CHECKING:
    from archive_app.core.search.gazetteer import Gazetteer

PRECISIONS = ("exact", "100 m", "1 km", "town", "region")
TOWN_POPULATION = 15_000
"""A GPS position is named after a town at least this large: a hamlet's name tells a reader
little about where a photo was taken."""


class Places:
    """Setting and clearing sources' places."""

    def __init__(self, database: Database, notify: Notify, gazetteer: Gazetteer) -> None:
        self.database = database
        self.notify = notify
        self.gazetteer = gazetteer

    def set_place(
        self,
        source_id: int,
        name: str,
        *,
        latitude: float | None = None,
        longitude: float | None = None,
        precision: str = "town",
        reason: str = "",
    ) -> Change:
        """A place by hand: a name, optionally coordinates, and how precise it is."""
        clean = " ".join(name.split())
        if not clean and latitude is None:
            raise InvalidInputError(
                Message(QT_TRANSLATE_NOOP("core", "A place needs a name or coordinates."))
            )
        if precision not in PRECISIONS:
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "core", "'{precision}' is not a precision. Use one of: {precisions}."
                    ),
                    precision=str(precision),
                    precisions=str(", ".join(PRECISIONS)),
                )
            )
        if (latitude is None) != (longitude is None):
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP("core", "Give both a latitude and a longitude, or neither.")
                )
            )
        if latitude is not None and longitude is not None:
            _check_coordinates(latitude, longitude)
        values = {
            "place_name": clean,
            "latitude": latitude,
            "longitude": longitude,
            "place_precision": precision,
        }
        shown = clean or f"{latitude}, {longitude}"
        return write_evidence(
            self.database,
            self.notify,
            [source_id],
            values,
            description=f"Place of source {source_id}: {shown} ({precision})",
            reason=reason,
        )

    def from_gazetteer(self, source_id: int, name: str, *, reason: str = "") -> Change:
        """The place of the gazetteer town called ``name`` (any of its spellings)."""
        towns = self.gazetteer.places(name)
        if not towns:
            raise NotFoundError(
                Message(
                    QT_TRANSLATE_NOOP("core", "The gazetteer knows no town called '{name}'."),
                    name=str(name),
                )
            )
        town = towns[0]
        return self.set_place(
            source_id,
            f"{town.name}, {town.country}",
            latitude=town.latitude,
            longitude=town.longitude,
            precision="town",
            reason=reason,
        )

    def from_gps(self, source_id: int, *, reason: str = "") -> Change:
        """The photo's own GPS position, named after the nearest town."""
        gps: Any = load_source(self.database, source_id).metadata.get("gps")
        if not isinstance(gps, dict) or "lat" not in gps or "lon" not in gps:
            raise InvalidInputError(
                Message(
                    QT_TRANSLATE_NOOP("core", "Source {source_id} has no GPS position."),
                    source_id=str(source_id),
                )
            )
        latitude, longitude = float(gps["lat"]), float(gps["lon"])
        _check_coordinates(latitude, longitude)
        town = self.gazetteer.nearest(latitude, longitude, population=TOWN_POPULATION)
        return self.set_place(
            source_id,
            f"near {town.name}, {town.country}" if town else "",
            latitude=latitude,
            longitude=longitude,
            precision="exact",
            reason=reason,
        )

    def clear(self, source_id: int, *, reason: str = "") -> Change:
        values = {"place_name": "", "latitude": None, "longitude": None, "place_precision": ""}
        return write_evidence(
            self.database,
            self.notify,
            [source_id],
            values,
            description=f"Place of source {source_id} cleared",
            reason=reason,
        )


def _check_coordinates(latitude: float, longitude: float) -> None:
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise InvalidInputError(
            Message(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{latitude}, {longitude} is not a position: latitude runs from -90 to "
                    "90, longitude from -180 to 180.",
                ),
                latitude=str(latitude),
                longitude=str(longitude),
            )
        )
