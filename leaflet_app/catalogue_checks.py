"""Checks that a translation catalogue is safe to ship; used by the tests (and so by CI).

Each problem names the language and the message, so a broken catalogue fails CI with a
message a translator can act on.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError

from leaflet_app.catalogues import CatalogueError, read_catalogue_checked
from leaflet_app.contacts import ContactMatcher

_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
_LINK_TARGET = re.compile(r"\]\(([^)\s]+)\)")
_IMAGE = re.compile(r"!\[")
_HTML = re.compile(r"<[A-Za-z/!?]")  # a tag, a comment or a processing instruction


@dataclass(frozen=True)
class Problem:
    language: str
    context: str | None
    message: str
    what: str

    def __str__(self) -> str:
        where = f"[{self.context}] " if self.context else ""
        return f"{self.language}: {where}{self.message[:70]!r}: {self.what}"


def _markdown_shape(text: str) -> tuple[int, int, int, tuple[str, ...]]:
    """What a translation must keep: emphasis markers, links, hard line breaks, link targets."""
    return (text.count("*"), text.count("]("), text.count("\\\n"), tuple(_LINK_TARGET.findall(text)))


def check_message(language: str, msg: Message, contacts: ContactMatcher) -> list[str]:
    source, translation = msg.id, msg.string
    if isinstance(source, (list, tuple)):
        sources, translations = list(source), list(translation or [])
    else:
        sources, translations = [source], [translation]
    found: list[str] = []
    if not all(translations):
        return ["not translated"]
    for i, tgt in enumerate(translations):
        src = sources[0] if i == 0 else sources[-1]  # plural forms: the first is the singular
        if Counter(contacts.find(src)) != Counter(contacts.find(tgt)):
            missing = sorted(set(contacts.find(src)) - set(contacts.find(tgt)))
            found.append(f"contact details differ from the English (missing or changed: {missing})")
        if set(_PLACEHOLDER.findall(src)) != set(_PLACEHOLDER.findall(tgt)):
            found.append(f"placeholders differ: {sorted(_PLACEHOLDER.findall(src))} vs {sorted(_PLACEHOLDER.findall(tgt))}")
        if _markdown_shape(src) != _markdown_shape(tgt):
            found.append("Markdown structure differs (emphasis *, links [text](address) or line breaks)")
        if len(_IMAGE.findall(tgt)) > len(_IMAGE.findall(src)) or len(_HTML.findall(tgt)) > len(_HTML.findall(src)):
            found.append("a translation is text: no images ![..](..) and no HTML tags")
    return found


def check_catalogue(language: str, po: Path, template: Catalog, contacts: ContactMatcher) -> list[Problem]:
    try:
        catalog, read_problems = read_catalogue_checked(po)
    except (OSError, PoFileError, CatalogueError, ValueError, UnicodeDecodeError) as exc:
        return [Problem(language, None, str(po), f"cannot be read: {exc}")]
    problems = [Problem(language, None, str(po), what) for what in read_problems]
    for wanted in template:
        if not wanted.id:
            continue
        msg = catalog.get(wanted.id, context=wanted.context)
        msg_id = wanted.id if isinstance(wanted.id, str) else wanted.id[0]
        if msg is None:
            problems.append(Problem(language, wanted.context, msg_id, "missing (run: python scripts/catalogs.py update)"))
            continue
        problems += [Problem(language, wanted.context, msg_id, what) for what in check_message(language, msg, contacts)]
    known = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in template if m.id}
    for msg in catalog:
        key = (msg.context, msg.id if isinstance(msg.id, str) else msg.id[0])
        if msg.id and key not in known:
            problems.append(Problem(language, msg.context, key[1], "not in the template any more (run update)"))
    return problems
