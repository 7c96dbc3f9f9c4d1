# Sourced by check-screen-reader.sh and check-orca.sh (from the repository root): a private X
# display (Xvfb + openbox), D-Bus session and AT-SPI bus, and the app on xcb with accessibility
# on. Adds what it starts to $pids (the caller's cleanup runs stop_desktop).
#   LEAFLET_APP: the program (default .venv/bin/leaflet-app; the bundle's leaflet-app too)
#   APP_ARGS: more options for it (e.g. "--section contact")

. "$(dirname "${BASH_SOURCE[0]}")/x-desktop.sh"

start_desktop() {  # $1: a folder for the desktop's logs
    start_x_and_wm "$1" || exit 1
    eval "$(dbus-launch --sh-syntax)"   # our own session bus (DBUS_SESSION_BUS_PID is ours to stop)
    pids="$pids $DBUS_SESSION_BUS_PID"
    /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 & pids="$pids $!"
    for _ in $(seq 80); do  # up to 20 s for the accessibility bus to be on the session bus
        dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.a11y.Bus 2>/dev/null | grep -q "boolean true" && return 0
        sleep 0.25
    done
    echo "SETUP FAILED: the AT-SPI bus did not start" >&2; exit 1
}

start_app() {  # $1: language, $2: log file for its stderr; sets $app and $win (its window, focused)
    QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 QT_ACCESSIBILITY=1 \
        "${LEAFLET_APP:-.venv/bin/leaflet-app}" --language "$1" ${APP_ARGS:-} >/dev/null 2>"$2" & app=$!
    pids="$app $pids"
    win=""
    for _ in $(seq 60); do  # wait up to 30 s for the window, then give it the keyboard focus
        win=$(xdotool search --onlyvisible --pid "$app" 2>/dev/null | head -n 1)
        [ -n "$win" ] && break
        sleep 0.5
    done
    [ -n "$win" ] || { echo "the window never appeared" >&2; cat "$2" >&2; exit 1; }
    xdotool windowactivate --sync "$win" >/dev/null 2>&1
}
