"""Leaflet Viewer: a public-information leaflet in many languages, offline."""

__version__ = "0.1.0"
APP_NAME = "Leaflet Viewer"
