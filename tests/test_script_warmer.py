"""Each other script drawn once ahead of need (ui/script_warmer.py), where nobody sees it.

How much quicker the first switch into Urdu gets is measured by benchmarks/bench.py; these
tests pin down what the warm-up does and that a person never sees or waits for it."""

from __future__ import annotations

from conftest import LANGUAGES
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFontInfo

from leaflet_app.app import warm_after_first_paint
from leaflet_app.fonts import families_for
from leaflet_app.i18n import localizer, translator
from leaflet_app.ui import icons
from leaflet_app.ui.script_warmer import ScriptWarmer, languages_to_draw


def scripts(codes: list[str]) -> set[str]:
    return {families_for(code)[0] for code in codes}


def test_one_language_of_each_script_but_the_shown_ones_is_drawn() -> None:
    for shown in ("en", "ur", "pl"):
        chosen = languages_to_draw(LANGUAGES, shown)
        assert len(scripts(chosen)) == len(chosen), chosen  # one each
        assert scripts(chosen) == scripts(LANGUAGES) - scripts([shown])
    assert {"ar", "ur", "bn", "pa"} <= set(languages_to_draw(LANGUAGES, "en"))


def test_the_warm_up_shows_nothing_and_the_first_switch_draws_no_icon(window, qtbot) -> None:
    def icon_px(code: str) -> int:
        return round(QFontInfo(window.fonts_for(localizer(code))[0]).pixelSize() * 1.35)

    other = [code for code in languages_to_draw(LANGUAGES, "en") if icon_px(code) != icon_px("en")]
    assert other, "some script's controls take icons of another size (Arabic's, at 1280x800)"
    qtbot.wait(50)
    before = window.grab().toImage()
    icons._shape.cache_clear()  # as if Urdu's size had never been drawn in this process
    warmer = ScriptWarmer(window, LANGUAGES, ready=lambda: True).start()
    qtbot.waitUntil(lambda: warmer.done, timeout=20000)
    assert set(warmer.drawn) == set(languages_to_draw(LANGUAGES, "en"))
    assert translator().language == "en"
    assert window.grab().toImage() == before, "the warm-up changed what the window shows"
    drawn = icons._shape.cache_info().misses
    window.set_language(other[0])
    qtbot.wait(1)
    assert icons._shape.cache_info().misses == drawn, "the switch drew icons the warm-up should have"


def test_the_first_switch_shows_the_page_made_ahead_in_its_own_language(window, qtbot) -> None:
    window.show_section("law-and-guidance")
    qtbot.wait(1)
    warmer = ScriptWarmer(window, LANGUAGES, ready=lambda: True).start()
    qtbot.waitUntil(lambda: warmer.done, timeout=20000)
    made = {key.language: page for key, page in window.view.shelf._pages.items()
            if key.section == "law-and-guidance"}
    assert set(warmer.drawn) <= set(made)
    assert not any(made[code].isVisible() for code in warmer.drawn)
    urdu = localizer("ur")
    page = made["ur"]
    # Named for a screen reader in Urdu, though made while the window was in English.
    assert page.accessibleName() == urdu.pgettext("law-and-guidance", "The law and guidance")
    assert page.accessibleDescription() == urdu.gettext("Text of the section") != "Text of the section"
    relaid: list[object] = []
    page.document().documentLayout().update.connect(relaid.append)
    window.set_language("ur")
    qtbot.wait(1)
    assert window.view.current_page() is page and page.isVisible()
    assert page.document().toPlainText().startswith(page.accessibleName())
    assert relaid == [], "the page made ahead was laid out again on the switch"


def test_the_warm_up_waits_for_the_catalogues_and_leaves_the_event_loop_free(window, qtbot) -> None:
    ready = False
    warmer = ScriptWarmer(window, LANGUAGES, ready=lambda: ready).start()
    qtbot.wait(600)
    assert warmer.drawn == [] and not warmer.done
    ready = True
    seen_meanwhile: list[bool] = []
    qtbot.waitUntil(lambda: warmer._steps is not None, timeout=2000)
    QTimer.singleShot(0, lambda: seen_meanwhile.append(warmer.done))
    qtbot.waitUntil(lambda: warmer.done, timeout=20000)
    assert seen_meanwhile == [False], "the warm-up held the event loop from start to end"
    assert warmer.drawn


def test_the_app_warms_the_scripts_after_its_first_paint(window, qtbot) -> None:
    catalogues = warm_after_first_paint(window, LANGUAGES)
    window.centralWidget().update()  # its next paint is the "first" one the warm-up waits for
    qtbot.waitUntil(lambda: (w := window.findChild(ScriptWarmer)) is not None and w.done, timeout=30000)
    assert catalogues.finished()
    assert set(window.findChild(ScriptWarmer).drawn) == set(languages_to_draw(LANGUAGES, "en"))


def test_a_failure_while_drawing_ahead_is_logged_and_ends_the_warm_up_only(window, qtbot, caplog) -> None:
    def broken() -> bool:
        raise OSError("the catalogues cannot be read")

    warmer = ScriptWarmer(window, LANGUAGES, ready=broken).start()
    qtbot.waitUntil(lambda: warmer.done, timeout=5000)  # no exception reaches the event loop
    assert warmer.drawn == []
    assert "Drawing a script ahead of need failed" in caplog.text
    window.set_language("ur")  # the switch does the work itself
    qtbot.wait(1)
    assert window.view.current_page().isVisible()

