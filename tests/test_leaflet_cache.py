"""The built-in leaflet kept between runs (leaflet_cache.py): the same leaflet as the Markdown gives,
used only when made from the same text, and never in the way when missing, damaged or stale."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT

from leaflet_app.content import LeafletError, load_leaflet
from leaflet_app.i18n import localizer
from leaflet_app.leaflet_cache import load_cached
from leaflet_app.render import LeafletRenderer, identity

SCR = ROOT / "resources" / "leaflets" / "scr"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "scr"
    shutil.copytree(SCR, copy)
    return copy


def outline(leaflet) -> tuple:
    return (leaflet.id, leaflet.language, leaflet.contact_section, leaflet.title, leaflet.publisher,
            [(s.id, s.heading, s.messages) for s in leaflet.sections], leaflet.contacts.details)


def pages(leaflet, code: str) -> list[str]:
    lang = localizer(code)
    renderer = LeafletRenderer(leaflet)
    return [renderer.section_html(s, lang.pgettext, lang.direction_name, with_title=True) for s in leaflet.sections]


def test_a_cached_leaflet_is_the_leaflet_its_markdown_gives(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(folder, cache)  # made and kept
    assert (cache / "leaflet-scr.json").is_file()
    cached, parsed = load_cached(folder, cache), load_leaflet(folder)
    assert cached.english_bodies and not parsed.english_bodies  # really from the cache
    assert outline(cached) == outline(parsed)
    for code in ("en", "pl", "ar", "ur"):
        assert pages(cached, code) == pages(parsed, code)
    renderer, fresh = LeafletRenderer(cached), LeafletRenderer(parsed)
    for a, b in zip(cached.sections, parsed.sections, strict=True):  # the Markdown, parsed on demand
        assert [(t.type, t.content) for t in a.tokens] == [(t.type, t.content) for t in b.tokens]
        assert renderer.section_blocks(a, identity) == fresh.section_blocks(b, identity)
    assert set(LANGUAGES) >= {"en", "pl", "ar", "ur"}


def test_a_changed_leaflet_is_shown_as_it_now_is(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(folder, cache)
    source = folder / "leaflet.md"
    first = load_leaflet(folder).sections[0].messages[1].text
    source.write_text(source.read_text(encoding="utf-8").replace(first, "A changed first paragraph."),
                      encoding="utf-8")
    changed = load_cached(folder, cache)
    assert changed.sections[0].messages[1].text == "A changed first paragraph."
    assert "A changed first paragraph." in pages(changed, "en")[0]
    assert json.loads((cache / "leaflet-scr.json").read_text(encoding="utf-8"))["source"] == source.read_text(
        encoding="utf-8")  # kept again, as it now is


@pytest.mark.parametrize("damage", [
    b"",
    b"\x00\xff not json",
    b'{"meta": 1}',
    b"[1, 2, 3]",
])
def test_a_damaged_cache_is_ignored_and_made_again(folder: Path, tmp_path: Path, damage: bytes) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "leaflet-scr.json").write_bytes(damage)
    assert outline(load_cached(folder, cache)) == outline(load_leaflet(folder))
    assert load_cached(folder, cache).english_bodies  # made again, and used


def test_a_well_formed_but_wrong_record_is_ignored(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(folder, cache)
    path = cache / "leaflet-scr.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for key, bad in (("sections", [["x", [None]]]), ("english", {"x": 1}), ("source_name", "../../etc/passwd"),
                     ("contact_section", "nowhere"), ("title", [1, 2, 3, 4, 5])):
        path.write_text(json.dumps(data | {key: bad}), encoding="utf-8")
        assert outline(load_cached(folder, cache)) == outline(load_leaflet(folder)), key


def test_a_broken_leaflet_is_reported_even_with_a_cache_of_the_good_one(folder: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_cached(folder, cache)
    (folder / "leaflet.md").write_text("no title, no sections\n", encoding="utf-8")
    with pytest.raises(LeafletError) as cached_error:
        load_cached(folder, cache)
    with pytest.raises(LeafletError) as plain_error:
        load_leaflet(folder)
    assert str(cached_error.value) == str(plain_error.value)


def test_the_app_works_where_no_cache_can_be_written(folder: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert outline(load_cached(folder, blocked / "cache")) == outline(load_leaflet(folder))


START_AND_LIST_MARKDOWN = """
import json, sys
sys.argv = ["leaflet-app", "--screenshot", sys.argv[1]]
from leaflet_app.cli import main
code = main()
print(json.dumps({"code": code, "markdown": sorted(m for m in sys.modules if m.startswith("markdown_it"))}))
"""


def test_the_second_start_shows_english_without_parsing_the_markdown(tmp_path: Path) -> None:
    env = {k: v for k, v in __import__("os").environ.items()} | {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    runs = []
    for n in range(2):
        png = tmp_path / f"start{n}.png"
        out = subprocess.run([sys.executable, "-c", START_AND_LIST_MARKDOWN, str(png)], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=120, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        assert runs[-1]["code"] == 0 and png.stat().st_size > 0
    assert runs[0]["markdown"] != []  # parsed, and kept
    assert runs[1]["markdown"] == []
    assert (tmp_path / "start0.png").read_bytes() == (tmp_path / "start1.png").read_bytes()


def test_the_warmer_parses_a_cached_leaflet_ahead_of_the_first_switch(folder: Path, tmp_path: Path) -> None:
    from leaflet_app.content import DeferredTokens
    from leaflet_app.warm import CatalogueWarmer

    cache = tmp_path / "cache"
    load_cached(folder, cache)
    cached = load_cached(folder, cache)
    assert all(isinstance(s.body, DeferredTokens) for s in cached.sections)
    assert CatalogueWarmer(["en"], cached).start().wait(60)
    assert not any(isinstance(s.body, DeferredTokens) for s in cached.sections)
    assert pages(cached, "pl") == pages(load_leaflet(folder), "pl")


# --- the colour schemes' TOML, kept the same way -------------------------------------------------
SCHEMES = ROOT / "resources" / "themes" / "schemes.toml"


def test_the_schemes_are_read_from_the_record_once_kept(tmp_path, monkeypatch) -> None:
    import tomllib

    from leaflet_app.leaflet_cache import load_toml_cached

    cache = tmp_path / "cache"
    first = load_toml_cached(SCHEMES, cache)
    assert first == tomllib.loads(SCHEMES.read_text(encoding="utf-8"))
    parsed: list[str] = []
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(text) or {})
    assert load_toml_cached(SCHEMES, cache) == first
    assert parsed == []  # the record answered: no parser


def test_an_edited_damaged_or_unkeepable_toml_file_is_parsed_again(tmp_path) -> None:
    from leaflet_app.leaflet_cache import load_toml_cached

    cache = tmp_path / "cache"
    source = tmp_path / "themes" / "schemes.toml"
    source.parent.mkdir()
    source.write_text('[standard]\nwindow = "#ffffff"\n', encoding="utf-8")
    assert load_toml_cached(source, cache) == {"standard": {"window": "#ffffff"}}
    source.write_text('[standard]\nwindow = "#000000"\n', encoding="utf-8")  # edited: the record is stale
    assert load_toml_cached(source, cache) == {"standard": {"window": "#000000"}}
    (record,) = cache.glob("toml-*.json")
    record.write_text("{ not json", encoding="utf-8")
    assert load_toml_cached(source, cache) == {"standard": {"window": "#000000"}}
    assert json.loads(record.read_text(encoding="utf-8"))["table"] == {"standard": {"window": "#000000"}}
    source.write_text("when = 2026-11-28\n", encoding="utf-8")  # a date: JSON cannot keep it
    assert str(load_toml_cached(source, cache)["when"]) == "2026-11-28"
    source.write_text("[broken\n", encoding="utf-8")
    with pytest.raises(ValueError):  # tomllib.TOMLDecodeError, as without the record
        load_toml_cached(source, cache)
