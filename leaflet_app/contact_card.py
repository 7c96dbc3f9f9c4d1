"""The contact card: the telephone number, e-mail and postal address of a leaflet, large and
the same in every language, at the top of its contact section.

The details are taken from the English source (links ``tel:`` and ``mailto:``, and the
paragraph holding the leaflet's listed street address), never from a translation, so the card
cannot carry a translator's slip.
"""

from __future__ import annotations

import html
import re
from typing import NamedTuple

from leaflet_app.contacts import LRI, PDI
from leaflet_app.content import Leaflet

# Contact details are Latin letters and digits in every language: their own face and line height
# (in an Urdu page the Nastaliq line would make each row twice as tall).
LATIN_FAMILY = "Noto Sans"
# A UK postcode ("NN4 7YD"): its two halves belong on one line.
POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}\b")


class ContactCard(NamedTuple):
    phone: str = ""
    phone_link: str = ""  # tel:…
    email: str = ""
    address: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.phone or self.email or self.address)


def contact_card(leaflet: Leaflet) -> ContactCard:
    section = leaflet.section(leaflet.contact_section)
    phone = phone_link = email = ""
    address: tuple[str, ...] = ()
    for token in section.tokens:
        if token.type != "inline":
            continue
        children = token.children or []
        for i, child in enumerate(children):
            href = str(child.attrs.get("href", "")) if child.type == "link_open" else ""
            text = children[i + 1].content if href and i + 1 < len(children) else ""
            if href.startswith("tel:") and not phone:
                phone, phone_link = text, href
            elif href.startswith("mailto:") and not email:
                email = text
        lines = [c.content.strip() for c in children if c.type == "text" and c.content.strip()]
        is_address = len(lines) > 1 and not any(c.type == "link_open" for c in children)
        if not address and is_address and leaflet.contacts.find("\n".join(lines)):
            address = tuple(lines)
    return ContactCard(phone, phone_link, email, address)


def card_html(card: ContactCard, border: str, icon_px: int, rtl: bool = False) -> str:
    """The card as a table for a QTextDocument: an icon (``icon:phone``, ``icon:mail``,
    ``icon:map-pin``, added to the document as images) beside each detail, the details always
    left to right. In Arabic and Urdu the icons stand on the right (Qt lays table columns out
    left to right whatever the direction, so the cells are given in the other order)."""
    rows = []
    if card.phone:
        phone = html.escape(card.phone).replace(" ", "\u00a0")  # a number is read and dialled whole
        rows.append(("phone", f'<a href="{html.escape(card.phone_link)}"><b>{phone}</b></a>'))
    if card.email:
        email = html.escape(breakable(card.email))  # wraps after "@" or ".", never mid-word
        rows.append(("mail", f'<a href="mailto:{html.escape(card.email)}"><b>{email}</b></a>'))
    if card.address:
        # Two lines: the addressee, then the street address (the card stays short enough to
        # show whole with large text).
        first, rest = card.address[0], ", ".join(card.address[1:])
        rest = POSTCODE.sub(lambda m: m.group(0).replace(" ", "\u00a0"), rest)  # "NN4 7YD" on one line
        rows.append(("map-pin", html.escape(first) + ("<br/>" + html.escape(rest) if rest else "")))
    side = "right" if rtl else "left"
    cells = []
    for icon, body in rows:
        image = f'<td valign="middle" width="1"><img src="icon:{icon}" width="{icon_px}" height="{icon_px}"/></td>'
        text = f'<td valign="middle" align="{side}">{LRI}{body}{PDI}</td>'
        cells.append("<tr>" + (text + image if rtl else image + text) + "</tr>")
    return (f'<table class="contactCard" border="1" cellspacing="0" cellpadding="8" width="100%" '
            f'style="border-color: {border}; border-style: solid; border-collapse: collapse; '
            f'font-family: \'{LATIN_FAMILY}\';">{"".join(cells)}</table>')


def breakable(address: str) -> str:
    """Break opportunities (zero-width spaces) after the slashes, dots and @ of an address, so a
    long one wraps there rather than mid-word; copies strip them again (section_page.py)."""
    return re.sub(r"([/.@])(?=.)", "\\1\u200b", address)


def codes_html(codes: list[tuple[str, str, str]], px: int, per_row: int = 2, rtl: bool = False) -> str:
    """QR codes under the card: (image name, label, address as printed) each, ``per_row`` to a
    row so that they fit a narrow column; the images (``qr:N``) are added by the view. The codes
    come first in each cell, so a row's codes line up whatever their labels' lengths; in Arabic
    and Urdu a row runs from the right (Qt lays table columns out left to right)."""
    cells = [
        f'<td align="center" valign="top" width="{100 // per_row}%">'
        f'<img src="{name}" width="{px}" height="{px}"/><br/><b>{html.escape(label)}</b><br/>'
        f'<span style="font-family: \'{LATIN_FAMILY}\';">{LRI}{html.escape(breakable(shown))}{PDI}</span></td>'
        for name, label, shown in codes
    ]
    rows = []
    for i in range(0, len(cells), per_row):
        row = cells[i:i + per_row]
        row += [f'<td width="{100 // per_row}%"></td>'] * (per_row - len(row))
        rows.append("<tr>" + "".join(reversed(row) if rtl else row) + "</tr>")
    rows = "".join(rows)
    return f'<table class="qrCodes" width="100%" cellspacing="8" cellpadding="4">{rows}</table>'
