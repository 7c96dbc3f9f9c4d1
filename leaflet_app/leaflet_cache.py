"""The built-in leaflet (and the colour schemes' TOML), parsed once and kept between runs, so the
first page needs no Markdown or TOML parser.

Importing markdown-it and parsing the leaflet take tens of milliseconds at every start. Here
the result of a successful ``load_leaflet`` is kept in the user's cache folder: the leaflet's
outline (title, publisher, sections, messages, contact details) and the English HTML of each
section's body. The leaflet itself stays the source: a record is used only if it was made from
exactly the same ``leaflet.toml`` and Markdown text (kept in the record and compared) by the same
code; a record that is missing, unreadable, stale or malformed is ignored and made again. The
Markdown is still parsed, the first time a section's tokens are needed (another language,
the contact section, export).
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

from leaflet_app import __version__
from leaflet_app.contacts import ContactMatcher
from leaflet_app.content import (
    DeferredTokens,
    Leaflet,
    LeafletError,
    Message,
    Section,
    _read_text,
    read_leaflet,
)
from leaflet_app.files import write_text
from leaflet_app.paths import cache_dir

log = logging.getLogger(__name__)

FORMAT = 1
_CODE = ("content.py", "render.py", "html_renderer.py", "contacts.py", "leaflet_cache.py")


def _stamp(path: str | None) -> list[int] | None:
    try:
        st = os.stat(path) if path else None
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size] if st else None


def code_version() -> list:
    """What made a record: this version, and the modules and markdown-it as they are on disk
    (a source checkout changes them without changing the version)."""
    from importlib.util import find_spec

    here = Path(__file__).parent
    try:
        spec = find_spec("markdown_it")
    except (ImportError, ValueError):
        spec = None
    # In a bundle the modules are inside the executable, which a rebuild replaces.
    return [FORMAT, __version__, *(_stamp(str(here / name)) for name in _CODE),
            _stamp(spec.origin if spec else None), _stamp(sys.executable)]


def _message(m: Message | None) -> list | None:
    return None if m is None else [m.context, m.text, m.line, m.kind, m.translatable]


def _from_list(value: list | None) -> Message | None:
    if value is None:
        return None
    context, text, line, kind, translatable = value
    if not (isinstance(context, str) and isinstance(text, str) and isinstance(line, int)
            and isinstance(kind, str) and isinstance(translatable, bool)):
        raise ValueError("a message is malformed")
    return Message(context, text, line, kind, translatable)


def record(leaflet: Leaflet, meta_text: str, source_text: str) -> dict:
    from leaflet_app.render import LeafletRenderer, identity

    renderer = LeafletRenderer(leaflet)
    return {
        "code": code_version(),
        "meta": meta_text,
        "source": source_text,
        "id": leaflet.id,
        "language": leaflet.language,
        "contact_section": leaflet.contact_section,
        "details": leaflet.contacts.details,
        "source_name": leaflet.source_name,
        "title": _message(leaflet.title),
        "publisher": _message(leaflet.publisher),
        "sections": [[s.id, [_message(m) for m in s.messages]] for s in leaflet.sections],
        "english": {s.id: renderer.body_html(s, identity) for s in leaflet.sections},
    }


def from_record(data: dict, directory: Path, source_text: str) -> Leaflet:
    deferred = DeferredTokens(source_text, data["source_name"])
    sections = []
    for sid, messages in data["sections"]:
        parsed = [_from_list(m) for m in messages]
        if not isinstance(sid, str) or not parsed or None in parsed:
            raise ValueError("a section is malformed")
        sections.append(Section(sid, parsed[0], deferred, parsed))
    english = data["english"]
    if not (isinstance(english, dict) and all(isinstance(v, str) for v in english.values())):
        raise ValueError("the English pages are malformed")
    details = data["details"]
    if not (isinstance(details, list) and all(isinstance(d, str) for d in details)):
        raise ValueError("the contact details are malformed")
    leaflet = Leaflet(
        id=data["id"], directory=directory, title=_from_list(data["title"]),
        publisher=_from_list(data["publisher"]), sections=sections, language=data["language"],
        contact_section=data["contact_section"], contacts=ContactMatcher(details),
        source_name=data["source_name"], english_bodies=english,
    )
    if not all(isinstance(v, str) for v in (leaflet.id, leaflet.language, leaflet.contact_section)):
        raise ValueError("the outline is malformed")
    if leaflet.contact_section not in leaflet.section_ids() or leaflet.title is None:
        raise ValueError("the outline is malformed")
    return leaflet


def load_cached(directory: Path, cache: Path | None = None) -> Leaflet:
    """``load_leaflet(directory)``, from the cache when it holds this very leaflet; the cache is
    (re)written otherwise. Errors in the leaflet are raised as ``load_leaflet`` raises them."""
    meta_text = _read_text(directory / "leaflet.toml", "every leaflet folder needs a leaflet.toml")
    path = (cache or cache_dir()) / f"leaflet-{directory.name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("meta") == meta_text and data.get("code") == code_version():
            name = data["source_name"]
            if not isinstance(name, str) or Path(name).name != name:
                raise ValueError("the source name is malformed")
            source_text = _read_text(directory / name, "the leaflet text named by leaflet.toml")
            if data.get("source") == source_text:
                return from_record(data, directory, source_text)
    except LeafletError:
        raise
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:  # missing or unusable
        log.debug("Leaflet cache %s not used: %s", path, exc)
    leaflet, meta_text, source_text = read_leaflet(directory)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text(path, json.dumps(record(leaflet, meta_text, source_text), ensure_ascii=False))
    except Exception as exc:  # noqa: BLE001 - an optimisation only: the app works without it
        log.debug("Leaflet cache %s not written: %s", path, exc)
    return leaflet


def load_toml_cached(path: Path, cache: Path | None = None) -> dict:
    """``tomllib.loads`` of ``path``'s text (the colour schemes), from a record of the same text
    when there is one: importing tomllib and parsing take about 4 ms, at every start.

    Errors are raised as ``tomllib`` raises them (OSError, UnicodeDecodeError, TOMLDecodeError).
    """
    text = path.read_text(encoding="utf-8")
    record_path = (cache or cache_dir()) / f"toml-{path.parent.name}-{path.stem}.json"
    try:
        data = json.loads(record_path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("text") == text and data.get("code") == [FORMAT, __version__]:
            table = data["table"]
            if isinstance(table, dict):
                return table
    except (OSError, ValueError, KeyError) as exc:  # missing or unusable: parsed again below
        log.debug("TOML cache %s not used: %s", record_path, exc)
    import tomllib

    table = tomllib.loads(text)
    try:  # dates and times, which JSON cannot hold, make json.dumps fail: then nothing is kept
        record_path.parent.mkdir(parents=True, exist_ok=True)
        write_text(record_path, json.dumps({"code": [FORMAT, __version__], "text": text, "table": table},
                                           ensure_ascii=False))
    except Exception as exc:  # noqa: BLE001 - an optimisation only
        log.debug("TOML cache %s not written: %s", record_path, exc)
    return table


__all__ = ["load_cached", "load_toml_cached"]
