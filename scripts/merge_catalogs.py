#!/usr/bin/env python3
"""After merging a branch that added messages: keep this tree's catalogues, bring in the other
branch's translations of messages this tree lacks (with their fuzzy marks), then update.

  python scripts/merge_catalogs.py GIT_REF

Used when two lines of work both added interface strings and their .po files conflict.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent


def main(ref: str) -> int:
    subprocess.run([sys.executable, "scripts/catalogs.py", "update"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for po in sorted((ROOT / "translations").glob("*/LC_MESSAGES/leaflet.po")):
        rel = po.relative_to(ROOT).as_posix()
        shown = subprocess.run(["git", "show", f"{ref}:{rel}"], cwd=ROOT, capture_output=True)
        if shown.returncode != 0 and "_" in po.parent.parent.name:  # renamed since: pt -> pt_PT
            base = rel.replace(po.parent.parent.name, po.parent.parent.name.split("_")[0], 1)
            shown = subprocess.run(["git", "show", f"{ref}:{base}"], cwd=ROOT, capture_output=True)
        if shown.returncode != 0:
            continue
        theirs = read_po(io.BytesIO(shown.stdout))
        with po.open("rb") as f:
            ours = read_po(f)
        brought = 0
        for message in ours:
            if not message.id:
                continue
            strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
            if any(strings):
                continue
            other = theirs.get(message.id, context=message.context)
            if other is not None and other.string:
                message.string = other.string
                if other.fuzzy:
                    message.flags.add("fuzzy")
                brought += 1
        with po.open("wb") as f:
            write_po(f, ours, width=0)
        print(f"{po.parent.parent.name}: {brought} brought in")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
