"""The README's examples of summary, show, actors, sources and evaluate are today's real output."""

from __future__ import annotations

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
]


@pytest.mark.parametrize("args", EXAMPLES, ids=" ".join)
def test_readme_shows_real_output(
    args: list[str], invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    out = invoke(args).stdout
    block = f"```console\n$ argmap {' '.join(args)}\n{out}```\n"
    assert block in README
