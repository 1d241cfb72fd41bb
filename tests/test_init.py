"""argmap init: a starter map that validates, with the schema modeline, never overwriting."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.starter import SCHEMA_URL
from tests.conftest import Invoke


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_init_writes_a_map_that_passes_strict_validation(invoke: Invoke, in_tmp: Path) -> None:
    result = invoke(["init"])
    assert result.stdout == (
        "wrote maps/map.yaml: edit it, then run `argmap validate --strict maps/map.yaml`\n"
    )
    text = (in_tmp / "maps" / "map.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema={SCHEMA_URL}"
    check = invoke(["validate", "--strict", "maps/map.yaml"])
    assert check.stderr == "0 errors, 0 warnings, 0 infos in 1 file\n"


def test_the_documented_first_edit_keeps_it_valid(invoke: Invoke, in_tmp: Path) -> None:
    # README, "argmap init": the first edit is the title, then the claims.
    invoke(["init", "office.yaml"])
    path = in_tmp / "office.yaml"
    text = path.read_text(encoding="utf-8")
    old = "title: Should our team work a four-day week?   # what the map is about"
    assert old in text
    path.write_text(text.replace(old, "title: Where should the office move?"), encoding="utf-8")
    invoke(["validate", "--strict", "office.yaml"])


def test_init_never_overwrites(invoke: Invoke, in_tmp: Path) -> None:
    (in_tmp / "mine.yaml").write_text("my own work\n", encoding="utf-8")
    result = invoke(["init", "mine.yaml"], expect=1)
    assert result.stderr == (
        "argmap: error: mine.yaml already exists; argmap init never overwrites"
        " (choose another PATH) [E704]\n"
    )
    assert (in_tmp / "mine.yaml").read_text(encoding="utf-8") == "my own work\n"


def test_init_into_a_directory_with_a_local_schema(invoke: Invoke, in_tmp: Path) -> None:
    (in_tmp / "debates").mkdir()
    result = invoke(["init", "debates", "--schema", "../argmap.schema.json"])
    assert result.stdout.startswith("wrote debates/map.yaml:")
    first = (in_tmp / "debates" / "map.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../argmap.schema.json"


def test_a_new_directory_and_a_name_that_is_not_yaml(invoke: Invoke, in_tmp: Path) -> None:
    assert invoke(["init", "debates/"]).stdout.startswith("wrote debates/map.yaml:")
    result = invoke(["init", "notes.txt"], expect=1)
    assert result.stderr == (
        "argmap: error: notes.txt: a map file's name ends in .yaml or .yml"
        " (argmap finds maps by it) [E706]\n"
    )
    assert not (in_tmp / "notes.txt").exists()


def test_a_path_through_a_file_names_the_file_in_the_way(invoke: Invoke, in_tmp: Path) -> None:
    (in_tmp / "a.yaml").write_text("my own work\n", encoding="utf-8")
    result = invoke(["init", "a.yaml/x.yaml"], expect=1)
    assert result.stderr == (
        "argmap: error: cannot write a.yaml/x.yaml: a.yaml is a file, not a folder [E701]\n"
    )
    assert (in_tmp / "a.yaml").read_text(encoding="utf-8") == "my own work\n"
