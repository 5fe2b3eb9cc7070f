"""The desktop integration shipped in the package: valid files, installed where desktops
look for them, an icon that exists at every size, and nothing read from a source checkout."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from archive_app.cli import main
from archive_app.resources import APP_ICON_SIZES, APP_ID, app_icon_png, desktop_file, icon_svg


def _shipped(suffix: str, tmp_path: Path) -> Path:
    path = tmp_path / f"{APP_ID}{suffix}"
    path.write_bytes(desktop_file(suffix).read_bytes())
    return path


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_the_desktop_entry_is_valid(tmp_path: Path) -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(_shipped(".desktop", tmp_path))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream absent")
def test_the_appstream_metadata_passes_pedantic_validation(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--pedantic",
            "--no-net",
            str(_shipped(".metainfo.xml", tmp_path)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    problems = [line for line in result.stdout.splitlines() if line[:2] in {"E:", "W:", "P:"}]
    assert problems == []


def test_the_entry_opens_files_and_names_the_metadata_id() -> None:
    entry = desktop_file(".desktop").read_text(encoding="utf-8")
    metainfo = desktop_file(".metainfo.xml").read_text(encoding="utf-8")
    assert "Exec=archive-app gui %F" in entry
    assert f"Icon={APP_ID}" in entry
    assert f"<id>{APP_ID}</id>" in metainfo
    assert f'<launchable type="desktop-id">{APP_ID}.desktop</launchable>' in metainfo
    for needed in ("<screenshots>", "<releases>", "<developer", '<url type="homepage">'):
        assert needed in metainfo


def test_the_application_icon_is_in_colour_at_every_size() -> None:
    for size in APP_ICON_SIZES:
        with Image.open(app_icon_png(size)) as image:
            assert image.size == (size, size)
            colours = image.convert("RGB").getcolors(size * size)
            assert colours is not None and len(colours) > 8  # not a black line drawing


def test_window_icons_come_from_the_package() -> None:
    assert icon_svg("archive").startswith(b"<svg")
    with pytest.raises(FileNotFoundError, match="no-such-icon"):
        icon_svg("no-such-icon")


def test_desktop_install_puts_the_entry_and_icons_under_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["desktop", "install"]) == 0
    share = tmp_path / "share"
    entry = (share / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert "Exec=" in entry and " gui %F" in entry
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (share / "icons" / "hicolor" / "48x48" / "apps" / f"{APP_ID}.png").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert "application menu" in capsys.readouterr().out

    assert main(["desktop", "remove"]) == 0
    assert not (share / "applications" / f"{APP_ID}.desktop").exists()
    assert not list(share.rglob(f"{APP_ID}.*"))
