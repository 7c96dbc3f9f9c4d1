"""Read the running app the way a screen reader does, over the AT-SPI bus, and print JSON.

Run by the system Python (Debian's python3-pyatspi is not installable into a virtual environment)
from tests/test_screen_reader.py, inside the private X display and D-Bus session that test starts.
It listens for announcements while it presses keys in the app (xdotool), then reads the
accessible tree: role, name, states and locale of every showing object.

    python3 tests/atspi_probe.py APP_NAME KEYS...   (each KEYS argument: "key:ctrl+l", "type:pol",
                                                     "wait:500", or "mark:LABEL" to label what follows)
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib


def find_app(name: str, seconds: float = 30):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == name and app.childCount:
                return app
        time.sleep(0.3)
    raise SystemExit(f"no accessible application named {name!r} on the AT-SPI bus")


def walk(node, depth: int = 0, out: list | None = None) -> list:
    out = [] if out is None else out
    try:
        states = node.getState()
    except Exception:  # an object gone while walking
        return out
    if not states.contains(pyatspi.STATE_SHOWING) and depth > 1:
        return out
    try:
        locale = node.get_object_locale()
    except Exception:
        locale = ""
    out.append({
        "role": node.getRoleName(),
        "name": node.name or "",
        "description": node.description or "",
        "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
        "focused": states.contains(pyatspi.STATE_FOCUSED),
        "selected": states.contains(pyatspi.STATE_SELECTED),
        "editable": states.contains(pyatspi.STATE_EDITABLE),
        "read_only": states.contains(getattr(pyatspi, "STATE_READ_ONLY", -1)),
        "attributes": dict(a.split(":", 1) for a in (node.getAttributes() or []) if ":" in a),
        "locale": locale,
        "depth": depth,
    })
    if out[-1]["role"] == "document frame":
        out[-1]["runs"] = language_runs(node)
    for i in range(min(node.childCount, 200)):
        child = node.getChildAtIndex(i)
        if child is not None:
            walk(child, depth + 1, out)
    return out


def language_runs(node) -> list:
    """The text as a screen reader splits it by the "language" text attribute:
    [language, text] for each run, in order (neighbouring runs in one language joined)."""
    text = node.queryText()
    runs: list = []
    offset, count = 0, text.characterCount
    while offset < count:
        attributes, start, end = text.getAttributeRun(offset, False)
        language = dict(a.split(":", 1) for a in attributes if ":" in a).get("language", "")
        piece = text.getText(start, end)
        if runs and runs[-1][0] == language:
            runs[-1][1] += piece
        else:
            runs.append([language, piece])
        offset = max(end, offset + 1)
    return runs


def main() -> None:
    name, steps = sys.argv[1], sys.argv[2:]
    app = find_app(name)
    events: list[dict] = []
    label = ""

    def heard(event) -> None:
        events.append({"type": event.type, "text": str(event.any_data), "during": label,
                       "source": event.source.name if event.source else ""})

    for kind in ("object:announcement", "object:state-changed:focused", "object:property-change:accessible-name"):
        pyatspi.Registry.registerEventListener(heard, kind)
    time.sleep(0.5)
    context = GLib.MainContext.default()

    def pump(ms: int) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            while context.pending():
                context.iteration(False)
            time.sleep(0.02)

    pump(300)
    for step in steps:
        kind, _, arg = step.partition(":")
        if kind == "mark":
            label = arg
        elif kind == "wait":
            pump(int(arg))
        elif kind in ("key", "type"):
            command = ["xdotool", "key", "--clearmodifiers", arg] if kind == "key" else ["xdotool", "type", arg]
            subprocess.run(command, check=True)
            pump(600)  # a loaded machine may take this long to deliver the events of a key
    pump(2000)
    tree = walk(app)
    print(json.dumps({"events": events, "tree": tree}, ensure_ascii=False))


if __name__ == "__main__":
    main()
