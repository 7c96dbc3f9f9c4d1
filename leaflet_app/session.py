"""What a session may do: a laptop on a practitioner's knee, or a kiosk shared by strangers.

The window is given a policy and obeys it; it never asks who made it. The kiosk
(``leaflet_app.kiosk``) builds a kiosk policy from its configuration and calls
``MainWindow.reset_session()`` between visitors.
"""

from __future__ import annotations

from typing import NamedTuple


class SessionPolicy(NamedTuple):
    may_close: bool = True
    may_copy: bool = True  # links copy their address to the clipboard
    remember: bool = True  # settings are read and written
    languages: tuple[str, ...] = ()  # offered in the picker; empty: every shipped language
    display_controls: bool = True  # accessibility mode and display settings
    shortcuts_page: bool = True
    may_save: bool = True  # "Save as PDF…"
    may_print: bool = True
    side_by_side: bool = True
    touch: bool = False  # touch targets of at least 48 px, no text field in the picker


LAPTOP = SessionPolicy()
