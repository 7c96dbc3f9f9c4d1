"""Are the bundled font files the ones we shipped? A font cut short still loads, and Urdu is
then drawn with gaps: so each file's size (at start, cheap) and SHA-256 (in CI, or on request)
are checked against ``resources/fonts/fonts.manifest``, and a damaged install is said once.

Manifest lines: ``<size> <sha256> <file name>``. After changing the fonts, rewrite it with
``python -m leaflet_app.font_check --write``.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from leaflet_app import paths

log = logging.getLogger(__name__)

MANIFEST = "fonts.manifest"
_warned = False


def _manifest(folder: Path) -> dict[str, tuple[int, str]]:
    entries: dict[str, tuple[int, str]] = {}
    for line in (folder / MANIFEST).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            size, digest, name = line.split(maxsplit=2)
            entries[name] = (int(size), digest)
    return entries


def _sha256(path: Path) -> str:
    with path.open("rb") as f:
        import hashlib  # only when a file is checked in full: OpenSSL takes ~8 ms to load

        return hashlib.file_digest(f, "sha256").hexdigest()


def damaged_fonts(folder: Path | None = None, full: bool = False) -> list[str]:
    """What is wrong with the bundled fonts, one line per file; ``full`` also compares hashes."""
    folder = folder or paths.fonts_dir()
    try:
        expected = _manifest(folder)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return [f"{folder / MANIFEST}: cannot be read ({exc})"]
    problems = []
    for name, (size, digest) in sorted(expected.items()):
        path = folder / name
        try:
            actual = path.stat().st_size
            if actual != size:
                problems.append(f"{path}: {actual} bytes, expected {size} (damaged or cut short)")
            elif full and _sha256(path) != digest:
                problems.append(f"{path}: contents differ from the shipped file (SHA-256)")
        except OSError as exc:
            problems.append(f"{path}: cannot be read ({exc.strerror or exc})")
    return problems


def warn_once_if_damaged(folder: Path | None = None) -> list[str]:
    """Check sizes and log one warning for the whole process (start-up calls this)."""
    global _warned
    problems = damaged_fonts(folder)
    if problems and not _warned:
        _warned = True
        log.warning("Bundled fonts are damaged; some scripts may be drawn wrongly or with a system font. "
                    "Reinstall the app. %s", "; ".join(problems))
    return problems


def write_manifest(folder: Path | None = None) -> Path:
    folder = folder or paths.fonts_dir()
    lines = ["# size sha256 file: checked at start (size) and in CI (hash); see leaflet_app/font_check.py"]
    for path in sorted(folder.glob("*.ttf")):
        lines.append(f"{path.stat().st_size} {_sha256(path)} {path.name}")
    target = folder / MANIFEST
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        print(write_manifest())
    else:
        found = damaged_fonts(full=True)
        print("\n".join(found) or "all bundled fonts are intact")
        sys.exit(1 if found else 0)
