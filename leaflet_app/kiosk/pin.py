"""The administrator PIN: stored only as a salted scrypt hash; wrong guesses back off.

Format of the stored value: ``scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>``.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field

N, R, P = 2**14, 8, 1
PIN_MIN, PIN_MAX = 4, 12


def valid_pin(pin: str) -> bool:
    return pin.isdigit() and pin.isascii() and PIN_MIN <= len(pin) <= PIN_MAX


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return f"scrypt${N}${R}${P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.split("$")
        if kind != "scrypt":
            return False
        actual = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(actual.hex(), digest)


_HEX = frozenset("0123456789abcdef")


def looks_like_hash(stored: str) -> bool:
    """Whether ``stored`` is a hash ``hash_pin`` could have written, with sane cost settings
    (a garbage value would let no PIN ever match; a huge ``n`` would hang the PIN pad)."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return False
    n, r, p, salt, digest = parts[1:]
    if not (n.isdigit() and r.isdigit() and p.isdigit()):
        return False
    n_, r_, p_ = int(n), int(r), int(p)
    if not (2**10 <= n_ <= 2**20 and n_ & (n_ - 1) == 0 and 1 <= r_ <= 32 and 1 <= p_ <= 16):
        return False
    return 16 <= len(salt) <= 128 and len(salt) % 2 == 0 and len(digest) == 64 and set(salt + digest) <= _HEX


@dataclass
class Backoff:
    """After ``free`` wrong PINs, each further wrong PIN locks the pad for longer: 30 s, 60 s, 120 s…"""

    free: int = 3
    first_wait: float = 30.0
    clock: Callable[[], float] = time.monotonic
    failures: int = 0
    locked_until: float = field(default=0.0)

    def seconds_left(self) -> int:
        return max(0, int(self.locked_until - self.clock() + 0.999))

    def wrong(self) -> None:
        self.failures += 1
        if self.failures >= self.free:
            self.locked_until = self.clock() + self.first_wait * 2 ** (self.failures - self.free)

    def right(self) -> None:
        self.failures, self.locked_until = 0, 0.0
