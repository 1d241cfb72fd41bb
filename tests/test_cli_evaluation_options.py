"""Every command that shows scores takes the same evaluation options, and a failed
convergence (E501) is told the same way everywhere, naming the map."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import MAPS, Invoke
from tests.test_evaluate import SEPARATING

CYCLIC = MAPS / "eval_limit_cycle.yaml"
E501 = "evaluation did not converge: residual 2.5e-01 after 9085 integration steps; "


def node_class(dot: str, node_id: str) -> str:
    """The class attribute of a node in DOT text (it carries the node's status)."""
    line = next(ln for ln in dot.splitlines() if ln.lstrip().startswith(f"{node_id} ["))
    found = re.search(r'class="([^"]*)"', line)
    assert found is not None
    return found[1]


@pytest.fixture
def separating(tmp_path: Path) -> Path:
    # attacks-only: a stands and b falls; deductive support adds c's attack on a.
    path = tmp_path / "sep.yaml"
    path.write_text(SEPARATING, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "command",
    [["render", "-o", "-", "--format", "dot", "--eval"], ["export", "--to", "dot", "--eval"]],
)
def test_render_and_export_take_support(
    invoke: Invoke, separating: Path, command: list[str]
) -> None:
    name, *rest = command
    plain = invoke([name, separating, *rest]).stdout
    deductive = invoke([name, separating, *rest, "--support", "deductive"]).stdout
    assert node_class(plain, "a") != node_class(plain, "b")
    assert node_class(deductive, "a") == node_class(deductive, "b")  # a now falls, as b


def test_diff_takes_support_and_says_which_reading(invoke: Invoke, separating: Path) -> None:
    doc = json.loads(
        invoke(
            ["diff", separating, separating, "--format", "json", "--support", "deductive"]
        ).stdout
    )
    assert doc["evaluation"]["semantics"] == "dfquad"
    assert doc["evaluation"]["support"] == "deductive"


@pytest.mark.parametrize("name", ["render", "export", "diff", "summary", "show", "evaluate"])
def test_every_scoring_command_lists_the_same_options(invoke: Invoke, name: str) -> None:
    helptext = invoke([name, "--help"]).stdout
    assert "--semantics [dfquad|qe|euler]" in helptext
    assert "--support [attacks-only|deductive|necessary|cayrol2005]" in helptext
    assert ("--eval / --no-eval" in helptext) is (name != "evaluate")


def test_export_to_dot_advises_the_no_eval_it_has(invoke: Invoke) -> None:
    result = invoke(["export", CYCLIC, "--to", "dot", "--eval"], expect=1)
    assert result.stderr == (
        f"argmap: {CYCLIC}: error: {E501}its strengths are not a fixpoint;"
        " export with --no-eval [E501]\n"
    )
    assert "digraph" in invoke(["export", CYCLIC, "--to", "dot", "--no-eval"]).stdout


def test_a_folder_render_names_the_map_that_did_not_converge(
    invoke: Invoke, tmp_path: Path
) -> None:
    maps = tmp_path / "maps"
    maps.mkdir()
    shutil.copy(CYCLIC, maps / "ring.yaml")
    shutil.copy(MAPS / "sides-and-refs.yaml", maps / "fine.yaml")
    args = ["render", maps, "--format", "dot", "-o", tmp_path / "out", "--eval"]
    result = invoke(args, expect=1)
    assert result.stderr.splitlines() == [
        f"wrote {tmp_path / 'out' / 'fine.dot'}",
        f"argmap: {maps / 'ring.yaml'}: error: {E501}its strengths are not a fixpoint;"
        " render with --no-eval [E501]",
    ]


@pytest.mark.parametrize(
    ("command", "prefix"),
    [
        (["validate"], ""),
        (["summary"], "argmap: "),
        (["render", "--format", "dot"], "argmap: "),
    ],
)
def test_no_map_files_is_worded_once(
    invoke: Invoke, tmp_path: Path, command: list[str], prefix: str
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    name, *rest = command
    result = invoke([name, empty, *rest], expect=1)
    line = f"{prefix}{empty}: error: no map files (*.yaml, *.yml) in this directory [E001]"
    assert result.stderr.splitlines()[0] == line


def test_argmap_dot_chooses_the_renderer_on_the_command_line(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program = tmp_path / "my-dot"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("ARGMAP_DOT", str(program))
    assert f"(renderer: graphviz at {program} (ARGMAP_DOT))" in invoke(["--version"]).stdout


@pytest.mark.parametrize(
    ("default", "args", "enabled"),
    [
        (True, [], True),
        (True, ["--no-eval"], False),
        (False, [], False),
        (False, ["--eval"], True),
    ],
)
def test_the_default_is_one_parameter_of_the_decorator(
    default: bool, args: list[str], enabled: bool
) -> None:
    import click
    from click.testing import CliRunner

    from argmap.commands._common import EvaluationChoice, evaluation_options

    @click.command()
    @evaluation_options(default=default, verb="draw")
    def shown(eval_choice: EvaluationChoice) -> None:
        click.echo(f"{eval_choice.enabled} {eval_choice.semantics} {eval_choice.support}")
        click.echo(eval_choice.advice("its strengths are not a fixpoint"))

    result = CliRunner().invoke(shown, [*args, "--support", "necessary"])
    assert result.output == (
        f"{enabled} dfquad necessary\nits strengths are not a fixpoint; draw with --no-eval\n"
    )
    helptext = CliRunner().invoke(shown, ["--help"]).output
    assert f"[default: {'eval' if default else 'no-eval'}]" in helptext
