"""QR codes for a leaflet's contact links (telephone, e-mail, web addresses), made by segno.

The links are read from the leaflet itself (its Markdown link targets), so a QR code always
says exactly what the leaflet says. Nothing is drawn here: the screen widget and the PDF both
draw the module matrix from here, so what is scanned from paper and screen is the same code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import segno

from leaflet_app.content import Leaflet
from leaflet_app.i18n import N_

# Scanning distance / 10 is the usual rule for a QR code's smallest size: 30 cm -> 3 cm.
MIN_SYMBOL_MM = 30.0
# Phone cameras resolve modules down to about 0.5 mm at 30 cm; stay well above that.
MIN_MODULE_MM = 0.75
QUIET_ZONE = 4  # modules of light margin on every side, as ISO/IEC 18004 asks

# What each kind of code does, said to the reader ("Scan to call", ...).
LABELS = {
    "tel": N_("Scan to call"),
    "mailto": N_("Scan to send an e-mail"),
    "web": N_("Scan to open the website"),
}


@dataclass(frozen=True)
class ContactLink:
    kind: str  # "tel", "mailto" or "web"
    target: str  # what the code encodes: the link's address, exactly as in the leaflet
    shown: str  # the address as printed in the leaflet (e.g. "01604 364036")
    section: str  # the section the link is in

    @property
    def label(self) -> str:
        """The English label (mark for translation: translate with the language's gettext)."""
        return LABELS[self.kind]

    @cached_property
    def code(self) -> segno.QRCode:
        # Level M (15 % recovery) keeps the long web address at version 6 (41 modules).
        return segno.make_qr(self.target, error="m", boost_error=False)

    def matrix(self) -> list[list[bool]]:
        """Dark (True) and light modules, the quiet zone included."""
        return [[bool(v) for v in row] for row in self.code.matrix_iter(scale=1, border=QUIET_ZONE)]

    def modules(self) -> int:
        """Width in modules, the quiet zone included."""
        return self.code.symbol_size(scale=1, border=QUIET_ZONE)[0]

    def module_mm(self) -> float:
        """The module size that makes the code scannable from 30 cm."""
        inner = self.code.symbol_size(scale=1, border=0)[0]
        return max(MIN_MODULE_MM, MIN_SYMBOL_MM / inner)


def _kind(target: str) -> str | None:
    if target.startswith("tel:"):
        return "tel"
    if target.startswith("mailto:"):
        return "mailto"
    if target.startswith(("https://", "http://")):
        return "web"
    return None


def contact_links(leaflet: Leaflet) -> list[ContactLink]:
    """Every telephone, e-mail and web link of the leaflet, in this order of kinds (the
    contact section's own details first), each target once."""
    found: dict[str, ContactLink] = {}
    for section in leaflet.sections:
        for tok in section.tokens:
            children = tok.children or []
            for i, child in enumerate(children):
                if child.type != "link_open":
                    continue
                target = str(child.attrGet("href") or "")
                kind = _kind(target)
                if kind is None or target in found:
                    continue
                shown = next((c.content for c in children[i + 1:] if c.type == "text"), "")
                found[target] = ContactLink(kind, target, shown or target, section.id)
    order = {"tel": 0, "mailto": 1, "web": 2}
    return sorted(found.values(), key=lambda link: (order[link.kind], link.section != leaflet.contact_section))
