#!/usr/bin/env sh
# Leaflet Viewer developer entry point. From a fresh clone on Debian/Ubuntu:
#   ./dev.sh app    install what is needed and open the app on the built-in leaflet
#   ./dev.sh test   install what is needed (test tools too) and run the whole test suite
#   ./dev.sh gallery  install what is needed and write screenshots + contact sheets to build/gallery/
#   ./dev.sh package  build the offline bundle, its .tar.xz and the .deb into dist/
# Extra arguments are passed on: ./dev.sh app --language pl   ./dev.sh test -k picker
set -eu
cd "$(dirname "$0")"

# Debian packages: Python's venv, and the libraries Qt needs (offscreen for tests; xcb for a window).
# QtMultimedia (read aloud) links PulseAudio's client library and, through its FFmpeg plugin,
# a few X and DRM libraries.
QT_LIBS="libegl1 libgl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 \
libpulse0 libx11-xcb1 libxext6 libxrender1 libdrm2"
# Building the pages' screen-reader interface (leaflet_app/native): a compiler, Qt's and Python's headers.
NATIVE_TOOLS="g++ qt6-base-dev python3-dev"
# Building and checking the offline bundle and the .deb.
PACKAGE_TOOLS="binutils xz-utils dpkg-dev desktop-file-utils appstream strace"
XCB_LIBS="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0"

system_packages() {
    wanted="python3 python3-venv python3-pip $QT_LIBS $*"
    command -v dpkg-query >/dev/null 2>&1 || return 0  # not Debian: install these by hand
    missing=""
    for p in $wanted; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    [ -z "$missing" ] && return 0
    echo "Installing system packages:$missing"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

python_env() {
    [ -x .venv/bin/python ] || python3 -m venv .venv
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null
    .venv/bin/python -m pip install -q -e ".$1"
    case "$1" in *package*) .venv/bin/python -m pip install -q -r packaging/requirements-build.txt ;; esac
    # The pages' screen-reader interface (language, headings, links): C++ against Qt's headers.
    .venv/bin/python -m leaflet_app.native.build >/dev/null \
        || echo "Screen readers will get Qt's plain text interface (see leaflet_app/native/build.py)" >&2
}

command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
    app)
        system_packages $XCB_LIBS $NATIVE_TOOLS
        python_env ""
        exec .venv/bin/leaflet-app "$@"
        ;;
    gallery)
        # Offscreen: no window system needed (see scripts/gallery.py --help for the grid options).
        system_packages $NATIVE_TOOLS
        python_env ""
        exec .venv/bin/python scripts/gallery.py "$@"
        ;;
    test)
        # Xvfb, openbox and friends: the kiosk is also tried under a real window manager.
        # PulseAudio (a private server with a null sink): read aloud is played through it.
        # poppler-utils: pdftoppm and pdffonts, to look at the PDFs the app writes.
        # dbus-x11, at-spi2-core, python3-pyatspi: the app is read as a screen reader reads it;
        # orca: and by the Orca screen reader itself (through a silent speech-dispatcher).
        system_packages $XCB_LIBS $PACKAGE_TOOLS $NATIVE_TOOLS xvfb openbox xdotool wmctrl x11-utils pulseaudio \
            pulseaudio-utils poppler-utils dbus-x11 at-spi2-core python3-pyatspi orca
        python_env "[test,package]"
        exec .venv/bin/python -m pytest "$@"
        ;;
    package)
        system_packages $XCB_LIBS $PACKAGE_TOOLS $NATIVE_TOOLS
        python_env "[package]"
        exec .venv/bin/python packaging/build.py "$@"
        ;;
    *)
        echo "usage: ./dev.sh app [leaflet-app options] | ./dev.sh test [pytest options] | ./dev.sh gallery [options] | ./dev.sh package [--fast]" >&2
        exit 2
        ;;
esac
