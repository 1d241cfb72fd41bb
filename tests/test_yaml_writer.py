"""The map YAML writer: any text survives, output is block style with the modeline on top."""

from __future__ import annotations

import re

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
