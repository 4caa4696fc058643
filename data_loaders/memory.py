"""Handing memory a large step has freed back to the operating system.

glibc's allocator keeps what a process frees in its heaps for reuse, and cannot return a heap's
pages while live blocks sit between them. Reading a CSV of a million rows frees about 400 MB at once
(the file's text, its copies for Arrow's reader, the reader's blocks), scattered among the columns
that stay; the process then checked the file with those 400 MB still counted, and its peak was
970 MB instead of about 780 MB (issue 16). `malloc_trim(3)` returns such free pages.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from functools import cache


@cache
def _trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, or None where the C library has none (musl, macOS, Windows)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL(None).malloc_trim  # the C library this process already uses
    except (OSError, AttributeError):
        return None
    trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
    return trim


def release_freed_memory() -> bool:
    """Return the C heap's free pages to the operating system after a step that freed a large part of
    it (about 50 ms for 200 MB freed in pieces). Returns True when memory was returned, False when
    none was or the C library cannot (then it does nothing)."""
    trim = _trim()
    return bool(trim(0)) if trim is not None else False
