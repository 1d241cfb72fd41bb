"""Shared fixtures: the CLI runner with a readable failure, and the fixture maps folder."""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import settings

from argmap.cli import cli

MAPS = Path(__file__).parent / "maps"
REPO = Path(__file__).parent.parent
# The article the bundled maps quote; ARGMAP_SEED points elsewhere (`make mutate` runs the
# suite from a copy of the tree, where ../shared is not beside it).
SEED = Path(os.environ.get("ARGMAP_SEED", REPO.parent / "shared" / "seed"))

Invoke = Callable[..., Result]

# Property tests: `make test` and CI are derandomised (each test's seed is fixed by its own
# code, so a red run reproduces); `make fuzz` (ARGMAP_FUZZ set) draws fresh seeds and runs
# each test with more examples (tests/budget.py).
settings.register_profile("repeatable", derandomize=True, database=None, print_blob=True)
settings.register_profile("fuzz", derandomize=False, print_blob=True)
settings.load_profile("fuzz" if os.environ.get("ARGMAP_FUZZ") else "repeatable")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every hypothesis test `property`, so `make fuzz` can select them."""
    for item in items:
        if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
            item.add_marker(pytest.mark.property)


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
