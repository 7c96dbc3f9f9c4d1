"""English beside the family's language: the current section in two columns, message by message.

Each catalogue message is one block, so the rows pair exactly. Each column keeps its own
direction, fonts and line height. Both columns are one document in one scroll area, so they
always scroll together. When the view is too narrow for two readable columns (or the text too
large), each English block is stacked above its translation instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from leaflet_app.content import Leaflet
from leaflet_app.export.document import COLUMNS, STACKED, TextStyle, leaflet_document
from leaflet_app.i18n import N_, SOURCE_LANGUAGE, _, localizer, translator

# A column narrower than this many average characters is hard to read: stack instead.
MIN_COLUMN_CHARS = 32
TITLE = N_("{first} and {second}, side by side")


class SideBySideView(QTextBrowser):
    """Shows ``section`` in ``first`` and ``second`` (by default English and the current language)."""

    def __init__(self, leaflet: Leaflet, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="sideBySide")
        self.leaflet = leaflet
        self.section = leaflet.sections[0].id
        self.first = SOURCE_LANGUAGE
        self.second: str | None = None  # None: follow the current language
        self.point_size = 12.0
        self.readable = False
        self.spacing = False
        self.layout_mode = COLUMNS
        self._built: tuple | None = None
        self._doc: QTextDocument | None = None
        self.setOpenLinks(False)  # offline: links are never opened
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.retranslate()

    # The small API the window uses.
    def show_section(self, section_id: str) -> None:
        self.leaflet.section(section_id)  # KeyError for an unknown id, before anything changes
        self.section = section_id
        self.refresh(keep_position=False)

    def set_languages(self, first: str, second: str | None = None) -> None:
        """Any two shipped languages; ``second=None`` follows the current language."""
        self.first, self.second = first, second
        self.refresh()

    def set_text_style(self, point_size: float, readable: bool = False, spacing: bool = False) -> None:
        """The display settings: text size, the easy-to-read typeface, WCAG 1.4.12 spacing."""
        self.point_size, self.readable, self.spacing = point_size, readable, spacing
        self.refresh()

    def retranslate(self) -> None:
        """Called on every language change (the second column follows the current language)."""
        first, second = self.languages()
        self.setAccessibleName(_(TITLE).format(first=localizer(first).own_name, second=localizer(second).own_name))
        self.refresh()

    def languages(self) -> tuple[str, str]:
        return self.first, self.second or translator().language

    def wanted_mode(self) -> str:
        """Columns when each would hold ``MIN_COLUMN_CHARS`` characters of the largest font."""
        width = self.viewport().width()
        char = max(QFontMetricsF(localizer(code).font(self.point_size, self.readable)).averageCharWidth()
                   for code in self.languages())
        return COLUMNS if width >= 2 * (MIN_COLUMN_CHARS + 2) * char else STACKED

    def refresh(self, keep_position: bool = True) -> None:
        first, second = self.languages()
        mode = self.wanted_mode()
        key = (self.section, first, second, self.point_size, self.readable, self.spacing, mode)
        if key == self._built:
            return
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if keep_position and bar.maximum() else 0.0
        style = TextStyle(point_size=self.point_size, readable=self.readable,
                          line_height=1.5 if self.spacing else 1.0, paragraph_gap=2.0 if self.spacing else 0.5)
        a, b = localizer(first), localizer(second)
        doc = leaflet_document(self.leaflet, a, b if second != first else None, style, mode, [self.section])
        doc.setDocumentMargin(QFontMetricsF(a.font(self.point_size)).height() * 0.6)
        doc.setParent(self)
        previous, self._doc = self._doc, doc
        self.setDocument(doc)
        if previous is not None:
            previous.deleteLater()
        self.layout_mode = mode
        self._built = key
        doc.size()  # lay out now, so the scroll range is right
        bar.setValue(round(fraction * bar.maximum()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.wanted_mode() != self.layout_mode:
            self.refresh()
