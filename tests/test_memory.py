import ctypes.util
import platform

import pytest

from data_loaders.memory import release_freed_memory

glibc = pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc" or ctypes.util.find_library("c") is None,
    reason="malloc_trim is glibc's",
)


def _resident_mb() -> int:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) // 1024 for line in status if line.startswith("VmRSS:"))


@glibc
def test_freed_blocks_between_live_ones_go_back_to_the_system():
    # Blocks below glibc's mmap threshold, every other one kept: the freed half stays in the heap.
    blocks = [bytearray(60_000) for _ in range(4_000)]
    kept = blocks[::2]
    del blocks
    before = _resident_mb()
    assert release_freed_memory() is True
    after = _resident_mb()
    assert before - after >= 60, (before, after)  # about 120 MB were freed
    assert len(kept) == 2_000 and all(len(block) == 60_000 for block in kept)
