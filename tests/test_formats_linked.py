"""Linked groups (issue 22) through every format: each keeps the group or warns about it.

The AIF fixtures in tests/fixtures/aif/ are small nodesets written the way AraucariaDB
writes them (RA and CA nodes with their type as text, a scheme at most).
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from argmap import ArgumentMap, loads_map
from argmap.errors import Position
from argmap.formats import export_map, import_file, import_text
from argmap.formats.draft import Draft, DraftNode
from argmap.formats.yaml_writer import write_map
from argmap.model import LinkKind
from tests.budget import examples
from tests.conftest import REPO
from tests.mapgen import graph, map_texts, without_undercuts
from tests.test_formats_roundtrip import _model

AIF_FIXTURES = REPO / "tests" / "fixtures" / "aif"

LINKED = """\
argmap: 1
title: Linked
actors:
  preston: {name: Julia Preston}
claims:
  delay:
    text: The union caused the delay
    pro:
      - linked:
          - text: The union has not let its members take part
            con: [Members did take part in one pilot]
          - ref: assent
        id: withholds-and-needed
        by: preston
        weight: 0.8
        tags: [core]
        note: Both are needed.
        undercut: [The two facts may be unrelated in time]
    con:
      - linked:
          - Training was late before the union spoke
          - Training is what the delay was about
  assent:
    text: The strategy needs the union's assent
"""


def _words(text: str) -> str:
    return " ".join(text.split())  # as tests.mapgen.graph compares texts


def groups(m: ArgumentMap) -> frozenset[tuple[Any, ...]]:
    """Each linked group as (its premises' texts in order, pro or con, the parent's text)."""
    found = set()
    for link in m.links:
        source = m.get_node(link.source)
        if source is not None and source.is_group and link.kind is not LinkKind.LINKED:
            premises = tuple(_words(p.text) for p in m.linked_premises(source.id))
            found.add((premises, link.kind.value, _words(m.node(link.target).text)))
    return frozenset(found)


def undercut_groups(m: ArgumentMap) -> frozenset[tuple[str, tuple[str, ...]]]:
    """(undercutter's text, the premises of the group whose link it attacks)."""
    found = set()
    for link in m.links:
        if link.kind is LinkKind.UNDERCUT:
            target = m.link(link.target)
            if m.node(target.source).is_group:
                premises = tuple(_words(p.text) for p in m.linked_premises(target.source))
                found.add((_words(m.node(link.source).text), premises))
    return frozenset(found)


def messages(exported) -> list[str]:
    return [f"{d.message} [{d.code}]" for d in exported.warnings]


# -- AIF


@pytest.mark.parametrize(
    "name", ["linked-ra.json", "ca-on-linked-ra.json", "chain.json", "linked-ca.json"]
)
def test_aif_nodesets_come_back_with_their_groups_after_export_and_import(name: str) -> None:
    first = import_file(AIF_FIXTURES / name)
    exported = export_map(first.map, "aif")
    again = import_text(exported.text, "aif", "again.json", "again.yaml")
    assert graph(again.map) == graph(first.map)
    assert groups(again.map) == groups(first.map)
    assert undercut_groups(again.map) == undercut_groups(first.map)
    assert again.warnings == ()


def test_an_ra_node_with_two_premises_is_one_linked_group() -> None:
    m = import_file(AIF_FIXTURES / "linked-ra.json").map
    assert groups(m) == {
        (
            (
                "All member states of the EU are signatories to the ECHR.",
                "Signatories are obliged to secure the Convention's rights to everyone within"
                " their jurisdiction.",
            ),
            "pro",
            "Every asylum seeker in the EU is entitled to the protection of the ECHR.",
        )
    }


def test_a_ca_node_on_a_linked_ra_undercuts_the_group() -> None:
    imported = import_file(AIF_FIXTURES / "ca-on-linked-ra.json")
    assert undercut_groups(imported.map) == {
        (
            "The inspection used a method since withdrawn.",
            (
                "The bridge failed its last inspection.",
                "Bridges that fail inspection must be closed.",
            ),
        )
    }
    assert messages(imported) == ["scheme 'EstablishedRule' of RA-node 204 is left out [W611]"]


def test_chained_groups_keep_the_intermediate_conclusion_a_premise() -> None:
    m = import_file(AIF_FIXTURES / "chain.json").map
    assert groups(m) == {
        (
            (
                "Second-hand smoke harms bar staff.",
                "Employers must protect staff from harm at work.",
            ),
            "pro",
            "Smoking in bars should be banned.",
        ),
        (
            ("Bar staff inhale smoke for whole shifts.", "Smoke inhaled for hours harms health."),
            "pro",
            "Second-hand smoke harms bar staff.",
        ),
    }


def test_a_ca_node_with_two_premises_attacks_as_a_group_and_undercuts_one_by_one() -> None:
    imported = import_file(AIF_FIXTURES / "linked-ca.json")
    m = imported.map
    assert groups(m) == {
        (
            (
                "Attendance has fallen for five seasons.",
                "The loan's rate resets upwards in three years.",
            ),
            "con",
            "Ticket sales will cover the loan.",
        )
    }
    # argmap's undercuts are single premises: a linked undercut is two undercuts, said so.
    undercutters = sorted(m.node(lk.source).text for lk in m.links if lk.kind.value == "undercut")
    assert undercutters == [
        "That office is paid by results.",
        "The club's sales forecast was written by its own marketing office.",
    ]
    assert messages(imported) == [
        "CA-node 409 undercuts with 2 linked premises: argmap's undercuts are single premises,"
        " so each is imported as an undercut of its own [W616]"
    ]


def test_aif_export_writes_a_group_as_one_ra_node_with_an_edge_from_each_premise() -> None:
    m = loads_map(LINKED, "linked.yaml")
    exported = export_map(m, "aif")
    data = json.loads(exported.text)
    text = {n["nodeID"]: n["text"] for n in data["nodes"]}
    kind = {n["nodeID"]: n["type"] for n in data["nodes"]}
    assert not any(t.startswith("together: ") for t in text.values())  # no I-node for a group
    into: dict[str, list[str]] = {}
    for edge in data["edges"]:
        into.setdefault(edge["toID"], []).append(edge["fromID"])
    ras = [n for n, k in kind.items() if k == "RA"]
    assert [sorted(text[p] for p in into[ra] if kind[p] == "I") for ra in ras] == [
        ["The strategy needs the union's assent", "The union has not let its members take part"]
    ]
    # The undercut is a CA-node whose edge goes to the group's RA-node.
    (undercut,) = [n for n in kind if kind[n] == "CA" and ras[0] in _out(data, n)]
    assert [text[p] for p in into[undercut]] == ["The two facts may be unrelated in time"]
    assert messages(exported) == [
        "AIF has no place for the map's title: left out [W601]",
        "AIF has no place for by of linked group withholds-and-needed: left out [W601]",
        "AIF has no place for weight of linked group withholds-and-needed: left out [W601]",
        "AIF has no place for tags of linked group withholds-and-needed: left out [W601]",
        "AIF has no place for note of linked group withholds-and-needed: left out [W601]",
    ]
    back = import_text(exported.text, "aif", "linked.json", "back.yaml")
    assert graph(back.map) == graph(m)
    assert groups(back.map) == groups(m)
    assert undercut_groups(back.map) == undercut_groups(m)


def _out(data: dict[str, Any], node_id: str) -> list[str]:
    return [e["toID"] for e in data["edges"] if e["fromID"] == node_id]


def test_aif_export_warns_that_a_group_of_one_comes_back_a_plain_link() -> None:
    m = loads_map(
        "argmap: 1\ntitle: One\nclaims:\n  a:\n    text: A\n    pro:\n"
        "      - linked: [B]\n        id: only-b\n",
        "one.yaml",
    )
    assert messages(export_map(m, "aif"))[-1:] == [
        "AIF cannot tell a linked group of one premise from a plain link: only-b is written"
        " as one [W604]"
    ]


# -- argmap JSON


def test_json_keeps_groups_with_their_fields_and_undercuts() -> None:
    m = loads_map(LINKED, "linked.yaml")
    exported = export_map(m, "json")
    assert exported.warnings == ()
    data = json.loads(exported.text)
    (group,) = [n for n in data["nodes"] if n["id"] == "withholds-and-needed"]
    assert (group["kind"], group["text"]) == (
        "group",
        "together: The union has not let its members take part"
        " + The strategy needs the union's assent",
    )
    assert [lk["source"] for lk in data["links"] if lk["target"] == "withholds-and-needed"] == [
        "withholds-and-needed.linked.1",
        "assent",
    ]
    back = import_text(exported.text, "json", "linked.json", "back.yaml")
    assert _model(back.map) == _model(m)
    assert back.warnings == ()


# -- GraphML


def test_graphml_writes_a_group_node_and_an_edge_from_each_premise() -> None:
    m = loads_map(LINKED, "linked.yaml")
    exported = export_map(m, "graphml")
    assert exported.warnings == ()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.fromstring(exported.text)

    def data(element: ET.Element) -> dict[str, str]:
        return {d.get("key", ""): d.text or "" for d in element.findall("g:data", ns)}

    nodes = {n.get("id"): data(n) for n in root.iter(f"{{{ns['g']}}}node")}
    assert nodes["withholds-and-needed"]["n_kind"] == "group"
    assert nodes["withholds-and-needed"]["n_weight"] == "0.8"
    edges = [
        (e.get("source"), e.get("target"), data(e)["e_kind"])
        for e in root.iter(f"{{{ns['g']}}}edge")
    ]
    assert ("withholds-and-needed.linked.1", "withholds-and-needed", "linked") in edges
    assert ("assent", "withholds-and-needed", "linked") in edges
    # The group's link is undercut, so it is drawn through its own node.
    assert ("withholds-and-needed", "link:delay.pro.1", "pro") in edges


# -- Kialo


def test_kialo_writes_a_group_as_one_claim_and_reads_it_back_as_the_group() -> None:
    m = loads_map(LINKED, "linked.yaml")
    exported = export_map(m, "kialo")
    assert exported.text.splitlines()[2:6] == [
        "1. Linked",
        "1.1. The union caused the delay",
        "1.1.1. Pro: together: The union has not let its members take part + The strategy"
        " needs the union's assent",
        "1.1.1.1. Pro: The union has not let its members take part",
    ]
    assert [m for m in messages(exported) if "W604" in m] == [
        "Kialo has no linked premises: the group withholds-and-needed is written as one claim,"
        ' "together: The union has not let its members take part + The strategy needs the'
        " union's assent\", with its premises as its pros [W604]",
        "Kialo has no linked premises: the group delay.con.1 is written as one claim,"
        " 'together: Training was late before the union spoke + Training is what the delay"
        " was about', with its premises as its pros [W604]",
    ]
    back = import_text(exported.text, "kialo", "linked.txt", "back.yaml")
    assert groups(back.map) == groups(m)
    assert back.warnings == ()


def test_a_kialo_claim_that_only_looks_like_a_group_stays_a_claim() -> None:
    text = (
        "Discussion Title: T\n\n1. A\n1.1. Pro: together: B + C\n1.1.1. Pro: B\n"
        "1.1.2. Con: C\n1.2. Con: together: D\n1.2.1. Pro: E\n"
    )
    m = import_text(text, "kialo", "t.txt", "t.yaml").map
    assert not any(n.is_group for n in m.unique_nodes())


# -- the YAML writer


def test_the_writer_leaves_out_a_group_it_cannot_write_and_says_why() -> None:
    where = Position("in.json", 1, 1)
    draft = Draft("in.json", title="Groups")
    for key in ("a", "b", "c"):
        draft.add_node(DraftNode(key, key.upper(), where))
    draft.add_group("g", ["b", "c"], LinkKind.PRO, "a", where)
    draft.add_node(DraftNode("lonely", "", where, group=True))
    draft.add_link(LinkKind.LINKED, "b", "lonely", where)
    text = write_map(draft)
    m = loads_map(text, "out.yaml")
    assert groups(m) == {(("B", "C"), "pro", "A")}
    assert [(w.code, w.message) for w in draft.warnings] == [
        ("W614", "a linked group without a statement it bears on is left out")
    ]


# -- every format, on generated maps with groups

FAST = settings(
    max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def round_trip(text: str, fmt: str) -> tuple[ArgumentMap, Any, Any]:
    original = loads_map(text, "generated.yaml")
    exported = export_map(original, fmt)
    back = import_text(exported.text, fmt, f"exported.{fmt}", "back.yaml")
    return original, exported, back


@FAST
@given(map_texts(groups=True))
@pytest.mark.slow
def test_json_keeps_generated_groups_losslessly(text: str) -> None:
    original, exported, back = round_trip(text, "json")
    assert _model(back.map) == _model(original)
    assert exported.warnings == back.warnings == ()


@FAST
@given(map_texts(groups=True))
@pytest.mark.slow
def test_argdown_keeps_generated_groups_their_fields_and_undercuts(text: str) -> None:
    original, exported, back = round_trip(text, "argdown")
    assert graph(back.map) == graph(original)
    assert groups(back.map) == groups(original)
    assert undercut_groups(back.map) == undercut_groups(original)
    assert back.warnings == ()
    assert {d.code for d in exported.warnings} <= {"W601"}  # notes on refs, as without groups
    fields = {
        g.text: (g.by, g.weight, g.tags, g.note, g.id if g.explicit_id else None)
        for g in original.unique_nodes()
        if g.is_group
    }
    assert {
        g.text: (g.by, g.weight, g.tags, g.note, g.id if g.explicit_id else None)
        for g in back.map.unique_nodes()
        if g.is_group
    } == fields


@FAST
@given(map_texts(groups=True))
@pytest.mark.slow
def test_aif_keeps_generated_groups(text: str) -> None:
    original, _exported, back = round_trip(text, "aif")
    assert graph(back.map) == graph(original)
    assert groups(back.map) == groups(original)
    assert undercut_groups(back.map) == undercut_groups(original)
    assert back.warnings == ()


@FAST
@given(map_texts(groups=True))
@pytest.mark.slow
def test_kialo_warns_once_for_each_group_and_reads_its_own_groups_back(text: str) -> None:
    original, exported, back = round_trip(text, "kialo")
    assert graph(back.map) == without_undercuts(original)
    assert back.warnings == ()
    # The groups Kialo writes: those reached from the claims through pro, con and linked
    # (one that hangs only under an undercut goes with the undercut, which is W602).
    reach, todo = set(original.claims), list(original.claims)
    while todo:
        for link in original.incoming(todo.pop()):
            if link.kind is not LinkKind.UNDERCUT and link.source not in reach:
                reach.add(link.source)
                todo.append(link.source)
    ids = [n.id for n in original.unique_nodes() if n.is_group and n.id in reach]
    warned = [d.message.split()[7] for d in exported.warnings if d.code == "W604"]
    assert sorted(warned) == sorted(ids)


@FAST
@given(map_texts(groups=True))
@pytest.mark.slow
def test_graphml_draws_every_generated_group(text: str) -> None:
    m = loads_map(text, "generated.yaml")
    root = ET.fromstring(export_map(m, "graphml").text)
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    kinds = {
        n.get("id"): next(d.text for d in n.iter(f"{ns}data") if d.get("key") == "n_kind")
        for n in root.iter(f"{ns}node")
    }
    assert {i for i, k in kinds.items() if k == "group"} == {
        n.id for n in m.unique_nodes() if n.is_group
    }
    linked = set()
    for e in root.iter(f"{ns}edge"):
        kind = next(d.text for d in e.iter(f"{ns}data") if d.get("key") == "e_kind")
        if kind == "linked":
            linked.add((e.get("source"), e.get("target")))
    assert linked == {(lk.source, lk.target) for lk in m.links if lk.kind is LinkKind.LINKED}


def test_what_a_group_cannot_carry_is_left_out_on_import_with_a_warning() -> None:
    data = json.loads(export_map(loads_map(LINKED, "linked.yaml"), "json").text)
    (group,) = [n for n in data["nodes"] if n["id"] == "withholds-and-needed"]
    group.update(url="https://example.org/g", implicit=True, weight=1.5)
    group["quotes"] = [{"source": "doc", "text": "Words."}]
    imported = import_text(json.dumps(data), "json", "linked.json", "back.yaml")
    assert [(w.code, w.message) for w in imported.warnings] == [
        ("W618", "a linked group cannot carry `implicit`: left out"),
        ("W618", "a linked group cannot carry `quote`: left out"),
        ("W618", "a linked group cannot carry `url`: left out"),
        ("W618", "weight 1.5 is outside [0, 1]: left out"),
    ]
    back = imported.map.node("withholds-and-needed")
    assert (back.weight, back.by, back.tags, back.note) == (
        None,
        ("preston",),
        ("core",),
        "Both are needed.",
    )
