"""PDF export: what a family takes home. The files are made through the command line, then read
back as a reader would: text (pypdf), fonts (pdffonts), pictures of the pages (pdftoppm) and
the QR codes on them (zxing-cpp)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from functools import cache
from pathlib import Path

import pypdf
import pytest
import zxingcpp
from PySide6.QtCore import QBuffer
from PySide6.QtGui import QImage, QPdfWriter

from leaflet_app.cli import main
from leaflet_app.export.document import COLUMNS, TextStyle, leaflet_document, missing_glyphs
from leaflet_app.export.pdf import DRAFT, PAGE_OF
from leaflet_app.i18n import localizer
from leaflet_app.render import plain
from tests.conftest import LANGUAGES

# The leaflet's contact details, as printed (DESIGN.md), and what the QR codes must say.
CONTACT_DETAILS = [
    "01604 364036",
    "nscb@northamptonshire.gcsx.gov.uk",
    "www.northamptonshirescb.org.uk/about-northamptonshire-safeguarding-children-board/scr/",
    "www.nspcc.org.uk",
    "John Dryden House",
    "8-10 The Lakes",
    "Northampton NN4 7YD",
]
QR_TARGETS = {
    "tel:01604364036",
    "mailto:nscb@northamptonshire.gcsx.gov.uk",
    "https://www.northamptonshirescb.org.uk/about-northamptonshire-safeguarding-children-board/scr/",
    "https://www.nspcc.org.uk",
}
BUNDLED_FONTS = ("NotoSans-", "NotoNaskhArabic-", "NotoNastaliqUrdu-", "NotoSansBengali-", "NotoSansGurmukhi-",
                 "Andika-")
# Scripts whose letters a PDF maps back to text one for one (no contextual forms or reordering).
SIMPLE_SCRIPTS = {"Latn", "Grek", "Cyrl"}
ARABIC = re.compile(r"[\u0621-\u064a]+")

needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")


@cache
def _pdf_cache(tmp_root: Path, language: str, *flags: str) -> Path:
    path = tmp_root / f"{language}{''.join(flags)}.pdf"
    assert main(["--export", str(path), "--language", language, *flags]) == 0
    return path


@pytest.fixture(scope="module")
def pdf_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pdf")


def export(pdf_dir: Path, language: str, *flags: str) -> Path:
    return _pdf_cache(pdf_dir, language, *flags)


def pdf_text(path: Path) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(path).pages]


def flat(text: str) -> str:
    """Text with line breaks and spacing removed (a wrapped address is still one address), and
    ligatures such as "ﬁ" undone."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def rasterise(path: Path, tmp_path: Path, dpi: int = 150) -> list[QImage]:
    prefix = tmp_path / path.stem
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(prefix)], check=True)
    return [QImage(str(p)) for p in sorted(tmp_path.glob(f"{path.stem}-*.png"))]


def decoded(image: QImage) -> set[str]:
    """The texts of the QR codes in ``image``. No inverting: a code must be dark on light."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    view = zxingcpp.ImageView(gray.constBits(), gray.width(), gray.height(), zxingcpp.ImageFormat.Lum,
                              gray.bytesPerLine())
    return {r.text for r in zxingcpp.read_barcodes(view, try_invert=False)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_contact_detail_is_in_the_pdf_text(pdf_dir, language):
    text = flat("".join(pdf_text(export(pdf_dir, language))))
    for detail in CONTACT_DETAILS:
        assert flat(detail) in text, f"{detail!r} is not in the {language} PDF's text"


@pytest.mark.parametrize("language", LANGUAGES)
def test_headings_are_in_the_pdf_in_the_language(pdf_dir, leaflet, language):
    lang = localizer(language)
    text = "".join(pdf_text(export(pdf_dir, language)))
    headings = [plain(lang.pgettext(s.id, s.heading.text)) for s in leaflet.sections]
    if lang.info.script in SIMPLE_SCRIPTS:
        for heading in headings:
            assert flat(heading) in flat(text), heading
    elif language == "ar":
        # Arabic comes back as presentation forms in visual order: each word reversed, then NFKC.
        words = {run for w in text.split() for run in ARABIC.findall(unicodedata.normalize("NFKC", w[::-1]))}
        # Lam-alef is one ligature glyph, which Qt's text layer does not map back to its letters.
        for heading in headings:
            wanted = {w for w in ARABIC.findall(heading) if not re.search("ل[اأإآ]", w)}
            assert wanted and wanted <= words, heading
    else:
        # Urdu (Nastaliq), Bengali and Gurmukhi glyphs do not map back to letters one for one in
        # any PDF text layer Qt writes; their headings are checked in the laid-out document below
        # and by eye. Their Latin parts must still come back.
        text = unicodedata.normalize("NFKC", text)
        for heading in headings:
            for latin in re.findall(r"[A-Za-z]{3,}", heading):
                assert latin in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_letter_has_its_glyph(language, leaflet):
    """No .notdef boxes: every glyph of the document the PDF draws exists in its font."""
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    for second in (None, localizer(language)):
        first = localizer("en") if second else localizer(language)
        doc = leaflet_document(leaflet, first, second, TextStyle(), COLUMNS, paint_device=writer)
        doc.setTextWidth(writer.width())
        assert missing_glyphs(doc) == []
        text = doc.toPlainText()
        for section in leaflet.sections:
            heading = plain(localizer(language).pgettext(section.id, section.heading.text))
            assert heading.replace("\xa0", " ") in text


def test_a_missing_glyph_is_found(leaflet):
    doc = leaflet_document(leaflet, localizer("en"), None, TextStyle())
    doc.setTextWidth(800)
    doc.setPlainText(doc.toPlainText() + "\n\u6f22")  # a Han letter: no bundled font has it
    assert missing_glyphs(doc)


@needs_poppler
@pytest.mark.parametrize("language", ["en", "ur", "bn", "ar"])
def test_fonts_are_embedded_and_bundled(pdf_dir, language):
    out = subprocess.run(["pdffonts", str(export(pdf_dir, language))], capture_output=True, text=True,
                         check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        name, emb = row.split()[0], row.split()[-5]
        assert emb == "yes", row
        assert name.split("+")[-1].startswith(BUNDLED_FONTS), f"a system font was used: {row}"


def test_every_page_has_title_own_name_page_number_and_draft_notice(pdf_dir, leaflet):
    lang = localizer("pl")
    pages = pdf_text(export(pdf_dir, "pl"))
    assert len(pages) > 1
    title = flat(plain(lang.pgettext("leaflet", leaflet.title.text)))
    for number, text in enumerate(pages, 1):
        t = flat(text)
        assert title in t and "Polski" in t
        assert flat(lang.gettext(PAGE_OF).format(page=number, pages=len(pages))) in t
        assert flat(DRAFT.format(percent="0%")) in t  # the English line, for the practitioner
        assert flat(lang.gettext(DRAFT).split("(")[0]) in t


def test_english_has_no_draft_notice(pdf_dir):
    assert "Draft" not in "".join(pdf_text(export(pdf_dir, "en")))


@needs_poppler
@pytest.mark.parametrize("flags", [("--language", "en"), ("--language", "ur"), ("--language", "bn", "--bilingual"),
                                   ("--language", "ar", "--large-print"), ("--language", "pl", "--paper", "letter")])
def test_qr_codes_on_the_printed_page_scan_to_the_exact_contacts(pdf_dir, tmp_path, flags):
    path = export(pdf_dir, flags[1], *flags[2:])
    found: set[str] = set()
    for image in rasterise(path, tmp_path):
        found |= decoded(image)
    assert found == QR_TARGETS


@needs_poppler
def test_right_to_left_pages_are_laid_out_right_to_left(pdf_dir, tmp_path):
    """The header line of an Urdu page ends at the right margin; an English one starts at the left."""

    def header_ink(path: Path) -> tuple[int, int, int]:
        image = rasterise(path, tmp_path, dpi=50)[0].convertToFormat(QImage.Format.Format_Grayscale8)
        top = round(18 / 25.4 * 50)  # the margin
        xs = [x for y in range(top, top + 12) for x in range(image.width()) if image.pixelColor(x, y).value() < 128]
        return min(xs), max(xs), image.width()

    left, right, width = header_ink(export(pdf_dir, "ur"))
    assert width - right < 50 * 20 / 25.4 and left > width / 4
    left, right, width = header_ink(export(pdf_dir, "en"))
    assert left < 50 * 20 / 25.4 and right < width * 3 / 4


def test_bilingual_pdf_pairs_english_and_the_language(pdf_dir, leaflet):
    text = flat("".join(pdf_text(export(pdf_dir, "pl", "--bilingual"))))
    lang = localizer("pl")
    for section in leaflet.sections:
        assert flat(plain(section.heading.text)) in text
        assert flat(plain(lang.pgettext(section.id, section.heading.text))) in text


def test_large_print_is_larger(pdf_dir):
    normal = len(pypdf.PdfReader(export(pdf_dir, "en")).pages)
    large = pypdf.PdfReader(export(pdf_dir, "en", "--large-print"))
    assert len(large.pages) > normal * 1.5
    sizes = set()
    for page in large.pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: sizes.add(round(size * tm[0], 1))
                          if text.strip() else None)
    assert sizes and min(sizes) >= 18, sorted(sizes)


def test_cli_refuses_pdf_options_without_a_pdf(tmp_path, capsys):
    assert main(["--export", str(tmp_path / "x.txt"), "--bilingual"]) == 2
    assert "--export FILE.pdf" in capsys.readouterr().err
    assert main(["--export", str(tmp_path / "x.doc")]) == 2
    assert not list(tmp_path.glob("*x.*"))


def test_an_unwritable_place_gives_a_message_and_no_file(tmp_path, capsys):
    target = tmp_path / "missing" / "leaflet.pdf"
    assert main(["--export", str(target)]) == 2  # refused before any work
    assert "does not exist" in capsys.readouterr().err
    assert not target.parent.exists()


def test_an_existing_file_is_replaced_whole(tmp_path):
    target = tmp_path / "leaflet.pdf"
    target.write_bytes(b"old")
    assert main(["--export", str(target), "--language", "el"]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.glob("*leaflet.pdf*")] == ["leaflet.pdf"]  # no temporary file left


@needs_poppler
@pytest.mark.parametrize("language, flags", [("en", ()), ("ar", ()), ("pl", ("--bilingual",)),
                                             ("bn", ("--large-print",))])
def test_the_contact_page_carries_its_qr_codes(pdf_dir, tmp_path, leaflet, language, flags):
    path = export(pdf_dir, language, *flags)
    pages = [flat(t) for t in pdf_text(path)]
    with_codes = [i for i, image in enumerate(rasterise(path, tmp_path, dpi=100)) if decoded(image)]
    assert with_codes
    page = pages[with_codes[0]]
    if "--large-print" in flags:  # at 18 pt the section and its codes may need two pages: then in a row
        page = pages[with_codes[0] - 1] + page
    for detail in ("John Dryden House", "01604 364036", "nscb@northamptonshire.gcsx.gov.uk"):
        assert flat(detail) in page
    if localizer(language).info.script in SIMPLE_SCRIPTS:
        lang = localizer(language)
        assert flat(plain(lang.pgettext("contact", leaflet.section("contact").heading.text))) in page
        assert flat(lang.gettext("Scan to call")) in page


def test_large_print_has_no_italics(leaflet):
    from PySide6.QtGui import QTextCursor

    from leaflet_app.export.pdf import LARGE, NORMAL

    def italic_chars(style) -> int:
        doc = leaflet_document(leaflet, localizer("en"), None, style)
        cursor, count = QTextCursor(doc), 0
        while cursor.movePosition(QTextCursor.MoveOperation.NextCharacter):
            count += cursor.charFormat().fontItalic()
        return count

    assert italic_chars(NORMAL.text) > 0  # "Working Together to Safeguard Children 2015"
    assert italic_chars(LARGE.text) == 0


@needs_poppler
def test_paper_is_black_on_white_whatever_the_screen_scheme(tmp_path, qapp):
    """A dark or yellow-on-black screen scheme must not give white or yellow text on paper."""
    from PySide6.QtGui import QColor, QPalette

    def ink(name: str) -> int:
        path = tmp_path / f"{name}.pdf"
        assert main(["--export", str(path), "--language", "en"]) == 0
        image = rasterise(path, tmp_path, dpi=40)[-1].convertToFormat(QImage.Format.Format_Grayscale8)
        return sum(image.pixelColor(x, y).value() < 100 for x in range(image.width()) for y in range(image.height()))

    normal = ink("normal")
    original = qapp.palette()
    dark = QPalette(original)
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.Link):
        dark.setColor(role, QColor("#ffff00"))
    dark.setColor(QPalette.ColorRole.Base, QColor("black"))
    qapp.setPalette(dark)
    try:
        assert ink("dark") >= normal * 0.98
    finally:
        qapp.setPalette(original)


def test_pdf_is_pdf_a_with_a_title_in_the_language(pdf_dir):
    path = export(pdf_dir, "el")
    assert b'pdfaid:part="1" pdfaid:conformance="B"' in path.read_bytes()
    title = pypdf.PdfReader(path).metadata.title
    assert "Ελληνικά" in title and plain(localizer("el").pgettext("leaflet", "Serious Case Review Information Leaflet")) in title


def test_pdf_export_works_without_a_display(tmp_path):
    import os
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    target = tmp_path / "server.pdf"
    result = subprocess.run([sys.executable, "-m", "leaflet_app", "--export", str(target), "--language", "pa"],
                            env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF")
