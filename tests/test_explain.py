"""Explanations and robustness (argmap/explain.py) on worked examples computed by hand, and
the premises counted twice (argmap/routes.py, validate's W210).

DF-QuAD by hand: each side aggregates as F = 1 − Π(1 − vᵢ); with attack va and support vs,
s = b − b·(va − vs) when va ≥ vs, else s = b + (1 − b)·(vs − va). A node with nothing on
either side keeps its base score."""

from __future__ import annotations

import gc
import importlib
import itertools
import json
import random
from pathlib import Path

import attrs
import pytest

from argmap import evaluate, load_map, loads_map
from argmap.evaluate import IN, OUT, UNDEC
from argmap.explain import (
    SIDE_EPSILON,
    Explanation,
    _Context,
    _incremental,
    _users_in_cone,
    _walk,
    explain,
    flip_sentence,
    objections,
    robustness_sentences,
    side,
    status_words,
    why_lines,
    without,
)
from argmap.routes import repeated_premises
from argmap.validate import validate_map
from benchmarks.generate import generate_map
from tests.conftest import MAPS, Invoke

# c (0.5) is supported by p (0.8) and opposed by q (0.6), which r (0.5, reconstructed) opposes.
#   r = 0.5;  q = 0.6 − 0.6·0.5 = 0.3 (OUT: r is IN);  p = 0.8
#   c: vs = 0.8, va = 0.3 → 0.5 + 0.5·(0.8 − 0.3) = 0.75, IN (its one objection q is OUT)
WORKED = """\
argmap: 1
title: Worked example
claims:
  c:
    text: C.
    pro:
      - {id: p, text: P., weight: 0.8}
    con:
      - id: q
        text: Q.
        weight: 0.6
        con:
          - {id: r, text: R., implicit: true}
"""

# x supports c directly and also supports y, which opposes c: x bears on c both ways.
#   x = 0.5;  y = 0.5 + 0.5·0.5 = 0.75;  c: va = 0.75, vs = 0.5 → 0.5 − 0.5·0.25 = 0.375, OUT
TWO_ROUTES = """\
argmap: 1
title: Two routes
claims:
  c:
    text: C.
    pro:
      - {id: x, text: X.}
    con:
      - id: y
        text: Y.
        pro: [{ref: x}]
"""


def one(text: str, node: str | None = None) -> Explanation:
    m = loads_map(text, "map.yaml")
    return explain(m, evaluate(m), None if node is None else [node])[0]


def test_contributions_are_the_strength_with_and_without_each_premise() -> None:
    x = one(WORKED)
    assert (x.node, x.strength, x.status, x.unanswered, x.unopposed) == ("c", 0.75, "in", 0, False)
    assert x.contributions is not None
    got = [
        (c.premise, round(c.contribution, 6), round(c.without, 6), c.status_without)
        for c in x.contributions
    ]
    assert got == [
        # without p: c has only va = 0.3 → 0.5 − 0.5·0.3 = 0.35; q still OUT, c IN
        ("p", 0.4, 0.35, "in"),
        # without q: only vs = 0.8 → 0.5 + 0.5·0.8 = 0.9
        ("q", -0.15, 0.9, "in"),
        # without r: q keeps its 0.6 and is IN → c: 0.5 + 0.5·(0.8 − 0.6) = 0.6, OUT
        ("r", 0.15, 0.6, "out"),
    ]  # sorted by the size of the change, then by id (q and r tie at 0.15)


def test_the_smallest_flip_is_found_exhaustively() -> None:
    x = one(WORKED)
    assert x.flip is not None
    # removing p alone takes c from 0.75 to 0.35, across 0.5 (r alone would change its status,
    # but p moves it furthest and is tried first; both are sets of one)
    assert x.flip.as_data() == {
        "removed": ["p"],
        "strength": 0.35,
        "status": "in",
        "smallest": True,
    }


def test_robustness_range_is_exact_at_the_corners_and_without_implicit_premises() -> None:
    r = one(WORKED).robustness
    assert r is not None
    # Every premise bears on c one way: p and r raise it, q lowers it. The corners:
    #   low:  c 0.3, p 0.6, q 0.8, r 0.3 → q = 0.8 − 0.8·0.3 = 0.56; c = 0.3 + 0.7·(0.6 − 0.56)
    #         = 0.328
    #   high: c 0.7, p 1.0, q 0.4, r 0.7 → q = 0.4 − 0.4·0.7 = 0.12; c = 0.7 + 0.3·(1 − 0.12)
    #         = 0.964
    # Without r (the implicit premise) c is 0.6 and falls (see the contributions).
    assert r.as_data() == {
        "robust": False,
        "range": [0.328, 0.964],
        "spread": 0.2,
        "method": "exact",
        "samples": 0,
        "seed": None,
        "without_implicit": {"strength": 0.6, "status": "out"},
        "reasons": [
            "its strength ranges from 0.33 to 0.96 when base scores vary by ±0.2, across 0.5",
            "without its reconstructed (implicit) premises it falls",
        ],
    }


def test_a_verdict_that_holds_across_the_range_is_robust() -> None:
    # c = 0.9 + 0.1·0.9 = 0.99; low corner 0.7 + 0.3·0.7 = 0.91; high 1.0 (bases clipped at 1)
    x = one(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n    weight: 0.9\n"
        "    pro: [{id: p, text: P., weight: 0.9}]\n"
    )
    assert x.robustness is not None
    low, high = round(x.robustness.low, 6), round(x.robustness.high, 6)
    assert (x.robustness.robust, low, high) == (True, 0.91, 1.0)
    assert x.robustness.reasons == ()
    assert x.robustness.without_implicit is None  # nothing reconstructed to remove


def test_a_range_that_only_reaches_half_does_not_say_it_crosses_it() -> None:
    # c alone at 0.7: its range is 0.5 to 0.9, at 0.5 but never below it. The verdict is
    # fragile (it leaves its side), and the reason says "reaches", not "across"
    r = one("argmap: 1\ntitle: t\nclaims:\n  c: {text: C., weight: 0.7}\n").robustness
    assert r is not None and r.robust is False
    assert r.reasons == (
        "its strength ranges from 0.50 to 0.90 when base scores vary by ±0.2, and reaches 0.5",
    )


def test_a_node_that_bears_both_ways_is_sampled_reproducibly() -> None:
    x = one(TWO_ROUTES)
    assert (round(x.strength, 6), x.status, x.unanswered) == (0.375, "out", 1)
    assert x.contributions is not None
    assert [(c.premise, round(c.without, 6)) for c in x.contributions] == [
        ("y", 0.75),  # c: 0.5 + 0.5·0.5
        ("x", 0.25),  # y falls back to 0.5: c = 0.5 − 0.5·0.5
    ]
    r = x.robustness
    assert r is not None and (r.method, r.samples) == ("sampled", 64)
    # c = b_c·(1 − b_y·(1 − x)) here (va − vs = b_y·(1 − x)), so its extremes are
    #   0.3·(1 − 0.7·0.7) = 0.153 and 0.7·(1 − 0.3·0.3) = 0.637: the corners by majority sign
    #   reach them, and no draw goes beyond
    assert [round(r.low, 6), round(r.high, 6)] == [0.153, 0.637]
    assert one(TWO_ROUTES).robustness == r  # the same draws every time (SEED)


def test_sampled_draws_follow_the_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    # Of a map whose extremes are not at the corners, the sampled range is what the seeded
    # draws give: the same on every run, different with another seed.
    text = TWO_ROUTES.replace("pro: [{ref: x}]", "pro: [{ref: x}]\n    weight: 0.5")
    m = loads_map(text, "map.yaml")
    e = evaluate(m)
    module = importlib.import_module("argmap.explain")
    first = explain(m, e)[0].robustness
    assert explain(m, e)[0].robustness == first
    monkeypatch.setattr(module, "SAMPLES", 0)
    corners_only = explain(m, e)[0].robustness
    assert corners_only is not None and first is not None
    assert corners_only.low >= first.low and corners_only.high <= first.high


def test_a_greedy_flip_says_it_may_not_be_the_smallest(monkeypatch: pytest.MonkeyPatch) -> None:
    # three supports of 0.5: c = 0.5 + 0.5·(1 − 0.125) = 0.9375; without one 0.875, without
    # two 0.75, without all three 0.5, which is no longer above 0.5: the smallest flip is all
    text = (
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n"
        "    pro: [{id: a, text: A.}, {id: b, text: B.}, {id: d, text: D.}]\n"
    )
    exact = one(text).flip
    assert exact is not None
    assert exact.as_data() == {
        "removed": ["a", "b", "d"],
        "strength": 0.5,
        "status": "in",
        "smallest": True,
    }
    # with room for two trials only, pairs are not all tried: the greedy search finds it
    monkeypatch.setattr(importlib.import_module("argmap.explain"), "FLIP_EXACT_BUDGET", 2)
    greedy = one(text).flip
    assert greedy is not None and (greedy.removed, greedy.exact) == (("a", "b", "d"), False)


def test_a_greedy_flip_one_larger_than_the_sets_tried_is_the_smallest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # c (0.2) with two supports of 0.5: 0.2 + 0.8·0.75 = 0.8; without one 0.6, without both
    # 0.2. Every single was tried and none flips, so the pair the greedy search finds (no pair
    # tried exhaustively: budget 0) is still the smallest there is.
    monkeypatch.setattr(importlib.import_module("argmap.explain"), "FLIP_EXACT_BUDGET", 0)
    x = one(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n    weight: 0.2\n"
        "    pro: [{id: a, text: A.}, {id: b, text: B.}]\n"
    )
    assert x.flip is not None
    assert x.flip.as_data() == {
        "removed": ["a", "b"],
        "strength": 0.2,
        "status": "in",
        "smallest": True,
    }


def test_a_premise_whose_removal_flips_nothing_says_so() -> None:
    # c = 0.9 + 0.1·0.5 = 0.95; without p it is 0.9: still above 0.5 and IN
    x = one("argmap: 1\ntitle: t\nclaims:\n  c: {text: C., weight: 0.9, pro: [P.]}\n")
    assert x.flip is None
    assert x.contributions is not None and len(x.contributions) == 1


def test_on_cycles_each_premise_is_taken_away_and_the_map_integrated_again() -> None:
    m = load_map(MAPS / "eval_even_cycle.yaml")
    a = explain(m, evaluate(m), ["a"])[0]
    # a (1.0) and b (1.0) attack each other: fixpoint 0.5 each, undecided. Without b, a has no
    # attacker: it keeps its base 1.0 and is IN.
    assert (round(a.strength, 6), a.status) == (0.5, "undecided")
    assert a.contributions is not None
    assert [c.as_data() for c in a.contributions] == [
        {"premise": "b", "contribution": -0.5, "without": 1.0, "status_without": "in"}
    ]  # (as_data rounds to 6 places: the fixpoint is 0.5 within the 1e-9 tolerance)
    assert a.flip is not None and a.flip.removed == ("b",)
    r = a.robustness
    assert r is not None and (r.method, r.samples) == ("sampled", 20)
    # a = b_a(1 − b_b)/(1 − b_a·b_b): a draw that puts b's base at 1 (clipped) gives a = 0,
    # one that puts a's there gives a = 1
    assert (round(r.low, 6), round(r.high, 6), r.robust) == (0.0, 1.0, False)


def test_an_evaluation_that_did_not_converge_is_not_explained() -> None:
    m = load_map(MAPS / "eval_limit_cycle.yaml")
    x = explain(m, evaluate(m), ["a"])[0]
    assert (x.contributions, x.flip, x.robustness) == (None, None, None)
    assert x.note == (
        "the evaluation did not converge, so its numbers are not a fixpoint: contributions"
        " and flips would compare numbers that mean nothing"
    )


def test_contributions_on_a_generated_map_equal_evaluating_the_map_without_the_premise() -> None:
    # the chain-only recomputation is exact: compare with a whole evaluation without each
    # premise, on a map with refs and undercuts
    m = loads_map(generate_map(300), "gen.yaml")
    e = evaluate(m)
    checked = 0
    for x in explain(m, e, robustness=False)[:6]:
        assert x.contributions is not None
        for c in x.contributions[:8]:
            again = evaluate(without(m, {c.premise})).nodes[x.node]
            assert abs(again.strength - c.without) < 1e-12
            assert again.status.value == c.status_without
            checked += 1
    assert checked == 48


def test_premises_counted_twice_are_named_with_both_routes(write_map) -> None:
    path: Path = write_map(TWO_ROUTES)
    m = load_map(path)
    [repeat] = repeated_premises(m)
    assert repeat.as_data() == {
        "node": "x",
        "at": "c",
        "routes": [["x", "c"], ["x", "y", "c"]],
        "count": 2,
    }
    w210 = [d for d in validate_map(m) if d.code == "W210"]
    assert [d.format() for d in w210] == [
        # at the ref: where x is written a second time
        f"{path}:11:15: warning: 'x' counts twice in the evaluation of 'c', reached by x → c"
        " and by x → y → c [W210]"
    ]


def test_a_route_through_an_undercut_names_the_link() -> None:
    m = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n"
        "    pro:\n      - id: p\n        text: P.\n        undercut: [{ref: u}]\n"
        "    con: [{id: u, text: U.}]\n",
        "map.yaml",
    )
    [repeat] = repeated_premises(m)
    assert repeat.routes == (("u", "c"), ("u", "undercut on c.pro.1", "c"))


def test_what_lies_under_a_repeated_premise_is_not_reported_again() -> None:
    # x is reached twice at c, and w under x with it: only x is named
    text = TWO_ROUTES.replace(
        "- {id: x, text: X.}", "- {id: x, text: X., pro: [{id: w, text: W.}]}"
    )
    assert [r.node for r in repeated_premises(loads_map(text, "map.yaml"))] == ["x"]


def test_evaluate_explain_prints_why(invoke: Invoke, write_map) -> None:
    path = write_map(WORKED)
    out = invoke(["evaluate", path, "--explain", "c"]).stdout
    assert out.splitlines() == [
        "Strength by DF-QuAD; status by grounded semantics (support: attacks-only).",
        "Scores are computed from the map as drawn, with default base scores where none is"
        " given; not a",
        "judgement of the sources or of truth.",
        "",
        "c: stands 0.75 · fragile",
        "  C.",
        "  Rests on (change each premise makes; strength and status without it):",
        "    +0.40  0.35  stands  p",
        "    -0.15  0.90  stands  q",
        "    +0.15  0.60  falls   r",
        "  Flips if p is removed: 0.35, stands (the smallest such set).",
        "  Strength 0.33–0.96 when every base score moves by ±0.2 (exact, from the corners of"
        " the range).",
        "  Without its reconstructed (implicit) premises: 0.60, falls.",
        "  Fragile: its strength ranges from 0.33 to 0.96 when base scores vary by ±0.2, across"
        " 0.5; without",
        "  its reconstructed (implicit) premises it falls.",
    ]


def test_evaluate_explain_of_an_unknown_id_suggests_one(invoke: Invoke, write_map) -> None:
    path = write_map(WORKED)
    result = invoke(["evaluate", path, "--explain", "pp"], expect=1)
    assert (
        result.stderr == f"argmap: {path}: error: no node 'pp' in the map; did you mean p? [E720]\n"
    )


def test_evaluate_json_carries_each_claims_explanation(invoke: Invoke, write_map) -> None:
    path = write_map(TWO_ROUTES)
    doc = json.loads(invoke(["evaluate", path, "--format", "json"]).stdout)
    assert doc["explanations"]["c"]["flip"] == {
        "removed": ["y"],
        "strength": 0.75,
        "status": "in",
        "smallest": True,
    }
    assert doc["counted_twice"] == [
        {"node": "x", "at": "c", "routes": [["x", "c"], ["x", "y", "c"]], "count": 2}
    ]


# --- removals whose effect branches: the arguments between premise and node, in order ----

# u undercuts w's objection to c and also supports c: taking u away changes two links.
# w is the map's first node (index 0).
#   u = 0.5, IN; the undercut on c.con.1 = 0.5, IN
#   c.con.1 = 0.8 − 0.8·0.5 = 0.4, OUT (its undercut stands); c.pro.1 = 0.5, IN
#   c: va = 0.4, vs = 0.5 → 0.5 + 0.5·0.1 = 0.55, IN
UNDERCUT_AND_SUPPORT = """\
argmap: 1
title: t
claims:
  w: {text: W., weight: 0.8}
  c:
    text: C.
    pro: [{ref: u}]
    con:
      - ref: w
        undercut: [{id: u, text: U.}]
"""


def test_a_premise_that_undercuts_and_supports_is_taken_away_from_both() -> None:
    x = one(UNDERCUT_AND_SUPPORT, "c")
    assert (round(x.strength, 6), x.status) == (0.55, "in")
    assert x.contributions is not None
    assert [c.as_data() for c in x.contributions] == [
        # without u: c.con.1 keeps w's 0.8 and stands; c: 0.5 − 0.5·0.8 = 0.1, OUT
        {"premise": "u", "contribution": 0.45, "without": 0.1, "status_without": "out"},
        # without w: only c.pro.1 → 0.5 + 0.5·0.5 = 0.75, IN
        {"premise": "w", "contribution": -0.2, "without": 0.75, "status_without": "in"},
    ]


# Two objections made of premises together, each with a premise x (z) that also opposes one
# of the group's premises and supports the claim: taking x (z) away changes the group and the
# claim by two routes.
#   c: x = 0.6, IN; a = 0.5 − 0.5·0.6 = 0.2, OUT; b = 0.8, IN; g = min(1, 0.2, 0.8) = 0.2,
#      OUT (a falls); c.con.1 = 0.2, OUT; c.pro.1 = 0.6, c.pro.2 (a) = 0.2, OUT
#      c: vs = 1 − 0.4·0.8 = 0.68, va = 0.2 → 0.5 + 0.5·0.48 = 0.74, IN
#   d: z = 0.6, IN; e = 0.2, OUT; y = 0.2, IN; f = 0.8 − 0.8·0.2 = 0.64, OUT;
#      h = min(1, 0.2, 0.64) = 0.2, OUT; d: va = 0.2, vs = 0.6 → 0.5 + 0.5·0.4 = 0.7, IN
TWO_ROUTES_INTO_GROUPS = """\
argmap: 1
title: t
claims:
  c:
    text: C.
    pro: [{id: x, text: X., weight: 0.6}, {ref: a}]
    con:
      - id: g
        linked:
          - {id: a, text: A., con: [{ref: x}]}
          - {id: b, text: B., weight: 0.8}
  d:
    text: D.
    pro: [{id: z, text: Z., weight: 0.6}]
    con:
      - id: h
        linked:
          - {id: e, text: E., con: [{ref: z}]}
          - {id: f, text: F., weight: 0.8, con: [{id: y, text: Y., weight: 0.2}]}
"""


def test_a_group_changed_by_a_premise_with_two_routes_is_recomputed() -> None:
    x = one(TWO_ROUTES_INTO_GROUPS, "c")
    assert (round(x.strength, 6), x.status) == (0.74, "in")
    assert x.contributions is not None
    assert [c.as_data() for c in x.contributions] == [
        # without x: a = 0.5, IN; g = min(1, 0.5, 0.8) = 0.5, IN; c.pro.2 = 0.5
        #   c: vs = 0.5, va = 0.5 → 0.5, OUT (its objection g now stands)
        {"premise": "x", "contribution": 0.24, "without": 0.5, "status_without": "out"},
        # without b, or g itself: the group is gone; c: vs = 0.68 → 0.84, IN
        {"premise": "b", "contribution": -0.1, "without": 0.84, "status_without": "in"},
        {"premise": "g", "contribution": -0.1, "without": 0.84, "status_without": "in"},
        # without a: the group goes with it, and c.pro.2; c: vs = 0.6 → 0.8, IN
        {"premise": "a", "contribution": -0.06, "without": 0.8, "status_without": "in"},
    ]


def test_a_group_that_still_falls_by_its_other_premise_keeps_its_objection_down() -> None:
    x = one(TWO_ROUTES_INTO_GROUPS, "d")
    assert (round(x.strength, 6), x.status) == (0.7, "in")
    assert x.contributions is not None
    # without z: e = 0.5, IN; but f still falls (y stands), so h = min(1, 0.5, 0.64) = 0.5
    # falls with it: d: va = 0.5 → 0.25, still IN
    assert x.contributions[0].as_data() == {
        "premise": "z",
        "contribution": 0.45,
        "without": 0.25,
        "status_without": "in",
    }


def test_a_claim_with_no_premise_rests_on_its_base_score() -> None:
    x = one("argmap: 1\ntitle: t\nclaims:\n  c: C.\n")
    assert why_lines(x) == ["Rests on no premise: its strength is its base score."]


def test_why_lines_give_each_premises_change_then_the_smallest_flip() -> None:
    # The contributions of WORKED (see above), each as the change it makes and what c is
    # without it, then the flip found for it
    assert why_lines(one(WORKED)) == [
        "+0.40 from p (without it: 0.35, stands)",
        "-0.15 from q (without it: 0.90, stands)",
        "+0.15 from r (without it: 0.60, falls)",
        "Flips if p is removed: 0.35, stands (the smallest such set).",
    ]


def test_a_strength_within_a_billionth_of_half_is_on_neither_side() -> None:
    # SIDE_EPSILON is the margin itself: a strength exactly that far from 0.5 is still at it
    assert [side(0.5 + SIDE_EPSILON), side(0.5 - SIDE_EPSILON), side(0.5)] == [0, 0, 0]
    assert [side(0.5 + 2 * SIDE_EPSILON), side(0.5 - 2 * SIDE_EPSILON)] == [1, -1]


def test_explaining_leaves_the_garbage_collector_as_it_found_it() -> None:
    # explain() pauses the collector for speed; it must turn it back on, and only if it was on
    m = loads_map(WORKED, "map.yaml")
    e = evaluate(m)
    was = gc.isenabled()
    try:
        gc.enable()
        explain(m, e)
        assert gc.isenabled()
        gc.disable()
        explain(m, e)
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_as_data_rounds_to_six_places() -> None:
    # c = 0.5 + 0.5·0.1234567 = 0.56172835
    x = one("argmap: 1\ntitle: t\nclaims:\n  c: {text: C., pro: [{text: P., weight: 0.1234567}]}\n")
    assert x.as_data()["strength"] == 0.561728


def test_a_sampled_range_names_its_draws_and_seed() -> None:
    r = one(TWO_ROUTES).robustness
    assert r is not None
    assert robustness_sentences(r)[0] == (
        "Strength 0.15–0.64 when every base score moves by ±0.2 (lowest and highest of 64"
        " random draws, seed 16)."
    )
    assert r.as_data()["seed"] == 16


def test_a_robust_verdict_says_what_robust_means() -> None:
    # as test_a_verdict_that_holds_across_the_range_is_robust: 0.91–1.00, above 0.5 throughout
    x = one(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n    weight: 0.9\n"
        "    pro: [{id: p, text: P., weight: 0.9}]\n"
    )
    assert x.robustness is not None
    assert robustness_sentences(x.robustness) == [
        "Strength 0.91–1.00 when every base score moves by ±0.2 (exact, from the corners of the"
        " range).",
        "Robust: it keeps its status and its side of 0.5 when every base score moves by ±0.2"
        " and without the map's reconstructed (implicit) premises.",
    ]


def test_the_verdict_without_implicit_premises_uses_the_semantics_asked_for() -> None:
    # WORKED by quadratic energy, h(x) = x²/(1 + x²): q = 0.6 − 0.6·h(0.5) = 0.6 − 0.6·0.2 =
    # 0.48; without r, q = 0.6 and c: E = 0.8 − 0.6 = 0.2, 0.5 + 0.5·(0.04/1.04) = 0.519231,
    # OUT (q stands); DF-QuAD would give 0.6
    m = loads_map(WORKED, "map.yaml")
    r = explain(m, evaluate(m, "qe"))[0].robustness
    assert r is not None and r.without_implicit is not None
    assert (round(r.without_implicit[0], 6), r.without_implicit[1]) == (0.519231, "out")


def test_the_verdict_without_implicit_premises_uses_the_support_reading_asked_for() -> None:
    # c supports d, which w opposes: the deductive reading adds the mediated attack w → c, so
    # c falls with or without its reconstructed premise r; attacks-only, without r it stands
    m = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n"
        "  d: {text: D., pro: [{ref: c}], con: [{id: w, text: W.}]}\n"
        "  c: {text: C., pro: [{id: r, text: R., implicit: true}]}\n",
        "map.yaml",
    )
    r = explain(m, evaluate(m, support="deductive"), ["c"])[0].robustness
    assert r is not None
    assert r.without_implicit == (0.5, "out")  # c without r: its base 0.5


def test_on_another_support_reading_each_premise_is_weighed_by_the_semantics_asked_for() -> None:
    # WORKED by quadratic energy (see above: q = 0.48, c = 0.5 + 0.5·h(0.32) = 0.546444),
    # each premise taken away by a whole evaluation (support reading deductive, which adds
    # no attack that changes a label here):
    #   without p: E = −0.48 → 0.5 − 0.5·(0.2304/1.2304) = 0.406372, IN
    #   without q: E = 0.8 → 0.5 + 0.5·(0.64/1.64) = 0.695122, IN
    #   without r: 0.519231, OUT
    m = loads_map(WORKED, "map.yaml")
    x = explain(m, evaluate(m, "qe", support="deductive"))[0]
    assert x.contributions is not None
    assert [(c.premise, round(c.without, 6), c.status_without) for c in x.contributions] == [
        ("q", 0.695122, "in"),
        ("p", 0.406372, "in"),
        ("r", 0.519231, "out"),
    ]


def test_on_a_cycle_a_premise_whose_removal_leaves_the_node_undecided_says_so() -> None:
    # a → b → c → a, and x attacks a: x stands, a falls, b stands, c falls. Without x the
    # odd cycle is all undecided, each at 1/3 (x = 0.5·(1 − x))
    m = loads_map(
        "argmap: 1\ntitle: t\nallow-cycles: true\nclaims:\n"
        "  a: {text: A., con: [{ref: c}, {id: x, text: X.}]}\n"
        "  b: {text: B., con: [{ref: a}]}\n"
        "  c: {text: C., con: [{ref: b}]}\n",
        "map.yaml",
    )
    x = explain(m, evaluate(m), ["a"])[0]
    assert x.status == "out"
    found = {c.premise: (round(c.without, 6), c.status_without) for c in x.contributions or ()}
    assert found["x"] == (0.333333, "undecided")


def test_the_draws_on_a_cycle_are_the_same_every_time() -> None:
    # a and b (0.5) attack each other: a = b_a·(1 − b_b)/(1 − b_a·b_b), 1/3 as written; the
    # draws move it within (0, 1) but never to the clipped ends
    text = (MAPS / "eval_even_cycle.yaml").read_text(encoding="utf-8")
    m = loads_map(text.replace("weight: 1", "weight: 0.5"), "map.yaml")
    first = explain(m, evaluate(m), ["a"])[0].robustness
    assert first is not None and 0.0 < first.low < first.high < 1.0
    assert explain(m, evaluate(m), ["a"])[0].robustness == first


def test_an_objection_the_removal_leaves_alone_still_counts() -> None:
    # s opposes k and supports p2, which supports k; v opposes k too.
    #   v = 0.2, IN; s = 0.5, IN; p2 = 0.5 + 0.5·0.5 = 0.75, IN
    #   k: va = 1 − 0.8·0.5 = 0.6, vs = 0.75 → 0.5 + 0.5·0.15 = 0.575, OUT (v and s stand)
    x = one(
        "argmap: 1\ntitle: t\nclaims:\n  k:\n    text: K.\n"
        "    pro: [{id: p2, text: P., pro: [{ref: s}]}]\n"
        "    con: [{id: v, text: V., weight: 0.2}, {id: s, text: S.}]\n"
    )
    assert (round(x.strength, 6), x.status) == (0.575, "out")
    assert x.contributions is not None
    assert [c.as_data() for c in x.contributions] == [
        # without p2: va = 0.6 → 0.5 − 0.5·0.6 = 0.2
        {"premise": "p2", "contribution": 0.375, "without": 0.2, "status_without": "out"},
        # without s: p2 = 0.5; va = 0.2, vs = 0.5 → 0.65, still OUT: v still stands
        {"premise": "s", "contribution": -0.075, "without": 0.65, "status_without": "out"},
        # without v: va = 0.5, vs = 0.75 → 0.625, OUT (s stands)
        {"premise": "v", "contribution": -0.05, "without": 0.625, "status_without": "out"},
    ]


def test_without_contributions_there_is_no_note() -> None:
    m = loads_map(WORKED, "map.yaml")
    (x,) = explain(m, evaluate(m), contributions=False)
    assert x.as_data()["note"] is None
    assert (x.contributions, x.flip) == (None, None)


def test_past_the_budget_of_whole_evaluations_the_note_says_why(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    module = importlib.import_module("argmap.explain")
    cyclic = load_map(MAPS / "eval_even_cycle.yaml")
    monkeypatch.setattr(module, "CYCLIC_BUDGET", 1)  # a rests on b alone: one is enough
    (a,) = explain(cyclic, evaluate(cyclic), ["a"])
    assert a.contributions is not None and [c.premise for c in a.contributions] == ["b"]
    monkeypatch.setattr(module, "CYCLIC_BUDGET", 0)
    (a,) = explain(cyclic, evaluate(cyclic), ["a"])
    assert (a.contributions, a.note) == (
        None,
        "the map has cycles, so each premise needs a whole evaluation; a rests on 1 premises,"
        " more than the 0 explained this way",
    )
    m = loads_map(WORKED, "map.yaml")
    monkeypatch.setattr(module, "CYCLIC_BUDGET", 2)
    (c,) = explain(m, evaluate(m, support="deductive"))
    assert c.note == (
        "the map uses support reading 'deductive', so each premise needs a whole evaluation;"
        " c rests on 3 premises, more than the 2 explained this way"
    )


def test_contributions_without_the_flip_search() -> None:
    m = loads_map(WORKED, "map.yaml")
    (x,) = explain(m, evaluate(m), flips=False)
    assert x.flip is None
    assert [c.premise for c in x.contributions or ()] == ["p", "q", "r"]


def test_of_the_premises_that_flip_alone_the_one_moving_the_node_furthest_is_named() -> None:
    # WORKED with its objection written first (c, q, r, p in file order): r alone changes c's
    # status (0.6, falls) but p alone moves it furthest (to 0.35, across 0.5)
    text = (
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n"
        "    con:\n      - {id: q, text: Q., weight: 0.6,"
        " con: [{id: r, text: R., implicit: true}]}\n"
        "    pro:\n      - {id: p, text: P., weight: 0.8}\n"
    )
    x = one(text)
    assert x.flip is not None and (x.flip.removed, round(x.flip.strength, 6)) == (("p",), 0.35)


def test_a_greedy_flip_says_so_in_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # as test_a_greedy_flip_says_it_may_not_be_the_smallest: all three supports, found greedily
    monkeypatch.setattr(importlib.import_module("argmap.explain"), "FLIP_EXACT_BUDGET", 2)
    x = one(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n"
        "    pro: [{id: a, text: A.}, {id: b, text: B.}, {id: d, text: D.}]\n"
    )
    assert flip_sentence(x) == (
        "Flips if a, b and d are removed: 0.50, stands (found greedily; a smaller set may exist)."
    )


def test_a_premise_whose_removal_flips_nothing_says_so_in_words() -> None:
    # c = 0.95; without p 0.9: still above 0.5 and IN
    x = one("argmap: 1\ntitle: t\nclaims:\n  c: {text: C., weight: 0.9, pro: [P.]}\n")
    assert flip_sentence(x) == "No set of premises searched flips it (across 0.5 or in status)."


def test_an_evaluation_that_did_not_converge_explains_itself_by_the_note_alone() -> None:
    m = load_map(MAPS / "eval_limit_cycle.yaml")
    x = explain(m, evaluate(m), ["a"])[0]
    assert x.note is not None
    assert why_lines(x) == [x.note]


# --- every trial is a whole evaluation without those premises ----------------------------

# Removals whose effects meet: a group whose premises x and y each also reach by another
# route (x opposes a and p; y supports b and opposes the undercut u on the group's link), an
# undercut v on the link q → c that w, q's objection, also supports; a group h whose two
# premises d and e each stand because their one objection falls (d2 and e2 answer them).
MEETING = """\
argmap: 1
title: t
claims:
  c:
    text: C.
    pro:
      - id: g
        linked:
          - {id: a, text: A., con: [{id: x, text: X., weight: 0.6}]}
          - {id: b, text: B., weight: 0.8, pro: [{id: y, text: Y.}]}
        undercut: [{id: u, text: U., weight: 0.7, con: [{ref: y}]}]
      - {id: p, text: P., con: [{ref: x}]}
    con:
      - id: q
        text: Q.
        weight: 0.7
        undercut: [{id: v, text: V., pro: [{ref: w}]}]
        con: [{id: w, text: W., weight: 0.4}]
      - id: h
        linked:
          - {id: d, text: D., con: [{id: d1, text: D1., con: [{id: d2, text: D2.}]}]}
          - {id: e, text: E., con: [{id: e1, text: E1., weight: 0.3, con: [{id: e2, text: E2.}]}]}
"""

_CODE = {"in": IN, "out": OUT, "undecided": UNDEC}


def _check_trials(text: str, size: int) -> int:
    """Take away every ordered sequence of `size` premises of every node, one premise at a
    time as the flip search does (a chain walk on the overlay of the ones before, or the
    recomputation of what they reach where a chain branches), and compare the node's
    strength and label with a whole evaluation of the map without them."""
    m = loads_map(text, "map.yaml")
    ctx = _Context.build(m, evaluate(m))
    g = ctx.g
    checked = 0
    for node in (n.id for n in m.unique_nodes()):
        t = ctx.index[node]
        cone = ctx.cone(t)
        users = _users_in_cone(ctx, cone)
        own = {g.source[k] for k in g.members[t]}
        premises = [i for i in cone if i < g.n_nodes and i != t and i not in own]
        for removed in itertools.permutations(premises, size):
            score = evaluate(without(m, {g.names[i] for i in removed})).nodes[node]
            expected = (score.strength, _CODE[score.status.value])
            overlay: dict[int, tuple[float | None, int]] = {}
            if all(_walk(ctx, t, users, p, overlay) for p in removed):
                walked = overlay.get(t, (ctx.s[t], ctx.lab[t]))
                assert walked[0] is not None
                assert abs(walked[0] - expected[0]) < 1e-12 and walked[1] == expected[1], removed
            strength, label = _incremental(ctx, t, users, removed)
            assert abs(strength - expected[0]) < 1e-12 and label == expected[1], removed
            checked += 1
    return checked


@pytest.mark.parametrize(
    "text",
    [MEETING, TWO_ROUTES_INTO_GROUPS, UNDERCUT_AND_SUPPORT, WORKED, TWO_ROUTES],
    ids=["meeting", "groups", "undercut-and-support", "worked", "two-routes"],
)
def test_every_pair_of_premises_taken_away_is_a_whole_evaluation_without_them(text: str) -> None:
    assert _check_trials(text, 2) > 0


def test_every_three_premises_taken_away_are_a_whole_evaluation_without_them() -> None:
    assert _check_trials(MEETING, 3) > 0
    assert _check_trials((MAPS / "linked.yaml").read_text(encoding="utf-8"), 3) > 0


def test_a_group_whose_premise_is_opposed_in_vain_stands_and_is_not_unopposed() -> None:
    # a's objection o falls to r: o = 0.5 − 0.5·0.5 = 0.25, a = 0.5 − 0.5·0.25 = 0.375, IN;
    # g = min(1, 0.375, 0.5) = 0.375, IN: it stands below 0.5, opposed through a
    m = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n    pro:\n      - id: g\n"
        "        linked:\n"
        "          - {id: a, text: A., con: [{id: o, text: O., con: [{id: r, text: R.}]}]}\n"
        "          - {id: b, text: B.}\n",
        "map.yaml",
    )
    e = evaluate(m)
    assert [lk.source for lk in objections(m, "g")] == ["o"]
    assert status_words(m, e, "g") == "stands, score < 0.5"


def test_a_claim_below_half_with_no_objection_is_unopposed() -> None:
    # c has nothing against it: unopposed, whatever its base score; d's one objection w falls
    # (x stands), so d stands, below 0.5: 0.3 − 0.3·(0.5 − 0.5·0.5) = 0.225
    m = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n  c: {text: C., weight: 0.3}\n"
        "  d: {text: D., weight: 0.3, con: [{id: w, text: W., con: [X.]}]}\n",
        "map.yaml",
    )
    e = evaluate(m)
    assert status_words(m, e, "c") == "unopposed"
    assert status_words(m, e, "c", short=False) == "unopposed"
    assert status_words(m, e, "d") == "stands, score < 0.5"


def test_a_claim_that_falls_above_half_counts_only_its_objections_left_standing() -> None:
    # c is strongly supported (0.98 or so) but q1 and q2 stand against it, unanswered; q3
    # falls to r, so it is not counted
    m = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n    weight: 0.9\n"
        "    pro: [{text: P., weight: 1}, {text: P2., weight: 1}]\n"
        "    con:\n      - {text: Q1., weight: 0.1}\n      - {text: Q2., weight: 0.1}\n"
        "      - {text: Q3., weight: 0.1, con: [R.]}\n",
        "map.yaml",
    )
    e = evaluate(m)
    assert status_words(m, e, "c") == "falls, 2 unanswered"
    assert status_words(m, e, "c", short=False) == "falls: 2 objections unanswered"


def test_whole_evaluation_trials_keep_the_support_reading() -> None:
    # c supports d, which w opposes: the deductive reading adds the attack w → c, so without
    # its premise r, c (its base 0.5) falls; attacks-only it would stand
    m = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n"
        "  d: {text: D., pro: [{ref: c}], con: [{id: w, text: W.}]}\n"
        "  c: {text: C., pro: [{id: r, text: R., implicit: true}]}\n",
        "map.yaml",
    )
    x = explain(m, evaluate(m, support="deductive"), ["c"])[0]
    assert [c.as_data() for c in x.contributions or ()] == [
        {"premise": "r", "contribution": 0.25, "without": 0.5, "status_without": "out"}
    ]


def test_the_range_on_a_cycle_is_the_lowest_and_highest_of_the_seeded_draws() -> None:
    # a and b (0.5) attack each other: a = b_a·(1 − b_b)/(1 − b_a·b_b), 1/3 as written. The
    # draws are random.Random("16:a"), a's base then b's, each moved by up to ±0.2.
    text = (MAPS / "eval_even_cycle.yaml").read_text(encoding="utf-8")
    m = loads_map(text.replace("weight: 1", "weight: 0.5"), "map.yaml")
    r = explain(m, evaluate(m), ["a"])[0].robustness
    assert r is not None
    rnd = random.Random("16:a")
    values = [1 / 3]
    for _ in range(20):
        ba, bb = 0.5 + rnd.uniform(-0.2, 0.2), 0.5 + rnd.uniform(-0.2, 0.2)
        values.append(ba * (1 - bb) / (1 - ba * bb))
    assert abs(r.low - min(values)) < 1e-6 and abs(r.high - max(values)) < 1e-6
    assert (round(r.low, 2), round(r.high, 2)) == (0.19, 0.54)


# --- the flip search: the order sets are tried in, and its budgets ------------------------


def flip_of(
    text: str, monkeypatch: pytest.MonkeyPatch, support: str = "attacks-only", **budgets: int
) -> tuple[float, str, tuple[tuple[str, ...], float, str, bool] | None]:
    """c's strength, status and flip (removed, strength, status, smallest), with the search's
    budgets set as given (FLIP_EXACT_BUDGET=…)."""
    module = importlib.import_module("argmap.explain")
    for name, value in budgets.items():
        monkeypatch.setattr(module, name, value)
    m = loads_map(text, "map.yaml")
    x = explain(m, evaluate(m, support=support), ["c"], robustness=False)[0]
    f = x.flip
    found = None if f is None else (f.removed, round(f.strength, 6), f.status, f.exact)
    return round(x.strength, 6), x.status, found


CLAIM = "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n"
# c = 0.5 + 0.5·(1 − 0.5³) = 0.9375; without one support 0.875, two 0.75, all three 0.5
THREE = CLAIM + "    pro: [{id: a, text: A.}, {id: b, text: B.}, {id: d, text: D.}]\n"
# c = 0.5 + 0.5·(1 − 0.5⁴) = 0.96875; without three of them 0.75, all four 0.5
FOUR = (
    CLAIM
    + "    pro: [{id: a, text: A.}, {id: b, text: B.}, {id: d, text: D.}, {id: e, text: E.}]\n"
)
# c (0.2) falls: va = 1 − 0.5³ = 0.875 < vs = 0.9, c = 0.2 + 0.8·0.025 = 0.22. Without p
# 0.2 − 0.2·0.875 = 0.025 (away from 0.5, the largest change); without one objection
# va = 0.75, c = 0.32; without two va = 0.5, c = 0.52: across 0.5 (and still falls, by d)
BELOW = (
    CLAIM + "    weight: 0.2\n    pro: [{id: p, text: P., weight: 0.9}]\n"
    "    con: [{id: a, text: A.}, {id: b, text: B.}, {id: d, text: D.}]\n"
)


def test_a_greedy_flip_is_found_within_its_budget_and_not_beyond(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # no pair is tried exhaustively (budget 2 < 3 pairs); the greedy search tries a, b, d
    # (none flips; a, first by id, moves c furthest), then a+b and a+d, then a+b+d: 6 sets
    assert flip_of(THREE, monkeypatch, FLIP_EXACT_BUDGET=2, FLIP_GREEDY_BUDGET=6) == (
        0.9375,
        "in",
        (("a", "b", "d"), 0.5, "in", False),
    )
    assert flip_of(THREE, monkeypatch, FLIP_EXACT_BUDGET=2, FLIP_GREEDY_BUDGET=5) == (
        0.9375,
        "in",
        None,
    )


def test_a_greedy_round_stops_at_its_budget_even_before_a_set_that_flips(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # greedily: p, a, b, d (a, first of the three objections, moves c furthest towards 0.5),
    # then a+p (0.2 − 0.2·0.75 = 0.05), then a+b, which flips: the sixth set
    assert flip_of(BELOW, monkeypatch, FLIP_EXACT_BUDGET=0) == (
        0.22,
        "out",
        (("a", "b"), 0.52, "out", True),  # every single was tried: a pair is the smallest
    )
    assert flip_of(BELOW, monkeypatch, FLIP_EXACT_BUDGET=0, FLIP_GREEDY_BUDGET=6)[2] == (
        ("a", "b"),
        0.52,
        "out",
        True,
    )
    assert flip_of(BELOW, monkeypatch, FLIP_EXACT_BUDGET=0, FLIP_GREEDY_BUDGET=5)[2] is None


def test_past_three_premises_the_greedy_search_goes_on_and_is_still_the_smallest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # every set of up to three was tried (6 + 4 within the budget), none flips: the greedy
    # set of four is the smallest
    assert flip_of(FOUR, monkeypatch) == (0.96875, "in", (("a", "b", "d", "e"), 0.5, "in", True))


def test_a_claim_that_falls_above_half_flips_when_both_objections_go(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # c: va = 1 − 0.8² = 0.36, vs = 0.9 → 0.9 + 0.1·0.54 = 0.954, OUT (t2 and t3 stand).
    # Without t1 0.9 − 0.9·0.36 = 0.576; without one objection 0.97, still OUT; without both
    # 0.99, IN: the pair the search finds, though t1 moves c furthest
    text = (
        CLAIM + "    weight: 0.9\n    pro: [{id: t1, text: T1., weight: 0.9}]\n"
        "    con: [{id: t2, text: T2., weight: 0.2}, {id: t3, text: T3., weight: 0.2}]\n"
    )
    assert flip_of(text, monkeypatch) == (0.954, "out", (("t2", "t3"), 0.99, "in", True))


@pytest.mark.parametrize(
    ("weight", "without_one"),
    [("0.2", 0.72), ("0", 0.9)],  # 0.9 − 0.9·0.2; objections of weight 0 change no strength
)
def test_the_greedy_search_stops_where_no_premise_moves_the_node_towards_half(
    monkeypatch: pytest.MonkeyPatch, weight: str, without_one: float
) -> None:
    # c (0.9) falls to its two objections; taking either away raises it (or leaves it) and it
    # still falls: greedily nothing moves it towards 0.5, so the search stops there, though
    # both together would make it stand (a pair tried exhaustively finds that)
    text = CLAIM + (
        f"    weight: 0.9\n    con: [{{id: t2, text: T2., weight: {weight}}},"
        f" {{id: t3, text: T3., weight: {weight}}}]\n"
    )
    m = loads_map(text, "map.yaml")
    x = explain(m, evaluate(m), ["c"], robustness=False)[0]
    assert [round(c.without, 6) for c in x.contributions or ()] == [without_one] * 2
    assert flip_of(text, monkeypatch)[2] == (("t2", "t3"), 0.9, "in", True)
    assert flip_of(text, monkeypatch, FLIP_EXACT_BUDGET=0)[2] is None


def test_the_greedy_search_measures_each_round_from_the_strength_reached(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # c (0.5) falls to z1 and z2 (0.1 each, va = 0.19) above 0.5: vs = 0.875,
    # c = 0.5 + 0.5·0.685 = 0.8425. Greedily a (0.78), a+b (0.655), a+b+d (0.5 − 0.5·0.19
    # = 0.405): across 0.5
    text = CLAIM + (
        "    weight: 0.5\n    pro: [{id: a, text: A.}, {id: b, text: B.}, {id: d, text: D.}]\n"
        "    con: [{id: z1, text: Z1., weight: 0.1}, {id: z2, text: Z2., weight: 0.1}]\n"
    )
    assert flip_of(text, monkeypatch, FLIP_EXACT_BUDGET=0) == (
        0.8425,
        "out",
        (("a", "b", "d"), 0.405, "out", False),
    )


def test_pairs_are_tried_from_the_premises_moving_the_node_furthest_towards_half(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # BELOW with objections of 0.5, 0.6 and 0.4: b moves c furthest up, then a, then d.
    #   va = 1 − 0.5·0.4·0.6 = 0.88, c = 0.2 + 0.8·0.02 = 0.216
    #   b+a: va = 0.4 → 0.2 + 0.8·0.5 = 0.6, across 0.5: the first pair tried, and found
    #   (d+b, va = 0.5, would flip too: 0.52)
    text = BELOW.replace("{id: b, text: B.}", "{id: b, text: B., weight: 0.6}").replace(
        "{id: d, text: D.}", "{id: d, text: D., weight: 0.4}"
    )
    assert flip_of(text, monkeypatch) == (0.216, "out", (("b", "a"), 0.6, "out", True))
    # above 0.5: c (0.3) with y and z (0.6): vs = 0.84; q (0.9) falls to r1 and r2 (0.9):
    # q = 0.9 − 0.9·0.99 = 0.009; c = 0.3 + 0.7·(0.84 − 0.009) = 0.8817. Without y and z
    # c = 0.3 − 0.3·0.009 = 0.2973, across 0.5: found first, though r1+r2 flips too (q
    # then stands)
    text = CLAIM + (
        "    weight: 0.3\n    con:\n      - {id: q, text: Q., weight: 0.9,"
        " con: [{id: r1, text: R1., weight: 0.9}, {id: r2, text: R2., weight: 0.9}]}\n"
        "    pro: [{id: y, text: Y., weight: 0.6}, {id: z, text: Z., weight: 0.6}]\n"
    )
    assert flip_of(text, monkeypatch) == (0.8817, "in", (("y", "z"), 0.2973, "in", True))


def test_at_half_the_search_moves_the_node_down_first(monkeypatch: pytest.MonkeyPatch) -> None:
    # c is at 0.5, three tiny supports against three tiny objections (7e-10 each); it falls.
    # No single or pair moves it past 1e-9 of 0.5, nor changes its status. Taking away the
    # supports moves it down (towards 0.5 − 1.05e-9, past 1e-9: across); taking away the
    # objections would make it stand (a flip as well), but down comes first
    weight = "0.0000000007"
    text = CLAIM + (
        "    pro: ["
        + ", ".join(f"{{id: p{k}, text: P{k}., weight: {weight}}}" for k in (1, 2, 3))
        + "]\n    con: ["
        + ", ".join(f"{{id: q{k}, text: Q{k}., weight: {weight}}}" for k in (1, 2, 3))
        + "]\n"
    )
    assert flip_of(text, monkeypatch) == (0.5, "out", (("p1", "p2", "p3"), 0.5, "out", True))
    assert flip_of(text, monkeypatch, FLIP_EXACT_BUDGET=0)[2] == (
        ("p1", "p2", "p3"),
        0.5,
        "out",
        False,
    )


def test_the_exhaustive_search_tries_every_set_within_its_budget_and_no_more(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # c (0.9) falls to three objections of 0.1 and has one support e (0.3):
    #   va = 1 − 0.9³ = 0.271 < vs = 0.3: c = 0.9 + 0.1·0.029 = 0.9029, OUT
    # Only a+b+d (and all four) flip it: without them it stands. e moves it furthest towards
    # 0.5 (to 0.9 − 0.9·0.271 = 0.6561), so the greedy search takes e first and finds nothing.
    # The exhaustive search tries 6 pairs and 4 triples, a+b+d last: 10 sets.
    text = CLAIM + (
        "    weight: 0.9\n    pro: [{id: e, text: E., weight: 0.3}]\n    con: ["
        + ", ".join(f"{{id: {k}, text: {k.upper()}., weight: 0.1}}" for k in "abd")
        + "]\n"
    )
    found = (0.9029, "out", (("a", "b", "d"), 0.93, "in", True))  # 0.9 + 0.1·0.3
    assert flip_of(text, monkeypatch) == found
    assert flip_of(text, monkeypatch, FLIP_EXACT_BUDGET=10) == found
    assert flip_of(text, monkeypatch, FLIP_EXACT_BUDGET=9) == (0.9029, "out", None)


def test_a_premise_whose_removal_branches_can_start_a_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # THREE, with d supporting a too (two routes to c): a = 0.75, c = 0.5 + 0.5·(1 −
    # 0.25·0.5·0.5) = 0.96875. No single nor pair flips; a+d+b takes c to 0.5
    text = THREE.replace("{id: a, text: A.}", "{id: a, text: A., pro: [{ref: d}]}")
    assert flip_of(text, monkeypatch) == (0.96875, "in", (("a", "d", "b"), 0.5, "in", True))


def test_whole_evaluation_trials_share_the_cyclic_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    # THREE and FOUR by the deductive reading (no attack to add): every trial is a whole
    # evaluation, and the budget CYCLIC_BUDGET counts the singles too
    # 7 − 3 singles = 4: the 3 pairs and the triple
    assert flip_of(THREE, monkeypatch, "deductive", CYCLIC_BUDGET=7)[2] == (
        ("a", "b", "d"),
        0.5,
        "in",
        True,
    )
    # 5 − 3 = 2: not every pair; the greedy search has the 2 left, not enough
    assert flip_of(THREE, monkeypatch, "deductive", CYCLIC_BUDGET=5)[2] is None
    # 13 − 4 = 9: the 6 pairs, not the 4 triples; the greedy search the 3 left, not 10
    assert flip_of(FOUR, monkeypatch, "deductive", CYCLIC_BUDGET=13)[2] is None
    # 24 − 4 = 20: 6 pairs, 4 triples, and 10 for the greedy search: 4 + 3 + 2 + 1
    assert flip_of(FOUR, monkeypatch, "deductive", CYCLIC_BUDGET=24)[2] == (
        ("a", "b", "d", "e"),
        0.5,
        "in",
        True,
    )


def test_a_groups_weight_moves_with_the_other_base_scores_in_the_range() -> None:
    # g = min(0.4, a 0.5, b 0.5) = 0.4, capped by its weight; c = 0.5 + 0.5·0.4 = 0.7.
    #   low corner: g's weight 0.2, a and b 0.3, c 0.3 → g 0.2, c = 0.3 + 0.7·0.2 = 0.44
    #   high: 0.6, 0.7, 0.7 → g 0.6; c = 0.7 + 0.3·0.6 = 0.88
    m = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n    pro:\n      - id: g\n"
        "        weight: 0.4\n        linked: [{id: a, text: A.}, {id: b, text: B.}]\n",
        "map.yaml",
    )
    r = explain(m, evaluate(m), ["c"])[0].robustness
    assert r is not None
    assert (r.method, round(r.low, 6), round(r.high, 6)) == ("exact", 0.44, 0.88)


def test_without_takes_away_undercuts_on_gone_links_whatever_the_order_of_the_links() -> None:
    # u undercuts p → c and v undercuts that undercut: without p, all three links go. A map
    # made otherwise than by the loader may list a link after the undercuts on it.
    m = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n    pro:\n      - id: p\n"
        "        text: P.\n"
        "        undercut: [{id: u, text: U., undercut: [{id: v, text: V.}]}]\n",
        "map.yaml",
    )
    link, on_link, on_undercut = m.links
    for links in [(link, on_undercut, on_link), (on_undercut, on_link, link)]:
        w = without(attrs.evolve(m, links=links), {"p"})
        assert ([n.id for n in w.nodes], w.links) == (["c", "u", "v"], ())


@pytest.mark.parametrize(
    "text",
    [
        WORKED,
        TWO_ROUTES_INTO_GROUPS,
        (MAPS / "eval_even_cycle.yaml").read_text(encoding="utf-8"),
        (MAPS / "linked-worked.yaml").read_text(encoding="utf-8"),
        (MAPS / "eval_support_readings.yaml").read_text(encoding="utf-8"),
    ],
    ids=["worked", "groups", "even-cycle", "linked", "support-readings"],
)
@pytest.mark.parametrize("support", ["attacks-only", "necessary"])
def test_an_evaluation_made_without_its_computed_graph_is_explained_the_same(
    text: str, support: str
) -> None:
    # An Evaluation read back from elsewhere (or built by hand) carries no graph: explain
    # rebuilds the strengths and labels from its scores, and must say the same about every
    # node and link, in, out or undecided.
    m = loads_map(text, "map.yaml")
    e = evaluate(m, support=support)
    ids = [n.id for n in m.unique_nodes()]
    expected = explain(m, e, ids)
    cyclic = "allow-cycles" in text
    assert {x.status for x in expected} >= ({"undecided"} if cyclic else {"in", "out"})
    assert explain(m, attrs.evolve(e, computed=None), ids) == expected
