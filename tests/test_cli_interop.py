"""`argmap export` and `argmap import` as a user runs them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import REPO, Invoke

EXAMPLE = REPO / "maps" / "example.yaml"
FIXTURES = Path(__file__).parent / "fixtures"


def test_export_prints_on_stdout_and_warns_on_stderr(invoke: Invoke, tmp_path: Path) -> None:
    shutil.copy(EXAMPLE, tmp_path / "example.yaml")
    result = invoke(["export", tmp_path / "example.yaml", "--to", "aif"])
    assert result.stdout.startswith('{"nodes":[\n{"nodeID":"1","text":')
    e = f"{tmp_path}/example.yaml"
    assert result.stderr.splitlines() == [
        f"{e}:3:8: warning: AIF has no place for the map's title: left out [W601]",
        f"{e}:4:14: warning: AIF has no place for the map's description: left out [W601]",
        f"{e}:6:12: warning: AIF has no place for kind: left out of 3 actors: council, greens,"
        " engineer [W601]",
        f"{e}:8:13: warning: AIF has no place for role of actor engineer: left out [W601]",
        f"{e}:10:3: warning: AIF has no place for tags of node build-plant: left out [W601]",
        f"{e}:31:13: warning: AIF has no place for weight of node accident-risk.con.1: left out"
        " [W601]",
        f"{e}:31:13: warning: AIF has no place for note of node accident-risk.con.1: left out"
        " [W601]",
        f"{e}:40:9: warning: AIF has no place for implicit of node lower-bills.con.1: left out"
        " [W601]",
    ]


def test_export_indents_json_only_when_asked(invoke: Invoke) -> None:
    compact = invoke(["export", EXAMPLE, "--to", "json"]).stdout
    assert compact.startswith('{"format":"argmap","version":1,"title":')
    assert compact.splitlines()[1].startswith('{"id":"build-plant","kind":"claim",')
    pretty = invoke(["export", EXAMPLE, "--to", "json", "--indent", "2"]).stdout
    assert pretty.startswith('{\n  "format": "argmap",\n  "version": 1,\n')
    assert json.loads(pretty) == json.loads(compact)
    refused = invoke(["export", EXAMPLE, "--to", "kialo", "--indent", "2"], expect=2)
    assert (
        refused.stderr.splitlines()[-1] == "Error: --indent applies to --to json and aif, not kialo"
    )


def test_export_to_a_file_then_import_gives_a_valid_map(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "example.argdown"
    result = invoke(["export", EXAMPLE, "--to", "argdown", "-o", out])
    assert result.stdout == ""
    assert result.stderr == f"wrote {out} (argdown, 0 warnings)\n"
    back = tmp_path / "back.yaml"
    result = invoke(["import", out, "-o", back])
    assert result.stderr == f"wrote {back}: 2 claims, 9 nodes, 0 warnings\n"
    invoke(["validate", "--strict", back])
    assert back.read_text(encoding="utf-8").splitlines()[1:4] == [
        "argmap: 1",
        "title: Should the city build a nuclear plant?",
        "description: A small example of the format, with every kind of relation.",
    ]


def test_import_refuses_to_overwrite_without_force(invoke: Invoke, tmp_path: Path) -> None:
    out = tmp_path / "map.yaml"
    out.write_text("keep me", encoding="utf-8")
    result = invoke(["import", FIXTURES / "nuclear.kialo.txt", "-o", out], expect=1)
    assert (
        result.stderr
        == f"argmap: {out}: error: exists already: use --force to overwrite it [E604]\n"
    )
    assert out.read_text(encoding="utf-8") == "keep me"
    invoke(["import", FIXTURES / "nuclear.kialo.txt", "-o", out, "--force"])
    assert "1.3.1." not in out.read_text(encoding="utf-8")
    assert "- ref: recent-projects-ran-far-over-budget" in out.read_text(encoding="utf-8")


def test_import_of_broken_input_is_one_positioned_line(invoke: Invoke, tmp_path: Path) -> None:
    broken = tmp_path / "broken.argdown"
    broken.write_text("[a]: x\n  + [b]: y {c: 1\n", encoding="utf-8")
    result = invoke(["import", broken], expect=1)
    assert (
        result.stderr
        == f"argmap: {broken}:2:12: error: Argdown: data `{{` is never closed [E601]\n"
    )


def test_import_needs_from_when_the_name_does_not_tell(invoke: Invoke, tmp_path: Path) -> None:
    odd = tmp_path / "debate.dat"
    odd.write_text("Discussion Title: T\n\n1. A\n", encoding="utf-8")
    result = invoke(["import", odd], expect=1)
    assert result.stderr == (
        f"argmap: error: cannot tell the format of {odd} from its name: give --from"
        " argdown|aif|json|kialo [E606]\n"
    )
    assert "text: A\n" in invoke(["import", odd, "--from", "kialo"]).stdout


def test_export_refuses_to_overwrite_the_map(invoke: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "example.yaml"
    shutil.copy(EXAMPLE, target)
    result = invoke(["export", target, "--to", "json", "-o", target], expect=1)
    assert "[E702]" in result.stderr
    assert target.read_text(encoding="utf-8") == EXAMPLE.read_text(encoding="utf-8")


def test_export_refuses_an_invalid_map(invoke: Invoke, write_map) -> None:
    bad = write_map(
        "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: A\n    con:\n      - ref: gone\n"
    )
    result = invoke(["export", bad, "--to", "kialo"], expect=1)
    assert result.stdout == ""
    assert result.stderr.startswith(f"argmap: {bad}:7:9: error:")
    assert result.stderr.rstrip().endswith("[E102]")


def test_export_to_dot_is_what_render_writes(invoke: Invoke, tmp_path: Path) -> None:
    exported = invoke(["export", EXAMPLE, "--to", "dot"]).stdout
    invoke(["render", EXAMPLE, "--format", "dot", "-o", tmp_path / "map.dot"])
    assert exported == (tmp_path / "map.dot").read_text(encoding="utf-8")
    assert exported.startswith("digraph argmap {\n")


def test_the_wrote_lines_count_one_thing_in_the_singular(invoke: Invoke, tmp_path: Path) -> None:
    source = tmp_path / "one.argdown"
    source.write_text("[A]: Alpha. {colour: red}\n", encoding="utf-8")
    result = invoke(["import", source, "-o", tmp_path / "one.yaml"])
    assert result.stderr.splitlines()[-1] == (
        f"wrote {tmp_path / 'one.yaml'}: 1 claim, 1 node, 1 warning"
    )
    result = invoke(["export", tmp_path / "one.yaml", "--to", "aif", "-o", tmp_path / "one.json"])
    assert result.stderr.splitlines()[-1] == f"wrote {tmp_path / 'one.json'} (aif, 1 warning)"
