"""The keyboard shortcuts page, translated, built from the action registry (actions.py): it
lists exactly the keys the window defines, mirrored in right-to-left languages."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QPushButton, QTextBrowser, QVBoxLayout, QWidget

from leaflet_app.i18n import _, translator
from leaflet_app.ui.actions import shortcut_rows
from leaflet_app.ui.retranslate import follow_language


class ShortcutsPage(QWidget):
    closed = Signal()

    def __init__(self, sections: int = 9, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="shortcutsPage")
        self.sections = sections
        self.text = QTextBrowser(objectName="shortcutsText")
        self.text.setOpenLinks(False)
        self.close_button = QPushButton(objectName="closeShortcuts")
        self.close_button.clicked.connect(self.closed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTrailing)
        follow_language(self, self.retranslate)

    def retranslate(self) -> None:
        rtl = translator().direction == Qt.LayoutDirection.RightToLeft
        direction = "rtl" if rtl else "ltr"
        self.text.setLayoutDirection(translator().direction)
        rows = []
        for what, keys in shortcut_rows(self.sections):
            shown = " · ".join(
                "\u2066" + QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) + "\u2069" for k in keys
            )
            cells = [f"<td>{html.escape(_(what))}</td>", f"<td><b>{html.escape(shown)}</b></td>"]
            # Qt lays table columns out left to right whatever the direction: in Arabic and Urdu
            # the cells are given in the other order, so the description stands on the right.
            rows.append("<tr>" + "".join(reversed(cells) if rtl else cells) + "</tr>")
        title = html.escape(_("Keyboard shortcuts"))
        # Room round the text for ink beyond the letters' boxes (Nastaliq's first stroke).
        self.text.document().setDocumentMargin(self.fontMetrics().height() * 0.8)
        self.text.setHtml(
            f'<html><body dir="{direction}"><h2>{title}</h2>'
            f'<table dir="{direction}" align="{"right" if rtl else "left"}" cellpadding="6">'
            f'{"".join(rows)}</table></body></html>'
        )
        self.text.setAccessibleName(_("Keyboard shortcuts"))
        self.close_button.setText(_("Close"))
        self.close_button.setAccessibleName(_("Close"))
