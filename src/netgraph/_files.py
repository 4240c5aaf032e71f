"""Atomic file writes: a file is either its old self or its complete new self, never half.

Every writer of netgraph (``to_csv``, ``to_json``, ``to_graphml``, ``to_html``, the report, the
store) writes through :func:`atomic_write` or :func:`atomic_open`: the data go to a temporary
file in the same folder, are flushed and ``fsync``-ed to disk, and the temporary file then
replaces the target with ``os.replace`` (atomic on POSIX and Windows within one file system).
A write that fails half way (a full disk, an exception while rendering, Ctrl-C) leaves the old
file as it was and no temporary file behind.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> atomic_write(folder / "a.txt", "hello").read_text()
'hello'
>>> with atomic_open(folder / "a.txt") as f:
...     _ = f.write("half")
...     raise RuntimeError("rendering failed")
Traceback (most recent call last):
RuntimeError: rendering failed
>>> (folder / "a.txt").read_text(), sorted(p.name for p in folder.iterdir())
('hello', ['a.txt'])
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_open", "atomic_write"]


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike,
    mode: str = "w",
    *,
    encoding: str | None = "utf-8",
    newline: str | None = None,
    private: bool = False,
) -> Iterator[IO[Any]]:
    """Open a temporary file beside ``path``; on a clean exit it replaces ``path`` atomically.

    Parameters
    ----------
    path : str or path-like
        The file to write. Its folder must exist.
    mode : {"w", "wb"}, default "w"
        Text or binary.
    encoding, newline : str, optional
        As for :func:`open` (text mode only).
    private : bool, default False
        Give a new file the permissions 0600 (read and write for the owner only). Otherwise a
        new file gets the usual permissions (0666 less the umask) and a replaced file keeps
        its own.

    If the block raises, the temporary file is removed and ``path`` is left untouched.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open writes whole files: mode 'w' or 'wb', not {mode!r}")
    target = Path(path)
    folder = target.parent
    fd, temp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(
            fd,
            mode,
            encoding=None if "b" in mode else encoding,
            newline=None if "b" in mode else newline,
        ) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _permissions(target, private=private))
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    _sync_folder(folder)


def atomic_write(
    path: str | os.PathLike,
    data: str | bytes,
    *,
    encoding: str = "utf-8",
    newline: str | None = None,
    private: bool = False,
) -> Path:
    """Write ``data`` (text or bytes) to ``path`` atomically; return the path.

    See :func:`atomic_open` for ``private``; text is written with ``encoding``.
    """
    mode = "wb" if isinstance(data, bytes | bytearray | memoryview) else "w"
    with atomic_open(path, mode, encoding=encoding, newline=newline, private=private) as handle:
        handle.write(data)
    return Path(path)


def _permissions(target: Path, *, private: bool) -> int:
    if private:
        return 0o600
    try:
        return target.stat().st_mode & 0o7777  # a replaced file keeps its permissions
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry of the renamed file to disk (POSIX; a no-op where unsupported)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
