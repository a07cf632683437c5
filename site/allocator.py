"""The C allocator of an app server's process, told to keep a page's large buffers.

A large comparison is 370 KB of HTML, held a few times over as it is rendered (as text
of 740 KB: its check marks and stars take two bytes a character), encoded and
compressed. glibc's malloc gives each block that large its own mapping from the
operating system and hands it back when freed, or returns the top of its heap once
more than a few hundred KB lie free there. Either way the next render's buffers are
fresh pages, each touched for the first time: about 600 page faults per render of the
largest comparison, 1.7 to 2.4 ms of kernel time in its 30 to 40 ms, which counting
instructions (bench/instructions.py) never sees. Blocks under 4 MB taken from the
heap, and up to 8 MB of it kept free, the same render faults about 10 times
(docs/benchmark.md). A worker keeps at most those 8 MB more than it uses.

Python has no setting for this: ``mallopt`` is called through ctypes where the C
library is glibc, and nothing is done elsewhere (musl, macOS), where pages render
the same, only without this saving."""

import ctypes
import platform

# mallopt's parameters (malloc.h).
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3

MMAP_THRESHOLD = 4 * 1024 * 1024
TRIM_THRESHOLD = 8 * 1024 * 1024


def keep_large_buffers():
    """Set both thresholds (setting one alone stops glibc adapting the other, which
    faults more than the defaults). True if the C library took them."""
    if platform.libc_ver()[0] != "glibc":
        return False
    # glibc's own name for itself: ctypes.util.find_library would run ldconfig in a
    # subprocess as each worker starts.
    libc = ctypes.CDLL("libc.so.6")
    took_mmap = libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)
    took_trim = libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    return bool(took_mmap and took_trim)
