"""Files and folders that are never half-written: the file safety every writer in `training` uses.

`replace_file` puts a file in place by a temporary file, fsync and rename; `atomic_persona_dir` builds a
folder (a persona, a shared base) beside its destination and swaps it in with `replace_dir`, in one
`renameat2(RENAME_EXCHANGE)` where Linux has it, else two renames that `recover_folder` completes after
a kill. The temporary names carry the writer's process id, so a sweep never removes the files of a
writer still running; `lock_folder` is the lock writers in place hold on a folder. Apart from the
checkpoint contract because none of this knows what a persona is, and the bot uses it too.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import os
import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path


def replace_file(path: Path, data: bytes, dir_fd: int | None = None) -> None:
    """Put `data` at `path` atomically and durably: a temporary file beside it, fsynced, renamed over
    it, the folder fsynced. A kill at any moment leaves the old file or the new one, never half.
    With `dir_fd`, `path` is a name in that open folder: the same folder even if it is renamed or
    swapped meanwhile."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666, dir_fd=dir_fd)  # as other files
        with open(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=dir_fd)
        raise
    if dir_fd is None:
        fsync_dir(path.parent)
    else:
        with contextlib.suppress(OSError):  # as fsync_dir: some filesystems refuse it on directories
            os.fsync(dir_fd)


def _fsync_tree(folder: Path) -> None:
    for root, _dirs, files in os.walk(folder):
        for name in files:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fsync_dir(Path(root))


def fsync_dir(folder: Path) -> None:
    """Make a rename inside `folder` durable (a rename is written in the directory, not the file)."""
    with contextlib.suppress(OSError):  # some filesystems refuse fsync on directories
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_RENAME_EXCHANGE = 2
_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
_renameat2 = getattr(_libc, "renameat2", None)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2); False where the system cannot."""
    if _renameat2 is None:
        return False
    at_fdcwd = -100
    rc = _renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


def replace_dir(new: Path, dest: Path) -> None:
    """Put the folder `new` at `dest`, replacing any folder there, atomically where the OS allows."""
    if not dest.exists():
        os.rename(new, dest)
    elif _exchange(new, dest):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the old persona
    else:
        # Fallback: two renames; `recover_folder` restores the old folder if a kill lands between.
        old = dest.with_name(f".old-{dest.name}")
        shutil.rmtree(old, ignore_errors=True)
        os.rename(dest, old)
        os.rename(new, dest)
        shutil.rmtree(old, ignore_errors=True)
    fsync_dir(dest.parent)


@contextlib.contextmanager
def atomic_persona_dir(models_dir: Path, name: str) -> Iterator[Path]:
    """Yield an empty temporary folder inside `models_dir`; on a clean exit it becomes `models_dir/name`.
    (Shared bases are written with it too, with `models_dir/.bases` as the folder.)

    On an exception the temporary folder is removed and `models_dir` is left exactly as it was.
    """
    models_dir.mkdir(parents=True, exist_ok=True)
    tmp = models_dir / f".tmp-{name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        yield tmp
        _fsync_tree(tmp)
        replace_dir(tmp, models_dir / name)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def readable_as_umask_allows(folder: Path) -> None:
    """Give the files in `folder` the permissions the umask allows, before it is published."""
    # transformers writes the weights through a private (0600) temporary file; give them the same
    # permissions as the other files, so a bot running as another user can read them.
    umask = os.umask(0)
    os.umask(umask)
    for path in folder.iterdir():
        if path.is_file():
            os.chmod(path, 0o666 & ~umask)


def recover_folder(folder: Path) -> None:
    """Undo what a kill left in `folder`: restore a folder `replace_dir` set aside mid-swap (or drop it
    when the new one is in place), remove the temporary folders of `atomic_persona_dir` whose writer is
    dead."""
    for entry in folder.iterdir():
        if entry.name.startswith(".old-"):
            dest = folder / entry.name[len(".old-") :]
            if dest.exists():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):  # another process recovered it first
                    os.rename(entry, dest)
        elif entry.name.startswith(".tmp-") and entry.is_dir() and not _writer_alive(entry.name):
            shutil.rmtree(entry, ignore_errors=True)


_TMP_RE = re.compile(r"\.tmp-.+-(\d+)-[0-9a-f]{8}")
# `replace_file`'s temporary file beside its target: `.<name>.tmp-<pid>-<8 hex>`.
_TMP_FILE_RE = re.compile(r"\..+\.tmp-(\d+)-[0-9a-f]{8}")


def _writer_alive(tmp_name: str, pattern: re.Pattern[str] = _TMP_RE) -> bool:
    match = pattern.fullmatch(tmp_name)
    if match is None:
        return False  # not ours, or from before names carried a process id
    try:
        os.kill(int(match.group(1)), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # exists, but belongs to another user
    return True


def dead_writers_file(name: str) -> bool:
    """Whether `name` is a temporary file `replace_file` left beside its target, whose writer is dead."""
    return _TMP_FILE_RE.fullmatch(name) is not None and not _writer_alive(name, _TMP_FILE_RE)


def lock_folder(folder_fd: int, wait: bool = True) -> bool:
    """Take the exclusive lock that writers in place hold on a persona folder (an open `folder_fd`)
    until they close it; the kernel drops it when a writer is killed. With `wait` False, return False
    at once when another holds it."""
    try:
        fcntl.flock(folder_fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True
