"""Save as PDF… and Print… as the window offers them: the choices dialog, the writing, the
printer path, and a failure explained without losing the file already there."""

from __future__ import annotations

import pypdf
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from leaflet_app.export import PdfOptions
from leaflet_app.i18n import localizer, translator
from leaflet_app.ui.export_actions import BILINGUAL, ExportOptionsDialog, print_to, save_pdf
from tests.test_pdf import CONTACT_DETAILS, flat


def test_options_dialog_gives_the_choices(qtbot):
    translator().set_language("pl")
    dialog = ExportOptionsDialog("pl")
    qtbot.addWidget(dialog)
    assert dialog.bilingual.text() == localizer("pl").gettext(BILINGUAL) != BILINGUAL
    assert dialog.options() == PdfOptions("pl", False, False, "a4")
    dialog.bilingual.setChecked(True)
    dialog.large_print.setChecked(True)
    dialog.paper.setCurrentIndex(dialog.paper.findData("letter"))
    assert dialog.options() == PdfOptions("pl", True, True, "letter")


def test_english_cannot_be_bilingual_with_itself(qtbot):
    dialog = ExportOptionsDialog("en")
    qtbot.addWidget(dialog)
    dialog.bilingual.setChecked(True)
    assert not dialog.options().bilingual


def test_save_pdf_writes_the_file(tmp_path, leaflet):
    path = save_pdf(None, leaflet, "lt", PdfOptions("lt"), tmp_path / "lt.pdf")
    assert path == tmp_path / "lt.pdf"
    text = flat("".join(p.extract_text() for p in pypdf.PdfReader(path).pages))
    assert all(flat(d) in text for d in CONTACT_DETAILS)


def test_a_failed_save_is_explained_and_loses_nothing(tmp_path, leaflet, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: shown.append(args[2]))
    target = tmp_path / "leaflet.pdf"
    target.write_bytes(b"kept")
    assert save_pdf(None, leaflet, "pl", PdfOptions("pl", paper="a3"), target) is None
    assert shown and "a3" in shown[0]
    assert target.read_bytes() == b"kept"


def test_printing_draws_the_same_pages(tmp_path, leaflet):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes what it prints
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = print_to(printer, leaflet, PdfOptions("ar"))
    assert pages >= 2
    reader = pypdf.PdfReader(tmp_path / "printed.pdf")
    assert len(reader.pages) == pages
    text = flat("".join(p.extract_text() for p in reader.pages))
    assert all(flat(d) in text for d in CONTACT_DETAILS)
