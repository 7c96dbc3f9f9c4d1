"""The paragraph (and word) being read aloud, marked on the section's page and kept in view.

Marks are extra selections: the document itself is never changed, so a page laid out once
stays laid out. The word takes the scheme's own selection colours (Highlight on
HighlightedText, chosen for contrast in every scheme); the paragraph a light wash of the
Highlight colour over the page, so its text keeps the page's contrast.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPalette, QTextCursor, QTextFormat
from PySide6.QtWidgets import QTextEdit

BLOCK_WASH = 0.22  # how much of the Highlight colour tints the paragraph being read


def _blend(base: QColor, over: QColor, amount: float) -> QColor:
    return QColor.fromRgbF(*(b + (o - b) * amount for b, o in zip(base.getRgbF()[:3], over.getRgbF()[:3], strict=True)))


class ReadingHighlight(QObject):
    """Connect ``ReadAloud.blockChanged`` to ``show_block`` and ``wordChanged`` to
    ``show_word``; ``attach`` the page being read (it is cleared when another is attached)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view: QTextEdit | None = None
        self.block = -1
        self.word: tuple[int, int] | None = None  # (position, length) in the document

    def attach(self, view: QTextEdit | None) -> None:
        if view is not self.view:
            self.clear()
            self.view = view

    def clear(self) -> None:
        self.block, self.word = -1, None
        if self.view is not None:
            self.view.setExtraSelections([])

    def show_block(self, number: int) -> None:
        if number < 0:
            self.clear()
            return
        self.block, self.word = number, None
        self._paint()
        block = self._block()
        if block is not None:
            self._keep_in_view(QTextCursor(block), whole_block=True)

    def show_word(self, number: int, start: int, length: int) -> None:
        if number != self.block:
            self.show_block(number)
        block = self._block()
        if block is None:
            return
        self.word = (block.position() + start, length)
        self._paint()
        cursor = QTextCursor(block)
        cursor.setPosition(self.word[0])
        self._keep_in_view(cursor)

    def _block(self):
        if self.view is None or self.block < 0:
            return None
        block = self.view.document().findBlockByNumber(self.block)
        return block if block.isValid() else None

    def _paint(self) -> None:
        block = self._block()
        if block is None or self.view is None:
            return
        palette = self.view.palette()
        marks = []
        whole = QTextEdit.ExtraSelection()
        whole.cursor = QTextCursor(block)
        whole.format.setBackground(_blend(palette.color(QPalette.ColorRole.Base),
                                          palette.color(QPalette.ColorRole.Highlight), BLOCK_WASH))
        whole.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        marks.append(whole)
        if self.word is not None:
            word = QTextEdit.ExtraSelection()
            cursor = QTextCursor(block)
            cursor.setPosition(self.word[0])
            cursor.setPosition(min(self.word[0] + self.word[1], block.position() + block.length() - 1),
                               QTextCursor.MoveMode.KeepAnchor)
            word.cursor = cursor
            word.format.setBackground(palette.color(QPalette.ColorRole.Highlight))
            word.format.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
            marks.append(word)
        self.view.setExtraSelections(marks)

    def _keep_in_view(self, cursor: QTextCursor, whole_block: bool = False) -> None:
        """Scroll only when the paragraph's start (or the word) is out of sight."""
        view = self.view
        if view is None:
            return
        view.document().size()  # finish the lazy layout, so positions are final
        bar = view.verticalScrollBar()
        height = view.viewport().height()
        if whole_block:
            rect = view.document().documentLayout().blockBoundingRect(cursor.block())
            top, bottom = rect.top(), min(rect.bottom(), rect.top() + height * 0.8)
        else:
            rect = view.cursorRect(cursor)  # in the viewport
            top, bottom = rect.top() + bar.value(), rect.bottom() + bar.value()
        if top < bar.value() or bottom > bar.value() + height:
            bar.setValue(int(top - height * 0.1))  # a little of what came before stays visible
