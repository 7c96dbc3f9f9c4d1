"""Text as it should be heard: contact details spoken so a listener can write them down.

A telephone number is read digit by digit in its printed groups, an e-mail address letter by
letter with "at" and "dot" in the listener's language, a web address by its parts, a postcode
by its characters. Direction marks and isolates (invisible, but some engines say them) are
removed. Every character of the spoken text maps back to the block's own text, so the word the
engine reports can be highlighted where the reader sees it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

Translate = Callable[[str, str], str]  # (context, message) -> translation
CONTEXT = "read aloud"

# Invisible bidi controls: marks, embeddings, overrides and isolates.
_BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Same shapes as contacts.py's, each kept apart so it can be spoken its own way.
_EMAIL = r"(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_WEB = r"(?:https?://|www\.)[^\s)\]<>]*[^\s)\]<>.,;:'\"]"
_PHONE = r"(?:tel:)?\b0\d{4} ?\d{6}\b"
_POSTCODE = r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b"
_SPECIAL = re.compile(
    f"(?P<email>{_EMAIL})|(?P<web>{_WEB})|(?P<phone>{_PHONE})|(?P<postcode>{_POSTCODE})|(?P<bidi>[{_BIDI}]+)"
    "|(?P<line>[\u2028\n]+)"
)
# Address parts spelled letter by letter; longer words are said as words.
SPELL_UP_TO = 4


def spoken_symbols(pgettext: Translate) -> dict[str, str]:
    """What the punctuation in an address is called, in the listener's language (the context
    is written out, not CONTEXT, so that the extractor finds it)."""
    return {
        # TRANSLATORS: read aloud for "@" in an e-mail address, the way people say it aloud.
        "@": pgettext("read aloud", "at"),
        # TRANSLATORS: read aloud for "." in an e-mail or web address.
        ".": pgettext("read aloud", "dot"),
        # TRANSLATORS: read aloud for "/" in a web address.
        "/": pgettext("read aloud", "slash"),
        # TRANSLATORS: read aloud for "-" in a web address.
        "-": pgettext("read aloud", "hyphen"),
    }


def _spell(word: str) -> str:
    return " ".join(word)


def _address(address: str, symbols: dict[str, str], spell_all: bool) -> str:
    """An address said part by part: "n s c b, at, northamptonshire, dot, …"."""
    parts = []
    for piece in re.split(r"([@./-])", address):
        if not piece:
            continue
        if piece in symbols:
            parts.append(symbols[piece])
        elif spell_all or len(piece) <= SPELL_UP_TO or not piece.isalpha():
            parts.append(_spell(piece))
        else:
            parts.append(piece)
    return ", ".join(parts)


def _spoken(kind: str, token: str, symbols: dict[str, str]) -> str:
    if kind == "email":
        return " " + _address(token.removeprefix("mailto:"), symbols, spell_all=True) + ". "
    if kind == "web":
        address = re.sub(r"^https?://", "", token).rstrip("/")
        return " " + _address(address, symbols, spell_all=False) + ". "
    if kind in ("phone", "postcode"):
        groups = token.removeprefix("tel:").split()
        return " " + ", ".join(_spell(g) for g in groups) + ". "
    if kind == "line":
        return ", "
    return ""  # bidi controls


@dataclass
class Prepared:
    """Spoken text, and where each of its parts comes from in the block's own text."""

    text: str
    # (start in spoken text, start in source, end in source, whether copied letter for letter)
    _segments: list[tuple[int, int, int, bool]] = field(default_factory=list, repr=False)

    def source_span(self, start: int, length: int) -> tuple[int, int]:
        """The (start, length) in the block's text of the spoken text's ``start, length``.
        A word inside a spoken contact detail maps to the whole detail."""
        if not self._segments:
            return start, length
        i = max(0, bisect.bisect_right([s[0] for s in self._segments], start) - 1)
        out_start, src_start, src_end, copied = self._segments[i]
        if not copied:
            return src_start, src_end - src_start
        begin = src_start + (start - out_start)
        end = min(src_end, begin + length)
        return begin, max(0, end - begin)


def prepare(text: str, tr: Translate) -> Prepared:
    """``text`` (a block as the reader sees it) as it should be spoken."""
    symbols = spoken_symbols(tr)
    out: list[str] = []
    segments: list[tuple[int, int, int, bool]] = []
    pos = length = 0
    for m in _SPECIAL.finditer(text):
        if m.start() > pos:
            segments.append((length, pos, m.start(), True))
            out.append(text[pos:m.start()])
            length += m.start() - pos
        spoken = _spoken(m.lastgroup or "", m.group(0), symbols)
        if spoken:
            segments.append((length, m.start(), m.end(), False))
            out.append(spoken)
            length += len(spoken)
        pos = m.end()
    if pos < len(text):
        segments.append((length, pos, len(text), True))
        out.append(text[pos:])
    return Prepared("".join(out), segments)
