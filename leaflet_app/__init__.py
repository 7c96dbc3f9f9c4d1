"""Leaflet Viewer: a public-information leaflet in many languages, offline."""

__version__ = "0.1.0"
APP_NAME = "Leaflet Viewer"
# Reverse-DNS id of the desktop entry and AppStream metainfo the packages install.
APP_ID = "io.github.leafletviewer.LeafletViewer"
