""""Save as PDF…" and "Print…" for the window: a few choices (bilingual, large print, paper),
then the platform's file or print dialog. The drawing itself is ``leaflet_app.export``."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from leaflet_app.catalogues import SOURCE_LANGUAGE
from leaflet_app.content import Leaflet
from leaflet_app.export import PdfOptions, paint_leaflet, setup_page, write_pdf
from leaflet_app.i18n import N_, _, localizer, translator

log = logging.getLogger(__name__)

# Action labels, for the window's action registry.
SIDE_BY_SIDE = N_("Side by side")
SAVE_PDF = N_("Save as PDF…")
PRINT = N_("Print…")

BILINGUAL = N_("English alongside (bilingual)")
LARGE_PRINT = N_("Large print")
PAPER = N_("Paper size")
PDF_FILTER = N_("PDF documents (*.pdf)")
SAVE_FAILED = N_("The PDF could not be saved: {error}")
PRINT_FAILED = N_("The leaflet could not be printed: {error}")
PAPER_NAMES = {"a4": "A4", "letter": "Letter"}  # names printed on paper packs, not translated


class ExportOptionsDialog(QDialog):
    """Bilingual or not, large print or not, and (for a PDF) the paper size."""

    def __init__(self, language: str, with_paper: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="exportOptions")
        self.language = language
        self.bilingual = QCheckBox(self)
        self.large_print = QCheckBox(self)
        self.paper = QComboBox(self)
        for key, name in PAPER_NAMES.items():
            self.paper.addItem(name, key)
        self.paper_label = QLabel(self)
        self.paper_label.setBuddy(self.paper)
        form = QFormLayout()
        form.addRow(self.bilingual)
        form.addRow(self.large_print)
        if with_paper:
            form.addRow(self.paper_label, self.paper)
        else:
            self.paper.hide()
            self.paper_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        # English alongside English would say everything twice.
        self.bilingual.setEnabled(language != SOURCE_LANGUAGE)
        self.retranslate()

    def retranslate(self) -> None:
        self.setLayoutDirection(translator().direction)
        self.setWindowTitle(_(SAVE_PDF).rstrip("…."))
        self.bilingual.setText(_(BILINGUAL))
        self.large_print.setText(_(LARGE_PRINT))
        self.paper_label.setText(_(PAPER))

    def options(self) -> PdfOptions:
        return PdfOptions(self.language, self.bilingual.isChecked() and self.bilingual.isEnabled(),
                          self.large_print.isChecked(), str(self.paper.currentData()))


def ask_options(parent: QWidget | None, language: str, with_paper: bool = True) -> PdfOptions | None:
    dialog = ExportOptionsDialog(language, with_paper, parent)
    return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None


def default_file_name(leaflet: Leaflet, options: PdfOptions) -> str:
    parts = [leaflet.id, options.language] + (["en"] if options.bilingual else [])
    parts += ["large-print"] if options.large_print else []
    return "-".join(parts) + ".pdf"


def save_pdf(parent: QWidget | None, leaflet: Leaflet, language: str, options: PdfOptions | None = None,
             path: Path | None = None) -> Path | None:
    """Ask what is missing (the choices, the file), write the PDF; None if cancelled or failed
    (a failure is explained to the user, and any file already there is left as it was)."""
    options = options or ask_options(parent, language)
    if options is None:
        return None
    if path is None:
        name, _filter = QFileDialog.getSaveFileName(parent, _(SAVE_PDF).rstrip("…."),
                                                    str(Path.home() / default_file_name(leaflet, options)),
                                                    _(PDF_FILTER))
        if not name:
            return None
        path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    try:
        write_pdf(leaflet, path, options)
    except (OSError, ValueError) as exc:
        log.warning("PDF not saved to %s: %s", path, exc)
        QMessageBox.warning(parent, _(SAVE_PDF).rstrip("…."), _(SAVE_FAILED).format(error=exc))
        return None
    return path


def print_to(printer: QPrinter, leaflet: Leaflet, options: PdfOptions) -> int:
    """Draw the leaflet on ``printer`` (its paper as the print dialog left it); the page count."""
    return paint_leaflet(printer, leaflet, options)


def print_leaflet(parent: QWidget | None, leaflet: Leaflet, language: str) -> bool:
    """The choices, then the platform's print dialog, then print. False if cancelled or failed."""
    options = ask_options(parent, language, with_paper=False)
    if options is None:
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup_page(printer, options)  # a starting point; the dialog may change the paper
    printer.setDocName(f"{leaflet.id}-{language}")
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        print_to(printer, leaflet, options)
    except OSError as exc:
        QMessageBox.warning(parent, localizer(language).own_name, _(PRINT_FAILED).format(error=exc))
        return False
    return True

