"""The language server's features as pure functions (argmap.lsp.features, argmap.lsp.spans),
without a client: extents of values, position encodings, settings, rename rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types

from argmap.lsp import features
from argmap.lsp.features import RenameRefused, Settings, analyse, is_map_document
from argmap.lsp.spans import Span, key_before, ref_value_span, token_span


def lines(text: str) -> list[str]:
    return features.split_lines(text)


def shown(text: str, span: Span) -> str:
    """The text a span covers."""
    ls = lines(text)
    if span.start_line == span.end_line:
        return ls[span.start_line][span.start_col : span.end_col]
    parts = [ls[span.start_line][span.start_col :]]
    parts += ls[span.start_line + 1 : span.end_line]
    parts.append(ls[span.end_line][: span.end_col])
    return "\n".join(parts)


@pytest.mark.parametrize(
    ("text", "line", "col", "expected"),
    [
        ("text: plain words # a comment\n", 0, 6, "plain words"),
        ("key: value\n", 0, 0, "key"),
        ('text: "a \\" quote"  # c\n', 0, 6, '"a \\" quote"'),
        ("text: 'it''s'\n", 0, 6, "'it''s'"),
        ("by: [crane, 'x, y', bob]\n", 0, 12, "'x, y'"),
        ("by: [crane, bob]\n", 0, 5, "crane"),
        ("q: {source: itt, text: x}\n", 0, 3, "{source: itt, text: x}"),
        ("note: >-\n  folded\n  lines\nnext: 1\n", 0, 6, ">-\n  folded\n  lines"),
        ("text: runs\n  on here\nnext: 1\n", 0, 6, "runs\n  on here"),
        ('text: "two\n  lines"\n', 0, 6, '"two\n  lines"'),
        ("- a premise\n- another\n", 0, 2, "a premise"),
        ("a: [[[x]]]\n", 0, 4, "[[x]]"),
        ('text: "never closed\n', 0, 6, '"never closed\n'),
    ],
)
def test_token_span_covers_the_whole_value(text: str, line: int, col: int, expected: str) -> None:
    assert shown(text, token_span(lines(text), line, col)) == expected


def test_token_span_clamps_a_position_past_the_text() -> None:
    assert token_span(["a: 1", ""], 9, 0) == Span(1, 0, 1, 0)
    assert token_span(["a: 1"], 0, 40) == Span(0, 4, 0, 4)


def test_keys_before_block_and_flow_values() -> None:
    text = "actors:\n  crane:\n    name: Chris\n  bob: {name: Bob}\n  'q': {name: Q}\n"
    ls = lines(text)
    assert key_before(ls, 2, 4) == Span(1, 2, 1, 7)  # crane
    assert key_before(ls, 3, 7) == Span(3, 2, 3, 5)  # bob
    assert key_before(ls, 4, 7) == Span(4, 3, 4, 4)  # q, without its quotes


def test_ref_values_in_block_and_flow_items() -> None:
    text = "- note: why\n  ref: target-id\n- {note: x, ref: other}\n- ref:\n"
    ls = lines(text)
    assert ref_value_span(ls, 0, 2) == Span(1, 7, 1, 16)
    assert ref_value_span(ls, 2, 2) == Span(2, 17, 2, 22)
    assert ref_value_span(ls, 3, 2) == Span(3, 6, 3, 6)  # nothing written yet


def test_map_documents_are_recognised_and_other_yaml_is_not() -> None:
    assert is_map_document("/m/a.yaml", "# schema line\nargmap: 1\ntitle: t\n")
    assert is_map_document("/m/a.yaml", "title: t\nargmap: 1\n")
    assert is_map_document("/m/notes.argmap.yml", "title: t\n")
    assert not is_map_document("/repo/.github/workflows/ci.yml", "name: CI\non: [push]\n")
    assert not is_map_document("/m/a.yaml", "tools:\n  argmap: 1\n")  # not at the top level


def test_settings_from_the_client() -> None:
    assert Settings.from_client(None) == Settings()
    assert Settings.from_client(
        {"argmap": {"sources": ["src", "/abs"], "evaluate": True}}, "/w"
    ) == (Settings(("/w/src", "/abs"), True))
    assert Settings.from_client({"sources": "one", "evaluate": "yes"}, None) == Settings(("one",))
    assert Settings.from_client({"sources": 3, "evaluate": 1}) == Settings()
    # Workspace settings override the initialization options key by key.
    initial = Settings(("/w/src",), True)
    assert Settings.from_client({}, "/w", initial) == initial
    assert Settings.from_client({"argmap": {"evaluate": False}}, "/w", initial) == Settings(
        ("/w/src",), False
    )


@pytest.mark.parametrize(
    ("encoding", "character"),
    [
        (types.PositionEncodingKind.Utf16, 16),  # the emoji is two UTF-16 units
        (types.PositionEncodingKind.Utf8, 19),  # é is two bytes, the emoji four
        (types.PositionEncodingKind.Utf32, 15),
    ],
)
def test_positions_in_each_encoding(encoding: str, character: int) -> None:
    text = 'argmap: 1\ntitle: t\nclaims:\n  c:\n    text: T\n    by: ["é😀", bob]\n    con: [No.]\n'
    a = analyse(text, "/m/e.yaml", encoding=encoding)
    [unknown_bob] = [d for d in features.diagnostics(a, "file:///m/e.yaml") if "'bob'" in d.message]
    assert unknown_bob.range.start == types.Position(5, character)
    assert a.from_lsp(types.Position(5, character)) == (5, 15)


SMALL = """\
argmap: 1
title: Rename
claims:
  old:
    text: A claim.
    con:
      - Written under it, with a path id.
      - id: named
        text: With an id.
  other:
    text: Another.
    con:
      - ref: old
      - ref: old.con.1
"""


def test_renaming_a_claim_renames_the_path_ids_written_under_it() -> None:
    a = analyse(SMALL, "/m/r.yaml")
    edit = features.rename(a, types.Position(3, 3), "new", "file:///m/r.yaml")
    assert edit.changes is not None
    assert sorted(
        (e.range.start.line, e.range.start.character, e.new_text)
        for e in edit.changes["file:///m/r.yaml"]
    ) == [
        (3, 2, "new"),
        (12, 13, "new"),
        (13, 13, "new.con.1"),
    ]


def test_a_path_id_cannot_be_renamed_and_ids_must_be_free_and_valid() -> None:
    a = analyse(SMALL, "/m/r.yaml")
    with pytest.raises(RenameRefused, match="'old.con.1' is a path id"):
        features.rename(a, types.Position(13, 14), "x", "file:///m/r.yaml")
    with pytest.raises(RenameRefused, match="node id 'named' is already taken"):
        features.rename(a, types.Position(3, 3), "named", "file:///m/r.yaml")
    with pytest.raises(RenameRefused, match="'-bad' is not a valid id"):
        features.rename(a, types.Position(3, 3), "-bad", "file:///m/r.yaml")
    with pytest.raises(RenameRefused, match="no node, actor or source id here"):
        features.rename(a, types.Position(1, 2), "x", "file:///m/r.yaml")


def test_a_file_over_the_size_limit_is_refused_before_loading(tmp_path: Path) -> None:
    text = "argmap: 1\n#" + "x" * (32 * 1024 * 1024) + "\n"
    a = analyse(text, str(tmp_path / "big.yaml"))
    assert [(d.code, d.message) for d in a.diagnostics] == [
        ("E003", f"file is {len(text):,} bytes; maps are limited to 33,554,432 bytes")
    ]


def test_completion_uses_the_last_map_that_loaded_while_a_line_is_half_typed() -> None:
    good = analyse(SMALL, "/m/r.yaml")
    half = SMALL.replace("      - ref: old\n", '      - ref: "o\n')
    broken = analyse(half, "/m/r.yaml")
    assert broken.map is None  # the quote is not closed yet: a syntax error
    labels = [i.label for i in features.completion(broken, good.map, types.Position(12, 16))]
    assert labels == ["old", "old.con.1", "named", "other"]


def test_quick_fixes_for_a_misspelt_field_and_source() -> None:
    text = "argmap: 1\ntitle: t\nsources:\n  itt: {title: T}\nclaims:\n  c:\n    txt: C.\n"
    a = analyse(text, "/m/f.yaml")
    found = features.diagnostics(a, "file:///m/f.yaml")
    assert [(d.code, d.message) for d in found] == [
        ("E113", "unknown field 'txt' in claim 'c'; did you mean text?"),
        ("E115", "claim 'c' needs `text`"),
    ]
    [fix] = features.code_actions(a, found, "file:///m/f.yaml")
    assert fix.title == "Replace with 'text'"
    assert fix.edit is not None and fix.edit.changes is not None
    assert fix.edit.changes["file:///m/f.yaml"] == [
        types.TextEdit(types.Range(types.Position(6, 4), types.Position(6, 7)), "text")
    ]
    quoted = text.replace(
        "    txt: C.\n", "    text: C.\n    quote: {source: it, text: x}\n    con: [No.]\n"
    )
    b = analyse(quoted, "/m/f.yaml")
    found = features.diagnostics(b, "file:///m/f.yaml")
    assert [(d.code, d.message) for d in found] == [
        ("W202", "source 'itt' is never quoted"),
        ("E107", "unknown source 'it'; did you mean 'itt'?"),
    ]
    [fix] = features.code_actions(b, found, "file:///m/f.yaml")
    assert fix.edit is not None and fix.edit.changes is not None
    assert fix.edit.changes["file:///m/f.yaml"] == [
        types.TextEdit(types.Range(types.Position(7, 20), types.Position(7, 22)), "itt")
    ]
    # A diagnostic from another tool is not ours to fix.
    other = types.Diagnostic(found[1].range, found[1].message, source="yaml", code="E107")
    assert features.code_actions(b, [other], "file:///m/f.yaml") == []


HALF_TYPED = """\
argmap: 1
title: t
actors:
  ann: {name: Ann}
  bob:
    na
sources:
  s1:
    ti
claims:
  c:
    text: C.
    by:
      - a
    quote:
      so
    con:
      - text: x
        quote:
          - source: s1
            te
      - {ref: \n"""
WRITTEN = (
    HALF_TYPED.replace("    na\n", "    name: Bob\n")
    .replace("    ti\n", "    title: S\n")
    .replace("      so\n", "      source: s1\n      text: q\n")
    .replace("            te\n", "            text: t\n")
    .replace("{ref: \n", "{ref: c}\n")
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (5, ["name", "role", "kind", "url"]),  # an actor's fields
        (8, ["title", "author", "publisher", "date", "url", "file"]),  # a source's
        (13, ["ann", "bob"]),  # an item of a `by` list
        (15, ["source", "text", "speaker", "locator"]),  # a quote's fields
        (20, ["source", "text", "speaker", "locator"]),  # in a list of quotes
        (21, ["c", "c.con.1"]),  # a ref in flow style
    ],
)
def test_completion_in_each_context(line: int, expected: list[str]) -> None:
    written = analyse(WRITTEN, "/m/x.yaml")
    assert written.map is not None
    half = analyse(HALF_TYPED, "/m/x.yaml")
    end = len(lines(HALF_TYPED)[line])
    labels = [c.label for c in features.completion(half, written.map, types.Position(line, end))]
    assert labels == expected


def _text_value_edits(text: str, seed: int, count: int) -> list[tuple[int, int, int, str]]:
    """Random one-character edits at and around `text:` values: inserts of ordinary and of
    YAML-significant characters, deletions, and replacements."""
    import random

    rnd = random.Random(seed)
    ls = lines(text)
    places = [i for i, line in enumerate(ls) if line.lstrip(" -").startswith("text: ")]
    edits = []
    for _ in range(count):
        line = rnd.choice(places)
        value = ls[line].index("text: ") + 6
        col = rnd.randint(value - 1, len(ls[line]))
        kind = rnd.choice(["insert", "delete", "replace"])
        char = rnd.choice(list("ab e.,'-#:\"[{&") + ["", "\t", "null"])
        if kind == "insert":
            edits.append((line, col, col, char))
        else:
            end = min(col + 1, len(ls[line]))
            edits.append((line, col, end, "" if kind == "delete" else char))
    return edits


@pytest.mark.parametrize("which", ["scomm", "generated"])
def test_typing_in_a_text_value_finds_what_a_full_check_finds(which: str) -> None:
    from benchmarks.generate import generate_map
    from tests.conftest import REPO

    if which == "scomm":
        text = (REPO / "maps" / "secure-communities.yaml").read_text(encoding="utf-8")
    else:
        text = generate_map(300).replace("by: a1", "by: a9", 1)  # with a finding to keep
    before = analyse(text, "/m/edit.yaml")
    assert before.map is not None
    quick = 0
    for line, start, end, inserted in _text_value_edits(text, seed=7, count=150):
        ls = lines(text)
        ls[line] = ls[line][:start] + inserted + ls[line][end:]
        edited = "\n".join(ls)
        again = features.reanalyse(before, edited, line, start, end, inserted)
        full = analyse(edited, "/m/edit.yaml")
        assert again.lines == full.lines
        assert again.map == full.map, (line, start, end, inserted)
        assert again.diagnostics == full.diagnostics, (line, start, end, inserted)
        quick += again.diagnostics is before.diagnostics
    assert quick > 20  # the quick path was taken often enough to be tested


def test_an_edit_that_is_not_the_one_described_is_checked_in_full() -> None:
    before = analyse(SMALL, "/m/r.yaml")
    edited = SMALL.replace("A claim.", "A claims.")
    wrong = features.reanalyse(before, edited, 4, 10, 10, "x")  # says "x" was typed: not so
    assert wrong.diagnostics is not before.diagnostics
    assert wrong.map is not None and wrong.map.node("old").text == "A claims."
