"""Babel extraction method for leaflet sources (registered as ``leaflet`` in pyproject.toml).

One message per heading, paragraph and list item, with the section id as message context, so
the same sentence in two sections can be translated differently and a translator sees where
it belongs. Messages holding contact details get a comment telling translators to copy them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

from leaflet_app.contacts import ContactMatcher
from leaflet_app.content import Message, contact_details, parse_source, translatable_messages

_KIND_NOTES = {
    "title": "The leaflet's title, shown at the top of the window and in the window title.",
    "publisher": "The organisation that publishes the leaflet, shown under the title.",
    "heading": "Section heading, also the name of the section in the list of sections: keep it short.",
}


def translator_comments(message: Message, contacts: ContactMatcher) -> list[str]:
    notes = []
    if message.kind in _KIND_NOTES:
        notes.append(_KIND_NOTES[message.kind])
    tokens = contacts.find(message.text)
    if tokens:
        shown = ", ".join(dict.fromkeys(tokens))
        notes.append(
            "Contains contact details that must not change: copy them exactly as they are, "
            f"character for character: {shown}"
        )
    if "](" in message.text:
        notes.append("Keep the Markdown link syntax [text](address); translate only the text if it is not an address.")
    return [f"TRANSLATORS: {n}" for n in notes]


def _contacts_for(fileobj: IO[bytes]) -> ContactMatcher:
    """The leaflet's own contact details, from the leaflet.toml beside the source, if any."""
    name = getattr(fileobj, "name", None)
    if isinstance(name, str):
        meta = Path(name).with_name("leaflet.toml")
        if meta.is_file():
            data = tomllib.loads(meta.read_text(encoding="utf-8-sig"))
            return ContactMatcher(contact_details(data, meta))
    return ContactMatcher()


def extract_leaflet(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str, tuple[str, str], list[str]]]:
    """Yield ``(lineno, "pgettext", (context, message), comments)`` for each block."""
    encoding = options.get("encoding", "utf-8")
    text = fileobj.read().decode(encoding).removeprefix("\ufeff")
    name = Path(getattr(fileobj, "name", "leaflet.md")).name
    title, publisher, sections = parse_source(text, name)
    contacts = _contacts_for(fileobj)
    for m in translatable_messages(title, publisher, sections):
        yield m.line, "pgettext", (m.context, m.text), translator_comments(m, contacts)
