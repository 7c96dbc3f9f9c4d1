"""Gettext catalogues: reading ``.po`` files, their review state, and the languages on offer.

The app reads the ``.po`` sources directly (through Babel) rather than compiled ``.mo`` files,
because a ``.mo`` file cannot carry the ``fuzzy`` flag: that flag is how a draft translation,
not yet checked by a qualified translator, is marked, and the app must show it. Fuzzy
(draft) messages are used for display, never hidden.
"""

from __future__ import annotations

import codecs
import io
import logging
import re
from functools import cache
from gettext import NullTranslations
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from leaflet_app import paths
from leaflet_app.files import read_bytes_limited

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog
    from babel.support import Translations

# Babel is imported where a catalogue is read or a locale looked up, not here: the English
# window, the first thing a person sees, needs neither (``python -X importtime`` showed ~70 ms).

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"


class ReviewStatus(NamedTuple):
    """How much of a catalogue is translated, and how much of that a qualified translator checked."""

    total: int
    translated: int
    checked: int  # translated and not marked fuzzy (draft)

    @property
    def fraction_checked(self) -> float:
        return 1.0 if self.total == 0 else self.checked / self.total

    @property
    def percent_checked(self) -> int:
        return 100 if self.total == 0 else (100 * self.checked) // self.total

    @property
    def state(self) -> str:
        """``checked``, ``draft`` (some messages unchecked) or ``incomplete`` (some untranslated)."""
        if self.translated < self.total:
            return "incomplete"
        return "checked" if self.checked == self.total else "draft"


SOURCE_STATUS = ReviewStatus(0, 0, 0)


class LoadedCatalogue(NamedTuple):
    language: str
    translations: NullTranslations
    status: ReviewStatus
    error: str | None = None  # set when the catalogue could not be used and English is shown
    problems: tuple[str, ...] = ()  # the catalogue is used, but something in the file is wrong


class CatalogueError(ValueError):
    """A ``.po`` file cannot be used; the message says why (in English, for logs and the banner)."""


# Far larger than any real catalogue (ours are ~25 kB): a bigger file is a mistake, not a translation.
MAX_CATALOGUE_BYTES = 4 * 1024 * 1024
_CHARSET = re.compile(rb"charset=([A-Za-z0-9_.:+-]+)", re.IGNORECASE)
# A string line: optional keyword, then one double-quoted string with escapes, nothing after.
_STRING_LINE = re.compile(r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?"(?:[^"\\]|\\.)*"$')


def po_path(language: str, root: Path | None = None) -> Path:
    root = root or paths.translations_dir()
    return root / language / "LC_MESSAGES" / f"{paths.DOMAIN}.po"


def template_path(root: Path | None = None) -> Path:
    return (root or paths.translations_dir()) / f"{paths.DOMAIN}.pot"


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError, TypeError):
        return None


def decode_catalogue(data: bytes) -> tuple[str, list[str]]:
    """The text of a ``.po`` file and the problems found decoding it.

    Bytes that are valid UTF-8 are read as UTF-8 whatever the header says (a header saying
    iso-8859-1 over UTF-8 bytes would otherwise turn "poważnym" into mojibake); the mismatch is
    reported. Other bytes are decoded with the declared character set, if Python knows it.
    """
    match = _CHARSET.search(data[:4096])
    declared = match.group(1).decode("ascii") if match else "utf-8"
    placeholder = declared.lower() == "charset"  # gettext's template says charset=CHARSET
    problems: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        codec = _codec(declared)
        if codec == "utf-8" or placeholder:
            raise CatalogueError(f"not valid UTF-8 (byte {exc.start})") from None
        if codec is None:
            raise CatalogueError(f"the header names an unknown character set {declared[:40]!r}") from None
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError, ValueError, TypeError) as exc2:  # LookupError: not a text codec
            raise CatalogueError(f"cannot be read as {declared[:40]} ({str(exc2)[:80]})") from None
    else:
        if _codec(declared) != "utf-8" and not placeholder and not data.isascii():
            problems.append(f"the header says charset={declared[:40]} but the file is UTF-8; read as UTF-8")
    return text.removeprefix("\ufeff"), problems


def _check_lines(text: str) -> None:
    """Babel silently accepts a string without its closing quote (and drops a character)."""
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not _STRING_LINE.match(line):
            raise CatalogueError(f"line {number}: not a valid .po line (unterminated string?): {line[:60]!r}")


def parse_catalogue(data: bytes) -> tuple[Catalog, list[str]]:
    """Parse ``.po`` bytes strictly; raises :class:`CatalogueError` (only) when they cannot be used."""
    from babel.messages.pofile import PoFileError, read_po

    text, problems = decode_catalogue(data)
    _check_lines(text)
    try:
        catalog = read_po(text.splitlines(), abort_invalid=True)
    except PoFileError as exc:
        raise CatalogueError(f"line {getattr(exc, 'lineno', 0) + 1}: {exc}") from None
    except (ValueError, TypeError, IndexError, KeyError, LookupError) as exc:  # e.g. a bad Plural-Forms header
        raise CatalogueError(f"the header cannot be used ({type(exc).__name__}: {str(exc)[:80]})") from None
    catalog.charset = "utf-8"  # the text is decoded now; compiled messages are UTF-8
    return catalog, problems


def read_catalogue_checked(path: Path) -> tuple[Catalog, list[str]]:
    return parse_catalogue(read_bytes_limited(path, MAX_CATALOGUE_BYTES))


def read_catalogue(path: Path) -> Catalog:
    """Parse a ``.po`` file strictly: a syntax error raises instead of being skipped."""
    return read_catalogue_checked(path)[0]


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]


def review_status(catalog: Catalog, template: Catalog | None = None) -> ReviewStatus:
    """Counted against the template when there is one: a message missing from the file counts
    as untranslated, and messages no longer in the template do not count at all."""
    wanted = [m for m in (template if template is not None else catalog) if m.id]
    translated = checked = 0
    for want in wanted:
        message = catalog.get(want.id, context=want.context) if template is not None else want
        if message is not None and all(_strings(message)):
            translated += 1
            if not message.fuzzy:
                checked += 1
    return ReviewStatus(len(wanted), translated, checked)


def _template(path: Path) -> Catalog | None:
    try:
        stamp = path.stat()
    except OSError:
        return None
    return _template_at(path, stamp.st_mtime_ns, stamp.st_size)


@cache
def _template_at(path: Path, mtime_ns: int, size: int) -> Catalog | None:
    try:
        return read_catalogue(path)
    except (OSError, CatalogueError) as exc:
        log.warning("Template %s cannot be read (%s); review status counted from each catalogue", path, exc)
        return None


def _translations_from(catalog: Catalog) -> Translations:
    # Compile in memory, fuzzy (draft) messages included: a draft is shown, with the draft banner.
    from babel.messages.mofile import write_mo
    from babel.support import Translations

    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=True)
    buf.seek(0)
    return Translations(fp=buf, domain=paths.DOMAIN)


def load_catalogue(language: str, root: Path | None = None) -> LoadedCatalogue:
    """The catalogue for ``language``; on any problem, English with the reason in ``error``."""
    if language == SOURCE_LANGUAGE:
        return LoadedCatalogue(language, NullTranslations(), SOURCE_STATUS)
    path = po_path(language, root)
    try:
        catalog, problems = read_catalogue_checked(path)
        translations = _translations_from(catalog)
    except (OSError, CatalogueError, ValueError, LookupError, IndexError, KeyError) as exc:
        log.warning("Catalogue %s cannot be used, showing English instead: %s", path, exc)
        return LoadedCatalogue(language, NullTranslations(), SOURCE_STATUS, error=str(exc)[:200] or type(exc).__name__)
    template = template_path(root)
    status = review_status(catalog, _template(template))
    if status.total and status.translated == 0:
        problems.append("no message of the template is translated in this file (cut short or the wrong file?)")
    for p in problems:
        log.warning("Catalogue %s: %s", path, p)
    return LoadedCatalogue(language, translations, status, problems=tuple(problems))


@cache
def cached_catalogue(language: str) -> LoadedCatalogue:
    return load_catalogue(language)


def available_languages(root: Path | None = None) -> list[str]:
    """English first, then every language with a catalogue, sorted by code."""
    root = root or paths.translations_dir()
    found = sorted(p.parent.parent.name for p in root.glob(f"*/LC_MESSAGES/{paths.DOMAIN}.po"))
    return [SOURCE_LANGUAGE] + [c for c in found if c != SOURCE_LANGUAGE]


class LanguageInfo(NamedTuple):
    code: str
    english_name: str
    own_name: str
    direction: str  # "ltr" or "rtl", from CLDR
    script: str  # ISO 15924 code from CLDR likely subtags, e.g. "Latn", "Arab"
    known: bool = True  # False for a code CLDR does not know: names and direction are guesses


# CLDR names Bengali "Bangla" in English; practitioners also search for the older names.
SEARCH_ALIASES = {"bn": ("Bengali",), "pa": ("Panjabi", "Gurmukhi"), "el": ("Hellenic",)}


# The source language as CLDR describes it (checked against Babel by the tests), so that the
# English window starts without loading Babel's locale data.
SOURCE_INFO = LanguageInfo(SOURCE_LANGUAGE, "English", "English", "ltr", "Latn")


@cache
def language_info(code: str) -> LanguageInfo:
    if code == SOURCE_LANGUAGE:
        return SOURCE_INFO
    return cldr_language_info(code)


def cldr_language_info(code: str) -> LanguageInfo:
    from babel import Locale, UnknownLocaleError
    from babel.core import get_global

    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError, TypeError):
        return LanguageInfo(code, code, code, "ltr", "Latn", known=False)
    likely = get_global("likely_subtags").get(code, "")
    script = locale.script or (likely.split("_")[1] if likely.count("_") >= 2 else "Latn")
    own = locale.get_display_name(locale) or code
    return LanguageInfo(
        code=code,
        english_name=locale.get_display_name("en") or code,
        own_name=own[:1].upper() + own[1:] if script in ("Latn", "Cyrl", "Grek") else own,
        direction=locale.text_direction,
        script=script,
    )
