"""Paths that were quadratic stay linear: sizes that would not finish under a generous alarm if
they were (the speed itself is measured by `make bench`, not here)."""

from __future__ import annotations

import pytest

from argmap.listings import actor_rows
from argmap.load import loads_map
from argmap.summary import summarise
from tests.guards import must_finish


def test_a_chain_of_3000_claims_linked_by_ref_is_summarised() -> None:
    # Before: each claim walked the whole chain beneath it (3,000 claims: about 60 s).
    lines = ["argmap: 1", "title: Chain", "actors:", "  a: {name: A}", "claims:"]
    for i in range(1, 3_001):
        lines += [f"  c{i}:", f"    text: Claim {i}.", "    by: a", "    con:", f"      - No {i}."]
        if i > 1:
            lines.append(f"      - ref: c{i - 1}")
    m = loads_map("\n".join(lines) + "\n", "chain.yaml")
    with must_finish(20):
        rows = summarise(m).rows
        actors = actor_rows(m)
    # The claim beneath counts once, against; its own objections are in its own row.
    assert (rows[-1].premises, rows[-1].pro_total, rows[-1].con_total) == (2, 0, 2)
    assert len(actors[0].claims_for) == 3_000


@pytest.mark.slow
def test_a_map_of_15000_claims_is_drawn_with_its_evaluation() -> None:
    # Before: each claim rebuilt the set of drawn nodes to ask whether it was drawn
    # (15,000 claims of 30,000 nodes: about a minute).
    from argmap.evaluate import evaluate
    from argmap.render import render_dot

    lines = ["argmap: 1", "title: Wide", "actors:", "  a: {name: A}", "claims:"]
    for i in range(1, 15_001):
        lines += [f"  c{i}:", f"    text: Claim {i}.", "    con:", f"      - No {i}."]
    m = loads_map("\n".join(lines) + "\n", "wide.yaml")
    evaluation = evaluate(m)
    with must_finish(30):
        dot = render_dot(m, evaluation)
    assert dot.count('class="claim') == 15_000
