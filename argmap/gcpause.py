"""One documented piece of process-wide state: pausing Python's cyclic garbage collector.

Loading and evaluating a large map build hundreds of thousands of small objects that hold
no reference cycles; the cyclic collector would walk them again and again for nothing (it
costs more than the work). Reference counting still frees everything, so pausing the
collector changes only speed. `gc_paused()` restores the collector's state on the way out,
errors included, and nests: an embedding program that disabled it finds it disabled.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off; back as it was afterwards."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
