"""The Babel pipeline: extraction, the template kept fresh, and every catalogue safe to ship."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from conftest import LANGUAGES, ROOT

from leaflet_app.catalogue_checks import check_catalogue
from leaflet_app.catalogues import (
    SOURCE_LANGUAGE,
    load_catalogue,
    po_path,
    read_catalogue,
    template_path,
)
from leaflet_app.extract import extract_leaflet

TRANSLATED = [c for c in LANGUAGES if c != SOURCE_LANGUAGE]
TARGET_SET = "ro pl lt lv hu pt_PT es it bg el fr sk ur ar pa bn".split()


def extracted(path: Path) -> list[tuple[int, str, tuple[str, str], list[str]]]:
    with path.open("rb") as f:
        return list(extract_leaflet(f, ["pgettext"], ["TRANSLATORS:"], {}))


def test_extractor_yields_one_message_per_block_with_section_context() -> None:
    items = extracted(ROOT / "resources" / "leaflets" / "scr" / "leaflet.md")
    contexts = [ctx for _, _, (ctx, _), _ in items]
    texts = [text for _, _, (_, text), _ in items]
    assert contexts[:3] == ["leaflet", "leaflet", "what-is-an-scr"]
    assert texts[0] == "Serious Case Review Information Leaflet"
    assert "(a) abuse or neglect of a child is known or suspected; and" in texts
    assert contexts.count("how-reviews-work") == 7  # heading, lead-in, five principles
    assert contexts.count("contact") == 6
    # The web address alone is not a message: there is nothing in it to translate.
    assert not any(t.startswith("[www.northamptonshirescb") for t in texts)
    assert all(func == "pgettext" for _, func, _, _ in items)


def test_contact_messages_carry_a_do_not_change_comment() -> None:
    items = extracted(ROOT / "resources" / "leaflets" / "scr" / "leaflet.md")
    by_text = {text: comments for _, _, (_, text), comments in items}
    tel = by_text["Tel: [01604 364036](tel:01604364036)"]
    assert any("must not change" in c and "01604 364036" in c for c in tel)
    address = next(c for t, c in by_text.items() if t.startswith("Northamptonshire Safeguarding Children Board\\"))
    assert any("John Dryden House" in c and "Northampton NN4 7YD" in c for c in address)
    plain = by_text["Summaries from other Multi-Agency Reviews can also be found on the NSCB website."]
    assert not any("must not change" in c for c in plain)


def _ids(path: Path) -> set[tuple[str | None, str, tuple[str, ...]]]:
    with path.open("rb") as f:
        return {(m.context, m.id if isinstance(m.id, str) else m.id[0], tuple(m.auto_comments)) for m in read_po(f) if m.id}


def test_template_matches_code_and_content(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.pot"
    subprocess.run([sys.executable, "scripts/catalogs.py", "extract", str(fresh)], cwd=ROOT, check=True,
                   capture_output=True)
    committed, current = _ids(template_path()), _ids(fresh)
    assert current - committed == set(), "new messages: run 'python scripts/catalogs.py update' and translate them"
    assert committed - current == set(), "stale messages in the template: run 'python scripts/catalogs.py update'"


def test_all_target_languages_are_shipped() -> None:
    assert sorted(TRANSLATED) == sorted(TARGET_SET)


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_is_complete_and_safe(language: str, leaflet) -> None:
    problems = check_catalogue(language, po_path(language), read_catalogue(template_path()), leaflet.contacts)
    assert not problems, "\n".join(str(p) for p in problems)


@pytest.mark.parametrize("language", TRANSLATED)
def test_review_state_matches_who_translated(language: str) -> None:
    """A draft says so in its header and every message is marked fuzzy; once a qualified
    translator has checked messages, the header names them. (Not "every catalogue is a draft":
    that would fail the day a translator finishes a language.)"""
    catalog = read_catalogue(po_path(language))
    status = load_catalogue(language).status
    translator_line = catalog.last_translator or ""
    assert "FULL NAME" not in translator_line
    if "not yet checked" in translator_line:
        assert status.state == "draft" and status.checked == 0, status
    else:
        assert status.checked > 0 and translator_line.strip(), "a checked catalogue names its translator"


def test_review_status_is_counted_against_the_template(tmp_path: Path) -> None:
    root = tmp_path / "translations"
    shutil.copytree(ROOT / "translations" / "pl", root / "pl")
    shutil.copy(template_path(), root / "leaflet.pot")
    path = po_path("pl", root)
    catalog = read_catalogue(path)
    wanted = [m for m in read_catalogue(template_path()) if m.id]
    for m in list(catalog)[1:]:
        m.flags.discard("fuzzy")
    for m in [m for m in catalog if m.id][14:]:
        catalog.delete(m.id, context=m.context)
    with path.open("wb") as f:
        write_po(f, catalog, width=0)
    status = load_catalogue("pl", root).status
    assert (status.total, status.translated, status.checked) == (len(wanted), 14, 14)
    assert status.state == "incomplete" and status.percent_checked == 100 * 14 // len(wanted)


def test_clearing_draft_marks_changes_the_status(tmp_path: Path) -> None:
    """A translator clears 'fuzzy' in Poedit: the app's status follows after the normal steps."""
    root = tmp_path / "translations"
    shutil.copytree(ROOT / "translations" / "pl", root / "pl")
    path = po_path("pl", root)
    catalog = read_catalogue(path)
    messages = [m for m in catalog if m.id]
    for m in messages[:10]:
        m.flags.discard("fuzzy")
    with path.open("wb") as f:
        write_po(f, catalog, width=0)
    status = load_catalogue("pl", root).status
    assert (status.state, status.checked, status.total) == ("draft", 10, len(messages))
    for m in messages:
        m.flags.discard("fuzzy")
    with path.open("wb") as f:
        write_po(f, catalog, width=0)
    assert load_catalogue("pl", root).status.state == "checked"


def test_corrupt_catalogue_falls_back_to_english_with_a_reason(tmp_path: Path) -> None:
    path = po_path("pl", tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b'msgid "x"\nmsgstr "unterminated\n\x00\xff')
    loaded = load_catalogue("pl", tmp_path)
    assert loaded.error
    assert loaded.translations.gettext("Cancel") == "Cancel"


def test_a_broken_translation_is_reported_by_language_and_message(tmp_path: Path, leaflet) -> None:
    template = read_catalogue(template_path())
    catalog = read_catalogue(po_path("ro"))
    tel = next(m for m in catalog if m.id == "Tel: [01604 364036](tel:01604364036)")
    tel.string = "Tel: [01604 364 036](tel:01604364036)"
    web = next(m for m in catalog if m.id and "*Working Together" in m.id)
    web.string = web.string.replace("*", "")
    broken = tmp_path / "ro.po"
    buf = io.BytesIO()
    write_po(buf, catalog, width=0)
    broken.write_bytes(buf.getvalue())
    problems = [str(p) for p in check_catalogue("ro", broken, template, leaflet.contacts)]
    assert any(p.startswith("ro: [contact] 'Tel:") and "contact details differ" in p for p in problems)
    assert any("[law-and-guidance]" in p and "Markdown structure" in p for p in problems)
