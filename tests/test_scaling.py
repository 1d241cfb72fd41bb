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


def test_the_cycle_search_visits_each_node_once_however_many_routes_lead_to_it() -> None:
    # 40 levels of two claims, each attacking both of the level below: 2^40 routes from the
    # top to the bottom, 80 claims. A search that forgot what it had finished walks them all.
    from argmap.validate import find_cycle

    lines = ["argmap: 1", "title: Ladder", "claims:", "  x0: X0.", "  y0: Y0."]
    for i in range(1, 41):
        for side in "xy":
            lines += [f"  {side}{i}:", f"    text: {side.upper()}{i}.", "    con:"]
            lines += [f"      - ref: x{i - 1}", f"      - ref: y{i - 1}"]
    m = loads_map("\n".join(lines) + "\n", "ladder.yaml")
    with must_finish(10):
        assert find_cycle(m) is None
        assert find_cycle(m, [lk.id for lk in m.links]) is None
