"""``python -m leaflet_app``: the same as the ``leaflet-app`` command."""

import sys

from leaflet_app.cli import main

sys.exit(main())
