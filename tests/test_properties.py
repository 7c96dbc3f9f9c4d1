"""Property-based: random and mutated catalogues, leaflet sources and kiosk configurations.

Whatever the bytes, the loaders either give a usable result or raise their own error type
(``CatalogueError``, ``LeafletError``); the catalogue and kiosk loaders never raise at all.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from conftest import LANGUAGES, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaflet_app.catalogues import CatalogueError, load_catalogue, parse_catalogue, po_path
from leaflet_app.content import LeafletError, load_leaflet, parse_source
from leaflet_app.kiosk.config import load_config
from leaflet_app.kiosk.pin import looks_like_hash

PO = po_path("pl", ROOT / "translations").read_bytes()
POT = (ROOT / "translations" / "leaflet.pot").read_bytes()
LEAFLET_DIR = ROOT / "resources" / "leaflets" / "scr"
SOURCE = (LEAFLET_DIR / "leaflet.md").read_bytes()
META = (LEAFLET_DIR / "leaflet.toml").read_bytes()
KIOSK = (ROOT / "packaging" / "kiosk.example.toml").read_bytes()
SECTIONS = ["what-is-an-scr", "contact"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces a broken file tends to contain: syntax of each format, odd encodings, control bytes.
NASTY = [b'"', b"\\", b"\n", b"\r\n", b"\x00", b"\xff", b"\xef\xbb\xbf", b"#, fuzzy\n", b"msgid ", b"msgstr[9] ",
         b'msgctxt "', b"charset=klingon", b"nplurals=0;", b"[kiosk]\n", b"kiosk = 5\n", b"= =", b"'''", b"\"\"\"",
         b"## x {#a}\n", b"# T\n", b"<b>", b"![x](/etc/passwd)", b"\xd8\xa7", "ż".encode(), b"\t", b"{percent}"]


@st.composite
def mutated(draw, original: bytes) -> bytes:
    """``original`` with a few random edits: cut, delete, insert, duplicate, overwrite."""
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["cut", "delete", "insert", "duplicate", "overwrite"]))
        i = draw(st.integers(0, len(data)))
        j = min(len(data), i + draw(st.integers(0, 200)))
        if kind == "cut":
            del data[i:]
        elif kind == "delete":
            del data[i:j]
        elif kind == "insert":
            data[i:i] = draw(st.one_of(st.sampled_from(NASTY), st.binary(max_size=40)))
        elif kind == "duplicate":
            data[i:i] = data[i:j]
        else:
            data[i:j] = draw(st.binary(min_size=j - i, max_size=j - i))
    return bytes(data)


KIOSK_KEYS = ["kiosk", "idle_timeout", "languages", "start_language", "start_section", "attract",
              "attract_period", "hide_cursor", "accessibility_toggle", "admin_pin"]
SCALARS = st.one_of(st.integers(-2**63, 2**63 - 1), st.floats(), st.booleans(),
                    st.sampled_from(LANGUAGES + SECTIONS + ["scrypt$1$2$3$zz$yy", ""]), st.text(max_size=20))
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=4))


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value)
    return repr(value)  # ints, and floats (nan and inf are TOML too)


@st.composite
def kiosk_documents(draw) -> bytes:
    """Well-formed TOML with the kiosk's own keys holding any type: the wrong-type cases."""
    entries = draw(st.dictionaries(st.one_of(st.sampled_from(KIOSK_KEYS), st.from_regex(r"[a-z_]{1,8}", fullmatch=True)),
                                   VALUES, max_size=6))
    lines = [f"{key} = {toml_value(value)}" for key, value in entries.items()]
    if draw(st.booleans()) and "kiosk" not in entries:
        lines.insert(0, "[kiosk]")
    return "\n".join(lines).encode()


def any_bytes(original: bytes):
    return st.one_of(mutated(original), st.binary(max_size=300),
                     st.lists(st.sampled_from(NASTY), max_size=30).map(b"".join))


@SETTINGS
@given(any_bytes(PO))
def test_any_catalogue_loads_or_gives_english_with_a_reason(data: bytes) -> None:
    try:
        parse_catalogue(data)
    except CatalogueError as exc:
        assert str(exc)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = po_path("pl", root)
        path.parent.mkdir(parents=True)
        path.write_bytes(data)
        (root / "leaflet.pot").write_bytes(POT)
        loaded = load_catalogue("pl", root)
    assert loaded.error is None or loaded.error.strip()
    status = loaded.status
    assert 0 <= status.checked <= status.translated <= status.total
    loaded.translations.pgettext("leaflet", "Serious Case Review Information Leaflet")
    loaded.translations.ngettext("Too many wrong PINs. Please wait {seconds} second.",
                                 "Too many wrong PINs. Please wait {seconds} seconds.", 5)


@SETTINGS
@given(st.one_of(mutated(SOURCE), st.text(max_size=300).map(str.encode)))
def test_any_leaflet_source_parses_or_says_where(data: bytes) -> None:
    try:
        title, publisher, sections = parse_source(data.decode("utf-8", "replace"))
    except LeafletError as exc:
        assert "leaflet.md" in str(exc)
    else:
        assert title.text is not None and sections


@SETTINGS
@given(any_bytes(SOURCE), any_bytes(META))
def test_any_leaflet_folder_loads_or_raises_leaflet_error(source: bytes, meta: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "leaflet.md").write_bytes(source)
        (folder / "leaflet.toml").write_bytes(meta)
        try:
            leaflet = load_leaflet(folder)
        except LeafletError as exc:
            assert str(exc)
        else:
            assert leaflet.contact_section in leaflet.section_ids()
            leaflet.contacts.find("01604 364036")


@SETTINGS
@given(st.one_of(any_bytes(KIOSK), kiosk_documents()))
def test_any_kiosk_configuration_gives_a_locked_kiosk(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "kiosk.toml"
        path.write_bytes(data)
        config = load_config(path, LANGUAGES, SECTIONS)
    assert 5 <= config.idle_timeout <= 24 * 3600 and 1 <= config.attract_period <= 60
    assert config.start_language in LANGUAGES and config.start_section in SECTIONS + [""]
    assert all(code in LANGUAGES for code in config.languages)
    assert config.admin_pin_hash == "" or looks_like_hash(config.admin_pin_hash)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("&<>\"'a ;#x")) | st.characters()), st.booleans())
def test_the_renderers_escape_is_htmls(text: str, quote: bool) -> None:
    """The renderer escapes without the ``html`` package (whose import loads 2,000 entities)."""
    import html

    from leaflet_app.render import escape

    assert escape(text, quote) == html.escape(text, quote)
