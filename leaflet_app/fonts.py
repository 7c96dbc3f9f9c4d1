"""Bundled Noto fonts, loaded on first use of each script, and each language's font preference.

Nothing assumes a system font: Latin, Greek and Cyrillic come from Noto Sans; Arabic from Noto
Naskh Arabic; Urdu from Noto Nastaliq Urdu, chosen explicitly because Qt's fallback would pick
Naskh, which Urdu readers find foreign; Bengali and Gurmukhi from their Noto Sans families.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from leaflet_app import paths
from leaflet_app.catalogues import language_info

log = logging.getLogger(__name__)

BASE_FAMILY = "Noto Sans"
# Font family per ISO 15924 script, and the files that provide it.
SCRIPT_FAMILIES = {
    "Latn": BASE_FAMILY,
    "Grek": BASE_FAMILY,
    "Cyrl": BASE_FAMILY,
    "Arab": "Noto Naskh Arabic",
    "Beng": "Noto Sans Bengali",
    "Guru": "Noto Sans Gurmukhi",
}
# Where one language of a script needs another style than the script's default.
LANGUAGE_FAMILIES = {"ur": "Noto Nastaliq Urdu"}
FAMILY_FILES = {
    BASE_FAMILY: "NotoSans",
    "Noto Naskh Arabic": "NotoNaskhArabic",
    "Noto Nastaliq Urdu": "NotoNastaliqUrdu",
    "Noto Sans Bengali": "NotoSansBengali",
    "Noto Sans Gurmukhi": "NotoSansGurmukhi",
    "Andika": "Andika",
}
# The "easy-to-read letters" option: SIL's Andika, designed for literacy, clear l/I/1 and a/d/b.
READABLE_FAMILY = "Andika"
READABLE_SCRIPTS = {"Latn", "Grek", "Cyrl"}

# Nastaliq stacks letters diagonally and rises far above the font's declared ascent: give its
# lines (and the controls that hold them) more height, or the tops of words are cut off.
FAMILY_LINE_HEIGHT = {"Noto Nastaliq Urdu": 1.45}
# Extra letter spacing (WCAG 1.4.12) would break joined writing: Arabic and Urdu letters join,
# Bengali and Gurmukhi letters hang from one headline. Only these scripts get it.
LETTER_SPACED_SCRIPTS = {"Latn", "Grek", "Cyrl"}

_loaded: set[str] = set()


def ensure_family(family: str) -> bool:
    """Register the bundled files of ``family`` with Qt (once); False if they are missing."""
    if family in _loaded:
        return True
    stem = FAMILY_FILES.get(family)
    if stem is None:
        return False
    ok = True
    for style in ("Regular", "Bold"):
        path = paths.fonts_dir() / f"{stem}-{style}.ttf"
        if QFontDatabase.addApplicationFont(str(path)) < 0:
            log.warning("Bundled font %s could not be loaded; text may fall back to a system font", path)
            ok = False
    _loaded.add(family)
    return ok


def families_for(language: str, readable: bool = False) -> list[str]:
    """Font families for a language, most preferred first; Noto Sans last for Latin and digits."""
    script = language_info(language).script
    primary = LANGUAGE_FAMILIES.get(language) or SCRIPT_FAMILIES.get(script, BASE_FAMILY)
    families = [primary] if primary == BASE_FAMILY else [primary, BASE_FAMILY]
    if readable:
        families.insert(0 if script in READABLE_SCRIPTS else 1, READABLE_FAMILY)
    for family in families:
        ensure_family(family)
    return families


def line_height(language: str) -> float:
    """How many times the font's own line height a line of this language needs."""
    return family_line_height(families_for(language)[0])


def family_line_height(family: str) -> float:
    """How many times its own line height a line set in ``family`` needs."""
    return FAMILY_LINE_HEIGHT.get(family, 1.0)


def letter_spacing_allowed(language: str) -> bool:
    return language_info(language).script in LETTER_SPACED_SCRIPTS


def font_for(language: str, point_size: float, readable: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(families_for(language, readable))
    font.setPointSizeF(point_size)
    return font
