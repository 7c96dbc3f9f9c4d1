"""Edges that mutation testing found untested: the kiosk's defaults and limits, exact messages,
and the review status arithmetic."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from conftest import LANGUAGES

from leaflet_app.catalogues import ReviewStatus
from leaflet_app.kiosk.config import MAX_CONFIG_BYTES, KioskConfig, load_config

SECTIONS = ["what-is-an-scr", "contact"]


def test_the_defaults_are_the_safe_ones() -> None:
    c = KioskConfig()
    assert (c.idle_timeout, c.attract, c.attract_period, c.hide_cursor, c.accessibility_toggle) == (
        120.0, True, 4.0, True, True)
    assert (c.languages, c.start_language, c.start_section, c.admin_pin_hash, c.problems) == ((), "en", "", "", ())
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.idle_timeout = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    ("key", "value", "ok"),
    [("idle_timeout", 5, True), ("idle_timeout", 4.99, False), ("idle_timeout", 86400, True),
     ("idle_timeout", 86400.5, False), ("attract_period", 1, True), ("attract_period", 0.99, False),
     ("attract_period", 60, True), ("attract_period", 60.01, False)],
)
def test_number_limits_are_inclusive(tmp_path: Path, key: str, value: float, ok: bool) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text(f"{key} = {value}\n", encoding="utf-8")
    c = load_config(path, LANGUAGES, SECTIONS)
    assert (getattr(c, key) == value) is ok
    assert (not any(f"{key} must be" in p for p in c.problems)) is ok


def test_exact_messages(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_text('hide_cursor = "no"\nidle_timeout = 2\nstart_section = "x"\nlanguages = ["xx"]\n', encoding="utf-8")
    problems = load_config(path, ["en", "pl"], SECTIONS).problems
    assert problems == (
        f"{path}: idle_timeout must be a number from 5 to 86400, not '2'",
        f"{path}: hide_cursor must be true or false, not 'no'",
        f"{path}: start_section must be one of what-is-an-scr, contact, not 'x'",
        f"{path}: languages must be a list of codes from en, pl",
    )
    path.write_text("kiosk = 5\n", encoding="utf-8")
    assert load_config(path, LANGUAGES, SECTIONS).problems == (
        f"{path}: 'kiosk' must be a table ([kiosk]), not '5'; using safe defaults (kiosk still locked)",)
    missing = tmp_path / "none.toml"
    assert load_config(missing, LANGUAGES, SECTIONS).problems == (
        f"{missing}: not found; using safe defaults (kiosk still locked)",)


def test_a_bom_is_accepted_and_the_size_limit_is_exact(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.toml"
    path.write_bytes(b"\xef\xbb\xbfidle_timeout = 60\n")
    assert load_config(path, LANGUAGES, SECTIONS).idle_timeout == 60
    body = b"idle_timeout = 60\n"
    path.write_bytes(body + b"#" * (MAX_CONFIG_BYTES - len(body)))
    assert load_config(path, LANGUAGES, SECTIONS).idle_timeout == 60 and MAX_CONFIG_BYTES == 256 * 1024
    path.write_bytes(body + b"#" * (MAX_CONFIG_BYTES - len(body) + 1))
    assert load_config(path, LANGUAGES, SECTIONS).problems[0].endswith("using safe defaults (kiosk still locked)")


@pytest.mark.parametrize(
    ("status", "fraction", "percent", "state"),
    [(ReviewStatus(0, 0, 0), 1.0, 100, "checked"), (ReviewStatus(98, 98, 49), 0.5, 50, "draft"),
     (ReviewStatus(99, 98, 98), 98 / 99, 98, "incomplete"), (ReviewStatus(3, 3, 3), 1.0, 100, "checked"),
     (ReviewStatus(1, 1, 0), 0.0, 0, "draft"), (ReviewStatus(3, 3, 1), 1 / 3, 33, "draft")],
)
def test_review_status_arithmetic(status: ReviewStatus, fraction: float, percent: int, state: str) -> None:
    assert status.fraction_checked == pytest.approx(fraction)
    assert status.percent_checked == percent and status.state == state
    with pytest.raises(AttributeError):
        status.total = 5  # type: ignore[misc]
