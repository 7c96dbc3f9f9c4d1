"""A thick, high-contrast ring around whatever has the keyboard focus.

Fusion's own focus marks are thin and drawn in the highlight colour; WCAG 2.2 asks for an
indicator at least 2 px thick with 3:1 contrast. One transparent overlay follows the focus
across the window, so no widget needs a stylesheet. Like ``:focus-visible`` in browsers, it is
shown only while the keyboard is in use: a click or a tap hides it until the next key.

Keys, clicks and taps are watched on the window that has the focus (every key goes to it first),
not on the whole application: an application-wide filter in Python is called for every event
of every widget, a thousand or so on each language switch.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPaintEvent, QPen, QWindow
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid


class FocusRing(QWidget):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.color = QColor("#1d5ca8")
        self.width_px = 3
        self._target: QWidget | None = None
        self.keyboard = False  # the last input came from the keyboard
        self._input_window: QWindow | None = None  # the focus window, whose input is watched
        app = QApplication.instance()
        app.focusChanged.connect(self._on_focus_changed)  # type: ignore[union-attr]
        app.focusWindowChanged.connect(self._watch_window)  # type: ignore[union-attr]
        self._watch_window(QGuiApplication.focusWindow())
        self.hide()

    def _watch_window(self, window: QWindow | None) -> None:
        if not isValid(self):
            return
        if self._input_window is not None and isValid(self._input_window):
            self._input_window.removeEventFilter(self)
        self._input_window = window if window is not None and isValid(window) else None
        if self._input_window is not None:
            self._input_window.installEventFilter(self)

    def set_style(self, color: QColor, width_px: int) -> None:
        self.color, self.width_px = color, max(2, width_px)
        self._follow()

    def target(self) -> QWidget | None:
        return self._target

    def _alive_target(self) -> QWidget | None:
        # At exit Qt deletes widgets before the focus moves off them: the old target may be gone.
        if self._target is not None and not isValid(self._target):
            self._target = None
        return self._target

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if not isValid(self):
            return
        if self._alive_target() is not None:
            self._target.removeEventFilter(self)  # type: ignore[union-attr]
        if new is not None and not isValid(new):
            new = None
        window = self.parentWidget()
        self._target = new if new is not None and window is not None and window.isAncestorOf(new) else None
        if self._target is not None:
            self._target.installEventFilter(self)
        self._follow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Input reaches the focus window first; keys sent straight to the focused widget (as
        # assistive tools and tests do) are seen on the target, which is watched as well.
        kind = event.type()
        if kind == QEvent.Type.KeyPress:
            if not self.keyboard:
                self.keyboard = True
                self._follow()
        elif kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            if self.keyboard:
                self.keyboard = False
                self._follow()
        elif watched is self._target and kind in (QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show,
                                                  QEvent.Type.Hide):
            self._follow()
        return False

    def _follow(self) -> None:
        target, window = self._alive_target(), self.parentWidget()
        if (not self.keyboard or target is None or window is None or not target.isVisible()
                or target.property("noFocusRing")):
            self.hide()
            return
        w = self.width_px
        top_left = target.mapTo(window, target.rect().topLeft())
        self.setGeometry(QRect(top_left, target.size()).adjusted(-w - 1, -w - 1, w + 1, w + 1))
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.color, self.width_px)
        painter.setPen(pen)
        half = self.width_px / 2
        painter.drawRoundedRect(self.rect().toRectF().adjusted(half, half, -half, -half), 4, 4)
