"""The keyboard shortcuts page, translated, listing every action the app offers."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton, QTextBrowser, QVBoxLayout, QWidget

from leaflet_app.i18n import N_, _, translator
from leaflet_app.ui.retranslate import follow_language

# (what it does, keys). Keys are shown in the platform's own notation.
SHORTCUTS = (
    (N_("Next section"), ("Ctrl+Tab", "Ctrl+PgDown")),
    (N_("Previous section"), ("Ctrl+Shift+Tab", "Ctrl+PgUp")),
    (N_("Go to section 1 to 9"), ("Alt+1", "Alt+9")),
    (N_("Contact details"), ("Ctrl+K",)),
    (N_("Choose a language"), ("Ctrl+L",)),
    (N_("Show the leaflet in English"), ("Ctrl+E",)),
    (N_("Accessibility mode on or off"), ("Ctrl+Shift+A",)),
    (N_("Display settings"), ("Ctrl+D",)),
    (N_("Larger text"), ("Ctrl+=", "Ctrl++")),
    (N_("Smaller text"), ("Ctrl+-",)),
    (N_("Normal text size"), ("Ctrl+0",)),
    (N_("Scroll the text"), ("Up", "Down", "PgUp", "PgDown", "Space")),
    (N_("Move between controls"), ("Tab", "Shift+Tab")),
    (N_("Keyboard shortcuts"), ("F1",)),
    (N_("Close this page"), ("Esc",)),
)


class ShortcutsPage(QWidget):
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="shortcutsPage")
        self.text = QTextBrowser(objectName="shortcutsText")
        self.text.setOpenLinks(False)
        self.close_button = QPushButton(objectName="closeShortcuts")
        self.close_button.clicked.connect(self.closed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTrailing)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        direction = "rtl" if translator().direction == Qt.LayoutDirection.RightToLeft else "ltr"
        rows = []
        for what, keys in SHORTCUTS:
            shown = " · ".join(
                "\u2066" + QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) + "\u2069" for k in keys
            )
            rows.append(f"<tr><td>{html.escape(_(what))}</td><td><b>{html.escape(shown)}</b></td></tr>")
        title = html.escape(_("Keyboard shortcuts"))
        self.text.setHtml(
            f'<html><body dir="{direction}"><h2>{title}</h2>'
            f'<table cellpadding="6">{"".join(rows)}</table></body></html>'
        )
        self.text.setAccessibleName(_("Keyboard shortcuts"))
        self.close_button.setText(_("Close"))
        self.close_button.setAccessibleName(_("Close"))
