"""Bundled Noto fonts, loaded on first use of each script, and each language's font preference.

Nothing assumes a system font: Latin, Greek and Cyrillic come from Noto Sans; Arabic from Noto
Naskh Arabic; Urdu from Noto Nastaliq Urdu, chosen explicitly because Qt's fallback would pick
Naskh, which Urdu readers find foreign; Bengali and Gurmukhi from their Noto Sans families.
``use_bundled_fonts_only()`` hides the machine's own fonts from the process (fontconfig), so a
system copy of Noto in another version, or a system fallback font, can never be drawn instead.

Each script is sized so that it looks as large as Latin at the same setting (``size_factor``,
measured from the font files), and Latin words and digits inside another script are set in the
Latin face at the Latin size (``latin_font``, ``latin_runs``): Nastaliq's own space is almost
nothing, which ran English words together ("8-10The Lakes").
"""

from __future__ import annotations

import logging
import os
import re
from functools import cache

from PySide6.QtGui import QFont, QFontDatabase, QRawFont

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
LATIN_FAMILIES = {BASE_FAMILY, READABLE_FAMILY}

# Nastaliq stacks letters diagonally and rises far above the font's declared ascent: give its
# lines (and the controls that hold them) more height, or the tops of words are cut off.
FAMILY_LINE_HEIGHT = {"Noto Nastaliq Urdu": 1.45}
# Extra letter spacing (WCAG 1.4.12) would break joined writing: Arabic and Urdu letters join,
# Bengali and Gurmukhi letters hang from one headline. Only these scripts get it.
LETTER_SPACED_SCRIPTS = {"Latn", "Grek", "Cyrl"}

# --- looking as large as Latin --------------------------------------------------------------
# Which letters' tops are matched to which Latin letters' tops (medians, from the outlines).
# Bengali and Gurmukhi letters hang from one headline, the top of nearly every letter: it is
# matched to the line Latin letters of one height share, the capitals' (Noto sets the headline
# at 0.62 em, Latin capitals at 0.71 em). Arabic letters sit in a low body of teeth and bowls,
# matched to the Latin x-height, with its tall letters (alef, lam, kaf) rising no more than
# TALL_LIMIT times above Latin's ascenders. No script is made smaller than the setting.
LATIN_X = "xzvwunmosacer"
LATIN_CAPS = "HEFILTNZ"
LATIN_TALL = "lbdhk"
HEADLINE_LETTERS = {
    "Noto Sans Bengali": "কখগঘচছজঝটঠডঢণতথদধনপফবভমযরলশষসহ",
    "Noto Sans Gurmukhi": "ਕਖਗਘਚਛਜਝਟਠਡਢਣਤਥਦਧਨਪਫਬਭਮਯਰਲਵਸਹ",
}
ARABIC_BODY = "\u066eسصهموعحدى"  # dotless: dots would count as height
ARABIC_TALL = "الكط"
ARABIC_FAMILIES = {"Noto Naskh Arabic", "Noto Nastaliq Urdu"}
TALL_LIMIT = 1.1
_MEASURE_PX = 1000.0

# Latin letters, digits and what joins them inside a run ("8-10 The Lakes", an e-mail address);
# left-to-right isolates round contact details are part of a run.
_LATIN = "A-Za-z0-9\u00c0-\u024f"
_ISOLATES = "\u2066-\u2069"
_LATIN_INNER = _LATIN + _ISOLATES + " \u00a0\\-\u2010-\u2014.,@/:'\u2019&+#()"
# Brackets round it and a space on either side go with the run: Nastaliq's space would join
# "ذریعے" and "NSCB", or "(SCR)" and "کیا".
# (A pattern, compiled by ``re`` when first used: English, the first page, never needs it.)
LATIN_RUN = rf" ?[({{\[]?[{_ISOLATES}]*[{_LATIN}](?:[{_LATIN_INNER}]*[{_LATIN}])?[{_ISOLATES}]*[)}}\]]? ?"
# Letters of the bundled non-Latin scripts (Arabic with its presentation forms, Bengali, Gurmukhi).
SCRIPT_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u0980-\u0a7f]")

_loaded: set[str] = set()


def use_bundled_fonts_only() -> None:
    """Let fontconfig (the font list of Qt on Linux, offscreen, xcb and wayland alike) see only
    the bundled folder, through its own configuration there. Call before the QApplication exists:
    fontconfig reads its configuration once. Elsewhere (Windows, macOS) it has no effect, and the
    explicit families below still apply."""
    config = paths.fonts_dir() / "fonts.conf"
    if config.is_file():
        os.environ["FONTCONFIG_FILE"] = str(config)
    else:
        log.warning("%s is missing; the machine's own fonts may be drawn", config)


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


def raw_font(family: str, pixel_size: float = _MEASURE_PX) -> QRawFont:
    """The bundled Regular file of ``family``, read directly (never a system copy)."""
    return QRawFont(str(paths.fonts_dir() / f"{FAMILY_FILES[family]}-Regular.ttf"), pixel_size)


def median_top(raw: QRawFont, letters: str) -> float:
    """Median height above the baseline of the outlines of ``letters`` (unshaped, as drawn alone)."""
    tops = []
    for letter in letters:
        glyphs = raw.glyphIndexesForString(letter)
        if glyphs and glyphs[0]:
            tops.append(-raw.pathForGlyph(glyphs[0]).boundingRect().top())
    import statistics  # only here: it brings decimal and fractions

    return statistics.median(tops)


@cache
def size_factor(family: str) -> float:
    """How much larger than the setting ``family`` is drawn, so it looks as large as Latin."""
    if family in HEADLINE_LETTERS:
        latin = raw_font(BASE_FAMILY)
        factor = median_top(latin, LATIN_CAPS) / median_top(raw_font(family), HEADLINE_LETTERS[family])
    elif family in ARABIC_FAMILIES:
        latin, own = raw_font(BASE_FAMILY), raw_font(family)
        factor = min(median_top(latin, LATIN_X) / median_top(own, ARABIC_BODY),
                     TALL_LIMIT * median_top(latin, LATIN_TALL) / median_top(own, ARABIC_TALL))
    else:
        return 1.0
    return round(max(1.0, factor), 3)


def font_for(language: str, point_size: float, readable: bool = False) -> QFont:
    """The font for text in ``language`` at the setting ``point_size`` (its script's own size)."""
    families = families_for(language, readable)
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(point_size * size_factor(families[0]))
    return font


def application_font(language: str, point_size: float, readable: bool = False) -> QFont:
    """The font for the whole application (tooltips, menus, pop-ups) in ``language``."""
    return font_for(language, point_size, readable)


def latin_font(font: QFont) -> QFont | None:
    """The font for Latin words and digits inside text set in ``font``: its Latin families at the
    setting's own size; None when ``font`` is a Latin font already."""
    families = font.families() or [font.family()]
    if families[0] in LATIN_FAMILIES or len(families) < 2:
        return None
    latin = QFont(font)
    latin.setFamilies(families[1:])
    factor = size_factor(families[0])
    if font.pointSizeF() > 0:
        latin.setPointSizeF(font.pointSizeF() / factor)
    else:
        latin.setPixelSize(max(1, round(font.pixelSize() / factor)))
    return latin


def latin_runs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each run of Latin words, digits and what joins them in ``text``; all of it
    when it has no letters of another script (its invisible isolates and line breaks too, whose
    font would otherwise set the height of its lines)."""
    if not has_script_letters(text):
        return [(0, len(text))] if text else []
    return [m.span() for m in re.finditer(LATIN_RUN, text)]


def has_script_letters(text: str) -> bool:
    """Whether ``text`` holds letters of a bundled non-Latin script (and needs that script's room)."""
    return SCRIPT_LETTER.search(text) is not None
