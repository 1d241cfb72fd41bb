"""A guard for tests of paths that must stay linear: fail, not hang, when one goes slow."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

GUARD_SECONDS = 20


@contextmanager
def must_finish(seconds: int = GUARD_SECONDS) -> Iterator[None]:
    """Fail (not hang) if the body runs longer than `seconds`: a guard, not a measurement."""

    def expire(signum: int, frame: object) -> None:
        raise AssertionError(f"still running after {seconds} s: not linear")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
