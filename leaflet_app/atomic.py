"""Writing files so that a failure never leaves half a file: a temporary file beside the target,
then one rename. Used by the text export, the screenshot and the kiosk PIN writer."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextmanager
def replacing(path: Path, new_mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; when the block ends without an exception it is
    moved over ``path`` in one step, otherwise it is removed and ``path`` is untouched.

    A symbolic link is followed (the file it points to is replaced, the link stays); the
    replaced file keeps its permissions (a 0600 file stays 0600); a new file gets ``new_mode``,
    or the usual mode for the user's umask.
    """
    target = path.resolve()
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except FileNotFoundError:
            mode = _default_mode() if new_mode is None else new_mode
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_text(path: Path, text: str, new_mode: int | None = None) -> None:
    with replacing(path, new_mode) as tmp:
        with tmp.open("w", encoding="utf-8", newline="\n") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
