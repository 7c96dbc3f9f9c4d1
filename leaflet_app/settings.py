"""Settings remembered between runs, in ``QSettings`` (never in the install folder).

Every value read back is checked; anything unreadable or nonsensical falls back to its
default with a log line. A settings file Qt cannot parse is set aside (renamed, not deleted)
and a fresh one is started.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSettings

log = logging.getLogger(__name__)

ORGANIZATION = "LeafletViewer"
APPLICATION = "leaflet-viewer"


def open_settings(scope_name: str = APPLICATION) -> QSettings:
    """The app's settings file (INI format, in the user's configuration folder)."""
    settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, scope_name)
    if settings.status() == QSettings.Status.FormatError:
        broken = Path(settings.fileName())
        aside = broken.with_name(f"{broken.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        log.warning("Settings file %s cannot be read; set aside as %s, starting afresh", broken, aside)
        del settings
        try:
            broken.rename(aside)
        except OSError as exc:
            log.warning("Could not set the broken settings file aside (%s); it will be overwritten", exc)
        settings = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, scope_name)
    return settings


def read_choice(settings: QSettings, key: str, valid: Iterable[str], default: str) -> str:
    """A stored string that must be one of ``valid``; otherwise ``default``, with a log line."""
    if not settings.contains(key):
        return default
    value = settings.value(key)
    valid = list(valid)
    if isinstance(value, str) and value in valid:
        return value
    log.warning("Ignoring stored %s=%r (not one of %s); using %r", key, value, ", ".join(valid), default)
    return default


def read_number(settings: QSettings, key: str, low: float, high: float, default: float) -> float:
    """A stored number within ``[low, high]``; otherwise ``default``, with a log line."""
    if not settings.contains(key):
        return default
    value = settings.value(key)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        number = float("nan")
    if low <= number <= high:
        return number
    log.warning("Ignoring stored %s=%r (not a number from %s to %s); using %s", key, value, low, high, default)
    return default


def read_flag(settings: QSettings, key: str, default: bool) -> bool:
    if not settings.contains(key):
        return default
    value = settings.value(key)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    log.warning("Ignoring stored %s=%r (not true or false); using %s", key, value, default)
    return default
