#!/usr/bin/env python3
"""Fill untranslated messages of every catalogue from a JSON table of draft translations.

  python scripts/fill_drafts.py drafts.json   # {"msgid": {"pl": "...", "ur": "..."}, ...}

Every message filled is marked fuzzy: a draft, until a qualified translator checks it. Existing
translations are never overwritten.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent


def main(table_path: str) -> int:
    table: dict[str, dict[str, str]] = json.loads(Path(table_path).read_text(encoding="utf-8"))
    for po in sorted((ROOT / "translations").glob("*/LC_MESSAGES/leaflet.po")):
        language = po.parent.parent.name
        with po.open("rb") as f:
            catalog = read_po(f, abort_invalid=True)
        filled = 0
        for msgid, drafts in table.items():
            message = catalog.get(msgid)
            if message is not None and not message.string and language in drafts:
                message.string = drafts[language]
                message.flags.add("fuzzy")
                filled += 1
        with po.open("wb") as f:
            write_po(f, catalog, width=0)
        print(f"{language}: {filled} filled")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
