"""How big the text and the controls are, from the chosen text size and the window.

- The leaflet text follows the chosen size; on a portrait screen or a kiosk it also grows with
  the width, for a comfortable line (45–75 characters) instead of a short column of small type;
  a wide landscape window grows it gently (up to 1.5x at 1920 px).
- The controls (toolbar, banner, section bar) grow with the text, but give way on a short
  window: at 1024×600 with large text they stay small enough to leave the text most of it.
"""

from __future__ import annotations

import math
from typing import NamedTuple

BASE_POINTS = 11.0
CHROME_MAX_SCALE = 1.75
LARGE_TEXT = 1.75  # from this size on the section bar takes the side list's place
# Window height per unit of control scale: 600 px allows 1.4×, 735 px and more the maximum.
HEIGHT_PER_CHROME_SCALE = 420
# And per unit of width: the banner's line and its Details button must fit across (800 px: 1.75×).
WIDTH_PER_CHROME_SCALE = 457
# Fluid type: one scale step per this many pixels of width (about 70 Latin characters a line).
WIDTH_PER_TEXT_SCALE = 520
FLUID_MAX = 2.5
# A landscape window on a laptop grows its text more gently: from 1152 px wide (a family reads
# over the practitioner's shoulder), up to 1.5x on a large monitor, so a maximised window is not
# a short column of small type in an empty page.
LANDSCAPE_FROM = 1152
LANDSCAPE_MAX = 1.5
TEXT_MAX = 4.0  # 44 pt: beyond it a line holds too few words to read
TOUCH_PX = 48  # WCAG 2.5.5 / platform guidance for fingers


class Sizes(NamedTuple):
    text_points: float
    chrome_points: float
    large_text: bool
    touch_px: int  # minimum height of buttons and list rows (0: no minimum)


def _half(points: float) -> float:
    """Rounded to half a point, so a window dragged a pixel wider changes nothing."""
    return round(points * 2) / 2


def sizes_for(scale: float, width: int, height: int, touch: bool = False) -> Sizes:
    # The screen's own size for normal text, then the chosen size on top of it: 200 % is twice
    # what this screen shows at 100 %, on a laptop and on a kiosk alike.
    if touch or height > width:
        screen = max(1.0, min(FLUID_MAX, width / WIDTH_PER_TEXT_SCALE))
        text = min(TEXT_MAX, scale * screen)
        # A kiosk or a portrait screen is read from further away; larger text brings larger
        # controls too, growing more slowly than the text (a row of eleven must still fit).
        chrome_wanted = screen * math.sqrt(max(1.0, scale))
    else:
        screen = max(1.0, min(LANDSCAPE_MAX, width / LANDSCAPE_FROM))
        text = min(TEXT_MAX, scale + screen - 1)  # added, not multiplied: 200 % stays near twice 100 %
        chrome_wanted = scale  # a laptop's controls follow the chosen size only
    most = CHROME_MAX_SCALE * math.sqrt(max(1.0, scale))  # who asks for large text needs large controls
    chrome = max(1.0, min(chrome_wanted, most, height / HEIGHT_PER_CHROME_SCALE, width / WIDTH_PER_CHROME_SCALE))
    return Sizes(
        text_points=_half(BASE_POINTS * text),
        chrome_points=_half(BASE_POINTS * chrome),
        large_text=text >= LARGE_TEXT,
        touch_px=TOUCH_PX if touch else 0,
    )
