"""The PIN rules at their edges: lengths, the stored hash's shape and cost limits, the back-off."""

from __future__ import annotations

import re

import pytest

from leaflet_app.kiosk.pin import Backoff, hash_pin, looks_like_hash, valid_pin, verify_pin


@pytest.mark.parametrize(("pin", "ok"), [("123", False), ("1234", True), ("123456789012", True),
                                         ("1234567890123", False), ("12a4", False), ("١٢٣٤", False), ("", False)])
def test_a_pin_is_4_to_12_ascii_digits(pin: str, ok: bool) -> None:
    assert valid_pin(pin) is ok


def test_the_stored_hash_is_salted_scrypt_at_the_documented_cost() -> None:
    stored = hash_pin("2468", salt=bytes(range(16)))
    assert stored == f"scrypt$16384$8$1${bytes(range(16)).hex()}${stored.rsplit('$', 1)[1]}"
    assert re.fullmatch(r"scrypt\$16384\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}", hash_pin("2468"))
    assert hash_pin("2468") != hash_pin("2468")  # a fresh salt each time
    assert verify_pin("2468", stored) and not verify_pin("2469", stored)


def shaped(n: int = 2**14, r: int = 8, p: int = 1, salt: str = "ab" * 16, digest: str = "cd" * 32) -> str:
    return f"scrypt${n}${r}${p}${salt}${digest}"


@pytest.mark.parametrize(
    ("stored", "ok"),
    [
        (shaped(), True),
        (shaped(n=2**10), True), (shaped(n=2**9), False), (shaped(n=2**20), True), (shaped(n=2**21), False),
        (shaped(n=3 * 2**10), False), (shaped(n=2**10 + 2), False),
        (shaped(r=1), True), (shaped(r=0), False), (shaped(r=32), True), (shaped(r=33), False),
        (shaped(p=1), True), (shaped(p=0), False), (shaped(p=16), True), (shaped(p=17), False),
        (shaped(salt="ab" * 8), True), (shaped(salt="ab" * 7), False), (shaped(salt="ab" * 64), True),
        (shaped(salt="ab" * 65), False), (shaped(salt="abc" * 7), False), (shaped(salt="AB" * 16), False),
        (shaped(digest="cd" * 31), False), (shaped(digest="cd" * 33), False), (shaped(digest="xy" * 32), False),
        ("scrypt$1e4$8$1$" + "ab" * 16 + "$" + "cd" * 32, False), ("scrypt$16384$x$1$" + "ab" * 16 + "$" + "cd" * 32, False),
        ("scrypt$16384$8$-1$" + "ab" * 16 + "$" + "cd" * 32, False),
        ("bcrypt" + shaped()[6:], False), (shaped() + "$", False), ("", False),
    ],
)
def test_only_a_hash_set_pin_could_write_is_accepted(stored: str, ok: bool) -> None:
    assert looks_like_hash(stored) is ok


def test_the_back_off_as_shipped() -> None:
    now = [0.0]
    backoff = Backoff(clock=lambda: now[0])  # the defaults, as the kiosk uses them
    assert backoff.seconds_left() == 0
    backoff.wrong()
    backoff.wrong()
    assert backoff.seconds_left() == 0  # two wrong PINs are free
    backoff.wrong()
    assert backoff.seconds_left() == 30
    now[0] = 29.5
    assert backoff.seconds_left() == 1
    now[0] = 30.0
    assert backoff.seconds_left() == 0
    backoff.wrong()
    assert backoff.seconds_left() == 60  # each further one doubles the wait
    backoff.right()
    assert backoff.seconds_left() == 0 and backoff.failures == 0
