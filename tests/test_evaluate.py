"""Evaluation: gradual strengths and grounded status, checked against hand computations."""

from __future__ import annotations

import pytest

from argmap import evaluate, loads_map
from argmap.evaluate import Status
from tests.conftest import REPO


def test_example_map_dfquad_by_hand() -> None:
    from argmap import load_map

    e = evaluate(load_map(REPO / "maps" / "example.yaml"))
    # accident-risk (0.5) attacked by a 0.7 premise: 0.5 − 0.5·0.7 = 0.15
    assert e.nodes["accident-risk"].strength == pytest.approx(0.15)
    # low-emissions (0.5) attacked by a 0.5 premise: 0.25
    assert e.nodes["low-emissions"].strength == pytest.approx(0.25)
    # cheap-power's link is undercut by a 0.5 premise: the link carries 0.5·(1 − 0.5) = 0.25
    assert e.links["build-plant.pro.2"].base == pytest.approx(0.5)
    assert e.links["build-plant.pro.2"].strength == pytest.approx(0.25)
    assert e.nodes["cheap-power"].strength == pytest.approx(0.5)
    # build-plant: supports F(0.25, 0.25) = 0.4375, attack F(0.15) = 0.15:
    # 0.5 + 0.5·(0.4375 − 0.15) = 0.64375
    assert e.nodes["build-plant"].strength == pytest.approx(0.64375)
    assert e.nodes["build-plant"].status is Status.ACCEPTED
    assert e.nodes["accident-risk"].status is Status.REJECTED
    assert e.links["build-plant.pro.2"].status is Status.REJECTED
    assert e.converged and e.residual == 0.0 and e.iterations == 0


def test_even_cycle_where_naive_iteration_oscillates() -> None:
    # a and b attack each other, base 1. Naive iteration s ← f(s) from (1, 1) gives
    # (0, 0), (1, 1), ... forever. The continuous model ds/dt = f(s) − s keeps
    # s_a − s_b constant (both rates are 1 − s_a − s_b), so from (1, 1) it reaches
    # s_a = s_b with s_a = 1 − s_b: 0.5 each. Grounded: both undecided.
    m = loads_map(
        """argmap: 1
title: even cycle
allow-cycles: true
claims:
  a: {text: A., weight: 1, con: [{ref: b}]}
  b: {text: B., weight: 1, con: [{ref: a}]}
""",
        "cycle.yaml",
    )
    e = evaluate(m)
    assert e.converged
    assert e.residual < 1e-9
    assert e.nodes["a"].strength == pytest.approx(0.5, abs=1e-6)
    assert e.nodes["b"].strength == pytest.approx(0.5, abs=1e-6)
    assert e.nodes["a"].status is Status.UNDECIDED
