"""Colour schemes as data (``resources/themes/schemes.toml``), applied through ``QPalette``.

The Fusion style draws everything from the palette, so a platform style cannot override a
scheme. Contrast is computed here too (WCAG 2.2 relative luminance), for the tests and for
anyone adding a scheme.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from PySide6.QtGui import QColor, QPalette

from leaflet_app import paths

ROLE_KEYS = (
    "window", "window_text", "base", "alternate_base", "text", "button", "button_text", "highlight",
    "highlighted_text", "link", "tooltip_base", "tooltip_text", "placeholder", "disabled", "control_border", "focus",
    "banner", "banner_text",
)
# Foreground/background pairs a reader sees; each must reach 7:1 in a high-contrast scheme.
TEXT_PAIRS = (
    ("window_text", "window"), ("text", "base"), ("text", "alternate_base"), ("button_text", "button"),
    ("highlighted_text", "highlight"), ("link", "base"), ("link", "window"), ("tooltip_text", "tooltip_base"),
    ("placeholder", "base"), ("disabled", "window"), ("disabled", "base"), ("banner_text", "banner"),
    ("window_text", "button"),
)
# The focus ring must stand out (3:1) against what surrounds it.
FOCUS_PAIRS = (("focus", "window"), ("focus", "base"))
# WCAG 1.4.11: a control's outline at least 3:1 against the window and its own face.
CONTROL_PAIRS = (("control_border", "window"), ("control_border", "button"))


class Scheme(NamedTuple):  # one object per scheme: schemes() is cached
    name: str
    high_contrast: bool
    dark: bool
    colors: dict[str, str]

    def color(self, key: str) -> QColor:
        return QColor(self.colors[key])


@cache
def schemes() -> dict[str, Scheme]:
    from leaflet_app.leaflet_cache import load_toml_cached

    data = load_toml_cached(paths.resources_dir() / "themes" / "schemes.toml")
    out = {}
    for name, table in data.items():
        missing = [k for k in ROLE_KEYS if k not in table]
        if missing:
            raise ValueError(f"colour scheme {name!r} lacks {', '.join(missing)}")
        colors = {k: str(table[k]) for k in ROLE_KEYS}
        out[name] = Scheme(name, bool(table.get("high_contrast")), bool(table.get("dark")), colors)
    return out


def relative_luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())


def contrast_ratio(a: QColor, b: QColor) -> float:
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


_palettes: dict[str, QPalette] = {}


def palette_for(scheme: Scheme) -> QPalette:
    """The scheme's palette: one object per scheme, so Qt's drawings cached for it stay valid
    when the scheme comes back (they are keyed by the palette)."""
    if scheme.name not in _palettes:
        _palettes[scheme.name] = _make_palette(scheme)
    return _palettes[scheme.name]


def _make_palette(scheme: Scheme) -> QPalette:
    c = scheme.color
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "window", QPalette.ColorRole.WindowText: "window_text",
        QPalette.ColorRole.Base: "base", QPalette.ColorRole.AlternateBase: "alternate_base",
        QPalette.ColorRole.Text: "text", QPalette.ColorRole.Button: "button",
        QPalette.ColorRole.ButtonText: "button_text", QPalette.ColorRole.Highlight: "highlight",
        QPalette.ColorRole.HighlightedText: "highlighted_text", QPalette.ColorRole.Link: "link",
        QPalette.ColorRole.LinkVisited: "link", QPalette.ColorRole.ToolTipBase: "tooltip_base",
        QPalette.ColorRole.ToolTipText: "tooltip_text", QPalette.ColorRole.PlaceholderText: "placeholder",
        QPalette.ColorRole.BrightText: "highlighted_text", QPalette.ColorRole.Accent: "highlight",
    }
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        for role, key in roles.items():
            p.setColor(group, role, c(key))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, c("disabled"))
    # Fusion draws frames from these: the scheme's control outline (3:1, WCAG 1.4.11).
    edge = c("control_border")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        p.setColor(group, QPalette.ColorRole.Light, c("button").lighter(120))
        p.setColor(group, QPalette.ColorRole.Midlight, c("button"))
        p.setColor(group, QPalette.ColorRole.Mid, edge)
        p.setColor(group, QPalette.ColorRole.Dark, edge)
        p.setColor(group, QPalette.ColorRole.Shadow, edge)
    return p


def banner_palette(scheme: Scheme, base: QPalette) -> QPalette:
    p = QPalette(base)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, scheme.color("banner"))
        p.setColor(group, QPalette.ColorRole.WindowText, scheme.color("banner_text"))
    return p
