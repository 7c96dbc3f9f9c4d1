# Sourced by the checks that need a real X server and window manager (check-kiosk-x11.sh and,
# through a11y-session.sh, check-screen-reader.sh and check-orca.sh). Each check gets its own
# display: Xvfb picks a free number itself (-displayfd), so checks never share a server, and
# every step waits for the one before it instead of sleeping a fixed time.
# Adds what it starts to $pids; the caller's cleanup runs stop_desktop.

start_x() {  # Xvfb ($xvfb); exports DISPLAY once it accepts connections (up to 30 s); log in $1
    local number; number=$(mktemp)
    Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$number" >"$1" 2>&1 & xvfb=$!
    pids="${pids:-} $xvfb"
    for _ in $(seq 120); do [ -s "$number" ] && break; kill -0 "$xvfb" 2>/dev/null || break; sleep 0.25; done
    export DISPLAY=:$(tr -d '[:space:]' <"$number")
    rm -f "$number"
    [ "$DISPLAY" != ":" ] && kill -0 "$xvfb" 2>/dev/null
}

start_wm() {  # openbox ($wm), once it manages the screen (up to 30 s); its output in $1
    openbox >"$1" 2>&1 & wm=$!; pids="$pids $wm"
    for _ in $(seq 120); do
        kill -0 "$wm" 2>/dev/null || return 1
        xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id" && return 0
        sleep 0.25
    done
    return 1
}

start_x_and_wm() {  # Xvfb and openbox, tried three times (a server that cannot be reached, as CI
    # saw once, is left for a new one); logs in the folder $1
    for attempt in 1 2 3; do
        wm=""
        start_x "$1/xvfb.log" && start_wm "$1/openbox.log" && return 0
        echo "the desktop did not start (attempt $attempt, display $DISPLAY):" >&2
        cat "$1/xvfb.log" ${wm:+"$1/openbox.log"} >&2
        kill $xvfb $wm 2>/dev/null
    done
    echo "SETUP FAILED: Xvfb and openbox did not start" >&2
    return 1
}

stop_desktop() {  # stop everything started, and see it gone (up to 5 s, then SIGKILL)
    kill $pids 2>/dev/null
    for _ in $(seq 20); do
        local alive=""
        for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
        [ -z "$alive" ] && return 0
        sleep 0.25
    done
    kill -9 $pids 2>/dev/null
}
