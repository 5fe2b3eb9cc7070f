"""A news site and a photo agency on 127.0.0.1 (HTTP, or HTTPS with a test's own authority)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.capture.servers import Authority, Site, make_authority, serve
from tests.fixtures import make_captures as captures
from tests.helpers import Cli


@pytest.fixture
def agency() -> Iterator[Site]:
    """The photo agency: another host that serves the article's two photos."""
    first, second = captures.photos()
    site = Site(
        routes={
            "/2023/ambulance.jpg": (200, [("Content-Type", "image/jpeg")], first),
            "/2023/market.jpg": (200, [("Content-Type", "image/jpeg")], second),
        }
    )
    yield from serve(site)


def news_routes(agency: Site) -> dict[str, object]:
    page = captures.article_html(
        [f"{agency.base}/2023/ambulance.jpg", f"{agency.base}/2023/market.jpg"]
    ).encode("utf-8")
    return {
        "/opinion/lachin-corridor": (
            200,
            [("Content-Type", "text/html; charset=utf-8"), ("Set-Cookie", "session=abc; Path=/")],
            page,
        ),
        "/static/app.js": (200, [("Content-Type", "application/javascript")], b"track()"),
        "/static/site.css": (200, [("Content-Type", "text/css")], b"body{}"),
        "/pixel.gif": (200, [("Content-Type", "image/gif")], b"GIF89a;"),
        "/old-address": (301, [("Location", "/opinion/lachin-corridor")], b""),
    }


@pytest.fixture
def news(agency: Site) -> Iterator[Site]:
    yield from serve(Site(routes=news_routes(agency)))  # type: ignore[arg-type]


@pytest.fixture
def authority(tmp_path: Path) -> Authority:
    return make_authority(tmp_path)


@pytest.fixture
def secure_news(agency: Site, authority: Authority) -> Iterator[Site]:
    yield from serve(Site(routes=news_routes(agency)), authority)  # type: ignore[arg-type]


@pytest.fixture
def run_cli(archive_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """``archive-app --archive PATH ARGS...`` run in-process (:class:`tests.cli.conftest.Cli`)."""
    return Cli(archive_path, capsys)
