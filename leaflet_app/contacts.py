"""Contact details (phone, e-mail, web address, postcode, street address) inside leaflet text.

They must reach every language byte for byte, and stay left-to-right inside right-to-left text.
The catalogue checks, the extractor's translator comments and the renderer all use this module,
so "what counts as a contact detail" is decided in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LRI = "\u2066"  # LEFT-TO-RIGHT ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE

_PATTERNS = [
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail
    r"(?:https?://|mailto:|tel:)[^\s)\]<>]*[^\s)\]<>.,;:'\"]",  # link targets
    r"www\.[^\s)\]<>]*[^\s)\]<>.,;:'\"]",  # web address as printed
    r"\b0\d{4} ?\d{6}\b",  # UK telephone number
    r"\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b",  # UK postcode
]
_GENERIC = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))


class ContactMatcher:
    """Finds contact details: the generic patterns plus a leaflet's own list (street address)."""

    def __init__(self, extra: Iterable[str] = ()) -> None:
        self.details = [e for e in extra if e]  # the leaflet's own, as given (kept by leaflet_cache)
        extra_sorted = sorted(set(self.details), key=len, reverse=True)
        parts = [re.escape(e) for e in extra_sorted] + [f"(?:{p})" for p in _PATTERNS]
        self._regex = re.compile("|".join(parts)) if extra_sorted else _GENERIC

    def find(self, text: str) -> list[str]:
        """Every contact token in ``text``, in order (e-mail inside mailto: counted once)."""
        return [m.group(0) for m in self._regex.finditer(text)]

    def isolate(self, text: str) -> str:
        """Wrap each contact token in a left-to-right isolate, so bidi reordering cannot touch it."""
        return self._regex.sub(lambda m: f"{LRI}{m.group(0)}{PDI}", text)


def strip_isolates(text: str) -> str:
    return text.replace(LRI, "").replace(PDI, "")
