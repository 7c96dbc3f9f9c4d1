#!/usr/bin/env bash
# Read the app as a screen reader does: a private X display (Xvfb + openbox), a private D-Bus
# session with the AT-SPI bus, the app on xcb with accessibility on, then tests/atspi_probe.py
# (system python3 + Debian's python3-pyatspi) presses keys and prints what it heard as JSON.
# Needs: apt-get install xvfb openbox xdotool dbus-x11 at-spi2-core python3-pyatspi
# Usage: packaging/check-screen-reader.sh LANGUAGE PROBE-STEPS...   (from the repository root)
#   LEAFLET_APP: the program to read (default .venv/bin/leaflet-app; the bundle's leaflet-app too)
#   APP_ARGS: more options for it (e.g. "--section contact")
set -u
language=$1; shift
. packaging/a11y-session.sh
pids=""
cleanup() { stop_desktop; rm -rf "$config"; }
config=$(mktemp -d)
trap cleanup EXIT
start_desktop "$config"
XDG_CONFIG_HOME=$config start_app "$language" "$config/app.log"
sleep 1
/usr/bin/python3 tests/atspi_probe.py leaflet-viewer "$@"
