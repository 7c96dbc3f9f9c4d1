"""One table of the window's actions: id, keys, icon and texts.

The toolbar, the shortcuts and the F1 page are all built from it, so the page can never list a
key that does nothing. Texts are marked with ``N_`` and translated when shown.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QKeySequence

from leaflet_app.i18n import N_

Key = str | QKeySequence.StandardKey


class ActionSpec(NamedTuple):
    id: str
    description: str  # what it does: the F1 page, and the toolbar tooltip's first line
    keys: tuple[Key, ...] = ()
    icon: str | None = None  # in resources/icons/ui; set for toolbar actions
    label: str | None = None  # the toolbar button's text, when it differs from the description
    shown_keys: tuple[str, ...] | None = None  # keys as the F1 page lists them, if not ``keys``
    checkable: bool = False


# The toolbar, in this order in every language: a practitioner who learnt "the third button"
# finds it there whatever language the screen is in.
TOOLBAR = (
    ActionSpec("chooseLanguage", N_("Choose a language"), ("Ctrl+L",), "globe"),
    ActionSpec("flipLanguage", N_("Show the leaflet in English"), ("Ctrl+E",), "languages", label="English"),
    ActionSpec("contact", N_("Contact details"), ("Ctrl+K",), "phone"),
    ActionSpec("readAloud", N_("Read the section aloud"), ("Ctrl+R",), "volume-2", label=N_("Read aloud")),
    ActionSpec("sideBySide", N_("Side by side"), ("Ctrl+B",), "columns-2", checkable=True),
    ActionSpec("displaySettings", N_("Display settings"), ("Ctrl+D",), "a-large-small"),
    ActionSpec("accessibilityMode", N_("Accessibility mode on or off"), ("Ctrl+Shift+A",), "accessibility",
               label=N_("Accessibility mode"), checkable=True),
    ActionSpec("savePdf", N_("Save as PDF…"), ("Ctrl+S",), "file-down"),
    ActionSpec("print", N_("Print…"), ("Ctrl+P",), "printer"),
    ActionSpec("keyboardShortcuts", N_("Keyboard shortcuts"), ("F1",), "keyboard"),
    ActionSpec("about", N_("About Leaflet Viewer"), (), "info"),
)

OTHER = (
    ActionSpec("nextSection", N_("Next section"), ("Ctrl+Tab", "Ctrl+PgDown"), "chevron-right"),
    ActionSpec("previousSection", N_("Previous section"), ("Ctrl+Shift+Tab", "Ctrl+Backtab", "Ctrl+PgUp"),
               "chevron-left", shown_keys=("Ctrl+Shift+Tab", "Ctrl+PgUp")),
    ActionSpec("section", N_("Go to section 1 to 9"), tuple(f"Alt+{n}" for n in range(1, 10)),
               shown_keys=("Alt+1", "Alt+9")),
    ActionSpec("largerText", N_("Larger text"), (QKeySequence.StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"),
               shown_keys=("Ctrl+=", "Ctrl++")),
    ActionSpec("smallerText", N_("Smaller text"), (QKeySequence.StandardKey.ZoomOut, "Ctrl+-"),
               shown_keys=("Ctrl+-",)),
    ActionSpec("normalTextSize", N_("Normal text size"), ("Ctrl+0",)),
    ActionSpec("stopReading", N_("Stop reading aloud"), ("Ctrl+.",)),
    ActionSpec("closePage", N_("Close this page"), ("Esc",)),
    ActionSpec("quit", "", (QKeySequence.StandardKey.Quit, "Ctrl+Q")),  # not listed: the window's own
)

# Keys handled by the widgets themselves (listed on the F1 page, not actions).
WIDGET_KEYS = (
    (N_("Scroll the text"), ("Up", "Down", "PgUp", "PgDown", "Home", "End", "Space")),
    (N_("Move between controls"), ("Tab", "Shift+Tab")),
)

ALL = TOOLBAR + OTHER
BY_ID = {spec.id: spec for spec in ALL}


def sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The spec's keys, each once (a standard key may equal one of ours)."""
    found: dict[str, QKeySequence] = {}
    for key in spec.keys:
        sequence = QKeySequence(key)
        if not sequence.isEmpty():
            found.setdefault(sequence.toString(), sequence)
    return list(found.values())


def listed_keys(spec: ActionSpec) -> tuple[str, ...]:
    if spec.shown_keys is not None:
        return spec.shown_keys
    return tuple(k for k in spec.keys if isinstance(k, str))


def shortcut_rows(sections: int = 9) -> list[tuple[str, tuple[str, ...]]]:
    """(description marked with N_, keys) for the F1 page, in the order a reader looks for them;
    the Alt+n keys up to the leaflet's number of sections."""
    rows = []
    for spec in OTHER[:3] + TOOLBAR + OTHER[3:]:
        if not spec.description:
            continue
        keys = listed_keys(spec)
        if spec.id == "section":
            keys = ("Alt+1", f"Alt+{min(sections, 9)}") if sections > 1 else ("Alt+1",)
        rows.append((spec.description, keys))
    return rows + list(WIDGET_KEYS)
