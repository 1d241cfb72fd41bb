"""What several commands share: options, loading a map for a command, colour decisions."""

from __future__ import annotations

import contextlib
import functools
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar, cast

import attrs
import click

from argmap.errors import UsageProblem
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from argmap.evaluate import Evaluation
from argmap.validate import load_valid_map as load_valid_map  # for the commands

F = TypeVar("F", bound=Callable[..., Any])

_source_dirs_option = click.option(
    "--sources",
    "source_dirs",
    multiple=True,
    # Must exist: a mistyped directory would quietly turn every quote check into I301.
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    metavar="DIR",
    help="Also look for source files (quote checks) in DIR. Repeatable.",
)
_allow_outside_option = click.option(
    "--allow-outside-sources",
    "allow_outside",
    is_flag=True,
    help="Read a source's `file:` even where it leads out of the map's folder and the"
    " --sources folders (off by default: a quote check must not reveal other files).",
)


def sources_option(func: Any) -> Any:
    """`--sources DIR` (stored as `source_dirs`) and `--allow-outside-sources` (`allow_outside`)."""
    return _source_dirs_option(_allow_outside_option(func))


def format_option(choices: list[str], default: str, help: str) -> Callable[[F], F]:
    """`--format`, stored as `fmt`."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help=help,
    )


@attrs.frozen
class EvaluationChoice:
    """What the evaluation options of a command asked for."""

    enabled: bool  # --eval/--no-eval (always True where the command has no such switch)
    semantics: str
    support: str
    can_disable: bool  # the command has --no-eval, so an error may advise it
    verb: str = "run"  # the command, for advice: "render with --no-eval"

    def advice(self, consequence: str) -> str:
        return f"{consequence}; {self.verb} with --no-eval" if self.can_disable else consequence


def evaluation_options(
    *,
    default: bool | None = True,
    verb: str = "run",
    eval_help: str = "Show strength and status.",
    semantics_help: str = "Gradual semantics for strength (see argmap evaluate).",
    support_help: str = "How supports bear on status (see argmap evaluate).",
) -> Callable[[F], F]:
    """`--eval/--no-eval`, `--semantics` and `--support`, the same on every command that shows
    scores, passed to the command as one `eval_choice: EvaluationChoice`.

    `default` is whether scores are shown unless asked (None: the command always
    evaluates and has no `--eval` switch). `verb` names the command in advice
    ("render with --no-eval"). Composes with any other option decorator.
    """
    from argmap.evaluate import SEMANTICS, SUPPORT_READINGS

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(
            *args: Any, semantics: str, support: str, with_eval: bool = True, **kwargs: Any
        ) -> Any:
            choice = EvaluationChoice(
                enabled=with_eval,
                semantics=semantics,
                support=support,
                can_disable=default is not None,
                verb=verb,
            )
            return func(*args, eval_choice=choice, **kwargs)

        options = [
            click.option(
                "--semantics",
                type=click.Choice(SEMANTICS),
                default="dfquad",
                show_default=True,
                help=semantics_help,
            ),
            click.option(
                "--support",
                type=click.Choice(SUPPORT_READINGS),
                default="attacks-only",
                show_default=True,
                help=support_help,
            ),
        ]
        if default is not None:
            shown = "eval" if default else "no-eval"
            options.insert(
                0,
                click.option(
                    "--eval/--no-eval",
                    "with_eval",
                    default=default,
                    help=f"{eval_help}  [default: {shown}]",
                ),
            )
        decorated: Any = wrapper
        for option in reversed(options):  # listed in --help in the order above
            decorated = option(decorated)
        return cast(F, decorated)

    return decorate


def evaluate_choice(
    m: ArgumentMap, choice: EvaluationChoice, consequence: str = "its strengths are not a fixpoint"
) -> Evaluation | None:
    """The map's evaluation as the options asked; None with --no-eval. A cyclic map that did
    not converge raises E501 naming the map (and advising --no-eval where there is one)."""
    if not choice.enabled:
        return None
    from argmap.evaluate import evaluate, not_converged

    evaluation = evaluate(m, semantics=choice.semantics, support=choice.support)
    if not evaluation.converged:
        raise not_converged(m.path, evaluation, choice.advice(consequence))
    return evaluation


color_option = click.option(
    "--color/--no-color",
    "color",
    default=None,
    help="Force colour on or off (default: on a terminal, unless NO_COLOR is set).",
)


def use_color(stream: IO[Any], forced: bool | None = None) -> bool:
    """Colour only on a terminal, never with NO_COLOR set, unless forced."""
    if forced is not None:
        return forced
    if os.environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def make_console(stderr: bool = False, color: bool | None = None, width: int | None = None) -> Any:
    """A rich Console for this run: colour and boxes on a terminal, plain text when piped.

    Width follows the terminal, and is 100 columns when piped. Created per
    command run (never at import) so that test runners capture it.
    """
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    terminal = bool(getattr(stream, "isatty", lambda: False)())
    colour = use_color(stream, color)
    return Console(
        file=stream,
        width=width or (None if terminal else 100),
        force_terminal=colour if color is not None else None,
        no_color=not colour,
        color_system="auto" if colour else None,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
        legacy_windows=False,
    )


# C0 and C1 control characters but newline and tab: in map text they could clear the
# reader's screen, hide text or retitle the window. Dropped (rich counts them zero wide,
# so columns stay aligned); argmap's own colours are not text and are kept.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(value: str) -> str:
    """`value` without control characters (newlines and tabs kept)."""
    return _CONTROL.sub("", value)


class _WithoutControls:
    """A renderable as rich draws it, with control characters dropped from its text."""

    def __init__(self, inner: object) -> None:
        self.inner = inner

    def __rich_console__(self, console: Any, options: Any) -> Any:
        from rich.segment import Segment

        for segment in console.render(self.inner, options):
            if segment.control is None and _CONTROL.search(segment.text):
                segment = Segment(printable(segment.text), segment.style)
            yield segment


def print_view(renderable: object, color: bool | None) -> None:
    """Print a rich renderable on stdout; when piped, as plain lines with no trailing blanks."""
    console = make_console(color=color)
    if sys.stdout.isatty():
        console.print(_WithoutControls(renderable))
        return
    with console.capture() as captured:
        console.print(_WithoutControls(renderable))
    click.echo("\n".join(line.rstrip() for line in captured.get().splitlines()), color=color)


def print_listing(
    m: ArgumentMap, what: str, rows: list[Any], fmt: str, color: bool | None, table: Any
) -> None:
    """Print the rows of a per-map listing (`actors`, `sources`): JSON, or a table by `table`."""
    if fmt == "json":
        import json

        doc = {"map": {"title": m.title, "path": m.path}, what: [r.as_json() for r in rows]}
        click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
        return
    from argmap.report import text

    if not rows:
        print_view(text(f"{m.path} declares no {what}."), color)
        return
    print_view(table(rows, boxes=sys.stdout.isatty()), color)


@contextlib.contextmanager
def usage_problems() -> Iterator[None]:
    """Turn the core's UsageProblem into click's usage error (exit 2, with the usage line)."""
    try:
        yield
    except UsageProblem as exc:
        raise click.UsageError(exc.message) from None


def renderer_choice(dot_path: str | None) -> tuple[str | None, str]:
    """The Graphviz program the command line asks for, and where the choice came from:
    `--dot PATH`, else the ARGMAP_DOT environment variable, else (None) the library's own
    search (dot on PATH, then the bundled graphviz-pure)."""
    if dot_path:
        return dot_path, "--dot"
    return os.environ.get("ARGMAP_DOT") or None, "ARGMAP_DOT"


def evaluate_or_none(m: ArgumentMap, choice: EvaluationChoice) -> Evaluation | None:
    """The map's evaluation for the strength and status columns; None if not wanted.

    Numbers that did not converge (a cyclic map) are not shown: the E501 of every command
    is printed as a warning and the columns stay empty; the rest is still worth having.
    """
    if not choice.enabled:
        return None
    from argmap.errors import Severity
    from argmap.evaluate import evaluate, not_converged

    evaluation = evaluate(m, semantics=choice.semantics, support=choice.support)
    if evaluation.converged:
        return evaluation
    problem = not_converged(m.path, evaluation, "strength and status left out")
    click.echo(f"argmap: {problem.as_diagnostic(Severity.WARNING).format()}", err=True)
    return None
