"""The map YAML writer: any text survives, output is block style with the modeline on top."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap import loads_map
from argmap.errors import Position
from argmap.formats.draft import Draft, DraftNode
from argmap.formats.yaml_writer import MODELINE, dump_yaml, write_map
from argmap.model import LinkKind
from tests.budget import examples

AT = Position("t", 1, 1)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(st.characters(exclude_categories=()), max_size=40), st.text(max_size=20))
@pytest.mark.slow
def test_any_text_reads_back_the_same(text: str, title: str) -> None:
    doc = {"argmap": 1, "title": title, "claims": {"c": {"text": text, "tags": [text]}}}
    written = dump_yaml(doc)
    cleaned = re.sub("[\ud800-\udfff]", "\ufffd", text)  # lone surrogates cannot be written
    assert yaml.safe_load(written)["claims"]["c"]["text"] == cleaned
    m = loads_map(written, "t.yaml")
    assert m.node("c").text == cleaned
    assert m.title == title


def test_plain_where_safe_quoted_where_yaml_would_misread() -> None:
    doc = {
        "a": "Nuclear power lowers prices.",
        "b": "yes",
        "c": "0.5",
        "d": "a: b",
        "e": "#x",
        "f": "2011-05-01",
        "g": "",
        "h": "line\nbreak",
        "i": 0.7,
        "j": True,
        "k": ["x"],
        "l": {},
    }
    assert dump_yaml(doc) == (
        "a: Nuclear power lowers prices.\n"
        'b: "yes"\n'
        'c: "0.5"\n'
        'd: "a: b"\n'
        'e: "#x"\n'
        'f: "2011-05-01"\n'
        'g: ""\n'
        'h: "line\\nbreak"\n'
        "i: 0.7\n"
        "j: true\n"
        "k:\n"
        "  - x\n"
        "l: {}\n"
    )


def test_a_premise_used_twice_is_written_once_and_referred_to_by_id() -> None:
    draft = Draft("t", title="T")
    for key, text in (("a", "Claim A."), ("b", "Claim B."), ("p", "Shared premise.")):
        draft.add_node(DraftNode(key, text, AT))
    draft.add_link(LinkKind.PRO, "p", "a", AT)
    draft.add_link(LinkKind.CON, "p", "b", AT)
    assert write_map(draft) == (
        f"{MODELINE}\n"
        "argmap: 1\n"
        "title: T\n"
        "claims:\n"
        "  claim-a:\n"
        "    text: Claim A.\n"
        "    pro:\n"
        "      - id: shared-premise\n"
        "        text: Shared premise.\n"
        "  claim-b:\n"
        "    text: Claim B.\n"
        "    con:\n"
        "      - ref: shared-premise\n"
    )


def test_ids_come_from_titles_with_their_dots_and_are_node_where_nothing_can_be_kept() -> None:
    draft = Draft("t", title="T")
    for key, text, title in (
        ("a", "First claim.", "Point 1.2"),  # not an id as it stands: slugged, dots kept
        ("b", "Second claim.", "Рост"),  # a title with no letter an id can hold: the text's
        ("c", "Кириллица.", None),  # nor the text: `node`
        ("d", "Ещё.", "Ещё"),  # and again: `node-2`
        ("e", "Fifth claim.", "c.pro.1"),  # an argmap path id names a place, not this node
    ):
        draft.add_node(DraftNode(key, text, AT, title=title))
    assert list(loads_map(write_map(draft), "t.yaml").node_ids) == [
        "point-1.2",
        "second-claim",
        "node",
        "node-2",
        "fifth-claim",
    ]


def test_a_chain_of_linked_groups_is_promoted_where_its_yaml_would_nest_too_deep() -> None:
    # Each group's `linked` list and its premise's mapping are two levels more than a plain
    # premise, so premise i sits 3i levels down: the 17th is the first past the limit (50).
    draft = Draft("t", title="T")
    draft.add_node(DraftNode("n0", "Claim 0.", AT))
    for i in range(1, 40):
        draft.add_node(DraftNode(f"n{i}", f"Premise {i}.", AT))
        draft.add_group(f"g{i}", [f"n{i}"], LinkKind.PRO, f"n{i - 1}", AT)
    m = loads_map(write_map(draft), "t.yaml")
    assert m.claims == ("claim-0", "premise-17", "premise-34")
    chain = [
        ([p.text for p in m.linked_premises(lk.source)], m.node(lk.target).text)
        for lk in m.links
        if lk.kind is LinkKind.PRO
    ]
    assert sorted(chain) == sorted(
        ([f"Premise {i}."], f"{'Claim' if i == 1 else 'Premise'} {i - 1}.") for i in range(1, 40)
    )
    assert draft.warnings == []


def test_a_group_at_two_links_is_written_at_both_with_its_id_once_and_premises_as_refs() -> None:
    draft = Draft("t", title="T")
    for key, text in (("a", "Claim A."), ("b", "Claim B."), ("p", "P."), ("q", "Q.")):
        draft.add_node(DraftNode(key, text, AT))
    draft.add_group("g", ["p", "q"], LinkKind.PRO, "a", AT, title="Together")
    draft.add_link(LinkKind.CON, "g", "b", AT)
    written = write_map(draft)
    assert written.endswith(
        "  claim-a:\n"
        "    text: Claim A.\n"
        "    pro:\n"
        "      - id: together\n"
        "        linked:\n"
        "          - id: p\n"
        "            text: P.\n"
        "          - id: q\n"
        "            text: Q.\n"
        "  claim-b:\n"
        "    text: Claim B.\n"
        "    con:\n"
        "      - linked:\n"
        "          - ref: p\n"
        "          - ref: q\n"
    )
    m = loads_map(written, "t.yaml")
    assert [p.id for p in m.linked_premises("claim-b.con.1")] == ["p", "q"]


def test_scalars_are_written_as_yaml_reads_them_back() -> None:
    # Booleans, null and empty collections in their YAML spelling; a string ending in a
    # space quoted; non-ASCII kept as it is; lone surrogates (never valid text) replaced, each
    # end of their range included; other unprintable characters escaped
    doc: dict[str, Any] = {
        "t": True,
        "f": False,
        "n": None,
        "e": {},
        "l": [],
        "sp": "a ",
        "u": "é",
        "s": "\ud800|\udfff|\ud7ff|\ue000|\ud801|\udffe|\x01|\u2028",
    }
    written = dump_yaml(doc)
    assert written == (
        't: true\nf: false\n"n": null\ne: {}\nl: []\nsp: "a "\nu: é\n'
        's: "\\ufffd|\\ufffd|\ud7ff|\ue000|\\ufffd|\\ufffd|\\u0001|\\u2028"\n'
    )
    assert yaml.safe_load(written)["f"] is False and yaml.safe_load(written)["n"] is None
