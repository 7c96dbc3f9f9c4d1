"""The command line: a small, stable interface for people, tests, documentation and support.

With no arguments the app simply opens (double-click use). Unknown values get a message
naming the valid ones and exit code 2, before any window is created.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from leaflet_app import APP_NAME, __version__

log = logging.getLogger("leaflet_app")

EXIT_USAGE = 2
EXPORT_FORMATS = (".txt", ".pdf")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="leaflet-app",
        description=f"{APP_NAME}: a public-information leaflet in many languages, offline.",
    )
    p.add_argument("--language", metavar="CODE", help="show the leaflet in this language (see --list-languages)")
    p.add_argument("--list-languages", action="store_true", help="list the languages and their review status")
    p.add_argument("--section", metavar="ID", help="open this section (e.g. contact)")
    p.add_argument("--screenshot", metavar="FILE.png", type=Path, help="save a picture of the window and exit")
    p.add_argument("--size", metavar="WxH", default="1280x800", help="window size for --screenshot (1280x800)")
    p.add_argument("--export", metavar="FILE", type=Path,
                   help="write the whole leaflet and exit: FILE.txt (UTF-8 text) or FILE.pdf")
    x = p.add_argument_group("PDF export (--export FILE.pdf)")
    x.add_argument("--bilingual", action="store_true", help="English and the language, paragraph by paragraph")
    x.add_argument("--large-print", action="store_true", help="large print: 18 pt and more")
    x.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (a4)")
    p.add_argument("--speak", metavar="FILE.wav", type=Path,
                   help="read the section (--section, default the first) aloud into a WAV file and exit")
    p.add_argument("--sound-check", action="store_true",
                   help="read the section's heading aloud through the speakers and exit (checks the sound "
                        "and the voice on a new machine)")
    p.add_argument("--accessible", action="store_true", help="start in accessibility mode (large text, high contrast)")
    k = p.add_argument_group("kiosk mode (unattended screens)")
    k.add_argument("--kiosk", action="store_true", help="run locked, full screen, resetting itself when idle")
    k.add_argument("--kiosk-config", metavar="FILE", type=Path, help="kiosk settings (TOML; see packaging/)")
    k.add_argument("--kiosk-set-pin", action="store_true", help="set the administrator PIN in --kiosk-config")
    k.add_argument("--kiosk-attract", action="store_true", help=argparse.SUPPRESS)  # screenshots, tests
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


class UsageError(Exception):
    pass


def _fail(message: str) -> int:
    print(f"leaflet-app: {message}", file=sys.stderr)
    return EXIT_USAGE


def shorten(value: object, limit: int = 60) -> str:
    """An argument as it may be echoed back: a pasted 100,000-character value is cut short."""
    text = str(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


def _check_choice(kind: str, value: str | None, valid: Sequence[str]) -> None:
    if value is not None and value not in valid:
        raise UsageError(f"unknown {kind} '{shorten(value)}'. Valid {kind}s: {', '.join(valid)}")


def _parse_size(text: str) -> tuple[int, int]:
    m = re.fullmatch(r"(\d{2,5})[xX](\d{2,5})", text.strip())
    if not m or not (200 <= int(m.group(1)) <= 10000 and 200 <= int(m.group(2)) <= 10000):
        raise UsageError(f"--size must look like 1280x800 (width and height from 200 to 10000), not '{shorten(text)}'")
    return int(m.group(1)), int(m.group(2))


def _check_output(option: str, path: Path, *suffixes: str) -> None:
    """Refuse, before any work, an output that cannot be written: a folder, a missing folder."""
    if path.suffix.lower() not in suffixes:
        raise UsageError(f"{option} writes {' and '.join(suffixes)} files; '{shorten(path, 300)}' has another extension")
    if path.is_dir():
        raise UsageError(f"{option}: '{shorten(path, 300)}' is a folder; give a file name")
    if not path.resolve().parent.is_dir():
        raise UsageError(f"{option}: the folder of '{shorten(path, 300)}' does not exist")


def list_languages(languages: Sequence[str]) -> str:
    from leaflet_app.i18n import SOURCE_LANGUAGE, localizer

    rows = [("code", "English name", "own name", "direction", "review status")]
    for code in languages:
        lang = localizer(code)
        if code == SOURCE_LANGUAGE:
            status = "original"
        elif lang.error:
            status = f"broken (shown in English): {lang.error}"
        else:
            st = lang.status
            status = f"{st.state}, {st.percent_checked}% checked ({st.checked}/{st.total})"
            if lang.problems:
                status += f"; problems: {'; '.join(lang.problems)}"
        rows.append((code, lang.english_name, lang.own_name, lang.info.direction, status))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return "\n".join(
        "  ".join(r[i].ljust(widths[i]) for i in range(4)) + "  " + r[4] for r in rows
    ) + "\n"


def write_atomically(path: Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then move it into place: never a half file."""
    from leaflet_app.files import write_text

    write_text(path, text)


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up makes objects that live as long as the app: the garbage collector, run every few
    # hundred of them, would only walk them again and again. It runs once the window has painted.
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    args = _parser().parse_args(argv)
    from leaflet_app.pyside_start import load_pyside

    load_pyside()  # first: every later import is then quicker
    from leaflet_app.app import default_leaflet, languages
    from leaflet_app.content import LeafletError

    try:
        leaflet = default_leaflet()
    except (LeafletError, OSError) as exc:  # OSError: the data folder itself is missing
        print(f"leaflet-app: the leaflet cannot be shown: {exc}", file=sys.stderr)
        return 1
    langs = languages()
    try:
        _check_choice("language", args.language, langs)
        _check_choice("section", args.section, leaflet.section_ids())
        size = _parse_size(args.size)
        outputs = [o for o in ("export", "screenshot", "speak") if getattr(args, o) is not None]
        if len(outputs) > 1:
            raise UsageError(f"--{' and --'.join(outputs)} each make one file and exit: run the app once for each")
        if args.sound_check and outputs:
            raise UsageError(f"--sound-check and --{outputs[0]} each do one thing and exit: run the app once for each")
        if args.export is not None:
            _check_output("--export", args.export, *EXPORT_FORMATS)
        if args.speak is not None:
            _check_output("--speak", args.speak, ".wav")
        if args.screenshot is not None:
            _check_output("--screenshot", args.screenshot, ".png")
        if (args.bilingual or args.large_print) and (args.export is None or args.export.suffix.lower() != ".pdf"):
            raise UsageError("--bilingual and --large-print need --export FILE.pdf")
    except UsageError as exc:
        return _fail(str(exc))

    if args.kiosk_set_pin:
        if args.kiosk_config is None:
            return _fail("--kiosk-set-pin needs --kiosk-config FILE")
        from leaflet_app.kiosk.config import set_pin_interactively

        return set_pin_interactively(args.kiosk_config)
    if args.list_languages:
        sys.stdout.write(list_languages(langs))
        return 0
    if args.export is not None and args.export.suffix.lower() == ".pdf":
        return _export_pdf(leaflet, args)
    if args.export is not None:
        return _export(leaflet, args.language or "en", args.export)
    if args.speak is not None:
        return _speak(leaflet, args.language or "en", args.section or leaflet.sections[0].id, args.speak)
    if args.sound_check:
        return _sound_check(leaflet, args.language or "en", args.section or leaflet.sections[0].id)
    return _run_window(leaflet, langs, args, size)


def _export(leaflet, language: str, path: Path) -> int:
    from leaflet_app.i18n import localizer
    from leaflet_app.render import LeafletRenderer
    from leaflet_app.review_notice import review_notice

    lang = localizer(language)
    if lang.error:
        log.warning("The %s catalogue cannot be used (%s); exporting English", language, lang.error)
    text = LeafletRenderer(leaflet).plain_text(lang.pgettext, lang.direction_name)
    notice = review_notice(lang)
    if notice is not None:  # the family's copy says, as the banner does, how far to trust it
        text = "\n".join(notice.lines()) + "\n\n" + text
    try:
        write_atomically(path, text)
    except OSError as exc:
        print(f"leaflet-app: cannot write {path}: {exc}", file=sys.stderr)
        return 1
    return 0


def _speak(leaflet, language: str, section: str, path: Path) -> int:
    from leaflet_app.app import application
    from leaflet_app.speech.espeak import SpeechError
    from leaflet_app.speech.recording import speak_to_file

    application()
    try:
        seconds = speak_to_file(leaflet, section, language, path)
    except (SpeechError, RuntimeError) as exc:
        print(f"leaflet-app: cannot read aloud: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"leaflet-app: cannot write {path}: {exc}", file=sys.stderr)
        return 1
    print(f"{path}: {seconds:.1f} s of speech ({language}, section {section})")
    return 0


def _sound_check(leaflet, language: str, section: str) -> int:
    from leaflet_app.app import application
    from leaflet_app.speech.espeak import SpeechError
    from leaflet_app.speech.recording import sound_check

    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window: works over ssh on a kiosk too
    application()
    try:
        heading, voice, device = sound_check(leaflet, section, language)
    except SpeechError as exc:
        print(f"leaflet-app: cannot read aloud: {exc}", file=sys.stderr)
        return 1
    except RuntimeError as exc:  # the reason the Read aloud button would give
        print(f"leaflet-app: {exc}", file=sys.stderr)
        return 1
    print(f"read aloud through {device} with {voice} ({language}): {heading}")
    return 0


def _export_pdf(leaflet, args: argparse.Namespace) -> int:
    from leaflet_app.app import application
    from leaflet_app.export import PdfOptions, write_pdf
    from leaflet_app.i18n import localizer

    # Qt lays out and draws the text, but no window is shown: on a Linux machine without a
    # display (a server, an ssh session) the offscreen platform does, instead of aborting.
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    application()
    language = args.language or "en"
    if localizer(language).error:
        log.warning("The %s catalogue cannot be used (%s); exporting English", language, localizer(language).error)
    options = PdfOptions(language, args.bilingual, args.large_print, args.paper)
    try:
        write_pdf(leaflet, args.export, options)
    except OSError as exc:
        print(f"leaflet-app: cannot write {args.export}: {exc}", file=sys.stderr)
        return 1
    return 0


def _run_window(leaflet, langs: list[str], args: argparse.Namespace, size: tuple[int, int]) -> int:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication

    from leaflet_app.app import (
        application,
        save_screenshot_after_first_paint,
        settle_memory_after_first_paint,
        warm_after_first_paint,
    )
    from leaflet_app.settings import open_settings
    from leaflet_app.ui.main_window import MainWindow

    app = application()
    # A screenshot is a one-off picture, and a kiosk is shared: neither reads nor changes what
    # the laptop's user last chose.
    settings = None if (args.screenshot or args.kiosk) else open_settings()
    if args.screenshot:
        first_size = QSize(*size)
    elif args.kiosk and (screen := QGuiApplication.primaryScreen()) is not None:
        first_size = screen.geometry().size()  # it is shown full screen
    else:
        first_size = None
    window = MainWindow(leaflet, langs, settings, first_size)
    window.restore(args.language, args.section)
    if args.kiosk:
        from leaflet_app.kiosk.config import load_config
        from leaflet_app.kiosk.controller import Kiosk

        config = load_config(args.kiosk_config, langs, leaflet.section_ids())
        kiosk = Kiosk(window, config, langs)
        sys.excepthook = kiosk.on_unexpected_error  # process-wide: set here, not by the kiosk
        if args.language or args.section:
            window.restore(args.language, args.section)
        if args.kiosk_attract:
            kiosk.show_attract()
    if args.accessible:
        window.start_accessible()
    if args.screenshot is None:  # a screenshot is taken and the app quits: nothing to prepare
        settle_memory_after_first_paint(window)
        warmer = warm_after_first_paint(window, langs)  # noqa: F841 - kept alive while the app runs
    if args.screenshot is not None:
        save_screenshot_after_first_paint(window, args.screenshot, QSize(*size))
    elif args.kiosk:
        window.showFullScreen()
    else:
        window.show()
    return app.exec()
