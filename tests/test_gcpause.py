"""Loading and evaluating pause the cyclic garbage collector and leave it as they found it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from argmap import evaluate, loads_map
from argmap.errors import MapLoadError
from argmap.gcpause import gc_paused

MAP = "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C.\n    con: [D.]\n"


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    gc.enable() if was else gc.disable()


def test_load_and_evaluate_leave_an_enabled_collector_enabled(collector: None) -> None:
    gc.enable()
    evaluate(loads_map(MAP))
    assert gc.isenabled()
    with pytest.raises(MapLoadError):
        loads_map("argmap: 1\ntitle: T\n")
    assert gc.isenabled()


def test_a_collector_the_caller_disabled_stays_disabled(collector: None) -> None:
    gc.disable()
    evaluate(loads_map(MAP))
    assert not gc.isenabled()


def test_the_collector_is_off_inside_and_back_on_after_an_error(collector: None) -> None:
    gc.enable()
    with pytest.raises(ValueError), gc_paused():
        assert not gc.isenabled()
        raise ValueError
    assert gc.isenabled()
