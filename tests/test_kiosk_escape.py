"""Every escape attempt, tried twice: on a plain full-screen window, where it must work (or the
test proves nothing), and on the kiosk, where it must not. What is checked is what a visitor would
get: the window gone or no longer full screen, a menu open, text dropped in, the leaflet copied,
a page opened. Window-manager escapes (Alt+F4, Alt+Tab, the Super key) only exist under a real
window manager: tests/test_kiosk_x11.py tries those. Keys the window binds to nothing (Ctrl+W,
F5, F11, Ctrl+P/S/O) do nothing with or without the kiosk, so they cannot be tested here."""

from __future__ import annotations

import pytest
from conftest import LANGUAGES
from PySide6.QtCore import QMimeData, QObject, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from leaflet_app.kiosk.config import KioskConfig
from leaflet_app.kiosk.controller import Kiosk
from leaflet_app.ui.main_window import MainWindow

C, A, S = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


class Popups(QObject):
    """A context menu runs its own event loop: note whether one opened, and close it."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def expect(self) -> None:
        def close() -> None:
            widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
            if widget is not None:
                self.seen = True
                widget.close()
        QTimer.singleShot(50, close)


def press(qtbot, w, key, mods=NONE) -> None:
    qtbot.keyClick(QApplication.focusWidget() or w, key, mods)


def files() -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile("/etc/hostname")])
    data.setText("dropped text")
    return data


def drop(w) -> str:
    """Drop text onto the language search field (a line edit takes text drops): its new text."""
    w.open_picker()
    target = w.picker.filter
    data, where = files(), target.rect().center()
    QApplication.sendEvent(target, QDragEnterEvent(where, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                                                   NONE))
    QApplication.sendEvent(target, QDropEvent(QPointF(where), Qt.DropAction.CopyAction, data,
                                              Qt.MouseButton.LeftButton, NONE))
    return target.text()


def close_event(w) -> bool:
    event = QCloseEvent()
    QApplication.sendEvent(w, event)
    return event.isAccepted()


def context_menu(w, popups: Popups) -> None:
    popups.expect()
    QApplication.sendEvent(w.view.current_page().viewport(),
                           QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), QPoint(10, 10)))


def copy_all(q, w) -> str:
    QGuiApplication.clipboard().setText("before")
    press(q, w, Qt.Key.Key_A, C)
    press(q, w, Qt.Key.Key_C, C)
    return QGuiApplication.clipboard().text()


def gone(w, returned) -> bool:
    return not (w.isVisible() and w.isFullScreen() and not w.isMinimized())


# name -> (attempt(window, qtbot, popups), did it work?(window, returned value))
ATTEMPTS = {
    "close()": (lambda w, q, p: w.close(), gone),
    "window-manager close event": (lambda w, q, p: close_event(w), lambda w, accepted: accepted),
    "closeAllWindows": (lambda w, q, p: QApplication.closeAllWindows(), gone),
    "Ctrl+Q": (lambda w, q, p: press(q, w, Qt.Key.Key_Q, C), gone),
    "quit action": (lambda w, q, p: w.quit_action.trigger(), gone),
    "minimise": (lambda w, q, p: w.showMinimized(), gone),
    "restore to a normal window": (lambda w, q, p: w.showNormal(), gone),
    "hide": (lambda w, q, p: w.hide(), gone),
    "context menu": (lambda w, q, p: context_menu(w, p), lambda w, r: POPUPS.seen),
    "drop text in": (lambda w, q, p: drop(w), lambda w, text: "dropped text" in text),
    "Ctrl+C (copy the leaflet)": (lambda w, q, p: copy_all(q, w), lambda w, text: text != "before"),
    "F1 (help page)": (lambda w, q, p: press(q, w, Qt.Key.Key_F1),
                       lambda w, r: w.pages.currentWidget() is w.shortcuts),
}
POPUPS = Popups()


def full_screen_window(qtbot, leaflet, kiosk: bool) -> tuple[MainWindow, Kiosk | None]:
    """A full-screen window, active, its text focused; locked in a kiosk first if ``kiosk``."""
    w = MainWindow(leaflet, LANGUAGES, None)
    qtbot.addWidget(w)
    w.restore()
    k = Kiosk(w, KioskConfig(hide_cursor=False), LANGUAGES) if kiosk else None
    w.showFullScreen()
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)  # keyboard shortcuts need an active window
    page = w.view.current_page()
    page.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page)
    return w, k


@pytest.mark.parametrize("name", ATTEMPTS)
def test_escape_attempt_works_on_a_plain_window_but_not_on_the_kiosk(name: str, qtbot, leaflet) -> None:
    attempt, worked = ATTEMPTS[name]
    plain, _ = full_screen_window(qtbot, leaflet, kiosk=False)
    POPUPS.seen = False
    returned = attempt(plain, qtbot, POPUPS)
    qtbot.wait(80)  # deferred restores and the popup timer run
    assert worked(plain, returned), f"{name} does nothing even without the kiosk: the test would prove nothing"
    plain.close()

    window, kiosk = full_screen_window(qtbot, leaflet, kiosk=True)
    POPUPS.seen = False
    returned = attempt(window, qtbot, POPUPS)
    qtbot.wait(80)
    try:
        assert not worked(window, returned), f"{name} got out of the kiosk"
    finally:
        kiosk.locked = False
        window.close()
