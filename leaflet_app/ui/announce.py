"""Spoken announcements for screen readers (Qt's accessibility announcement event).

A screen reader speaks the focused control and little else: a notice that appears elsewhere (the
draft-translation warning, "Copied to the clipboard"), the section shown after "Next section"
while the focus stays on the button, or the language highlighted in the picker while the focus
stays in the search field are silent unless announced. On Linux Qt sends the event as the AT-SPI
``object:announcement`` signal (Orca speaks it); on Windows as a UI Automation notification.

Each announcement is also kept in ``recent`` (the last few, newest last), so the app's own tests
can check what would be spoken without a screen reader.
"""

from __future__ import annotations

from collections import deque

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from leaflet_app.contacts import strip_isolates

recent: deque[str] = deque(maxlen=20)


def announce(source: QObject, text: str, assertive: bool = False) -> None:
    """Have screen readers speak ``text`` (polite: after what they are saying now).

    ``source`` is the widget the message is about. The isolate marks that keep contact details
    left to right on screen are taken out: some speech engines read them aloud."""
    text = " ".join(strip_isolates(text).split())
    if not text or (isinstance(source, QWidget) and not source.window().isVisible()):
        return  # nothing to say, or a window nobody sees
    recent.append(text)
    # Imported here: QAccessible's enumerations take a few milliseconds to make, and nothing is
    # announced before the window has painted.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    if not QAccessible.isActive():  # no assistive technology listening: nothing to send
        return
    event = QAccessibleAnnouncementEvent(source, text)
    event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive if assertive
                        else QAccessible.AnnouncementPoliteness.Polite)
    QAccessible.updateAccessibility(event)
