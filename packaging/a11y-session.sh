# Sourced by check-screen-reader.sh and check-orca.sh (from the repository root): a private X
# display (Xvfb + openbox), D-Bus session and AT-SPI bus, and the app on xcb with accessibility
# on. Adds what it starts to $pids (the caller's cleanup stops them).
#   LEAFLET_APP: the program (default .venv/bin/leaflet-app; the bundle's leaflet-app too)
#   APP_ARGS: more options for it (e.g. "--section contact")

start_desktop() {  # $1: the first display number of the caller's private range (30 numbers)
    export DISPLAY=:$(( $1 + RANDOM % 30 ))
    Xvfb "$DISPLAY" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & pids="${pids:-} $!"
    eval "$(dbus-launch --sh-syntax)"   # our own session bus (DBUS_SESSION_BUS_PID is ours to stop)
    pids="$pids $DBUS_SESSION_BUS_PID"
    sleep 0.5
    openbox >/dev/null 2>&1 & pids="$pids $!"
    /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 & pids="$pids $!"
    sleep 0.5
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
