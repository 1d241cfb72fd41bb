"""Drawing a map as Graphviz DOT text.

`render_dot` is pure: the same map, evaluation and options give byte-identical
DOT text, so a diff of two DOT files is a diff of two diagrams. What is drawn is
chosen by argmap.selection, how it looks by argmap.themes; every string taken
from the map is escaped by argmap.escape; argmap.renderer lays the DOT out.

Visual grammar (the README's legend shows it):
- top-level claims: rounded, bold, larger text, a heavier border; premises:
  plain boxes; implicit (reconstructed) premises: dashed border;
- under the text, a small line: who argues it, and for a node with quotes whether
  they were checked: `quote verified` (found in the source's file), `quote NOT
  FOUND` (bold), `quote unchecked` (no file to check against); with evaluation
  (`--eval`) a badge `stands 0.62`, `unopposed 0.50`, or where strength and status
  disagree `0.72 · falls, 1 unanswered` in a colour of its own, and `· fragile` on
  a claim whose verdict is fragile (argmap/explain.py); the key carries the
  scores' caveat (argmap/wording.py);
- supports: an arrow (green in colour themes); oppositions: a tee (red);
  undercuts: dashed tees aimed at a small junction point on the link they
  attack;
- a linked group: a rounded frame (a cluster) around its premises, side by side
  in file order, labelled `together` (its id if it was given one, who argues it;
  with evaluation its badge and tint). Its one pro or con edge starts at the frame
  (`compound`, `lhead`) and runs through a point above it: the junction its
  undercuts aim at, or an invisible gate. No edge is drawn from a premise to its
  group. Graphviz puts a node in one cluster only, so a premise stays in its
  group's frame and other links (refs, its own pro and con) are drawn to it there;
  a premise of two groups stands in the first one's frame, and the other frame
  draws a dotted line to it;
- claims at the top (with `TB`), premises below in file order, left to right.

Element ids in the SVG: a node's `<g>` has the node's id (a linked group's is its
frame's); a link's edge has `link:<link id>`; junction points `junction:<link id>`,
a group's invisible gate `gate:<link id>`; with `--cluster`, each claim's frame
`frame:<claim id>`; the whole `argmap:diagram`, the legend `argmap:legend` (map ids
hold no colon, so none of these can be a node's).

An `Overlay` lets another command draw over a map without a drawing of its own:
`argmap diff --format svg` marks nodes (`mark-<kind>` classes, a word badge)
and adds ghosts (`ghost:N`, links `ghost-link:N`) and a row of the legend.
"""

from __future__ import annotations

import functools
import math
import textwrap
import unicodedata
import zlib
from collections.abc import Callable, Collection, Iterable, Mapping

import attrs

from argmap.dot_text import Digraph
from argmap.escape import clean_text, esc_string, html_text, safe_url, url_attribute
from argmap.evaluate import Evaluation, Score, not_converged
from argmap.explain import Robustness, explain
from argmap.model import ArgumentMap, Link, LinkKind, Node, Quote
from argmap.quotes import FileStatus, QuoteCheck, QuoteChecks
from argmap.selection import claim_owners, drawn_links, visible
from argmap.themes import THEMES, RenderOptions, Theme
from argmap.vocabulary import is_id
from argmap.wording import (
    ROBUST_MEANING,
    SCORES_CAVEAT,
    STATUS_MEANING,
    STATUS_WORD,
    UNOPPOSED_MEANING,
    UNOPPOSED_WORD,
    disagreement,
    status_word,
)

BOLD_WIDTH = "2.8"  # oppositions in the print theme: heavier than supports

CLAIM_WRAP = 30  # characters per line
PREMISE_WRAP = 36
TITLE_WRAP = 60
META_WRAP = 44  # the small line under the text, at 10 pt
MAX_LINES = 10  # a longer text is cut, with "…"; the tooltip keeps all of it
NBSP = "&#160;"  # Graphviz refuses an empty <B></B> or <FONT></FONT>

SEMANTICS_NAMES = {"dfquad": "DF-QuAD", "qe": "quadratic energy", "euler": "Euler-based"}


@attrs.frozen
class Mark:
    """A word drawn on a node, in a colour that also rings the node (`argmap diff`'s
    `added`, `reworded`...): the word says it, the colour only helps."""

    word: str
    colour: str
    kind: str = ""  # the SVG class `mark-<kind>` (default: the word, hyphenated)


@attrs.frozen
class Ghost:
    """A node that is not in the map drawn faded (a premise a diff removed), joined to
    `parent` (a node of the map, or None) as it was: `kind` pro, con or undercut."""

    id: str
    text: str
    parent: str | None
    kind: LinkKind
    mark: Mark


@attrs.frozen
class Overlay:
    """What another command draws over a map: marks on its nodes, ghosts beside them,
    and the key of the marks (a row of the legend)."""

    marks: Mapping[str, tuple[Mark, ...]] = attrs.field(factory=dict)
    ghosts: tuple[Ghost, ...] = ()
    key: tuple[Mark, ...] = ()


class _Names:
    """DOT names and SVG element ids for nodes: the map's id when it is a plain id."""

    def __init__(self, nodes: Iterable[Node]) -> None:
        self.dot: dict[str, str] = {}
        self.element: dict[str, str] = {}
        for index, node in enumerate(nodes, start=1):
            plain = is_id(node.id)
            self.dot[node.id] = node.id if plain else f"N{index}"
            self.element[node.id] = node.id if plain else f"node:{index}"


def element_ids(nodes: Iterable[Node]) -> dict[str, str]:
    """Each drawn node's SVG element id (nodes in drawing order), as the docstring says."""
    return _Names(nodes).element


def _junction(link_id: str) -> str:
    # Upper case never occurs in a map id, so these names cannot collide with a node's.
    return f"J{link_id}" if is_id(link_id) else f"J{zlib.crc32(link_id.encode())}"


def _link_element(link_id: str) -> str:
    return f"link:{link_id}" if is_id(link_id) else f"link:{zlib.crc32(link_id.encode())}"


@attrs.frozen
class _Verdict:
    """What a node's badge, tint and tooltip say about its evaluation."""

    score: Score
    label: str  # "in" | "out" | "undecided"
    unanswered: int  # con links that stand: why it falls
    unopposed: bool  # no con link at all
    robustness: Robustness | None  # claims only

    # Worked out once: the tint, the badge and the classes all ask for it.
    short_why: str | None = attrs.field(
        init=False,
        default=attrs.Factory(lambda self: self.disagreement(short=True), takes_self=True),
    )

    @property
    def mixed(self) -> bool:
        return self.short_why is not None

    def disagreement(self, short: bool) -> str | None:
        return disagreement(
            self.score.strength, self.label, self.unanswered, self.unopposed, short=short
        )

    @property
    def tint(self) -> str:
        """The theme key of its colours: its label; "mixed" where strength says otherwise;
        "unopposed" where nothing objects to it."""
        if self.mixed:
            return "mixed"
        return "unopposed" if self.label == "in" and self.unopposed else self.label

    @property
    def badge(self) -> str:
        strength = f"{self.score.strength:.2f}"
        why = self.short_why
        words = (
            f"{strength} · {why}"
            if why
            else f"{status_word(self.label, self.unopposed)} {strength}"
        )
        if self.robustness is not None and not self.robustness.robust:
            words += " · fragile"
        return words

    def tooltip(self) -> list[str]:
        strength = f"Strength {self.score.strength:.2f}"
        why = self.disagreement(short=False)
        if why:
            out = [f"{strength} · {why} ({STATUS_MEANING[self.label]})"]
        elif self.label == "in" and self.unopposed:
            out = [f"{strength} · {UNOPPOSED_WORD}: {UNOPPOSED_MEANING}"]
        else:
            out = [f"{strength} · {STATUS_WORD[self.label]}: {STATUS_MEANING[self.label]}"]
        r = self.robustness
        if r is not None:
            if r.robust:
                out.append(f"Robust: it {ROBUST_MEANING[True]}")
            else:
                out.append("Fragile: " + "; ".join(r.reasons))
        out.append(f"Scores are {SCORES_CAVEAT}.")
        return out


def _verdicts(
    m: ArgumentMap, evaluation: Evaluation | None, shown: Iterable[str]
) -> dict[str, _Verdict]:
    if evaluation is None:
        return {}
    ids = list(shown)
    drawn = set(ids)  # built once: a set per claim made this quadratic
    claims = [c for c in m.claims if c in drawn]
    robustness = {x.node: x.robustness for x in explain(m, evaluation, claims, contributions=False)}
    out: dict[str, _Verdict] = {}
    for node_id in ids:
        score = evaluation.nodes.get(node_id)
        if score is None:
            continue
        node = m.node(node_id)
        # A linked group has no objections of its own: those to its premises are its.
        on = [p.id for p in m.linked_premises(node_id)] if node.is_group else [node_id]
        con = [lk for premise in on for lk in m.attackers(premise)]
        unanswered = sum(1 for lk in con if evaluation.links[lk.id].status.value == "in")
        out[node_id] = _Verdict(
            score, score.status.value, unanswered, not con, robustness.get(node_id)
        )
    return out


# How a node's quotes were checked: the word drawn under it, and the SVG class.
QUOTE_STATE_WORDS = {
    "verified": "quote verified",
    "not-found": "quote NOT FOUND",
    "unchecked": "quote unchecked",
}
QUOTE_STATE_MEANING = {
    "verified": "found in the source's file",
    "not-found": "the source's file was read and the quote is not in it",
    "unchecked": "no source file to check it against (the source's file, or --sources DIR)",
}


def _quote_verdict(quote: Quote, checks: QuoteChecks | None) -> str:
    """One quote's check, for its tooltip line."""
    verdict = checks.verdict(quote) if checks is not None else QuoteCheck.UNCHECKED
    if verdict is QuoteCheck.VERIFIED:
        return "verified in the source's file"
    if verdict is QuoteCheck.NOT_FOUND:
        return "NOT FOUND in the source's file"
    status = checks.files.get(quote.source) if checks is not None else None
    if status is FileStatus.NONE:
        return "unchecked: the source has no file"
    if status is FileStatus.ABSENT:
        return "unchecked: the source's file was not found (--sources DIR)"
    return "unchecked"


def quote_state(node: Node, checks: QuoteChecks | None) -> str | None:
    """ "not-found" if any quote was not found, else "verified" if every quote was found,
    else "unchecked"; None without quotes. No checks: every quote is unchecked."""
    if not node.quotes:
        return None
    if checks is None:
        return "unchecked"
    verdicts = [checks.verdict(q) for q in node.quotes]
    if QuoteCheck.NOT_FOUND in verdicts:
        return "not-found"
    if all(v is QuoteCheck.VERIFIED for v in verdicts):
        return "verified"
    return "unchecked"


def render_dot(
    m: ArgumentMap,
    evaluation: Evaluation | None = None,
    options: RenderOptions | None = None,
    checks: QuoteChecks | None = None,
    overlay: Overlay | None = None,
) -> str:
    """The map as DOT text: pure, deterministic, every map string escaped.

    `checks` (argmap.quotes.check_quotes) says which quotes were verified; without
    it every quote is drawn as unchecked. With `evaluation` each node carries its
    badge and tint, each claim its robustness, and the key the scores' caveat.
    `overlay` adds marks, ghost nodes and their key (argmap diff --format svg)."""
    options = options or RenderOptions()
    overlay = overlay or Overlay()
    if evaluation is not None and not evaluation.converged:
        raise not_converged(m.path, evaluation, "its strengths are not a fixpoint to draw")
    theme = THEMES[options.theme]
    shown, context = visible(m, options)
    names = _Names(shown.values())
    links = drawn_links(m, shown)
    claims = set(m.claims)

    g = Digraph("argmap")
    g.attr(
        "graph",
        id="argmap:diagram",  # a colon never occurs in a map id, so no node can take it
        rankdir=options.direction,
        ordering="out",  # premises keep their file order, left to right
        newrank="true",
        compound="true",  # a linked group's edge ends at its frame (lhead)
        bgcolor=theme.background,
        fontname="Helvetica",
        fontcolor=theme.text,
        nodesep="0.3",
        ranksep="0.45",
        pad="0.25",
        labelloc="t",
        labeljust="c",
    )
    if options.title:
        title = "<BR/>".join(html_text(line) or NBSP for line in _title_lines(m.title))
        if options.focus is not None:
            title += f'<BR/><FONT POINT-SIZE="12">around {html_text(options.focus)}</FONT>'
        g.attr("graph", label=f'<<FONT POINT-SIZE="20"><B>{title}</B></FONT><BR/> >')
    g.attr(
        "node",
        shape="box",
        fontname="Helvetica",
        fontsize="12",
        fontcolor=theme.text,
        color=theme.border,
        margin="0.14,0.08",
    )
    g.attr("edge", fontname="Helvetica", fontsize="10", penwidth="1.4", arrowsize="0.8")

    verdicts = _verdicts(m, evaluation, shown)
    owners = claim_owners(m) if options.cluster and options.focus is None else {}
    frames: dict[str, list[Node]] = {}
    loose: list[Node] = []
    for node in shown.values():
        if node.id in owners:
            frames.setdefault(owners[node.id], []).append(node)
        else:
            loose.append(node)
    groups = _group_frames(m, shown, names)

    def draw(into: Digraph, node: Node) -> None:
        if node.is_group:
            frame = groups[node.id]
            verdict = verdicts.get(node.id)
            _add_group(
                into,
                m,
                node,
                frame,
                names,
                draw_member,
                theme,
                verdict,
                node.id in context,
                overlay.marks.get(node.id, ()),
                options.direction,
            )
        elif node.id not in groups.placed:  # a group's premise is drawn in its frame
            draw_member(into, node)

    def draw_member(into: Digraph, node: Node) -> None:
        _add_node(
            into,
            m,
            node,
            names,
            theme,
            verdicts.get(node.id),
            checks,
            node.id in claims,
            node.id in context,
            overlay.marks.get(node.id, ()),
        )

    for claim_id, members in frames.items():
        with g.subgraph(name=f"cluster_{names.dot[claim_id]}") as frame:
            frame.attr(label="", color=theme.frame, style="rounded,dashed", penwidth="1")
            # Without its own id a frame would repeat the graph's.
            frame.attr(id=f"frame:{names.element[claim_id]}", **{"class": "frame"})
            for node in members:
                draw(frame, node)
    for node in loose:
        draw(g, node)
    # A premise's place in its group is drawn by the frame, not by an edge.
    edges = [lk for lk in links if lk.kind is not LinkKind.LINKED]
    loose_refs = _loose_refs(links, claims)
    _arrange_heads(g, m, shown, edges, names, loose_refs, groups)
    in_frames = {node.id for members in frames.values() for node in members}
    _add_links(g, m, edges, names, theme, evaluation, loose_refs, groups, in_frames)
    _add_ghosts(g, overlay.ghosts, names, theme, groups)
    if options.legend:
        states = [quote_state(node, checks) for node in shown.values()]
        _add_legend(g, theme, evaluation, shown.values(), states, overlay.key)
    elif evaluation is not None:  # no key to carry the caveat: the diagram's label does
        caveat = html_text(f"Scores are {SCORES_CAVEAT}.")
        g.attr("graph", labelloc="b", label=f'<<FONT POINT-SIZE="10">{caveat}</FONT>>')
    source: str = g.source
    return source


@attrs.frozen
class _GroupFrame:
    """How one linked group is drawn: a cluster framing the premises drawn inside it,
    side by side, and the node inside it that its link's edge ends at (clipped at the
    frame by `lhead`): the middle premise, or an invisible point between the middle two.
    """

    cluster: str  # the cluster's DOT name
    inside: tuple[str, ...]  # the premises drawn in this frame, in file order
    outside: tuple[str, ...]  # premises drawn in an earlier group's frame
    anchor: str | None  # the invisible point's DOT name, if there is one
    end: str  # the DOT name the group's edges end at
    conclusion: str | None  # what the group bears on


class _GroupFrames(dict[str, _GroupFrame]):
    """The drawn linked groups by id, and which group's frame holds each premise."""

    def __init__(self) -> None:
        super().__init__()
        self.placed: dict[str, str] = {}  # premise id -> the group whose frame holds it

    def end(self, node_id: str, names: _Names) -> tuple[str, dict[str, str]]:
        """The DOT name an edge to this node ends at, and the attribute that clips an
        edge to a group at its frame."""
        group = self.get(node_id)
        if group is None:
            return names.dot[node_id], {}
        return group.end, {"lhead": group.cluster}


def _group_frames(m: ArgumentMap, shown: Mapping[str, Node], names: _Names) -> _GroupFrames:
    """Each drawn group's frame. Graphviz cannot put a node in two clusters: a premise of
    several groups is drawn in the first group's frame (in file order), and the others
    draw a dotted line from their frame to it."""
    frames = _GroupFrames()
    conclusions = {
        lk.source: lk.target for lk in m.links if lk.kind in (LinkKind.PRO, LinkKind.CON)
    }
    for node in shown.values():
        if not node.is_group:
            continue
        inside: list[str] = []
        outside: list[str] = []
        for link in m.members(node.id):
            premise = link.source
            if premise not in shown or premise in inside or premise in outside:
                continue
            if premise in frames.placed:
                outside.append(premise)
            else:
                frames.placed[premise] = node.id
                inside.append(premise)
        cluster = f"cluster_{names.dot[node.id]}"
        if len(inside) % 2:
            anchor, end = None, names.dot[inside[len(inside) // 2]]
        else:  # upper case: never a map id, as with junctions
            anchor = end = f"A{names.dot[node.id]}"
        frames[node.id] = _GroupFrame(
            cluster, tuple(inside), tuple(outside), anchor, end, conclusions.get(node.id)
        )
    return frames


def _status_classes(verdict: _Verdict | None) -> list[str]:
    """The SVG classes that say a node's or a group's status, as its badge does."""
    if verdict is None:
        return []
    classes = [f"status-{verdict.label}"]
    if verdict.mixed:
        classes.append("mixed")
    if verdict.label == "in" and verdict.unopposed:
        classes.append("unopposed")
    return classes


def _add_group(
    g: Digraph,
    m: ArgumentMap,
    group: Node,
    frame: _GroupFrame,
    names: _Names,
    draw_member: Callable[[Digraph, Node], None],
    theme: Theme,
    verdict: _Verdict | None,
    is_context: bool = False,
    marks: tuple[Mark, ...] = (),
    direction: str = "TB",
) -> None:
    """A linked group: a rounded frame around its premises, side by side in file order,
    labelled `together` (with the group's id, if it was given one, and who argues it);
    with evaluation its badge and tint, as a node's; greyed as context, as a node is."""
    classes = ["group", *_status_classes(verdict)]
    if is_context:
        classes.append("context")
    classes += [_mark_class(mark) for mark in marks]
    words = ["<B>together</B>"]
    if group.explicit_id:
        words.append(html_text(group.id))
    words += [html_text(name) or NBSP for name in _actor_names(m, group)]
    muted = theme.context_text if is_context else theme.muted
    label = f'<FONT POINT-SIZE="10" COLOR="{muted}">{" · ".join(words)}</FONT>'
    badge = _badge_cells(verdict, theme)
    # Tinted as a node is (an unopposed one is not): the colour says what its badge does.
    tinted = verdict is not None and verdict.tint != "unopposed"
    fill = theme.status_fill[verdict.tint] if verdict is not None and tinted else None
    marked = f'<TD ALIGN="LEFT">{_mark_badges(marks)}</TD><TD WIDTH="6"></TD>' if marks else ""
    border = marks[0].colour if marks else (theme.context_text if is_context else theme.group_frame)
    with g.subgraph(name=frame.cluster) as cluster:
        cluster.attr(
            label=(
                '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
                f'{marked}<TD ALIGN="LEFT" VALIGN="BOTTOM">{label}</TD>{badge}</TR></TABLE>>'
            ),
            # At the left: the edge to the group meets the frame in the middle.
            labeljust="l",
            labelloc="t",
            style="rounded,filled" if tinted else "rounded",
            color=border,
            fillcolor=fill or theme.background,
            penwidth="3" if marks else "1.4",
            margin="10",
            tooltip=esc_string(_group_tooltip(m, group, frame, verdict)),
        )
        cluster.attr(id=names.element[group.id], **{"class": " ".join(classes)})
        with cluster.subgraph() as row:
            row.attr(rank="same")
            ends = [names.dot[p] for p in frame.inside]
            if frame.anchor is not None:
                ends.insert(len(ends) // 2, frame.anchor)
                row.node(
                    frame.anchor, label="", shape="point", width="0", height="0", style="invis"
                )
            for premise in frame.inside:
                draw_member(row, m.node(premise))
            if direction in ("LR", "RL"):
                # Sideways, Graphviz lays a cluster's flat edges out bottom to top (and the
                # rest of the graph top to bottom): reversed, the premises read downwards.
                ends.reverse()
            for left, right in zip(ends, ends[1:], strict=False):
                row.edge(left, right, style="invis")


# Rough sizes in inches of a drawn premise and of one rank, to shape the whole.
_NODE_WIDTH = 3.2
_RANK_HEIGHT = 1.4
_ASPECT = 1.6  # width / height aimed at when a map has many claims


def _loose_refs(links: list[Link], claims: set[str]) -> set[str]:
    """The refs drawn without moving anything: those to a claim, or to a node drawn where
    it is written. A ref to a node shown only through refs (in a --focus excerpt) places it.
    """
    written = {lk.source for lk in links if not lk.is_ref}
    return {lk.id for lk in links if lk.is_ref and (lk.source in written or lk.source in claims)}


def _pointed(links: list[Link], groups: Iterable[str]) -> set[str]:
    """The links drawn through a point: those an undercut aims at (a junction), and those
    from a linked group (a gate: an invisible point above the frame). Graphviz leaves
    edges into a cluster out of `ordering=out`; an edge to a gate outside the frame keeps
    the group in its place among its siblings."""
    groups = set(groups)
    undercut = {lk.target for lk in links if lk.kind is LinkKind.UNDERCUT}
    return {lk.id for lk in links if lk.id in undercut or lk.source in groups}


def _rank_spans(m: ArgumentMap, links: list[Link], pointed: set[str]) -> dict[str, int]:
    """For each link, how many ranks its source stands below the node it hangs under
    in `_arrange_heads` (an undercut: the conclusion of the step it attacks).

    The same minimum lengths `_add_links` gives the edges: a link drawn through a
    point (`_pointed`), and its siblings, take two ranks; an undercut hangs one rank
    below the junction of the step it attacks.
    """
    into_node: dict[str, list[Link]] = {}
    onto_link: dict[str, list[Link]] = {}
    for link in links:
        ends = onto_link if link.kind is LinkKind.UNDERCUT else into_node
        ends.setdefault(link.target, []).append(link)

    def junction_depth(link_id: str) -> int:
        depth = 1
        step = m.get_link(link_id)
        while step is not None and step.kind is LinkKind.UNDERCUT:
            depth += 1
            step = m.get_link(step.target)
        return depth

    spans: dict[str, int] = {}
    for link in links:
        ends = onto_link if link.kind is LinkKind.UNDERCUT else into_node
        split = link.id in pointed
        low = not split and any(s.id in pointed for s in ends.get(link.target, []))
        span = 2 if split or low else 1
        if link.kind is LinkKind.UNDERCUT:
            span += junction_depth(link.target)
        spans[link.id] = span
    return spans


def _arrange_heads(
    g: Digraph,
    m: ArgumentMap,
    shown: Mapping[str, Node],
    links: list[Link],
    names: _Names,
    loose_refs: set[str],
    groups: _GroupFrames,
) -> None:
    """Put the nodes nothing is drawn above (the claims) in rows, in file order.

    Each row hangs from an invisible anchor whose edges `ordering=out` keeps in
    order, and its claims share a rank. A map with many claims gets several rows
    (bands), each below the trees of the one before: one invisible edge from the
    lowest node of a row's trees to the next anchor holds the next row below all
    of them (an edge from every leaf would cost the layout a third of its edges).
    """
    children: dict[str, list[tuple[str, int]]] = {}
    constrained: set[str] = set()
    spans = _rank_spans(m, links, _pointed(links, groups))
    for link in links:
        if link.id in loose_refs:
            continue
        parent = link.target
        step: Link | None = link
        while step is not None and step.kind is LinkKind.UNDERCUT:
            # An undercut hangs under the conclusion of the step it attacks.
            step = m.get_link(step.target)
            parent = step.target if step is not None else parent
        # A linked group hangs as its premises, side by side in its frame: a claim among
        # them stands there too, not in the row of claims.
        frame = groups.get(link.source)
        for source in frame.inside if frame is not None else (link.source,):
            children.setdefault(parent, []).append((source, spans[link.id]))
            constrained.add(source)
    heads = [n.id for n in shown.values() if n.id not in constrained and not n.is_group]
    if not heads:
        return
    order = {node_id: index for index, node_id in enumerate(shown)}
    # head, leaf count, depth in links, lowest node, its ranks below the head
    trees: list[tuple[str, int, int, str, int]] = []
    seen: set[str] = set()
    for head in heads:
        leaves = depth = 0
        lowest, bottom = head, 0
        stack = [(head, 0, 0)]
        seen.add(head)
        while stack:
            current, level, rank = stack.pop()
            depth = max(depth, level)
            if rank > bottom or (rank == bottom and order[current] < order[lowest]):
                lowest, bottom = current, rank
            if not children.get(current):
                leaves += 1
            for child, span in children.get(current, []):
                if child not in seen:
                    seen.add(child)
                    stack.append((child, level + 1, rank + span))
        trees.append((head, leaves, depth, lowest, bottom))
    widths = [_NODE_WIDTH * max(1, leaves) for _, leaves, *_ in trees]
    height = _RANK_HEIGHT * (1 + max(depth for _, _, depth, *_ in trees))
    bands = max(1, min(len(trees) // 2, int((sum(widths) / (_ASPECT * height)) ** 0.5)))
    per_band = sum(widths) / bands
    rows: list[list[int]] = [[]]
    filled = 0.0
    for index, width in enumerate(widths):
        if rows[-1] and filled + width / 2 > per_band * len(rows) and len(rows) < bands:
            rows.append([])
        rows[-1].append(index)
        filled += width
    above: str | None = None
    for number, row in enumerate(rows):
        anchor = f"Band{number}"
        g.node(anchor, label="", shape="point", width="0", height="0", style="invis")
        if above is not None:  # weight 0: below the band above, without pulling on it
            g.edge(names.dot[above], anchor, style="invis", weight="0")
        if number:  # the anchors in one straight column, so the bands stack up
            g.edge(f"Band{number - 1}", anchor, style="invis", weight="100")
        for index in row:
            g.edge(anchor, names.dot[trees[index][0]], style="invis")
        with g.subgraph() as same:
            same.attr(rank="same")
            for index in row:
                same.node(names.dot[trees[index][0]])
        deepest = max(row, key=lambda index: (trees[index][4], -order[trees[index][3]]))
        above = trees[deepest][3]


def _node_style(node: Node, theme: Theme, status: str | None, is_claim: bool) -> str:
    """`status`: the verdict's tint key (in, out, undecided, mixed), or None."""
    parts = ["rounded" if is_claim else "", "filled"]
    if node.implicit:
        parts.append("dashed")
    if status is not None and theme.status_style.get(status):
        parts.append(theme.status_style[status])
    return ",".join(p for p in parts if p)


def _add_node(
    g: Digraph,
    m: ArgumentMap,
    node: Node,
    names: _Names,
    theme: Theme,
    verdict: _Verdict | None,
    checks: QuoteChecks | None,
    is_claim: bool,
    is_context: bool,
    marks: tuple[Mark, ...] = (),
) -> None:
    quotes = quote_state(node, checks)
    status = verdict.tint if verdict is not None else None
    if status is not None:
        fill = theme.status_fill.get(status, theme.premise_fill)
    else:
        fill = theme.claim_fill if is_claim else theme.premise_fill
    classes = ["claim" if is_claim else "premise"]
    if node.implicit:
        classes.append("implicit")
    if quotes is not None:
        classes += ["quoted", f"quote-{quotes}"]
    classes += _status_classes(verdict)
    if verdict is not None and verdict.robustness is not None:
        classes.append("robust" if verdict.robustness.robust else "fragile")
    if is_context:
        classes.append("context")
    classes += [_mark_class(mark) for mark in marks]
    lines = _wrapped(node.text, CLAIM_WRAP if is_claim else PREMISE_WRAP)
    attrs_: dict[str, str] = {
        "id": names.element[node.id],
        "class": " ".join(classes),
        "label": _label(m, node, lines, theme, verdict, quotes, is_claim, is_context, marks),
        "style": _node_style(node, theme, status, is_claim),
        "fillcolor": fill,
        "tooltip": esc_string(_tooltip(m, node, verdict, checks, is_claim)),
    }
    if is_claim:
        attrs_["penwidth"] = "2.2"
    if marks:
        attrs_["color"] = marks[0].colour
        attrs_["penwidth"] = "3"
    if is_context:
        attrs_["color"] = theme.context_text
        attrs_["fontcolor"] = theme.context_text
    url = safe_url(node.url) or _quote_url(m, node)
    if url:
        attrs_["URL"] = url_attribute(url)
        attrs_["target"] = "_blank"
    g.node(names.dot[node.id], **attrs_)


def _quote_url(m: ArgumentMap, node: Node) -> str | None:
    for quote in node.quotes:
        source = m.sources.get(quote.source)
        if source is not None and safe_url(source.url):
            return safe_url(source.url)
    return None


def _width_shortfall(lines: list[str], size: float, bold: bool = False) -> float:
    """Points the widest line may lack where a renderer sizes a character by its bytes.

    graphviz-pure measures a non-ASCII character as one space per UTF-8 byte
    (generous for accents and curly quotes, short for dashes and CJK), and bold
    text with the regular font's widths. The label gets that much room to the
    right of the text, so that its box still holds it.
    """
    worst = 0.0
    for line in lines:
        short = 0.04 * len(line) if bold else 0.0
        if not line.isascii():  # an ASCII line lacks only the bold allowance
            for ch in line:
                if ch.isascii():
                    continue
                if unicodedata.east_asian_width(ch) in "WF" or ch in "—…‰―":
                    real = 1.0
                else:
                    real = 0.75 if ch.isupper() else 0.6
                short += max(0.0, real - 0.278 * len(ch.encode("utf-8")))
        worst = max(worst, short)
    return float(math.ceil(worst * size))


def _wrapped(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in clean_text(text).split("\n"):
        lines += _wrap(paragraph, width) or [""]
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1].rstrip(" .,;:") + " …"
    return lines or [""]


def _wrap(paragraph: str, width: int) -> list[str]:
    """`textwrap.wrap(paragraph, width, break_on_hyphens=False)`, line for line.

    Most texts are words with one space between them and no other white space, none
    longer than a line: those are packed here greedily, as textwrap packs them, in a
    third of its time (textwrap was a tenth of drawing a large map). Anything else goes
    to textwrap.
    """
    words = paragraph.split(" ")
    # Equal only when no word is empty or holds any other white space.
    if words != paragraph.split() or max(map(len, words)) > width:
        return textwrap.wrap(paragraph, width, break_on_hyphens=False)
    lines: list[str] = []
    line = words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def _title_lines(title: str) -> list[str]:
    """The title in lines of even length, none longer than TITLE_WRAP: one long line
    would make the picture as wide as the title, and a last word alone looks lost."""
    lines = _wrapped(title, TITLE_WRAP)
    if len(lines) == 1 or len(lines) >= MAX_LINES:
        return lines
    width = math.ceil(len(" ".join(lines)) / len(lines))
    while len(_wrapped(title, width)) > len(lines):
        width += 1
    return _wrapped(title, width)


def _actor_names(m: ArgumentMap, node: Node) -> list[str]:
    return [m.actors[a].name if a in m.actors else a for a in node.by]


def _label(
    m: ArgumentMap,
    node: Node,
    lines: list[str],
    theme: Theme,
    verdict: _Verdict | None,
    quotes: str | None,
    is_claim: bool,
    is_context: bool,
    marks: tuple[Mark, ...] = (),
) -> str:
    body = "<BR/>".join(html_text(line) or NBSP for line in lines)
    if is_claim:
        body = f'<FONT POINT-SIZE="15"><B>{body}</B></FONT>'
    meta_parts = [(name, html_text(name) or NBSP) for name in _actor_names(m, node)]
    if node.implicit:
        meta_parts.append(("reconstructed", "<I>reconstructed</I>"))
    if quotes is not None:
        words = QUOTE_STATE_WORDS[quotes]
        meta_parts.append((words, f"<B>{words}</B>" if quotes == "not-found" else words))
    muted = theme.context_text if is_context else theme.muted
    meta = ""
    if meta_parts:
        meta_lines: list[list[str]] = [[]]
        length = 0
        for raw, marked in meta_parts:
            if meta_lines[-1] and length + 3 + len(raw) > META_WRAP:
                meta_lines.append([])
                length = 0
            meta_lines[-1].append(marked)
            length += len(raw) + 3
        joined = '<BR ALIGN="LEFT"/>'.join(" · ".join(line) for line in meta_lines)
        meta = f'<FONT POINT-SIZE="10" COLOR="{muted}">{joined}</FONT>'
    badge = _badge_cells(verdict, theme)
    rows = []
    span = ' COLSPAN="3"' if badge else ""
    shortfall = _width_shortfall(lines, 15 if is_claim else 12, bold=is_claim)
    if shortfall:  # room to the right of the text, which starts at the left
        body = (
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
            f'<TD ALIGN="LEFT" BALIGN="LEFT">{body}</TD><TD WIDTH="{shortfall:g}"></TD>'
            "</TR></TABLE>"
        )
    if marks:
        rows.append(f'<TR><TD ALIGN="LEFT"{span}>{_mark_badges(marks)}</TD></TR>')
        rows.append(f'<TR><TD HEIGHT="4"{span}></TD></TR>')
    rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{span}>{body}</TD></TR>')
    if meta or badge:
        rows.append(f'<TR><TD HEIGHT="5"{span}></TD></TR>')
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" VALIGN="BOTTOM">{meta}</TD>{badge}</TR>')
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        + "".join(rows)
        + "</TABLE>>"
    )


def _badge_cells(verdict: _Verdict | None, theme: Theme) -> str:
    """The cells of a label's row that hold the badge, at its right ("" without one)."""
    if verdict is None:
        return ""
    return _badge_html(
        verdict.badge,
        theme.status_badge.get(verdict.tint, theme.muted),
        theme.badge_text.get(verdict.tint, "white"),
    )


@functools.lru_cache(maxsize=4096)
def _badge_html(words: str, background: str, colour: str) -> str:
    """A badge's cells: most nodes of a large map share a few dozen badges."""
    return (
        '<TD WIDTH="8"></TD><TD ALIGN="RIGHT" VALIGN="BOTTOM">'
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f'<TD FIXEDSIZE="TRUE" WIDTH="{_badge_width(words)}" HEIGHT="15" '
        f'BGCOLOR="{background}">'
        f'<FONT POINT-SIZE="10" COLOR="{colour}">{words}</FONT>'
        "</TD></TR></TABLE></TD>"
    )


# Helvetica's advance widths (thousandths of an em) for the characters a badge can hold.
_HELVETICA = {
    **dict.fromkeys("0123456789aenpdu", 556),
    "c": 500,
    "t": 278,
    "r": 333,
    "i": 222,
    "j": 222,
    " ": 278,
    ".": 278,
}


def _badge_width(words: str) -> int:
    """Points for a badge at 10 pt: Helvetica's widths, a fifth more for wider stand-ins."""
    ems = sum(_HELVETICA.get(ch, 600) for ch in words) / 1000
    return round(ems * 10 * 1.2) + 8


def _tooltip(
    m: ArgumentMap, node: Node, verdict: _Verdict | None, checks: QuoteChecks | None, is_claim: bool
) -> str:
    kind = "Claim" if is_claim else ("Reconstructed premise" if node.implicit else "Premise")
    out = [f"{kind} {node.id}", node.text]
    for actor_id in node.by:
        actor = m.actors.get(actor_id)
        if actor is None:
            out.append(f"By {actor_id}")
        else:
            out.append(f"By {actor.name}" + (f", {actor.role}" if actor.role else ""))
    for quote in node.quotes:
        source = m.sources.get(quote.source)
        where = source.title if source is not None else quote.source
        if quote.locator:
            where += f", {quote.locator}"
        line = f"“{quote.text}” ({where})"
        if quote.speaker:
            speaker = m.actors.get(quote.speaker)
            line += f", said by {speaker.name if speaker else quote.speaker}"
        out.append(f"{line} — {_quote_verdict(quote, checks)}")
    if node.note:
        out.append(f"Note: {node.note}")
    if verdict is not None:
        out += verdict.tooltip()
    return "\n".join(out)


def _group_tooltip(
    m: ArgumentMap, group: Node, frame: _GroupFrame, verdict: _Verdict | None
) -> str:
    parent = frame.conclusion
    bears = f"bear on {parent} only together" if parent else "bear only together"
    out = [f"Linked group {group.id}: its premises {bears}"]
    out += [f"+ {m.node(p).text}" for p in frame.inside]
    out += [f"+ {m.node(p).text} (drawn in another group's frame)" for p in frame.outside]
    for actor_id in group.by:
        actor = m.actors.get(actor_id)
        out.append(f"By {actor.name}" if actor is not None else f"By {actor_id}")
    if group.tags:
        out.append("Tags: " + ", ".join(group.tags))
    if group.note:
        out.append(f"Note: {group.note}")
    if verdict is not None:
        cap = f", at most its weight {group.weight:g}" if group.weight is not None else ""
        out.append(
            f"It stands while every premise stands; its strength is its weakest premise's{cap}."
        )
        out += verdict.tooltip()
    return "\n".join(out)


def _add_links(
    g: Digraph,
    m: ArgumentMap,
    links: list[Link],
    names: _Names,
    theme: Theme,
    evaluation: Evaluation | None,
    loose_refs: set[str],
    groups: _GroupFrames,
    in_frames: Collection[str],
) -> None:
    """Edges drawn from conclusion to premise with the arrowhead at the conclusion.

    Drawing them that way round puts conclusions above premises, and with
    `ordering=out` keeps each conclusion's premises in the order they are written.
    A linked group's edge ends at its frame (`lhead`), from a node inside it.
    `in_frames`: the nodes drawn in a claim's frame (--cluster).
    """
    # Kept apart: a premise without an id has its link's id as its node id, so
    # one string can name both the premise (for its own pro and con) and the
    # link (for undercuts of the step it supports).
    into_node: dict[str, list[Link]] = {}
    onto_link: dict[str, list[Link]] = {}
    for link in links:
        ends = onto_link if link.kind is LinkKind.UNDERCUT else into_node
        ends.setdefault(link.target, []).append(link)

    pointed = _pointed(links, groups)
    # Conclusions (and undercut steps) with at least one premise whose link is drawn
    # through a point: found once, not by rescanning the siblings of each link (quadratic).
    split_under = {
        id(ends): {t for t, ls in ends.items() if any(s.id in pointed for s in ls)}
        for ends in (into_node, onto_link)
    }

    def end_name(link: Link) -> str:
        return _junction(link.target) if link.kind is LinkKind.UNDERCUT else names.dot[link.target]

    def emit(end: str, link: Link) -> None:
        colour, arrow, style = _link_look(link.kind, theme)
        split = link.id in pointed
        # Siblings of a link drawn through a point go one rank further down, so
        # that all premises of a conclusion stay in one row.
        ends = onto_link if link.kind is LinkKind.UNDERCUT else into_node
        low = not split and link.target in split_under[id(ends)]
        edge_attrs = {
            "id": _link_element(link.id),
            "class": f"link {link.kind.value}",
            "dir": "back",
            "arrowtail": arrow,
            "color": colour,
            "style": style,
            "tooltip": esc_string(_link_tooltip(m, link, evaluation)),
        }
        if style == "bold":
            edge_attrs["penwidth"] = BOLD_WIDTH
        if low:
            edge_attrs["minlen"] = "2"
        # A ref through a junction to a premise in a group's frame: the junction hangs
        # under the conclusion and its line to the premise moves nothing. Pulled from
        # outside, the premise would trade places in its frame: dot's last pass of
        # crossing reduction (remincross) does not hold the flat edges inside a cluster.
        framed_ref = split and link.id in loose_refs and link.source in groups.placed
        if link.id in loose_refs and not framed_ref:
            # A node stays where it is written; a ref only draws a line to it.
            edge_attrs["constraint"] = "false"
        source, clip = groups.end(link.source, names)
        if not split:
            g.edge(end, source, **edge_attrs, **clip)
            return
        junction = _junction(link.id)
        element = _link_element(link.id).removeprefix("link:")
        if link.id in onto_link:
            g.node(
                junction,
                id=f"junction:{element}",
                **{"class": "junction"},
                shape="point",
                width="0.08",
                color=colour,
                fillcolor=colour,
                style="filled",
                tooltip=esc_string(f"The inference of {link.id}, which an undercut attacks"),
            )
        else:  # a linked group's gate: the line runs through it unbroken
            g.node(
                junction,
                id=f"gate:{element}",
                **{"class": "gate"},
                label="",
                shape="point",
                width="0",
                height="0",
                style="invis",
            )
        g.edge(end, junction, **edge_attrs)

        def link_part() -> None:
            g.edge(
                junction,
                source,
                # the junction sits right above the premise (a framed ref's: see above)
                **({"constraint": "false"} if framed_ref else {"weight": "4"}),
                id=f"{_link_element(link.id)}:source",
                **{"class": f"link-part {link.kind.value}"},
                dir="none",
                color=colour,
                style=style,
                **clip,
            )

        # The junction's edges in the order their far ends are written (`ordering=out`
        # applies to them too): an undercut written under the premise comes after it,
        # one that refs a node written earlier comes before, as that node stands.
        below = [(link.source, link_part)] + [
            (u.source, lambda u=u: emit(junction, u)) for u in onto_link.get(link.id, [])
        ]
        for _, draw in sorted(below, key=lambda item: _written_at(m, item[0])):
            draw()

    for link in links:
        if link.kind is not LinkKind.UNDERCUT:
            emit(end_name(link), link)
    clustered = set(groups.placed).union(in_frames)
    _hold_rows(g, into_node, split_under[id(into_node)], names, loose_refs, groups, clustered)
    for group_id, frame in groups.items():
        for member in m.members(group_id):
            premise = member.source
            if premise not in frame.outside:
                continue
            # Drawn in another group's frame: a dotted line from this frame to it.
            g.edge(
                frame.end,
                names.dot[premise],
                ltail=frame.cluster,
                dir="none",
                style="dotted",
                color=theme.group_frame,
                constraint="false",
                id=_link_element(member.id),
                **{"class": "link linked"},
                tooltip=esc_string(f"{premise} is also a premise of the linked group {group_id}"),
            )


def _hold_rows(
    g: Digraph,
    into_node: Mapping[str, list[Link]],
    split: set[str],
    names: _Names,
    loose_refs: set[str],
    groups: _GroupFrames,
    clustered: set[str],
) -> None:
    """Hold in file order, by invisible edges on their rank, the premises of each
    conclusion in `split`: those two ranks down, because a sibling's link runs through
    a point.

    `ordering=out` orders only the rank just below a conclusion, where these edges
    have only Graphviz's virtual points, and once the graph has a cluster (a linked
    group's frame) dot stops keeping even those in order (in secure-communities, the
    row of union-opposes-policy). A group, and a premise drawn in a cluster
    (`clustered`: a group's frame, or with --cluster its claim's), cannot take part:
    dot does not hold a flat edge into a cluster, nor, in its last pass of crossing
    reduction, the flat edges inside one."""
    held: set[str] = set()
    for target, siblings in into_node.items():
        if target not in split:
            continue
        row = [
            lk.source
            for lk in siblings
            if lk.id not in loose_refs
            and lk.source not in groups
            and lk.source not in clustered
            and lk.source not in held
        ]
        if len(row) < 2:
            continue
        held.update(row)  # in one row only: two would put their ranks together
        with g.subgraph() as same:
            same.attr(rank="same")
            for left, right in zip(row, row[1:], strict=False):
                same.edge(names.dot[left], names.dot[right], style="invis")


def _written_at(m: ArgumentMap, node_id: str) -> tuple[int, int]:
    node = m.get_node(node_id)
    return (node.position.line, node.position.column) if node is not None else (0, 0)


def _link_look(kind: LinkKind, theme: Theme) -> tuple[str, str, str]:
    if kind is LinkKind.PRO:
        return theme.pro, "normal", "solid"
    if kind is LinkKind.CON:
        return theme.con, "tee", theme.con_style
    if kind is LinkKind.LINKED:  # a removed group premise's ghost (argmap diff)
        return theme.group_frame, "none", "dotted"
    return theme.undercut, "tee", "dashed"


_LINK_VERBS = {
    LinkKind.PRO: "supports",
    LinkKind.CON: "opposes",
    LinkKind.UNDERCUT: "undercuts",
    LinkKind.LINKED: "is a premise of",
}


def _link_tooltip(m: ArgumentMap, link: Link, evaluation: Evaluation | None) -> str:
    if link.kind is LinkKind.UNDERCUT:
        attacked = m.get_link(link.target)
        target = (
            f"the step from {attacked.source} to {attacked.target}" if attacked else link.target
        )
    else:
        target = link.target
    out = [f"{link.source} {_LINK_VERBS[link.kind]} {target}"]
    if link.note:
        out.append(f"Note: {link.note}")
    if evaluation is not None and link.id in evaluation.links:
        out.append(f"Argument strength {evaluation.links[link.id].strength:.2f}")
    return "\n".join(out)


def _mark_class(mark: Mark) -> str:
    return "mark-" + (mark.kind or "-".join(mark.word.split()))


def _mark_badges(marks: Iterable[Mark]) -> str:
    """The marks as a row of small badges: each word in white on its colour."""
    cells = '<TD WIDTH="4"></TD>'.join(
        f'<TD BGCOLOR="{mark.colour}"><FONT POINT-SIZE="10" COLOR="white">'
        f" {html_text(mark.word)} </FONT></TD>"
        for mark in marks
    )
    return (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"><TR>{cells}</TR></TABLE>'
    )


def _add_ghosts(
    g: Digraph,
    ghosts: Iterable[Ghost],
    names: _Names,
    theme: Theme,
    groups: _GroupFrames | None = None,
) -> None:
    """Each ghost faded and dashed, with its mark, joined to its parent as it was (a
    node of the map, a linked group's frame, or `ghost:<id>`, another ghost)."""
    groups = groups if groups is not None else _GroupFrames()
    ghosts = tuple(ghosts)
    # Upper case: never a map id.
    ghost_names = {f"ghost:{ghost.id}": f"G{i}" for i, ghost in enumerate(ghosts, start=1)}
    for index, ghost in enumerate(ghosts, start=1):
        name = f"G{index}"
        lines = _wrapped(ghost.text, PREMISE_WRAP)
        body = "<BR/>".join(html_text(line) or NBSP for line in lines)
        g.node(
            name,
            id=f"ghost:{index}",
            label=(
                '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
                f'<TR><TD ALIGN="LEFT">{_mark_badges([ghost.mark])}</TD></TR>'
                '<TR><TD HEIGHT="4"></TD></TR>'
                f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{body}</TD></TR></TABLE>>'
            ),
            style="filled,dashed",
            fillcolor=theme.background,
            color=ghost.mark.colour,
            fontcolor=theme.muted,
            tooltip=esc_string(f"{ghost.id} ({ghost.mark.word}): {ghost.text}"),
            **{"class": f"ghost {_mark_class(ghost.mark)}"},
        )
        parent = None if ghost.parent is None else names.dot.get(ghost.parent)
        parent = parent or ghost_names.get(ghost.parent or "")
        clip: dict[str, str] = {}
        frame = groups.get(ghost.parent or "")
        if frame is not None:  # a removed premise of a group: from its frame
            parent, clip = frame.end, {"ltail": frame.cluster}
        if parent is not None:
            _, arrow, _ = _link_look(ghost.kind, theme)
            g.edge(
                parent,
                name,
                dir="back",
                arrowtail=arrow,
                color=ghost.mark.colour,
                style="dashed",
                id=f"ghost-link:{index}",
                **{"class": f"ghost-link {ghost.kind.value}"},
                **clip,
            )


_QUOTE_ORDER = ["verified", "unchecked", "not-found"]


def _legend_lines(words: str, width: int = 26) -> str:
    return "<BR/>".join(html_text(line) for line in textwrap.wrap(words, width))


def _add_legend(
    g: Digraph,
    theme: Theme,
    evaluation: Evaluation | None,
    nodes: Iterable[Node],
    quote_states: Iterable[str | None] = (),
    marks: Iterable[Mark] = (),
) -> None:
    """Rows of samples: node kinds; link kinds; the quote states drawn; with evaluation,
    the status words with what they mean, the semantics and the scores' caveat; the
    marks an overlay draws."""
    marks = tuple(marks)
    any_implicit = any(n.implicit for n in nodes)
    # Not a cluster: Graphviz lets a cluster disturb the file order of premises
    # in the map beside it, and a separate component leaves the map alone.
    with g.subgraph(name="legend") as key:
        key.attr("node", fontsize="10", margin="0.08,0.04")
        key.node(
            "Lkey",
            label="<<B>Key</B>>",
            shape="plaintext",
            fontsize="12",
            id="argmap:legend",
            **{"class": "legend"},
        )
        rows: list[list[str]] = [["Lkey"]]  # level with the root above the claims

        samples = [("Lclaim", "Claim", True, False), ("Lpremise", "Premise", False, False)]
        if any_implicit:
            samples.append(("Limplicit", "Reconstructed premise", False, True))
        for name, text, is_claim, implicit in samples:
            style = "rounded,filled" if is_claim else ("filled,dashed" if implicit else "filled")
            key.node(
                name,
                label=f"<<B>{text}</B>>" if is_claim else text,
                style=style,
                # With evaluation a node's fill is its status's tint, not its kind's.
                fillcolor=theme.claim_fill
                if is_claim and evaluation is None
                else theme.premise_fill,
                penwidth="2.2" if is_claim else "1",
                **{"class": "legend"},
            )
        sample_row = [name for name, *_ in samples]
        if any(n.is_group for n in nodes):
            # A small frame like a linked group's, around two small premises.
            key.node(
                "Lgroup",
                label=(
                    '<<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="4" CELLPADDING="3">'
                    '<TR><TD BORDER="0" COLSPAN="2" ALIGN="LEFT">'
                    f'<FONT POINT-SIZE="9" COLOR="{theme.muted}"><B>together</B></FONT></TD></TR>'
                    f'<TR><TD COLOR="{theme.border}">premise</TD>'
                    f'<TD COLOR="{theme.border}">premise</TD></TR>'
                    '<TR><TD BORDER="0" COLSPAN="2"><FONT POINT-SIZE="9">linked premises: they'
                    "<BR/>bear on it only together</FONT></TD></TR></TABLE>>"
                ),
                style="rounded,filled",
                fillcolor=theme.background,
                color=theme.group_frame,
                penwidth="1.4",
                margin="0.02,0.02",
                **{"class": "legend group"},
            )
            sample_row.append("Lgroup")
        rows.append(sample_row)

        kinds = [
            (LinkKind.PRO, "supports"),
            (LinkKind.CON, "opposes"),
            (LinkKind.UNDERCUT, "undercuts: disputes that\\na reason bears on it"),
        ]
        for index, (kind, words) in enumerate(kinds):
            colour, arrow, style = _link_look(kind, theme)
            key.node(f"Lend{index}", label="", shape="point", width="0.02", style="invis")
            key.node(f"Lword{index}", label=words, shape="plaintext", fontcolor=theme.text)
            key.edge(
                f"Lend{index}",
                f"Lword{index}",
                dir="back",
                arrowtail=arrow,
                color=colour,
                style=style,
                penwidth=BOLD_WIDTH if style == "bold" else "1.4",
                **{"class": f"legend {kind.value}"},
            )
        rows.append([f"Lend{i}" for i in range(len(kinds))])
        rows.append([f"Lword{i}" for i in range(len(kinds))])

        quoted = sorted({q for q in (quote_states or ()) if q is not None}, key=_QUOTE_ORDER.index)
        if quoted:
            names_ = [f"Lquote{k}" for k in range(len(quoted))]
            for name, state in zip(names_, quoted, strict=True):
                words = QUOTE_STATE_WORDS[state]
                shown_words = f"<B>{words}</B>" if state == "not-found" else html_text(words)
                key.node(
                    name,
                    label=f"<{shown_words}: {html_text(QUOTE_STATE_MEANING[state])}>",
                    shape="plaintext",
                    fontcolor=theme.muted,
                    **{"class": f"legend quote-{state}"},
                )
            rows.append(names_)

        if evaluation is not None:
            samples_ = [
                ("in", STATUS_WORD["in"] + " 0.80", STATUS_MEANING["in"]),
                ("out", STATUS_WORD["out"] + " 0.20", STATUS_MEANING["out"]),
                ("undecided", STATUS_WORD["undecided"] + " 0.50", STATUS_MEANING["undecided"]),
                ("unopposed", UNOPPOSED_WORD + " 0.50", UNOPPOSED_MEANING),
                ("mixed", "0.72 · falls, 1 unanswered", "strength and status disagree: why"),
            ]
            row = []
            for k, (tint, words, meaning) in enumerate(samples_):
                extra = theme.status_style.get(tint, "")
                name = f"Lstatus{k}"
                key.node(
                    name,
                    label=(
                        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"><TR>'
                        f'<TD BGCOLOR="{theme.status_badge[tint]}"><FONT COLOR='
                        f'"{theme.badge_text[tint]}"> {html_text(words)} </FONT></TD></TR>'
                        f'<TR><TD><FONT POINT-SIZE="9">{_legend_lines(meaning)}</FONT></TD></TR>'
                        "</TABLE>>"
                    ),
                    style="filled" + (f",{extra}" if extra else ""),
                    fillcolor=theme.status_fill[tint],
                    **{"class": f"legend status-{tint}"},
                )
                row.append(name)
            rows.append(row)
            semantics = SEMANTICS_NAMES.get(evaluation.semantics, evaluation.semantics)
            support = _SUPPORT_WORDS.get(
                evaluation.support, f"support read as {evaluation.support}"
            )
            caveat = _legend_lines(f"Scores are {SCORES_CAVEAT}.", 70)
            fragile = _legend_lines(f"fragile (on a claim): it {ROBUST_MEANING[False]}.", 70)
            key.node(
                "Lsemantics",
                label=(
                    f"<Strength from 0 to 1 under {html_text(semantics)};<BR/>"
                    f"status: grounded, {html_text(support)}<BR/>{fragile}<BR/>"
                    f"<B>{caveat}</B>>"
                ),
                shape="plaintext",
                fontcolor=theme.muted,
                **{"class": "legend caveat"},
            )
            rows.append(["Lsemantics"])

        marked = [f"Lmark{i}" for i, _ in enumerate(marks)]
        for name, mark in zip(marked, marks, strict=False):
            key.node(
                name,
                label=f"<{_mark_badges([mark])}>",
                shape="box",
                color=mark.colour,
                penwidth="3",
                **{"class": f"legend {_mark_class(mark)}"},
            )
        if marked:
            rows.append(marked)

        for row in rows:
            with key.subgraph() as same:
                same.attr(rank="same")
                for left, right in zip(row, row[1:], strict=False):
                    same.edge(left, right, style="invis")
        for upper, lower in zip(rows, rows[1:], strict=False):
            if lower[0].startswith("Lword"):
                continue  # the sample edges already join these rows
            key.edge(upper[0], lower[0], style="invis")


_SUPPORT_WORDS = {
    "attacks-only": "from attacks only",
    "deductive": "supports read as deductive",
    "necessary": "supports read as necessary",
    "cayrol2005": "supports adding indirect attacks (Cayrol 2005)",
}
