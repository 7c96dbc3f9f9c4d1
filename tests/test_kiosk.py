"""Kiosk mode on the real widgets: every way out refused, idle reset, attract screen, PIN exit."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import LANGUAGES
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QCloseEvent, QContextMenuEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from leaflet_app.i18n import current_language
from leaflet_app.kiosk.config import KioskConfig, load_config, set_pin_interactively, write_pin_hash
from leaflet_app.kiosk.controller import Kiosk
from leaflet_app.kiosk.pin import Backoff, hash_pin, verify_pin
from leaflet_app.ui.main_window import MainWindow

PIN = "2468"
PIN_HASH = hash_pin(PIN)


@pytest.fixture
def kiosk(qtbot, leaflet):
    window = MainWindow(leaflet, LANGUAGES, None)
    qtbot.addWidget(window)
    config = KioskConfig(idle_timeout=0.4, attract_period=0.1, admin_pin_hash=PIN_HASH, hide_cursor=False)
    k = Kiosk(window, config, LANGUAGES)
    window.showFullScreen()
    qtbot.waitExposed(window)
    yield k
    k.locked = False
    window.close()


def still_locked(k: Kiosk, qtbot) -> bool:
    qtbot.wait(20)  # let a deferred restore run
    return k.window.isVisible() and k.window.isFullScreen() and not k.window.isMinimized()


def key(qtbot, k: Kiosk, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or k.window, key, mods)


def test_every_escape_attempt_is_refused(kiosk: Kiosk, qtbot) -> None:
    k, w = kiosk, kiosk.window
    C, A, S = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.ShiftModifier
    attempts = {
        "close()": lambda: w.close(),
        "window-manager close event": lambda: QApplication.sendEvent(w, QCloseEvent()),
        "closeAllWindows": lambda: QApplication.closeAllWindows(),
        "Alt+F4": lambda: key(qtbot, k, Qt.Key.Key_F4, A),
        "Ctrl+Q": lambda: key(qtbot, k, Qt.Key.Key_Q, C),
        "Ctrl+W": lambda: key(qtbot, k, Qt.Key.Key_W, C),
        "Esc": lambda: key(qtbot, k, Qt.Key.Key_Escape),
        "F11": lambda: key(qtbot, k, Qt.Key.Key_F11),
        "F5": lambda: key(qtbot, k, Qt.Key.Key_F5),
        "Alt+Tab": lambda: key(qtbot, k, Qt.Key.Key_Tab, A),
        "Super key": lambda: key(qtbot, k, Qt.Key.Key_Meta),
        "Ctrl+P (print)": lambda: key(qtbot, k, Qt.Key.Key_P, C),
        "Ctrl+S (save)": lambda: key(qtbot, k, Qt.Key.Key_S, C),
        "Ctrl+O (open)": lambda: key(qtbot, k, Qt.Key.Key_O, C),
        "minimise": lambda: w.showMinimized(),
        "restore to a normal window": lambda: w.showNormal(),
        "hide": lambda: w.hide(),
        "quit action": lambda: w.quit_action.trigger(),
        "context menu": lambda: QApplication.sendEvent(
            w.view.current_page().viewport(),
            QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), QPoint(10, 10)),
        ),
        "drag a file in": lambda: QApplication.sendEvent(
            w.view.current_page().viewport(),
            QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, QMimeData(), Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier),
        ),
        "drop a file": lambda: QApplication.sendEvent(
            w.view.current_page().viewport(),
            QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, QMimeData(), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier),
        ),
        "Ctrl+Shift+Tab past the end": lambda: key(qtbot, k, Qt.Key.Key_Backtab, C | S),
    }
    assert len(attempts) >= 12
    survived = []
    for name, attempt in attempts.items():
        attempt()
        assert still_locked(k, qtbot), f"{name} got out of the kiosk"
        survived.append(name)
    assert survived == list(attempts)
    assert k.blocked_count >= 12
    assert w.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu and not w.acceptDrops()


def test_links_do_nothing_and_leave_no_clipboard(kiosk: Kiosk, qtbot) -> None:
    QGuiApplication.clipboard().setText("before")
    kiosk.window.show_section("contact")
    kiosk.window.view.linkActivated.emit("nscb@northamptonshire.gcsx.gov.uk")
    assert QGuiApplication.clipboard().text() == "before"
    kiosk.reset()
    assert QGuiApplication.clipboard().text() == ""


def test_idle_reset_restores_everything(kiosk: Kiosk, qtbot) -> None:
    w = kiosk.window
    w.set_language("ar")
    w.set_language("ur")
    w.show_section("law-and-guidance")
    w.toggle_accessibility_mode()
    page = w.view.current_page()
    page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())
    w.open_picker()
    w.picker.filter.setText("pol")
    assert w.recent == ["ur", "ar"]
    qtbot.waitUntil(lambda: w.pages.currentWidget() is kiosk.attract, timeout=3000)
    assert current_language() == "en"
    assert w.view.current_section() == w.view.section_ids()[0]
    assert not w.accessibility_mode and w.display.scale == 1.0
    assert w.recent == [] and w.picker.filter.text() == ""
    assert w.view.current_page().verticalScrollBar().value() == 0
    w.show_section("law-and-guidance")  # the section the last visitor scrolled through
    assert w.view.current_page().verticalScrollBar().value() == 0
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_finished_button_resets_at_once(kiosk: Kiosk, qtbot) -> None:
    w = kiosk.window
    w.set_language("pl")
    w.show_section("contact")
    qtbot.mouseClick(kiosk.finished_button, Qt.MouseButton.LeftButton)
    assert current_language() == "en" and w.view.current_section() == "what-is-an-scr"
    assert kiosk.finished_button.isVisible()


def test_attract_screen_cycles_languages_and_any_input_dismisses_it(kiosk: Kiosk, qtbot) -> None:
    kiosk.show_attract()
    seen = set()
    qtbot.waitUntil(lambda: seen.add(kiosk.attract.current_language()) or len(seen) >= 3, timeout=3000)
    assert not kiosk.window.toolbar.isVisible()
    invitation = kiosk.attract.invitation.text()
    assert invitation  # in the language shown now
    qtbot.keyClick(kiosk.attract, Qt.Key.Key_Space)
    assert kiosk.window.pages.currentWidget() is kiosk.window.picker
    assert kiosk.window.toolbar.isVisible()
    kiosk.show_attract()
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton)
    assert kiosk.window.pages.currentWidget() is kiosk.window.picker


def test_picker_offers_only_configured_languages(qtbot, leaflet) -> None:
    window = MainWindow(leaflet, LANGUAGES, None)
    qtbot.addWidget(window)
    k = Kiosk(window, KioskConfig(languages=("en", "ro", "ur"), hide_cursor=False), LANGUAGES)
    window.open_picker()
    assert sorted(window.picker.visible_codes()) == ["en", "ro", "ur"]
    k.locked = False


def enter(qtbot, k: Kiosk, digits: str) -> None:
    qtbot.keyClicks(k.pin_pad, digits)
    qtbot.keyClick(k.pin_pad, Qt.Key.Key_Return)


def test_pin_right_exits(kiosk: Kiosk, qtbot) -> None:
    key(qtbot, kiosk, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier)
    assert kiosk.window.pages.currentWidget() is kiosk.pin_pad
    with qtbot.waitSignal(kiosk.exited):
        enter(qtbot, kiosk, PIN)
    assert not kiosk.locked and not kiosk.window.isVisible()


def test_pin_wrong_is_counted_and_backs_off(kiosk: Kiosk, qtbot) -> None:
    now = [1000.0]
    kiosk.pin_pad.backoff = Backoff(clock=lambda: now[0])
    kiosk.open_pin_pad()
    for _ in range(2):
        enter(qtbot, kiosk, "1111")
        assert kiosk.locked and kiosk.pin_pad.message.text() == "Wrong PIN."
    enter(qtbot, kiosk, "1112")
    assert kiosk.pin_pad.backoff.seconds_left() == 30
    assert "30 seconds" in kiosk.pin_pad.message.text()
    assert not kiosk.pin_pad.keys["5"].isEnabled()
    enter(qtbot, kiosk, PIN)  # even the right PIN waits
    assert kiosk.locked
    now[0] += 31
    enter(qtbot, kiosk, "0000")  # a fourth wrong one doubles the wait
    assert kiosk.pin_pad.backoff.seconds_left() == 60
    now[0] += 61
    with qtbot.waitSignal(kiosk.exited):
        enter(qtbot, kiosk, PIN)


def test_pin_pad_by_touch_and_timeout(kiosk: Kiosk, qtbot) -> None:
    kiosk.long_press.setInterval(50)
    corner = kiosk.window.mapToGlobal(QPoint(3, 3))
    local = kiosk.window.toolbar.mapFromGlobal(corner)
    qtbot.mousePress(kiosk.window.toolbar, Qt.MouseButton.LeftButton, pos=local)
    qtbot.waitUntil(lambda: kiosk.window.pages.currentWidget() is kiosk.pin_pad, timeout=2000)
    qtbot.mouseRelease(kiosk.window.toolbar, Qt.MouseButton.LeftButton, pos=local)
    for digit in PIN[:2]:
        qtbot.mouseClick(kiosk.pin_pad.keys[digit], Qt.MouseButton.LeftButton)
    assert kiosk.pin_pad.dots.text() == "●●"
    kiosk.pin_pad.idle.setInterval(50)
    kiosk.pin_pad.idle.start()
    qtbot.waitUntil(lambda: kiosk.window.pages.currentIndex() == 0, timeout=2000)
    assert kiosk.locked and kiosk.pin_pad.entered == ""


def test_no_pin_means_no_exit_from_the_screen(qtbot, leaflet) -> None:
    window = MainWindow(leaflet, LANGUAGES, None)
    qtbot.addWidget(window)
    k = Kiosk(window, KioskConfig(hide_cursor=False), LANGUAGES)
    k.open_pin_pad()
    enter(qtbot, k, "0000")
    assert k.locked
    k.locked = False


# --- configuration -------------------------------------------------------------------------

SECTIONS = ["what-is-an-scr", "contact"]


def test_config_good_file(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        '[kiosk]\nidle_timeout = 60\nlanguages = ["en", "pl", "ur"]\nstart_language = "pl"\n'
        'start_section = "contact"\nattract = false\nattract_period = 2.5\nhide_cursor = false\n'
        f'accessibility_toggle = false\nadmin_pin = "{PIN_HASH}"\n',
        encoding="utf-8",
    )
    c = load_config(path, LANGUAGES, SECTIONS)
    assert (c.idle_timeout, c.languages, c.start_language, c.start_section) == (60, ("en", "pl", "ur"), "pl", "contact")
    assert (c.attract, c.attract_period, c.hide_cursor, c.accessibility_toggle) == (False, 2.5, False, False)
    assert verify_pin(PIN, c.admin_pin_hash) and c.problems == ()


def test_example_config_is_valid() -> None:
    example = Path(__file__).resolve().parent.parent / "packaging" / "kiosk.example.toml"
    assert load_config(example, LANGUAGES, SECTIONS).problems == ()


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        (None, "not found"),
        ("[kiosk\nidle = ", "cannot be read"),
        ("idle_timeout = -3", "idle_timeout must be a number"),
        ('idle_timeout = "soon"', "idle_timeout must be a number"),
        ('languages = ["xx"]', "languages must be a list"),
        ('start_language = "tlh"', "start_language must be one of"),
        ('admin_pin = "1234"', "never a plain PIN"),
        ("hide_cursor = 1", "hide_cursor must be true or false"),
        ("colour = 3", "unknown setting 'colour'"),
    ],
)
def test_config_bad_files_give_safe_defaults(tmp_path: Path, text: str | None, complaint: str, caplog) -> None:
    path = tmp_path / "kiosk.toml"
    if text is not None:
        path.write_text(text, encoding="utf-8")
    c = load_config(path, LANGUAGES, SECTIONS)
    assert any(complaint in p for p in c.problems), c.problems
    assert complaint in caplog.text
    assert c.idle_timeout == 120 and c.admin_pin_hash == ""


def test_broken_config_still_locks(qtbot, leaflet, tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("this is = = not toml", encoding="utf-8")
    window = MainWindow(leaflet, LANGUAGES, None)
    qtbot.addWidget(window)
    k = Kiosk(window, load_config(path, LANGUAGES, SECTIONS), LANGUAGES)
    window.showFullScreen()
    window.close()
    assert window.isVisible() and k.locked
    k.locked = False


def test_set_pin_writes_only_a_salted_hash_and_keeps_comments(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text("# our centre\n[kiosk]\nidle_timeout = 90\n", encoding="utf-8")
    answers = iter(["97531", "97531"])
    assert set_pin_interactively(path, ask=lambda prompt: next(answers)) == 0
    text = path.read_text(encoding="utf-8")
    assert "97531" not in text and "# our centre" in text and "idle_timeout = 90" in text
    first = load_config(path, LANGUAGES, SECTIONS).admin_pin_hash
    assert verify_pin("97531", first) and not verify_pin("97532", first)
    write_pin_hash(path, hash_pin("97531"))
    second = load_config(path, LANGUAGES, SECTIONS).admin_pin_hash
    assert second != first  # a new salt each time
    answers = iter(["12", "12"])
    assert set_pin_interactively(path, ask=lambda prompt: next(answers)) == 2
    answers = iter(["123456", "654321"])
    assert set_pin_interactively(path, ask=lambda prompt: next(answers)) == 2
    assert load_config(path, LANGUAGES, SECTIONS).admin_pin_hash == second


def test_laptop_settings_neither_leak_into_the_kiosk_nor_change(qtbot, leaflet) -> None:
    from leaflet_app.settings import open_settings

    laptop = open_settings()
    laptop.setValue("language", "pl")
    laptop.setValue("display/scale", 2.5)
    laptop.sync()
    window = MainWindow(leaflet, LANGUAGES, open_settings())
    qtbot.addWidget(window)
    window.restore()
    assert current_language() == "pl"  # the laptop's choice, before the kiosk takes over
    window.settings.sync()
    before = Path(laptop.fileName()).read_bytes()
    k = Kiosk(window, KioskConfig(hide_cursor=False), LANGUAGES)
    assert current_language() == "en" and window.display.scale == 1.0 and window.settings is None
    window.set_language("ur")
    window.show_section("contact")
    window.toggle_accessibility_mode()
    k.reset()
    assert Path(laptop.fileName()).read_bytes() == before
    k.locked = False


def test_still_reading_warns_before_the_reset_and_a_tap_keeps_the_session(qtbot, leaflet) -> None:
    window = MainWindow(leaflet, LANGUAGES, None)
    qtbot.addWidget(window)
    k = Kiosk(window, KioskConfig(idle_timeout=1.5, warning=1.0, hide_cursor=False), LANGUAGES)
    window.showFullScreen()
    qtbot.waitExposed(window)
    window.set_language("pl")
    window.show_section("contact")
    warning = k.still_reading
    qtbot.waitUntil(warning.isVisible, timeout=2000)
    assert warning.geometry() == window.rect()  # covers everything, large
    assert warning.question.text() and "1" in warning.countdown.text()
    assert warning.question.font().pixelSize() >= window.height() // 16
    qtbot.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    assert not warning.isVisible()
    assert current_language() == "pl" and window.view.current_section() == "contact"  # kept
    qtbot.waitUntil(warning.isVisible, timeout=2000)  # untouched again: warned again …
    qtbot.waitUntil(lambda: window.pages.currentWidget() is k.attract, timeout=3000)  # … then reset
    assert current_language() == "en" and not warning.isVisible()
    k.locked = False


def test_no_pin_pad_without_a_pin(qtbot, leaflet) -> None:
    window = MainWindow(leaflet, LANGUAGES, None)
    qtbot.addWidget(window)
    k = Kiosk(window, KioskConfig(hide_cursor=False), LANGUAGES)  # no admin_pin
    window.showFullScreen()
    qtbot.waitExposed(window)
    key(qtbot, k, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        | Qt.KeyboardModifier.ShiftModifier)
    k.open_pin_pad()  # the corner's long press ends here too
    assert window.pages.currentWidget() is not k.pin_pad
    k.locked = False


def test_a_tap_on_a_phone_number_shows_it_large_and_keeps_nothing(kiosk: Kiosk, qtbot) -> None:
    w = kiosk.window
    QGuiApplication.clipboard().setText("left by someone")
    w.show_section("contact")
    page = w.view.current_page()
    found = page.document().find("01604 364036")
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 2)
    qtbot.mouseClick(page.viewport(), Qt.MouseButton.LeftButton, pos=page.cursorRect(cursor).center())
    assert w.notice.isVisible() and "01604 364036" in w.notice.text()
    assert QGuiApplication.clipboard().text() == "left by someone"  # not overwritten by the tap
    kiosk.reset()
    assert QGuiApplication.clipboard().text() == "" and not w.notice.isVisible()


def test_the_attract_screen_is_large_and_says_it_can_be_tapped(kiosk: Kiosk, qtbot) -> None:
    kiosk.window.resize(1080, 1920)
    kiosk.show_attract()
    qtbot.wait(5)
    attract = kiosk.attract
    assert attract.language.font().pixelSize() >= attract.height() // 12  # readable from a metre
    assert not attract.hand.pixmap().isNull()
    assert attract.invitation.text()


def test_the_kiosk_leaves_the_exception_hook_alone(qtbot, leaflet) -> None:
    import sys

    before = sys.excepthook
    window = MainWindow(leaflet, LANGUAGES, None)
    qtbot.addWidget(window)
    k = Kiosk(window, KioskConfig(hide_cursor=False), LANGUAGES)
    assert sys.excepthook is before
    k.locked = False


def test_ui_never_imports_the_kiosk() -> None:
    import ast

    from conftest import ROOT

    for path in (ROOT / "leaflet_app" / "ui").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module]
        names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        assert not [n for n in names if n.startswith("leaflet_app.kiosk")], path.name


def test_printing_and_side_by_side_follow_the_configuration(qtbot, leaflet) -> None:
    window = MainWindow(leaflet, LANGUAGES, None)
    qtbot.addWidget(window)
    window.show()
    k = Kiosk(window, KioskConfig(hide_cursor=False, allow_printing=True, side_by_side=False), LANGUAGES)
    offered = lambda b: not b.isHidden() or b.defaultAction() in window.toolbar.more.menu().actions()  # noqa: E731
    assert offered(window.print_button) and window.actions_by_id["print"].isEnabled()
    assert not offered(window.save_pdf_button) and not window.actions_by_id["savePdf"].isEnabled()
    assert not offered(window.side_by_side_button)
    k.locked = False
