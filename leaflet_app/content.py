"""The leaflet as data: a Markdown source document parsed into sections and blocks.

Format (see the comment at the top of ``resources/leaflets/scr/leaflet.md``):
``# Title``, then a paragraph naming the publisher, then ``## Heading {#section-id}`` per section.
Each heading, paragraph and list item is one translatable message whose context is the section
id. Parsing is done by markdown-it-py; this module only walks its tokens.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from leaflet_app.contacts import LRI, PDI, ContactMatcher

LEAFLET_CONTEXT = "leaflet"  # message context of the title and the publisher line
_HEADING_ID = re.compile(r"\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$")
_SOFT_BREAK = re.compile(r"(?<!\\)(?<!  )\n")


class LeafletError(ValueError):
    """The leaflet source cannot be used; the message says where and why."""


def markdown() -> MarkdownIt:
    # Raw HTML is recognised only so that HTML comments (notes for editors) can be dropped;
    # the renderer never passes HTML through (see render.py).
    return MarkdownIt("commonmark", {"html": True})


def message_text(inline_content: str) -> str:
    """A block's message id: soft line breaks become spaces, hard breaks stay."""
    return _SOFT_BREAK.sub(" ", inline_content.strip())


@dataclass(frozen=True)
class Message:
    context: str
    text: str
    line: int  # 1-based line in the source document
    kind: str  # "title", "publisher", "heading", "paragraph", "item"
    translatable: bool = True  # False for a block that is only a contact detail, e.g. a web address


@dataclass
class Section:
    id: str
    heading: Message
    tokens: list[Token] = field(repr=False)  # body tokens, without the heading
    messages: list[Message] = field(default_factory=list)  # heading first


@dataclass
class Leaflet:
    id: str
    directory: Path
    title: Message
    publisher: Message | None
    sections: list[Section]
    language: str
    contact_section: str
    contacts: ContactMatcher

    def section_ids(self) -> list[str]:
        return [s.id for s in self.sections]

    def section(self, section_id: str) -> Section:
        for s in self.sections:
            if s.id == section_id:
                return s
        raise KeyError(section_id)

    def messages(self) -> Iterator[Message]:
        """Every message for translators, in reading order."""
        return translatable_messages(self.title, self.publisher, self.sections)


def translatable_messages(
    title: Message, publisher: Message | None, sections: list[Section]
) -> Iterator[Message]:
    head = [title] + ([publisher] if publisher else [])
    for m in head + [m for s in sections for m in s.messages]:
        if m.translatable:
            yield m


def _block_kind(tokens: list[Token], index: int) -> str:
    """``item`` when the inline token at ``index`` sits inside a list item, else ``paragraph``."""
    depth = 0
    for tok in reversed(tokens[:index]):
        if tok.type == "list_item_close":
            depth += 1
        elif tok.type == "list_item_open":
            if depth == 0:
                return "item"
            depth -= 1
    return "paragraph"


def _has_words(text: str) -> bool:
    """Whether a block has anything to translate once contact details and link syntax are removed."""
    rest = ContactMatcher().isolate(text)
    rest = re.sub(f"{LRI}.*?{PDI}", "", rest)
    return bool(re.search(r"[^\W\d_]", rest))


def parse_source(text: str, source_name: str = "leaflet.md") -> tuple[
    Message, Message | None, list[Section]
]:
    """Split a leaflet source into its title, publisher line and sections."""
    tokens = markdown().parse(text)
    title: Message | None = None
    publisher: Message | None = None
    sections: list[Section] = []
    seen: set[str] = set()
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "html_block":  # an editor's comment, not leaflet text
            i += 1
            continue
        line = (tok.map[0] + 1) if tok.map else 0
        if tok.type == "heading_open":
            inline = tokens[i + 1]
            if tok.tag == "h1":
                if title is not None or sections:
                    raise LeafletError(f"{source_name}:{line}: only one '# title', before the sections")
                title = Message(LEAFLET_CONTEXT, message_text(inline.content), line, "title")
            elif tok.tag == "h2":
                m = _HEADING_ID.search(inline.content)
                if not m:
                    raise LeafletError(
                        f"{source_name}:{line}: section heading needs an id, e.g. '## Contact Us {{#contact}}'"
                    )
                sid = m.group(1)
                if sid in seen:
                    raise LeafletError(f"{source_name}:{line}: section id '{sid}' is used twice")
                seen.add(sid)
                heading = Message(sid, message_text(inline.content[: m.start()]), line, "heading")
                sections.append(Section(sid, heading, [], [heading]))
            else:
                raise LeafletError(f"{source_name}:{line}: use '#' for the title and '##' for sections only")
            i += 3
            continue
        if not sections:
            if tok.type == "inline":
                if title is None or publisher is not None:
                    raise LeafletError(
                        f"{source_name}:{line}: before the first section only the title and one line "
                        "naming the publisher are allowed"
                    )
                publisher = Message(LEAFLET_CONTEXT, message_text(tok.content), line, "publisher")
            i += 1
            continue
        section = sections[-1]
        section.tokens.append(tok)
        if tok.type == "inline":
            kind = _block_kind(section.tokens, len(section.tokens) - 1)
            text = message_text(tok.content)
            section.messages.append(Message(section.id, text, line, kind, _has_words(text)))
        i += 1
    if title is None:
        raise LeafletError(f"{source_name}: the leaflet has no '# title'")
    if not sections:
        raise LeafletError(f"{source_name}: the leaflet has no '## section'")
    return title, publisher, sections


def load_leaflet(directory: Path) -> Leaflet:
    """Read ``leaflet.toml`` and its Markdown source from a leaflet directory."""
    meta_path = directory / "leaflet.toml"
    try:
        meta = tomllib.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LeafletError(f"{meta_path}: missing (every leaflet folder needs a leaflet.toml)") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise LeafletError(f"{meta_path}: not valid TOML ({exc})") from None
    source_path = directory / str(meta.get("source", "leaflet.md"))
    try:
        source = source_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LeafletError(f"{source_path}: cannot be read ({exc})") from None
    title, publisher, sections = parse_source(source, source_path.name)
    ids = [s.id for s in sections]
    contact = str(meta.get("contact_section", ids[-1]))
    if contact not in ids:
        raise LeafletError(f"{meta_path}: contact_section '{contact}' is not one of: {', '.join(ids)}")
    return Leaflet(
        id=str(meta.get("id", directory.name)),
        directory=directory,
        title=title,
        publisher=publisher,
        sections=sections,
        language=str(meta.get("language", "en")),
        contact_section=contact,
        contacts=ContactMatcher(meta.get("contact_details", [])),
    )
