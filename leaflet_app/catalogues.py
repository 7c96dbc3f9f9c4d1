"""Gettext catalogues: reading ``.po`` files, their review state, and the languages on offer.

The app reads the ``.po`` sources directly (through Babel) rather than compiled ``.mo`` files,
because a ``.mo`` file cannot carry the ``fuzzy`` flag: that flag is how a draft translation,
not yet checked by a qualified translator, is marked, and the app must show it. Fuzzy
(draft) messages are used for display, never hidden.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from functools import cache
from gettext import NullTranslations
from pathlib import Path
from typing import TYPE_CHECKING

from leaflet_app import paths

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog
    from babel.support import Translations

# Babel is imported where a catalogue is read or a locale looked up, not here: the English
# window, the first thing a person sees, needs neither (``python -X importtime`` showed ~70 ms).

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class ReviewStatus:
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


@dataclass(frozen=True)
class LoadedCatalogue:
    language: str
    translations: NullTranslations
    status: ReviewStatus
    error: str | None = None  # set when the catalogue could not be used and English is shown


def po_path(language: str, root: Path | None = None) -> Path:
    root = root or paths.translations_dir()
    return root / language / "LC_MESSAGES" / f"{paths.DOMAIN}.po"


def template_path(root: Path | None = None) -> Path:
    return (root or paths.translations_dir()) / f"{paths.DOMAIN}.pot"


def read_catalogue(path: Path) -> Catalog:
    """Parse a ``.po`` file strictly: a syntax error raises instead of being skipped."""
    from babel.messages.pofile import read_po

    with path.open("rb") as f:
        return read_po(f, abort_invalid=True)


def review_status(catalog: Catalog) -> ReviewStatus:
    total = translated = checked = 0
    for message in catalog:
        if not message.id:
            continue
        total += 1
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if all(strings):
            translated += 1
            if not message.fuzzy:
                checked += 1
    return ReviewStatus(total, translated, checked)


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
    from babel.messages.pofile import PoFileError

    path = po_path(language, root)
    try:
        catalog = read_catalogue(path)
        translations = _translations_from(catalog)
    except (OSError, PoFileError, ValueError, UnicodeDecodeError, IndexError, KeyError) as exc:
        log.warning("Catalogue %s cannot be used, showing English instead: %s", path, exc)
        return LoadedCatalogue(language, NullTranslations(), SOURCE_STATUS, error=str(exc) or type(exc).__name__)
    return LoadedCatalogue(language, translations, review_status(catalog))


@cache
def cached_catalogue(language: str) -> LoadedCatalogue:
    return load_catalogue(language)


def available_languages(root: Path | None = None) -> list[str]:
    """English first, then every language with a catalogue, sorted by code."""
    root = root or paths.translations_dir()
    found = sorted(p.parent.parent.name for p in root.glob(f"*/LC_MESSAGES/{paths.DOMAIN}.po"))
    return [SOURCE_LANGUAGE] + [c for c in found if c != SOURCE_LANGUAGE]


@dataclass(frozen=True)
class LanguageInfo:
    code: str
    english_name: str
    own_name: str
    direction: str  # "ltr" or "rtl", from CLDR
    script: str  # ISO 15924 code from CLDR likely subtags, e.g. "Latn", "Arab"


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
    except (UnknownLocaleError, ValueError):
        return LanguageInfo(code, code, code, "ltr", "Latn")
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
