"""Helpers for tests that look at the window as a user (or a screen reader) would."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QListWidget, QTextBrowser, QWidget


def visible_strings(root: QWidget) -> dict[str, str]:
    """Every string a person can see in ``root``: labels, buttons, list entries, text areas."""
    found: dict[str, str] = {"window title": root.window().windowTitle()}
    for w in root.findChildren(QWidget):
        if not w.isVisibleTo(root.window()) or not w.isVisible():
            continue
        name = f"{type(w).__name__}:{w.objectName()}"
        if isinstance(w, QLabel) and w.text():
            found[name] = w.text()
        elif isinstance(w, QAbstractButton) and w.text():
            found[name] = w.text()
        elif isinstance(w, QGroupBox) and w.title():
            found[name] = w.title()
        elif isinstance(w, QLineEdit) and w.placeholderText():
            found[name + " placeholder"] = w.placeholderText()
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                if not w.item(i).isHidden():
                    found[f"{name} item {i}"] = w.item(i).text()
        elif isinstance(w, QTextBrowser):
            found[name] = w.toPlainText()
    return found


def scrolled_into_law_section(window, qtbot, width: int, height: int):
    """Resize, open the long "law and guidance" section and scroll to its fourth paragraph (or as
    far as it goes).

    Returns the page and its top paragraph number, for tests that check a change keeps it."""
    window.resize(width, height)
    window.show_section("law-and-guidance")
    qtbot.wait(10)
    page = window.view.current_page()
    page.scroll_to_block(3)
    qtbot.waitUntil(lambda: page.verticalScrollBar().value() > 0)
    top = block_at_top(page)
    if top != 3:  # a short page cannot bring the fourth paragraph to the top: anchor where it stops
        page.scroll_to_block(top)
    assert block_at_top(page) == top
    return page, top


def block_at_top(page) -> int:
    """The paragraph a reader sees at the top of the view, measured from where the view is really
    scrolled to (the text under the top edge of the viewport), not from what the page was told."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # a deferred scroll lands first
    viewport = page.viewport()
    return page.cursorForPosition(QPoint(viewport.width() // 2, 2)).block().blockNumber()


def ink_columns(image, background) -> tuple[int, int]:
    """Leftmost and rightmost columns of ``image`` holding a pixel that is not ``background``:
    where painted text starts and ends."""
    columns = [x for x in range(image.width())
               if any(image.pixelColor(x, y) != background for y in range(0, image.height(), 2))]
    return columns[0], columns[-1]
