#!/usr/bin/env bash
# Hear the app as a blind user hears it: the real Orca screen reader reads the app in a private X
# display (Xvfb + openbox), D-Bus session and AT-SPI bus, speaking through a private
# speech-dispatcher whose output is silent (its "dummy" module, sound to libao's null driver).
# Orca's debug log is then read by tests/orca_log.py, which prints one JSON object: what Orca
# said, in order, and the language its speech generator asked each piece of text to be spoken in.
# Nothing of this machine's Orca, speech or app settings is used: HOME and XDG_* are temporary.
# Needs: apt-get install --no-install-recommends orca xvfb openbox xdotool dbus-x11 at-spi2-core
# Usage: packaging/check-orca.sh LANGUAGE STEPS...   (from the repository root; LEAFLET_APP and
#   APP_ARGS as for check-screen-reader.sh)
#   each step: "key:KEYS" (xdotool key, e.g. key:alt+6, key:KP_Add), "type:TEXT", "wait:MS", "mark:LABEL"
#   (what Orca says after a mark is labelled with it).  Orca 43 say all: KP_Add (desktop layout, the
#   default here); Orca+semicolon, i.e. CapsLock+; (laptop layout).
set -u
language=$1; shift
root=$(pwd)
work=$(mktemp -d)
export HOME=$work XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data \
    XDG_CACHE_HOME=$work/cache XDG_RUNTIME_DIR=$work/run LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$XDG_CONFIG_HOME/speech-dispatcher" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# speech-dispatcher: no synthesiser needed, and no sound card (libao's built-in null driver).
printf 'AudioOutputMethod "libao"\nDefaultModule dummy\nLogLevel 4\n' \
    > "$XDG_CONFIG_HOME/speech-dispatcher/speechd.conf"
printf 'default_driver=null\n' > "$HOME/.libao"

. "$root/packaging/a11y-session.sh"
pids=""
cleanup() {
    stop_desktop
    # speech-dispatcher was started by Orca's client (autospawn); its pid file is in our run dir.
    spd=$(cat "$XDG_RUNTIME_DIR/speech-dispatcher/pid/speech-dispatcher.pid" 2>/dev/null)
    [ -n "$spd" ] && kill "$spd" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
start_desktop "$work"

# Orca first, as on a blind user's desktop; its debug file line-buffered (so a crash loses nothing).
mkdir -p "$XDG_DATA_HOME/orca"
printf 'import orca.debug\nif orca.debug.debugFile:\n    orca.debug.debugFile.reconfigure(line_buffering=True)\n' \
    > "$XDG_DATA_HOME/orca/orca-customizations.py"
log=$work/orca.log
/usr/bin/orca --disable braille --debug-file="$log" >"$work/orca.out" 2>&1 & orca=$!
pids="$orca $pids"
for _ in $(seq 60); do  # Orca is listening once it has started the registry (up to 30 s)
    grep -q "ORCA: Starting registry" "$log" 2>/dev/null && break
    sleep 0.5
done

start_app "$language" "$work/app.log"
for i in $(seq 60); do  # wait up to 30 s for Orca to follow the focus into the app
    grep -q "ORCA: Changing locusOfFocus from .* to \[document frame" "$log" && break
    case "$i" in  # Orca missed the window coming up (a loaded machine): show it again
        10|30) xdotool windowactivate --sync "$win" >/dev/null 2>&1 ;;
        20|40) xdotool key --clearmodifiers Tab shift+Tab >/dev/null 2>&1 ;;   # out of the text and back
    esac
    sleep 0.5
done
sleep 1
marks=$work/marks
for step in "$@"; do
    kind=${step%%:*}; arg=${step#*:}
    case "$kind" in
        mark) printf '%s %s\n' "$(date +%H:%M:%S.%6N)" "$arg" >>"$marks" ;;
        wait) sleep "$(awk "BEGIN{print $arg/1000}")" ;;
        key) xdotool key --clearmodifiers "$arg"; sleep 0.6 ;;
        type) xdotool type "$arg"; sleep 0.6 ;;
        *) echo "unknown step: $step" >&2; exit 2 ;;
    esac
done
sleep 1
# Orca handles SIGTERM only when its main loop wakes; its log is line-buffered, so just end it.
kill -9 "$orca" 2>/dev/null
touch "$marks"
[ -n "${ORCA_LOG_COPY:-}" ] && cp "$log" "$ORCA_LOG_COPY"   # the raw log, to read by hand
"$root/.venv/bin/python" "$root/tests/orca_log.py" "$log" "$marks" "$work/app.log"
