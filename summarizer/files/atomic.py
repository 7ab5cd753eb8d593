"""Writing files safely, whatever is at the path.

- A regular file (new or existing) is replaced atomically: a temporary file beside it, fsynced, renamed over it,
  so a reader sees the old file or the new one, never half of either. An existing file keeps its permission bits;
  a new one gets what the umask allows (0666 & ~umask), like any file the shell creates.
- A symbolic link is followed: its target is replaced (atomically, beside the target), never the link itself.
- Standard output, character devices and FIFOs (`-o /dev/stdout`, `-o /dev/null`, a named pipe) are written
  through, never replaced; a FIFO nobody reads is an error, not a hang.
- Anything else (a socket, a block device, a folder) is refused.

Every failure is one StorageError that names the path and says why.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
import threading
from collections.abc import Iterable
from pathlib import Path

from summarizer.errors import StorageError

_UMASK_LOCK = threading.Lock()


def current_umask() -> int:
    """The process umask, read without changing it when /proc allows (os.umask can only be read by setting it)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def new_file_mode() -> int:
    return 0o666 & ~current_umask()


def storage_error(path: str | Path, exc: OSError, verb: str = "cannot write") -> StorageError:
    """One line for an operating-system error on `path`."""
    if exc.errno == errno.EEXIST or isinstance(exc, NotADirectoryError):
        reason = "a file is in the way where a folder is needed"
    elif exc.errno == errno.ELOOP:
        reason = "too many levels of symbolic links (a link loop?)"
    else:
        reason = exc.strerror or str(exc)
    return StorageError(f"{verb} {path}: {reason}")


def _same_file_as_stdout(info: os.stat_result) -> bool:
    try:
        out = os.fstat(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):  # no stdout, or one without a file descriptor
        return False
    return (out.st_dev, out.st_ino) == (info.st_dev, info.st_ino)


def _write_through(target: Path, lines: Iterable[str]) -> None:
    """Write into an existing device or FIFO as it is: no temporary file, no rename, no truncation of anything."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK | os.O_CLOEXEC)  # never O_CREAT: it exists
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise StorageError(f"cannot write {target}: a FIFO that nobody is reading; start the reader first") from exc
        raise storage_error(target, exc) from exc
    try:
        info = os.fstat(fd)
        if not (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):  # it changed since we looked
            raise StorageError(f"cannot write {target}: it changed while being opened; try again")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "w", encoding="utf-8", closefd=False) as handle:
            for line in lines:
                handle.write(line)
    except OSError as exc:
        raise storage_error(target, exc) from exc
    finally:
        os.close(fd)


def _write_stdout(lines: Iterable[str]) -> None:
    try:
        for line in lines:
            sys.stdout.write(line)
        sys.stdout.flush()
    except OSError as exc:
        raise storage_error("standard output", exc) from exc


def _replace(target: Path, lines: Iterable[str], mode: int) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        if exc.errno == errno.ENOENT and target.parent.is_dir():  # e.g. /proc: a folder that takes no new files
            raise StorageError(f"cannot write {target}: {target.parent} does not accept new files") from exc
        raise storage_error(target, exc) from exc
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            for line in lines:
                handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise storage_error(target, exc) from exc
        raise


def write_lines_atomic(path: str | Path, lines: Iterable[str]) -> None:
    """Write streamed text to `path` (see the module notes for what happens with links, devices and FIFOs)."""
    target = Path(path)
    try:
        info: os.stat_result | None = os.stat(target)  # follows symbolic links
    except FileNotFoundError:
        info = None  # a new file (or a link to one that does not exist yet)
    except OSError as exc:
        raise storage_error(target, exc) from exc
    if info is None:
        _replace(Path(os.path.realpath(target)), lines, new_file_mode())
    elif _same_file_as_stdout(info):
        _write_stdout(lines)
    elif stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
        _write_through(target, lines)
    elif stat.S_ISREG(info.st_mode):
        _replace(Path(os.path.realpath(target)), lines, stat.S_IMODE(info.st_mode))
    elif stat.S_ISDIR(info.st_mode):
        raise StorageError(f"cannot write {target}: it is a folder")
    else:
        raise StorageError(f"cannot write {target}: not a regular file, a character device or a FIFO; "
                           "refusing to replace it")


def write_text_atomic(path: str | Path, text: str) -> None:
    write_lines_atomic(path, (text,))
