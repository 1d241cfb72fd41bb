"""The files that put argmap into other tools: the pre-commit manifest and the CI workflow.

Each `argmap ...` command they run is parsed by argmap's own command line, so a
renamed option breaks this test rather than a user's CI.
"""

from __future__ import annotations

import re
import shlex
import tomllib

import click
import pytest
import yaml
from click.testing import CliRunner

from argmap.cli import available_commands, cli
from argmap.files import find_maps
from tests.conftest import REPO, SEED

HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
WORKFLOW_TEXT = (REPO / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
WORKFLOW = yaml.safe_load(WORKFLOW_TEXT)
README = (REPO / "README.md").read_text(encoding="utf-8")


def argmap_commands(script: str) -> list[list[str]]:
    """The argument lists of each `argmap` invocation in shell text (up to a pipe or redirect)."""
    found = []
    for line in script.splitlines():
        words = shlex.split(line, comments=True)
        for i, word in enumerate(words):
            if word in ("argmap", ".venv/bin/argmap"):
                rest = []
                for w in words[i + 1 :]:
                    if w in ("|", "||", "&&", ";", ">", ">>", "2>", "<"):
                        break
                    rest.append(w)
                found.append(rest)
    return found


def check_parses(args: list[str]) -> None:
    name, rest = args[0], args[1:]
    if name not in available_commands():
        pytest.skip(f"argmap {name} is not in this checkout")
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    command.make_context(name, rest)  # raises a UsageError for a bad option or argument


def test_the_hook_manifest_names_an_existing_command() -> None:
    [hook] = HOOKS
    assert hook["id"] == "argmap-validate"
    assert hook["language"] == "python"
    assert hook["args"] == ["--strict"]
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    program, subcommand = hook["entry"].split()
    assert program in scripts["scripts"]
    assert subcommand in available_commands()
    check_parses([subcommand, *hook["args"], "maps/example.yaml"])


@pytest.mark.parametrize(
    ("path", "is_map"),
    [
        ("maps/example.yaml", True),
        ("maps/secure-communities.yaml", True),
        ("docs/maps/2026/budget.yml", True),
        ("notes/budget.argmap.yaml", True),
        (".pre-commit-config.yaml", False),
        (".pre-commit-hooks.yaml", False),
        (".github/workflows/ci.yml", False),
        ("mkdocs.yml", False),
        ("maps/README.md", False),
        ("roadmaps/plan.yaml", False),
    ],
)
def test_the_hook_runs_on_map_files_only(path: str, is_map: bool) -> None:
    [hook] = HOOKS
    assert bool(re.search(hook["files"], path)) is is_map


def test_this_repository_passes_its_own_hook_given_the_article() -> None:
    [hook] = HOOKS
    files = [str(p.relative_to(REPO)) for p in find_maps([REPO / "maps"])]
    assert files and all(re.search(hook["files"], f) for f in files)
    subcommand = hook["entry"].split()[1]
    args = [subcommand, *hook["args"], *(str(REPO / f) for f in files)]
    if SEED.is_dir():
        result = CliRunner().invoke(cli, [*args, "--sources", str(SEED)])
        assert result.exit_code == 0, result.output
    else:  # without the article its quotes cannot be checked, and --strict says so
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1
        assert [line.rsplit(" [", 1)[-1] for line in result.output.splitlines()] == [
            "W208]",
            "0 errors, 1 warning, 0 infos in 2 files",
        ]
    # A CI that cannot hold the article says so explicitly, and still checks the rest.
    result = CliRunner().invoke(cli, [*args, "--allow-unchecked-quotes"])
    assert result.exit_code == 0, result.output


def test_the_readme_pre_commit_snippet_uses_the_hook() -> None:
    snippet = README.split("```yaml\n# .pre-commit-config.yaml\n", 1)[1].split("```", 1)[0]
    config = yaml.safe_load(snippet)
    [repo] = config["repos"]
    assert [h["id"] for h in repo["hooks"]] == ["argmap-validate"]


def workflow_runs(workflow: dict = WORKFLOW) -> list[str]:  # type: ignore[type-arg]
    return [
        step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step
    ]


def readme_ci_commands() -> list[list[str]]:
    """`argmap` commands in the README's CI section: `$ ` lines and workflow `run:` steps."""
    section = README.split("\n## In CI and editors\n", 1)[1].split("\n## ", 1)[0]
    script = []
    for lang, body in re.findall(r"^```(\w+)\n(.*?)^```", section, re.S | re.M):
        if lang == "console":
            script += [line[2:] for line in body.splitlines() if line.startswith("$ ")]
        elif lang == "yaml" and "jobs:" in body:
            script += workflow_runs(yaml.safe_load(body))
    return argmap_commands("\n".join(script))


def test_the_ci_workflow_tests_lints_validates_and_renders() -> None:
    runs = "\n".join(workflow_runs())
    assert "make test" in runs
    assert "make lint" in runs
    commands = argmap_commands(runs)
    # The article its map quotes is not in the repository: the workflow says so explicitly.
    strict = ["validate", "--strict", "--allow-unchecked-quotes"]
    assert [*strict, "--format", "github", "maps/"] in commands
    assert [*strict, "--format", "sarif", "maps/"] in commands
    assert ["render", "maps/", "-o", "build/"] in commands
    uses = {
        step["uses"].split("@")[0]: step.get("with", {})
        for job in WORKFLOW["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    }
    assert uses["github/codeql-action/upload-sarif"]["sarif_file"] == "argmap.sarif"
    assert "> argmap.sarif" in runs
    assert uses["actions/upload-artifact"]["path"] == "build/"
    assert "apt-get install -y -qq graphviz" in runs


@pytest.mark.parametrize(
    "args",
    argmap_commands("\n".join(workflow_runs())) + readme_ci_commands(),
    ids=" ".join,
)
def test_every_argmap_command_in_ci_and_the_readme_example_parses(args: list[str]) -> None:
    check_parses(args)
