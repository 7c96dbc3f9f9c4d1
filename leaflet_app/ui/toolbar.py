"""A row of icon buttons that always stays one row: labels beside the icons while they fit,
icons alone (the label then in the tooltip and the accessible name) when they do not."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from leaflet_app.ui.shaped_text import TextButton


def action_button(action: QAction, name: str) -> TextButton:
    button = TextButton(objectName=name)
    button.setDefaultAction(action)
    button.setAutoRaise(False)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


def fit_buttons(buttons: Sequence[QToolButton], width: int, spacing: int) -> bool:
    """Labels beside icons if every visible button fits in ``width``, else icons alone.
    Returns whether the labels are shown."""
    shown = [b for b in buttons if not b.isHidden()]
    for b in shown:
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    wanted = sum(b.sizeHint().width() for b in shown) + spacing * max(0, len(shown) - 1)
    labels = wanted <= width
    if not labels:
        for b in shown:
            if not b.icon().isNull():
                b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    return labels


class ButtonRow(QWidget):
    """Buttons on the leading side, optional widgets after a stretch on the trailing side."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=name)
        self.buttons: list[QToolButton] = []
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.labels_shown = True

    def add_button(self, button: QToolButton, stretch: bool = False) -> QToolButton:
        """A button on the leading side, after those already there (``stretch``: takes room)."""
        self.row.insertWidget(len(self.buttons), button, 1 if stretch else 0)
        self.buttons.append(button)
        return button

    def fit(self) -> None:
        trailing = sum(self.row.itemAt(i).sizeHint().width() for i in range(len(self.buttons) + 1, self.row.count()))
        self.labels_shown = fit_buttons(self.buttons, self.width() - trailing - self.row.spacing(), self.row.spacing())

    def minimumSizeHint(self) -> QSize:
        height = max((b.sizeHint().height() for b in self.buttons if not b.isHidden()), default=0)
        return QSize(0, height)

    def sizeHint(self) -> QSize:
        return QSize(self.width(), self.minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
