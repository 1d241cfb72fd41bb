"""`argmap validate` as a user runs it: exit codes, sorting, strictness, machine formats."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

WARNS = "argmap: 1\ntitle: T\nclaims:\n  b:\n    text: B.\n  a:\n    text: A.\n    con: [No.]\n"
ERRS = "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C.\n    con: [{ref: gone}]\n    by: nobody\n"


def test_valid_map_exits_zero_with_a_count_line(invoke) -> None:
    result = invoke(["validate", REPO / "maps" / "example.yaml"])
    assert result.stdout == ""
    assert result.stderr == "0 errors, 0 warnings, 0 infos in 1 file\n"


def test_warnings_fail_only_with_strict(invoke, write_map) -> None:
    path = write_map(WARNS)
    lenient = invoke(["validate", path])
    strict = invoke(["validate", "--strict", path], expect=1)
    assert lenient.stderr == strict.stderr
    assert lenient.stderr.splitlines() == [
        f"{path}:4:3: warning: claim 'b' has no `con`: an uncontested claim is not a contested"
        " point [W201]",
        "0 errors, 1 warning, 0 infos in 1 file",
    ]


def test_diagnostics_are_sorted_by_file_and_line(invoke, write_map, tmp_path: Path) -> None:
    write_map(ERRS, "b.yaml")
    write_map(WARNS, "a.yaml")
    result = invoke(["validate", tmp_path], expect=1)
    lines = result.stderr.splitlines()
    assert [line.split(": ")[0] for line in lines[:-1]] == [
        f"{tmp_path / 'a.yaml'}:4:3",
        f"{tmp_path / 'b.yaml'}:6:11",
        f"{tmp_path / 'b.yaml'}:7:9",
    ]
    assert lines[-1] == "2 errors, 1 warning, 0 infos in 2 files"


def test_json_format(invoke, write_map) -> None:
    path = write_map(ERRS)
    doc = json.loads(invoke(["validate", "--format", "json", path], expect=1).stdout)
    assert doc == {
        "valid": False,
        "strict": False,
        "counts": {"error": 2, "warning": 0, "info": 0},
        "files": [
            {
                "path": str(path),
                "valid": False,
                "diagnostics": [
                    {
                        "code": "E102",
                        "severity": "error",
                        "message": "`ref` to unknown id 'gone'",
                        "file": str(path),
                        "line": 6,
                        "column": 11,
                    },
                    {
                        "code": "E106",
                        "severity": "error",
                        "message": "unknown actor 'nobody' (declare it under `actors`)",
                        "file": str(path),
                        "line": 7,
                        "column": 9,
                    },
                ],
            }
        ],
    }


def test_github_format_ends_with_the_full_count(invoke, write_map) -> None:
    path = write_map(ERRS)
    lines = invoke(["validate", "--format", "github", path], expect=1).stdout.splitlines()
    assert lines[0] == (
        f"::error file={path},line=6,col=11,title=argmap E102::`ref` to unknown id 'gone'"
    )
    assert lines[-1] == "argmap: 2 errors, 0 warnings, 0 infos in 1 file"


def test_sarif_format_has_rules_and_regions(invoke, write_map) -> None:
    path = write_map(ERRS)
    log = json.loads(invoke(["validate", "--format", "sarif", path], expect=1).stdout)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["E102", "E106"]
    first = run["results"][0]
    assert first["level"] == "error"
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 6, "startColumn": 11}


def test_colour_only_when_asked_or_on_a_terminal(invoke, write_map) -> None:
    path = write_map(WARNS)
    plain = invoke(["validate", path]).stderr
    coloured = invoke(["validate", "--color", path]).stderr
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured


def test_usage_errors_exit_two(invoke) -> None:
    result = invoke(["validate"], expect=2)
    assert "Missing argument 'PATH...'" in result.stderr
    assert invoke(["validate", "--format", "xml", "x.yaml"], expect=2).exit_code == 2


def test_an_internal_error_is_one_line_not_a_traceback(
    invoke, write_map, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("argmap.validate.validate_map", broken)
    result = invoke(["validate", write_map(WARNS)], expect=1)
    assert result.stderr.startswith(
        "argmap: internal error: ZeroDivisionError: division by zero (this is a bug in argmap"
    )
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.slow
def test_installed_entry_point_runs(tmp_path: Path) -> None:
    """One real subprocess: `python -m argmap` and the console script both work."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(ERRS, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "validate", str(bad)],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "PATH": str(Path(sys.executable).parent)},
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.splitlines()[-1] == "2 errors, 0 warnings, 0 infos in 1 file"
    version = subprocess.run(
        [str(Path(sys.executable).parent / "argmap"), "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.startswith("argmap 0.1.0 (renderer: ")


def test_a_directory_skips_yaml_that_is_not_a_map_but_not_a_broken_map(
    invoke, write_map, tmp_path: Path
) -> None:
    # A repository holds other YAML: CI configs, data lists, dotfiles. Under a directory,
    # a file with neither `argmap:` nor `claims:` at the top (or a list at the top) is
    # not a map: one info line says it was skipped, and --strict still passes. A map that
    # lost its `argmap: 1`, an empty file, or any file named on the command line is checked.
    (tmp_path / "ci").mkdir()
    write_map("name: ci\non: push\njobs: {}\n", "ci/workflow.yml")
    write_map("- one\n- two\n", "list.yaml")
    write_map("repos: []\n", ".pre-commit-config.yaml")  # hidden: not even looked at
    write_map(WARNS.replace("b:\n    text: B.\n  ", ""), "good.yaml")
    result = invoke(["validate", "--strict", tmp_path])
    assert result.stderr.splitlines() == [
        f"{tmp_path / 'ci' / 'workflow.yml'}: info: not an argmap map (no `argmap:` or `claims:`"
        " at the top): skipped [I303]",
        f"{tmp_path / 'list.yaml'}: info: not an argmap map (no `argmap:` or `claims:` at the"
        " top): skipped [I303]",
        "0 errors, 0 warnings, 2 infos in 3 files",
    ]
    write_map("title: T\nclaims:\n  a:\n    text: A.\n    con: [No.]\n", "lost-version.yaml")
    write_map("", "empty.yaml")
    lines = invoke(["validate", tmp_path], expect=1).stderr.splitlines()
    assert f"{tmp_path / 'empty.yaml'}:1:1: error: the file is empty" in lines[1]
    assert lines[3] == (
        f"{tmp_path / 'lost-version.yaml'}:1:1: error: not an argmap file: `argmap: 1` is"
        " missing [E010]"
    )
    named = invoke(["validate", tmp_path / "list.yaml"], expect=1).stderr.splitlines()
    assert named[0].endswith("[E009]")


def test_a_sources_directory_that_does_not_exist_is_a_usage_error(invoke, write_map) -> None:
    # A typo here would otherwise turn every quote check into an info line, and CI passes.
    result = invoke(["validate", write_map(WARNS), "--sources", "no/such/dir"], expect=2)
    assert "'no/such/dir' does not exist" in result.stderr


README_CLAIMS = """\
argmap: 1
title: The ICE officers' union and Secure Communities
actors:
  crane: {name: Chris Crane}
claims:
  union-caused-delay:
    text: The ICE officers' union caused the delay in training.
    by: crain
    pro:
      - ref: leaked-docs
  reforms:
    text: The reforms meaningfully change deportation policy.
    weight: 1.4
"""


def test_the_readme_validate_example_is_what_validate_prints(
    invoke, write_map, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The map above is written so that each README line has its cause at that line.
    write_map(README_CLAIMS, "claims.yaml")
    monkeypatch.chdir(tmp_path)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ argmap validate claims.yaml\n", 1)[1].split("$ echo $?", 1)[0]
    assert invoke(["validate", "claims.yaml"], expect=1).stderr == shown
    # The --format github example (abridged with `...`): its lines are real ones.
    block = readme.split("$ argmap validate claims.yaml --format github\n", 1)[1]
    example = [line.strip() for line in block.split("```", 1)[0].splitlines()]
    printed = invoke(["validate", "claims.yaml", "--format", "github"], expect=1).stdout
    assert [line for line in example if line not in ("...", "")] == [
        line for line in printed.splitlines() if line in example
    ]


def test_a_directory_of_only_other_yaml_fails(invoke, write_map, tmp_path: Path) -> None:
    # `argmap validate .github/` checks nothing: passing would let CI gate on no maps.
    write_map("name: ci\non: push\n", "ci.yml")
    lines = invoke(["validate", tmp_path], expect=1).stderr.splitlines()
    assert lines[0] == (
        f"{tmp_path}: error: no map files (*.yaml, *.yml) in this directory (1 YAML file, not"
        " a map) [E001]"
    )
