"""Run a widget's ``retranslate()`` on every language change; hidden widgets catch up when shown.

A page nobody is looking at (the shortcuts page, the display panel, the picker) need not lay
out its text in each language the practitioner passes through: that work is done once, when
the page is next shown, which keeps a language switch within one frame.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from leaflet_app.i18n import translator


class _Follower(QObject):
    def __init__(self, widget: QWidget, retranslate: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._retranslate = retranslate
        self._stale = False
        widget.installEventFilter(self)
        translator().languageChanged.connect(self._on_language_changed)

    def _on_language_changed(self) -> None:
        if self._widget.isVisible():
            self._retranslate()
        else:
            self._stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._stale:
            self._stale = False
            self._retranslate()
        return False


def follow_language(widget: QWidget, retranslate: Callable[[], None]) -> None:
    """Call ``retranslate`` now and on every language change (deferred while ``widget`` is hidden)."""
    _Follower(widget, retranslate)
    retranslate()
