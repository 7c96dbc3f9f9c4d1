#!/usr/bin/env python3
"""Check translation catalogues the way CI does: python scripts/check_catalogs.py [LANG ...]

Prints every problem (language, section, message, what is wrong) and each catalogue's
review status; exits 1 if there is any problem.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from leaflet_app.app import default_leaflet  # noqa: E402
from leaflet_app.catalogue_checks import check_catalogue  # noqa: E402
from leaflet_app.catalogues import (  # noqa: E402
    SOURCE_LANGUAGE,
    available_languages,
    load_catalogue,
    po_path,
    read_catalogue,
    template_path,
)


def main(languages: list[str]) -> int:
    template = read_catalogue(template_path())
    contacts = default_leaflet().contacts
    languages = languages or [c for c in available_languages() if c != SOURCE_LANGUAGE]
    failed = False
    for code in languages:
        problems = check_catalogue(code, po_path(code), template, contacts)
        status = load_catalogue(code).status
        print(f"{code}: {status.state}, {status.translated}/{status.total} translated, {status.checked} checked; "
              f"{len(problems)} problem(s)")
        for p in problems:
            print("   ", p)
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
