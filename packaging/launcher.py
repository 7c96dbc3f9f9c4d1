"""Entry point of the offline bundle: the same command line as ``leaflet-app``."""

import os

# Qt needs a UTF-8 locale; with none set (a bare service, `env -i`) it warns and picks C.UTF-8
# itself. Say so first, as Python's own start-up does (PEP 538), and keep stderr for real news.
if os.name == "posix" and not any(os.environ.get(v) for v in ("LC_ALL", "LC_CTYPE", "LANG")):
    os.environ["LC_CTYPE"] = "C.UTF-8"

from leaflet_app.cli import main  # noqa: E402

raise SystemExit(main())
