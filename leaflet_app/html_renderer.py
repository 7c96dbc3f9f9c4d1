"""markdown-it's HTML renderer as the leaflet needs it (imported only when a page is rendered
from the Markdown, not from the cache: see leaflet_cache.py)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from markdown_it.renderer import RendererHTML
from markdown_it.token import Token

# An item that starts with its own enumerator: "5 (1) (e) …", "(2) …", "(a) …", "(ii) …".
OWN_MARKER = re.compile(r"^\W{0,2}(?:\d+\s*)?\((?:\d+|[a-z]|[ivx]+)\)", re.IGNORECASE)


class Renderer(RendererHTML):
    """markdown-it's HTML renderer, but raw HTML is never passed through and contacts are isolated."""

    def __init__(self, isolate: Callable[[str], str]) -> None:
        super().__init__()
        self._isolate = isolate

    def text(self, tokens: Sequence[Token], idx: int, options, env) -> str:  # type: ignore[override]
        return html.escape(self._isolate(tokens[idx].content), quote=False)

    def html_inline(self, tokens: Sequence[Token], idx: int, options, env) -> str:  # type: ignore[override]
        return html.escape(tokens[idx].content, quote=False)

    def html_block(self, tokens: Sequence[Token], idx: int, options, env) -> str:  # type: ignore[override]
        return ""

    def bullet_list_open(self, tokens: Sequence[Token], idx: int, options, env) -> str:  # type: ignore[override]
        """A list whose items carry their own markers ("5 (1) (e)", "(a)") gets no bullets as well."""
        first = next((t for t in tokens[idx + 1:] if t.type == "inline"), None)
        if first is not None and OWN_MARKER.match(first.content):
            return '<ul style="list-style-type: none">\n'
        return super().renderToken(tokens, idx, options, env)
