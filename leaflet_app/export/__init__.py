"""Formats on request: the leaflet as a PDF or on paper, in one language or two, large print."""

from leaflet_app.export.pdf import PAPERS, PdfOptions, paint_leaflet, setup_page, write_pdf

__all__ = ["PAPERS", "PdfOptions", "paint_leaflet", "setup_page", "write_pdf"]
