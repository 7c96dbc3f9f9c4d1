"""The leaflet as data: a Markdown source document parsed into sections and blocks.

Format (see the comment at the top of ``resources/leaflets/scr/leaflet.md``):
``# Title``, then a paragraph naming the publisher, then ``## Heading {#section-id}`` per section.
Each heading, paragraph and list item is one translatable message whose context is the section
id. Parsing is done by markdown-it-py; this module only walks its tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from leaflet_app.contacts import LRI, PDI, ContactMatcher
from leaflet_app.files import read_bytes_limited

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

LEAFLET_CONTEXT = "leaflet"  # message context of the title and the publisher line
_HEADING_ID = re.compile(r"\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$")
_SOFT_BREAK = re.compile(r"(?<!\\)(?<!  )\n")


class LeafletError(ValueError):
    """The leaflet source cannot be used; the message says where and why."""


def markdown() -> MarkdownIt:
    # Raw HTML is recognised only so that HTML comments (notes for editors) can be dropped;
    # the renderer never passes HTML through (see render.py).
    from markdown_it import MarkdownIt  # imported when first parsing: see leaflet_cache.py

    return MarkdownIt("commonmark", {"html": True})


def message_text(inline_content: str) -> str:
    """A block's message id: soft line breaks become spaces, hard breaks stay."""
    return _SOFT_BREAK.sub(" ", inline_content.strip())


class Message(NamedTuple):
    context: str
    text: str
    line: int  # 1-based line in the source document
    kind: str  # "title", "publisher", "heading", "paragraph", "item"
    translatable: bool = True  # False for a block that is only a contact detail, e.g. a web address


class DeferredTokens:
    """A leaflet source parsed only when a section's tokens are first needed (a leaflet read
    from the cache shows its first English page without them)."""

    def __init__(self, source: str, source_name: str) -> None:
        self._source, self._name = source, source_name
        self._by_id: dict[str, list[Token]] | None = None

    def tokens(self, section_id: str) -> list[Token]:
        if self._by_id is None:
            _, _, sections = parse_source(self._source, self._name)
            self._by_id = {s.id: s.tokens for s in sections}
        return self._by_id[section_id]


class Section:
    """One tab of the leaflet. (A plain class: a dataclass costs half a millisecond to create, at
    every start.)"""

    __slots__ = ("id", "heading", "body", "messages")

    def __init__(self, id: str, heading: Message, body: list[Token] | DeferredTokens,  # noqa: A002
                 messages: list[Message] | None = None) -> None:
        self.id = id
        self.heading = heading
        self.body = body  # body tokens, without the heading
        self.messages: list[Message] = [] if messages is None else messages  # heading first

    def __repr__(self) -> str:
        return f"Section({self.id!r}, {self.heading!r}, messages={self.messages!r})"

    @property
    def tokens(self) -> list[Token]:
        if isinstance(self.body, DeferredTokens):
            self.body = self.body.tokens(self.id)
        return self.body


class Leaflet:
    """A leaflet: its outline, its sections and its contact details."""

    def __init__(self, id: str, directory: Path, title: Message, publisher: Message | None,  # noqa: A002
                 sections: list[Section], language: str, contact_section: str, contacts: ContactMatcher,
                 english_bodies: dict[str, str] | None = None, source_name: str = "leaflet.md") -> None:
        self.id = id
        self.directory = directory
        self.title = title
        self.publisher = publisher
        self.sections = sections
        self.language = language
        self.contact_section = contact_section
        self.contacts = contacts
        # Section id -> the English HTML of its body, as LeafletRenderer makes it (from the cache).
        self.english_bodies: dict[str, str] = {} if english_bodies is None else english_bodies
        self.source_name = source_name  # the Markdown file in ``directory``

    def __repr__(self) -> str:
        return f"Leaflet({self.id!r}, {str(self.directory)!r}, sections={self.section_ids()!r})"

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


MAX_SOURCE_BYTES = 2 * 1024 * 1024  # a leaflet is a few pages; anything far larger is the wrong file


def contact_details(meta: dict, where: object) -> list[str]:
    """``contact_details`` from ``leaflet.toml``: a list of strings (a lone string would be
    split into characters, each then taken for a contact detail)."""
    value = meta.get("contact_details", [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LeafletError(f"{where}: contact_details must be a list of strings, e.g. "
                           f'["John Dryden House"], not {str(value)[:40]!r}')
    return value


def _read_text(path: Path, what: str) -> str:
    try:
        data = read_bytes_limited(path, MAX_SOURCE_BYTES)
    except FileNotFoundError:
        raise LeafletError(f"{path}: missing ({what})") from None
    except OSError as exc:
        raise LeafletError(f"{path}: cannot be read ({exc})") from None
    try:
        return data.decode("utf-8").removeprefix("\ufeff")  # Windows editors start files with a BOM
    except UnicodeDecodeError as exc:
        raise LeafletError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None


def read_meta(meta_path: Path, text: str) -> dict:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LeafletError(f"{meta_path}: not valid TOML ({exc})") from None


def load_leaflet(directory: Path) -> Leaflet:
    """Read ``leaflet.toml`` and its Markdown source from a leaflet directory."""
    return read_leaflet(directory)[0]


def read_leaflet(directory: Path) -> tuple[Leaflet, str, str]:
    """The leaflet, and the text of its ``leaflet.toml`` and Markdown source it was made from."""
    meta_path = directory / "leaflet.toml"
    meta_text = _read_text(meta_path, "every leaflet folder needs a leaflet.toml")
    meta = read_meta(meta_path, meta_text)
    for key in ("source", "id", "language", "contact_section"):
        if key in meta and not isinstance(meta[key], str):
            raise LeafletError(f"{meta_path}: {key} must be a string, not {str(meta[key])[:40]!r}")
    details = contact_details(meta, meta_path)
    source_name = meta.get("source", "leaflet.md")
    if Path(source_name).name != source_name:
        raise LeafletError(f"{meta_path}: source must be a file name in the leaflet folder, not {source_name[:60]!r}")
    source_path = directory / source_name
    source = _read_text(source_path, "the leaflet text named by leaflet.toml")
    title, publisher, sections = parse_source(source, source_path.name)
    ids = [s.id for s in sections]
    contact = meta.get("contact_section", ids[-1])
    if contact not in ids:
        raise LeafletError(f"{meta_path}: contact_section '{contact[:40]}' is not one of: {', '.join(ids)}")
    leaflet = Leaflet(
        id=meta.get("id", directory.name),
        directory=directory,
        title=title,
        publisher=publisher,
        sections=sections,
        language=meta.get("language", "en"),
        contact_section=contact,
        contacts=ContactMatcher(details),
        source_name=source_name,
    )
    return leaflet, meta_text, source
