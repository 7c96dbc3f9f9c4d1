"""Kiosk mode: an unattended, locked, self-resetting Leaflet Viewer."""
