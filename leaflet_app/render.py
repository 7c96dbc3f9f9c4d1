"""Turning a leaflet into a language: HTML for the viewer, plain text for export.

Each block's message is looked up with ``pgettext(section id, source text)``; the translation,
itself Markdown, is parsed by the same markdown-it parser and rendered. Contact details are
wrapped in Unicode left-to-right isolates so that right-to-left text cannot reorder them.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from leaflet_app.content import Leaflet, Message, Section, markdown, message_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from leaflet_app.html_renderer import Renderer

log = logging.getLogger(__name__)

Translate = Callable[[str, str], str]  # (context, message) -> translation
_reported: set[tuple[str, str, str]] = set()  # unsafe translations already logged (once per process)


def identity(context: str, message: str) -> str:
    return message


def escape(text: str, quote: bool = True) -> str:
    """``html.escape``, without importing the ``html`` package: it loads the table of 2,000 HTML5
    entities (2 ms at every start) that the app never looks anything up in."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;") if quote else text


class Block(NamedTuple):
    """One catalogue message of a section, rendered: the unit that bilingual views pair up."""

    kind: str  # "heading", "paragraph" or "item"
    depth: int  # list nesting: 0 outside lists, 1 for a top-level item
    html: str  # inline HTML, contact details wrapped in left-to-right isolates
    text: str  # plain text (hard line breaks kept as "\n")


class LocalizedText(NamedTuple):
    title: str
    publisher: str
    headings: dict[str, str]  # section id -> heading


class LeafletRenderer:
    """Renders one leaflet; keeps a markdown-it parser so inline re-parsing is cheap."""

    def __init__(self, leaflet: Leaflet) -> None:
        self.leaflet = leaflet
        self._parser: MarkdownIt | None = None  # markdown-it: imported when first needed
        self._renderer: Renderer | None = None
        self._verified: dict[tuple[str, str, str], str] = {}  # (context, source, translation) -> shown

    @property
    def _md(self) -> MarkdownIt:
        if self._parser is None:
            self._parser = markdown()
        return self._parser

    @property
    def _html(self) -> Renderer:
        if self._renderer is None:
            from leaflet_app.html_renderer import Renderer

            self._renderer = Renderer(self.leaflet.contacts.isolate)
        return self._renderer

    def _translate(self, tr: Translate, message: Message) -> str:
        """The translation, if it is safe to show; otherwise the English block (and a log line)."""
        if not message.translatable:
            return message.text
        text = tr(message.context, message.text)
        if text == message.text:
            return text
        key = (message.context, message.text, text)
        shown = self._verified.get(key)
        if shown is None:
            why = self.unsafe_translation(message.text, text)
            if why and key not in _reported:
                _reported.add(key)
                log.warning("Translation of [%s] %r not shown (%s); showing the English",
                            message.context, message.text[:60], why)
            shown = self._verified[key] = message.text if why else text
        return shown

    def unsafe_translation(self, source: str, translation: str) -> str | None:
        """Why ``translation`` must not be shown, or None. A translation is text: it carries
        exactly the English contact details, no images, no raw HTML, and links only where the
        English has them (a file edited after release is checked here, not only in CI)."""
        contacts = self.leaflet.contacts
        if Counter(contacts.find(source)) != Counter(contacts.find(translation)):
            return "contact details differ from the English"
        kinds, targets = self._inline_shape(translation)
        src_kinds, src_targets = self._inline_shape(source)
        if kinds["image"] > src_kinds["image"]:
            return "it holds an image"
        if kinds["html_inline"] > src_kinds["html_inline"]:
            return "it holds raw HTML"
        if targets != src_targets:
            return "its links differ from the English"
        return None

    def _inline_shape(self, text: str) -> tuple[Counter[str], Counter[str]]:
        children = self._md.parseInline(text)[0].children or []
        kinds = Counter(c.type for c in children)
        targets = Counter(str(c.attrGet("href")) for c in children if c.type == "link_open")
        return kinds, targets

    def texts(self, tr: Translate) -> LocalizedText:
        lf = self.leaflet
        return LocalizedText(
            title=self._translate(tr, lf.title),
            publisher=self._translate(tr, lf.publisher) if lf.publisher else "",
            headings={s.id: self._translate(tr, s.heading) for s in lf.sections},
        )

    def _localized_tokens(self, section: Section, tr: Translate) -> list[Token]:
        out: list[Token] = []
        body = iter(section.messages[1:])
        for tok in section.tokens:
            if tok.type == "inline":
                message = next(body)
                inline = tok.copy()
                inline.content = self._translate(tr, message)
                inline.children = self._md.parseInline(inline.content)[0].children
                out.append(inline)
            else:
                out.append(tok)
        return out

    def section_html(self, section: Section, tr: Translate, direction: str = "ltr", with_title: bool = False,
                     after_heading: str = "", after_text: str = "") -> str:
        """A section as HTML; ``with_title`` starts it with the leaflet's title and publisher (the
        first section, like the front of the printed leaflet); ``after_heading`` is HTML put
        between the heading and the text (the contact card), ``after_text`` after it (QR codes)."""
        heading = escape(self.leaflet.contacts.isolate(isolate_gloss(self._translate(tr, section.heading))))
        body = self._english_body(section, tr) or self.body_html(section, tr)
        top = ""
        if with_title:
            texts = self.texts(tr)
            title, publisher = (escape(isolate_gloss(plain(t))) for t in (texts.title, texts.publisher))
            top = f"<p><b>{title}</b><br/>{publisher}</p>"
        return f'<html><body dir="{direction}">{top}<h2>{heading}</h2>\n{after_heading}{body}{after_text}</body></html>'

    def body_html(self, section: Section, tr: Translate) -> str:
        """The section's body (without its heading) as HTML."""
        return self._html.render(self._localized_tokens(section, tr), self._md.options, {})

    def _english_body(self, section: Section, tr: Translate) -> str | None:
        """The body kept with the leaflet (leaflet_cache.py), when every block of it shows its
        English source text; None otherwise."""
        cached = self.leaflet.english_bodies.get(section.id)
        if cached is None or any(self._translate(tr, m) != m.text for m in section.messages[1:]):
            return None
        return cached

    def section_blocks(self, section: Section, tr: Translate) -> list[Block]:
        """The section's heading and body, one ``Block`` per message, in order. Every language
        gives the same number of blocks, so block ``i`` of two languages is the same message."""
        heading = self._translate(tr, section.heading)
        blocks = [Block("heading", 0, escape(self.leaflet.contacts.isolate(plain(heading)), quote=False),
                        plain(heading))]
        depth = 0
        for tok in self._localized_tokens(section, tr):
            if tok.type in ("bullet_list_open", "ordered_list_open"):
                depth += 1
            elif tok.type in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
            elif tok.type == "inline":
                children = tok.children or []
                blocks.append(Block("item" if depth else "paragraph", depth,
                                    self._html.renderInline(children, self._md.options, {}),
                                    self.inline_plain(children)))
        return blocks

    def inline_plain(self, children: list[Token]) -> str:
        parts = []
        for child in children:
            if child.type in ("text", "code_inline", "html_inline"):
                parts.append(child.content)
            elif child.type == "softbreak":
                parts.append(" ")
            elif child.type == "hardbreak":
                parts.append("\n")
        return "".join(parts)

    def section_text(self, section: Section, tr: Translate, isolate: bool = False) -> str:
        heading = self._translate(tr, section.heading)
        lines = [heading, "=" * max(len(heading), 3), ""]
        depth = 0
        for tok in self._localized_tokens(section, tr):
            if tok.type in ("bullet_list_open", "ordered_list_open"):
                depth += 1
            elif tok.type in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
                if depth == 0:
                    lines.append("")
            elif tok.type == "inline":
                text = self.inline_plain(tok.children or [])
                if isolate:
                    text = self.leaflet.contacts.isolate(text)
                if depth:
                    pad = "  " * (depth - 1)
                    text = pad + "- " + text.replace("\n", "\n" + pad + "  ")
                    lines.append(text)
                else:
                    lines.extend([text, ""])
        return "\n".join(lines).rstrip() + "\n"

    def plain_text(self, tr: Translate, direction: str = "ltr") -> str:
        """The whole leaflet as plain text: title, publisher, then each section in order.

        In right-to-left languages contact details are wrapped in invisible left-to-right
        isolates, so that a text editor shows them in the right order; the details themselves
        are unchanged.
        """
        texts = self.texts(tr)
        head = [texts.title]
        if texts.publisher:
            head.append(self.inline_plain(self._md.parseInline(texts.publisher)[0].children or []))
        parts = ["\n".join(head) + "\n"]
        parts += [self.section_text(s, tr, direction == "rtl") for s in self.leaflet.sections]
        return "\n".join(parts)


_GLOSS = re.compile(r"\(([A-Za-z][^()]*)\)")


def isolate_gloss(heading: str) -> str:
    """The English in brackets inside a translated heading ("(Serious Case Review, SCR)") set as
    one left-to-right island (an isolate): its brackets pair up and face the right way in a
    right-to-left line even when large text must break the gloss across lines. (No-break spaces
    kept it on one line, but a gloss wider than the line was then cut anywhere: before a comma.)"""
    return _GLOSS.sub(lambda m: "\u2066" + m.group(0) + "\u2069", heading)


def plain(markdown_inline: str) -> str:
    """A heading or title message without Markdown markup, for window titles and lists."""
    return message_text(markdown_inline).replace("*", "").replace("\\", "")
