"""The kiosk configuration file (TOML), read safely: any problem gives defaults, never an unlocked kiosk.

Example and documentation: ``packaging/kiosk.example.toml``.
"""

from __future__ import annotations

import getpass
import logging
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from leaflet_app.kiosk.pin import hash_pin, looks_like_hash, valid_pin

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KioskConfig:
    idle_timeout: float = 120.0  # seconds without a touch before everything resets
    warning: float = 20.0  # the last seconds of those: "Still reading?" with a countdown (0: none)
    languages: tuple[str, ...] = ()  # empty: every shipped language
    start_language: str = "en"
    start_section: str = ""  # empty: the first section
    attract: bool = True
    attract_period: float = 4.0  # seconds each language is shown on the attract screen
    hide_cursor: bool = True
    accessibility_toggle: bool = True
    side_by_side: bool = True  # English beside the visitor's language
    allow_printing: bool = False  # "Print…" on a kiosk with a printer; saving a file never
    admin_pin_hash: str = ""  # empty: the kiosk cannot be left with a PIN (only by the system)
    problems: tuple[str, ...] = field(default=(), compare=False)


def load_config(path: Path | None, languages: Sequence[str], sections: Sequence[str]) -> KioskConfig:
    """Read ``path``; every bad or missing value is logged and replaced by its default."""
    defaults = KioskConfig()
    if path is None:
        return defaults
    problems: list[str] = []
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return _with_problems(defaults, [f"{path}: not found; using safe defaults (kiosk still locked)"])
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return _with_problems(defaults, [f"{path}: cannot be read ({exc}); using safe defaults (kiosk still locked)"])
    table = data.get("kiosk", data)
    values: dict[str, object] = {}

    def number(key: str, low: float, high: float) -> None:
        if key in table:
            v = table[key]
            if isinstance(v, (int, float)) and not isinstance(v, bool) and low <= v <= high:
                values[key] = float(v)
            else:
                problems.append(f"{path}: {key} must be a number from {low:g} to {high:g}, not {v!r}")

    def flag(key: str) -> None:
        if key in table:
            if isinstance(table[key], bool):
                values[key] = table[key]
            else:
                problems.append(f"{path}: {key} must be true or false, not {table[key]!r}")

    def choice(key: str, valid: Sequence[str]) -> None:
        if key in table:
            if table[key] in valid:
                values[key] = table[key]
            else:
                problems.append(f"{path}: {key} must be one of {', '.join(valid)}, not {table[key]!r}")

    number("idle_timeout", 5, 24 * 3600)
    number("attract_period", 1, 60)
    number("warning", 0, 600)
    for key in ("attract", "hide_cursor", "accessibility_toggle", "side_by_side", "allow_printing"):
        flag(key)
    choice("start_language", languages)
    choice("start_section", sections)
    if "languages" in table:
        offered = table["languages"]
        if isinstance(offered, list) and offered and all(c in languages for c in offered):
            values["languages"] = tuple(dict.fromkeys(offered))
        else:
            problems.append(f"{path}: languages must be a list of codes from {', '.join(languages)}")
    if "admin_pin" in table:
        stored = table["admin_pin"]
        if isinstance(stored, str) and looks_like_hash(stored):
            values["admin_pin_hash"] = stored
        else:
            problems.append(f"{path}: admin_pin must be a hash written by --kiosk-set-pin, never a plain PIN")
    unknown = set(table) - {f for f in KioskConfig.__dataclass_fields__ if f not in ("problems", "admin_pin_hash")}
    unknown -= {"admin_pin"}
    problems += [f"{path}: unknown setting {k!r} ignored" for k in sorted(unknown) if k != "kiosk"]
    config = replace(defaults, **values)  # type: ignore[arg-type]
    if config.languages and config.start_language not in config.languages:
        problems.append(f"{path}: start_language {config.start_language!r} is not offered; using {config.languages[0]!r}")
        config = replace(config, start_language=config.languages[0])
    if config.warning >= config.idle_timeout:
        problems.append(f"{path}: warning must be shorter than idle_timeout; using {config.idle_timeout / 4:g}")
        config = replace(config, warning=config.idle_timeout / 4)
    return _with_problems(config, problems)


def _with_problems(config: KioskConfig, problems: list[str]) -> KioskConfig:
    for p in problems:
        log.warning("Kiosk configuration: %s", p)
    return replace(config, problems=tuple(problems))


_PIN_LINE = re.compile(r"(?m)^\s*admin_pin\s*=.*$")


def write_pin_hash(path: Path, pin_hash: str) -> None:
    """Put ``admin_pin = "<hash>"`` into the file, keeping every other line (and comment) as it is."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    line = f'admin_pin = "{pin_hash}"'
    if _PIN_LINE.search(text):
        text = _PIN_LINE.sub(line, text, count=1)
    elif re.search(r"(?m)^\s*\[kiosk\]\s*$", text):
        text = re.sub(r"(?m)^(\s*\[kiosk\]\s*)$", lambda m: m.group(1) + "\n" + line, text, count=1)
    else:
        text = (text.rstrip("\n") + "\n\n" if text.strip() else "") + line + "\n"
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def set_pin_interactively(path: Path, ask=getpass.getpass) -> int:
    """``--kiosk-set-pin``: read the PIN twice without echo and store its salted hash."""
    pin = ask(f"New administrator PIN ({4}-{12} digits): ")
    if not valid_pin(pin):
        print("The PIN must be 4 to 12 digits. Nothing was changed.")
        return 2
    if ask("Type it again: ") != pin:
        print("The two PINs differ. Nothing was changed.")
        return 2
    write_pin_hash(path, hash_pin(pin))
    print(f"The PIN's salted hash was written to {path}.")
    return 0
