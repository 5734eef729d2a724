"""A deterministic zip writer: deflated members with a fixed date and mode, byte for byte as zipfile writes them.

Why not zipfile: it deflates every member again, and the template's parts are the same bytes in
every deck; here the deflated form is kept per process, keyed by the member's bytes themselves,
so a cached entry can never be stale. tests/test_deck_package.py compares the archive with zipfile's.
"""

from __future__ import annotations

import io
import struct
import zlib
from functools import lru_cache

ZIP_DATE = (2025, 1, 1, 0, 0, 0)
VERSION = 20  # zipfile's default "version made by / needed to extract" (2.0)
DEFLATED = 8
UNIX = 3
MODE = 0o644 << 16
UTF8_NAME = 0x800
LOCAL = struct.Struct("<4s2B4HL2L2H")
CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
END = struct.Struct("<4s4H2LH")
LIMIT = (1 << 31) - 1  # where zipfile switches to zip64 records; decks stay far below


def _dos(date_time: tuple[int, ...]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day


DOS_TIME, DOS_DATE = _dos(ZIP_DATE)


def _deflate(data: bytes) -> tuple[bytes, int]:
    """Raw deflate at zlib's default level, as zipfile does, and the CRC-32."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data)


_deflate_kept = lru_cache(maxsize=256)(_deflate)
KEPT_MAX = 32 * 1024  # Why: XML parts are a few KiB; pictures are bigger and would make the cache hold megabytes


class ZipWriter:
    """Members in the order written, then the central directory on `finish()`."""

    def __init__(self):
        self.out = io.BytesIO()
        self.entries: list[bytes] = []

    def write(self, name: str, data: bytes) -> None:
        if len(data) * 1.05 > LIMIT or self.out.tell() > LIMIT:
            raise ValueError("too large for a zip without zip64 records")
        packed, crc = _deflate_kept(data) if len(data) <= KEPT_MAX else _deflate(data)
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), UTF8_NAME
        offset = self.out.tell()
        sizes = (crc, len(packed), len(data), len(encoded))
        self.out.write(LOCAL.pack(b"PK\003\004", VERSION, 0, flags, DEFLATED, DOS_TIME, DOS_DATE, *sizes, 0))
        self.out.write(encoded)
        self.out.write(packed)
        central = CENTRAL.pack(
            b"PK\001\002", VERSION, UNIX, VERSION, 0, flags, DEFLATED, DOS_TIME, DOS_DATE, *sizes, 0, 0, 0, 0, MODE,
            offset,
        )
        self.entries.append(central + encoded)

    def finish(self) -> bytes:
        start = self.out.tell()
        for entry in self.entries:
            self.out.write(entry)
        size = self.out.tell() - start
        self.out.write(END.pack(b"PK\005\006", 0, 0, len(self.entries), len(self.entries), size, start, 0))
        return self.out.getvalue()
