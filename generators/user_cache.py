"""The user's cache folder: files written whole or not at all, kept bounded, read back only when their checksum holds."""

from __future__ import annotations

import os
import zlib
from pathlib import Path


def cache_dir(name: str) -> Path:
    """A folder of ours under the user's cache (XDG_CACHE_HOME or ~/.cache); RuntimeError without a home folder."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "lespakket" / name


def checksum_name(key: str) -> str:
    """A short file name that stands for `key`.

    Why two checksums and no sha256: the no-op check names cache files too, and loading OpenSSL
    took 5-15 ms of it; a clash of names only costs work done again, and readers check what they read.
    """
    data = key.encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def cache_file(folder: str, name: str) -> Path | None:
    """The file `name` in one of our cache folders; None without a home folder to find the cache in."""
    try:
        return cache_dir(folder) / name
    except RuntimeError:
        return None


def store_checked(target: Path, content: bytes, keep: int | None = None) -> None:
    """`store_in_cache` with a sha256 of `content` in front, for `read_checked`."""
    import hashlib

    store_in_cache(target, hashlib.sha256(content).digest() + content, keep)


def read_checked(path: Path | None, limit: int = 64 << 20) -> bytes | None:
    """What `store_checked` wrote to `path`, or None when it is missing, damaged, not a regular file or over `limit`.

    Why: whatever comes back from the cache reaches a school's files; a flipped byte must cost the work again,
    never change an output.
    """
    import hashlib
    import stat

    if path is None:
        return None
    try:
        # Why O_NONBLOCK and the check on the open file: a FIFO or device put in its place must not block or flood.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit + 32:
            return None
        stored = handle.read(limit + 33)
    digest, content = stored[:32], stored[32:]
    return content if len(stored) >= 32 and hashlib.sha256(content).digest() == digest else None


def store_in_cache(target: Path, content: bytes, keep: int | None = None) -> None:
    """Write a cache file whole or not at all; best effort, since a cache that cannot be written only costs time.

    With `keep`, the folder then keeps only its `keep` most recently written files. Why: cache files
    are named after things that come and go (output folders, decks, installed dictionaries), and a
    cache must not grow without end; running the tests alone used to leave thousands of files.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(content)
        os.replace(partial, target)
    except OSError:
        return
    if keep is not None:
        keep_newest(target.parent, keep)


def keep_newest(folder: Path, keep: int) -> None:
    """Remove all but the `keep` most recently written files of a cache folder (best effort)."""
    try:
        with os.scandir(folder) as entries:
            files = [(entry.stat().st_mtime_ns, entry.path) for entry in entries if entry.is_file()]
    except OSError:
        return
    for _, path in sorted(files, reverse=True)[keep:]:
        try:
            os.unlink(path)
        except OSError:
            pass  # Why: another build may have removed it first
