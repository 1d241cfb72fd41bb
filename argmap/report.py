"""Rich renderables for the terminal: tables, trees, captions. Builds; never prints.

Map text is always passed through `text()` (or `rich.markup.escape`), never
read as rich markup: a premise containing `satisfy[ing]` must print as written.

Sections below belong to the commands that use them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from argmap.evaluate import Acceptance, Evaluation
    from argmap.model import ArgumentMap


def text(value: str, style: str = "") -> Text:
    """Map text as a rich Text, with no markup interpretation."""
    return Text(value, style=style)


# --- argmap evaluate ---------------------------------------------------------------------

_STATUS_STYLE = {"accepted": "green", "rejected": "red", "undecided": "yellow"}
_SEMANTICS_NAME = {"dfquad": "DF-QuAD", "qe": "quadratic energy", "euler": "Euler-based"}


def _weight(value: float) -> str:
    """A base score as written: at least two decimals, at most four (0.50, 0.125)."""
    shown = f"{value:.4f}".rstrip("0")
    return shown + "0" * max(0, 2 - len(shown.partition(".")[2]))


def evaluation_caption(evaluation: Evaluation) -> Text:
    """One line saying what was computed."""
    name = _SEMANTICS_NAME.get(evaluation.semantics, evaluation.semantics)
    return Text(
        f"Strength by {name}; status by {evaluation.status_semantics} semantics"
        f" (support: {evaluation.support})."
    )


def evaluation_table(
    m: ArgumentMap, evaluation: Evaluation, extensions: Acceptance | None = None
) -> Table:
    """Every node, claims first, each with base score, strength and status (and credulous /
    sceptical acceptance when extensions were asked for)."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    widest = max((len(n.id) for n in m.unique_nodes()), default=4)
    table.add_column("node", overflow="fold", min_width=min(widest, 36))
    table.add_column("text", overflow="ellipsis", no_wrap=True, ratio=1, min_width=8)
    table.add_column("base", justify="right", no_wrap=True)
    table.add_column("strength", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    if extensions is not None:
        table.add_column("credulous", no_wrap=True)
        table.add_column("sceptical", no_wrap=True)
    claims = [n for n in m.unique_nodes() if n.is_claim]
    premises = [n for n in m.unique_nodes() if not n.is_claim]
    for node in claims + premises:
        score = evaluation.nodes[node.id]
        status = score.status.value
        row: list[Text | str] = [
            text(node.id, "bold" if node.is_claim else ""),
            text(node.text),
            _weight(score.base),
            f"{score.strength:.4f}",
            text(status, _STATUS_STYLE.get(status, "")),
        ]
        if extensions is not None:
            row.append("yes" if node.id in extensions.credulous else "no")
            row.append("yes" if node.id in extensions.sceptical else "no")
        table.add_row(*row)
    return table


def undercut_links_table(m: ArgumentMap, evaluation: Evaluation) -> Table | None:
    """The links that carry undercuts: what the premise brings and what the link passes on."""
    undercut = [lk for lk in m.links if m.undercutters(lk.id)]
    if not undercut:
        return None
    table = Table(
        box=box.SIMPLE_HEAD, pad_edge=False, title="Undercut links", title_justify="left"
    )
    table.add_column("link", overflow="fold", min_width=min(max(len(lk.id) for lk in undercut), 36))
    table.add_column("from → to", overflow="fold")
    table.add_column("premise", justify="right", no_wrap=True)
    table.add_column("link strength", justify="right", no_wrap=True)
    table.add_column("status", no_wrap=True)
    for lk in undercut:
        score = evaluation.links[lk.id]
        status = score.status.value
        table.add_row(
            text(lk.id),
            text(f"{lk.source} → {lk.target}"),
            f"{score.base:.4f}",
            f"{score.strength:.4f}",
            text(status, _STATUS_STYLE.get(status, "")),
        )
    return table


def convergence_line(evaluation: Evaluation) -> Text | None:
    """For a map with cycles: how the fixpoint was reached (or that it was not)."""
    if evaluation.iterations == 0 and evaluation.converged:
        return None
    if evaluation.converged:
        return Text(
            f"Cycles: fixpoint reached after {evaluation.iterations} integration steps"
            f" (residual {evaluation.residual:.1e})."
        )
    return Text(
        f"Cycles: NOT converged after {evaluation.iterations} integration steps"
        f" (residual {evaluation.residual:.1e}); these strengths are not a fixpoint.",
        style="bold red",
    )


def extensions_line(extensions: Acceptance) -> Text:
    """How many extensions there are, and which nodes each accepts."""
    count = len(extensions.extensions)
    noun = "extension" if count == 1 else "extensions"
    listed = "; ".join("{" + ", ".join(sorted(e)) + "}" for e in extensions.extensions)
    return Text(
        f"{count} {extensions.semantics} {noun}" + (f": {listed}." if count else ".")
    )


# ---------------------------------------------------------------------------
# argmap diff: the text format, coloured by each line's mark.

_DIFF_STYLES = {"+": "green", "-": "red", "~": "yellow", ">": "cyan"}


def diff_text(plain: str) -> Text:
    """`argmap diff`'s text output with added lines green, removed red, changed yellow."""
    out = Text()
    for line in plain.splitlines():
        mark = line.lstrip()[:1]
        if line.startswith(("---", "+++")):
            style = "bold"
        elif line.startswith("  "):
            style = _DIFF_STYLES.get(mark, "")
        elif line.endswith(":"):
            style = "bold"
        else:
            style = ""
        out.append(line + "\n", style=style)
    out.rstrip()
    return out
