"""Hostile foreign files: each import is one positioned error line with a code, or works;
never a traceback, a hang, or a statement dropped without a word.

Inputs that were quadratic (or exponential) are built at a size where that
would take minutes, and run under an alarm that fails the test instead of
timing it: a linear reader finishes in well under a second.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.errors import ArgmapError
from argmap.formats import MAX_IMPORT_BYTES, import_file, import_text
from argmap.load import MAX_FILE_BYTES
from tests.guards import must_finish


def failure(text: str, fmt: str) -> str:
    with pytest.raises(ArgmapError) as caught:
        import_text(text, fmt, "t")
    message = caught.value.format()
    assert "\n" not in message
    return message


# -- the same handle twice


def test_aif_nodes_sharing_a_node_id_are_refused_not_merged() -> None:
    text = (
        '{"nodes": [\n'
        '  {"nodeID": "1", "type": "I", "text": "Taxes should fall."},\n'
        '  {"nodeID": "1", "type": "I", "text": "Services need money."}\n'
        '], "edges": []}'
    )
    assert failure(text, "aif") == (
        "t:3:3: error: nodeID '1' is used by two nodes (the first at line 2):"
        " each node needs its own [E602]"
    )


def test_argmap_json_nodes_sharing_an_id_are_refused_not_merged() -> None:
    text = (
        '{"format": "argmap", "version": 1, "claims": ["a"], "nodes": [\n'
        '  {"id": "a", "text": "Taxes should fall."},\n'
        '  {"id": "a", "text": "Services need money."}\n'
        "]}"
    )
    assert failure(text, "json") == (
        "t:3:3: error: node id 'a' is used by two nodes (the first at line 2):"
        " each node needs its own [E602]"
    )


def test_a_key_written_twice_in_one_json_object_is_refused() -> None:
    text = '{"nodes": [\n  {"nodeID": "1", "type": "I", "text": "A.", "text": "B."}\n]}'
    assert failure(text, "aif") == (
        "t:2:3: error: not valid JSON: key 'text' is written twice in one object;"
        " JSON readers would keep only one [E601]"
    )


# -- crashes


def test_deep_json_with_the_format_guessed_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000, encoding="utf-8")
    with pytest.raises(ArgmapError) as caught:
        import_file(path)
    assert caught.value.format() == f"{path}:1:1: error: JSON nested too deeply [E601]"


@pytest.mark.parametrize("fmt", ["aif", "json"])
def test_a_number_of_5000_digits_is_a_clean_error(fmt: str) -> None:
    huge = "7" * 5000
    head = '{"format": "argmap", "version": 1, ' if fmt == "json" else "{"
    text = head + f'"nodes": [\n  {{"nodeID": {huge}, "id": "a", "type": "I", "text": "A."}}]}}'
    column = len('  {"nodeID": ') + 1
    assert failure(text, fmt) == (
        f"t:2:{column}: error: not valid JSON: a number with 5,000 digits"
        " (at most 4,000 are read) [E601]"
    )


def test_a_number_of_4000_digits_is_read() -> None:
    text = '{"nodes": [{"nodeID": ' + "7" * 4000 + ', "type": "I", "text": "A."}]}'
    m = import_text(text, "aif", "t").map
    assert [(n.id, n.text) for n in m.unique_nodes()] == [("a", "A.")]


def test_a_long_number_is_found_where_it_stands_not_at_a_shorter_one_it_starts_with() -> None:
    text = (
        '{"nodes": [\n'
        '  {"nodeID": ' + "7" * 60 + ', "type": "I", "text": "A."},\n'
        '  {"nodeID": ' + "7" * 5000 + ', "type": "I", "text": "B."}]}'
    )
    assert failure(text, "aif") == (
        "t:3:14: error: not valid JSON: a number with 5,000 digits (at most 4,000 are read) [E601]"
    )


def test_a_weight_of_4999_digits_is_refused_as_a_long_whole_number_is() -> None:
    weight = "0." + "5" * 4998
    text = (
        '{"format": "argmap", "version": 1, "nodes": [\n'
        f'  {{"id": "a", "text": "A.", "weight": {weight}}}]}}'
    )
    assert failure(text, "json") == (
        "t:2:39: error: not valid JSON: a number with 4,999 digits (at most 4,000 are read) [E601]"
    )


def _undercut_chain(length: int) -> tuple[list[dict[str, str]], list[tuple[str, str]]]:
    """AIF nodes and edges: a claim, a premise, and `length` undercuts each of the last."""
    nodes = [{"nodeID": "c", "type": "I", "text": "The claim."}]
    nodes += [{"nodeID": "p", "type": "I", "text": "The premise."}]
    nodes += [{"nodeID": "ra", "type": "RA", "text": "Default Inference"}]
    edges = [("p", "ra"), ("ra", "c")]
    attacked = "ra"
    for n in range(length):
        nodes.append({"nodeID": f"u{n}", "type": "I", "text": f"Objection {n}."})
        nodes.append({"nodeID": f"ca{n}", "type": "CA", "text": "Default Conflict"})
        edges += [(f"u{n}", f"ca{n}"), (f"ca{n}", attacked)]
        attacked = f"ca{n}"
    return nodes, edges


def test_an_aif_chain_of_1000_undercuts_imports_as_deep_as_a_map_can_nest() -> None:
    nodes, edges = _undercut_chain(1000)
    text = (
        '{"nodes": [\n'
        + ",\n".join(json.dumps(n) for n in nodes)
        + '],\n"edges": [\n'
        + ",\n".join(json.dumps({"fromID": a, "toID": b}) for a, b in edges)
        + "]}"
    )
    ca120 = 1 + nodes.index({"nodeID": "ca120", "type": "CA", "text": "Default Conflict"}) + 1
    imported = import_text(text, "aif", "t")
    m = imported.map
    undercuts = [lk for lk in m.links if lk.kind.value == "undercut"]
    assert (len(m.node_ids), len(undercuts)) == (1002, 120)
    # Every objection is kept (those past the depth as claims of their own), and the
    # undercuts left out are said, once, with their number.
    assert [d.format() for d in imported.warnings if d.code == "W614"] == [
        f"t:{ca120}:1: warning: 880 undercuts nested deeper than a map can hold"
        " (120 levels) are left out, the first by 'Objection 120.' [W614]"
    ]


@pytest.mark.slow
def test_a_long_chain_of_undercuts_listed_backwards_is_resolved_in_linear_time() -> None:
    nodes, edges = _undercut_chain(6000)
    nodes.reverse()  # each CA-node before the one it attacks: one round per link, before
    text = json.dumps({"nodes": nodes, "edges": [{"fromID": a, "toID": b} for a, b in edges]})
    with must_finish():
        m = import_text(text, "aif", "t").map
    assert (len(m.node_ids), sum(lk.kind.value == "undercut" for lk in m.links)) == (6002, 120)


@pytest.mark.slow
def test_an_argdown_chain_of_undercut_links_written_backwards_is_resolved_in_linear_time() -> None:
    # argmap's own Argdown: each undercut link is an argument naming the link it attacks.
    blocks = ['<c.pro.1>: x {"argmap-link": {"source": "p", "target": "c", "kind": "pro"}}']
    previous = "c.pro.1"
    for n in range(1, 4000):
        link = {"source": f"u{n - 1}", "target": previous, "kind": "undercut"}
        blocks.append(f"<L{n}>: x {json.dumps({'argmap-link': link})}\n  _ [u{n}]: U{n}.")
        previous = f"L{n}"
    blocks[0] += "\n  _ [u0]: U0."
    text = "[c]: C.\n  + [p]: P.\n\n" + "\n\n".join(reversed(blocks)) + "\n"
    with must_finish():
        m = import_text(text, "argdown", "t").map
    assert (len(m.node_ids), sum(lk.kind.value == "undercut" for lk in m.links)) == (4002, 120)


def test_an_argdown_line_with_3000_data_blocks_is_read() -> None:
    text = "[a]: A claim. " + "{}" * 3000 + '{note: "kept"}\n'
    m = import_text(text, "argdown", "t").map
    assert [(n.text, n.note) for n in m.unique_nodes()] == [("A claim.", "kept")]


# -- hangs


def test_a_yaml_alias_bomb_in_argdown_data_is_refused_as_the_map_loader_refuses_it() -> None:
    bomb = '{a: &a ["x","x"], b: &b [*a,*a], c: &c [*b,*b], d: &d [*c,*c], e: [*d,*d]}'
    with must_finish():
        message = failure(f"[s]: A statement. {bomb}\n", "argdown")
    assert message == (
        "t:1:23: error: Argdown: invalid YAML data: YAML anchors are not allowed (&a):"
        " write the content out, or use `ref` to reuse a node [E601]"
    )


@pytest.mark.slow
def test_an_unclosed_brace_before_many_lines_is_found_in_linear_time() -> None:
    text = "[a]: A claim. {note: x\n" + "  + [b]: more text here\n" * 100_000
    with must_finish():
        message = failure(text, "argdown")
    assert message == "t:1:15: error: Argdown: data `{` is never closed [E601]"


@pytest.mark.parametrize(
    ("hostile", "kept"),
    [
        ("*x " * 20_000, ("*x " * 20_000).strip()),
        ("**x " * 20_000, ("**x " * 20_000).strip()),
        ("_x " * 20_000, ("_x " * 20_000).strip()),
        ("#(a " * 20_000, None),
        ("[x](" * 20_000, None),
        ("@[x " * 20_000, None),
        ("@<x " * 20_000, None),
    ],
)
def test_markup_that_never_closes_is_read_in_linear_time(hostile: str, kept: str | None) -> None:
    with must_finish():
        m = import_text(f"[a]: {hostile}\n", "argdown", "t").map
    text = m.node("a").text
    assert text == (kept if kept is not None else " ".join(hostile.split()))


def test_emphasis_is_still_plain_text() -> None:
    m = import_text(
        "[a]: A *big* and **bold** _claim_ with __more__ and *a **nested** one*.\n", "argdown", "t"
    ).map
    assert m.node("a").text == "A big and bold claim with more and a nested one."


def test_argmap_json_links_sharing_an_id_are_refused() -> None:
    text = (
        '{"format": "argmap", "version": 1, "claims": ["a"], "nodes": [\n'
        '  {"id": "a", "text": "A."}, {"id": "b", "text": "B."}], "links": [\n'
        '  {"id": "a.pro.1", "kind": "pro", "source": "b", "target": "a"},\n'
        '  {"id": "a.pro.1", "kind": "con", "source": "b", "target": "a"}]}'
    )
    assert failure(text, "json") == (
        "t:4:3: error: link id 'a.pro.1' is used by two links (the first at line 3):"
        " each link needs its own [E602]"
    )


# -- sizes


@pytest.mark.slow
def test_a_file_over_the_map_limit_imports_when_it_fits_the_import_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    body = '{"nodes": [{"nodeID": "1", "type": "I", "text": "A claim."}]}'
    path.write_text(body + " " * (MAX_FILE_BYTES + 1), encoding="utf-8")
    assert [n.text for n in import_file(path, "aif").map.unique_nodes()] == ["A claim."]


def test_a_file_over_the_import_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as f:
        f.truncate(MAX_IMPORT_BYTES + 1)  # sparse: no disk used, and never read
    with pytest.raises(ArgmapError) as caught:
        import_file(path, "aif")
    assert caught.value.format() == (
        f"{path}: error: file is 335,544,321 bytes; files to import are limited to"
        " 335,544,320 bytes [E003]"
    )


def test_an_import_that_would_make_a_map_over_the_map_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("argmap.formats.MAX_FILE_BYTES", 200)
    text = "[a]: " + "A long claim. " * 20 + "\n"
    assert failure(text, "argdown") == (
        "t: error: the map made from this file would be 437 bytes; maps are limited to 200"
        " bytes: split the input [E003]"
    )


def test_an_aif_locution_of_blank_text_is_read_in_linear_time() -> None:
    nodes = [
        {"nodeID": "1", "type": "I", "text": "A claim."},
        {"nodeID": "2", "type": "L", "text": " " * 100_000 + "x"},
        {"nodeID": "3", "type": "YA", "text": "Asserting"},
        {"nodeID": "4", "type": "L", "text": "Ann Smith : A claim."},
        {"nodeID": "5", "type": "YA", "text": "Asserting"},
    ]
    edges = [("2", "3"), ("3", "1"), ("4", "5"), ("5", "1")]
    text = json.dumps(
        {
            "nodes": nodes,
            "edges": [{"fromID": a, "toID": b} for a, b in edges],
            "participants": [{"participantID": 1, "firstname": "Ann", "surname": "Smith"}],
            "locutions": [
                {"nodeID": "2", "personID": 1, "source": "Minutes"},
                {"nodeID": "4", "personID": 1, "source": "Minutes"},
            ],
        }
    )
    with must_finish():
        node = import_text(text, "aif", "t").map.node("a-claim")
    assert [q.text for q in node.quotes] == [" " * 100_000 + "x", "A claim."]


def test_an_import_that_makes_a_map_of_exactly_the_map_limit_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("argmap.formats.MAX_FILE_BYTES", 437)
    text = "[a]: " + "A long claim. " * 20 + "\n"
    imported = import_text(text, "argdown", "t")
    assert len(imported.text.encode("utf-8")) == 437


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "argmap: 1\nclaims:\n  a:\n    text: A\n",
            "t: error: the imported map does not load: imported.yaml:1:1: error: the map needs"
            " `title` [E115] [E605]",
        ),
        (
            "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: A\n    pro:\n      - ref: b\n",
            "t: error: the imported map does not validate: imported.yaml:7:9: error: `ref` to"
            " unknown id 'b' [E102] [E605]",
        ),
    ],
)
def test_a_map_the_writer_gets_wrong_is_one_error_line_not_a_broken_file(
    monkeypatch: pytest.MonkeyPatch, written: str, message: str
) -> None:
    monkeypatch.setattr("argmap.formats.yaml_writer.write_map", lambda draft: written)
    assert failure("[a]: A.\n", "argdown") == message


def test_one_undercut_past_the_nesting_limit_is_told_in_the_singular() -> None:
    nodes, edges = _undercut_chain(121)
    lines = ",\n".join(json.dumps(n) for n in nodes)
    links = json.dumps([{"fromID": a, "toID": b} for a, b in edges])
    text = f'{{"nodes": [\n{lines}],\n"edges": {links}}}'
    ca120 = 1 + nodes.index({"nodeID": "ca120", "type": "CA", "text": "Default Conflict"}) + 1
    imported = import_text(text, "aif", "t")
    assert [d.format() for d in imported.warnings if d.code == "W614"] == [
        f"t:{ca120}:1: warning: 1 undercut nested deeper than a map can hold (120 levels) is left"
        " out, the one by 'Objection 120.' [W614]"
    ]


def test_every_undercut_on_one_past_the_limit_is_counted_with_it() -> None:
    nodes, edges = _undercut_chain(121)
    for extra in ("x", "y"):  # two more objections to the 121st, which is past the limit
        nodes += [{"nodeID": f"u{extra}", "type": "I", "text": f"Objection {extra}."}]
        nodes += [{"nodeID": f"ca{extra}", "type": "CA", "text": "Default Conflict"}]
        edges += [(f"u{extra}", f"ca{extra}"), (f"ca{extra}", "ca120")]
    text = json.dumps({"nodes": nodes, "edges": [{"fromID": a, "toID": b} for a, b in edges]})
    (warned,) = [d.message for d in import_text(text, "aif", "t").warnings if d.code == "W614"]
    assert warned.startswith("3 undercuts nested deeper than a map can hold (120 levels) are")


def test_stacked_diamonds_are_checked_for_cycles_in_linear_time() -> None:
    # 39 layers of two statements, each supporting both of the layer below: 2^39 paths
    # from the top to the bottom, none a loop. A search that forgets what it has finished
    # walks every path.
    blocks = ["[a0]: A0.", "[b0]: B0."]
    for n in range(1, 40):
        for x in "ab":
            blocks.append(f"[{x}{n}]: {x.upper()}{n}.\n  +> [a{n - 1}]\n  +> [b{n - 1}]")
    with must_finish():
        imported = import_text("\n\n".join(blocks) + "\n", "argdown", "t")
    assert (len(imported.map.node_ids), len(imported.map.links)) == (80, 156)
    assert "allow-cycles" not in imported.text
    assert not imported.map.allow_cycles
