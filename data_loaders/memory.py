"""Handing memory a large step has freed back to the operating system.

glibc's allocator keeps what a process frees in its heaps for reuse, and cannot return a heap's
pages while live blocks sit between them. Reading a CSV of a million rows frees about 400 MB at once
(the file's text, its copies for Arrow's reader, the reader's blocks), scattered among the columns
that stay; the process then checked the file with those 400 MB still counted, and its peak was
970 MB instead of 790 MB (issue 16). `malloc_trim(3)` returns such free pages.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import cache


@cache
def _trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, or None on a C library without it (musl, macOS, Windows)."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    return getattr(ctypes.CDLL(name), "malloc_trim", None)


def release_freed_memory() -> bool:
    """Return the C heap's free pages to the operating system after a step that freed a large part of
    it. Takes about 1 ms per 100 MB freed. Returns True when memory was returned, False when none
    was or the C library cannot (then it does nothing)."""
    trim = _trim()
    return bool(trim(0)) if trim is not None else False
