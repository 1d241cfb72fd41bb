"""Linked premises (issue 22): premises that bear on a claim only together.

The map tests/maps/linked-worked.yaml, by hand (DF-QuAD, default base scores 0.5):
  pilot = 0.5, IN                          (nothing bears on it)
  withholds = 0.5 − 0.5·0.5 = 0.25, OUT    (attacked by pilot, which is IN)
  other-route = 0.2, IN;  assent = 0.5 − 0.5·0.2 = 0.4, OUT (its objection stands)
  the group = min(1, 0.25, 0.4) = 0.25, OUT (the weakest premise; it falls with withholds)
  its link delay.pro.1 = 0.25 − 0.25·0.5 = 0.125 (undercut by timing, 0.5), OUT
  late-before = 0.5, IN
  delay: va = 0.5, vs = 0.125 → 0.5 − 0.5·(0.5 − 0.125) = 0.3125, OUT
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from argmap import evaluate, load_map, loads_map, validate_map
from argmap.errors import MapLoadError
from argmap.evaluate import acceptance
from argmap.explain import explain, why_lines
from argmap.model import LinkKind, NodeKind
from tests.conftest import MAPS, Invoke

REPO = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((REPO / "argmap" / "argmap.schema.json").read_text(encoding="utf-8"))
LINKED = MAPS / "linked-worked.yaml"
HEAD = "argmap: 1\ntitle: T\nclaims:\n"


def codes_at(text: str) -> list[tuple[str, int, int]]:
    try:
        found = validate_map(loads_map(text, "m.yaml"), check_quotes=False)
    except MapLoadError as exc:
        found = list(exc.diagnostics)
    return [(d.code, d.position.line, d.position.column) for d in found]


# --- the format


def test_a_group_is_one_node_with_a_linked_link_from_each_premise() -> None:
    m = load_map(LINKED)
    group = m.node("withholds-and-needed")
    assert group.kind is NodeKind.GROUP and group.is_group
    assert group.by == ("preston",)
    assert group.note == "Neither fact alone makes the union the cause."
    assert group.text == (
        "together: The union has not let its members take part."
        " + The strategy needs the union's assent."
    )
    assert [lk.source for lk in m.members(group.id)] == ["withholds", "assent"]
    assert [lk.id for lk in m.members(group.id)] == [
        "withholds-and-needed.linked.1",
        "withholds-and-needed.linked.2",
    ]
    assert [n.id for n in m.linked_premises(group.id)] == ["withholds", "assent"]
    (to_parent,) = m.supporters("delay")
    assert (to_parent.source, to_parent.kind) == ("withholds-and-needed", LinkKind.PRO)
    assert [u.source for u in m.undercutters(to_parent.id)] == ["timing"]
    # the premise's own objections stay on the premise
    assert [lk.source for lk in m.attackers("withholds")] == ["pilot"]


def test_a_group_without_an_id_takes_its_path_id() -> None:
    m = loads_map(HEAD + "  c:\n    text: C.\n    con:\n      - linked: [A., B.]\n")
    assert m.node("c.con.1").is_group
    assert [n.text for n in m.linked_premises("c.con.1")] == ["A.", "B."]
    assert [n.id for n in m.linked_premises("c.con.1")] == ["c.con.1.linked.1", "c.con.1.linked.2"]
    assert m.attackers("c")[0].source == "c.con.1"


def test_the_file_written_back_keeps_the_group() -> None:
    m = load_map(LINKED)
    data = m.as_data()
    item = data["claims"]["delay"]["pro"][0]
    assert "text" not in item  # a group's words are its premises'
    assert [p.get("id", p.get("ref")) for p in item["linked"]] == ["withholds", "assent"]
    assert item["undercut"][0]["id"] == "timing"
    again = loads_map(yaml.safe_dump(data, sort_keys=False), str(LINKED))
    assert [(n.id, n.kind, n.text) for n in again.nodes] == [
        (n.id, n.kind, n.text) for n in m.nodes
    ]
    assert [(lk.id, lk.kind, lk.source, lk.target) for lk in again.links] == [
        (lk.id, lk.kind, lk.source, lk.target) for lk in m.links
    ]


def test_the_schema_accepts_a_group_and_refuses_what_the_loader_refuses() -> None:
    jsonschema.validate(yaml.safe_load(LINKED.read_text(encoding="utf-8")), SCHEMA)
    for bad in (
        "  c:\n    text: C.\n    pro:\n      - {linked: [A., B.], text: AB}\n",  # E120
        "  c:\n    text: C.\n    pro:\n      - linked: [{text: A., undercut: [U.]}, B.]\n",
        "  c:\n    text: C.\n    pro:\n      - linked: []\n",  # E121
        "  c:\n    text: C.\n    pro:\n      - linked: [{linked: [A., B.]}, C.]\n",
        "  c:\n    text: C.\n    pro:\n      - {linked: [A., B.], con: [D.]}\n",
    ):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(yaml.safe_load(HEAD + bad), SCHEMA)
        assert any(code in ("E120", "E121") for code, *_ in codes_at(HEAD + bad))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a premise twice in one group: at the second
        ("    pro:\n      - linked:\n          - ref: d\n          - ref: d\n  d: D.\n",
         [("E119", 9, 13)]),
        # a group of one: at the group
        ("    pro:\n      - linked: [Only one.]\n", [("W211", 7, 9)]),
        # a ref to a group: at the ref
        ("    pro:\n      - linked: [A., B.]\n      - ref: c.pro.1\n", [("E122", 8, 9)]),
        # fields a group cannot carry: at the key
        ("    pro:\n      - linked: [A., B.]\n        quote: {source: s, text: t}\n",
         [("E120", 8, 9)]),
        ("    pro:\n      - linked: [A., B.]\n        pro: [D.]\n", [("E120", 8, 9)]),
        ("    pro:\n      - linked:\n          - {text: A., undercut: [U.]}\n          - B.\n",
         [("E120", 8, 24)]),
        ("    pro:\n      - linked:\n          - linked: [A., B.]\n          - C.\n",
         [("E120", 8, 13)]),
        ("    pro:\n      - linked: ~\n", [("E121", 7, 17)]),
        ("    pro:\n      - linked: A.\n", [("E114", 7, 17)]),
    ],
)  # fmt: skip
def test_mistakes_in_groups_are_named_where_they_are(
    body: str, expected: list[tuple[str, int, int]]
) -> None:
    found = [c for c in codes_at(HEAD + "  c:\n    text: C.\n" + body) if c[0] != "W201"]
    assert found == expected


def test_an_undercut_list_cannot_hold_a_group() -> None:
    body = "  c:\n    text: C.\n    pro:\n      - text: P.\n        undercut:\n"
    found = codes_at(HEAD + body + "          - linked: [A., B.]\n")
    assert found == [("E120", 9, 13)]


def test_a_ref_from_inside_a_group_back_to_its_conclusion_is_a_cycle() -> None:
    text = HEAD + "  c:\n    text: C.\n    con: [N.]\n    pro:\n      - linked: [{ref: c}, B.]\n"
    m = loads_map(text, "m.yaml")
    (cycle,) = [d for d in validate_map(m, check_quotes=False) if d.code == "E103"]
    assert "c.pro.1 → c" in cycle.message


# --- evaluation


def test_strengths_and_statuses_worked_by_hand() -> None:
    e = evaluate(load_map(LINKED))
    expect = {
        "pilot": (0.5, "in"),
        "withholds": (0.25, "out"),
        "other-route": (0.2, "in"),
        "assent": (0.4, "out"),
        "withholds-and-needed": (0.25, "out"),
        "timing": (0.5, "in"),
        "late-before": (0.5, "in"),
        "delay": (0.3125, "out"),
    }
    for nid, (strength, status) in expect.items():
        assert e.nodes[nid].strength == pytest.approx(strength), nid
        assert e.nodes[nid].status.value == status, nid
    assert e.links["delay.pro.1"].strength == pytest.approx(0.125)
    # each premise passes its strength to the group unchanged
    assert e.links["withholds-and-needed.linked.2"].strength == pytest.approx(0.4)


def with_weights(withholds: float, assent: float, group: str = "") -> str:
    return (
        HEAD + "  c:\n    text: C.\n    con: [N.]\n    pro:\n      - linked:\n"
        f"          - {{id: a, text: A., weight: {withholds}}}\n"
        f"          - {{id: b, text: B., weight: {assent}}}\n" + group
    )


@pytest.mark.parametrize(
    ("a", "b", "group", "expected"),
    [
        (0.9, 0.6, "", 0.6),  # the weakest premise
        (0.3, 0.6, "", 0.3),
        (0.9, 0.6, "        weight: 0.4\n", 0.4),  # the group's weight caps it
        (0.9, 0.6, "        weight: 0.8\n", 0.6),  # a cap above the weakest changes nothing
    ],
)
def test_a_group_is_as_strong_as_its_weakest_premise(a, b, group, expected) -> None:
    e = evaluate(loads_map(with_weights(a, b, group)))
    assert e.nodes["c.pro.1"].strength == pytest.approx(expected)
    # and enters its conclusion as one supporter: DF-QuAD with va = 0.5, vs = expected
    vs, va = expected, 0.5
    want = 0.5 - 0.5 * (va - vs) if va >= vs else 0.5 + 0.5 * (vs - va)
    assert e.nodes["c"].strength == pytest.approx(want)


def test_one_supporter_not_two_in_every_semantics() -> None:
    # two separate pros of 0.9 and 0.6 would aggregate to 1 − 0.1·0.4 = 0.96; the group is 0.6
    e = evaluate(loads_map(with_weights(0.9, 0.6)), semantics="euler")
    # Euler-based: 1 − (1 − w²)/(1 + w·e^E), E = supporters − attackers = 0.6 − 0.5
    import math

    assert e.nodes["c"].strength == pytest.approx(1 - 0.75 / (1 + 0.5 * math.exp(0.1)))
    qe = evaluate(loads_map(with_weights(0.9, 0.6)), semantics="qe")
    # quadratic energy: E = 0.1 > 0 → w + (1 − w)·E²/(1 + E²)
    assert qe.nodes["c"].strength == pytest.approx(0.5 + 0.5 * 0.01 / 1.01)


def test_the_group_stands_only_while_every_premise_stands() -> None:
    stands = HEAD + "  c:\n    text: C.\n    pro:\n      - linked: [A., B.]\n"
    e = evaluate(loads_map(stands))
    assert e.nodes["c.pro.1"].status.value == "in"
    assert e.links["c.pro.1"].status.value == "in"
    falls = stands.replace("[A., B.]", "[A., {text: B., con: [Not B.]}]")
    e = evaluate(loads_map(falls))
    assert e.nodes["c.pro.1"].status.value == "out"
    assert e.nodes["c.pro.1.linked.1"].status.value == "in"  # the other premise still stands


def test_a_premise_left_undecided_leaves_the_group_undecided() -> None:
    # x and y attack each other (a cycle): grounded semantics decides neither
    text = (
        "argmap: 1\ntitle: T\nallow-cycles: true\nclaims:\n"
        "  c:\n    text: C.\n    pro:\n      - linked: [{ref: x}, B.]\n"
        "  x:\n    text: X.\n    con: [{ref: y}]\n"
        "  y:\n    text: Y.\n    con: [{ref: x}]\n"
    )
    m = loads_map(text)
    for support in ("attacks-only", "deductive", "necessary", "cayrol2005"):
        e = evaluate(m, support=support)
        assert e.nodes["x"].status.value == "undecided", support
        assert e.nodes["c.pro.1"].status.value == "undecided", support
    # preferred semantics: one extension with x and the group, one with y and without it
    found = acceptance(m)
    with_x = [ext for ext in found.extensions if "x" in ext]
    without_x = [ext for ext in found.extensions if "y" in ext]
    assert len(with_x) == 1 and "c.pro.1" in with_x[0]
    assert len(without_x) == 1 and "c.pro.1" not in without_x[0]
    assert "c.pro.1" in found.credulous and "c.pro.1" not in found.sceptical


def test_a_group_on_a_cycle_converges_to_its_weakest_premise() -> None:
    # c supports x, which is in the group supporting c: a cycle through the group
    text = (
        "argmap: 1\ntitle: T\nallow-cycles: true\nclaims:\n"
        "  c:\n    text: C.\n    pro:\n      - linked: [{ref: x}, {text: B., weight: 0.9}]\n"
        "  x:\n    text: X.\n    weight: 0.3\n    pro: [{ref: c}]\n"
    )
    e = evaluate(loads_map(text))
    assert e.converged
    x, c, group = (e.nodes[k].strength for k in ("x", "c", "c.pro.1"))
    assert group == pytest.approx(min(x, 0.9), abs=1e-6)
    # at the fixpoint each is its DF-QuAD value from the other
    assert c == pytest.approx(0.5 + 0.5 * group, abs=1e-6)
    assert x == pytest.approx(0.3 + 0.7 * c, abs=1e-6)


# --- explanations


def test_removing_one_premise_removes_the_group_with_it() -> None:
    m = load_map(LINKED)
    (x,) = explain(m, evaluate(m), ["delay"])
    by_premise = {c.premise: c for c in x.contributions or ()}
    # without assent the group is gone: delay has only late-before → 0.5 − 0.5·0.5 = 0.25
    assert by_premise["assent"].without == pytest.approx(0.25)
    assert by_premise["assent"].contribution == pytest.approx(0.3125 - 0.25)
    assert by_premise["withholds-and-needed"].without == pytest.approx(0.25)
    # without pilot, withholds is 0.5 and the group 0.4 (assent): link 0.2, delay 0.35
    assert by_premise["pilot"].without == pytest.approx(0.5 - 0.5 * (0.5 - 0.2))


def test_the_explanation_names_the_group_and_its_weakest_premise() -> None:
    m = load_map(LINKED)
    (x,) = explain(m, evaluate(m), ["delay"])
    (group,) = x.groups
    assert (group.group, group.side, group.premises, group.weakest) == (
        "withholds-and-needed",
        "pro",
        ("withholds", "assent"),
        "withholds",
    )
    assert (
        "withholds-and-needed is one pro reason: withholds and assent together, as strong as"
        " its weakest, withholds (0.25)."
    ) in why_lines(x)
    capped = loads_map(with_weights(0.9, 0.6, "        weight: 0.4\n"))
    (x,) = explain(capped, evaluate(capped), ["c"])
    assert x.groups[0].weakest == "c.pro.1"
    assert "c.pro.1 is one pro reason: a and b together, capped by its weight at 0.40." in (
        why_lines(x)
    )


def test_evaluate_json_lists_the_groups_of_each_claim(invoke: Invoke) -> None:
    doc = json.loads(invoke(["evaluate", str(LINKED), "--format", "json"]).stdout)
    assert doc["explanations"]["delay"]["groups"] == [
        {
            "group": "withholds-and-needed",
            "side": "pro",
            "premises": ["withholds", "assent"],
            "weakest": "withholds",
            "strength": 0.25,
        }
    ]
    assert doc["nodes"]["withholds-and-needed"]["strength"] == 0.25
    assert doc["links"]["withholds-and-needed.linked.1"]["status"] == "out"


def test_validate_accepts_the_linked_map(invoke: Invoke) -> None:
    result = invoke(["validate", "--strict", str(LINKED)])
    assert result.exit_code == 0, result.output


def diagnostics_of(text: str) -> list[str]:
    try:
        found = validate_map(loads_map(text, "m.yaml"), check_quotes=False)
    except MapLoadError as exc:
        found = list(exc.diagnostics)
    return [d.format() for d in found if d.code != "W201"]


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("    pro:\n      - linked:\n          - ref: d\n          - ref: d\n  d: D.\n",
         "m.yaml:9:13: error: 'd' is written twice in the linked group 'c.pro.1': each premise"
         " of a group counts once [E119]"),
        ("    pro:\n      - linked: [Only one.]\n",
         "m.yaml:7:9: warning: the linked group 'c.pro.1' has one premise: a linked group is"
         " premises that bear on the parent together; write the premise as a plain item [W211]"),
        ("    pro:\n      - linked: [{id: a, text: A.}, B.]\n      - ref: c.pro.1\n",
         "m.yaml:8:9: error: `ref` to the linked group 'c.pro.1': a group has no words of its"
         " own; ref its premises ('a', 'c.pro.1.linked.2') or write the group again [E122]"),
        ("    pro:\n      - linked: [A., B.]\n        quote: {source: s, text: t}\n",
         "m.yaml:8:9: error: a linked group cannot carry `quote`: its words are its premises';"
         " write it on a premise under `linked` (a group may carry linked, id, by, weight, tags,"
         " note, undercut) [E120]"),
        ("    pro:\n      - linked: [A., B.]\n        con: [D.]\n",
         "m.yaml:8:9: error: a linked group cannot carry `con`: support or attack one of its"
         " premises instead (a group may carry linked, id, by, weight, tags, note, undercut)"
         " [E120]"),
        ("    pro:\n      - linked:\n          - {text: A., undercut: [U.]}\n          - B.\n",
         "m.yaml:8:24: error: an undercut attacks the group's inference as a whole: write it"
         " beside `linked`, not on one premise [E120]"),
        ("    pro:\n      - linked:\n          - linked: [A., B.]\n          - C.\n",
         "m.yaml:8:13: error: a linked group's premises are premises: a group cannot hold a"
         " group [E120]"),
        ("    pro:\n      - text: P.\n        undercut:\n          - linked: [A., B.]\n",
         "m.yaml:9:13: error: an undercut cannot be a linked group: it attacks an inference on"
         " its own; write each premise as an undercut of its own [E120]"),
        ("    pro:\n      - linked: []\n",
         "m.yaml:7:17: error: a linked group needs its premises under `linked` (two or more)"
         " [E121]"),
        ("    pro:\n      - linked: A.\n",
         "m.yaml:7:17: error: `linked` must be a list of premises, not 'A.' [E114]"),
        ("    pro:\n      - linked: [A., B.]\n        id: [x]\n",
         "m.yaml:8:13: error: `id` must be text, not a list [E114]"),
        ("    pro:\n      - linked: [A., B.]\n        weight: 2\n",
         "m.yaml:8:17: error: weight 2 is outside [0, 1] [E111]"),
        ("    pro:\n      - linked: [A., B.]\n        by: nobody\n",
         "m.yaml:8:13: error: unknown actor 'nobody' (declare it under `actors`) [E106]"),
    ],
)  # fmt: skip
def test_each_mistake_in_a_group_says_what_to_do(body: str, line: str) -> None:
    assert diagnostics_of(HEAD + "  c:\n    text: C.\n" + body) == [line]


def test_the_group_link_and_each_premise_link_are_where_the_file_writes_them() -> None:
    m = load_map(LINKED)
    assert (m.link("delay.pro.1").position.line, m.link("delay.pro.1").position.column) == (9, 9)
    linked = m.members("withholds-and-needed")
    assert [(lk.position.line, lk.position.column) for lk in linked] == [(13, 13), (18, 13)]
    group = m.node("withholds-and-needed")
    assert (group.position.line, group.position.column) == (9, 9)
    assert group.position_of("by").line == 10
    assert group.explicit_id


def test_without_a_premise_the_map_has_no_group_and_no_link_from_it() -> None:
    from argmap.explain import without

    m = load_map(LINKED)
    rest = without(m, {"assent"})
    assert rest.get_node("withholds-and-needed") is None
    assert rest.get_link("delay.pro.1") is None
    assert rest.get_link("delay.pro.1.undercut.1") is None  # the undercut on it goes too
    assert rest.get_node("withholds") is not None  # the other premise stays, on its own
    assert rest.members("withholds-and-needed") == ()
    # without a node that is in no group, every group stays
    assert without(m, {"late-before"}).get_node("withholds-and-needed") is not None


def test_on_a_cyclic_map_removing_a_premise_also_removes_its_group() -> None:
    # the same as the worked map, plus a cycle elsewhere: explanations re-evaluate whole maps
    text = LINKED.read_text(encoding="utf-8").replace(
        "title: Linked premises, worked by hand\n",
        "title: Linked premises, worked by hand\nallow-cycles: true\n",
    ) + ("  x:\n    text: X.\n    con: [{ref: y}]\n  y:\n    text: Y.\n    con: [{ref: x}]\n")
    m = loads_map(text, "cyclic.yaml")
    (x,) = explain(m, evaluate(m), ["delay"])
    by_premise = {c.premise: c for c in x.contributions or ()}
    assert by_premise["assent"].without == pytest.approx(0.25, abs=1e-6)
    assert by_premise["pilot"].without == pytest.approx(0.35, abs=1e-6)


def test_an_objection_made_of_premises_together_is_one_con_reason() -> None:
    # a plain pro first, so that the group is not the first reason looked at
    text = HEAD + (
        "  c:\n    text: C.\n    pro: [P.]\n    con:\n      - linked:\n"
        "          - {id: a, text: A., weight: 0.9}\n          - {id: b, text: B., weight: 0.7}\n"
    )
    m = loads_map(text)
    (x,) = explain(m, evaluate(m), ["c"])
    (group,) = x.groups
    assert (group.side, group.weakest) == ("con", "b")
    assert group.strength == pytest.approx(0.7)
    assert "c.con.1 is one con reason: a and b together, as strong as its weakest, b (0.70)." in (
        why_lines(x)
    )


def test_a_cap_equal_to_the_weakest_premise_names_the_premise() -> None:
    m = loads_map(with_weights(0.9, 0.6, "        weight: 0.6\n"))
    (x,) = explain(m, evaluate(m), ["c"])
    assert x.groups[0].weakest == "b"


def test_without_a_claim_the_map_lists_it_no_more() -> None:
    from argmap.explain import without

    rest = without(load_map(LINKED), {"assent"})
    assert rest.claims == ("delay",)
