"""Kiosk mode around the main window: locked, full screen, idle reset with a warning, attract
screen, PIN exit.

The window is given a kiosk session policy (session.py) and asked to ``reset_session()``
between visitors; the kiosk's own widgets (attract screen, PIN pad, "Still reading?") live in
this package. Everything the lock needs is enforced in one application-wide event filter, so no
widget can open a way out: close requests are refused, escape keys and context menus swallowed,
drag and drop refused, a minimised or un-full-screened window restored at once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from leaflet_app.i18n import _
from leaflet_app.kiosk.attract import AttractScreen
from leaflet_app.kiosk.config import KioskConfig
from leaflet_app.kiosk.pin import Backoff
from leaflet_app.kiosk.pin_pad import PinPad
from leaflet_app.kiosk.still_reading import StillReading
from leaflet_app.session import SessionPolicy
from leaflet_app.ui.main_window import MainWindow
from leaflet_app.ui.retranslate import follow_language
from leaflet_app.ui.shaped_text import TextButton

log = logging.getLogger(__name__)

# The administrator's way out: this chord, or a long press in the top-left corner (touch).
ADMIN_CHORD = QKeySequence("Ctrl+Alt+Shift+P")
LONG_PRESS_MS = 3000

_BLOCKED_KEYS = {
    QKeySequence("Alt+F4"), QKeySequence("Ctrl+Q"), QKeySequence("Ctrl+W"), QKeySequence("F11"),
    QKeySequence("F5"), QKeySequence("Ctrl+R"), QKeySequence("Ctrl+P"), QKeySequence("Ctrl+S"),
    QKeySequence("Ctrl+O"), QKeySequence("Ctrl+N"), QKeySequence("Alt+Tab"), QKeySequence("Alt+Space"),
    QKeySequence("Ctrl+Esc"), QKeySequence("Ctrl+C"), QKeySequence("F1"),
}
_BLOCKED_BARE = {Qt.Key.Key_Meta, Qt.Key.Key_Super_L, Qt.Key.Key_Super_R, Qt.Key.Key_Menu, Qt.Key.Key_Close}
_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
}
_REFUSED = {
    QEvent.Type.ContextMenu, QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop,
}


def _sequence(event: QKeyEvent) -> QKeySequence:
    return QKeySequence(event.keyCombination())


class Kiosk(QObject):
    """Locks ``window`` into kiosk mode; ``exited`` fires after the right PIN."""

    exited = Signal()

    def __init__(self, window: MainWindow, config: KioskConfig, languages: Sequence[str]) -> None:
        super().__init__(window)
        self.window = window
        self.config = config
        self.languages = list(config.languages or languages)
        self.locked = True
        self.blocked_count = 0  # escape attempts refused, for the log and the tests

        window.set_policy(SessionPolicy(
            may_close=False, may_copy=False, remember=False, languages=tuple(self.languages),
            display_controls=config.accessibility_toggle, shortcuts_page=False, touch=True,
            may_save=False, may_print=config.allow_printing, side_by_side=config.side_by_side,
        ))
        self.finished_button = TextButton(objectName="finishedButton")
        self.finished_button.clicked.connect(self.reset)
        window.add_trailing(self.finished_button)
        follow_language(self.finished_button, self.retranslate)

        self.pin_pad = PinPad(config.admin_pin_hash, Backoff())
        self.pin_pad.accepted.connect(self.exit_kiosk)
        self.pin_pad.cancelled.connect(window.close_pages)
        self.attract = AttractScreen(window.leaflet, self.languages, config.attract_period)
        window.pages.addWidget(self.pin_pad)
        window.pages.addWidget(self.attract)

        # The idle timer runs to the warning; the warning counts down the rest.
        self.still_reading = StillReading(window)
        self.still_reading.expired.connect(self.on_idle)
        self.warning = config.warning if config.warning < config.idle_timeout else config.idle_timeout / 4
        quiet = config.idle_timeout - self.warning
        self.idle = QTimer(self, singleShot=True, interval=int(quiet * 1000))
        self.idle.timeout.connect(self.warn)
        self.long_press = QTimer(self, singleShot=True, interval=LONG_PRESS_MS)
        self.long_press.timeout.connect(self.open_pin_pad)

        window.setWindowFlags(
            window.windowFlags() | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        window.setAcceptDrops(False)
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        if config.hide_cursor:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
        self.reset()

    def retranslate(self) -> None:
        self.finished_button.setText(_("Finished – start again"))
        self.finished_button.setToolTip(_("Clear everything and start again for the next person"))
        self.finished_button.setAccessibleName(_("Finished – start again"))

    # --- state ------------------------------------------------------------------------------
    def reset(self) -> None:
        """Back to the start: language, section, display, scroll, pages; nothing of the last visitor."""
        self.attract.stop()
        self.still_reading.stop()
        self.window.reset_session(self.config.start_language, self.config.start_section or None)
        self.idle.start()

    def warn(self) -> None:
        """The visitor may only be reading slowly: ask, and count down the last seconds."""
        if self.window.pages.currentWidget() is self.attract:
            return  # nobody here: the attract screen is already showing
        if self.warning <= 0:
            self.on_idle()
            return
        self.still_reading.start(self.warning)

    def on_idle(self) -> None:
        self.reset()
        if self.config.attract:
            self.show_attract()

    def show_attract(self) -> None:
        self.window.toolbar.hide()  # a calm screen: only the invitation
        self.window.pages.setCurrentWidget(self.attract)
        self.attract.setFocus()
        self.attract.start()

    def dismiss_attract(self) -> None:
        self.attract.stop()
        self.window.toolbar.show()
        self.window.open_picker()

    def open_pin_pad(self) -> None:
        if not self.config.admin_pin_hash:
            # No PIN configured: there is no pad to open (a visitor holding the corner would
            # otherwise meet it, and could trigger the lock-out against staff).
            log.info("Kiosk: no administrator PIN is configured; the PIN pad stays closed")
            return
        self.attract.stop()
        self.still_reading.stop()
        self.window.toolbar.show()
        self.window.pages.setCurrentWidget(self.pin_pad)
        self.pin_pad.open()

    def exit_kiosk(self) -> None:
        log.warning("Kiosk left by the administrator (PIN accepted)")
        self.locked = False
        self.window.set_policy(SessionPolicy(may_close=True, may_copy=False, remember=False, touch=True,
                                             may_save=False, may_print=False))
        self.exited.emit()
        self.window.close()

    def on_unexpected_error(self, kind, value, tb) -> None:
        """Installed as ``sys.excepthook`` by the command line (never by this constructor): no
        crash dialog or exit, the error logged and the screen started again for the next person."""
        log.error("Unexpected error in kiosk mode; resetting", exc_info=(kind, value, tb))
        QTimer.singleShot(0, self.reset)

    # --- the lock -----------------------------------------------------------------------------
    def _refuse(self, what: str) -> bool:
        self.blocked_count += 1
        log.info("Kiosk: refused %s", what)
        return True

    def _corner(self) -> QRect:
        size = max(48, self.window.fontMetrics().height() * 3)
        origin = self.window.mapToGlobal(QPoint(0, 0))
        return QRect(origin, origin + QPoint(size, size))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked:
            return False
        kind = event.type()
        if kind in _ACTIVITY:
            self.idle.start()
            if self.still_reading.isVisible() and kind != QEvent.Type.MouseMove:
                self.still_reading.stop()  # the visitor is here: carry on where they were
                return True
            if self.window.pages.currentWidget() is self.attract and kind != QEvent.Type.MouseMove:
                self.dismiss_attract()
                return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
            seq = _sequence(event)
            if seq.matches(ADMIN_CHORD) == QKeySequence.SequenceMatch.ExactMatch:
                if kind == QEvent.Type.KeyPress:
                    self.open_pin_pad()
                return True
            if event.key() in _BLOCKED_BARE or any(seq.matches(b) == QKeySequence.SequenceMatch.ExactMatch for b in _BLOCKED_KEYS):
                return self._refuse(seq.toString()) if kind == QEvent.Type.KeyPress else True
        if kind in _REFUSED:
            event.ignore()
            return self._refuse(kind.name)
        if kind == QEvent.Type.MouseButtonPress and self._corner().contains(event.globalPosition().toPoint()):
            self.long_press.start()
        elif kind in (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self.long_press.stop()
        if watched is self.window:
            if kind == QEvent.Type.Close:
                event.ignore()
                return self._refuse("close")
            if kind == QEvent.Type.WindowStateChange and not self.window.isFullScreen():
                QTimer.singleShot(0, self.window, self.window.showFullScreen)
                self._refuse("leaving full screen")
            if kind == QEvent.Type.Hide:
                QTimer.singleShot(0, self.window, self.window.showFullScreen)
        return False
