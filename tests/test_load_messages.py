"""The loader's messages about prose YAML took apart, and about bytes it cannot read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from argmap.errors import MapLoadError
from argmap.load import load_map, loads_map
from argmap.validate import validate_map
from tests.conftest import Invoke

HEAD = "argmap: 1\ntitle: T\nclaims:\n"
LIBYAML = bool(getattr(yaml, "__with_libyaml__", False))  # the fast parser is there


def _load_error(text: str, pure: bool = False) -> str:
    with pytest.raises(MapLoadError) as caught:
        loads_map(text, "m.yaml", pure_python=pure)
    return "\n".join(d.format() for d in caught.value.diagnostics)


# --- a ` #` in unquoted prose starts a comment ---------------------------------------


@pytest.mark.parametrize("pure", [False, True])
def test_a_hash_in_unquoted_text_is_a_warning_naming_the_cut(pure: bool) -> None:
    m = loads_map(
        HEAD + "  c:\n    text: Obesity is the #1 health issue\n    con:\n      - Smoking is #1\n"
        "      - text: fine # one blank before: prose?\n        note: see p. #4\n",
        "m.yaml",
        pure_python=pure,
    )
    assert m.node("c").text == "Obesity is the"  # what YAML read
    warnings = [d.format() for d in validate_map(m) if d.code == "W207"]
    assert warnings == [
        "m.yaml:5:26: warning: `text` is cut at ` #`: YAML reads '#1 health issue' as a comment;"
        " put the whole text in double quotes to keep it (or move the comment to its own line)"
        " [W207]",
        "m.yaml:7:20: warning: the premise's text is cut at ` #`: YAML reads '#1' as a comment;"
        " put the whole text in double quotes to keep it (or move the comment to its own line)"
        " [W207]",
        "m.yaml:8:20: warning: `text` is cut at ` #`: YAML reads '# one blank before: prose?'"
        " as a comment; put the whole text in double quotes to keep it (or move the comment to"
        " its own line) [W207]",
        "m.yaml:9:22: warning: `note` is cut at ` #`: YAML reads '#4' as a comment; put the"
        " whole text in double quotes to keep it (or move the comment to its own line) [W207]",
    ]


def test_a_hash_in_a_short_claim_and_a_title_is_found_too() -> None:
    m = loads_map("argmap: 1\ntitle: Health #1\nclaims:\n  c: Obesity is #1\n", "m.yaml")
    assert [(d.position.line, d.message.split(" is cut")[0]) for d in m.load_warnings] == [
        (2, "`title`"),
        (4, "the claim's text"),
    ]


def test_the_cut_text_is_named_without_trailing_blanks_and_to_the_end_of_the_file() -> None:
    # The last line has no final newline: its cut text still ends with the file's last
    # character.
    m = loads_map(HEAD + "  c: Obesity is #1   \n  d: Smoking is #2", "m.yaml")
    tail = (
        " as a comment; put the whole text in double quotes to keep it (or move the comment to"
        " its own line) [W207]"
    )
    assert [d.format() for d in m.load_warnings] == [
        "m.yaml:4:17: warning: the claim's text is cut at ` #`: YAML reads '#1'" + tail,
        "m.yaml:5:17: warning: the claim's text is cut at ` #`: YAML reads '#2'" + tail,
    ]


def test_comments_after_numbers_words_and_quoted_text_are_no_warning() -> None:
    m = loads_map(
        "# yaml-language-server: $schema=x\n"
        + HEAD
        + "  c:\n    text: 'A #1 claim'  # quoted: kept whole\n    weight: 0.5  # a guess\n"
        "    note: a deliberate comment  # two blanks before it, one after\n"
        '    tags: [a]  # tags\n    con:\n      # a comment line\n      - "x #2" # c\n'
        "      - plain#tag is no comment\n",
        "m.yaml",
    )
    assert m.node("c").text == "A #1 claim"
    assert m.node("c.con.2").text == "plain#tag is no comment"
    assert m.load_warnings == ()


def test_validate_strict_fails_on_cut_prose(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(HEAD + "  c:\n    text: the #1 issue\n    con: [no]\n", encoding="utf-8")
    result = invoke(["validate", "--strict", path], expect=1)
    assert "`text` is cut at ` #`: YAML reads '#1 issue' as a comment" in result.stderr
    invoke(["validate", path])  # a warning: the map still loads


# --- a colon, an apostrophe or a quote inside prose ---------------------------------


@pytest.mark.parametrize("pure", [False, True])
def test_a_colon_in_unquoted_text_names_the_line_where_the_text_began(pure: bool) -> None:
    text = HEAD + "  c:\n    text: The report\n      says: it works\n    con: [x]\n"
    assert _load_error(text, pure) == (
        "m.yaml:5:11: error: YAML syntax error: the unquoted text that begins here goes wrong at"
        " line 6, column 11: text with `: ` or ` #` in it, or starting with a quote, must be"
        " quoted; put it in double quotes (or, if line 6 starts a new field, indent it as the"
        " field above) [E004]"
    )


def test_a_colon_on_the_line_the_text_began_gives_no_new_field_advice() -> None:
    text = HEAD + "  c:\n    text: The report says: it works\n"
    assert _load_error(text) == (
        "m.yaml:5:11: error: YAML syntax error: the unquoted text that begins here goes wrong at"
        " line 5, column 26: text with `: ` or ` #` in it, or starting with a quote, must be"
        " quoted; put it in double quotes [E004]"
    )


@pytest.mark.parametrize("pure", [False, True])
def test_an_apostrophe_that_closes_single_quotes_three_lines_late(pure: bool) -> None:
    text = HEAD + "  c:\n    text: 'It is fine\n    b: 1\n    c: 2\n    d: don't\n    con: [x]\n"
    assert _load_error(text, pure) == (
        "m.yaml:5:11: error: YAML syntax error: the text in single quotes that begins here ends"
        " at the apostrophe at line 8, column 11; write an apostrophe inside it as '' (two), or"
        " put the text in double quotes [E004]"
    )


def test_a_premise_with_an_apostrophe_in_single_quotes() -> None:
    text = HEAD + "  c:\n    text: C\n    con:\n      - 'It's fine'\n"
    assert _load_error(text) == (
        "m.yaml:7:9: error: YAML syntax error: the text in single quotes that begins here ends"
        " at the apostrophe at line 7, column 12; write an apostrophe inside it as '' (two), or"
        " put the text in double quotes [E004]"
    )


def test_a_double_quote_inside_double_quotes() -> None:
    text = HEAD + '  c:\n    text: "He said "no" to it"\n'
    assert _load_error(text) == (
        "m.yaml:5:11: error: YAML syntax error: the text in double quotes that begins here ends"
        ' at the quote at line 5, column 20; write a quote inside it as \\", or put the text in'
        " single quotes [E004]"
    )


def test_a_syntax_error_on_a_later_line_is_not_blamed_on_the_text_before_it() -> None:
    text = HEAD + "  c:\n    text: fine\n   bad: indent\n"
    assert _load_error(text) == (
        "m.yaml:6:4: error: YAML syntax error: did not find expected key [E004]"
    )


# --- bytes YAML refuses ------------------------------------------------------------


@pytest.mark.parametrize("pure", [False, True])
def test_a_nul_byte_is_one_line_at_its_real_place(pure: bool) -> None:
    assert _load_error("argmap: 1\ntitle: T\x00\nclaims:\n  c: A\n", pure) == (
        "m.yaml:2:9: error: a NUL byte (U+0000) is not allowed in a map; remove it [E002]"
    )


def test_a_control_character_is_one_line_at_its_real_place() -> None:
    assert _load_error("argmap: 1\ntitle: T\nclaims:\n  c: A \x07 B\n") == (
        "m.yaml:4:8: error: control character U+0007 is not allowed in a map; remove it [E002]"
    )


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        # one character in three a NUL, as in UTF-16: said to be UTF-16
        (
            "a\x00b",
            "1:2",
            "the file looks like UTF-16 (NUL bytes between the letters); save it as UTF-8",
        ),
        # two in eight: a stray NUL byte
        ("ab\x00\x00cdef", "1:3", "a NUL byte (U+0000) is not allowed in a map; remove it"),
        # after a first blank line: line and column still counted from the file's start
        ("\nargmap: 1\x00\n", "2:10", "a NUL byte (U+0000) is not allowed in a map; remove it"),
    ],
)
def test_nul_bytes_are_told_as_utf16_only_when_a_third_of_the_text(
    text: str, where: str, message: str
) -> None:
    assert _load_error(text) == f"m.yaml:{where}: error: {message} [E002]"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_says_so(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes((HEAD + "  c: A\n").encode(encoding))
    with pytest.raises(MapLoadError) as caught:
        load_map(path)
    column = 2 if encoding == "utf-16-le" else 1
    assert [d.format() for d in caught.value.diagnostics] == [
        f"{path}:1:{column}: error: the file looks like UTF-16 (NUL bytes between the letters);"
        " save it as UTF-8 [E002]"
    ]


@pytest.mark.parametrize(
    ("data", "where"),
    [
        # a blank first line, and lines after the bad byte: neither moves where it is told
        (b"\ntitle: caf\xe9\nclaims:\n  c: C\n", "2:11"),
        # on the third line: its column counts from the last line break, not the first
        (b"argmap: 1\ntitle: T\n  c: caf\xe9\n", "3:9"),
    ],
)
def test_a_byte_that_is_not_utf8_is_placed_where_an_editor_shows_it(
    tmp_path: Path, data: bytes, where: str
) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(data)
    with pytest.raises(MapLoadError) as caught:
        load_map(path)
    assert [d.format() for d in caught.value.diagnostics] == [
        f"{path}:{where}: error: not UTF-8 (byte 0xe9); save the file as UTF-8 [E002]"
    ]


def test_a_byte_order_mark_does_not_hide_a_cut_on_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\xef\xbb\xbftitle: Health #1\nargmap: 1\nclaims:\n  c: C\n")
    assert [d.format() for d in load_map(path).load_warnings] == [
        f"{path}:1:15: warning: `title` is cut at ` #`: YAML reads '#1' as a comment; put the"
        " whole text in double quotes to keep it (or move the comment to its own line) [W207]"
    ]


# --- numbers -------------------------------------------------------------------------


def test_a_weight_of_minus_zero_is_zero() -> None:
    m = loads_map(HEAD + "  c:\n    text: C\n    weight: -0.0\n", "m.yaml")
    weight = m.node("c").weight
    assert weight == 0.0 and str(weight) == "0.0"


# --- linked groups -------------------------------------------------------------------


def test_a_linked_group_carrying_pro_is_told_to_support_one_of_its_premises() -> None:
    text = HEAD + "  c:\n    text: C.\n    pro:\n      - linked: [A., B.]\n        pro: [D.]\n"
    assert _load_error(text) == (
        "m.yaml:8:9: error: a linked group cannot carry `pro`: support or attack one of its"
        " premises instead (a group may carry linked, id, by, weight, tags, note, undercut)"
        " [E120]"
    )


# --- fields --------------------------------------------------------------------------


def test_a_quote_without_a_source_and_with_an_unknown_field_is_named_a_quote() -> None:
    text = HEAD + "  c:\n    text: A.\n    quote: {text: q, sorce: s}\n"
    assert _load_error(text) == (
        "m.yaml:6:12: error: quote needs `source` [E115]\n"
        "m.yaml:6:22: error: unknown field 'sorce' in quote; did you mean source? [E113]"
    )


def test_every_quote_of_a_node_is_checked_not_only_up_to_the_first_bad_one() -> None:
    text = HEAD + "  c:\n    text: A.\n    quote:\n      - {text: q}\n"
    text += "      - {source: [s], text: r}\n"
    assert _load_error(text) == (
        "m.yaml:7:9: error: quote needs `source` [E115]\n"
        "m.yaml:8:18: error: `source` must be text, not a list [E114]"
    )


def test_a_cut_of_forty_characters_is_shown_whole_and_a_longer_one_shortened() -> None:
    forty, forty_one = "#" + "a" * 39, "#" + "b" * 40
    m = loads_map(HEAD + f"  c: C {forty}\n  d: D {forty_one}\n", "m.yaml")
    assert [d.message.split(" as a comment")[0] for d in m.load_warnings] == [
        f"the claim's text is cut at ` #`: YAML reads '{forty}'",
        f"the claim's text is cut at ` #`: YAML reads '{forty_one[:37]}...'",
    ]


def test_a_quote_with_an_empty_source_is_told_an_unknown_source_named_as_written() -> None:
    text = HEAD + "  c:\n    text: C.\n    quote: {source: '', text: q}\n    con: [No.]\n"
    found = validate_map(loads_map(text, "m.yaml"), check_quotes=False)
    assert [d.format() for d in found] == [
        "m.yaml:6:21: error: unknown source '' (declare it under `sources`) [E107]"
    ]


# --- messages the loader's own tests did not pin down (issue 15's survivors) -------------

ACTORS = "argmap: 1\ntitle: T\nactors:\n  a: {name: A, kind: KIND}\nclaims:\n  c:\n"
ACTORS += "    text: A.\n    by: a\n    con: [B.]\n"
SOURCE = "argmap: 1\ntitle: T\nsources:\n  s:\n    url: https://example.org/s\n    title: S\n"
SOURCE += "    ignore: IGNORE\nclaims:\n  c:\n    text: A.\n    con: [B.]\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # The last line of a file without a final newline: the error stays at its column.
        (HEAD + "  c:\n    text: A.\n    con: [~]", "m.yaml:6:11: error: empty premise [E109]"),
        # A quoted "true" is text, not a flag.
        (
            HEAD + '  c:\n    text: A.\n    implicit: "true"\n    con: [B.]\n',
            "m.yaml:6:15: error: `implicit` must be true or false, not 'true' [E114]",
        ),
        (
            ACTORS.replace("KIND", "wizard"),
            "m.yaml:4:22: error: actor kind 'wizard' is not one of: person, organisation, group,"
            " government, document [E117]",
        ),
        # Not text: one error, not a second one about a kind "None".
        (
            ACTORS.replace("KIND", "[x]"),
            "m.yaml:4:22: error: `kind` must be text, not a list [E114]",
        ),
        (
            ACTORS.replace("KIND", "person").replace("name: A", "name: [A]"),
            "m.yaml:4:13: error: `name` must be text, not a list [E114]",
        ),
        (
            ACTORS.replace("KIND", "person").replace("name: A, ", "nam: A, "),
            "m.yaml:4:6: error: actor 'a' needs `name` [E115]\n"
            "m.yaml:4:7: error: unknown field 'nam' in actor 'a'; did you mean name? [E113]",
        ),
        (
            HEAD + "  c:\n    text: A.\n    con:\n      - ref: [x]\n",
            "m.yaml:7:14: error: `ref` must be text, not a list [E114]",
        ),
        (
            HEAD + "  c:\n    text: A.\n    con:\n      - {ref: d, note: [n]}\n  d: D.\n",
            "m.yaml:7:24: error: `note` must be text, not a list [E114]",
        ),
        (
            HEAD + "  c:\n    text: A.\n    con:\n      - {ref: d, text: T}\n  d: D.\n",
            "m.yaml:7:18: error: a `ref` item may carry only `note` and `undercut`, not `text`: a"
            " reference is a link; edit the node where it is defined [E104]",
        ),
        # Lists: what each item must be, and which item is not.
        (
            HEAD + "  c:\n    text: A.\n    tags: {a: 1}\n    con: [B.]\n",
            "m.yaml:6:11: error: `tags` must be a list of tags, not a mapping [E114]",
        ),
        (
            HEAD + "  c:\n    text: A.\n    tags: energy\n    con: [B.]\n",
            "m.yaml:6:11: error: `tags` must be a list of tags, not 'energy' [E114]",
        ),
        (
            ACTORS.replace("KIND", "person").replace("by: a", "by: [a, [b]]"),
            "m.yaml:8:13: error: `by` item 2 must be an actor id, not a list [E114]",
        ),
        (
            ACTORS.replace("KIND", "person").replace("by: a", "by: {a: 1}"),
            "m.yaml:8:9: error: `by` must be an actor id or a list of actor ids, not a mapping"
            " [E114]",
        ),
        (
            SOURCE.replace("IGNORE", "[3, {a: 1}]"),
            "m.yaml:7:17: error: `ignore` item 2 must be lines (`3`, `44-48`) or a text, not a"
            " mapping [E114]",
        ),
        (
            SOURCE.replace("IGNORE", "'3'"),
            "m.yaml:7:13: error: `ignore` must be a list of lines or texts, not '3' [E114]",
        ),
        (
            SOURCE.replace("IGNORE", "['', 5-2, '0', 7]"),
            "m.yaml:7:14: error: ignore entry '' is empty; give lines (`3`, `44-48`) or a text"
            " [E117]\n"
            "m.yaml:7:18: error: ignore entry '5-2' names no lines: lines count from 1, and a"
            " range runs from low to high [E117]\n"
            "m.yaml:7:23: error: ignore entry '0' names no lines: lines count from 1, and a range"
            " runs from low to high [E117]",
        ),
        (
            SOURCE.replace("IGNORE", "[3]").replace("title: S", "title: [S]"),
            "m.yaml:6:12: error: `title` must be text, not a list [E114]",
        ),
        (
            SOURCE.replace("IGNORE", "[3]").replace("title: S", "titel: S"),
            "m.yaml:5:5: error: source 's' needs `title` [E115]\n"
            "m.yaml:6:5: error: unknown field 'titel' in source 's'; did you mean title? [E113]",
        ),
        (
            HEAD + "  c:\n    id: x\n    text: A.\n    con: [B.]\n",
            "m.yaml:5:5: error: a claim's id is its key ('c'): remove `id` [E113]",
        ),
        (
            HEAD + "  c:\n    text: A.\n    undercut: [B.]\n",
            "m.yaml:6:5: error: `undercut` attacks the link from a premise to its parent; a"
            " top-level claim has no parent (use `con` to attack the claim) [E105]",
        ),
        # Every unknown field is named, with the nearest allowed name or all of them.
        (
            HEAD + "  c:\n    txt: A.\n    colour: red\n    con: [B.]\n",
            "m.yaml:5:5: error: unknown field 'txt' in claim 'c'; did you mean text? [E113]\n"
            "m.yaml:5:5: error: claim 'c' needs `text` [E115]\n"
            "m.yaml:6:5: error: unknown field 'colour' in claim 'c' (allowed: text, by, implicit,"
            " quote, weight, tags, note, url, pro, con) [E113]",
        ),
        (HEAD + "  c: [x]\n", "m.yaml:4:6: error: claim 'c' must be a mapping, not a list [E114]"),
        (
            "argmap: 1\ntitle: T\nactors:\n  a: [x]\nclaims:\n  c: Short.\n",
            "m.yaml:4:6: error: actor 'a' must be a mapping, not a list [E114]",
        ),
    ],
)
def test_each_wrong_field_is_one_exact_line(text: str, message: str) -> None:
    assert _load_error(text) == message


def test_an_empty_ref_is_a_ref_to_the_empty_id() -> None:
    m = loads_map(HEAD + '  c:\n    text: A.\n    con:\n      - ref: ""\n', "m.yaml")
    assert [d.format() for d in validate_map(m)] == [
        "m.yaml:7:9: error: `ref` to unknown id '' [E102]"
    ]


def test_a_claim_in_short_form_has_its_key_as_a_written_id_in_json() -> None:
    from argmap.formats import export_map

    m = loads_map(
        HEAD + "  short: A short claim.\n  long:\n    text: B.\n    con: [C.]\n", "m.yaml"
    )
    nodes = [json.loads(line.rstrip(",")) for line in export_map(m, "json").text.splitlines()[1:4]]
    assert [(n["id"], n["explicit_id"]) for n in nodes] == [
        ("short", True),
        ("long", True),
        ("long.con.1", False),
    ]
    # a map that does not allow cycles says so, as false, not as nothing
    assert '"allow_cycles":false,' in export_map(m, "json").text.splitlines()[0]


@pytest.mark.parametrize(
    ("body", "messages"),
    [
        (
            "  c:\n    text: A.\n    con:\n      - {ref: d, colour: x}\n"
            "      - {text: B, flavour: y}\n      - {text: C, id: [x]}\n  d: D.\n",
            [
                "m.yaml:7:18: error: a `ref` item may carry only `note` and `undercut`, not"
                " `colour`: a reference is a link; edit the node where it is defined [E104]",
                "m.yaml:8:19: error: unknown field 'flavour' in a premise (allowed: id, text, by,"
                " implicit, quote, weight, tags, note, url, pro, con, undercut) [E113]",
                "m.yaml:9:23: error: `id` must be text, not a list [E114]",
            ],
        ),
        (
            "  c:\n    text: [A]\n    url: [u]\n    con: x\n",
            [
                "m.yaml:5:11: error: `text` must be text, not a list [E114]",
                "m.yaml:6:10: error: `url` must be text, not a list [E114]",
                "m.yaml:7:10: error: `con` must be a list of premises, not 'x' [E114]",
            ],
        ),
        (
            "  c:\n    text: A.\n    con:\n      - text: B.\n"
            "        quote: [{source: s, text: [x]}]\n",
            ["m.yaml:8:35: error: `text` must be text, not a list [E114]"],
        ),
        (
            "  c:\n    text: A.\n    con:\n      - linked: [B, C]\n      - linked: []\n",
            [
                "m.yaml:8:17: error: a linked group needs its premises under `linked` (two or"
                " more) [E121]"
            ],
        ),
    ],
)
def test_wrong_types_in_premises_are_each_one_line(body: str, messages: list[str]) -> None:
    assert _load_error(HEAD + body).splitlines() == messages


def test_an_unknown_ref_in_a_group_and_an_empty_id_are_told_by_validate() -> None:
    m = loads_map(
        HEAD + "  c:\n    text: A.\n    con:\n      - linked: [{ref: nowhere}, B]\n"
        "      - {text: D, id: ~}\n",
        "m.yaml",
    )
    assert m.node("c.con.1").text == "together: nowhere + B"  # the ref as written
    assert [d.format() for d in validate_map(m)] == [
        "m.yaml:7:18: error: `ref` to unknown id 'nowhere' [E102]",
        "m.yaml:8:23: error: empty `id`: give one, or remove the field [E110]",
    ]


def test_a_collection_that_is_not_a_mapping_says_what_it_holds() -> None:
    assert _load_error("argmap: 1\ntitle: T\nactors: [x]\nclaims:\n  c: C.\n") == (
        "m.yaml:3:9: error: `actors` must be a mapping of ids to entries, not a list [E114]"
    )


@pytest.mark.parametrize("pure", [False, True])
@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "- a\n- b\n",
            "m.yaml:1:1: error: a map file must be a mapping with `argmap: 1` at the top [E009]",
        ),
        (
            HEAD + "  [a, b]: x\n",
            "m.yaml:4:3: error: mapping keys must be plain words [E012]",
        ),
        (
            "argmap: 1\ntitle: T\ntitle: U\nclaims:\n  c: C.\n",
            "m.yaml:3:1: error: duplicate key 'title' (first at line 2); YAML would silently keep"
            " only the last [E011]",
        ),
        (
            "argmap: 1\ntitle: T\nclaims: {c: {text: a, text: b}}\n",
            "m.yaml:3:23: error: duplicate key 'text' (first at line 3); YAML would silently keep"
            " only the last [E011]",
        ),
        (
            HEAD + "  c: C.\n---\nargmap: 1\n",
            "m.yaml:5:1: error: more than one YAML document (`---`): put one map in each file"
            " [E005]",
        ),
        (
            "argmap: 2\ntitle: T\nclaims:\n  c: C.\n",
            "m.yaml:1:9: error: unsupported format version '2': this argmap reads version 1 [E010]",
        ),
        (
            "argmap: [1]\ntitle: T\nclaims:\n  c: C.\n",
            "m.yaml:1:9: error: unsupported format version a list: this argmap reads version 1"
            " [E010]",
        ),
        (
            "argmap: 1\ntitle: T\ncolour: red\nclaims:\n  c: C.\n",
            "m.yaml:3:1: error: unknown field 'colour' in the map (allowed: title, argmap,"
            " description, allow-cycles, sources, actors, claims) [E113]",
        ),
        (
            HEAD + "  c: " + "[" * 300 + "]" * 300 + "\n",
            "m.yaml:4:260: error: nesting deeper than 256 levels [E008]",  # at the 257th level
        ),
        (
            HEAD + "  c: {text: 'a}\n",
            "m.yaml:5:1: error: YAML syntax error: found unexpected end of stream [E004]",
        ),
        # the first key's own line, though its value is on the next
        (
            "argmap: 1\ntitle:\n  T\ntitle: U\nclaims:\n  c: C.\n",
            "m.yaml:4:1: error: duplicate key 'title' (first at line 2); YAML would silently keep"
            " only the last [E011]",
        ),
        # 256 levels are allowed: the claim is refused for its type, not its depth
        (
            HEAD + "  c: " + "[" * 254 + "]" * 254 + "\n",
            "m.yaml:4:6: error: claim 'c' must be a mapping, not a list [E114]",
        ),
        (
            HEAD + "  c:\n    text: A: B\n",
            "m.yaml:5:11: error: YAML syntax error: the unquoted text that begins here goes wrong"
            " at line 5, column 12: text with `: ` or ` #` in it, or starting with a quote, must"
            " be quoted; put it in double quotes [E004]",
        ),
        # on the last line of a file without a final newline: at the column YAML names
        (
            HEAD + "  c: a: b and more",
            "m.yaml:4:6: error: YAML syntax error: the unquoted text that begins here goes wrong"
            " at line 4, column 7: text with `: ` or ` #` in it, or starting with a quote, must"
            " be quoted; put it in double quotes [E004]",
        ),
        (
            HEAD + "  c:\n    <<: {text: A}\n    colour: red\n    text: A.\n    con: [B.]\n",
            "m.yaml:5:5: error: YAML merge keys (`<<:`) are not supported: write the fields out"
            " [E113]\n"
            "m.yaml:6:5: error: unknown field 'colour' in claim 'c' (allowed: text, by, implicit,"
            " quote, weight, tags, note, url, pro, con) [E113]",
        ),
        (
            "argmap: 1\ntitle: [T]\ndescription: [D]\nallow-cycles: maybe\nclaims:\n  c: C.\n",
            "m.yaml:2:8: error: `title` must be text, not a list [E114]\n"
            "m.yaml:3:14: error: `description` must be text, not a list [E114]\n"
            "m.yaml:4:15: error: `allow-cycles` must be true or false, not 'maybe' [E114]",
        ),
        (
            "argmap: 1\ntitle: T\nsources: [s]\nclaims:\n  c: C.\n",
            "m.yaml:3:10: error: `sources` must be a mapping of ids to entries, not a list [E114]",
        ),
        (
            "argmap: 1\ntitle: T\nclaims: {}\n",
            "m.yaml:3:9: error: a map needs at least one claim under `claims` [E116]",
        ),
        (
            "argmap: 1\ntitle: T\nclaims: [c]\n",
            "m.yaml:3:9: error: `claims` must be a mapping of claim ids to claims, not a list"
            " [E114]",
        ),
        (
            HEAD + "  c:\n    text: A.\n    tags: [[x]]\n    con: [B.]\n",
            "m.yaml:6:12: error: `tags` item 1 must be a tag, not a list [E114]",
        ),
    ],
    ids=range(20),
)
def test_whole_file_errors_are_one_line_from_either_parser(
    text: str, message: str, pure: bool
) -> None:
    assert _load_error(text, pure=pure) == message


def test_a_non_specific_tag_is_plain_text() -> None:
    assert loads_map(HEAD + "  c: ! C.\n", "m.yaml").node("c").text == "C."


@pytest.mark.parametrize("pure", [False, True])
@pytest.mark.parametrize(
    ("body", "where", "closer"),
    [
        ("    con: [Smoking is #1, B]\n", "m.yaml:7:1", "']'"),
        ("    con:\n      - {text: x: y}\n", "m.yaml:7:17", "'}'"),
    ],
)
def test_inside_brackets_yaml_says_what_it_expected_without_prose_advice(
    body: str, where: str, closer: str, pure: bool
) -> None:
    # Prose advice is for block text; the two parsers word YAML's own message differently.
    message = _load_error(HEAD + "  c:\n    text: A.\n" + body, pure=pure)
    assert message.startswith(f"{where}: error: YAML syntax error: ")
    # each parser in its own words: the one asked for is the one that read the file
    said = "but got" if pure or not LIBYAML else "did not find expected"
    assert f"expected ',' or {closer}" in message and said in message
    assert message.endswith(" [E004]") and "quote" not in message


def test_a_cut_is_placed_right_after_a_first_line_left_blank() -> None:
    m = loads_map(
        "\ntitle: Obesity is the #1 issue\nargmap: 1\nclaims:\n  c: {text: A., con: [B.]}\n",
        "m.yaml",
    )
    assert [d.format() for d in validate_map(m) if d.code == "W207"] == [
        "m.yaml:2:23: warning: `title` is cut at ` #`: YAML reads '#1 issue' as a comment; put"
        " the whole text in double quotes to keep it (or move the comment to its own line)"
        " [W207]"
    ]


def test_text_loaded_without_a_path_is_named_string_and_read_by_the_fast_parser() -> None:
    with pytest.raises(MapLoadError) as caught:
        loads_map(HEAD + "  c:\n    text: A.\n    con: [Smoking is #1, B]\n")
    (message,) = [d.format() for d in caught.value.diagnostics]
    assert message.startswith("<string>:7:1: error: YAML syntax error: ")
    assert ("but got" if not LIBYAML else "did not find expected") in message
