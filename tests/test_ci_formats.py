"""The machine formats of `argmap validate`: SARIF against the official 2.1.0 schema,
GitHub annotation escaping, and JSON in the shape the README documents."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from argmap.ci_formats import to_github
from argmap.errors import Diagnostic, Position, Severity
from tests.conftest import REPO, Invoke

SARIF_SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-2.1.0.json").read_text(encoding="utf-8")
)

# An error, a warning (W202), an info (I302) and a file-level error in one run.
MIXED = """\
argmap: 1
title: t
sources:
  paper: {title: A paper}
  unused: {title: Never quoted}
claims:
  a:
    text: Alpha.
    quote: {source: paper, text: Alpha}
    con:
      - ref: gone
"""

# RFC 3986 URI reference: only these characters, and `%` only before two hex digits.
_URI_REFERENCE = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*\Z")
FORMATS = jsonschema.FormatChecker()


@FORMATS.checks("uri")
@FORMATS.checks("uri-reference")
def _is_uri_reference(value: object) -> bool:
    return not isinstance(value, str) or bool(_URI_REFERENCE.match(value))


def sarif_of(invoke: Invoke, *paths: Path) -> dict:  # type: ignore[type-arg]
    return json.loads(invoke(["validate", "--format", "sarif", *paths], expect=1).stdout)


def test_sarif_validates_against_the_official_schema(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps").mkdir()
    odd = tmp_path / "maps" / "my map #2, 100%: draft.yaml"
    odd.write_text(MIXED, encoding="utf-8")
    log = sarif_of(invoke, odd, tmp_path / "gone.yaml")  # gone: a finding with no line
    jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=FORMATS).validate(log)
    results = log["runs"][0]["results"]
    assert sorted({r["level"] for r in results}) == ["error", "note", "warning"]
    uris = sorted(
        {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    )
    assert uris == [
        "gone.yaml",
        "maps/my%20map%20%232%2C%20100%25%3A%20draft.yaml",
    ]


def test_sarif_of_a_clean_run_is_valid_too(invoke: Invoke) -> None:
    log = json.loads(
        invoke(["validate", "--format", "sarif", REPO / "maps" / "example.yaml"]).stdout
    )
    jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=FORMATS).validate(log)
    assert log["runs"][0]["results"] == []


def test_sarif_outside_the_working_directory_uses_file_uris(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "here").mkdir()
    path = tmp_path / "elsewhere" / "a b.yaml"
    path.write_text(MIXED, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "here")
    log = sarif_of(invoke, path)
    jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=FORMATS).validate(log)
    uri = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": path.as_uri()}
    assert uri["uri"].endswith("/elsewhere/a%20b.yaml")


def test_github_annotations_escape_messages_and_properties() -> None:
    d = Diagnostic(
        "E108",
        Severity.ERROR,
        "quote not found: '100% sure,\nreally: yes'\r",
        Position("maps/a,b:c%.yaml", 3, 5),
    )
    assert to_github([d], 1).splitlines() == [
        "::error file=maps/a%2Cb%3Ac%25.yaml,line=3,col=5,title=argmap E108::"
        "quote not found: '100%25 sure,%0Areally: yes'%0D",
        "argmap: 1 error, 0 warnings, 0 infos in 1 file",
    ]


def test_github_levels_and_file_level_findings(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(MIXED, encoding="utf-8")
    out = invoke(
        ["validate", "--format", "github", tmp_path / "gone.yaml", path], expect=1
    ).stdout.splitlines()
    assert [line.split(" ")[0] for line in out] == [
        "::error",
        "::notice",
        "::warning",
        "::error",
        "argmap:",
    ]
    # A finding about the whole file has no line or col property.
    assert out[0] == f"::error file={tmp_path / 'gone.yaml'},title=argmap E001::no such file"


def _shape(value: object) -> object:
    """Keys and value types, recursively; a list by the shape of its first item."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return type(value).__name__


def test_json_is_the_shape_the_readme_documents(invoke: Invoke, write_map) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("`argmap validate --format json`:", 1)[1]
    documented = json.loads(section.split("```json\n", 1)[1].split("```", 1)[0])
    path = write_map(MIXED)
    actual = json.loads(invoke(["validate", "--format", "json", path], expect=1).stdout)
    assert _shape(actual) == _shape(documented)


# A map whose only findings are warnings: valid by default, invalid under --strict.
WARNINGS_ONLY = """\
argmap: 1
title: Café
actors:
  crane: {name: Chris Crane}
claims:
  a:
    text: Alpha.
"""


@pytest.mark.parametrize(("strict", "valid"), [(False, True), (True, False)])
def test_json_valid_follows_strict_for_each_file_and_the_run(
    invoke: Invoke, write_map, strict: bool, valid: bool
) -> None:
    path = write_map(WARNINGS_ONLY)
    args = ["validate", "--format", "json", path] + (["--strict"] if strict else [])
    doc = json.loads(invoke(args, expect=0 if valid else 1).stdout)
    assert (doc["valid"], doc["strict"], doc["files"][0]["valid"]) == (valid, strict, valid)
    assert doc["counts"] == {"error": 0, "warning": 2, "info": 0}


def test_json_and_sarif_are_indented_and_keep_non_ascii_as_written(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("carte-é.yaml").write_text(WARNINGS_ONLY, encoding="utf-8")
    text = invoke(["validate", "--format", "json", "carte-é.yaml"]).stdout
    assert text.startswith('{\n  "valid": true,\n  "strict": false,\n')
    assert '"path": "carte-é.yaml"' in text
    Path("typo.yaml").write_text(WARNINGS_ONLY + "    tëxt: Alpha.\n", encoding="utf-8")
    sarif = invoke(["validate", "--format", "sarif", "typo.yaml"], expect=1).stdout
    assert sarif.startswith('{\n  "$schema": ')
    assert "unknown field 'tëxt'" in sarif  # the message as written, not \u00eb
    assert "\\u00e9" not in text and "\\u00eb" not in sarif


def test_sarif_rule_names_keep_capitals_of_the_description() -> None:
    from argmap.ci_formats import to_sarif

    d = Diagnostic("E004", Severity.ERROR, "bad", Position("m.yaml", 2, 3))
    rule = json.loads(to_sarif([d]))["runs"][0]["tool"]["driver"]["rules"][0]
    assert (rule["name"], rule["shortDescription"]["text"]) == (
        "YamlSyntaxError",
        "YAML syntax error",
    )


def test_sarif_names_each_rule_from_the_code_table(invoke: Invoke, write_map) -> None:
    log = json.loads(invoke(["validate", "--format", "sarif", write_map(WARNINGS_ONLY)]).stdout)
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "argmap"
    assert [(r["id"], r["name"], r["shortDescription"]["text"]) for r in driver["rules"]] == [
        ("W201", "UncontestedClaimNoCon", "uncontested claim (no con)"),
        ("W203", "UnusedActor", "unused actor"),
    ]
    assert [r["ruleIndex"] for r in log["runs"][0]["results"]] == [1, 0]


def test_a_finding_on_the_first_line_and_column_keeps_its_place() -> None:
    from argmap.ci_formats import to_sarif

    d = Diagnostic("E001", Severity.ERROR, "not a map", Position("m.yaml", 1, 1))
    assert to_github([d], 1).splitlines()[0] == (
        "::error file=m.yaml,line=1,col=1,title=argmap E001::not a map"
    )
    region = json.loads(to_sarif([d]))["runs"][0]["results"][0]["locations"][0]
    assert region["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 1}


def test_sarif_uris_keep_folders_and_escape_the_rest(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub dir").mkdir()
    Path("sub dir/m&n.yaml").write_text(WARNINGS_ONLY, encoding="utf-8")
    log = json.loads(invoke(["validate", "--format", "sarif", "sub dir/m&n.yaml"]).stdout)
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "sub%20dir/m%26n.yaml"}
