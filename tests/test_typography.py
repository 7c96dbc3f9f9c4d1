"""Fonts and typography, measured from what Qt lays out: only the bundled fonts are ever drawn,
whatever the machine has; each script looks as large as Latin at the same setting; Latin words
and digits inside other scripts are set as Latin, with Latin's word space and line height."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys

import pytest
from conftest import LANGUAGES, ROOT
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QRawFont, QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from leaflet_app.app import use_application_font
from leaflet_app.catalogues import SOURCE_LANGUAGE
from leaflet_app.fonts import (
    BASE_FAMILY,
    FAMILY_FILES,
    font_for,
    has_script_letters,
    latin_font,
    raw_font,
)
from leaflet_app.i18n import translator
from leaflet_app.render import LeafletRenderer
from leaflet_app.ui.section_page import format_document
from leaflet_app.ui.shaped_text import shaped

BUNDLED = set(FAMILY_FILES)
QT_GENERIC = {"Sans Serif", "Serif", "Monospace"}  # Qt's own names, resolved through fontconfig
ALL_RUNS = (QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
            | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
            | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes)
LIST_FAMILIES = """
import sys
from leaflet_app.app import application
from PySide6.QtGui import QFontDatabase, QFontInfo
app = application()
import os
print(os.environ.get("FONTCONFIG_FILE", ""))
print(QFontInfo(app.font()).family())
print("\\n".join(QFontDatabase.families()))
"""


def is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def runs_with_text(layout: QTextLayout, text: str) -> list[tuple[QRawFont, list[tuple[str, QPointF, int]]]]:
    """Each glyph run of ``layout``: its font, and (character, position, glyph) per glyph."""
    out = []
    for i in range(layout.lineCount()):
        for run in layout.lineAt(i).glyphRuns(-1, -1, ALL_RUNS):
            indexes = run.stringIndexes()
            glyphs = [(text[k] if 0 <= k < len(text) else "", p, g)
                      for k, p, g in zip(indexes, run.positions(), run.glyphIndexes(), strict=True)]
            out.append((run.rawFont(), glyphs))
    return out


def family_of_each_character(layout: QTextLayout) -> dict[int, str]:
    """The family each character of ``layout`` is drawn in, by its index in the text."""
    found = {}
    for i in range(layout.lineCount()):
        for run in layout.lineAt(i).glyphRuns(-1, -1, ALL_RUNS):
            for k in run.stringIndexes():
                found.setdefault(k, run.rawFont().familyName())
    return found


def document_runs(doc: QTextDocument):
    doc.size()  # lay it all out
    block = doc.begin()
    while block.isValid():
        yield block, runs_with_text(block.layout(), block.text())
        block = block.next()


def section_document(renderer: LeafletRenderer, language: str, section_id: str, point_size: float = 11) -> QTextDocument:
    """A section's document made as the view makes it: the language's font, then its typography."""
    translator().set_language(language)
    tr = translator()
    font = font_for(language, point_size)
    doc = QTextDocument()
    doc.setDefaultFont(font)
    doc.setHtml(renderer.section_html(renderer.leaflet.section(section_id), tr.pgettext,
                                      "rtl" if tr.direction.name == "RightToLeft" else "ltr"))
    format_document(doc, language, False, QFontMetricsF(font).height())
    doc.setTextWidth(700)
    return doc


def one_line(text: str, font: QFont) -> QTextLayout:
    layout = QTextLayout(text, font)
    layout.setTextOption(QTextOption())
    layout.beginLayout()
    layout.createLine().setLineWidth(1e6)
    layout.endLayout()
    return layout


def median_top(letters: str, font: QFont) -> float:
    """Median height above the baseline of ``letters``, each drawn alone by Qt in ``font``."""
    tops = []
    for letter in letters:
        for raw, glyphs in runs_with_text(one_line(letter, font), letter):
            tops += [-raw.pathForGlyph(glyph).boundingRect().top() for _, _, glyph in glyphs]
    return statistics.median(tops)


# --- only the bundled fonts ------------------------------------------------------------------

def test_the_app_sees_only_its_bundled_fonts_in_their_bundled_versions(qapp) -> None:
    for family in BUNDLED:
        font_for("en", 10)  # registers Noto Sans; the others are in the bundled folder anyway
        drawn = QRawFont.fromFont(QFont(family))
        assert drawn.familyName() == family
        # The very file bundled, not a system copy of another version: same 'head' table
        # (revision, checksum, dates).
        assert drawn.fontTable("head") == raw_font(family).fontTable("head"), family
    assert set(QFontDatabase.families()) - QT_GENERIC <= BUNDLED


@pytest.mark.parametrize("family", sorted(BUNDLED))
def test_each_bundled_family_has_one_regular_and_one_bold_face(qapp, family: str) -> None:
    """Font matching picks a face by its declared weight: a Bold file that declares regular weight
    makes ordinary text come out bold or regular depending on the order the folder is read in
    (this was so for Debian's Noto Nastaliq Urdu Bold, which declares 400; ours says 700)."""
    from leaflet_app import paths
    stem = FAMILY_FILES[family]
    regular = QRawFont(str(paths.fonts_dir() / f"{stem}-Regular.ttf"), 12)
    bold = QRawFont(str(paths.fonts_dir() / f"{stem}-Bold.ttf"), 12)
    assert regular.weight() == QFont.Weight.Normal
    assert bold.weight() == QFont.Weight.Bold
    ensure = font_for("en", 10)  # registers the bundled families with Qt, as the app does
    assert ensure.family()
    for weight, face in ((QFont.Weight.Normal, regular), (QFont.Weight.Bold, bold)):
        asked = QFont(family)
        asked.setWeight(weight)
        assert QRawFont.fromFont(asked).fontTable("head") == face.fontTable("head"), (family, weight)


def _families_in_subprocess(platform: str, extra_env: dict[str, str] | None = None, wrapper: list[str] | None = None):
    env = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}  # the machine's own fonts
    env.update(QT_QPA_PLATFORM=platform, **(extra_env or {}))
    result = subprocess.run([*(wrapper or []), sys.executable, "-c", LIST_FAMILIES], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    config, default, *families = result.stdout.splitlines()
    return config, default, set(families)


def test_the_app_hides_the_machines_fonts_itself(qapp) -> None:
    config, default, families = _families_in_subprocess("offscreen")
    assert config == str(ROOT / "resources" / "fonts" / "fonts.conf")
    assert families - QT_GENERIC <= BUNDLED, families - QT_GENERIC - BUNDLED
    assert default == BASE_FAMILY


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="needs xvfb-run (package xvfb)")
def test_the_xcb_platform_honours_the_apps_font_configuration_too(qapp) -> None:
    config, default, families = _families_in_subprocess("xcb", wrapper=["xvfb-run", "-a"])
    assert families - QT_GENERIC <= BUNDLED, families - QT_GENERIC - BUNDLED
    assert default == BASE_FAMILY


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_section_is_drawn_in_bundled_fonts_latin_in_noto_sans(qapp, leaflet, language: str) -> None:
    """No glyph from a font that was not bundled; Latin letters, and the spaces between Latin
    words, in Noto Sans in every language; digits too inside Arabic and Urdu (both script fonts
    have digits and a space of their own, Nastaliq's space almost none); each script's letters
    in its own family. (Bengali and Gurmukhi keep their fonts' own digits: Qt gives a digit the
    script of the letters before it and, for that script, a font that writes it.)"""
    renderer = LeafletRenderer(leaflet)
    primary = font_for(language, 11).families()[0]
    latin_digits = primary in ("Noto Naskh Arabic", "Noto Nastaliq Urdu", BASE_FAMILY)
    latin_size = QFontMetricsF(font_for("en", 11)).height()
    for section in leaflet.sections:
        doc = section_document(renderer, language, section.id)
        for block, runs in document_runs(doc):
            for raw, glyphs in runs:
                family = raw.familyName()
                assert family in BUNDLED, f"{language}: {family} in {block.text()[:40]!r}"
                chars = [ch for ch, _, _ in glyphs]
                for a, b, c in zip(chars, chars[1:], chars[2:], strict=False):
                    if b == " " and a.isascii() and a.isalpha() and c.isascii() and c.isalpha():
                        assert family == BASE_FAMILY, f"{language}: space in {''.join(chars)!r} in {family}"
                for ch in chars:
                    if ch.isascii() and (ch.isalpha() or (latin_digits and ch.isdigit())):
                        assert family == BASE_FAMILY, f"{language}: {ch!r} of {''.join(chars)!r} in {family}"
                    elif has_script_letters(ch) and raw.supportsCharacter(ch):
                        assert family == primary, f"{language}: {ch!r} in {family}"
        translator().set_language(SOURCE_LANGUAGE)
    # Latin inside another script is at the Latin size, not the script's.
    if primary != BASE_FAMILY:
        latin = latin_font(font_for(language, 11))
        assert latin is not None and QFontMetricsF(latin).height() == pytest.approx(latin_size, abs=0.5)


# --- each script as large as Latin ----------------------------------------------------------

LATIN_X, LATIN_CAPS, LATIN_TALL = "xzvwunmosacer", "HEFILTNZ", "lbdhk"
BENGALI = "কখগঘচছজঝটঠডঢণতথদধনপফবভমযরলশষসহ"
GURMUKHI = "ਕਖਗਘਚਛਜਝਟਠਡਢਣਤਥਦਧਨਪਫਬਭਮਯਰਲਵਸਹ"
ARABIC_BODY, ARABIC_TALL = "\u066eسصهموعحدى", "الكط"


@pytest.mark.parametrize(("language", "letters"), [("bn", BENGALI), ("pa", GURMUKHI)])
def test_headline_scripts_hang_where_latin_capitals_end(qapp, language: str, letters: str) -> None:
    """Bengali and Gurmukhi letters hang from a headline: at the same setting it stands as high
    as Latin capitals (before: 0.87 of them, so the family's language looked smaller than the
    English words beside it)."""
    latin = median_top(LATIN_CAPS, font_for("en", 20))
    assert median_top(letters, font_for(language, 20)) / latin == pytest.approx(1.0, abs=0.03)


def test_naskh_is_as_large_as_latin_without_towering_over_it(qapp) -> None:
    """Arabic's body of teeth and bowls is low: Naskh grows until its tall letters rise a tenth
    above Latin's (before: 0.88 of them, and its body 0.66 of the Latin x-height)."""
    ar, en = font_for("ar", 20), font_for("en", 20)
    assert median_top(ARABIC_TALL, ar) / median_top(LATIN_TALL, en) == pytest.approx(1.1, abs=0.03)
    assert median_top(ARABIC_BODY, ar) / median_top(LATIN_X, en) > 0.8  # was 0.66


@pytest.mark.parametrize("language", ["ur", "el", "bg", "pl"])
def test_scripts_already_as_large_as_latin_stay_at_the_setting(qapp, language: str) -> None:
    font = font_for(language, 20)
    assert font.pointSizeF() == 20
    if language == "ur":  # Nastaliq's body is already taller than the Latin x-height
        assert median_top(ARABIC_BODY, font) >= median_top(LATIN_X, font_for("en", 20))


# --- Latin inside Arabic and Urdu -------------------------------------------------------------

def _lakes_word_space(window, qtbot, language: str) -> float:
    """The advance of the space in "8-10 The Lakes" on the contact page, and that it is Noto Sans's."""
    window.set_language(language)
    window.show_section("contact")
    qtbot.wait(1)
    for _block, runs in document_runs(window.view.current_page().document()):
        for raw, glyphs in runs:
            text = "".join(ch for ch, _, _ in glyphs)
            if "The Lakes" in text:
                assert raw.familyName() == BASE_FAMILY
                space = text.index("The Lakes") + 3
                return glyphs[space + 1][1].x() - glyphs[space][1].x()
    raise AssertionError(f"{language}: no 'The Lakes' in one run")


@pytest.mark.parametrize("language", ["ur", "ar"])
def test_latin_words_inside_arabic_script_get_latin_word_spacing(window, qtbot, language: str) -> None:
    """"8-10 The Lakes", not "8-10The Lakes": the space between Latin words is Noto Sans's,
    as wide as on the English page (Nastaliq's own space is half of it)."""
    english = _lakes_word_space(window, qtbot, "en")
    assert _lakes_word_space(window, qtbot, language) == pytest.approx(english, abs=0.3)
    assert english == pytest.approx(QFontMetricsF(font_for("en", 11)).horizontalAdvance(" "), abs=0.3)


def test_every_space_between_latin_words_in_urdu_is_a_latin_space(qapp, leaflet) -> None:
    renderer = LeafletRenderer(leaflet)
    checked = 0
    for section in leaflet.sections:
        doc = section_document(renderer, "ur", section.id)
        for block, runs in document_runs(doc):
            for raw, glyphs in runs:
                for (a, _, _), (b, pb, _), (c, pc, _) in zip(glyphs, glyphs[1:], glyphs[2:], strict=False):
                    if b == " " and is_latin(a) and is_latin(c):  # "Local Safeguarding", not "LocalSafeguarding"
                        assert raw.familyName() == BASE_FAMILY
                        noto_space = raw.advancesForGlyphIndexes(raw.glyphIndexesForString(" "))[0].x()
                        assert abs(pc.x() - pb.x()) == pytest.approx(noto_space, abs=0.3), block.text()[:40]
                        checked += 1
            # The spaces on either side of a Latin word too, brackets and all: "ذریعے NSCB", not
            # "ذریعےNSCB"; "(SCR) کیا", not "(SCR)کیا".
            text, drawn = block.text(), family_of_each_character(block.layout())
            for i, ch in enumerate(text):
                before, after = text[max(0, i - 2):i].replace(")", ""), text[i + 1:i + 3].replace("(", "")
                if ch == " " and i in drawn and (before[-1:].isascii() and is_latin(before[-1:] or "-")
                                                 or is_latin(after[:1] or "-")):
                    assert drawn[i] == BASE_FAMILY, f"space {i} of {text[:40]!r}"
                    checked += 1
    translator().set_language(SOURCE_LANGUAGE)
    assert checked >= 10


# --- line height by script --------------------------------------------------------------------

def _address_line_pitch(window, qtbot, language: str) -> float:
    window.set_language(language)
    window.show_section("contact")
    qtbot.wait(1)
    doc = window.view.current_page().document()
    doc.size()
    block = doc.begin()
    while block.isValid():
        if "The Lakes" in block.text():
            layout = block.layout()
            return layout.lineAt(1).y() - layout.lineAt(0).y()
        block = block.next()
    raise AssertionError("no address block")


def test_english_address_lines_in_urdu_are_as_close_as_in_english(window, qtbot) -> None:
    english = _address_line_pitch(window, qtbot, "en")
    assert _address_line_pitch(window, qtbot, "ur") == pytest.approx(english, abs=1)  # was 38 px to 21
    assert _address_line_pitch(window, qtbot, "bn") == pytest.approx(english, abs=1)


def test_urdu_lines_keep_nastaliqs_room(qapp, leaflet) -> None:
    doc = section_document(LeafletRenderer(leaflet), "ur", "what-is-an-scr")
    translator().set_language(SOURCE_LANGUAGE)
    heights = [b.blockFormat().lineHeight() for b, _ in document_runs(doc) if has_script_letters(b.text())]
    assert heights and all(h == 145 for h in heights)


# --- labels and buttons ---------------------------------------------------------------------------

def test_labels_set_latin_inside_other_scripts_as_latin_at_the_latin_size(qapp) -> None:
    english = one_line("Board", font_for("en", 11))
    english_px = english.lineAt(0).glyphRuns()[0].rawFont().pixelSize()
    for language, text in [("ur", "نارتھمپٹن شائر (Northamptonshire Safeguarding Children Board)"),
                           ("bn", "নর্দাম্পটনশায়ার (Northamptonshire Safeguarding Children Board)")]:
        label = shaped(text, font_for(language, 11))
        latin_runs = [raw for raw, glyphs in runs_with_text(label.layout, text)
                      if any(is_latin(ch) for ch, _, _ in glyphs)]
        assert latin_runs and all(raw.familyName() == BASE_FAMILY for raw in latin_runs), language
        assert all(raw.pixelSize() == pytest.approx(english_px, abs=0.1) for raw in latin_runs), language


def test_labels_keep_room_for_nastaliq_ink_but_not_for_english_in_an_urdu_window(qapp) -> None:
    urdu = font_for("ur", 11)
    label = shaped("زبان منتخب کریں", urdu)
    line = label.layout.lineAt(0)
    side = line.x()  # where the text starts: its room for ink at the leading end
    assert side > QFontMetricsF(urdu).height() * 0.2
    assert label.size.width() >= line.naturalTextWidth() + 2 * side - 1
    assert label.size.height() > QFontMetricsF(urdu).height() * 1.3
    assert shaped("English", urdu).size == shaped("English", font_for("en", 11)).size


# --- the application font ---------------------------------------------------------------------------

@pytest.fixture
def english_application_font(qapp):
    yield
    use_application_font(SOURCE_LANGUAGE)


@pytest.mark.parametrize(("language", "sample"), [("ur", "زبان منتخب کریں"), ("bn", "ভাষা বেছে নিন"),
                                                  ("pa", "ਭਾਸ਼ਾ ਚੁਣੋ"), ("ar", "اختر لغة")])
def test_tooltips_and_menus_use_the_languages_bundled_font(english_application_font, language: str, sample: str) -> None:
    use_application_font(language)
    primary = font_for(language, 11).families()[0]
    assert QApplication.font().families()[0] == primary
    for font in (QToolTip.font(), QMenu().font()):
        assert font.families()[0] == primary
        families = {raw.familyName() for raw, _ in runs_with_text(one_line(sample, font), sample)}
        assert families == {primary}
