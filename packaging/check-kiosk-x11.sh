#!/usr/bin/env bash
# Try to escape a real kiosk window under a real window manager (openbox on Xvfb) and report.
# Needs: apt-get install xvfb openbox xdotool wmctrl x11-utils. Run from the repository root.
# LEAFLET_APP=/opt/leaflet-viewer/leaflet-app tries an installed bundle instead of .venv's.
set -u
export DISPLAY=:97
# Polls instead of fixed sleeps: a loaded machine may take seconds for any of these steps.
wait_for() {  # wait_for SECONDS COMMAND...: true as soon as COMMAND succeeds
    local tries=$(( $1 * 4 )); shift
    for _ in $(seq "$tries"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
    return 1
}
Xvfb "$DISPLAY" -screen 0 1280x800x24 >/dev/null 2>&1 & xvfb=$!
wait_for 20 xdpyinfo || { echo "ESCAPED: Xvfb did not start"; exit 1; }
openbox >/dev/null 2>&1 & wm=$!
wait_for 20 sh -c 'xprop -root _NET_SUPPORTING_WM_CHECK | grep -q "window id"'
QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME=$(mktemp -d) "${LEAFLET_APP:-.venv/bin/leaflet-app}" --kiosk >/dev/null 2>&1 & app=$!
win=""
for _ in $(seq 40); do  # wait up to 20 s for the window
    win=$(xdotool search --name "Serious Case" 2>/dev/null | head -n 1)
    [ -n "$win" ] && break
    sleep 0.5
done
[ -n "$win" ] || { echo "ESCAPED: the kiosk window never appeared"; kill "$app" "$wm" "$xvfb"; exit 1; }
state() { xprop -id "$win" _NET_WM_STATE WM_STATE 2>/dev/null | grep -o "FULLSCREEN\|window state: [A-Za-z]*" | tr '\n' ' '; }
locked() { kill -0 "$app" 2>/dev/null && state | grep -q "FULLSCREEN window state: Normal"; }
wait_for 20 locked || { echo "ESCAPED: the kiosk window never went full screen ($(state))"; kill "$app" "$wm" "$xvfb"; exit 1; }
failed=0
try() {
    eval "$2"; sleep 1  # give the attempt time to take effect, then up to 10 s to be undone
    if wait_for 10 locked; then
        echo "refused: $1"
    else
        echo "ESCAPED: $1 ($(state))"; failed=1
    fi
}
try "window-manager close (wmctrl -c)" 'wmctrl -c "Serious Case"'
try "minimise" 'xdotool windowminimize "$win"'
try "Alt+F4" 'xdotool windowactivate --sync "$win"; xdotool key --clearmodifiers alt+F4'
try "Ctrl+Q, Ctrl+W, Esc, F11" 'for k in ctrl+q ctrl+w Escape F11; do xdotool key --clearmodifiers $k; done'
kill "$app" "$wm" "$xvfb" 2>/dev/null
exit $failed
