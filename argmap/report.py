"""Rich renderables for the terminal: tables, trees, captions. Builds; never prints.

Map text is always passed through `text()` (or `rich.markup.escape`), never
read as rich markup: a premise containing `satisfy[ing]` must print as written.

Sections below belong to the commands that use them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from argmap.evaluate import Evaluation
from argmap.explain import (
    Explanation,
    flip_sentence,
    group_sentences,
    rests_on_nothing,
    robustness_sentences,
    status_words,
)
from argmap.graph import parents
from argmap.listings import ActorRow, SourceRow
from argmap.model import ArgumentMap, Node, Source
from argmap.outline import OutlineItem, Relation
from argmap.quotes import FileStatus, QuoteCheck, QuoteChecks, unchecked_because
from argmap.summary import ClaimRow, MapSummary, Totals, combined_totals, map_label
from argmap.tables import (
    SEMANTICS_NAMES,
    format_share,
    format_strength,
    summary_notes,
    totals_lines,
)
from argmap.wording import (
    ROBUST_MEANING,
    ROBUST_WORD,
    SCORES_CAVEAT,
    STATUS_MEANING,
    STATUS_WORD,
    UNOPPOSED_MEANING,
    UNOPPOSED_WORD,
    verdict_text,
)

if TYPE_CHECKING:
    from argmap.evaluate import Acceptance


def text(value: str, style: str = "") -> Text:
    """Map text as a rich Text, with no markup interpretation."""
    return Text(value, style=style)


# --- argmap summary, show, actors, sources ---------------------------------------------
# Tables and trees for the map in the terminal. `boxes` is True on a terminal: box drawing
# and tree guides; False when piped: plain columns and indentation, stable for scripts.

STATUS_STYLE = {"in": "green", "out": "red", "undecided": "yellow"}
RELATION_MARK = {
    Relation.ROOT: "",
    Relation.PRO: "+",
    Relation.CON: "−",
    Relation.UNDERCUT: "×",
    Relation.LINKED: "&",
}
RELATION_STYLE = {
    Relation.ROOT: "bold",
    Relation.PRO: "green",
    Relation.CON: "red",
    Relation.UNDERCUT: "magenta",
    Relation.LINKED: "cyan",
}
QUOTE_VERDICT = {
    QuoteCheck.VERIFIED: ("verified", "green"),
    QuoteCheck.NOT_FOUND: ("NOT FOUND in the source file", "bold red"),
}


# Piped: no box, only a rule of hyphens under the header (ASCII, stable for scripts).
_PLAIN_BOX = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


TEXT_WIDTH = 72
"""The widest a table's text column grows (`evaluate`): wider text wraps."""


def _table(boxes: bool, expand: bool = False, lines: bool = False) -> Table:
    """A table whose `ratio` column (the text) takes the width the others leave.

    No vertical rules (they cost the text its width): on a terminal a line
    under the header; piped, a rule of hyphens. `lines`: a blank line between rows.
    """
    return Table(
        box=box.SIMPLE_HEAD if boxes else _PLAIN_BOX,
        show_lines=lines,
        show_edge=False,
        pad_edge=False,
        padding=(0, 1, 0, 0),
        header_style="bold",
        expand=expand,
    )


def _claim_cell(row: ClaimRow) -> Text:
    """The claim's id and text, then who argues each side and its tags, one line each.

    Kept in the claim's cell rather than in columns of their own so that neither ids
    nor the claim's text are squeezed into a few characters a line.
    """
    cell = Text.assemble(text(row.id, "bold"), "\n", text(row.text))
    for label, values, style in (
        ("for", row.actors_pro, "green"),
        ("against", row.actors_con, "red"),
        ("tags", row.tags, "dim"),
    ):
        if values:
            cell.append("\n")
            cell.append(f"{label}: ", style=style)
            cell.append_text(text(", ".join(values)))
    return cell


def verdict_cell(row: ClaimRow) -> Text:
    """A claim's status words (why, where strength says otherwise) and `fragile`."""
    if row.verdict is None or row.status is None:
        return text("-")
    agrees = row.verdict in (STATUS_WORD[row.status], UNOPPOSED_WORD)
    style = STATUS_STYLE.get(row.status, "") if row.verdict != UNOPPOSED_WORD else ""
    cell = text(row.verdict, style if agrees else "magenta")
    if row.robust is False:
        cell.append(" · fragile", "bold yellow")
    return cell


class _FitToWidth:
    """A table built when the width is known, so that one column can take what the others leave."""

    def __init__(self, build: Callable[[int], RenderableType]) -> None:
        self.build = build

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.build(options.max_width)


def _natural_width(header: str, cells: Sequence[Text], cap: int | None = None) -> int:
    widest = max([len(header)] + [len(line) for c in cells for line in c.plain.split("\n")])
    return widest if cap is None else min(widest, cap)


# A column: header, its cells, rich column options, and the widest it grows before wrapping.
_Column = tuple[str, list[Text], dict[str, Any], int | None]


def _fitted_table(
    columns: Sequence[_Column], flexible: int, *, boxes: bool, lines: bool = False
) -> RenderableType:
    """A table whose column `flexible` (the text that matters) takes the width the others
    leave; the others are as wide as their content, up to their cap. On a narrow terminal
    the wrapping columns give way first (never below their header); long words fold."""

    def build(width: int) -> RenderableType:
        widths = [_natural_width(h, cells, cap) for h, cells, _, cap in columns]
        floors = [
            w if options.get("no_wrap") else min(w, max(len(h), 8))
            for (h, _, options, _), w in zip(columns, widths, strict=True)
        ]
        header, cells, _, _ = columns[flexible]
        wanted = _natural_width(header, cells)
        least = min(wanted, 30)  # narrower, a few words a line: one block a row instead
        gaps = 2 * (len(columns) - 1)  # each column: 1 padding + 1 divider

        def others() -> int:
            return sum(w for i, w in enumerate(widths) if i != flexible)

        while others() + gaps + least > width:
            shrinkable = [i for i, w in enumerate(widths) if i != flexible and w > floors[i]]
            if not shrinkable:
                return _cards(columns, flexible)  # too narrow for a table
            widest = max(shrinkable, key=lambda i: widths[i])
            widths[widest] -= 1
        widths[flexible] = max(least, min(width - others() - gaps, wanted))
        table = _table(boxes, lines=lines)
        for (header, _, options, _), w in zip(columns, widths, strict=True):
            table.add_column(header, width=w, overflow="fold", **options)
        for n in range(len(columns[0][1])):
            table.add_row(*[c[1][n] for c in columns])
        return table

    return _FitToWidth(build)


def _cards(columns: Sequence[_Column], first: int) -> RenderableType:
    """The table's rows as blocks, for a terminal too narrow for its columns: the main
    cell, then `header value` for every other non-empty cell, indented."""
    blocks: list[RenderableType] = []
    for n in range(len(columns[0][1])):
        details = Text()
        for i, (header, cells, _, _) in enumerate(columns):
            cell = cells[n].copy()
            if i == first or not cell.plain.strip():
                continue
            if details.plain:
                details.append(" · ", style="dim")
            details.append(header + " ", style="dim")
            details.append_text(Text(", ").join(cell.split("\n")))
        if blocks:
            blocks.append(text(""))
        blocks += [columns[first][1][n], Padding(details, (0, 0, 0, 2))]
    return Group(*blocks)


def summary_table(
    summaries: Sequence[MapSummary], rows: Sequence[ClaimRow], *, boxes: bool, base: str | None
) -> RenderableType:
    """One row per claim (with a `map` column when several maps are shown).

    The claim's id and text take the width the other columns leave; the
    lists beside it (actors, tags) wrap early.
    """
    several = len(summaries) > 1
    evaluated = any(s.evaluation is not None for s in summaries)
    columns: list[_Column] = []
    if several:
        columns.append(("map", [text(map_label(r.map, base)) for r in rows], {}, 32))
    claims = [_claim_cell(r) for r in rows]
    columns += [
        ("claim", claims, {}, None),
        ("pro", [text(f"{r.pro}/{r.pro_total}") for r in rows], _NUMBER | _GREEN, None),
        ("con", [text(f"{r.con}/{r.con_total}") for r in rows], _NUMBER | _RED, None),
    ]
    if evaluated:
        scores = [
            Text.assemble(text(format_strength(r.strength)), " ", verdict_cell(r)) for r in rows
        ]
        columns.append(("strength", scores, {"no_wrap": True}, None))
    columns.append(("quotes", [text(format_share(r.coverage)) for r in rows], _NUMBER, None))
    return _fitted_table(columns, 1 if several else 0, boxes=boxes, lines=True)


_NUMBER: dict[str, Any] = {"justify": "right", "no_wrap": True}
_GREEN: dict[str, Any] = {"style": "green"}
_RED: dict[str, Any] = {"style": "red"}
_WHOLE: dict[str, Any] = {"no_wrap": True}


def totals_text(totals: Totals) -> RenderableType:
    """`Totals: nodes 9, claims 2, ...` on three lines, wrapped lines hanging under the first."""
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(text("Totals: ", "bold"), text("\n".join(totals_lines(totals))))
    return grid


def summary_view(
    summaries: Sequence[MapSummary], rows: Sequence[ClaimRow], *, boxes: bool, base: str | None
) -> Group:
    """The table, the totals, and the caption saying what the columns mean."""
    parts: list[RenderableType] = []
    if len(summaries) == 1:
        s = summaries[0]
        parts.append(Text.assemble(text(s.title, "bold"), text(f"  ({s.path})", "dim")))
    if rows:
        parts.append(summary_table(summaries, rows, boxes=boxes, base=base))
    else:
        parts.append(text("No claim matches the filters.", "yellow"))
    parts += [text(""), totals_text(combined_totals(summaries))]
    parts += [text(note, "dim") for note in summary_notes(summaries)]
    return Group(*parts)


# `argmap show`


def _actor_names(m: ArgumentMap, ids: Sequence[str]) -> str:
    return ", ".join(m.actors[a].name if a in m.actors else a for a in ids)


def _node_label(
    m: ArgumentMap,
    item: OutlineItem,
    checks: QuoteChecks,
    evaluation: Evaluation | None,
) -> RenderableType:
    """The mark, then the node's id and text; beneath, aligned with the text: the details."""
    node: Node = item.node
    style = RELATION_STYLE[item.relation]
    head = Text()
    head.append(node.id, style=f"bold {style}")
    flags = []
    if node.is_group:
        flags.append("linked group")
    if item.link is not None and item.link.is_ref:
        flags.append("ref")
    if node.implicit:
        flags.append("implicit")
    if flags:
        head.append(" (" + ", ".join(flags) + ")", style="dim")
    head.append(": ")
    head.append(node.text)
    lines: list[RenderableType] = [head]
    if item.repeat:
        lines.append(text("shown above; not expanded again", "dim italic"))
    else:
        lines += _node_details(m, item, checks, evaluation)
    if item.hidden:
        more = "item" if item.hidden == 1 else "items"
        lines.append(text(f"… {item.hidden} more {more} beneath (raise --depth)", "dim"))
    mark = RELATION_MARK[item.relation]
    if not mark:
        return Group(*lines)
    grid = Table.grid()
    grid.add_column(no_wrap=True)
    grid.add_column()
    grid.add_row(text(mark + " ", f"bold {style}"), Group(*lines))
    return grid


def _node_details(
    m: ArgumentMap,
    item: OutlineItem,
    checks: QuoteChecks,
    evaluation: Evaluation | None,
) -> list[RenderableType]:
    node = item.node
    details = Text(style="dim")

    def detail(label: str, value: str) -> None:
        if details.plain:
            details.append(", ")
        details.append(label)
        details.append(value)

    if node.by:
        detail("by ", _actor_names(m, node.by))
    if evaluation is not None and (score := evaluation.nodes.get(node.id)) is not None:
        words, style = status_cell(m, evaluation, node.id)
        detail("strength ", f"{score.strength:.2f}")
        details.append(" ")
        details.append(words, style=style)
        link = item.link
        link_score = evaluation.links.get(link.id) if link is not None else None
        if link is not None and link_score is not None and m.undercutters(link.id):
            detail("as an argument here ", f"{link_score.strength:.2f}")
    if node.weight is not None:
        # a group's weight caps its weakest premise (argmap.evaluate.weakest_link)
        detail(
            "weight (caps its weakest premise) " if node.is_group else "weight ", f"{node.weight:g}"
        )
    if node.tags:
        detail("tags ", ", ".join(node.tags))
    lines: list[RenderableType] = [details] if details.plain else []
    notes = [n for n in (node.note, item.link.note if item.link is not None else None) if n]
    lines += [Text.assemble(("note: ", "dim"), text(n, "italic")) for n in notes]
    if node.url:
        lines.append(Text.assemble(("url: ", "dim"), text(node.url)))
    for quote in node.quotes:
        source = m.sources.get(quote.source)
        check = checks.verdict(quote)
        if check is QuoteCheck.UNCHECKED:
            file_status = checks.files.get(quote.source, FileStatus.NONE)
            verdict, verdict_style = unchecked_because(file_status), "yellow"
        else:
            verdict, verdict_style = QUOTE_VERDICT[check]
        line = Text("“", style="dim")
        line.append(quote.text, style="italic")
        line.append("” — ", style="dim")
        line.append(_source_label(source) if source is not None else quote.source)
        if quote.locator:
            line.append(f", {quote.locator}")
        if quote.speaker:
            line.append(f", said by {_actor_names(m, [quote.speaker])}")
        line.append(" (")
        line.append(verdict, style=verdict_style)
        line.append(")")
        lines.append(line)
    return lines


def _source_label(source: Source) -> str:
    """A short name for a source under a quote: who and where, else the title."""
    byline = ", ".join(part for part in (source.author, source.publisher, source.date) if part)
    if byline:
        return byline
    return source.title if len(source.title) <= 60 else source.title[:57].rstrip() + "..."


def show_tree(
    m: ArgumentMap,
    root: OutlineItem,
    *,
    checks: QuoteChecks,
    evaluation: Evaluation | None,
    boxes: bool,
    legend: bool = True,
) -> RenderableType:
    """The outline as a rich Tree (boxes) or as plain indentation, with a legend (unless
    `legend` is False: `show MAP` prints it once, after the last claim)."""

    def label(item: OutlineItem) -> RenderableType:
        return _node_label(m, item, checks, evaluation)

    if boxes:
        tree = Tree(label(root), guide_style="dim")
        stack = [(tree, root)]
        while stack:
            branch, item = stack.pop()
            added = [(branch.add(label(child)), child) for child in item.children]
            stack += reversed(added)
        body: RenderableType = tree
    else:
        body = _indented(root, label)
    head: list[RenderableType] = []
    where = parents(m, root.node.id)
    if where:
        head.append(text(f"{root.node.id} is written under: {', '.join(where)}", "dim"))
    if not legend:
        return Group(*head, body)
    marks = "+ supports, − opposes, × undercuts (attacks the link above it)"
    if any(node.is_group for node in m.unique_nodes()):
        marks += ", & a premise of the linked group above (they bear on it only together)"
    key = [text(marks, "dim")]
    if evaluation is not None:
        name = SEMANTICS_NAMES.get(evaluation.semantics, evaluation.semantics)
        key.append(
            text(
                f"strength: {name} ({evaluation.semantics}), supports read as"
                f" {evaluation.support}; status: {evaluation.status_semantics} labelling"
                f" (stands: {STATUS_MEANING['in']}; falls: {STATUS_MEANING['out']};"
                f" {UNOPPOSED_WORD}: nothing objects to it). Scores are {SCORES_CAVEAT}.",
                "dim",
            )
        )
    return Group(*head, body, text(""), *key)


def _indented(root: OutlineItem, label: Callable[[OutlineItem], RenderableType]) -> RenderableType:
    """Plain nesting: four spaces a level (iterative, so long chains do not recurse)."""
    lines: list[RenderableType] = []
    stack = [(root, 0)]
    while stack:
        item, level = stack.pop()
        rendered = label(item)
        lines.append(Padding(rendered, (0, 0, 0, 4 * level)) if level else rendered)
        stack += [(child, level + 1) for child in reversed(item.children)]
    return Group(*lines)


# `argmap actors` and `argmap sources`


def _lines(values: Sequence[str]) -> Text:
    return text("\n".join(values))


def actors_table(rows: Sequence[ActorRow], *, boxes: bool) -> RenderableType:
    """One row per actor (id, then name and role); the claims each argues for and against."""
    actors = []
    for r in rows:
        cell = Text.assemble(text(r.id, "bold"), "\n", text(r.name))
        if r.role:
            cell.append("\n")
            cell.append_text(text(r.role, "dim"))
        actors.append(cell)
    columns: list[_Column] = [
        ("actor", actors, {}, None),
        ("argues", [text(str(len(r.argues))) for r in rows], _NUMBER, None),
        ("quoted", [text(str(r.quoted)) for r in rows], _NUMBER, None),
        # Claim ids, one a line, are never folded mid-id: a terminal too narrow for them
        # gets one block per actor.
        ("for", [_lines(r.claims_for) for r in rows], _GREEN | _WHOLE, None),
        ("against", [_lines(r.claims_against) for r in rows], _RED | _WHOLE, None),
    ]
    return _fitted_table(columns, 0, boxes=boxes, lines=True)


def _file_status(r: SourceRow) -> str:
    """The file's state; for a file read, how many of its sentences a quote touches (in
    the file's cell: a column of its own would not fit 100 columns beside a file name)."""
    shown = r.file_status.words
    if r.coverage is not None:
        shown += f", {r.coverage.sentences_quoted}/{r.coverage.sentences_counted} sentences quoted"
    return shown


def sources_table(rows: Sequence[SourceRow], *, boxes: bool) -> RenderableType:
    """One row per source (title, then author and date): its file (found or not, and how
    many of its sentences are quoted), and how many quotes and nodes it backs, how many
    verified."""
    titles = []
    for r in rows:
        cell = text(r.title)
        if credit := ", ".join(x for x in (r.author, r.date) if x):
            cell.append("\n")
            cell.append_text(text(credit, "dim"))
        titles.append(cell)
    files = [
        text(f"{r.file}\n({_file_status(r)})" if r.file else FileStatus.NONE.words) for r in rows
    ]
    # A file name is one word: never folded (a terminal too narrow for it gets one block
    # per source); the title, with author and date beneath, wraps instead.
    columns: list[_Column] = [
        ("source", [text(r.id, "bold") for r in rows], {}, 20),
        ("title", titles, {}, None),
        ("file", files, {"no_wrap": True}, None),
        ("quotes", [text(str(r.quotes)) for r in rows], _NUMBER, None),
        ("backs", [text(str(len(r.backs))) for r in rows], _NUMBER, None),
        (
            "verified",
            [text(f"{r.verified}/{r.quotes}", "red" if r.not_found else "") for r in rows],
            _NUMBER,
            None,
        ),
    ]
    return _fitted_table(columns, 1, boxes=boxes, lines=True)


# --- argmap evaluate ---------------------------------------------------------------------

_STATUS_STYLE = {"in": "green", "out": "red", "undecided": "yellow"}
# A status whose strength says the opposite: neither the colour of standing nor of falling.
_MIXED_STYLE = "magenta"
_ROBUST_STYLE = {True: "", False: "bold yellow"}


def _weight(value: float) -> str:
    """A base score as written: at least two decimals, at most four (0.50, 0.125)."""
    shown = f"{value:.4f}".rstrip("0")
    return shown + "0" * max(0, 2 - len(shown.partition(".")[2]))


GROUP_NO_BASE = "—"
"""The base cell of a linked group without a weight: it has no base score of its own."""
GROUP_BASE_MEANING = (
    f"base of a linked group: {GROUP_NO_BASE} it has none (its strength is its weakest"
    " premise's), ≤w its weight w caps that strength; a linked group falls when any of its"
    " premises falls"
)


def base_cell(node: Node) -> str:
    """A node's base score as the evaluation table shows it: for a linked group, its cap
    (`≤0.60`) when it has a weight, else GROUP_NO_BASE."""
    if not node.is_group:
        return _weight(node.base)
    return GROUP_NO_BASE if node.weight is None else "≤" + _weight(node.weight)


def evaluation_caption(evaluation: Evaluation) -> Text:
    """What was computed, and what it is not."""
    name = SEMANTICS_NAMES.get(evaluation.semantics, evaluation.semantics)
    return Text(
        f"Strength by {name}; status by {evaluation.status_semantics} semantics"
        f" (support: {evaluation.support}).\nScores are {SCORES_CAVEAT}."
    )


def evaluation_key(
    m: ArgumentMap,
    evaluation: Evaluation,
    explanations: Sequence[Explanation] = (),
    extensions: Acceptance | None = None,
) -> list[RenderableType]:
    """What each word the table uses means (after the table): only the words it uses."""
    used = {status_words(m, evaluation, node_id) for node_id in evaluation.nodes}
    mixed = any(w not in (*STATUS_WORD.values(), UNOPPOSED_WORD) for w in used)
    lines: list[RenderableType] = [text("")]
    for label in ("in", "out", "undecided"):
        if STATUS_WORD[label] in used or (mixed and label != "undecided"):
            lines.append(text(f"{STATUS_WORD[label]}: {STATUS_MEANING[label]}", "dim"))
    if UNOPPOSED_WORD in used:
        lines.append(text(f"{UNOPPOSED_WORD}: {UNOPPOSED_MEANING}", "dim"))
    if mixed:
        lines.append(
            text("falls, N unanswered / stands, score < 0.5: strength and status disagree", "dim")
        )
    if any(node.is_group for node in m.unique_nodes()):
        lines.append(text(GROUP_BASE_MEANING, "dim"))
    verdicts = {x.robustness.robust for x in explanations if x.robustness is not None}
    for robust in (True, False):
        if robust in verdicts:
            lines.append(text(f"{ROBUST_WORD[robust]}: {ROBUST_MEANING[robust]}", "dim"))
    if extensions is not None:
        lines.append(
            text(
                f"credulous: in at least one {extensions.semantics} extension (a position that"
                " defends itself against every attack); sceptical: in every one",
                "dim",
            )
        )
    return lines


# Past this many nodes the table is laid out in plain fixed columns: rich's table layout
# measures every cell and would take about a minute for 100,000 nodes.
LARGE_TABLE = 2000


def plain_table(rows: int, terminal: bool) -> bool:
    """Whether a table is written as plain fixed columns rather than laid out by rich:
    always when the output is not a terminal (a pipe or a file wants the text, and
    rich's layout was nine tenths of `evaluate` at 1,000 nodes), and past LARGE_TABLE rows.
    The one place where that choice is made."""
    return not terminal or rows > LARGE_TABLE


def status_cell(m: ArgumentMap, evaluation: Evaluation, node_id: str) -> tuple[str, str]:
    """The status word of a node (with why, where its strength says otherwise) and a style."""
    label = evaluation.nodes[node_id].status.value
    words = status_words(m, evaluation, node_id)
    if words not in (STATUS_WORD[label], UNOPPOSED_WORD):
        return words, _MIXED_STYLE
    return words, _STATUS_STYLE.get(label, "") if words != UNOPPOSED_WORD else ""


def _evaluation_rows(
    m: ArgumentMap,
    evaluation: Evaluation,
    extensions: Acceptance | None,
    explanations: Sequence[Explanation] = (),
) -> tuple[list[str], list[tuple[bool, list[str], list[str]]]]:
    """Headers, and for every node (claims first) whether it is a claim, its cells and
    their styles."""
    headers = ["node", "text", "base", "strength", "status"]
    robustness = {x.node: x.robustness for x in explanations if x.robustness is not None}
    if robustness:
        headers.append("verdict")
    if extensions is not None:
        headers += ["credulous", "sceptical"]
    nodes = [n for n in m.unique_nodes() if n.is_claim]
    nodes += [n for n in m.unique_nodes() if not n.is_claim]
    rows: list[tuple[bool, list[str], list[str]]] = []
    for node in nodes:
        score = evaluation.nodes[node.id]
        status, style = status_cell(m, evaluation, node.id)
        cells = [node.id, node.text, base_cell(node), f"{score.strength:.4f}", status]
        styles = ["bold" if node.is_claim else "", "", "", "", style]
        if robustness:
            r = robustness.get(node.id)
            cells.append("" if r is None else ROBUST_WORD[r.robust])
            styles.append("" if r is None else _ROBUST_STYLE[r.robust])
        if extensions is not None:
            cells.append("yes" if node.id in extensions.credulous else "no")
            cells.append("yes" if node.id in extensions.sceptical else "no")
            styles += ["", ""]
        rows.append((node.is_claim, cells, styles))
    return headers, rows


def evaluation_table(
    m: ArgumentMap,
    evaluation: Evaluation,
    extensions: Acceptance | None = None,
    explanations: Sequence[Explanation] = (),
    *,
    boxes: bool = True,
) -> RenderableType:
    """Every node, claims first, each with base score, strength and status (and whether
    each claim's verdict is robust, and credulous / sceptical acceptance when extensions
    were asked for).

    Laid out for the width it is drawn at: numbers and words are never cut, and
    stay beside their node on a wide terminal; the text takes what is left, at
    most TEXT_WIDTH, and wraps (never cut).
    """
    headers, rows = _evaluation_rows(m, evaluation, extensions, explanations)
    widths = [max(len(headers[k]), *(len(c[k]) for _, c, _ in rows)) for k in range(len(headers))]
    return _FittedTable(lambda width: _evaluation_table(headers, rows, widths, width, boxes))


class _FittedTable:
    """A table built when rich knows the width it has (the text column is sized to it)."""

    def __init__(self, build: Callable[[int], Table]) -> None:
        self.build = build

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.build(options.max_width)


def _evaluation_table(
    headers: list[str],
    rows: list[tuple[bool, list[str], list[str]]],
    widths: list[int],
    width: int,
    boxes: bool,
) -> Table:
    table = _table(boxes)
    fixed = sum(widths[2:]) + 2 * (len(headers) - 1)  # the numbers; columns 2 spaces apart
    node_width = min(widths[0], 36, max(8, width - fixed - 12))  # ids fold when narrow
    text_width = min(widths[1], TEXT_WIDTH, max(12, width - fixed - node_width))
    table.add_column(headers[0], overflow="fold", width=node_width)
    table.add_column(headers[1], overflow="fold", width=text_width)
    table.add_column(headers[2], justify="right", no_wrap=True)
    table.add_column(headers[3], justify="right", no_wrap=True)
    for header in headers[4:]:
        table.add_column(header, no_wrap=True)
    for _, cells, styles in rows:
        table.add_row(*[text(c, st) for c, st in zip(cells, styles, strict=True)])
    return table


def evaluation_lines(
    m: ArgumentMap,
    evaluation: Evaluation,
    extensions: Acceptance | None = None,
    explanations: Sequence[Explanation] = (),
    width: int = 100,
    *,
    boxes: bool = True,
) -> list[str]:
    """The same table as plain fixed-width lines, for maps past LARGE_TABLE nodes."""
    headers, rows = _evaluation_rows(m, evaluation, extensions, explanations)
    return _plain_table(
        headers, [c for _, c, _ in rows], right={2, 3}, flexible=1, width=width, boxes=boxes
    )


def _plain_table(
    headers: list[str],
    rows: list[list[str]],
    right: set[int],
    flexible: int | None,
    width: int,
    boxes: bool,
) -> list[str]:
    """Columns laid out as `_table` lays them out with rich (two spaces apart, a rule under
    the header); the flexible column takes the width left over, up to TEXT_WIDTH, and
    wraps its text."""
    every = [headers, *rows]
    widths = [max(len(row[k]) for row in every) for k in range(len(headers))]
    gaps = 2 * (len(headers) - 1)
    if flexible is not None:
        needed = widths[flexible]
        others = sum(widths) - needed + gaps
        # as wide as the text needs, up to TEXT_WIDTH and what the width leaves
        widths[flexible] = min(needed, TEXT_WIDTH, max(8, width - others))
        if flexible != 0 and sum(widths) + gaps > width:  # narrow: the ids fold, as rich's do
            fixed = others - widths[0]
            widths[0] = min(widths[0], max(8, width - fixed - 12))
            widths[flexible] = min(needed, TEXT_WIDTH, max(12, width - fixed - widths[0]))

    def line(row: list[str]) -> str:
        out = []
        for k, cell in enumerate(row):
            out.append(cell.rjust(widths[k]) if k in right else cell.ljust(widths[k]))
        return "  ".join(out).rstrip()

    def wrapped(row: list[str]) -> list[str]:
        """The row, its flexible cell wrapped and its first cell folded (never cut) onto
        more lines, as rich does."""
        first = [row[0][i : i + widths[0]] for i in range(0, len(row[0]), widths[0])] or [""]
        if (flexible is None or len(row[flexible]) <= widths[flexible]) and len(first) == 1:
            return [line(row)]
        import textwrap

        parts: list[str] = []
        if flexible is not None:
            parts = textwrap.wrap(row[flexible], widths[flexible], break_on_hyphens=False) or [""]
        out = []
        for i in range(max(len(parts), len(first))):
            cells = list(row) if i == 0 else [""] * len(row)
            cells[0] = first[i] if i < len(first) else ""
            if flexible is not None:
                cells[flexible] = parts[i] if i < len(parts) else ""
            out.append(line(cells))
        return out

    rule = ("─" if boxes else "-") * (sum(widths) + gaps)
    return [line(headers), rule, *(out for row in rows for out in wrapped(row))]


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
                    score.status.word,
                ]
            )
    return rows


_WORD_STYLE = {STATUS_WORD[k]: v for k, v in _STATUS_STYLE.items()}
_UNDERCUT_HEADERS = ["link", "from → to", "premise", "link strength", "status"]


def undercut_links_table(
    m: ArgumentMap, evaluation: Evaluation, *, boxes: bool = True
) -> Table | None:
    """The links that carry undercuts: what the premise brings and what the link passes on."""
    rows = _undercut_rows(m, evaluation)
    if not rows:
        return None
    table = _table(boxes)
    table.title, table.title_justify = "Undercut links", "left"
    widest = max(len(row[0]) for row in rows)
    table.add_column(_UNDERCUT_HEADERS[0], overflow="fold", min_width=min(widest, 36))
    table.add_column(_UNDERCUT_HEADERS[1], overflow="fold")
    table.add_column(_UNDERCUT_HEADERS[2], justify="right", no_wrap=True)
    table.add_column(_UNDERCUT_HEADERS[3], justify="right", no_wrap=True)
    table.add_column(_UNDERCUT_HEADERS[4], no_wrap=True)
    for row in rows:
        table.add_row(*row[:4], text(row[4], _WORD_STYLE.get(row[4], "")))
    return table


def undercut_links_lines(
    m: ArgumentMap, evaluation: Evaluation, width: int = 100, *, boxes: bool = True
) -> list[str]:
    """The undercut links as plain fixed-width lines, for large maps (empty if none)."""
    rows = _undercut_rows(m, evaluation)
    if not rows:
        return []
    table = _plain_table(_UNDERCUT_HEADERS, rows, {2, 3}, None, width, boxes)
    return ["", "Undercut links", *table]


def explanation_view(m: ArgumentMap, x: Explanation) -> RenderableType:
    """One node's verdict, why (contributions, flip) and how fragile, in plain words."""
    badge = verdict_text(x.strength, x.status, x.unanswered, x.unopposed)
    head = Text.assemble(text(x.node, "bold"), ": ", text(badge))
    if x.robustness is not None:
        head.append(" · ")
        head.append(ROBUST_WORD[x.robustness.robust], _ROBUST_STYLE[x.robustness.robust])
    parts: list[RenderableType] = [head, Padding(text(m.node(x.node).text, "dim"), (0, 0, 0, 2))]
    if x.note:
        parts.append(Padding(text(x.note, "yellow"), (0, 0, 0, 2)))
    if x.contributions is not None:
        if not x.contributions:
            parts.append(Padding(text(rests_on_nothing(x)), (0, 0, 0, 2)))
        else:
            parts.append(
                Padding(
                    text("Rests on (change each premise makes; strength and status without it):"),
                    (0, 0, 0, 2),
                )
            )
            grid = Table.grid(padding=(0, 2, 0, 0))
            grid.add_column(justify="right", no_wrap=True)
            grid.add_column(justify="right", no_wrap=True)
            grid.add_column(no_wrap=True)
            grid.add_column(overflow="fold")
            for c in x.contributions:
                grid.add_row(
                    text(
                        f"{c.contribution:+.2f}",
                        "green" if c.contribution > 0 else "red" if c.contribution < 0 else "",
                    ),
                    text(f"{c.without:.2f}"),
                    text(STATUS_WORD[c.status_without]),
                    text(c.premise),
                )
            parts.append(Padding(grid, (0, 0, 0, 4)))
    parts += [Padding(text(line), (0, 0, 0, 2)) for line in group_sentences(x)]
    flip = flip_sentence(x)
    if flip:
        parts.append(Padding(text(flip), (0, 0, 0, 2)))
    if x.robustness is not None:
        lines = robustness_sentences(x.robustness)
        parts += [Padding(text(line), (0, 0, 0, 2)) for line in lines]
    return Group(*parts)


def explanation_views(m: ArgumentMap, explanations: Sequence[Explanation]) -> list[RenderableType]:
    out: list[RenderableType] = []
    for x in explanations:
        out += [text(""), explanation_view(m, x)]
    return out


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
