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
display=:$(( 60 + RANDOM % 30 ))   # not :97 (the kiosk check); private to this run
export DISPLAY=$display
Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
eval "$(dbus-launch --sh-syntax)"   # our own session bus (DBUS_SESSION_BUS_PID is ours to stop)
pids="$xvfb $DBUS_SESSION_BUS_PID"
cleanup() { kill $pids 2>/dev/null; }
trap cleanup EXIT
sleep 0.5
openbox >/dev/null 2>&1 & pids="$pids $!"
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 & pids="$pids $!"
sleep 0.5
config=$(mktemp -d)
QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 XDG_CONFIG_HOME=$config \
    "${LEAFLET_APP:-.venv/bin/leaflet-app}" --language "$language" ${APP_ARGS:-} >/dev/null 2>"$config/app.log" & app=$!
pids="$app $pids"
for _ in $(seq 60); do  # wait up to 30 s for the window, then give it the keyboard focus
    win=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -n 1)
    [ -n "$win" ] && break
    sleep 0.5
done
[ -n "${win:-}" ] || { echo "the window never appeared" >&2; cat "$config/app.log" >&2; exit 1; }
xdotool windowactivate --sync "$win" >/dev/null 2>&1
sleep 1
/usr/bin/python3 tests/atspi_probe.py leaflet-viewer "$@"
status=$?
rm -rf "$config"
exit $status
