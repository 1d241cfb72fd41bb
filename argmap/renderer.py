"""Finding the Graphviz program that lays out diagrams.

Order: an explicit path (`--dot PATH` or `ARGMAP_DOT`), Graphviz's `dot` on
PATH, then the `graphviz-pure` program that argmap depends on, so that a plain
`pip install argmap` renders everywhere.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import attrs

from argmap.errors import RenderError

PURE_NAME = "graphviz-pure"
# graphviz-pure writes only these (its README: no pdf or ps yet).
PURE_FORMATS = frozenset({"svg", "png", "jpeg", "dot", "xdot", "json", "plain", "canon"})


@attrs.frozen
class Renderer:
    path: str
    flavour: str  # "graphviz" (the real dot) or "graphviz-pure"
    origin: str  # how it was found: "--dot", "ARGMAP_DOT", "PATH", "bundled"

    def supports(self, fmt: str) -> bool:
        return self.flavour != PURE_NAME or fmt in PURE_FORMATS

    def version(self) -> str:
        try:
            done = subprocess.run(
                [self.path, "-V"], capture_output=True, text=True, timeout=10, check=False
            )
        except (OSError, subprocess.TimeoutExpired):
            return "unknown version"
        text = (done.stderr or done.stdout).strip().splitlines()
        return text[0] if text else "unknown version"


def _flavour_of(path: str) -> str:
    return PURE_NAME if Path(path).name.startswith(PURE_NAME) else "graphviz"


def _bundled_pure() -> str | None:
    # The wheel installs its program beside the interpreter's scripts, which
    # need not be on PATH (a venv used without activating it).
    beside = Path(sys.executable).parent / PURE_NAME
    if beside.is_file() and os.access(beside, os.X_OK):
        return str(beside)
    return shutil.which(PURE_NAME)


def find_renderer(explicit: str | None = None) -> Renderer:
    """The renderer to use, or RenderError naming what would provide one."""
    if explicit:
        return _explicit(explicit, "--dot")
    from_env = os.environ.get("ARGMAP_DOT")
    if from_env:
        return _explicit(from_env, "ARGMAP_DOT")
    dot = shutil.which("dot")
    if dot:
        return Renderer(dot, "graphviz", "PATH")
    pure = _bundled_pure()
    if pure:
        return Renderer(pure, PURE_NAME, "bundled")
    raise RenderError(
        "E401",
        "no Graphviz renderer found: install Graphviz (`dot`) or `pip install graphviz-pure`",
    )


def _explicit(given: str, origin: str) -> Renderer:
    path = shutil.which(given) or (given if Path(given).is_file() else None)
    if path is None:
        raise RenderError("E402", f"{origin} names no runnable program: {given}")
    return Renderer(path, _flavour_of(path), origin)


def describe_renderer() -> str:
    """One phrase for `argmap --version`: which renderer, where from."""
    try:
        r = find_renderer()
    except RenderError:
        return "none found"
    return f"{r.flavour} at {r.path} ({r.origin})"
