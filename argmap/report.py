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


# Past this many nodes the table is laid out in plain fixed columns: rich's table layout
# measures every cell and would take about a minute for 100,000 nodes.
LARGE_TABLE = 2000


def _evaluation_rows(
    m: ArgumentMap, evaluation: Evaluation, extensions: Acceptance | None
) -> tuple[list[str], list[tuple[bool, list[str]]]]:
    """Headers, and for every node (claims first) whether it is a claim and its cells."""
    headers = ["node", "text", "base", "strength", "status"]
    if extensions is not None:
        headers += ["credulous", "sceptical"]
    nodes = [n for n in m.unique_nodes() if n.is_claim]
    nodes += [n for n in m.unique_nodes() if not n.is_claim]
    rows: list[tuple[bool, list[str]]] = []
    for node in nodes:
        score = evaluation.nodes[node.id]
        cells = [
            node.id,
            node.text,
            _weight(score.base),
            f"{score.strength:.4f}",
            score.status.value,
        ]
        if extensions is not None:
            cells.append("yes" if node.id in extensions.credulous else "no")
            cells.append("yes" if node.id in extensions.sceptical else "no")
        rows.append((node.is_claim, cells))
    return headers, rows


def evaluation_table(
    m: ArgumentMap, evaluation: Evaluation, extensions: Acceptance | None = None
) -> Table:
    """Every node, claims first, each with base score, strength and status (and credulous /
    sceptical acceptance when extensions were asked for)."""
    headers, rows = _evaluation_rows(m, evaluation, extensions)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    widest = max((len(cells[0]) for _, cells in rows), default=4)
    table.add_column(headers[0], overflow="fold", min_width=min(widest, 36))
    table.add_column(headers[1], overflow="ellipsis", no_wrap=True, ratio=1, min_width=8)
    table.add_column(headers[2], justify="right", no_wrap=True)
    table.add_column(headers[3], justify="right", no_wrap=True)
    for header in headers[4:]:
        table.add_column(header, no_wrap=True)
    for is_claim, cells in rows:
        styled: list[Text] = [text(cell) for cell in cells]
        styled[0].stylize("bold" if is_claim else "")
        styled[4].stylize(_STATUS_STYLE.get(cells[4], ""))
        table.add_row(*styled)
    return table


def evaluation_lines(
    m: ArgumentMap, evaluation: Evaluation, extensions: Acceptance | None = None, width: int = 100
) -> list[str]:
    """The same table as plain fixed-width lines, for maps past LARGE_TABLE nodes."""
    headers, rows = _evaluation_rows(m, evaluation, extensions)
    return _plain_table(headers, [c for _, c in rows], right={2, 3}, flexible=1, width=width)


def _plain_table(
    headers: list[str], rows: list[list[str]], right: set[int], flexible: int | None, width: int
) -> list[str]:
    """Columns three spaces apart, as rich's SIMPLE_HEAD box lays them out; the flexible
    column takes the width left over, cutting its text with an ellipsis."""
    every = [headers, *rows]
    widths = [max(len(row[k]) for row in every) for k in range(len(headers))]
    if flexible is not None:
        others = sum(widths) - widths[flexible] + 3 * (len(headers) - 1) + 2
        widths[flexible] = max(8, width - others)  # fill the width, as rich does

    def line(row: list[str]) -> str:
        out = []
        for k, cell in enumerate(row):
            if k == flexible and len(cell) > widths[k]:
                cell = cell[: widths[k] - 1] + "…"
            out.append(cell.rjust(widths[k]) if k in right else cell.ljust(widths[k]))
        return (" " + "   ".join(out)).rstrip()

    rule = " " + "─" * (sum(widths) + 3 * (len(headers) - 1))
    return ["", line(headers), rule, *(line(row) for row in rows), ""]


def _undercut_rows(m: ArgumentMap, evaluation: Evaluation) -> list[list[str]]:
    rows = []
    for lk in m.links:
        if m.undercutters(lk.id):
            score = evaluation.links[lk.id]
            rows.append(
                [
                    lk.id,
                    f"{lk.source} → {lk.target}",
                    f"{score.base:.4f}",
                    f"{score.strength:.4f}",
                    score.status.value,
                ]
            )
    return rows


_UNDERCUT_HEADERS = ["link", "from → to", "premise", "link strength", "status"]


def undercut_links_table(m: ArgumentMap, evaluation: Evaluation) -> Table | None:
    """The links that carry undercuts: what the premise brings and what the link passes on."""
    rows = _undercut_rows(m, evaluation)
    if not rows:
        return None
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title="Undercut links", title_justify="left")
    widest = max(len(row[0]) for row in rows)
    table.add_column(_UNDERCUT_HEADERS[0], overflow="fold", min_width=min(widest, 36))
    table.add_column(_UNDERCUT_HEADERS[1], overflow="fold")
    table.add_column(_UNDERCUT_HEADERS[2], justify="right", no_wrap=True)
    table.add_column(_UNDERCUT_HEADERS[3], justify="right", no_wrap=True)
    table.add_column(_UNDERCUT_HEADERS[4], no_wrap=True)
    for row in rows:
        table.add_row(*row[:4], text(row[4], _STATUS_STYLE.get(row[4], "")))
    return table


def undercut_links_lines(m: ArgumentMap, evaluation: Evaluation, width: int = 100) -> list[str]:
    """The undercut links as plain fixed-width lines, for large maps (empty if none)."""
    rows = _undercut_rows(m, evaluation)
    if not rows:
        return []
    return ["Undercut links", *_plain_table(_UNDERCUT_HEADERS, rows, {2, 3}, None, width)]


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
    return Text(f"{count} {extensions.semantics} {noun}" + (f": {listed}." if count else "."))


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
