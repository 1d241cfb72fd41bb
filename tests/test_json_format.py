"""argmap JSON: the map file import writes back, and where its errors and warnings point.

The round-trip properties (tests/test_formats_roundtrip.py) compare models; these pin
the map file import writes, each message about a hand-edited file with its position,
and the README's example of the export, which those leave out.
"""

from __future__ import annotations

import json

import pytest

from argmap import loads_map
from argmap.errors import ArgmapError
from argmap.formats import export_map, import_text
from tests.conftest import REPO

REFS_FIRST = """\
argmap: 1
title: Refs first
claims:
  a:
    text: Taxes should fall.
    pro:
      - ref: growth
  b:
    text: Growth matters most.
    pro:
      - id: growth
        text: Lower taxes raise growth.
"""

ONE_PREMISE = """\
argmap: 1
title: One premise
claims:
  a:
    text: Taxes should fall.
    pro:
      - id: growth
        text: Lower taxes raise growth.
"""


def _json_of(text: str) -> str:
    return export_map(loads_map(text, "map.yaml"), "json").text


def _claims_part(map_text: str) -> str:
    """A map file's text from its first claim on (import writes its own head)."""
    return map_text.split("claims:\n", 1)[1]


def test_a_ref_before_the_node_it_names_stays_a_ref_and_the_node_stays_where_it_was() -> None:
    back = import_text(_json_of(REFS_FIRST), "json", "map.json", "back.yaml")
    # The node is defined under b, as in the file exported; a stays a bare ref.
    assert _claims_part(back.text) == _claims_part(REFS_FIRST)
    assert [(lk.id, lk.is_ref) for lk in back.map.links] == [("a.pro.1", True), ("b.pro.1", False)]


def test_a_premise_written_twice_under_one_claim_comes_back_twice() -> None:
    twice = """\
argmap: 1
title: Twice
claims:
  a:
    text: Taxes should fall.
    pro:
      - id: growth
        text: Lower taxes raise growth.
      - ref: growth
"""
    original = loads_map(twice, "map.yaml")
    back = import_text(_json_of(twice), "json", "map.json", "back.yaml")
    assert [(lk.id, lk.source, lk.is_ref) for lk in back.map.links] == [
        (lk.id, lk.source, lk.is_ref) for lk in original.links
    ]
    assert len(back.map.links) == 2


def test_a_note_on_a_link_that_is_not_a_ref_is_warned_about_at_that_link_in_the_json() -> None:
    data = json.loads(_json_of(ONE_PREMISE))
    data["links"][0]["note"] = "Said twice on the record."  # a.pro.1: the premise's one place
    # Indented, so that the link stands on a line and column of its own.
    text = json.dumps(data, indent=2)
    # The `{` that opens a.pro.1 stands on the line above its id: its 1-based number is
    # the id line's 0-based index.
    line = text.splitlines().index('      "id": "a.pro.1",')
    back = import_text(text, "json", "map.json", "back.yaml")
    assert [d.format() for d in back.warnings] == [
        f"map.json:{line}:5: warning: a note on a link that is not a ref is left out: the map"
        " format keeps notes on refs only [W611]"
    ]
    assert "Said twice" not in back.text


# -- What a hand-edited JSON file can get wrong: one positioned line each (E602), or a
# warning for a link that names nothing (W617).

NODE = {"id": "a", "kind": "claim", "text": "Taxes should fall."}
PREMISE = {"id": "growth", "kind": "premise", "text": "Lower taxes raise growth."}
LINK = {"id": "a.pro.1", "kind": "pro", "source": "growth", "target": "a"}
DOUBT = {"id": "doubt", "kind": "premise", "text": "Not always."}
UNDERCUT = {"id": "u", "kind": "undercut", "source": "doubt", "target": "a.pro.1"}


def _document(**fields: object) -> str:
    data: dict[str, object] = {
        "format": "argmap",
        "version": 1,
        "title": "Edited",
        "claims": ["a"],
        "nodes": [NODE, PREMISE],
        "links": [LINK],
    }
    data.update(fields)
    return json.dumps(data)


def _at(text: str, fragment: str) -> str:
    """`t:1:COLUMN` of the object whose text starts with `fragment` (one-line documents)."""
    return f"t:1:{text.index(fragment) + 1}"


@pytest.mark.parametrize(
    ("fields", "fragment", "message"),
    [
        ({"format": "aif"}, "{", 'not argmap JSON: expected an object with "format": "argmap"'),
        ({"sources": ["art"]}, "{", "`sources` must be an object"),
        ({"actors": {"ann": "Ann"}}, '{"ann"', "actors entry 'ann' must be an object"),
        ({"sources": {"art": 3}}, '{"art"', "sources entry 'art' must be an object"),
        ({"nodes": {"a": NODE}}, "{", "`nodes` must be a list"),
        ({"nodes": [NODE, "growth"]}, "{", "each node must be an object"),
        ({"nodes": [{"text": "No id."}]}, '{"text"', "`id` is missing"),
        ({"nodes": [{**NODE, "id": 7}]}, '{"id": 7', "`id` must be a string"),
        ({"nodes": [{**NODE, "weight": "0.5"}]}, '{"id": "a"', "`weight` must be a number"),
        (
            {"nodes": [{**NODE, "quotes": ["a quote"]}]},
            '{"id": "a"',
            "each quote must be an object",
        ),
        ({"nodes": [{**NODE, "quotes": {"text": "q"}}]}, '{"id": "a"', "`quotes` must be a list"),
        ({"nodes": [{**NODE, "note": ["n"]}]}, '{"id": "a"', "`note` must be a string"),
        ({"nodes": [{**NODE, "url": 1}]}, '{"id": "a"', "`url` must be a string"),
        ({"nodes": [{**NODE, "tags": "policy"}]}, '{"id": "a"', "`tags` must be a list"),
        ({"nodes": [{**NODE, "by": "ann"}]}, '{"id": "a"', "`by` must be a list"),
        ({"links": [LINK, 1]}, "{", "each link must be an object"),
        (
            {"links": [{**LINK, "kind": "supports"}]},
            '{"id": "a.pro.1"',
            "`kind` must be pro, con, undercut or linked",
        ),
        ({"links": [{**LINK, "id": None}]}, '{"id": null', "`id` is missing"),
        ({"links": [{**LINK, "source": None}]}, '{"id": "a.pro.1"', "`source` is missing"),
        ({"links": [{**LINK, "target": None}]}, '{"id": "a.pro.1"', "`target` is missing"),
        ({"links": [{**LINK, "target": 2}]}, '{"id": "a.pro.1"', "`target` must be a string"),
        ({"links": [{**LINK, "note": 5}]}, '{"id": "a.pro.1"', "`note` must be a string"),
        (
            {"nodes": [NODE, PREMISE, DOUBT], "links": [LINK, {**UNDERCUT, "note": 5}]},
            '{"id": "u"',
            "`note` must be a string",
        ),
        ({"claims": "a"}, "{", "`claims` must be a list"),
        ({"title": ["T"]}, "{", "`title` must be a string"),
        ({"description": 1}, "{", "`description` must be a string"),
    ],
)
def test_a_wrong_field_in_argmap_json_fails_with_one_line_at_its_object(
    fields: dict[str, object], fragment: str, message: str
) -> None:
    text = _document(**fields)
    with pytest.raises(ArgmapError) as caught:
        import_text(text, "json", "t")
    assert caught.value.format() == f"{_at(text, fragment)}: error: {message} [E602]"


def test_links_that_name_nothing_are_left_out_with_a_warning_at_each() -> None:
    undercut = {**UNDERCUT, "target": "a.pro.9"}
    text = _document(
        nodes=[NODE, PREMISE, DOUBT],
        links=[
            {**LINK, "id": "a.pro.0", "source": "nobody"},
            {**LINK, "id": "a.pro.2", "target": "nowhere"},
            LINK,
            undercut,
            {**LINK, "id": "a.con.1", "kind": "con", "source": "doubt"},
            {**LINK, "id": "a.con.2", "source": ""},
            {**LINK, "id": "a.con.3", "target": ""},
        ],
    )
    back = import_text(text, "json", "t", "back.yaml")

    def at(link_id: str) -> str:
        return _at(text, '{"id": "' + link_id + '"')

    # In the order of the file, as every import's warnings are.
    assert [d.format() for d in back.warnings] == [
        f"{at('a.pro.0')}: warning: link a.pro.0 comes from unknown node 'nobody': left out [W617]",
        f"{at('a.pro.2')}: warning: link a.pro.2 goes to unknown node 'nowhere': left out [W617]",
        f"{at('u')}: warning: undercut u attacks unknown link 'a.pro.9': left out [W617]",
        f"{at('a.con.2')}: warning: link a.con.2 comes from unknown node '': left out [W617]",
        f"{at('a.con.3')}: warning: link a.con.3 goes to unknown node '': left out [W617]",
    ]
    assert [(lk.kind.value, lk.source, lk.target) for lk in back.map.links] == [
        ("pro", "growth", "a"),
        ("con", "doubt", "a"),
    ]


def test_claims_that_are_not_strings_are_skipped_and_the_map_keeps_its_settings() -> None:
    text = _document(claims=["a", 3, None], description="Why taxes.", allow_cycles=True)
    back = import_text(text, "json", "t", "back.yaml")
    assert back.map.claims == ("a",)
    assert (back.map.title, back.map.description, back.map.allow_cycles) == (
        "Edited",
        "Why taxes.",
        True,
    )
    assert back.warnings == ()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"format": "aif"}, 'not argmap JSON: expected an object with "format": "argmap"'),
        ({"version": 3}, "unsupported argmap JSON version 3"),
        ({"actors": ["ann"]}, "`actors` must be an object"),
        ({"nodes": [NODE, 2]}, "each node must be an object"),
        ({"links": {"a.pro.1": LINK}}, "`links` must be a list"),
        ({"links": [LINK, None]}, "each link must be an object"),
    ],
)
def test_an_error_about_the_whole_document_points_where_its_object_opens(
    fields: dict[str, object], message: str
) -> None:
    text = "\n\n  " + _document(**fields)  # the document's `{` at line 3, column 3
    with pytest.raises(ArgmapError) as caught:
        import_text(text, "json", "t")
    assert caught.value.format() == f"t:3:3: error: {message} [E602]"


def test_what_json_leaves_empty_is_filled_as_the_map_format_needs_and_said() -> None:
    text = _document(
        title="",
        claims=[""],
        nodes=[{"id": "", "kind": "claim", "text": "Taxes should fall."}],
        links=[],
        actors={"ann": {"name": "Ann", "born": "1970"}},
    )
    back = import_text(text, "json", "t.json", "back.yaml")
    assert back.map.title == "t"  # from the file's name
    assert back.map.claims == ("taxes-should-fall",)  # an id made from the text
    assert [d.format() for d in back.warnings] == [
        "t.json:1:1: warning: actor 'ann': field 'born' is left out [W618]"
    ]


def test_a_node_without_text_takes_its_name_with_a_warning() -> None:
    text = _document(nodes=[{**NODE, "text": ""}], links=[])
    back = import_text(text, "json", "t.json", "back.yaml")
    assert back.map.node("a").text == "a"
    node_at = _at(text, '{"id": "a"').replace("t:", "t.json:")
    assert [d.format() for d in back.warnings] == [
        f"{node_at}: warning: a statement without text: its name 'a' is used [W611]"
    ]


def test_a_premise_without_an_id_comes_back_without_one() -> None:
    no_id = ONE_PREMISE.replace("      - id: growth\n        text:", "      - text:")
    back = import_text(_json_of(no_id), "json", "map.json", "back.yaml")
    assert _claims_part(back.text) == _claims_part(no_id)
    assert [n.explicit_id for n in back.map.unique_nodes()] == [True, False]


def test_a_node_the_json_says_had_no_id_written_gets_none_even_when_its_id_is_plain() -> None:
    premise = {**PREMISE, "explicit_id": False}  # as a hand edit may leave it
    back = import_text(_document(nodes=[NODE, premise]), "json", "t.json", "back.yaml")
    assert _claims_part(back.text) == (
        "  a:\n    text: Taxes should fall.\n    pro:\n      - text: Lower taxes raise growth.\n"
    )


def test_a_claim_keeps_its_id_even_where_the_json_says_none_was_written() -> None:
    claim = {**NODE, "explicit_id": False}  # a claim's id is its key in the map: never made
    back = import_text(_document(nodes=[claim, PREMISE]), "json", "t.json", "back.yaml")
    assert back.map.claims == ("a",)
    assert _claims_part(back.text).startswith("  a:\n    text: Taxes should fall.\n")


def test_a_link_id_is_any_string_an_undercut_can_name_even_an_empty_one() -> None:
    undercut = {**UNDERCUT, "target": ""}
    text = _document(nodes=[NODE, PREMISE, DOUBT], links=[{**LINK, "id": ""}, undercut])
    back = import_text(text, "json", "t", "back.yaml")
    assert back.warnings == ()
    assert [(lk.id, lk.kind.value, lk.source, lk.target) for lk in back.map.links] == [
        ("a.pro.1", "pro", "growth", "a"),
        ("a.pro.1.undercut.1", "undercut", "doubt", "a.pro.1"),
    ]


def test_the_readmes_json_example_is_what_export_writes_field_for_field_in_order() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("(abridged):\n\n```json\n", 4)
    shown = next(json.loads(b.split("\n```", 1)[0]) for b in block[1:] if '"format": "argmap"' in b)
    m = loads_map((REPO / "maps" / "example.yaml").read_text(encoding="utf-8"), "example.yaml")
    written = json.loads(export_map(m, "json").text)
    for kind in ("nodes", "links"):
        example = shown[kind][0]
        actual = next(item for item in written[kind] if item["id"] == example["id"])
        assert list(actual.items()) == list(example.items())
    assert list(written) == list(shown)
