"""The README's examples of summary, show, actors, sources and evaluate are today's real output."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import REPO, Invoke

README = (REPO / "README.md").read_text(encoding="utf-8")

EXAMPLES = [
    ["summary", "maps/example.yaml"],
    ["summary", "maps/example.yaml", "--format", "markdown", "--no-eval"],
    ["show", "maps/example.yaml", "build-plant"],
    ["show", "maps/secure-communities.yaml", "opt-out-disputed", "--no-eval"],
    ["actors", "maps/example.yaml"],
    ["sources", "maps/secure-communities.yaml"],
    ["evaluate", "maps/example.yaml"],
    ["evaluate", "tests/maps/eval_even_cycle.yaml", "--extensions", "stable"],
    ["evaluate", "maps/secure-communities.yaml", "--explain", "union-caused-delay"],
    ["show", "tests/maps/linked.yaml", "delay"],
    ["summary", "tests/maps/linked.yaml", "--no-eval"],
    ["evaluate", "tests/maps/linked.yaml"],
]


@pytest.mark.parametrize("args", EXAMPLES, ids=" ".join)
def test_readme_shows_real_output(
    args: list[str], invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    out = invoke(args).stdout
    block = f"```console\n$ argmap {' '.join(args)}\n{out}```\n"
    assert block in README


def test_readme_diff_example_is_real_output(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The README's old.yaml and new.yaml are the diff fixtures, under those names.
    for name in ("old", "new"):
        text = (REPO / "tests" / "maps" / "diff" / f"example-{name}.yaml").read_text("utf-8")
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = invoke(["diff", "old.yaml", "new.yaml"]).stdout
    assert f"```console\n$ argmap diff old.yaml new.yaml\n{out}" in README
    markdown = invoke(["diff", "old.yaml", "new.yaml", "--format", "markdown"]).stdout
    assert f"```markdown\n{markdown}```\n" in README


def test_readme_validate_example_is_real_output(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The README shows claims.yaml, then what validate says about it: both must agree.
    section = README.split("\n### argmap validate\n", 1)[1].split("\n### ", 1)[0]
    draft = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "claims.yaml").write_text(draft, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    err = invoke(["validate", "claims.yaml"], expect=1).stderr
    assert f"```console\n$ argmap validate claims.yaml\n{err}$ echo $?\n1\n```" in README
    github = invoke(["validate", "claims.yaml", "--format", "github"], expect=1).stdout.splitlines()
    shown = "\n".join(f"  {line}" for line in [*github[:2], "...", github[-1]])
    assert f"  $ argmap validate claims.yaml --format github\n{shown}\n" in README


@pytest.mark.parametrize(
    "args",
    [
        ["export", "maps/example.yaml", "-o", "example.txt"],
        ["export", "maps/example.yaml", "-o", "example.argdown"],
        ["import", "tests/fixtures/nuclear-pcs.argdown", "-o", "debate.yaml"],
        ["import", "tests/fixtures/nuclear.kialo.txt", "-o", "nuclear.yaml"],
    ],
    ids=" ".join,
)
def test_readme_export_and_import_examples_are_real_output(
    args: list[str], invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Run where the README's relative paths resolve, writing the output to a fresh folder.
    for name in ("maps", "tests"):
        (tmp_path / name).symlink_to(REPO / name)
    monkeypatch.chdir(tmp_path)
    err = invoke(args).stderr
    assert f"$ argmap {' '.join(args)}\n{err}$ " in README
