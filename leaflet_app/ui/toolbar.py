"""A row of icon buttons that always stays one row: labels beside the icons while they fit,
icons alone (the label then in the tooltip and the accessible name) when they do not, and
the last buttons in a "More" menu when even the icons do not fit."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QActionEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QMenu, QSizePolicy, QToolButton, QWidget

from leaflet_app.ui.shaped_text import TextButton


class ActionButton(TextButton):
    """A button that shows its action (text, icon, tooltip, state) and triggers it.

    Qt 6.11's QToolButton follows a change of its default action by calling setDefaultAction()
    again, which connects to the action's ``changed`` signal once more each time, never
    disconnecting: every label, tooltip or icon set on a language switch or a display change
    left one more connection behind (about 4 kB per switch, and each change then ran all of
    them). The button follows the change here instead; the one connection made when the action
    was set stays the only one."""

    def actionEvent(self, event: QActionEvent) -> None:  # noqa: N802 - Qt's name
        action = event.action()
        if event.type() != QEvent.Type.ActionChanged or action is not self.defaultAction():
            super().actionEvent(event)
            return
        # What setDefaultAction() copies (the app's actions have no menu, font or icon text of
        # their own: the label comes from the text, with '&' kept from becoming a mnemonic).
        self.setText(action.iconText().replace("&", "&&"))
        self.setIcon(action.icon())
        self.setToolTip(action.toolTip())
        self.setStatusTip(action.statusTip())
        self.setWhatsThis(action.whatsThis())
        self.setCheckable(action.isCheckable())
        self.setChecked(action.isChecked())
        self.setEnabled(action.isEnabled())


def action_button(action: QAction, name: str) -> TextButton:
    button = ActionButton(objectName=name)
    button.setDefaultAction(action)
    button.setAutoRaise(False)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


def fit_buttons(buttons: Sequence[TextButton], width: int, spacing: int) -> bool:
    """Labels beside icons if every visible button fits in ``width``, else icons alone.
    Returns whether the labels are shown. Measured without switching: a button's style is set
    only when it changes (each change lays out the row again)."""
    beside, alone = Qt.ToolButtonStyle.ToolButtonTextBesideIcon, Qt.ToolButtonStyle.ToolButtonIconOnly
    shown = [b for b in buttons if not b.isHidden()]
    wanted = sum(b.size_for(beside).width() for b in shown) + spacing * max(0, len(shown) - 1)
    labels = wanted <= width
    for b in shown:
        style = beside if labels or b.icon().isNull() else alone
        if b.toolButtonStyle() != style:
            b.setToolButtonStyle(style)
    return labels


class ButtonRow(QWidget):
    """Buttons on the leading side, optional widgets after a stretch on the trailing side.

    ``overflow``: buttons that carry an action go into a "More" menu, last first, when the row
    is too narrow even for their icons (a fixed order: the first buttons never move)."""

    def __init__(self, name: str, parent: QWidget | None = None, overflow: bool = False) -> None:
        super().__init__(parent, objectName=name)
        self.buttons: list[TextButton] = []
        self.overflowed: list[QToolButton] = []
        self.more: TextButton | None = None
        if overflow:
            self.more = TextButton(objectName=f"{name}More")
            self.more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            self.more.setMenu(QMenu(self.more))
            self.more.hide()
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addStretch(1)
        if self.more is not None:
            self.row.insertWidget(0, self.more)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.labels_shown = True

    def add_button(self, button: TextButton, stretch: bool = False) -> TextButton:
        """A button on the leading side, after those already there (``stretch``: takes room)."""
        self.row.insertWidget(len(self.buttons), button, 1 if stretch else 0)
        self.buttons.append(button)
        return button

    def _others_width(self) -> int:
        """The room taken by the row's other widgets (a label, the kiosk's button)."""
        others = 0
        for i in range(self.row.count()):
            widget = self.row.itemAt(i).widget()
            if widget is not None and widget not in self.buttons and widget is not self.more and not widget.isHidden():
                others += widget.sizeHint().width() + self.row.spacing()
        return others

    def fit(self) -> None:
        for button in self.overflowed:
            button.show()
        self.overflowed = []
        width = self.width() - self._others_width()
        self.labels_shown = fit_buttons(self.buttons, width, self.row.spacing())
        if self.more is None or self.labels_shown:
            if self.more is not None:
                self.more.hide()
            return
        spacing = self.row.spacing()
        shown = [b for b in self.buttons if not b.isHidden()]
        needed = lambda: sum(b.sizeHint().width() + spacing for b in shown)  # noqa: E731
        if needed() <= width:
            self.more.hide()
            return
        width -= self.more.sizeHint().width() + spacing
        while shown and needed() > width and len(shown) > 1:
            button = shown.pop()
            if button.defaultAction() is None:
                continue
            button.hide()
            self.overflowed.insert(0, button)
        menu = self.more.menu()
        menu.clear()
        for button in self.overflowed:
            menu.addAction(button.defaultAction())
        self.more.show()

    def minimumSizeHint(self) -> QSize:
        height = max((b.sizeHint().height() for b in self.buttons if not b.isHidden()), default=0)
        return QSize(0, height)

    def sizeHint(self) -> QSize:
        return QSize(self.width(), self.minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
