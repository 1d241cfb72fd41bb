"""Evaluation: gradual strengths and acceptance status, against values computed by hand.

Every expected value below is computed from the published definitions, written out in
the test (or in a comment), never copied from argmap's output:

- DF-QuAD (Rago, Toni, Aurisicchio & Baroni, KR 2016): F(v₁…vₙ) = 1 − Π(1 − vᵢ);
  s = b − b·(va − vs) if va ≥ vs, else b + (1 − b)·(vs − va).
- Quadratic energy (Potyka, KR 2018): E = Σ sup − Σ att, h(x) = max(x,0)²/(1 + max(x,0)²),
  s = b − b·h(−E) + (1 − b)·h(E).
- Euler-based (Amgoud & Ben-Naim, ECSQARU 2017): s = 1 − (1 − b²)/(1 + b·e^E).
- Grounded labelling (Dung 1995; Caminada 2006) and the support readings of Cayrol &
  Lagasquie-Schiex (2005, 2013), Boella et al. (2010) and Nouioua & Risch (2010).
"""

from __future__ import annotations

import copy
import functools
import importlib
import math
import operator
from typing import Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import evaluate, load_map, loads_map
from argmap.errors import EvaluationError
from argmap.evaluate import (
    SEMANTICS,
    SUPPORT_READINGS,
    Acceptance,
    Status,
    acceptance,
    dfquad,
    euler_based,
    evaluation_json,
    quadratic_energy,
)
from argmap.explain import explain
from argmap.model import ArgumentMap
from tests.budget import examples
from tests.conftest import MAPS, REPO

STANDS, FALLS, UNDECIDED = Status.IN, Status.OUT, Status.UNDECIDED


def load(text: str) -> ArgumentMap:
    return loads_map(text, "test.yaml")


def h(x: float) -> float:
    x = max(x, 0.0)
    return x * x / (1 + x * x)


# --- the example map, by hand ------------------------------------------------------------


def test_example_map_dfquad_by_hand() -> None:
    e = evaluate(load_map(REPO / "maps" / "example.yaml"))
    # accident-risk (0.5) attacked by a 0.7 premise: 0.5 − 0.5·0.7 = 0.15
    assert e.nodes["accident-risk"].strength == pytest.approx(0.15)
    # low-emissions (0.5) attacked by a 0.5 premise: 0.25
    assert e.nodes["low-emissions"].strength == pytest.approx(0.25)
    # cheap-power's link is undercut by a 0.5 premise: the link is an argument with base
    # 0.5 (cheap-power's strength) and one 0.5 attacker, so it carries 0.5·(1 − 0.5) = 0.25
    assert e.links["build-plant.pro.2"].base == pytest.approx(0.5)
    assert e.links["build-plant.pro.2"].strength == pytest.approx(0.25)
    assert e.nodes["cheap-power"].strength == pytest.approx(0.5)
    # build-plant: supports F(0.25, 0.25) = 0.4375, attack F(0.15) = 0.15:
    # 0.5 + 0.5·(0.4375 − 0.15) = 0.64375
    assert e.nodes["build-plant"].strength == pytest.approx(0.64375)
    # lower-bills: support 0.5 through the ref, attack 0.5: equal sides keep the base
    assert e.nodes["lower-bills"].strength == pytest.approx(0.5)
    # status: the undercut premise is unattacked, so the undercut link is OUT;
    # every unattacked premise is IN and what it attacks is OUT
    assert e.nodes["build-plant"].status is STANDS
    assert e.nodes["accident-risk"].status is FALLS
    assert e.nodes["low-emissions"].status is FALLS
    assert e.nodes["lower-bills"].status is FALLS
    assert e.links["build-plant.pro.2"].status is FALLS
    assert e.links["build-plant.pro.2.undercut.1"].status is STANDS
    assert e.converged and e.residual == 0.0 and e.iterations == 0


def test_every_node_and_link_is_scored_under_its_diagnostic_id() -> None:
    m = load_map(REPO / "maps" / "example.yaml")
    e = evaluate(m)
    assert list(e.nodes) == m.node_ids
    assert list(e.links) == [lk.id for lk in m.links]


# --- a QuAD debate: DF-QuAD, QE and Euler-based by hand -------------------------------------

# An e-democracy debate shaped like the QuAD frameworks of Rago et al. (2016): one
# proposal, two pros, one con, and objections one level down. The paper's own figure was
# not available to us, so the expected values are computed here from its definitions.
DEBATE = """argmap: 1
title: Congestion charge
claims:
  charge:
    text: The council should introduce a congestion charge.
    pro:
      - id: fewer-cars
        text: Fewer cars would enter the centre.
        weight: 0.8
        con:
          - id: displaced
            text: Traffic would move to the ring road.
      - id: revenue
        text: The charge would pay for buses.
        weight: 0.6
    con:
      - id: hurts-shops
        text: Shops in the centre would lose customers.
        weight: 0.7
        con:
          - id: survey
            text: A survey found most shoppers arrive by bus.
            weight: 0.4
"""


def test_dfquad_debate_by_hand() -> None:
    e = evaluate(load(DEBATE), "dfquad")
    # hurts-shops: 0.7 − 0.7·0.4 = 0.42; fewer-cars: 0.8 − 0.8·0.5 = 0.4
    # charge: vs = 1 − (1 − 0.4)(1 − 0.6) = 0.76, va = 0.42: 0.5 + 0.5·0.34 = 0.67
    assert round(e.nodes["hurts-shops"].strength, 4) == 0.42
    assert round(e.nodes["fewer-cars"].strength, 4) == 0.4
    assert round(e.nodes["charge"].strength, 4) == 0.67
    assert e.nodes["charge"].base == 0.5


def test_quadratic_energy_debate_by_hand() -> None:
    e = evaluate(load(DEBATE), "qe")
    shops = 0.7 - 0.7 * h(0.4)  # E = −0.4
    cars = 0.8 - 0.8 * h(0.5)  # E = −0.5: h = 0.2, so 0.64
    energy = cars + 0.6 - shops
    charge = 0.5 + 0.5 * h(energy)
    assert round(shops, 4) == 0.6034 and round(cars, 4) == 0.64 and round(charge, 4) == 0.6442
    assert round(e.nodes["hurts-shops"].strength, 4) == 0.6034
    assert round(e.nodes["fewer-cars"].strength, 4) == 0.64
    assert round(e.nodes["charge"].strength, 4) == 0.6442


def test_euler_based_debate_by_hand() -> None:
    e = evaluate(load(DEBATE), "euler")

    def euler(b: float, energy: float) -> float:
        return 1 - (1 - b * b) / (1 + b * math.exp(energy))

    shops = euler(0.7, -0.4)
    cars = euler(0.8, -0.5)
    charge = euler(0.5, cars + 0.6 - shops)
    # 0.7: 1 − 0.51/(1 + 0.7·0.670320) = 1 − 0.51/1.469224 = 0.6529;
    # 0.8: 1 − 0.36/(1 + 0.8·0.606531) = 1 − 0.36/1.485225 = 0.7576
    assert round(shops, 4) == 0.6529 and round(cars, 4) == 0.7576
    assert round(e.nodes["hurts-shops"].strength, 4) == round(shops, 4)
    assert round(e.nodes["fewer-cars"].strength, 4) == round(cars, 4)
    assert round(e.nodes["charge"].strength, 4) == round(charge, 4)


def test_the_combination_functions_by_hand() -> None:
    # Rago et al. 2016: equal aggregated sides leave the base unchanged
    assert dfquad(0.3, [0.5], [0.5]) == pytest.approx(0.3)
    # va = 1 − 0.5·0.5 = 0.75 > vs = 0: 0.8 − 0.8·0.75 = 0.2
    assert dfquad(0.8, [0.5, 0.5], []) == pytest.approx(0.2)
    # vs = 0.9: 0.2 + 0.8·0.9 = 0.92
    assert dfquad(0.2, [], [0.9]) == pytest.approx(0.92)
    # QE: E = 1: 0.5 + 0.5·(1/2) = 0.75
    assert quadratic_energy(0.5, [], [1.0]) == pytest.approx(0.75)
    # Euler-based: E = 0 gives the base back (1 − (1 − b²)/(1 + b) = b)
    assert euler_based(0.3, [0.4], [0.4]) == pytest.approx(0.3)


def test_euler_based_does_not_overflow() -> None:
    # e^800 overflows a double; the exponent is capped and the strength is 1 to
    # double precision (1 − 0.75/(1 + 0.5·e^700) rounds to 1.0)
    assert euler_based(0.5, [], [1.0] * 800) == 1.0
    assert euler_based(0.5, [1.0] * 800, []) == pytest.approx(0.25)  # → b² as E → −∞
    # a tiny base with a large energy: 1e-300·e^800 = e^(−690.8 + 800) ≈ 2.7e47, so the
    # strength is 1 − (1 − 1e-600)/(1 + 2.7e47) = 1 to double precision; capping E
    # itself at 700 would give 1 − 1/(1 + 1e-300·e^700) ≈ 0.9999 instead
    assert euler_based(1e-300, [], [1.0] * 800) == 1.0


# --- several supporters and attackers, extreme weights, by hand ------------------------------

MIXED = """argmap: 1
title: mixed
claims:
  c:
    text: C.
    weight: 0.6
    pro:
      - {text: S1., weight: 0.5}
      - {text: S2., weight: 0.3}
    con:
      - {text: A1., weight: 0.2}
"""


def test_several_supporters_and_an_attacker_by_hand_in_each_semantics() -> None:
    m = load(MIXED)
    # DF-QuAD: vs = 1 − (1 − 0.5)(1 − 0.3) = 0.65, va = 0.2; vs > va:
    #   0.6 + (1 − 0.6)·(0.65 − 0.2) = 0.6 + 0.4·0.45 = 0.78
    assert round(evaluate(m, "dfquad").nodes["c"].strength, 4) == 0.78
    # QE: E = 0.5 + 0.3 − 0.2 = 0.6, h(0.6) = 0.36/1.36 = 0.264706:
    #   0.6 + 0.4·0.264706 = 0.705882
    assert round(evaluate(m, "qe").nodes["c"].strength, 4) == 0.7059
    # Euler-based: e^0.6 = 1.822119, 1 + 0.6·1.822119 = 2.093271:
    #   1 − (1 − 0.36)/2.093271 = 1 − 0.305742 = 0.694258
    assert round(evaluate(m, "euler").nodes["c"].strength, 4) == 0.6943


def test_dfquad_with_several_attackers_and_supporters_by_hand() -> None:
    m = load(
        """argmap: 1
title: t
claims:
  c:
    text: C.
    weight: 0.4
    pro:
      - {text: S1., weight: 0.3}
      - {text: S2., weight: 0.6}
      - {text: S3., weight: 0.5}
    con:
      - {text: A1., weight: 0.5}
      - {text: A2., weight: 0.2}
  d:
    text: D.
    weight: 0.9
    pro: [{text: S., weight: 0.25}]
    con: [{text: A1., weight: 0.5}, {text: A2., weight: 0.5}]
"""
    )
    e = evaluate(m, "dfquad")
    # c: vs = 1 − 0.7·0.4·0.5 = 0.86, va = 1 − 0.5·0.8 = 0.6; vs > va:
    #   0.4 + 0.6·(0.86 − 0.6) = 0.4 + 0.156 = 0.556
    assert round(e.nodes["c"].strength, 4) == 0.556
    # d: va = 1 − 0.5·0.5 = 0.75 ≥ vs = 0.25: 0.9 − 0.9·0.5 = 0.45
    assert round(e.nodes["d"].strength, 4) == 0.45


EXTREMES = """argmap: 1
title: weights 0 and 1
claims:
  zero:
    text: Z.
    weight: 0
    pro: [{text: S., weight: 1}]
  one:
    text: O.
    weight: 1
    con: [{text: A., weight: 1}]
  half-lost:
    text: H.
    weight: 1
    con: [{text: A., weight: 0.5}]
  unmoved:
    text: U.
    weight: 0
    con: [{text: A., weight: 1}]
"""


def test_weights_zero_and_one_by_hand() -> None:
    m = load(EXTREMES)
    d = evaluate(m, "dfquad").nodes
    # DF-QuAD: 0 + (1 − 0)·1 = 1; 1 − 1·1 = 0; 1 − 1·0.5 = 0.5; 0 − 0·1 = 0
    assert [d[k].strength for k in ("zero", "one", "half-lost", "unmoved")] == [1, 0, 0.5, 0]
    q = evaluate(m, "qe").nodes
    # QE: E = 1, h(1) = 1/2: 0 + 1·0.5 = 0.5; E = −1: 1 − 1·0.5 = 0.5;
    # E = −0.5, h(0.5) = 0.25/1.25 = 0.2: 1 − 0.2 = 0.8; 0 − 0 = 0
    assert [q[k].strength for k in ("zero", "one", "half-lost", "unmoved")] == pytest.approx(
        [0.5, 0.5, 0.8, 0.0]
    )
    u = evaluate(m, "euler").nodes
    # Euler-based: b = 0 gives 1 − 1/(1 + 0) = 0 and b = 1 gives 1 − 0/(…) = 1 whatever the
    # energy: the two extreme base scores never move
    assert [u[k].strength for k in ("zero", "one", "half-lost", "unmoved")] == [0, 1, 1, 0]
    # status ignores weights: every premise is unattacked, so IN, and what it attacks OUT
    assert [d[k].status for k in ("zero", "one", "half-lost", "unmoved")] == [
        STANDS,
        FALLS,
        FALLS,
        FALLS,
    ]


@pytest.mark.slow
def test_fan_in_of_ten_thousand_attackers_and_supporters() -> None:
    n = 10_000
    items = "\n".join(f"      - {{text: P{i}., weight: 0.5}}" for i in range(n))
    m = load(f"argmap: 1\ntitle: fan\nclaims:\n  c:\n    text: C.\n    con:\n{items}\n")
    # 0.5^10000 underflows to 0 (the exact value, 2^-10000, is not a double either):
    # va = 1, so DF-QuAD gives 0.5 − 0.5 = 0
    assert evaluate(m, "dfquad").nodes["c"].strength == 0.0
    # QE: E = −5000: 0.5 − 0.5·h(5000) = 0.5/(1 + 5000²) = 1.99999992e-8
    assert evaluate(m, "qe").nodes["c"].strength == pytest.approx(0.5 / (1 + 5000**2))
    # Euler-based: e^−5000 = 0 and the strength is b² = 0.25
    assert evaluate(m, "euler").nodes["c"].strength == 0.25
    # as many supporters of the same strength: both sides aggregate to the same value
    # (1 in DF-QuAD, 5000 in energy), so every semantics gives the base back exactly
    pros = items.replace("text: P", "text: S")
    head = "argmap: 1\ntitle: fan\nclaims:\n  c:\n    text: C.\n"
    both = load(f"{head}    con:\n{items}\n    pro:\n{pros}\n")
    for semantics in SEMANTICS:
        assert evaluate(both, semantics).nodes["c"].strength == 0.5


@pytest.mark.slow
def test_a_chain_of_a_hundred_thousand_attacks_is_evaluated_without_recursion() -> None:
    # c0 ← c1 ← … ← c99999, base 0.5. DF-QuAD: s = 0.5·(1 − s_next), from 0.5 at the end:
    # the fixpoint of x = 0.5·(1 − x), 1/3, reached to double precision long before c0.
    # Grounded: c99999 IN, then OUT and IN alternately: c_i is IN when 99999 − i is even,
    # so c0 is OUT and c1 IN.
    n = 100_000
    lines = ["argmap: 1", "title: chain", "claims:"]
    lines += [f"  c{i}: {{text: C{i}., con: [{{ref: c{i + 1}}}]}}" for i in range(n - 1)]
    lines.append(f"  c{n - 1}: C{n - 1}.")
    e = evaluate(load("\n".join(lines) + "\n"))
    assert e.nodes["c0"].strength == pytest.approx(1 / 3)
    assert (e.nodes["c0"].status, e.nodes["c1"].status) == (FALLS, STANDS)
    assert e.nodes[f"c{n - 2}"].strength == 0.25


# --- undercuts -----------------------------------------------------------------------------


def test_an_undercut_weakens_the_link_not_the_premise() -> None:
    m = load(
        """argmap: 1
title: undercut
claims:
  c:
    text: C.
    con:
      - id: p
        text: P.
        weight: 0.8
        undercut:
          - {id: u, text: U., weight: 0.5}
"""
    )
    e = evaluate(m)
    # the link c.con.1 has base 0.8 (p's strength) and one 0.5 attacker: 0.8·0.5 = 0.4;
    # c sees 0.4, not 0.8: 0.5 − 0.5·0.4 = 0.3
    assert e.nodes["p"].strength == pytest.approx(0.8)
    assert e.links["c.con.1"].base == pytest.approx(0.8)
    assert e.links["c.con.1"].strength == pytest.approx(0.4)
    assert e.nodes["c"].strength == pytest.approx(0.3)
    # status: u is IN, so the link is OUT, so p's attack does not count: c stands (IN)
    assert e.nodes["p"].status is STANDS
    assert e.links["c.con.1"].status is FALLS
    assert e.nodes["c"].status is STANDS


def test_an_undercut_support_link_by_hand() -> None:
    m = load(
        """argmap: 1
title: undercut support
claims:
  c:
    text: C.
    pro:
      - id: p
        text: P.
        weight: 0.8
        undercut:
          - {id: u, text: U., weight: 0.25}
"""
    )
    # DF-QuAD: the link has base 0.8 and one 0.25 attacker: 0.8 − 0.8·0.25 = 0.6;
    # c sees a 0.6 supporter: 0.5 + 0.5·0.6 = 0.8
    d = evaluate(m, "dfquad")
    assert d.links["c.pro.1"].strength == pytest.approx(0.6)
    assert d.nodes["c"].strength == pytest.approx(0.8)
    # QE: the link: E = −0.25, h(0.25) = 0.0625/1.0625 = 1/17: 0.8 − 0.8/17 = 0.752941;
    # c: E = 0.752941, h = 0.566920/1.566920 = 0.361805: 0.5 + 0.5·0.361805 = 0.680903
    q = evaluate(m, "qe")
    link = 0.8 - 0.8 / 17
    assert q.links["c.pro.1"].strength == pytest.approx(link)
    assert round(q.nodes["c"].strength, 4) == round(0.5 + 0.5 * h(link), 4) == 0.6809
    # status: u is IN, so the support link is OUT; c has no attacker and stays IN
    assert d.links["c.pro.1"].status is FALLS
    assert d.nodes["c"].status is STANDS


def test_an_undercut_on_a_ref_is_local_to_that_link() -> None:
    m = load(
        """argmap: 1
title: refs
claims:
  a:
    text: A.
    con: [{id: p, text: P., weight: 1}]
  b:
    text: B.
    con:
      - ref: p
        undercut: [{text: U., weight: 1}]
"""
    )
    e = evaluate(m)
    assert e.nodes["a"].strength == pytest.approx(0.0)  # 0.5 − 0.5·1
    assert e.nodes["b"].strength == pytest.approx(0.5)  # the link carries 1·(1 − 1) = 0
    assert e.nodes["a"].status is FALLS
    assert e.nodes["b"].status is STANDS


# --- support readings: one map that separates all four ------------------------------------

# b supports g; a supports b; c attacks b; a attacks d; g attacks e. By hand
# (Cayrol & Lagasquie-Schiex 2013, Defs. of supported, secondary, mediated and extended
# attacks; Boella et al. 2010 for deductive support, Nouioua & Risch 2010 for necessary):
#   attacks-only: c, a, g unattacked → IN; b, d, e OUT.
#   deductive adds mediated c→a (a ⇒ b, c attacks b) and supported a→e, b→e
#     (a ⇒ b ⇒ g, g attacks e): a OUT, so d IN; g IN, e OUT.
#   necessary adds secondary c→g (c attacks b, b ⇒ g) and extended b→d, g→d
#     (a ⇒ b ⇒ g, a attacks d): g OUT, so e IN; d OUT (a is IN).
#   cayrol2005 adds supported a→e, b→e and secondary c→g: g OUT, e OUT (a IN attacks it).
# Our own example, built to separate all four readings; Boella et al.'s own Fig. 1
# follows below.
SEPARATING = """argmap: 1
title: Support readings
claims:
  g:
    text: G.
    pro:
      - id: b
        text: B.
        pro: [{id: a, text: A.}]
        con: [{id: c, text: C.}]
  d: {text: D., con: [{ref: a}]}
  e: {text: E., con: [{ref: g}]}
"""


@pytest.mark.parametrize(
    ("support", "expected"),
    [
        ("attacks-only", {"a": "IN", "b": "OUT", "c": "IN", "d": "OUT", "e": "OUT", "g": "IN"}),
        ("deductive", {"a": "OUT", "b": "OUT", "c": "IN", "d": "IN", "e": "OUT", "g": "IN"}),
        ("necessary", {"a": "IN", "b": "OUT", "c": "IN", "d": "OUT", "e": "IN", "g": "OUT"}),
        ("cayrol2005", {"a": "IN", "b": "OUT", "c": "IN", "d": "OUT", "e": "OUT", "g": "OUT"}),
    ],
)
def test_support_readings_separate(support: str, expected: dict[str, str]) -> None:
    e = evaluate(load(SEPARATING), support=support)
    word = {STANDS: "IN", FALLS: "OUT", UNDECIDED: "UNDEC"}
    assert {k: word[s.status] for k, s in e.nodes.items()} == expected
    assert e.support == support


def test_support_readings_do_not_change_strength() -> None:
    m = load(SEPARATING)
    strengths = {s: evaluate(m, support=s).nodes["g"].strength for s in SUPPORT_READINGS}
    assert len(set(strengths.values())) == 1


def test_an_undercut_support_link_induces_nothing() -> None:
    # as SEPARATING's necessary reading, but the support b ⇒ g is undercut by an
    # unattacked premise: the secondary attack c→g rests on that link, so g stays IN
    m = load(
        SEPARATING.replace(
            "      - id: b\n        text: B.\n",
            "      - id: b\n        text: B.\n        undercut: [{id: u, text: U.}]\n",
        )
    )
    e = evaluate(m, support="necessary")
    assert e.links["g.pro.1"].status is FALLS
    assert e.nodes["g"].status is STANDS


def test_support_readings_do_not_enumerate_every_chain_of_a_dense_support_graph() -> None:
    # 40 layers of two claims, each supported by both claims of the next layer: 2^39
    # support chains lead from the deepest layer to the top, but only 80 claims can be
    # reached. Walking every chain would never finish; the readings need only which
    # claims a claim reaches (and through which undercuts). One attack at the top,
    # t0 attacks n0x0, separates the readings: deductive adds the mediated attacks of t0
    # on every claim below (each reaches n0x0); necessary would add secondary attacks of
    # t0 on what n0x0 supports, which is nothing.
    layers = 40
    lines = ["argmap: 1", "title: dense supports", "claims:"]
    for depth in range(layers):
        for k in (0, 1):
            pro = f"[{{ref: n{depth + 1}x0}}, {{ref: n{depth + 1}x1}}]"
            if depth + 1 == layers:
                lines.append(f"  n{depth}x{k}: N{depth}.")
            elif (depth, k) == (0, 0):
                lines.append(f"  n0x0: {{text: N0., pro: {pro}, con: [{{id: t0, text: T.}}]}}")
            else:
                lines.append(f"  n{depth}x{k}: {{text: N{depth}., pro: {pro}}}")
    m = load("\n".join(lines) + "\n")
    deductive = evaluate(m, support="deductive").nodes
    # t0 is unattacked, so IN; every claim that reaches n0x0 by supports is OUT
    assert deductive["t0"].status is STANDS
    assert {k for k, s in deductive.items() if s.status is FALLS} == {
        f"n{d}x{k}" for d in range(layers) for k in (0, 1) if (d, k) != (0, 1)
    }
    necessary = evaluate(m, support="necessary").nodes
    # n0x0 supports nothing, so the secondary attack adds nothing: only n0x0 is OUT
    assert {k for k, s in necessary.items() if s.status is FALLS} == {"n0x0"}


@pytest.mark.slow
def test_a_long_support_chain_without_attacks_induces_nothing_and_is_quick() -> None:
    # c0 ⇐ c1 ⇐ … ⇐ c19999: 2·10^8 chains, and no attack anywhere for a reading to
    # propagate: every claim stays IN, and nothing is searched
    n = 20_000
    lines = ["argmap: 1", "title: supports", "claims:"]
    lines += [f"  c{i}: {{text: C{i}., pro: [{{ref: c{i + 1}}}]}}" for i in range(n - 1)]
    lines.append(f"  c{n - 1}: C{n - 1}.")
    m = load("\n".join(lines) + "\n")
    for support in ("deductive", "necessary", "cayrol2005"):
        assert {s.status for s in evaluate(m, support=support).nodes.values()} == {STANDS}


# Boella, Gabbay, van der Torre & Villata, "Support in Abstract Argumentation" (COMMA
# 2010), Fig. 1(a): arguments a..e, attacks b→d and e→c, supports a⇒b and b⇒c. The paper
# states that under Cayrol & Lagasquie-Schiex's reading (supported plus mediated attacks,
# our `deductive`) the acceptable arguments are {d, e}, although {d, e} is not admissible
# in the attack-only framework. By hand for the other readings:
#   attacks-only: a, b, e unattacked → IN; d OUT (b), c OUT (e).
#   deductive: supported a→d (a ⇒ b → d); mediated e→b (b ⇒ c, e → c) and e→a
#     (a ⇒ b ⇒ c): e IN, so a, b, c OUT, and d, attacked only by OUT arguments, IN.
#   necessary: extended c→d (b ⇒ c, b → d); c is OUT (e), so the labelling is attacks-only's.
#   cayrol2005: supported a→d; no attack precedes a support chain: attacks-only's again.
BOELLA_FIG_1 = """argmap: 1
title: Boella et al. 2010, Fig. 1(a)
claims:
  a: A.
  e: E.
  b: {text: B., pro: [{ref: a}]}
  c: {text: C., pro: [{ref: b}], con: [{ref: e}]}
  d: {text: D., con: [{ref: b}]}
"""


@pytest.mark.parametrize(
    ("support", "standing"),
    [
        ("attacks-only", {"a", "b", "e"}),
        ("deductive", {"d", "e"}),  # the extension the paper reports
        ("necessary", {"a", "b", "e"}),
        ("cayrol2005", {"a", "b", "e"}),
    ],
)
def test_boella_et_al_figure_1(support: str, standing: set[str]) -> None:
    e = evaluate(load(BOELLA_FIG_1), support=support)
    assert {k for k, s in e.nodes.items() if s.status is STANDS} == standing
    assert {k for k, s in e.nodes.items() if s.status is UNDECIDED} == set()


# --- cycles --------------------------------------------------------------------------------

EVEN_CYCLE = """argmap: 1
title: Even cycle
allow-cycles: true
claims:
  a: {text: A., weight: 1, con: [{ref: b}]}
  b: {text: B., weight: 1, con: [{ref: a}]}
"""


def test_even_cycle_where_naive_iteration_oscillates() -> None:
    # a and b attack each other, base 1. Naive iteration s ← f(s) from (1, 1) gives
    # (0, 0), (1, 1), ... forever. Under ds/dt = f(s) − s both rates are 1 − s_a − s_b,
    # so s_a − s_b stays 0 and s_a + s_b → 1: 0.5 each. Grounded: both undecided;
    # preferred and stable: {a} and {b}.
    m = load(EVEN_CYCLE)
    e = evaluate(m)
    assert e.converged and e.residual < 1e-9 and e.iterations > 0
    assert round(e.nodes["a"].strength, 4) == 0.5
    assert round(e.nodes["b"].strength, 4) == 0.5
    assert e.nodes["a"].status is UNDECIDED and e.nodes["b"].status is UNDECIDED
    for semantics in ("preferred", "stable"):
        acc = acceptance(m, semantics)
        assert acc.extensions == (frozenset({"a"}), frozenset({"b"}))
        assert acc.credulous == {"a", "b"}
        assert acc.sceptical == frozenset()


ODD_CYCLE = """argmap: 1
title: Odd cycle
allow-cycles: true
claims:
  a: {text: A., con: [{ref: c}]}
  b: {text: B., con: [{ref: a}]}
  c: {text: C., con: [{ref: b}]}
"""


def test_odd_cycle() -> None:
    # a → b → c → a, base 0.5: by symmetry the fixpoint solves x = 0.5·(1 − x): x = 1/3.
    # Grounded: all undecided; the only preferred extension is empty; no stable one.
    m = load(ODD_CYCLE)
    e = evaluate(m)
    assert e.converged
    assert [round(e.nodes[n].strength, 4) for n in "abc"] == [0.3333] * 3
    assert {s.status for s in e.nodes.values()} == {UNDECIDED}
    assert acceptance(m, "preferred").extensions == (frozenset(),)
    assert acceptance(m, "stable").extensions == ()


def test_odd_cycle_with_base_one_oscillates_naively_but_converges() -> None:
    # base 1: naive iteration flips (1,1,1) ↔ (0,0,0); the ODE from (1,1,1) stays
    # symmetric with x' = 1 − 2x: x → 0.5, in all of DF-QuAD's arithmetic by hand.
    m = load(
        ODD_CYCLE.replace("text: A.,", "text: A., weight: 1,")
        .replace("text: B.,", "text: B., weight: 1,")
        .replace("text: C.,", "text: C., weight: 1,")
    )
    e = evaluate(m)
    assert e.converged
    assert [round(e.nodes[n].strength, 4) for n in "abc"] == [0.5] * 3


def test_a_cycle_downstream_of_an_acyclic_part_uses_exact_upstream_values() -> None:
    # p (0.8) attacks a; a and b attack each other (base 0.5). a = 0.5·(1 − 0.8)(1 − b)
    # = 0.1·(1 − b), b = 0.5·(1 − a): a = 0.1 − 0.1·(0.5 − 0.5a) → a = 0.05/0.95
    m = load(
        """argmap: 1
title: mixed
allow-cycles: true
claims:
  a: {text: A., con: [{ref: b}, {id: p, text: P., weight: 0.8}]}
  b: {text: B., con: [{ref: a}]}
"""
    )
    e = evaluate(m)
    a = 0.05 / 0.95
    assert round(e.nodes["a"].strength, 4) == round(a, 4) == 0.0526
    assert round(e.nodes["b"].strength, 4) == round(0.5 * (1 - a), 4)
    # grounded: p IN, so a OUT, so b IN
    assert (e.nodes["a"].status, e.nodes["b"].status) == (FALLS, STANDS)


def test_a_cycle_through_an_undercut() -> None:
    # b attacks a through the link a.con.1, and a undercuts that very link: a depends on
    # the link, the link on a. Base 0.5 everywhere. DF-QuAD by hand:
    #   link L = 0.5·(1 − a) (base b = 0.5, attacked by a), a = 0.5·(1 − L)
    #   a = 0.5 − 0.25·(1 − a) = 0.25 + 0.25·a, so a = 1/3 and L = 1/3.
    # Grounded: b is unattacked, IN; a is IN iff L is OUT iff a's undercut is IN iff a is
    # IN: a, L and the undercut stay undecided. Preferred (both also stable): {a, b} with
    # the undercut IN and L OUT, and {b} with L IN and a OUT.
    m = load(
        """argmap: 1
title: cycle through an undercut
allow-cycles: true
claims:
  a:
    text: A.
    con:
      - ref: b
        undercut: [{ref: a}]
  b: B.
"""
    )
    e = evaluate(m)
    assert e.converged and e.residual < 1e-9
    assert round(e.nodes["a"].strength, 4) == 0.3333
    assert round(e.links["a.con.1"].strength, 4) == 0.3333
    assert e.nodes["b"].strength == 0.5
    assert (e.nodes["a"].status, e.nodes["b"].status) == (UNDECIDED, STANDS)
    assert e.links["a.con.1"].status is UNDECIDED
    for semantics in ("preferred", "stable"):
        acc = acceptance(m, semantics)
        assert acc.extensions == (frozenset({"a", "b"}), frozenset({"b"}))
        assert (acc.credulous, acc.sceptical) == (frozenset({"a", "b"}), frozenset({"b"}))


@pytest.mark.slow
def test_a_ring_of_ten_thousand_attacks_converges_within_the_budget() -> None:
    # c0 ← c1 ← … ← c9999 ← c0, base 0.5: the ring is symmetric, so every claim has the
    # same strength x = 0.5·(1 − x) = 1/3 (DF-QuAD), and the fixpoint is stable (the
    # linearised rates −1 − 0.5·ω over the 10,000th roots of unity ω all have negative
    # real part). The integration must get there within the whole-map budget.
    n = 10_000
    lines = ["argmap: 1", "title: ring", "allow-cycles: true", "claims:"]
    lines += [f"  c{i}: {{text: C{i}., con: [{{ref: c{(i + 1) % n}}}]}}" for i in range(n)]
    e = evaluate(load("\n".join(lines) + "\n"))
    assert e.converged and e.residual < 1e-9
    assert e.nodes["c0"].strength == pytest.approx(1 / 3, abs=1e-8)
    assert e.nodes["c5000"].strength == pytest.approx(1 / 3, abs=1e-8)
    assert e.links["c0.con.1"].strength == e.nodes["c1"].strength
    assert {s.status for s in e.nodes.values()} == {UNDECIDED}


@pytest.mark.slow
def test_a_ring_with_an_unstable_fixpoint_does_not_converge_and_says_so() -> None:
    # tests/maps/eval_limit_cycle.yaml explains why no fixpoint can be reached: the
    # integration runs out of steps with a residual far from 0, and says so
    e = evaluate(load_map(MAPS / "eval_limit_cycle.yaml"))
    assert e.converged is False
    assert e.residual > 0.01
    for score in e.nodes.values():
        assert 0.0 <= score.strength <= 1.0


def test_non_convergence_is_reported_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    ev = importlib.import_module("argmap.evaluate")  # `argmap.evaluate` is the function

    monkeypatch.setattr(ev, "MAX_STEPS", 3)
    e = evaluate(load(ODD_CYCLE))
    assert e.converged is False
    assert e.iterations == 3
    assert e.residual > ev.TOLERANCE


def test_the_whole_map_budget_bounds_the_work(monkeypatch: pytest.MonkeyPatch) -> None:
    ev = importlib.import_module("argmap.evaluate")  # `argmap.evaluate` is the function
    # the even cycle's part has 4 arguments (a, b and their links): 11 updates each a step
    monkeypatch.setattr(ev, "MAX_UPDATES", 11 * 4 * 5)
    e = evaluate(load(EVEN_CYCLE))
    assert (e.converged, e.iterations) == (False, 5)


def test_a_map_with_a_dangling_ref_is_refused_with_its_position() -> None:
    m = load("argmap: 1\ntitle: t\nclaims:\n  a: {text: A., con: [{ref: gone}]}\n")
    with pytest.raises(EvaluationError) as caught:
        evaluate(m)
    assert caught.value.format() == (
        "test.yaml:4:23: error: link a.con.1 comes from unknown node 'gone' [E504]"
    )


# --- extensions: the cap ---------------------------------------------------------------------


def test_extensions_refuse_past_the_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    ev = importlib.import_module("argmap.evaluate")  # `argmap.evaluate` is the function

    monkeypatch.setattr(ev, "MAX_UNDECIDED", 3)
    # even cycle: a, b and their two links are undecided: 4 > 3
    with pytest.raises(EvaluationError) as caught:
        acceptance(load(EVEN_CYCLE), "preferred")
    assert caught.value.code == "E503"
    assert caught.value.message == (
        "4 arguments are undecided under grounded semantics; preferred extensions are"
        " computed for at most 3"
    )


def test_extensions_refuse_past_the_search_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    ev = importlib.import_module("argmap.evaluate")  # `argmap.evaluate` is the function

    # the even cycle needs more than two tries (IN, OUT, UNDEC for its first open argument
    # already makes three), so a budget of 2 stops the search, naming the map
    monkeypatch.setattr(ev, "MAX_SEARCH_STEPS", 2)
    with pytest.raises(EvaluationError) as caught:
        acceptance(load(EVEN_CYCLE), "preferred")
    assert caught.value.format() == (
        "test.yaml: error: the search for extensions passed 2 steps; the map has too many"
        " undecided arguments [E503]"
    )


def test_the_support_chain_search_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    ev = importlib.import_module("argmap.evaluate")  # `argmap.evaluate` is the function

    # from a, the deductive reading follows a ⇒ b and a ⇒ b ⇒ g: two places, one too many
    monkeypatch.setattr(ev, "MAX_SUPPORT_STATES", 1)
    with pytest.raises(EvaluationError) as caught:
        evaluate(load(SEPARATING), support="deductive")
    assert caught.value.format() == (
        "test.yaml: error: support reading 'deductive' follows support chains to more than 1"
        " places on this map; use --support attacks-only [E505]"
    )
    monkeypatch.setattr(ev, "MAX_SUPPORT_STATES", 3)  # a: b, g; b: g
    assert evaluate(load(SEPARATING), support="deductive").nodes["a"].status is FALLS


def test_a_support_chain_with_no_attack_on_its_start_is_not_followed_by_necessary_support(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ev = importlib.import_module("argmap.evaluate")  # `argmap.evaluate` is the function

    # SEPARATING with f ⇒ a. The necessary reading adds attacks only at a chain's start when
    # something attacks it or it attacks (secondary, extended): from a (a attacks d) it
    # follows a ⇒ b and a ⇒ b ⇒ g, from b (c attacks b) b ⇒ g: three places. f neither
    # attacks nor is attacked, so its chains f ⇒ a ⇒ b ⇒ g are not followed, and a cap of
    # three places is enough.
    m = load(SEPARATING.replace("pro: [{id: a, text: A.}]", "pro: [{id: a, text: A., pro: [F.]}]"))
    monkeypatch.setattr(ev, "MAX_SUPPORT_STATES", 3)
    assert evaluate(m, support="necessary").nodes["e"].status is STANDS


def test_unknown_semantics_is_refused() -> None:
    with pytest.raises(EvaluationError) as caught:
        evaluate(load(EVEN_CYCLE), "hcat")
    assert caught.value.code == "E502"
    assert caught.value.message == "unknown semantics 'hcat' (choose from dfquad, qe, euler)"


def test_unknown_extension_semantics_is_refused() -> None:
    with pytest.raises(EvaluationError) as caught:
        acceptance(load(EVEN_CYCLE), "grounded")
    assert caught.value.format() == (
        "error: unknown extension semantics 'grounded' (choose from preferred, stable) [E502]"
    )


def test_extensions_refuse_an_unknown_support_reading() -> None:
    with pytest.raises(EvaluationError) as caught:
        acceptance(load(EVEN_CYCLE), "preferred", "bipolar")
    assert caught.value.format() == (
        "error: unknown support reading 'bipolar' (choose from attacks-only, deductive,"
        " necessary, cayrol2005) [E502]"
    )


def test_extensions_follow_the_support_reading() -> None:
    # Boella et al.'s Fig. 1 under the deductive reading: grounded leaves nothing undecided,
    # so the one extension is the grounded one, {d, e} (attacks-only: {a, b, e})
    assert acceptance(load(BOELLA_FIG_1), "preferred", "deductive") == Acceptance(
        "preferred",
        "deductive",
        (frozenset({"d", "e"}),),
        frozenset({"d", "e"}),
        frozenset({"d", "e"}),
    )


def test_extensions_are_computed_for_as_many_undecided_as_the_cap(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ev = importlib.import_module("argmap.evaluate")  # `argmap.evaluate` is the function

    monkeypatch.setattr(ev, "MAX_UNDECIDED", 4)  # the even cycle's 4 undecided arguments
    assert acceptance(load(EVEN_CYCLE), "preferred").extensions == (
        frozenset({"a"}),
        frozenset({"b"}),
    )


def test_the_search_for_extensions_may_take_as_many_steps_as_its_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ev = importlib.import_module("argmap.evaluate")  # `argmap.evaluate` is the function

    # The even cycle's open arguments in order: a, b, a.con.1 (requires b, attacks a),
    # b.con.1 (requires a, attacks b). Each call of the search tries IN, OUT and UNDEC at
    # its level, three steps: 1 call for a; 3 for b and 9 for a.con.1 (every value is
    # consistent while its neighbours are open); 3 for b.con.1 (a.con.1 must equal b, and
    # a be its opposite: (in, out), (out, in), (undecided, undecided)): 16 calls, 48 steps.
    monkeypatch.setattr(ev, "MAX_SEARCH_STEPS", 48)
    assert acceptance(load(EVEN_CYCLE), "stable").extensions == (
        frozenset({"a"}),
        frozenset({"b"}),
    )
    monkeypatch.setattr(ev, "MAX_SEARCH_STEPS", 47)
    with pytest.raises(EvaluationError) as caught:
        acceptance(load(EVEN_CYCLE), "stable")
    assert caught.value.message == (
        "the search for extensions passed 47 steps; the map has too many undecided arguments"
    )


def test_euler_based_with_base_zero_and_a_huge_energy_stays_zero() -> None:
    # s = 1 − (1 − 0)/(1 + 0·e^E) = 0 for any E; past E = 700, e^E is not computed (its
    # logarithm would need log 0)
    assert euler_based(0.0, [], [1.0] * 800) == 0.0


def test_the_json_document_is_indented_and_keeps_non_ascii_text() -> None:
    # one claim and nothing else: strength = base = 0.5, IN; the corners 0.3 and 0.7
    m = load("argmap: 1\ntitle: t\nclaims:\n  c: C.\n")
    e = evaluate(m)
    assert evaluation_json(e, explanations=explain(m, e)).splitlines() == [
        "{",
        '  "semantics": "dfquad",',
        '  "support": "attacks-only",',
        '  "status_semantics": "grounded",',
        '  "caveat": "computed from the map as drawn, with default base scores where none is'
        ' given; not a judgement of the sources or of truth",',
        '  "converged": true,',
        '  "residual": 0.0,',
        '  "iterations": 0,',
        '  "nodes": {',
        '    "c": {',
        '      "base": 0.5,',
        '      "strength": 0.5,',
        '      "status": "in"',
        "    }",
        "  },",
        '  "links": {},',
        '  "explanations": {',
        '    "c": {',
        '      "node": "c",',
        '      "strength": 0.5,',
        '      "status": "in",',
        '      "unanswered_objections": 0,',
        '      "unopposed": true,',
        '      "contributions": [],',
        '      "flip": null,',
        '      "robustness": {',
        '        "robust": false,',
        '        "range": [',
        "          0.3,",
        "          0.7",
        "        ],",
        '        "spread": 0.2,',
        '        "method": "exact",',
        '        "samples": 0,',
        '        "seed": null,',
        '        "without_implicit": null,',
        '        "reasons": [',
        '          "its strength ranges from 0.30 to 0.70 when base scores vary by ±0.2, across'
        ' 0.5"',
        "        ]",
        "      },",
        '      "note": null,',
        '      "groups": []',
        "    }",
        "  },",
        '  "counted_twice": []',
        "}",
    ]


# --- properties ----------------------------------------------------------------------------

WEIGHTS = st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.7, 0.9, 1.0])

# A generated map: for each claim, its weight and its pro and con items; an item is
# ("ref", j, undercutter or None) — a ref to an earlier claim — or ("leaf", weight).
Item = tuple[Literal["ref"], int, int | None] | tuple[Literal["leaf"], float]
Spec = list[tuple[float, dict[str, list[Item]]]]


@st.composite
def specs(draw: st.DrawFn, attacks_only: bool = False, base: float | None = None) -> Spec:
    """A random acyclic map: claim i refers only to claims before it (by pro, con and
    undercut), so every ref points backwards."""
    spec: Spec = []
    for i in range(draw(st.integers(1, 7))):
        weight = base if base is not None else draw(WEIGHTS)
        lists: dict[str, list[Item]] = {}
        for kind in ("con",) if attacks_only else ("pro", "con"):
            items: list[Item] = []
            for j in draw(st.lists(st.integers(0, i - 1), max_size=3)) if i else []:
                undercutter = draw(st.none() | st.integers(0, j - 1)) if j else None
                items.append(("ref", j, undercutter))
            for _ in range(draw(st.integers(0, 1))):
                items.append(("leaf", base if base is not None else draw(WEIGHTS)))
            lists[kind] = items
        spec.append((weight, lists))
    return spec


def render(spec: Spec) -> str:
    lines = ["argmap: 1", "title: generated", "claims:"]
    for i, (weight, lists) in enumerate(spec):
        lines += [f"  c{i}:", f"    text: Claim {i}.", f"    weight: {weight}"]
        for kind, items in lists.items():
            if not items:
                continue
            lines.append(f"    {kind}:")
            for item in items:
                if len(item) == 3:  # ("ref", target, undercutter)
                    lines.append(f"      - ref: c{item[1]}")
                    if item[2] is not None:
                        lines.append(f"        undercut: [{{ref: c{item[2]}}}]")
                else:
                    lines.append(f"      - {{text: A premise., weight: {item[1]}}}")
    return "\n".join(lines) + "\n"


@settings(max_examples=examples(60), deadline=None)
@given(specs(), st.sampled_from(SEMANTICS))
def test_strengths_stay_in_the_unit_interval(spec: Spec, semantics: str) -> None:
    e = evaluate(load(render(spec)), semantics)
    for score in [*e.nodes.values(), *e.links.values()]:
        assert 0.0 <= score.strength <= 1.0


@settings(max_examples=examples(60), deadline=None)
@given(specs(), st.sampled_from(SEMANTICS))
def test_balance_no_attacker_or_supporter_keeps_the_base(spec: Spec, semantics: str) -> None:
    m = load(render(spec))
    e = evaluate(m, semantics)
    for node in m.unique_nodes():
        if not m.incoming(node.id):
            assert e.nodes[node.id].strength == node.base


@settings(max_examples=examples(80), deadline=None)
@given(specs(), st.sampled_from(SEMANTICS), st.sampled_from(["pro", "con"]), WEIGHTS, st.data())
@pytest.mark.slow
def test_monotonicity_a_new_supporter_never_lowers_a_new_attacker_never_raises(
    spec: Spec, semantics: str, kind: str, weight: float, data: st.DataObject
) -> None:
    target = data.draw(st.integers(0, len(spec) - 1))
    before = evaluate(load(render(spec)), semantics).nodes[f"c{target}"].strength
    spec = copy.deepcopy(spec)
    spec[target][1].setdefault(kind, []).append(("leaf", weight))
    after = evaluate(load(render(spec)), semantics).nodes[f"c{target}"].strength
    if kind == "pro":
        assert after >= before - 1e-12
    else:
        assert after <= before + 1e-12


@settings(max_examples=examples(60), deadline=None)
@given(specs(attacks_only=True, base=1))
def test_dfquad_with_base_one_is_the_grounded_labelling(spec: Spec) -> None:
    e = evaluate(load(render(spec)), "dfquad")
    for score in [*e.nodes.values(), *e.links.values()]:
        assert (score.strength, score.status) in {(1.0, STANDS), (0.0, FALLS)}


@settings(max_examples=examples(60), deadline=None)
@given(specs())
def test_the_one_pass_labelling_agrees_with_the_general_algorithm(spec: Spec) -> None:
    # acyclic maps without a support reading are labelled in one pass; the worklist
    # algorithm used everywhere else must give the same labels
    ev = importlib.import_module("argmap.evaluate")
    g = ev._Graph.build(load(render(spec)))
    order, left = ev._topological(g)
    assert left == []
    assert ev._labels_in_order(g, order) == ev.grounded_labelling(ev._framework(g, "attacks-only"))


@st.composite
def cyclic_texts(draw: st.DrawFn) -> str:
    """A random map whose refs may point anywhere, cycles allowed, some links undercut by
    a ref to a third claim (so that cycles may run through undercuts)."""
    n = draw(st.integers(2, 6))
    lines = ["argmap: 1", "title: cyclic", "allow-cycles: true", "claims:"]
    for i in range(n):
        lines += [f"  c{i}:", f"    text: Claim {i}.", f"    weight: {draw(WEIGHTS)}"]
        for kind in ("pro", "con"):
            not_itself = functools.partial(operator.ne, i)
            targets = draw(st.lists(st.integers(0, n - 1).filter(not_itself), max_size=2))
            if targets:
                lines.append(f"    {kind}:")
            for j in targets:
                lines.append(f"      - ref: c{j}")
                others = [k for k in range(n) if k not in (i, j)]
                if len(others) > 0 and draw(st.booleans()):
                    lines.append(f"        undercut: [{{ref: c{draw(st.sampled_from(others))}}}]")
    return "\n".join(lines) + "\n"


@settings(max_examples=examples(40), deadline=None)
@given(cyclic_texts(), st.sampled_from(SEMANTICS))
@pytest.mark.slow
def test_on_cyclic_maps_a_converged_result_is_a_fixpoint(text: str, semantics: str) -> None:
    m = load(text)
    e = evaluate(m, semantics)
    combine = {"dfquad": dfquad, "qe": quadratic_energy, "euler": euler_based}[semantics]
    for score in [*e.nodes.values(), *e.links.values()]:
        assert 0.0 <= score.strength <= 1.0
    if not e.converged:
        return
    # each node's strength is what its semantics gives from its parents' links' strengths
    for node in m.unique_nodes():
        att = [e.links[lk.id].strength for lk in m.attackers(node.id)]
        sup = [e.links[lk.id].strength for lk in m.supporters(node.id)]
        assert e.nodes[node.id].strength == pytest.approx(combine(node.base, att, sup), abs=1e-8)
    # and each link's strength is its premise's, weakened by the undercuts on it
    for lk in m.links:
        cuts = [e.links[u.id].strength for u in m.undercutters(lk.id)]
        expected = combine(e.nodes[lk.source].strength, cuts, [])
        assert e.links[lk.id].strength == pytest.approx(expected, abs=1e-8)


def _induced_attacks(m: ArgumentMap, support: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many attacks the reading induces on `m`: the least cap that does not refuse it."""
    ev = importlib.import_module("argmap.evaluate")
    for cap in range(20):
        monkeypatch.setattr(ev, "MAX_INDUCED_ATTACKS", cap)
        try:
            evaluate(m, support=support)
        except EvaluationError:
            continue
        return cap
    raise AssertionError("more than 20 induced attacks")


def test_each_reading_induces_exactly_the_attacks_its_definition_lists(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # eval_support_readings: a ⇒ b ⇒ g, c attacks b, a attacks d, g attacks e.
    # necessary: c attacks g (secondary); b and g attack d (extended, from a's attack)
    readings = load_map(MAPS / "eval_support_readings.yaml")
    assert _induced_attacks(readings, "necessary", monkeypatch) == 3
    # x supports y1 (which nothing attacks or supports onward) and, by a ref, y2, which
    # attacks z: the deductive reading's one attack, x attacks z, is found past y1
    past_a_dead_end = load(
        "argmap: 1\ntitle: t\nclaims:\n"
        "  y1: {text: Y1., pro: [{id: x, text: X.}]}\n"
        "  y2: {text: Y2., pro: [{ref: x}]}\n"
        "  z: {text: Z., con: [{ref: y2}]}\n"
    )
    assert _induced_attacks(past_a_dead_end, "deductive", monkeypatch) == 1
    # x ⇒ y1, x ⇒ w, w ⇒ y1, w ⇒ y3; y1 attacks z2, y3 attacks z. From x: x attacks z2
    # and, past y1 reached again from w, x attacks z; from w: w attacks z2 and z.
    past_a_reached_node = load(
        "argmap: 1\ntitle: t\nclaims:\n"
        "  y1:\n    text: Y1.\n    pro:\n      - {id: x, text: X.}\n"
        "      - {id: w, text: W., pro: [{ref: x}]}\n"
        "  y3: {text: Y3., pro: [{ref: w}]}\n"
        "  z: {text: Z., con: [{ref: y3}]}\n"
        "  z2: {text: Z2., con: [{ref: y1}]}\n"
    )
    assert _induced_attacks(past_a_reached_node, "deductive", monkeypatch) == 4
