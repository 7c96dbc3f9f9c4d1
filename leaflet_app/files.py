"""Reading and writing files safely.

Reading: only regular files, only up to a limit (a FIFO would hang, ``/dev/zero`` never ends).
Writing: a temporary file beside the target, then one rename, so a failure never leaves half a
file. Used by the catalogues, the kiosk configuration, the text export and the screenshot.
"""

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


def read_bytes_limited(path: Path, limit: int) -> bytes:
    """A regular file's bytes; ``FileNotFoundError`` if missing, ``OSError`` for a FIFO, a device,
    a folder or anything larger than ``limit``."""
    if not path.exists():
        raise FileNotFoundError(f"{path}: not found")
    if not path.is_file():
        raise OSError(f"{path}: not a regular file")
    with path.open("rb") as f:
        data = f.read(limit + 1)
    if len(data) > limit:
        raise OSError(f"{path}: larger than {limit // 1024} kB")
    return data
