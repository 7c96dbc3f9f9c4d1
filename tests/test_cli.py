"""The command line, run as a user runs it: in a subprocess, with exit codes and messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT
from PySide6.QtGui import QImage


def run(*args: str, settings: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if settings is not None:
        env["XDG_CONFIG_HOME"] = str(settings)
    return subprocess.run(
        [sys.executable, "-m", "leaflet_app", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )


def test_list_languages_shows_names_direction_and_status() -> None:
    result = run("--list-languages")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 + len(LANGUAGES) == 18
    assert lines[0].split()[:3] == ["code", "English", "name"]
    by_code = {line.split()[0]: line for line in lines[1:]}
    assert "Polish" in by_code["pl"] and "Polski" in by_code["pl"] and "draft" in by_code["pl"]
    assert "اردو" in by_code["ur"] and "rtl" in by_code["ur"]
    assert "original" in by_code["en"]


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--language", "xx"], "unknown language 'xx'. Valid languages: en, ar, bg"),
        (["--section", "nowhere"], "unknown section 'nowhere'. Valid sections: what-is-an-scr"),
        (["--size", "big", "--screenshot", "x.png"], "--size must look like 1280x800"),
        (["--export", "out.doc"], "--export writes .txt and .pdf files"),
    ],
)
def test_bad_values_name_the_valid_ones_and_exit_2(args: list[str], complaint: str, tmp_path: Path) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert complaint in result.stderr
    assert result.stdout == ""


def test_screenshot_in_english_and_polish(tmp_path: Path) -> None:
    en = tmp_path / "en.png"
    result = run("--screenshot", str(en))
    assert result.returncode == 0, result.stderr
    image = QImage(str(en))
    assert (image.width(), image.height()) == (1280, 800)
    pl = tmp_path / "pl.png"
    result = run("--language", "pl", "--section", "contact", "--screenshot", str(pl), "--size", "1000x700")
    assert result.returncode == 0, result.stderr
    image = QImage(str(pl))
    assert (image.width(), image.height()) == (1000, 700)
    colours = {image.pixel(x, y) for x in range(0, 1000, 37) for y in range(0, 700, 29)}
    assert len(colours) > 5, "the screenshot looks blank"


def test_export_polish_keeps_contacts(tmp_path: Path) -> None:
    out = tmp_path / "pl.txt"
    result = run("--language", "pl", "--export", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "01604 364036" in text and "nscb@northamptonshire.gcsx.gov.uk" in text
    assert "Kontakt" in text


def test_export_is_atomic_and_reports_unwritable_places(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = run("--export", str(out / "missing-folder" / "x.txt"))
    assert result.returncode == 2 and "does not exist" in result.stderr  # refused before any work
    result = run("--export", "/sys/leaflet.txt")  # a place nobody may write
    assert result.returncode == 1 and "cannot write /sys/leaflet.txt" in result.stderr
    assert list(out.iterdir()) == []
    target = out / "leaflet.txt"
    target.write_text("the previous export", encoding="utf-8")
    assert run("--export", str(target)).returncode == 0
    assert target.read_text(encoding="utf-8").startswith("Serious Case Review")
    assert [p.name for p in out.iterdir()] == ["leaflet.txt"]  # no temporary file left behind


@pytest.mark.parametrize("language", ["bn", "pa", "ur"])
def test_a_start_in_an_indic_or_arabic_script_writes_nothing_to_the_terminal(tmp_path: Path, language: str) -> None:
    """Support staff read the terminal for real problems: Qt's notes about fonts are not one."""
    result = run("--language", language, "--screenshot", str(tmp_path / "shot.png"), settings=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_a_screenshot_shows_no_control_hovered(tmp_path: Path) -> None:
    """Offscreen the pointer sits in the window's corner, over the first toolbar button: the
    picture must not show that button lit as if the pointer were on it (a button's fill at the
    same height inside the first and the third button is the same)."""
    shot = tmp_path / "shot.png"
    result = run("--language", "en", "--size", "1366x768", "--screenshot", str(shot), settings=tmp_path)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    row = [image.pixelColor(x, 12).name() for x in range(0, 200)]
    fills = {colour for colour in row if row.count(colour) > 20}  # the buttons' and the window's fills
    assert len(fills) <= 2, fills
