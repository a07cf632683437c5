"""An app server's worker reuses a large page's buffers from one render to the next
(candor.allocator): making and freeing megabyte-sized text, as rendering the largest
comparison does, takes fresh pages from the operating system only the first time.
Each case runs in a process of its own, as a worker starts."""

import platform
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(
    platform.libc_ver()[0] != "glibc", reason="the allocator is tuned on glibc only"
)

RENDERS = 50

# A render's large buffers: the page as text, then as bytes, each freed before the next.
RENDER_LIKE = f"""
import resource, sys
sys.path.insert(0, ".")
if sys.argv[1] == "tuned":
    from candor.allocator import keep_large_buffers
    assert keep_large_buffers()
def render(n):
    text = "".join(["<td>✓ Yes</td>"] * 50_000) + str(n)
    body = text.encode()
    return len(body)
render(0)
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for n in range({RENDERS}):
    render(n)
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def page_faults(mode):
    done = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "-c", RENDER_LIKE, mode], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


def test_large_buffers_are_reused_rather_than_mapped_again_for_each_render():
    untuned, tuned = page_faults("untuned"), page_faults("tuned")

    assert untuned > 10 * RENDERS, "each render's buffers are fresh pages by default"
    assert tuned < RENDERS, "a tuned worker faults less than once per render"
