#!/usr/bin/env python3
"""Screenshots of a grid of languages × window sizes × display modes, and one contact sheet per mode.

  python scripts/gallery.py                          # the default grid, into build/gallery/
  python scripts/gallery.py --languages ur,bn --sizes 1024x600 --modes accessible --jobs 2

Each screenshot is taken by the app's own command line (``--screenshot``) in a separate, offscreen
process, so what is pictured is exactly what a user starting the app that way sees. The sheets
(``build/gallery/<mode>.png``) put every layout of a mode side by side: one row per language, one
column per section and window size, each thumbnail captioned with language, size and section.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

# A display mode is a name and the command-line options that turn it on: one line per mode.
MODES: dict[str, list[str]] = {
    "normal": [],
    "accessible": ["--accessible"],
}
DEFAULT_LANGUAGES = ["en", "pl", "el", "bg", "ar", "ur", "bn", "pa"]  # Latin, Greek, Cyrillic, RTL, Indic
DEFAULT_SIZES = ["1024x600", "1280x800", "1366x768", "1920x1080", "800x1280", "1080x1920"]
SHOT_TIMEOUT_S = 120

# Sheet geometry, in pixels.
THUMB_LONG_SIDE = 360
GAP = 16
CAPTION_LINES = 2
BACKGROUND = QColor(58, 58, 58)  # dark, so light screenshots stand out and dark ones keep a frame
FRAME = QColor(150, 150, 150)
CAPTION = QColor(240, 240, 240)
FAILED = QColor(255, 140, 120)


class UsageError(Exception):
    pass


@dataclass(frozen=True)
class Shot:
    language: str
    size: tuple[int, int]
    section: str
    mode: str

    @property
    def size_text(self) -> str:
        return f"{self.size[0]}×{self.size[1]}"

    def file_name(self) -> str:
        return f"{self.language}-{self.size[0]}x{self.size[1]}-{self.section}.png"


def _csv(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _parse_size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{3,5})[xX](\d{3,5})", text)
    if not m:
        raise UsageError(f"a size must look like 1280x800, not '{text}'")
    return int(m.group(1)), int(m.group(2))


def _choose(kind: str, wanted: list[str], valid: list[str]) -> list[str]:
    unknown = [w for w in wanted if w not in valid]
    if unknown:
        raise UsageError(f"unknown {kind} {', '.join(repr(u) for u in unknown)}. Valid {kind}s: {', '.join(valid)}")
    if not wanted:
        raise UsageError(f"no {kind} chosen. Valid {kind}s: {', '.join(valid)}")
    return list(dict.fromkeys(wanted))  # keep the order given, drop repeats


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--languages", metavar="CODES", default=",".join(DEFAULT_LANGUAGES),
                   help="comma-separated language codes (default: %(default)s)")
    p.add_argument("--sizes", metavar="WxH,...", default=",".join(DEFAULT_SIZES),
                   help="comma-separated window sizes (default: %(default)s)")
    p.add_argument("--modes", metavar="MODES", default=",".join(MODES),
                   help=f"comma-separated display modes, among: {', '.join(MODES)} (default: %(default)s)")
    p.add_argument("--sections", metavar="IDS",
                   help="comma-separated section ids (default: the first section and the contact section)")
    p.add_argument("--out", metavar="DIR", type=Path, default=ROOT / "build" / "gallery",
                   help="where the screenshots and sheets go (default: build/gallery/)")
    p.add_argument("--jobs", metavar="N", type=int, default=2, help="screenshots taken at once (default: 2)")
    p.add_argument("--thumb", metavar="PX", type=int, default=THUMB_LONG_SIDE,
                   help="long side of a thumbnail on the sheet (default: %(default)s)")
    return p


def _grid(args: argparse.Namespace) -> tuple[list[str], list[tuple[int, int]], list[str], list[str]]:
    from leaflet_app.app import default_leaflet, languages

    leaflet = default_leaflet()
    ids = leaflet.section_ids()
    langs = _choose("language", _csv(args.languages), languages())
    sizes = list(dict.fromkeys(_parse_size(s) for s in _csv(args.sizes)))
    if not sizes:
        raise UsageError("no size chosen, e.g. --sizes 1280x800")
    modes = _choose("mode", _csv(args.modes), list(MODES))
    default_sections = ",".join(dict.fromkeys([ids[0], leaflet.contact_section]))
    sections = _choose("section", _csv(args.sections or default_sections), ids)
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.thumb < 64:
        raise UsageError("--thumb must be at least 64 (pixels)")
    return langs, sizes, modes, sections


def take(shot: Shot, folder: Path) -> tuple[Path, str]:
    """Run the app once for ``shot``; return the picture's path and, if it failed, why."""
    final = folder / shot.file_name()
    partial = final.with_name(final.stem + ".part.png")  # the app insists on .png
    cmd = [sys.executable, "-m", "leaflet_app", "--language", shot.language, "--section", shot.section,
           "--size", f"{shot.size[0]}x{shot.size[1]}", *MODES[shot.mode], "--screenshot", str(partial)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=SHOT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        partial.unlink(missing_ok=True)
        return final, f"no picture after {SHOT_TIMEOUT_S} s"
    if result.returncode != 0 or not partial.exists():
        partial.unlink(missing_ok=True)
        lines = result.stderr.strip().splitlines()
        return final, (lines[-1] if lines else f"exit code {result.returncode}")
    os.replace(partial, final)  # a picture is either whole or absent
    return final, ""


def thumb_size(size: tuple[int, int], long_side: int) -> tuple[int, int]:
    w, h = size
    scale = long_side / max(w, h)
    return max(1, round(w * scale)), max(1, round(h * scale))


def compose_sheet(mode: str, languages: list[str], columns: list[tuple[str, tuple[int, int]]],
                  results: dict[Shot, tuple[Path, str]], long_side: int, path: Path) -> QImage:
    """Draw one row per language and one column per (section, size); write the PNG atomically."""
    font = QFont("Noto Sans")
    font.setPixelSize(max(11, long_side // 26))
    bold = QFont(font)
    bold.setBold(True)
    title_font = QFont(font)
    title_font.setPixelSize(font.pixelSize() * 2)
    title_font.setBold(True)
    fm, title_fm = QFontMetrics(font), QFontMetrics(title_font)
    line = fm.lineSpacing()
    title = f"Leaflet Viewer · {mode}"
    n_sections = len(dict.fromkeys(sec for sec, _ in columns))
    subtitle = (f"{len(languages)} languages × {len(columns) // n_sections} sizes × {n_sections} sections = "
                f"{len(languages) * len(columns)} layouts · thumbnails {long_side} px on the long side · "
                f"{datetime.now(UTC):%Y-%m-%d %H:%M UTC}")
    title_h = title_fm.lineSpacing() + line + GAP

    # A wider gap where the section changes, so each section's sizes read as one group.
    xs, x = [], GAP
    for i, (section, size) in enumerate(columns):
        if i and section != columns[i - 1][0]:
            x += 2 * GAP
        xs.append(x)
        x += thumb_size(size, long_side)[0] + GAP
    thumb_h = max(thumb_size(size, long_side)[1] for _, size in columns)
    row_h = thumb_h + 4 + CAPTION_LINES * line
    width = max(x, GAP + max(title_fm.horizontalAdvance(title), fm.horizontalAdvance(subtitle)) + GAP)
    height = GAP + title_h + len(languages) * (row_h + GAP)

    sheet = QImage(width, height, QImage.Format.Format_RGB32)
    sheet.fill(BACKGROUND)
    p = QPainter(sheet)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    p.setPen(CAPTION)
    p.setFont(title_font)
    p.drawText(GAP, GAP + title_fm.ascent(), title)
    p.setFont(font)
    p.drawText(GAP, GAP + title_fm.lineSpacing() + fm.ascent(), subtitle)

    y = GAP + title_h
    for language in languages:
        for x, (section, size) in zip(xs, columns, strict=True):
            shot = Shot(language, size, section, mode)
            file, error = results[shot]
            tw, th = thumb_size(size, long_side)
            box = QRect(x, y, tw, th)
            image = QImage(str(file)) if not error else QImage()
            if image.isNull():
                p.setPen(FAILED)
                p.drawRect(box.adjusted(0, 0, -1, -1))
                p.drawText(box.adjusted(6, 6, -6, -6), Qt.TextFlag.TextWordWrap, f"failed: {error or 'unreadable'}")
            else:
                # Scaled here, one at a time: the full-size pictures are never all in memory.
                p.drawImage(box, image.scaled(tw, th, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
                p.setPen(QPen(FRAME, 1))
                p.drawRect(box.adjusted(-1, -1, 0, 0))
            p.setPen(CAPTION)
            cy = y + th + 4
            p.setFont(bold)
            p.drawText(x, cy + fm.ascent(), fm.elidedText(f"{language} · {shot.size_text}",
                                                          Qt.TextElideMode.ElideRight, tw))
            p.setFont(font)
            p.drawText(x, cy + line + fm.ascent(), fm.elidedText(section, Qt.TextElideMode.ElideRight, tw))
        y += row_h + GAP
    p.end()

    partial = path.with_name(path.stem + ".part.png")
    if not sheet.save(str(partial), "PNG"):
        partial.unlink(missing_ok=True)
        raise OSError(f"cannot write {path}")
    os.replace(partial, path)
    return sheet


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        langs, sizes, modes, sections = _grid(args)
    except UsageError as exc:
        print(f"gallery: {exc}", file=sys.stderr)
        return 2
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # fonts for the captions
    from leaflet_app.fonts import BASE_FAMILY, ensure_family

    ensure_family(BASE_FAMILY)  # captions in the bundled face, whatever the machine has
    columns = [(sec, size) for sec in sections for size in sizes]
    failures = 0
    started = time.perf_counter()
    for mode in modes:
        t0 = time.perf_counter()
        folder = args.out / mode
        folder.mkdir(parents=True, exist_ok=True)
        shots = [Shot(lang, size, sec, mode) for lang in langs for sec, size in columns]
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            results = dict(zip(shots, pool.map(take, shots, [folder] * len(shots)), strict=True))
        for shot, (_, error) in results.items():
            if error:
                failures += 1
                print(f"gallery: {mode} {shot.language} {shot.size_text} {shot.section}: {error}", file=sys.stderr)
        sheet_path = args.out / f"{mode}.png"
        t1 = time.perf_counter()
        try:
            sheet = compose_sheet(mode, langs, columns, results, args.thumb, sheet_path)
        except OSError as exc:
            print(f"gallery: {exc}", file=sys.stderr)
            return 1
        t2 = time.perf_counter()
        print(f"{mode}: {sheet_path} ({sheet.width()}×{sheet.height()}, {len(shots)} screenshots in {folder}) "
              f"{t2 - t0:.1f} s (screenshots {t1 - t0:.1f} s, sheet {t2 - t1:.1f} s)")
    print(f"total {time.perf_counter() - started:.1f} s with {args.jobs} job(s)"
          + (f"; {failures} screenshot(s) failed" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
