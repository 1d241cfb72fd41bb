"""The loader: positions, ids, shorthand forms and the parser fallback."""

from __future__ import annotations

import pytest

from argmap import loads_map
from argmap.errors import MapLoadError, Position
from argmap.model import LinkKind, NodeKind
from tests.conftest import REPO

EXAMPLE = (REPO / "maps" / "example.yaml").read_text(encoding="utf-8")


def test_every_node_and_link_keeps_its_position() -> None:
    m = loads_map(
        "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C.\n    con:\n      - Plain objection.\n"
        "      - id: named\n        text: Named.\n        weight: 0.25\n",
        "m.yaml",
    )
    claim, plain, named = m.nodes
    assert (claim.id, claim.kind, claim.position) == ("c", NodeKind.CLAIM, Position("m.yaml", 4, 3))
    assert (plain.id, plain.text, plain.position) == (
        "c.con.1",
        "Plain objection.",
        Position("m.yaml", 7, 9),
    )
    assert (named.id, named.explicit_id, named.base) == ("named", True, 0.25)
    assert named.position_of("weight") == Position("m.yaml", 10, 17)
    assert [(lk.id, lk.kind, lk.source, lk.target) for lk in m.links] == [
        ("c.con.1", LinkKind.CON, "c.con.1", "c"),
        ("c.con.2", LinkKind.CON, "named", "c"),
    ]


def test_undercuts_target_the_link_they_are_written_under() -> None:
    m = loads_map(EXAMPLE, "example.yaml")
    undercut = next(lk for lk in m.links if lk.kind is LinkKind.UNDERCUT)
    assert undercut.id == "build-plant.pro.2.undercut.1"
    assert undercut.target == "build-plant.pro.2"
    assert m.link(undercut.target).source == "cheap-power"


def test_refs_are_links_to_nodes_defined_elsewhere() -> None:
    m = loads_map(EXAMPLE, "example.yaml")
    ref = next(lk for lk in m.links if lk.is_ref)
    assert (ref.id, ref.source, ref.target, ref.kind) == (
        "lower-bills.pro.1",
        "cheap-power",
        "lower-bills",
        LinkKind.PRO,
    )
    assert len([n for n in m.nodes if n.id == "cheap-power"]) == 1


def test_scalars_mean_what_the_author_wrote() -> None:
    m = loads_map(
        "argmap: 1\ntitle: 2011\nsources:\n  s: {title: S, date: 2011}\n"
        "claims:\n  c:\n    text: yes\n    implicit: no\n    weight: 1\n    tags: [2011, on]\n",
        "m.yaml",
    )
    claim = m.node("c")
    assert (m.title, m.sources["s"].date, claim.text, claim.implicit, claim.weight) == (
        "2011",
        "2011",
        "yes",
        False,
        1.0,
    )
    assert claim.tags == ("2011", "on")


def test_yaml_type_tags_mean_their_type() -> None:
    # `!!float 0.5` is YAML's own way to say "this is a number"; `!!str` says "text".
    m = loads_map(
        "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: !!str 12\n    weight: !!float 0.5\n"
        "    implicit: !!bool true\n    con: [No.]\n",
        "m.yaml",
    )
    claim = m.node("c")
    assert (claim.text, claim.weight, claim.implicit) == ("12", 0.5, True)
    with pytest.raises(MapLoadError) as caught:
        loads_map("argmap: 1\ntitle: T\nclaims:\n  c: {text: C, weight: !!str 0.5}\n", "m.yaml")
    assert caught.value.message == "`weight` must be a number, not '0.5'"


def test_by_takes_one_actor_or_a_list() -> None:
    m = loads_map(
        "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C.\n    by: a\n  d:\n    text: D.\n"
        "    by: [a, b]\n",
        "m.yaml",
    )
    assert (m.node("c").by, m.node("d").by) == (("a",), ("a", "b"))


def test_pure_python_parser_gives_the_same_map() -> None:
    assert loads_map(EXAMPLE, "e.yaml", pure_python=True) == loads_map(EXAMPLE, "e.yaml")


@pytest.mark.parametrize("pure", [False, True])
def test_both_parsers_refuse_the_same_way(pure: bool) -> None:
    with pytest.raises(MapLoadError) as caught:
        loads_map("argmap: 1\ntitle: T\nclaims:\n  c: &x {text: A}\n", "m.yaml", pure_python=pure)
    assert [d.format() for d in caught.value.diagnostics] == [
        "m.yaml:4:6: error: YAML anchors are not allowed (&x): write the content out, or use"
        " `ref` to reuse a node [E006]"
    ]


def test_a_byte_order_mark_is_ignored(tmp_path) -> None:
    from argmap import load_map

    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.encode())
    assert load_map(path).title == "Should the city build a nuclear plant?"


def test_nodes_and_links_keep_file_order_whatever_the_lists_order() -> None:
    m = loads_map(
        "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C.\n    con: [First.]\n"
        "    pro:\n      - text: Second.\n        undercut: [Third.]\n        con: [Fourth.]\n",
        "m.yaml",
    )
    assert [n.text for n in m.nodes] == ["C.", "First.", "Second.", "Third.", "Fourth."]
    assert [lk.id for lk in m.links] == [
        "c.con.1",
        "c.pro.1",
        "c.pro.1.undercut.1",
        "c.pro.1.con.1",
    ]


@pytest.mark.parametrize("pure", [False, True])
def test_windows_line_endings_give_the_same_map_and_positions(pure: bool) -> None:
    # A map saved on Windows must point at the same lines and columns (Node equality
    # includes positions) and hold the same text.
    crlf = EXAMPLE.replace("\n", "\r\n")
    assert loads_map(crlf, "e.yaml", pure_python=pure) == loads_map(EXAMPLE, "e.yaml")


@pytest.mark.parametrize("pure", [False, True])
def test_both_parsers_name_a_tab_in_the_indentation(pure: bool) -> None:
    with pytest.raises(MapLoadError) as caught:
        loads_map("argmap: 1\ntitle: T\nclaims:\n\tc: A.\n", "m.yaml", pure_python=pure)
    assert [d.format() for d in caught.value.diagnostics] == [
        "m.yaml:4:1: error: YAML syntax error: a tab here; YAML indents with spaces only [E004]"
    ]


@pytest.mark.parametrize("pure", [False, True])
def test_a_syntax_error_at_the_end_of_a_file_without_final_newline_is_on_its_last_line(
    pure: bool,
) -> None:
    # libyaml points one line past the end; an editor could not go there.
    with pytest.raises(MapLoadError) as caught:
        text = "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C.\n    con: [x]\n    i"
        loads_map(text, "m.yaml", pure_python=pure)
    (found,) = caught.value.diagnostics
    assert (
        found.format() == "m.yaml:7:6: error: YAML syntax error: could not find expected ':' [E004]"
    )


def test_one_claim_read_alone_is_built_as_in_the_whole_map() -> None:
    from argmap.load import load_claim_part

    whole = "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: A.\n  c:\n    text: C.\n    con:\n"
    whole += "      - Plain objection. #2\n      - ref: a\n  d: D.\n"
    m = loads_map(whole, "m.yaml")
    alone = "\n" * 4 + "claims:\n  c:\n    text: C.\n    con:\n      - Plain objection. #2\n"
    part = load_claim_part(alone + "      - ref: a\n  d: D.\n", "m.yaml")
    assert part is not None and part.read
    assert part.root_keys == (("claims", 5, 1),)
    assert part.claim_keys == (("c", 6, 3), ("d", 11, 3))
    assert part.nodes == m.nodes[1:3] and part.links == m.links
    assert [n.position for n in part.nodes] == [n.position for n in m.nodes[1:3]]
    assert [d.code for d in m.load_warnings] == ["W207"]  # the text cut at ` #`
    assert part.errors == () and part.warnings == m.load_warnings
    unknown = load_claim_part("claims:\n  c:\n    txt: C.\n", "m.yaml")
    assert unknown is not None and unknown.read
    assert [d.code for d in unknown.errors] == ["E113", "E115"]
    broken = load_claim_part("claims:\n  c:\n    text: C: D\n", "m.yaml")
    assert broken is not None and not broken.read
    assert [(d.code, d.position.line) for d in broken.errors] == [("E004", 3)]
    assert load_claim_part("- a list\n", "m.yaml") is None


def test_yaml_data_reads_plain_scalars_as_yaml_1_1_does() -> None:
    from argmap.load import load_yaml_data

    ints = "1" * 100  # up to 100 digits an integer is read as one; longer, as a float
    data = load_yaml_data(
        "a: no\nb: yes\nk: NO\nc: 0.5\nd: 1__000\ne: ~\nf: '12'\ng: -12\nh: text\n"
        f"i: {ints}\nj: {ints}1\nl: [1, [x, {{m: 2}}]]\n"
    )
    assert repr(data) == (
        "{'a': False, 'b': True, 'k': False, 'c': 0.5, 'd': 1000, 'e': None, 'f': '12',"
        f" 'g': -12, 'h': 'text', 'i': {ints}, 'j': 1.111111111111111e+100,"
        " 'l': [1, ['x', {'m': 2}]]}"
    )


def test_yaml_data_is_refused_with_its_own_positions() -> None:
    from argmap.load import load_yaml_data

    with pytest.raises(MapLoadError) as caught:
        load_yaml_data("a: 1\nb: &x 2\n")
    assert [d.format() for d in caught.value.diagnostics] == [
        "<string>:2:4: error: YAML anchors are not allowed (&x): write the content out, or use"
        " `ref` to reuse a node [E006]"
    ]


def test_yaml_data_syntax_errors_are_yaml_s_own_words() -> None:
    # Embedded data is no map file's prose: no advice about quoting text.
    from argmap.load import load_yaml_data

    with pytest.raises(MapLoadError) as caught:
        load_yaml_data("a: b: c\n")
    assert [d.format() for d in caught.value.diagnostics] == [
        "<string>:1:5: error: YAML syntax error: mapping values are not allowed in this context"
        " [E004]"
    ]


def test_a_claim_text_that_does_not_read_is_all_errors_and_nothing_else() -> None:
    from argmap.load import ClaimPart, load_claim_part

    part = load_claim_part("claims:\n  c:\n    text: C: D\n")
    assert part is not None
    assert part._replace(errors=()) == ClaimPart(False, (), (), (), (), (), ())
    assert [d.format() for d in part.errors] == [
        "<string>:3:11: error: YAML syntax error: the unquoted text that begins here goes wrong"
        " at line 3, column 12: text with `: ` or ` #` in it, or starting with a quote, must be"
        " quoted; put it in double quotes [E004]"
    ]


@pytest.mark.parametrize("text", ["- a list\n", "title: T\n", "claims: {}\n", "claims: c\n"])
def test_a_text_with_no_claim_under_a_mapping_claims_has_no_claim_part(text: str) -> None:
    from argmap.load import load_claim_part

    assert load_claim_part(text) is None
