"""English beside the family's language: paired message by message, each column in its own
direction and fonts, stacked when narrow or large, scrolling as one."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from leaflet_app.contacts import strip_isolates
from leaflet_app.export.document import COLUMNS, STACKED
from leaflet_app.i18n import localizer, translator
from leaflet_app.render import LeafletRenderer
from leaflet_app.ui.side_by_side import SideBySideView


@pytest.fixture
def view(qtbot, leaflet) -> SideBySideView:
    v = SideBySideView(leaflet)
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def table_rows(view):
    table = QTextCursor(view.document()).currentTable() or view.document().rootFrame().childFrames()[0]
    return [[table.cellAt(r, c).firstCursorPosition().block() for c in range(2)] for r in range(table.rows())]


def text(block) -> str:
    return strip_isolates(block.text())


def expected_texts(leaflet, section_id, code):
    blocks = LeafletRenderer(leaflet).section_blocks(leaflet.section(section_id), localizer(code).pgettext)
    return [b.text.replace("\n", "\u2028") for b in blocks]


@pytest.mark.parametrize("language", ["pl", "ur", "bn", "ar"])
def test_columns_pair_each_message_in_its_own_direction_and_font(view, leaflet, language):
    translator().set_language(language)
    view.retranslate()
    view.show_section("law-and-guidance")
    assert view.layout_mode == COLUMNS
    rows = table_rows(view)
    english = expected_texts(leaflet, "law-and-guidance", "en")
    translated = expected_texts(leaflet, "law-and-guidance", language)
    assert [text(left) for left, _ in rows] == english
    assert [text(right) for _, right in rows] == translated
    layout = view.document().documentLayout()
    for left, right in rows:
        # a row starts at the same height in both columns, English on the left
        assert layout.blockBoundingRect(left).top() == pytest.approx(layout.blockBoundingRect(right).top(), abs=1)
        assert layout.blockBoundingRect(left).left() < layout.blockBoundingRect(right).left()
        assert left.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert right.blockFormat().layoutDirection() == localizer(language).direction
        cursor = QTextCursor(right)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        family = cursor.charFormat().fontFamilies()
        assert family[0] == localizer(language).font(12).families()[0]


def test_narrow_view_stacks_english_above_each_translation(view, leaflet, qtbot):
    translator().set_language("pl")
    view.retranslate()
    view.show_section("how-reviews-work")
    view.resize(420, 700)
    qtbot.waitUntil(lambda: view.layout_mode == STACKED)
    texts = []
    block = view.document().begin()
    while block.isValid():
        texts.append(text(block))
        block = block.next()
    english = expected_texts(leaflet, "how-reviews-work", "en")
    polish = expected_texts(leaflet, "how-reviews-work", "pl")
    assert texts == [t for pair in zip(english, polish, strict=True) for t in pair]
    view.resize(1200, 700)
    qtbot.waitUntil(lambda: view.layout_mode == COLUMNS)


def test_large_text_stacks(view):
    translator().set_language("ur")
    view.retranslate()
    view.set_text_style(12)
    assert view.layout_mode == COLUMNS
    view.set_text_style(36)  # 300 %
    assert view.layout_mode == STACKED


def test_both_columns_scroll_as_one(view, qtbot):
    translator().set_language("bn")
    view.retranslate()
    view.show_section("law-and-guidance")
    view.resize(1000, 300)
    bar = view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    rows = table_rows(view)
    y = 5
    left = view.cursorForPosition(QPoint(30, y)).block()
    right = view.cursorForPosition(QPoint(view.viewport().width() - 30, y)).block()
    row_of = {b.position(): i for i, pair in enumerate(rows) for b in pair}
    assert row_of[left.position()] == row_of[right.position()]


def test_any_two_languages_and_language_switches(view, leaflet):
    view.set_languages("pl", "ar")
    view.show_section("contact")
    rows = table_rows(view)
    assert [text(a) for a, _ in rows] == expected_texts(leaflet, "contact", "pl")
    assert [text(b) for _, b in rows] == expected_texts(leaflet, "contact", "ar")
    view.set_languages("en")  # the second column follows the current language again
    translator().set_language("el")
    view.retranslate()
    assert [text(b) for _, b in table_rows(view)] == expected_texts(leaflet, "contact", "el")
    assert "Ελληνικά" in view.accessibleName()


def test_display_settings_reach_both_columns(view):
    translator().set_language("pl")
    view.retranslate()
    view.show_section("contact")
    plain_height = view.document().size().height()
    view.set_text_style(12, readable=True, spacing=True)
    left, right = table_rows(view)[1]
    assert view.document().size().height() > plain_height * 1.3
    for block in (left, right):
        assert block.blockFormat().lineHeight() >= 150
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)
        assert cursor.charFormat().fontFamilies()[0] == "Andika"
