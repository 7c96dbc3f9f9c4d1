"""Display settings: text size, colour scheme, text spacing, readable font; the accessible preset;
and the one controller that holds them, with accessibility mode and their persistence.

Kept apart from the widgets so that the settings file, the panel, the toggle, the kiosk reset
and the tests share one definition. "auto" follows the operating system: high contrast when
the platform asks for it, dark when its colour scheme is dark.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication

from leaflet_app.i18n import N_
from leaflet_app.settings import read_choice, read_flag, read_number

SCALES = (1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0)
AUTO = "auto"
SCHEME_LABELS = {
    AUTO: N_("Automatic (follow the computer's setting)"),
    "standard": N_("Standard"),
    "dark": N_("Dark"),
    "black-on-white": N_("High contrast: black on white"),
    "white-on-black": N_("High contrast: white on black"),
    "yellow-on-black": N_("High contrast: yellow on black"),
}


class Display(NamedTuple):
    scale: float = 1.0
    scheme: str = AUTO
    spacing: bool = False  # WCAG 1.4.12 text spacing
    readable_font: bool = False

    def step(self, delta: int) -> Display:
        """One size step larger (+1) or smaller (-1), within 100 % to 300 %."""
        index = min(range(len(SCALES)), key=lambda i: abs(SCALES[i] - self.scale))
        return self._replace(scale=SCALES[max(0, min(len(SCALES) - 1, index + delta))])


DEFAULT = Display()
# "Accessibility mode": large, high-contrast text in one action. Extra WCAG 1.4.12 spacing is a
# separate choice (the layout survives it; imposed by default it breaks words apart).
ACCESSIBLE = Display(scale=2.0, scheme="yellow-on-black", spacing=False, readable_font=False)


def system_scheme() -> str:
    """The scheme the operating system asks for: high contrast, dark or standard."""
    hints = QGuiApplication.styleHints()
    dark = hints.colorScheme() == Qt.ColorScheme.Dark
    accessibility = getattr(hints, "accessibility", None)  # Qt >= 6.10
    if accessibility is not None:
        if accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast:
            return "white-on-black" if dark else "black-on-white"
    return "dark" if dark else "standard"


def resolve_scheme(choice: str) -> str:
    return system_scheme() if choice == AUTO else choice


def read_display(settings: QSettings, prefix: str = "display") -> Display:
    """The stored display; bad values give defaults."""
    return Display(
        scale=read_number(settings, f"{prefix}/scale", SCALES[0], SCALES[-1], DEFAULT.scale),
        scheme=read_choice(settings, f"{prefix}/scheme", SCHEME_LABELS, DEFAULT.scheme),
        spacing=read_flag(settings, f"{prefix}/spacing", DEFAULT.spacing),
        readable_font=read_flag(settings, f"{prefix}/readable_font", DEFAULT.readable_font),
    )


def load_display(settings: QSettings, prefix: str = "display") -> tuple[Display, bool]:
    """The stored display and whether accessibility mode was on; bad values give defaults."""
    return read_display(settings, prefix), read_flag(settings, f"{prefix}/accessibility_mode", False)


def write_display(settings: QSettings, display: Display, prefix: str = "display") -> None:
    settings.setValue(f"{prefix}/scale", display.scale)
    settings.setValue(f"{prefix}/scheme", display.scheme)
    settings.setValue(f"{prefix}/spacing", display.spacing)
    settings.setValue(f"{prefix}/readable_font", display.readable_font)


def save_display(settings: QSettings, display: Display, accessibility_mode: bool, prefix: str = "display") -> None:
    write_display(settings, display, prefix)
    settings.setValue(f"{prefix}/accessibility_mode", accessibility_mode)


class DisplayController(QObject):
    """The display the window shows, accessibility mode, and what the mode will give back.

    The window observes ``changed``; every change is saved at once (when there are settings),
    the user's own display before accessibility mode included, so the toggle gives it back
    after a restart too.
    """

    changed = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.display: Display = DEFAULT
        self.accessibility_mode = False
        self.before_mode: Display = DEFAULT  # given back when accessibility mode is turned off

    def load(self) -> None:
        if self.settings is None:
            return
        self.display, self.accessibility_mode = load_display(self.settings)
        self.before_mode = read_display(self.settings, "display/before_mode") if self.accessibility_mode else DEFAULT
        self.changed.emit()

    def set(self, display: Display) -> None:
        if display == self.display:
            return
        self.display = display
        self._save()
        self.changed.emit()

    def step(self, delta: int) -> None:
        self.set(self.display.step(delta))

    def normal_size(self) -> None:
        self.set(self.display._replace(scale=1.0))

    def toggle_accessibility_mode(self) -> None:
        """Large, high-contrast text at once, and back to what was there before."""
        if self.accessibility_mode:
            self.accessibility_mode = False
            self.display = self.before_mode
        else:
            self.before_mode = self.display
            self.accessibility_mode = True
            self.display = ACCESSIBLE
        self._save()
        self.changed.emit()

    def reset(self) -> None:
        """Back to the default display, accessibility mode off (the panel's reset, the kiosk's)."""
        changed = self.display != DEFAULT or self.accessibility_mode
        self.display, self.accessibility_mode, self.before_mode = DEFAULT, False, DEFAULT
        self._save()
        if changed:
            self.changed.emit()

    def _save(self) -> None:
        if self.settings is not None:
            save_display(self.settings, self.display, self.accessibility_mode)
            write_display(self.settings, self.before_mode, "display/before_mode")
