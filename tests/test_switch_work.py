"""A change of language or display does its work once: laid-out pages are kept and shown again,
short texts are shaped once, and the window is laid out once. (The speed itself is measured by
benchmarks/bench.py; these tests pin down the behaviour that makes it fast.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication
from uitools import ink_columns

from leaflet_app.ui import section_page, shaped_text


class ResizeCounter(QObject):
    """Counts the resizes of every section page: each one lays its text out again."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        QApplication.instance().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, section_page.SectionPage):
            self.count += 1
        return False

    def remove(self) -> None:
        QApplication.instance().removeEventFilter(self)


def _urdu_page_kept_behind_english(window, qtbot):
    """Urdu's page of a section, then English shown over it (the Urdu page kept, hidden)."""
    window.show_section("law-and-guidance")
    window.set_language("ur")
    qtbot.wait(1)
    urdu_page = window.view.current_page()
    window.set_language("en")
    qtbot.wait(1)
    return urdu_page


def test_a_kept_page_shown_at_another_height_only_is_not_laid_out_again(window, qtbot) -> None:
    """Qt holds a hidden widget's resize until it is shown, and then calls its old size none:
    a text edit lays its whole text out again. The shelf tells a hidden page at once."""
    urdu_page = _urdu_page_kept_behind_english(window, qtbot)
    window.resize(window.width(), window.height() - 40)
    qtbot.wait(1)
    relaid: list[object] = []
    urdu_page.document().documentLayout().update.connect(relaid.append)
    width, height = urdu_page.width(), urdu_page.height()
    window.set_language("ur")
    qtbot.wait(1)
    assert window.view.current_page() is urdu_page
    assert urdu_page.width() == width and urdu_page.height() < height  # the same width, less height
    assert relaid == [], "a height-only change laid the whole text out again"


def test_switching_back_shows_the_kept_page_without_laying_it_out_again(window, qtbot) -> None:
    urdu_page = _urdu_page_kept_behind_english(window, qtbot)
    english_page = window.view.current_page()
    assert english_page is not urdu_page and not urdu_page.isVisible()
    counter = ResizeCounter()
    try:
        for code in ("ur", "en", "ur"):
            window.set_language(code)
            qtbot.wait(1)
    finally:
        counter.remove()
    assert window.view.current_page() is urdu_page and urdu_page.isVisible()
    assert counter.count == 0, "a kept page was laid out again"


@pytest.mark.parametrize("size", [(1280, 800), (1024, 600), (1080, 1920)])
def test_a_new_window_lays_out_one_page_once(qtbot, leaflet, size: tuple[int, int]) -> None:
    """Told the size it will be shown at (a screenshot, a kiosk's full screen), the window builds
    the first page once, for that size: not once for a default size and again when shown."""
    from PySide6.QtCore import QSize

    from leaflet_app.ui.main_window import MainWindow

    counter = ResizeCounter()
    try:
        window = MainWindow(leaflet, ["en"], None, QSize(*size))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
    finally:
        counter.remove()
    assert window.size() == QSize(*size)
    (page,) = window.view.shelf.pages()
    assert page is window.view.current_page() and page.isVisible()
    assert page.document_key.with_title == (not window.view.compact)
    assert counter.count <= 1, "the first page was laid out for a size it is not shown at"


def test_toggling_lays_out_only_the_page_that_is_shown(window, qtbot) -> None:
    window.set_language("ur")
    for _ in range(2):  # both displays seen once
        window.toggle_accessibility_mode()
        qtbot.wait(1)
    counter = ResizeCounter()
    try:
        for _ in range(4):
            window.toggle_accessibility_mode()
            qtbot.wait(1)
    finally:
        counter.remove()
    assert counter.count == 0, "a page was laid out for a size it is not shown at"


def test_the_shelf_lets_go_of_the_least_recently_shown_pages(window, qtbot, monkeypatch) -> None:
    monkeypatch.setattr(section_page, "KEPT_PAGES", 3)
    shown = []
    for code in ("pl", "ro", "lt", "lv"):
        window.set_language(code)
        shown.append(window.view.current_page().document_key)
    kept = [page.document_key for page in window.view.shelf.pages()]
    assert kept == shown[-3:]  # the oldest let go, the shown one kept
    qtbot.wait(1)  # let the dropped page be deleted
    window.set_language("pl")  # its page was let go: built again
    assert window.view.current_page().document_key == shown[0]
    assert window.view.current_page().toPlainText().strip()


@pytest.mark.parametrize("language", ["pl", "ur"])
def test_labels_start_on_the_reading_side(window, qtbot, language: str) -> None:
    window.set_language(language)
    qtbot.wait(1)
    title = window.banner.message  # the draft notice, in the language
    image = title.grab().toImage()
    left, right = ink_columns(image, image.pixelColor(0, 0))
    if language == "ur":
        assert title.width() - right < 20 and left > 20  # right-aligned, not from the left
    else:
        assert left < 20 and title.width() - right > 20


def test_a_label_is_as_tall_as_its_wrapped_text(window, qtbot) -> None:
    window.set_language("ur")
    qtbot.wait(1)
    label = window.banner.message
    for width in (200, 400, 800):
        needed = shaped_text.shaped(label.text(), label.font(), width, Qt.LayoutDirection.RightToLeft).size
        assert label.heightForWidth(width) >= needed.height()
    assert label.heightForWidth(120) > label.heightForWidth(800)  # narrower: more lines


def test_texts_are_shaped_once_and_kept(window, qtbot) -> None:
    def cycle() -> dict[tuple, int]:
        for code in ("ur", "en", "ur"):
            window.set_language(code)
            qtbot.wait(1)
            window.repaint()
        return {key: id(kept) for key, kept in shaped_text._kept.items()}

    first = cycle()
    # The second time round the very same layouts are used: nothing was shaped again (a count of
    # keys alone would not see a layout made afresh under the same key).
    assert cycle() == first
    label = window.banner.message
    width = label.width()
    assert label._shaped(width) is label._shaped(width)


def test_a_button_kept_size_follows_its_text_font_and_style(qtbot) -> None:
    button = shaped_text.TextButton()
    qtbot.addWidget(button)
    button.setText("Print")
    short = button.sizeHint()
    button.setText("Print the leaflet for the family")
    longer = button.sizeHint()
    assert longer.width() > short.width()
    font = button.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    button.setFont(font)
    assert button.sizeHint().height() > longer.height()
    button.setText("")
    assert button.sizeHint().width() < longer.width()


@pytest.mark.parametrize("language", ["ur", "ar", "pl"])
def test_kept_button_sizes_are_those_measured_afresh(window, qtbot, language: str) -> None:
    """After a switch and a toggle, every button's kept size is what measuring it anew gives."""
    for step in (lambda: window.set_language(language), window.toggle_accessibility_mode,
                 window.toggle_accessibility_mode):
        step()
        qtbot.wait(1)
        for button in window.findChildren(shaped_text.TextButton):
            kept = button.sizeHint()
            button._hints = None  # forget what was kept: measured afresh
            assert button.sizeHint() == kept, button.objectName()


def test_an_icon_draws_each_mode_and_state_in_its_colour(qtbot) -> None:
    """Drawn once per mode: Qt's fall-backs give Active the Normal picture and On the Off one."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon, QPalette

    from leaflet_app.ui import icons

    palette = QApplication.palette()
    G, R = QPalette.ColorGroup, QPalette.ColorRole
    icon = icons.icon("list", palette, 24)
    normal = icons.pixmap("list", palette.color(G.Active, R.ButtonText), 24).toImage()
    wanted = {
        QIcon.Mode.Normal: normal,
        QIcon.Mode.Active: normal,
        QIcon.Mode.Disabled: icons.pixmap("list", palette.color(G.Disabled, R.ButtonText), 24).toImage(),
        QIcon.Mode.Selected: icons.pixmap("list", palette.color(G.Active, R.HighlightedText), 24).toImage(),
    }
    assert wanted[QIcon.Mode.Disabled] != normal  # the colours differ, so the test can tell them apart
    for mode, image in wanted.items():
        for state in (QIcon.State.Off, QIcon.State.On):
            assert icon.pixmap(QSize(24, 24), 1.0, mode, state).toImage() == image, (mode, state)


@pytest.mark.parametrize("state", ["normal", "on", "disabled", "hovered"])
def test_a_buttons_face_is_the_one_the_style_draws(window, state: str) -> None:
    """Buttons draw their face directly (not through the style, which goes in and out of Python
    twice per button); it must be the face the app's style draws, pixel for pixel."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyle, QStyleOptionToolButton

    from leaflet_app.ui.shaped_text import TextButton

    button = TextButton(window)
    button.setCheckable(True)
    button.setChecked(state == "on")
    button.setEnabled(state != "disabled")
    button.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, state == "hovered")
    button.resize(90, 40)
    direct = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    styled = QImage(direct.size(), QImage.Format.Format_RGB32)
    styled.fill(direct.pixel(0, 0))  # the window behind the button's rounded corners
    painter = QPainter(styled)
    option = QStyleOptionToolButton()
    button.initStyleOption(option)
    if state == "hovered":
        option.state |= QStyle.StateFlag.State_MouseOver
    button.style().drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option, painter, button)
    painter.end()
    assert direct.pixel(45, 20) != direct.pixel(0, 0) or state == "normal"  # a face was drawn
    assert direct == styled
