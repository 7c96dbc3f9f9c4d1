"""Laying out the window once per change, not once per widget touched.

Qt lays out every ancestor of a widget at once when the widget is shown, and widgets measure
their text each time: in Nastaliq (Urdu) one pass over the window costs milliseconds. A change
of language or display touches many widgets, so their layouts are switched off while it is
made, and the window is laid out once, with everything final.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLayout, QStackedLayout, QStatusBar, QWidget


@contextmanager
def frozen_layouts(root: QWidget) -> Iterator[None]:
    """Switch off the layouts of ``root`` and everything in it while the block runs.

    Changes made meanwhile still mark the layouts as out of date; they are redone on the next
    turn of the event loop, or at once by ``settle_layouts``. Nested use is harmless: only the
    layouts switched off here are switched on again."""
    layouts = [lay for lay in _layouts(root) if lay.isEnabled()]
    for lay in layouts:
        lay.setEnabled(False)
    try:
        yield
    finally:
        for lay in layouts:
            if shiboken6.isValid(lay):  # the status bar rebuilds its own layout on a font change
                lay.setEnabled(True)
                lay.invalidate()


def _layouts(root: QWidget) -> list[QLayout]:
    """The layouts of ``root`` and the widgets in it that are not hidden (a hidden widget's
    layout does no work until it is shown: the pages kept for other languages, sections and
    displays are passed by), except inside status bars. A status bar deletes and rebuilds its
    own layouts on every font change, behind Python's back: a wrapper made for one here would
    stay referenced by its parent's wrapper for ever (a leak on every switch)."""
    found: list[QLayout] = []
    widgets = [root]
    while widgets:
        widget = widgets.pop()
        if isinstance(widget, QStatusBar):
            continue
        top = widget.layout()
        if top is not None:
            found += [top] + top.findChildren(QLayout)
        widgets += [w for w in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                    if not w.isHidden()]
    return found


def settle_layouts(widget: QWidget) -> None:
    """Apply pending layout changes from the window down to ``widget`` now, rather than on the
    next turn of the event loop, so what is laid out next gets its final size."""
    # Widgets that lay out their own parts (the status bar) ask for it by a posted event.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    chain = []
    current: QWidget | None = widget
    while current is not None:
        chain.append(current)
        current = current.parentWidget()
    for w in reversed(chain):
        if w.layout() is not None:
            w.layout().activate()


class Pages(QWidget):
    """One page at a time (the leaflet, the language picker, display settings…): a plain widget
    with a stacked layout rather than a QStackedWidget, which a screen reader announces as an
    unnamed "layered pane" each time the focus first enters it."""

    def __init__(self, objectName: str = "") -> None:  # noqa: N803 - Qt's keyword
        super().__init__(objectName=objectName)
        self._stack = QStackedLayout(self)
        self._stack.setContentsMargins(0, 0, 0, 0)

    def addWidget(self, widget: QWidget) -> int:  # noqa: N802 - as QStackedWidget
        return self._stack.addWidget(widget)

    def currentWidget(self) -> QWidget | None:  # noqa: N802
        return self._stack.currentWidget()

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802
        self._stack.setCurrentWidget(widget)

    def currentIndex(self) -> int:  # noqa: N802
        return self._stack.currentIndex()

    def setCurrentIndex(self, index: int) -> None:  # noqa: N802
        self._stack.setCurrentIndex(index)
