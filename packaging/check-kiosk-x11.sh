#!/usr/bin/env bash
# Try to escape a real kiosk window under a real window manager (openbox on Xvfb) and report.
# Needs: apt-get install xvfb openbox xdotool wmctrl x11-utils. Run from the repository root.
# LEAFLET_APP=/opt/leaflet-viewer/leaflet-app tries an installed bundle instead of .venv's.
# Exit status: 0 nothing escaped, 1 something did, 2 the desktop itself failed (Xvfb or openbox
# not running), so nothing was learnt about the kiosk.
set -u
# Polls instead of fixed sleeps: a loaded machine may take seconds for any of these steps.
wait_for() {  # wait_for SECONDS COMMAND...: true as soon as COMMAND succeeds
    local tries=$(( $1 * 4 )); shift
    for _ in $(seq "$tries"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
    return 1
}
. packaging/x-desktop.sh
work=$(mktemp -d)
pids=""
trap 'stop_desktop; rm -rf "$work"' EXIT
start_x_and_wm "$work" || exit 2
QT_QPA_PLATFORM=xcb XDG_CONFIG_HOME=$work "${LEAFLET_APP:-.venv/bin/leaflet-app}" --kiosk \
    >/dev/null 2>"$work/app.log" & app=$!
pids="$app $pids"
state() { xprop -id "$win" _NET_WM_STATE WM_STATE 2>/dev/null | grep -o "FULLSCREEN\|window state: [A-Za-z]*" | tr '\n' ' '; }
escaped() {  # what was seen, for whoever reads a failure; exits 2 if the window manager died
    if ! kill -0 "$wm" 2>/dev/null; then
        wait "$wm"; echo "SETUP FAILED: openbox exited (status $?) before: $1"; cat "$work/openbox.log"; exit 2
    fi
    echo "ESCAPED: $1 ($(state))"
    kill -0 "$app" 2>/dev/null || { wait "$app"; echo "the app exited with status $?"; }
    for w in $(xdotool search --name "Serious Case" 2>/dev/null); do
        echo "window $w: $(xprop -id "$w" WM_NAME _NET_WM_PID _NET_WM_STATE WM_STATE 2>&1 | tr '\n\t' '  ')"
    done
    echo "the app's stderr:"; tail -n 20 "$work/app.log"
}
win=""
for _ in $(seq 80); do  # wait up to 40 s for the window on screen
    win=$(xdotool search --all --onlyvisible --pid "$app" --name "Serious Case" 2>/dev/null | head -n 1)
    [ -n "$win" ] && break
    kill -0 "$app" 2>/dev/null || break
    sleep 0.5
done
[ -n "$win" ] || { escaped "the kiosk window never appeared"; exit 1; }
locked() { kill -0 "$app" 2>/dev/null && state | grep -q "FULLSCREEN window state: Normal"; }
wait_for 20 locked || { escaped "the kiosk window never went full screen"; exit 1; }
failed=0
try() {
    eval "$2"; sleep 1  # give the attempt time to take effect, then up to 10 s to be undone
    if wait_for 10 locked; then
        echo "refused: $1"
    else
        escaped "$1"; failed=1
    fi
}
try "window-manager close (wmctrl -c)" 'wmctrl -c "Serious Case"'
try "minimise" 'xdotool windowminimize "$win"'
try "Alt+F4" 'xdotool windowactivate --sync "$win"; xdotool key --clearmodifiers alt+F4'
try "Ctrl+Q, Ctrl+W, Esc, F11" 'for k in ctrl+q ctrl+w Escape F11; do xdotool key --clearmodifiers $k; done'
exit $failed
