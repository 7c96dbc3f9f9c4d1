"""scripts/gallery.py, run as a developer runs it, on a one-picture grid."""

from __future__ import annotations

import subprocess
import sys
from array import array
from pathlib import Path

from conftest import ROOT
from PySide6.QtGui import QImage


def run_gallery(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "scripts/gallery.py", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def pixels(image: QImage) -> array:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    words = array("I", bytes(image.constBits()))
    assert len(words) == image.width() * image.height()  # RGB32 rows have no padding
    return words


def test_a_tiny_grid_gives_a_captioned_sheet_with_the_screenshot_on_it(tmp_path: Path) -> None:
    result = run_gallery("--languages", "ur", "--sizes", "800x1280", "--modes", "normal",
                         "--sections", "contact", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    sheet_path = tmp_path / "normal.png"
    assert str(sheet_path) in result.stdout

    shot = QImage(str(tmp_path / "normal" / "ur-800x1280-contact.png"))
    assert (shot.width(), shot.height()) == (800, 1280)
    sheet = QImage(str(sheet_path))
    assert not sheet.isNull()
    assert 225 <= sheet.width() < 1000 and 360 < sheet.height() < 700  # portrait thumbnail, 360 px high

    # Not blank: most of the 225×360 thumbnail's area differs from the sheet's background (the
    # captions alone cover far less), in many colours.
    words = pixels(sheet)
    background = words[0]
    covered = sum(1 for w in words if w != background)
    assert covered > 0.6 * 225 * 360, f"only {covered} pixels differ from the background"
    assert len(set(words)) > 100


def test_unknown_values_name_the_valid_ones(tmp_path: Path) -> None:
    out = tmp_path / "gallery"
    result = run_gallery("--languages", "en,xx", "--out", str(out))
    assert result.returncode == 2
    assert "unknown language 'xx'. Valid languages: en, ar" in result.stderr
    result = run_gallery("--modes", "huge", "--out", str(out))
    assert result.returncode == 2
    assert "Valid modes: normal, accessible" in result.stderr
    assert not out.exists()  # nothing written
