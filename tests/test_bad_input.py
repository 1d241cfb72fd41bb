"""Malformed and hostile map files: each gets exit 1, one stable code at an exact position,
and nothing is executed or written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.load import MAX_DEPTH

HEAD = "argmap: 1\ntitle: T\n"
CLAIM = "claims:\n  c:\n    text: A claim.\n    con: [An objection.]\n"

# (name, file content, code, line, column); line 0 means the whole file.
CASES: list[tuple[str, str | bytes, str, int, int]] = [
    ("empty file", "", "E009", 1, 1),
    ("only a comment", "# nothing here\n", "E009", 1, 1),
    ("root is a list", "- argmap: 1\n", "E009", 1, 1),
    ("root is a string", "just words\n", "E009", 1, 1),
    ("not utf-8", b"argmap: 1\ntitle: caf\xe9\n", "E002", 2, 11),
    ("yaml syntax error", "argmap: 1\ntitle: [unclosed\n", "E004", 3, 1),
    # YAML reads `T claims` as one text: the message points where it began (and says both fixes)
    ("bad indentation", "argmap: 1\ntitle: T\n  claims: x\n", "E004", 2, 8),
    ("tab indentation", "argmap: 1\ntitle: T\nclaims:\n\tc: x\n", "E004", 4, 1),
    ("two documents", HEAD + CLAIM + "---\nargmap: 1\n", "E005", 7, 1),
    ("anchor", HEAD + "claims:\n  c: &a\n    text: A.\n", "E006", 4, 6),
    ("alias", HEAD + CLAIM + "  d:\n    text: *x\n", "E006", 8, 11),
    (
        "python tag",
        HEAD + 'x: !!python/object/apply:os.system ["touch PWNED"]\n' + CLAIM,
        "E007",
        3,
        4,
    ),
    ("custom tag", HEAD + "claims:\n  c: !claim {text: A.}\n", "E007", 4, 6),
    ("binary tag", HEAD + "claims:\n  c: !!binary aGVsbG8=\n", "E007", 4, 6),
    ("duplicate claim key", HEAD + CLAIM + "  c:\n    text: Again.\n", "E011", 7, 3),
    ("duplicate field", HEAD + "claims:\n  c:\n    text: A.\n    text: B.\n", "E011", 6, 5),
    ("complex key", HEAD + "claims:\n  ? [a, b]\n  : x\n", "E012", 4, 5),
    ("no version", "title: T\n" + CLAIM, "E010", 1, 1),
    ("version 2", "argmap: 2\ntitle: T\n" + CLAIM, "E010", 1, 9),
    ("version as text", "argmap: one\ntitle: T\n" + CLAIM, "E010", 1, 9),
    ("no title", "argmap: 1\n" + CLAIM, "E115", 1, 1),
    ("no claims field", HEAD, "E115", 1, 1),
    ("claims empty", HEAD + "claims: {}\n", "E116", 3, 9),
    ("claims is a list", HEAD + "claims:\n  - A.\n", "E114", 4, 3),
    ("unknown root field", HEAD + "claimz: {}\n" + CLAIM, "E113", 3, 1),
    ("typo in node field", HEAD + "claims:\n  c:\n    txt: A.\n", "E113", 5, 5),
    ("text missing", HEAD + "claims:\n  c:\n    con: [x]\n", "E115", 5, 5),
    ("text is a list", HEAD + "claims:\n  c:\n    text: [a, b]\n", "E114", 5, 11),
    ("weight is text", HEAD + "claims:\n  c:\n    text: A.\n    weight: high\n", "E114", 6, 13),
    ("weight is a bool", HEAD + "claims:\n  c:\n    text: A.\n    weight: yes\n", "E114", 6, 13),
    (
        "implicit is a number",
        HEAD + "claims:\n  c:\n    text: A.\n    implicit: 3\n",
        "E114",
        6,
        15,
    ),
    (
        "pro is a mapping",
        HEAD + "claims:\n  c:\n    text: A.\n    pro: {text: B.}\n",
        "E114",
        6,
        10,
    ),
    ("tags is a word", HEAD + "claims:\n  c:\n    text: A.\n    tags: one\n", "E114", 6, 11),
    ("actor kind unknown", HEAD + "actors:\n  x: {name: X, kind: robot}\n" + CLAIM, "E117", 4, 22),
    ("claim with id", HEAD + "claims:\n  c:\n    id: d\n    text: A.\n", "E113", 5, 5),
    ("undercut on claim", HEAD + "claims:\n  c:\n    text: A.\n    undercut: [B.]\n", "E105", 6, 5),
    (
        "ref with text",
        HEAD + CLAIM + "  d:\n    text: D.\n    con:\n      - ref: c\n        text: X.\n",
        "E104",
        11,
        9,
    ),
    ("only a document marker", "---\n", "E009", 1, 1),
    ("title is null", "argmap: 1\ntitle: ~\n" + CLAIM, "E109", 2, 8),
    (
        "empty premise id",
        HEAD + "claims:\n  c:\n    text: A.\n    con:\n      - id: ''\n        text: B.\n",
        "E110",
        7,
        13,
    ),
    ("empty premise", HEAD + "claims:\n  c:\n    text: A.\n    con: [~]\n", "E109", 6, 11),
    (
        "quote without source",
        HEAD + "claims:\n  c:\n    text: A.\n    quote: {text: q}\n",
        "E115",
        6,
        12,
    ),
    # Checks made after loading, by the validator.
    (
        "duplicate id",
        HEAD + "claims:\n  c:\n    text: A.\n    con:\n      - {id: c, text: B.}\n",
        "E101",
        7,
        14,
    ),
    (
        "unknown ref",
        HEAD + "claims:\n  c:\n    text: A.\n    con:\n      - ref: nowhere\n",
        "E102",
        7,
        9,
    ),
    (
        "ref cycle",
        HEAD + "claims:\n  a:\n    text: A.\n    con: [{ref: b}]\n  b:\n    text: B.\n"
        "    con: [{ref: a}]\n",
        "E103",
        6,
        11,
    ),
    ("self ref", HEAD + "claims:\n  a:\n    text: A.\n    con: [{ref: a}]\n", "E103", 6, 11),
    (
        "unknown actor",
        HEAD + "claims:\n  c:\n    text: A.\n    by: nobody\n    con: [x]\n",
        "E106",
        6,
        9,
    ),
    (
        "unknown source",
        HEAD + "claims:\n  c:\n    text: A.\n    quote: {source: s, text: q}\n    con: [x]\n",
        "E107",
        6,
        21,
    ),
    ("empty text", HEAD + "claims:\n  c:\n    text: ''\n    con: [x]\n", "E109", 5, 11),
    ("invalid id", HEAD + "claims:\n  Big-Claim:\n    text: A.\n    con: [x]\n", "E110", 4, 3),
    (
        "weight above 1",
        HEAD + "claims:\n  c:\n    text: A.\n    weight: 1.5\n    con: [x]\n",
        "E111",
        6,
        13,
    ),
    (
        "javascript url",
        HEAD + "claims:\n  c:\n    text: A.\n    url: 'javascript:alert(1)'\n    con: [x]\n",
        "E112",
        6,
        10,
    ),
    # The date itself, not the source it belongs to.
    ("bad date", HEAD + "sources:\n  s: {title: S, date: 'May 2011'}\n" + CLAIM, "E117", 4, 23),
]


@pytest.mark.parametrize(
    ("content", "code", "line", "column"),
    [pytest.param(c, code, ln, col, id=name) for name, c, code, ln, col in CASES],
)
def test_bad_input_is_refused_with_code_and_position(
    invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content, code, line, column
) -> None:
    path = tmp_path / "bad.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["validate", "bad.yaml"], expect=1)
    first = next(line for line in result.stderr.splitlines() if ": error: " in line)
    where = "bad.yaml" if line == 0 else f"bad.yaml:{line}:{column}"
    assert first.startswith(f"{where}: error: "), result.stderr
    assert first.endswith(f"[{code}]"), result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]  # nothing written or run


def test_at_least_thirty_bad_inputs_are_covered() -> None:
    assert len(CASES) >= 30
    assert len({name for name, *_ in CASES}) == len(CASES)


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 100_000])
def test_deep_nesting_is_refused_not_crashed(write_map, invoke, depth: int) -> None:
    # PyYAML's C composer crashes the interpreter near 100,000 levels; we refuse early.
    path = write_map(HEAD + "claims: " + "[" * depth + "]" * depth + "\n")
    result = invoke(["validate", path], expect=1)
    assert f"nesting deeper than {MAX_DEPTH} levels [E008]" in result.stderr


def test_oversized_file_is_refused_before_parsing(
    write_map, invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("argmap.load.MAX_FILE_BYTES", 100)
    path = write_map(HEAD + CLAIM + "# " + "x" * 200 + "\n")
    size = path.stat().st_size
    result = invoke(["validate", path], expect=1)
    assert result.stderr.splitlines()[0] == (
        f"{path}: error: file is {size} bytes; maps are limited to 100 bytes [E003]"
    )


def test_missing_file_and_directory_without_maps(invoke, tmp_path: Path) -> None:
    result = invoke(["validate", tmp_path / "nope.yaml", tmp_path], expect=1)
    assert result.stderr.splitlines() == [
        f"{tmp_path}: error: no map files (*.yaml, *.yml) in this directory [E001]",
        f"{tmp_path / 'nope.yaml'}: error: no such file [E001]",
        "2 errors, 0 warnings, 0 infos in 2 files",
    ]


def test_unknown_field_suggests_the_nearest(write_map, invoke) -> None:
    path = write_map(HEAD + "claims:\n  c:\n    txt: A.\n")
    result = invoke(["validate", path], expect=1)
    assert result.stderr.splitlines()[0] == (
        f"{path}:5:5: error: unknown field 'txt' in claim 'c'; did you mean text? [E113]"
    )


def test_several_load_errors_are_all_reported(write_map, invoke) -> None:
    path = write_map(HEAD + "claims:\n  c:\n    txt: A.\n  d:\n    text: D.\n    weight: lots\n")
    result = invoke(["validate", path], expect=1)
    codes = [line.rsplit("[", 1)[1] for line in result.stderr.splitlines()[:-1]]
    assert codes == ["E113]", "E115]", "E114]"]


def test_a_tab_in_the_indentation_says_so(write_map, invoke) -> None:
    # libyaml's words ("found character that cannot start any token") do not name the tab.
    path = write_map(HEAD + "claims:\n  c:\n\ttext: A.\n")
    result = invoke(["validate", path], expect=1)
    assert result.stderr.splitlines()[0] == (
        f"{path}:5:1: error: YAML syntax error: a tab here; YAML indents with spaces only [E004]"
    )


def test_a_merge_key_is_named_as_such(write_map, invoke) -> None:
    # `<<:` merges only through aliases, which are refused; written inline it merges nothing.
    path = write_map(HEAD + "claims:\n  c:\n    <<: {text: A.}\n    con: [B.]\n")
    result = invoke(["validate", path], expect=1)
    assert result.stderr.splitlines()[0] == (
        f"{path}:5:5: error: YAML merge keys (`<<:`) are not supported: write the fields out [E113]"
    )


def test_an_empty_field_that_wants_a_value_says_so(write_map, invoke) -> None:
    path = write_map(HEAD + "claims:\n  c:\n    text: A.\n    weight:\n    con: [B.]\n")
    result = invoke(["validate", path], expect=1)
    assert result.stderr.splitlines()[0] == (
        f"{path}:6:12: error: `weight` is empty: it must be a number [E114]"
    )


def test_an_oversized_file_is_told_at_line_and_column_zero_in_json(
    write_map, invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    # line and column 0: the whole file, which the JSON says as numbers.
    monkeypatch.setattr("argmap.load.MAX_FILE_BYTES", 100)
    path = write_map(HEAD + CLAIM + "# " + "x" * 200 + "\n")
    size = path.stat().st_size
    result = invoke(["validate", "--format", "json", path], expect=1)
    (found,) = json.loads(result.stdout)["files"][0]["diagnostics"]
    assert found == {
        "code": "E003",
        "severity": "error",
        "message": f"file is {size} bytes; maps are limited to 100 bytes",
        "file": str(path),
        "line": 0,
        "column": 0,
    }
