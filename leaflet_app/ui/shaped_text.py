"""Short texts shaped once and kept: labels, buttons and the section tabs draw from here.

Qt's labels, buttons and list items shape their text again every time they are measured or
painted. For most scripts that is cheap; Nastaliq (Urdu) takes a few microseconds per letter,
and a language switch measures and paints every control several times. Here each text is laid
out once per font, width and direction, and kept, so switching back to a language costs no
shaping at all. The widgets below are Qt's own, with only measuring and painting replaced:
their text, accessibility and behaviour are unchanged.
"""

from __future__ import annotations

import math
from collections import OrderedDict

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QIcon,
    QPainter,
    QPaintEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QLabel,
    QStyle,
    QStyleOptionToolButton,
    QStylePainter,
    QToolButton,
)

from leaflet_app.fonts import family_line_height, has_script_letters, latin_font, latin_runs
from leaflet_app.ui.style import LeafletStyle, button_face, paint_button_face

KEPT_TEXTS = 2000
NO_WRAP = -1.0
ONE_LINE_WIDTH = 1e6


class ShapedText:
    """``text`` laid out in ``font``: wrapped at ``width`` (or on one line for ``NO_WRAP``),
    in the reading direction, lines aligned to the leading side. ``extra`` adds that share of
    each line's height above and below it (Nastaliq rises far above its declared ascent), and
    that share of the font's height at each end (its strokes reach beyond the letters' boxes).
    Latin words and digits inside another script are set in the Latin face, at the Latin size."""

    def __init__(self, text: str, font: QFont, width: float, direction: Qt.LayoutDirection,
                 extra: float = 0.0) -> None:
        self.layout = QTextLayout(text, font)
        latin = latin_font(font)
        if latin is not None:
            self.layout.setFormats([_latin_range(start, end, latin) for start, end in latin_runs(text)])
        # Wrapped lines align to the leading side; one line starts at its left edge, to be placed
        # by the widget.
        option = QTextOption(QStyle.visualAlignment(direction, Qt.AlignmentFlag.AlignLeading) if width >= 0
                             else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
        option.setTextDirection(direction)
        option.setWrapMode(QTextOption.WrapMode.WordWrap if width >= 0 else QTextOption.WrapMode.NoWrap)
        self.layout.setTextOption(option)
        y, widest = 0.0, 0.0
        side = QFontMetricsF(font).height() * extra
        self.layout.beginLayout()
        while True:
            line = self.layout.createLine()
            if not line.isValid():
                break
            line.setLeadingIncluded(True)
            line.setLineWidth(max(1.0, width - 2 * side) if width >= 0 else ONE_LINE_WIDTH)
            pad = line.height() * extra
            line.setPosition(QPointF(side, y + pad))
            y += line.height() + 2 * pad
            widest = max(widest, line.naturalTextWidth())
        self.layout.endLayout()
        self.size = QSize(math.ceil(widest + 2 * side), math.ceil(y))

    def draw(self, painter: QPainter, left: float, top: float) -> None:
        self.layout.draw(painter, QPointF(left, top))


def _latin_range(start: int, end: int, latin: QFont) -> QTextLayout.FormatRange:
    from PySide6.QtGui import QTextCharFormat  # other scripts only: not on the way to the English page

    latin_format = QTextCharFormat()
    latin_format.setFont(latin)
    run = QTextLayout.FormatRange()
    run.start, run.length, run.format = start, end - start, latin_format
    return run


def line_room(font: QFont) -> int:
    """The height of one line in ``font`` with its script's room above and below: a control
    holding Latin text in an Urdu window stays as tall as its neighbours holding Urdu."""
    families = font.families() or [font.family()]
    return math.ceil(QFontMetricsF(font).height() * family_line_height(families[0]))


_kept: OrderedDict[tuple, ShapedText] = OrderedDict()


def shaped(text: str, font: QFont, width: float = NO_WRAP,
           direction: Qt.LayoutDirection = Qt.LayoutDirection.LeftToRight) -> ShapedText:
    """The kept layout of ``text`` (made on first use; the least recently used are let go)."""
    width = NO_WRAP if width < 0 else float(int(width))
    families = font.families()
    # Room for the script's ink only where its letters are: "English" in an Urdu window needs none.
    extra = (family_line_height(families[0]) - 1) / 2 if families and has_script_letters(text) else 0.0
    key = (text, font.toString(), tuple(font.families()), font.letterSpacing(), font.wordSpacing(),
           width, direction, extra)
    found = _kept.pop(key, None)
    if found is None:
        found = ShapedText(text, font, width, direction, extra)
    _kept[key] = found  # most recently used last
    while len(_kept) > KEPT_TEXTS:
        _kept.popitem(last=False)
    return found


class TextLabel(QLabel):
    """A plain-text label that measures and paints its text from ``shaped``.

    Word-wrapped labels wrap at their width; others keep one line. Alignment follows the
    reading direction (leading edge), vertically centred."""

    def _text_width(self, width: int) -> float:
        margins = self.contentsMargins()
        return max(1, width - margins.left() - margins.right()) if self.wordWrap() else NO_WRAP

    def _shaped(self, width: int) -> ShapedText:
        return shaped(self.text(), self.font(), self._text_width(width), self.layoutDirection())

    def _outer(self, size: QSize) -> QSize:
        m = self.contentsMargins()
        return QSize(size.width() + m.left() + m.right(), size.height() + m.top() + m.bottom())

    def hasHeightForWidth(self) -> bool:
        return self.wordWrap()

    def heightForWidth(self, width: int) -> int:
        return self._outer(self._shaped(width).size).height() if self.text() else 0

    def sizeHint(self) -> QSize:
        if not self.text():
            return QSize(0, 0)
        one_line = shaped(self.text(), self.font(), NO_WRAP, self.layoutDirection()).size
        if not self.wordWrap():
            return self._outer(one_line)
        width = min(one_line.width(), self.fontMetrics().averageCharWidth() * 60)
        return self._outer(QSize(width, shaped(self.text(), self.font(), width, self.layoutDirection()).size.height()))

    def minimumSizeHint(self) -> QSize:
        if not self.wordWrap():
            return self.sizeHint()
        width = min(self.sizeHint().width(), self.fontMetrics().averageCharWidth() * 12)
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.text():
            return
        rect = self.contentsRect()
        text = self._shaped(self.width())
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        left = rect.left()
        if not self.wordWrap() and self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            left = rect.right() + 1 - text.size.width()
        text.draw(painter, left, rect.top() + max(0, (rect.height() - text.size.height()) // 2))


class TextButton(QToolButton):
    """A tool button that measures and paints its label from ``shaped``. With an icon it shows
    the icon on the leading side of the label, or the icon alone (``ToolButtonIconOnly``: the
    label is then the tooltip and the accessible name only).

    Layouts ask a button for its size many times per change (a row of buttons is measured as a
    whole for each of its buttons): the size is kept for as long as what it depends on stays."""

    # Per tool-button style: (what the size was measured for, the size).
    _hints: dict[Qt.ToolButtonStyle, tuple[tuple, QSize]] | None = None

    _MEASURED_BY = (QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in self._MEASURED_BY:  # a new font, style or direction: measured again
            self._hints = None
        super().changeEvent(event)

    def _label(self) -> ShapedText:
        return shaped(self.text(), self.font(), NO_WRAP, self.layoutDirection())

    def shows_text(self, style: Qt.ToolButtonStyle | None = None) -> bool:
        style = self.toolButtonStyle() if style is None else style
        return self.icon().isNull() or style != Qt.ToolButtonStyle.ToolButtonIconOnly

    def shows_icon(self, style: Qt.ToolButtonStyle | None = None) -> bool:
        style = self.toolButtonStyle() if style is None else style
        return not self.icon().isNull() and style != Qt.ToolButtonStyle.ToolButtonTextOnly

    def _gap(self) -> int:
        return self.fontMetrics().height() // 3

    def _content(self, style: Qt.ToolButtonStyle | None = None) -> QSize:
        size = QSize(0, 0)
        text = self.shows_text(style)
        if text:  # an icon alone needs no room for a line of Nastaliq
            size = self._label().size.expandedTo(QSize(0, line_room(self.font())))  # "English" as tall as Urdu
        if self.shows_icon(style):
            icon = self.iconSize()
            gap = self._gap() if text else 0
            size = QSize(size.width() + icon.width() + gap, max(size.height(), icon.height()))
        return size

    def sizeHint(self) -> QSize:
        return self.size_for(self.toolButtonStyle())

    def size_for(self, style: Qt.ToolButtonStyle) -> QSize:
        """The size the button asks for in ``style``, whether or not it is its style now (a row
        of buttons decides between labels and icons alone without switching back and forth)."""
        if self._hints is None:
            self._hints = {}
        minimum = self.minimumSize()
        key = (self.text(), self.iconSize(), self.icon().isNull(), minimum)
        kept = self._hints.get(style)
        if kept is not None and kept[0] == key:
            return QSize(kept[1])
        option = QStyleOptionToolButton()
        self.initStyleOption(option)
        option.toolButtonStyle = style
        pad = QSize(self.fontMetrics().height() // 2 + 8, 0)
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_ToolButton, option,
                                             self._content(style) + pad, self).expandedTo(minimum)
        self._hints[style] = (key, QSize(size))
        return size

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        on = self.isChecked() or self.isDown()
        if not self.hasFocus() and self.menu() is None and isinstance(self.style(), LeafletStyle):
            # The face the app's style draws for a tool button, drawn directly: the style's way
            # there hands Python each kind of style option in turn (PySide6 builds a class for
            # each, at start-up) and goes in and out of Python twice per button.
            paint_button_face(painter, self.rect(), self.palette(), self.fontMetrics().height(), self.isEnabled(),
                              on, self.isEnabled() and self.underMouse())
        else:  # a focus mark or a menu arrow too: the style draws the whole panel
            option = QStyleOptionToolButton()
            self.initStyleOption(option)
            option.text = ""  # the panel from the style, the label and icon drawn here
            option.icon = QIcon()
            painter.drawComplexControl(QStyle.ComplexControl.CC_ToolButton, option)
        _fill, ink = button_face(self.palette(), on, self.isEnabled())
        content = self._content()
        x = (self.width() - content.width()) / 2
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        if self.property("iconTrailing") and self.shows_text():
            rtl = not rtl  # the icon after the label ("Next ›")
        if self.shows_icon():
            size = self.iconSize()
            mode = QIcon.Mode.Disabled if not self.isEnabled() else (QIcon.Mode.Selected if on else QIcon.Mode.Normal)
            pixmap = self.icon().pixmap(size, self.devicePixelRatioF(), mode)
            icon_x = x + content.width() - size.width() if rtl else x
            painter.drawPixmap(int(icon_x), (self.height() - size.height()) // 2, pixmap)
            if not rtl:
                x += size.width() + self._gap()
        if self.shows_text():
            label = self._label()
            painter.setPen(ink)
            label.draw(painter, x, (self.height() - label.size.height()) / 2)
