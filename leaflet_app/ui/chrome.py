"""How big the text and the controls are, from the chosen text size and the window.

- The leaflet text follows the chosen size; on a portrait screen or a kiosk it also grows with
  the width, for a comfortable line (45–75 characters) instead of a short column of small type.
- The controls (toolbar, banner, section bar) grow with the text, but give way on a short
  window: at 1024×600 with large text they stay small enough to leave the text most of it.
"""

from __future__ import annotations

from dataclasses import dataclass

BASE_POINTS = 11.0
CHROME_MAX_SCALE = 1.75
LARGE_TEXT = 1.75  # from this size on the section bar takes the side list's place
# Window height per unit of control scale: 600 px allows 1.4×, 735 px and more the maximum.
HEIGHT_PER_CHROME_SCALE = 420
# Fluid type: one scale step per this many pixels of width (about 70 Latin characters a line).
WIDTH_PER_TEXT_SCALE = 520
FLUID_MAX = 2.5
TOUCH_PX = 48  # WCAG 2.5.5 / platform guidance for fingers


@dataclass(frozen=True)
class Sizes:
    text_points: float
    chrome_points: float
    large_text: bool
    touch_px: int  # minimum height of buttons and list rows (0: no minimum)


def _half(points: float) -> float:
    """Rounded to half a point, so a window dragged a pixel wider changes nothing."""
    return round(points * 2) / 2


def sizes_for(scale: float, width: int, height: int, touch: bool = False) -> Sizes:
    text = scale
    if touch or height > width:
        text = max(scale, min(FLUID_MAX, width / WIDTH_PER_TEXT_SCALE))
    chrome = max(1.0, min(text, CHROME_MAX_SCALE, height / HEIGHT_PER_CHROME_SCALE))
    return Sizes(
        text_points=_half(BASE_POINTS * text),
        chrome_points=_half(BASE_POINTS * chrome),
        large_text=text >= LARGE_TEXT,
        touch_px=TOUCH_PX if touch else 0,
    )
