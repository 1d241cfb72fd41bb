"""The Graphviz program that lays out diagrams: finding it, and running it.

`render_image` hands DOT text (from argmap.render) to the program and returns
the file's bytes; `render_map` does both steps. Running the program lives here,
beside finding it, because both are about the one external program: which one
it is, what it can write, how it is called, and how it fails.

Finding it, in order: an explicit path (`--dot PATH` or `ARGMAP_DOT`), Graphviz's `dot` on
PATH, then the `graphviz-pure` program that argmap depends on, so that a plain
`pip install argmap` renders everywhere.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from argmap.errors import RenderError

if TYPE_CHECKING:
    from argmap.evaluate import Evaluation
    from argmap.model import ArgumentMap
    from argmap.quotes import QuoteChecks
    from argmap.themes import RenderOptions

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


def find_renderer(explicit: str | None = None, origin: str = "--dot") -> Renderer:
    """The renderer to use, or RenderError naming what would provide one.

    `explicit`: the program the caller chose (`origin` says how: "--dot", "ARGMAP_DOT"),
    else dot on PATH, else the bundled graphviz-pure. The library reads no environment
    variable: the command line passes ARGMAP_DOT in.
    """
    if explicit:
        return _explicit(explicit, origin)
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


def describe_renderer(explicit: str | None = None, origin: str = "--dot") -> str:
    """One phrase for `argmap --version`: which renderer, where from."""
    try:
        r = find_renderer(explicit, origin)
    except RenderError:
        return "none found"
    return f"{r.flavour} at {r.path} ({r.origin})"


# --- running it ------------------------------------------------------------------


FORMATS = ("svg", "png", "pdf", "dot")
DEFAULT_TIMEOUT = 120.0  # seconds: dot lays out a few thousand nodes well within this
PNG_DPI = 144  # twice Graphviz's default, so a PNG stays sharp on a screen


def check_format(renderer: Renderer, fmt: str) -> None:
    """RenderError naming what would provide `fmt` if this renderer cannot write it."""
    if fmt not in FORMATS:
        raise RenderError(
            "E403", f"unknown output format {fmt!r}: choose one of {', '.join(FORMATS)}"
        )
    if not renderer.supports(fmt):
        raise RenderError(
            "E403",
            f"{renderer.flavour} cannot write {fmt.upper()}: install Graphviz, whose `dot` does "
            "(apt install graphviz, brew install graphviz, or graphviz.org/download), "
            "or choose svg or png",
        )


def render_image(
    dot: str,
    fmt: str,
    renderer: Renderer,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    warn: Callable[[str], None] | None = None,
) -> bytes:
    """Lay out DOT text with the renderer and return the file's bytes.

    What the renderer says on stderr (font warnings and the like) is kept out
    of the way, and shown only when the render fails; the one exception, a
    bitmap scaled down to fit (cairo's 32,767-pixel limit), is told to `warn`.
    """
    if fmt == "dot":
        return dot.encode("utf-8")
    check_format(renderer, fmt)
    args = [renderer.path, f"-T{fmt}"]
    if fmt == "png":
        args.append(f"-Gdpi={PNG_DPI}")
    try:
        done = subprocess.run(
            args, input=dot.encode("utf-8"), capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        raise RenderError(
            "E404", f"{renderer.flavour} took longer than {timeout:g} s to lay out the diagram"
        ) from None
    except OSError as exc:
        raise RenderError("E402", f"cannot run {renderer.path}: {exc.strerror or exc}") from None
    if done.returncode != 0 or not done.stdout:
        chatter = " | ".join(
            line.strip()
            for line in done.stderr.decode("utf-8", "replace").splitlines()
            if line.strip()
        )
        raise RenderError(
            "E405",
            f"{renderer.flavour} failed ({_how_it_ended(done.returncode)})"
            + (f": {chatter[:600]}" if chatter else ""),
        )
    scaled = _SCALED.search(done.stderr.decode("utf-8", "replace"))
    if scaled and warn is not None:
        warn(
            f"the diagram is too large for a {fmt.upper()} at full size: {renderer.flavour}"
            f" scaled it to {float(scaled.group(1)):.0%}; SVG or PDF keep every detail,"
            " or draw part of the map with --focus"
        )
    return done.stdout


# Graphviz's cairo renderer on a bitmap past 32,767 pixels a side.
_SCALED = re.compile(r"Scaling by ([0-9.]+) to fit")


def _how_it_ended(returncode: int) -> str:
    if returncode == 0:
        return "it wrote nothing"
    if returncode > 0:
        return f"exit {returncode}"
    try:
        return f"killed by {signal.Signals(-returncode).name}"
    except ValueError:
        return f"killed by signal {-returncode}"


def render_map(
    m: ArgumentMap,
    fmt: str = "svg",
    *,
    evaluation: Evaluation | None = None,
    options: RenderOptions | None = None,
    checks: QuoteChecks | None = None,
    renderer: Renderer | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    warn: Callable[[str], None] | None = None,
) -> bytes:
    """The map drawn in `fmt` (svg, png, pdf or dot). DOT needs no renderer; `warn`
    hears what the user should know of a diagram that was still drawn."""
    from argmap.render import render_dot

    dot = render_dot(m, evaluation, options, checks)
    if fmt == "dot":
        return dot.encode("utf-8")
    if renderer is None:
        renderer = find_renderer()
    return render_image(dot, fmt, renderer, timeout=timeout, warn=warn)
