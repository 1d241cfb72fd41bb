"""Explanations and robustness (argmap/explain.py) on worked examples computed by hand, and
the premises counted twice (argmap/routes.py, validate's W210).

DF-QuAD by hand: each side aggregates as F = 1 − Π(1 − vᵢ); with attack va and support vs,
s = b − b·(va − vs) when va ≥ vs, else s = b + (1 − b)·(vs − va). A node with nothing on
either side keeps its base score."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from argmap import evaluate, load_map, loads_map
from argmap.explain import (
    Explanation,
    explain,
    flip_sentence,
    robustness_sentences,
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
