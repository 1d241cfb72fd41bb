"""Shared fixtures: the CLI runner with a readable failure, and the fixture maps folder."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from argmap.cli import cli

MAPS = Path(__file__).parent / "maps"
REPO = Path(__file__).parent.parent
SEED = REPO.parent / "shared" / "seed"

Invoke = Callable[..., Result]


@pytest.fixture
def invoke(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run argmap in-process; on an unexpected exit code show its output and traceback.

    `expect` is the exit code the test expects (default 0).
    """
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("ARGMAP_DEBUG", raising=False)

    def run(args: list[str], expect: int = 0, input: str | None = None) -> Result:
        runner = CliRunner()
        result = runner.invoke(cli, [str(a) for a in args], input=input, prog_name="argmap")
        if result.exit_code != expect:
            details = (
                "".join(traceback.format_exception(*result.exc_info)) if result.exc_info else ""
            )
            pytest.fail(
                f"argmap {' '.join(map(str, args))} exited {result.exit_code}, expected {expect}\n"
                f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}\n{details}"
            )
        return result

    return run


@pytest.fixture
def write_map(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write YAML text to a file in tmp_path and return its path."""

    def write(text: str, name: str = "map.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write
