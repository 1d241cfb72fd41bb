"""How hard the property tests look: one knob for `make test` and `make fuzz`.

`make test` (and CI) run each property test with the example count written in
the test, derandomised (a fixed seed per test, so CI is repeatable and a red
run reproduces). `make fuzz` sets ARGMAP_FUZZ to a multiplier and a fresh
random seed each run, to search longer for the inputs a fixed seed never tries.
"""

from __future__ import annotations

import os


def fuzz_factor() -> int:
    """The multiplier `make fuzz` sets (ARGMAP_FUZZ); 1 otherwise."""
    raw = os.environ.get("ARGMAP_FUZZ", "")
    return max(1, int(raw)) if raw.isdigit() else 1


def examples(n: int) -> int:
    """The example budget of a property test written for `n` examples."""
    return n * fuzz_factor()
