"""The leaflet as data: every sentence of the printed leaflet reaches the export and the screen."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SOURCE_TEXT

from leaflet_app.contacts import strip_isolates
from leaflet_app.content import LeafletError, load_leaflet, parse_source
from leaflet_app.render import LeafletRenderer, identity

# The only slips fixed on purpose (DESIGN §4).
FIXES = {"makes use of of": "makes use of", "SCR's": "SCRs"}
CONTACTS = [
    "01604 364036",
    "nscb@northamptonshire.gcsx.gov.uk",
    "www.northamptonshirescb.org.uk/about-northamptonshire-safeguarding-children-board/scr/",
    "www.nspcc.org.uk",
    "John Dryden House",
    "8-10 The Lakes",
    "Northampton NN4 7YD",
]


def normalise(text: str) -> str:
    return " ".join(strip_isolates(text).split())


def source_sentences() -> list[str]:
    text = SOURCE_TEXT.read_text(encoding="utf-8")
    text = re.sub(r"</?u>", "", text)
    for wrong, right in FIXES.items():
        text = text.replace(wrong, right)
    pieces: list[str] = []
    for line in text.splitlines():
        line = re.sub(r"^\s*-\s+", "", line).strip()
        pieces += [p.strip() for p in re.split(r"(?<=[.?:;])\s+", line) if len(p.strip()) > 2]
    return pieces


def test_source_text_is_available() -> None:
    assert SOURCE_TEXT.is_file(), f"the printed leaflet's text is expected at {SOURCE_TEXT}"
    assert len(source_sentences()) > 30


def test_every_sentence_in_english_export(leaflet) -> None:
    exported = normalise(LeafletRenderer(leaflet).plain_text(identity))
    missing = [s for s in source_sentences() if s not in exported]
    assert missing == []


def test_export_command_writes_every_sentence_and_contact(tmp_path: Path) -> None:
    out = tmp_path / "leaflet.txt"
    result = subprocess.run(
        [sys.executable, "-m", "leaflet_app", "--export", str(out)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Serious Case Review Information Leaflet\nNorthamptonshire Safeguarding Children Board\n")
    assert [s for s in source_sentences() if s not in normalise(text)] == []
    for contact in CONTACTS:
        assert contact in text


def test_reading_order_and_ids(leaflet) -> None:
    assert leaflet.section_ids() == [
        "what-is-an-scr", "law-and-guidance", "how-reviews-work", "findings", "national-learning", "contact",
    ]
    assert leaflet.contact_section == "contact"
    assert leaflet.title.text == "Serious Case Review Information Leaflet"
    assert leaflet.publisher is not None and leaflet.publisher.text == "Northamptonshire Safeguarding Children Board"


def test_regulation_sub_paragraphs_are_nested(leaflet) -> None:
    text = LeafletRenderer(leaflet).section_text(leaflet.section("law-and-guidance"), identity)
    assert "\n- (2) For the purposes of paragraph (1) (e)" in text
    assert "\n  - (a) abuse or neglect of a child is known or suspected; and" in text


def test_section_html_never_passes_raw_html(leaflet) -> None:
    title, publisher, sections = parse_source(
        "# T\n\nP\n\n## S {#s}\n\nA <script>alert(1)</script> <b>bold</b>\n\n<div>block</div>\n"
    )
    lf = load_leaflet(ROOT / "resources" / "leaflets" / "scr")
    lf.sections = sections
    html = LeafletRenderer(lf).section_html(sections[0], identity)
    assert "<script>" not in html and "<b>" not in html and "<div>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    ("source", "complaint"),
    [
        ("## S {#s}\n\ntext\n", "no '# title'"),
        ("# T\n\nP\n\n## S\n\ntext\n", "needs an id"),
        ("# T\n\nP\n\n## A {#a}\n\nx\n\n## B {#a}\n\ny\n", "used twice"),
        ("# T\n\nP\n\nQ\n\n## A {#a}\n\nx\n", "only the title and one line"),
        ("# T\n\nP\n", "no '## section'"),
        ("# T\n\nP\n\n## A {#a}\n\n### deeper\n", "'##' for sections only"),
    ],
)
def test_bad_sources_get_a_clear_message(source: str, complaint: str) -> None:
    with pytest.raises(LeafletError, match=re.escape(complaint)):
        parse_source(source)


def test_missing_metadata_is_reported(tmp_path: Path) -> None:
    with pytest.raises(LeafletError, match="leaflet.toml: missing"):
        load_leaflet(tmp_path)
    (tmp_path / "leaflet.toml").write_text("id = [", encoding="utf-8")
    with pytest.raises(LeafletError, match="not valid TOML"):
        load_leaflet(tmp_path)
