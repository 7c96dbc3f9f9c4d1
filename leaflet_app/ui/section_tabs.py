"""The leaflet's sections as tabs, drawn as a list of wrapped headings.

A real ``QTabBar`` underneath, so assistive technology gets what it is: a page-tab list of page
tabs ("tab 2 of 6", the shown one selected), from Qt's own accessibility, with no custom
accessible interface. It is drawn as the side list was (long headings wrap, at least a finger's
height each) and sits in a scroll area for when the headings are taller than the window.

The small item API of a list widget (``item(row).text()``, ``currentRow()``,
``visualItemRect()``…) is kept, so the view and its tests read the same as with a list.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QStyle, QStyleOptionFocusRect, QTabBar, QWidget

from leaflet_app.render import isolate_gloss
from leaflet_app.ui.shaped_text import shaped

MARGIN = 6  # round each heading, inside its tab
GAP = 2  # between tabs


class SectionItem:
    """One section's tab, read and written as a list item would be."""

    def __init__(self, tabs: SectionTabs, row: int) -> None:
        self._tabs, self.row = tabs, row
        self._data: dict[int, Any] = {}

    def text(self) -> str:
        return self._tabs.bar.tabText(self.row)

    def setText(self, text: str) -> None:
        self._tabs.bar.setTabText(self.row, text)

    def toolTip(self) -> str:
        return self._tabs.bar.tabToolTip(self.row)

    def setToolTip(self, text: str) -> None:
        self._tabs.bar.setTabToolTip(self.row, text)

    def data(self, role: int) -> Any:
        return self._data.get(int(role))

    def setData(self, role: int, value: Any) -> None:
        self._data[int(role)] = value


class SectionTabBar(QTabBar):
    """Vertical tabs, each as wide as the bar, as tall as its wrapped heading."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="sectionTabs")
        self.setShape(QTabBar.Shape.RoundedWest)
        self.setDrawBase(False)
        self.setUsesScrollButtons(False)
        self.setExpanding(False)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.least_height = 0  # a finger's height on a touch screen (set by the window)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        # Each heading's layout by (text, width), for this font and direction: the bar asks for
        # them some 170 times a language switch, to measure the rows and to paint them.
        self._labels: dict[tuple[str, int], Any] = {}

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.LayoutDirectionChange, QEvent.Type.StyleChange):
            self._labels.clear()
        super().changeEvent(event)

    def _label(self, index: int, width: int):
        key = (self.tabText(index), width)
        label = self._labels.get(key)
        if label is None:
            if len(self._labels) > 64:  # old texts and widths
                self._labels.clear()
            # The English gloss drawn as a left-to-right island (its brackets face the right way
            # when it wraps in a right-to-left heading); the tab's text, its accessible name, has
            # no marks.
            label = shaped(isolate_gloss(key[0]), self.font(), max(1, width - 2 * (MARGIN + GAP)),
                           self.layoutDirection())
            self._labels[key] = label
        return label

    def _height(self, index: int, width: int) -> int:
        return max(self.least_height, round(self._label(index, width).size.height()) + 2 * MARGIN) + GAP

    def placed(self, index: int) -> tuple[Any, QRect, QPointF]:
        """The heading of tab ``index`` as painted: wrapped at the width its height was measured
        for (a narrower wrap made a heading a line longer than its row), its row, its position."""
        tab = self.tabRect(index)
        rect = tab.adjusted(GAP, GAP // 2, -GAP, -(GAP - GAP // 2))
        label = self._label(index, tab.width())
        return label, rect, QPointF(rect.left() + MARGIN, rect.top() + (rect.height() - label.size.height()) / 2)

    _stand_in = False  # while set_texts changes all but the last heading

    def set_texts(self, texts: list[str]) -> None:
        """Every heading at once (a language switch). QTabBar measures and places every tab
        again after each setTabText: only the last change is measured, the others are placed
        with a stand-in size that the last one replaces."""
        changed = [i for i, text in enumerate(texts) if self.tabText(i) != text]
        self._stand_in = True
        try:
            for i in changed[:-1]:
                self.setTabText(i, texts[i])
        finally:
            self._stand_in = False
        if changed:
            self.setTabText(changed[-1], texts[changed[-1]])

    def tabSizeHint(self, index: int) -> QSize:
        width = max(self.width(), 1)
        if self._stand_in:
            return QSize(width, 1)
        return QSize(width, self._height(index, width))

    def minimumTabSizeHint(self, index: int) -> QSize:
        return self.tabSizeHint(index)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return sum(self._height(i, width) for i in range(self.count()))

    def sizeHint(self) -> QSize:
        width = max(self.width(), 1)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(1, 1)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        for index in range(self.count()):
            label, rect, at = self.placed(index)
            if not rect.intersects(event.rect()):
                continue
            selected = index == self.currentIndex()
            if selected:  # (a fill of the rectangle would make PySide load QGradient at start-up)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
                painter.drawRect(rect)
            painter.setPen(palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text))
            label.draw(painter, at.x(), at.y())
            if selected and self.hasFocus():
                option = QStyleOptionFocusRect()
                option.initFrom(self)
                option.rect = rect
                option.backgroundColor = palette.color(QPalette.ColorRole.Highlight)
                self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up/Down (and Left/Right), Home/End move between the tabs; Enter or Space opens one."""
        key = event.key()
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(key)
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -step  # type: ignore[operator]
        if key == Qt.Key.Key_Home:
            self.setCurrentIndex(0)
        elif key == Qt.Key.Key_End:
            self.setCurrentIndex(self.count() - 1)
        elif step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.setCurrentIndex(min(max(self.currentIndex() + step, 0), self.count() - 1))
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.parent_tabs().itemActivated.emit(self.parent_tabs().currentItem())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def parent_tabs(self) -> SectionTabs:
        return self._owner

    def set_owner(self, owner: SectionTabs) -> None:
        self._owner = owner


class SectionTabs(QScrollArea):
    """The sections: a tab bar in a scroll area, with a list widget's item API."""

    currentRowChanged = Signal(int)
    itemClicked = Signal(object)
    itemActivated = Signal(object)

    def __init__(self, parent: QWidget | None = None, objectName: str = "sectionList") -> None:
        super().__init__(parent, objectName=objectName)
        # Framed, on the text's background, as the list it replaces.
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # On the frame itself: the viewport (Qt's own, see below) is left transparent.
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bar = SectionTabBar()
        self.bar.set_owner(self)
        self.setWidget(self.bar)
        self._items: list[SectionItem] = []
        self.bar.currentChanged.connect(self._on_current)
        self.bar.tabBarClicked.connect(lambda index: index >= 0 and self.itemClicked.emit(self._items[index]))

    def setFocus(self, reason: Qt.FocusReason = Qt.FocusReason.OtherFocusReason) -> None:  # type: ignore[override]
        self.bar.setFocus(reason)

    def hasFocus(self) -> bool:  # type: ignore[override]
        return self.bar.hasFocus()

    # --- a list widget's API ------------------------------------------------------------------
    def add_item(self, text: str = "") -> SectionItem:
        item = SectionItem(self, len(self._items))
        self._items.append(item)  # before the tab: adding the first makes it current
        self.bar.addTab(text)
        return item

    def count(self) -> int:
        return len(self._items)

    def item(self, row: int) -> SectionItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def currentRow(self) -> int:
        return self.bar.currentIndex()

    def setCurrentRow(self, row: int) -> None:
        self.bar.setCurrentIndex(row)

    def currentItem(self) -> SectionItem | None:
        return self.item(self.currentRow())

    def visualItemRect(self, item: SectionItem) -> QRect:
        """The tab's rectangle in the viewport's coordinates (where a click lands on it)."""
        rect = self.bar.tabRect(item.row)
        return QRect(self.bar.mapTo(self.viewport(), rect.topLeft()), rect.size())

    def scrollToItem(self, item: SectionItem) -> None:
        rect = self.bar.tabRect(item.row)
        self.ensureVisible(rect.center().x(), rect.center().y(), 0, rect.height() // 2 + 1)

    def setAccessibleName(self, name: str) -> None:
        """The name goes to the tab list, which is what a screen reader reaches."""
        super().setAccessibleName(name)
        self.bar.setAccessibleName(name)
        self.verticalScrollBar().setAccessibleName(name)

    def setAccessibleDescription(self, text: str) -> None:
        super().setAccessibleDescription(text)
        self.bar.setAccessibleDescription(text)

    def setProperty(self, name: str, value: Any) -> bool:  # type: ignore[override]
        if name == "minimumRowHeight":  # a finger's height per tab on a touch screen
            self.bar.least_height = int(value or 0)
            if self.bar.count():  # a tab's text set again is how a tab bar lays its tabs out again
                self.bar.setTabText(0, self.bar.tabText(0))
            self.bar.updateGeometry()
        return super().setProperty(name, value)

    def _on_current(self, index: int) -> None:
        if index >= 0:
            self.scrollToItem(self._items[index])
        self.currentRowChanged.emit(index)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.bar.updateGeometry()  # heights follow the width: the headings wrap again
