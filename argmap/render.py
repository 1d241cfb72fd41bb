"""Drawing a map as a Graphviz diagram, and running the renderer that lays it out.

`render_dot` is pure: the same map, evaluation and options give byte-identical
DOT text, so a diff of two DOT files is a diff of two diagrams. `render_image`
hands DOT to the renderer found by `argmap.renderer` and returns the bytes.

Visual grammar (the README's legend shows it):
- top-level claims: rounded, bold, larger text, a heavier border; premises:
  plain boxes; implicit (reconstructed) premises: dashed border;
- under the text, a small line: who argues it, `“quoted”` when the node
  carries a quote, and with evaluation a badge `accepted 0.62`;
- supports: an arrow (green in colour themes); oppositions: a tee (red);
  undercuts: dashed tees aimed at a small junction point on the link they
  attack;
- claims at the top (with `TB`), premises below in file order, left to right.

Everything taken from the map is escaped here, for Graphviz's HTML-like
labels and its escStrings; only http(s) links become `URL`s. The SVG that a
renderer writes from this DOT holds no script, no event handler and no
`javascript:` link, whatever the map says.

Element ids in the SVG: a node's `<g>` has the node's id; a link's edge has
`link:<link id>`; junction points `junction:<link id>`; with `--cluster`, each
claim's frame `frame:<claim id>`; the whole `argmap:diagram`, the legend
`argmap:legend` (map ids hold no colon, so none of these can be a node's).
"""

from __future__ import annotations

import difflib
import math
import re
import signal
import subprocess
import textwrap
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, TypeVar

import attrs
import graphviz

from argmap.errors import EvaluationError, RenderError
from argmap.evaluate import Evaluation, Score
from argmap.model import ArgumentMap, Link, LinkKind, Node

if TYPE_CHECKING:
    from argmap.renderer import Renderer

FORMATS = ("svg", "png", "pdf", "dot")
DIRECTIONS = ("TB", "LR", "BT", "RL")
DEFAULT_TIMEOUT = 120.0  # seconds: dot lays out a few thousand nodes well within this
PNG_DPI = 144  # twice Graphviz's default, so a PNG stays sharp on a screen
BOLD_WIDTH = "2.8"  # oppositions in the print theme: heavier than supports

CLAIM_WRAP = 30  # characters per line
PREMISE_WRAP = 36
TITLE_WRAP = 60
META_WRAP = 44  # the small line under the text, at 10 pt
MAX_LINES = 10  # a longer text is cut, with "…"; the tooltip keeps all of it
NBSP = "&#160;"  # Graphviz refuses an empty <B></B> or <FONT></FONT>
SAFE_ID = re.compile(r"[a-z0-9][a-z0-9._-]*\Z")
# No white space, quote, angle bracket, backslash, control or bidi character.
SAFE_URL = re.compile(
    r"https?://[^\s<>\"'\\\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]+\Z", re.IGNORECASE
)

SEMANTICS_NAMES = {"dfquad": "DF-QuAD", "qe": "quadratic energy", "euler": "Euler-based"}


# ---------------------------------------------------------------------------
# Themes and options


@attrs.frozen
class Theme:
    name: str
    background: str
    text: str
    muted: str  # the small line under a node's text
    border: str
    claim_fill: str
    premise_fill: str
    pro: str
    con: str
    undercut: str
    con_style: str  # "solid", or "bold" where colour alone must not carry the difference
    status_fill: Mapping[str, str]
    status_badge: Mapping[str, str]  # badge background per status
    badge_text: Mapping[str, str]
    status_style: Mapping[str, str]  # extra node style per status ("diagonals" in print)
    context_text: str  # nodes shown only to give context (--focus)
    frame: str  # cluster borders


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light",
        background="white",
        text="#1a1a1a",
        muted="#5f6368",
        border="#3c4043",
        claim_fill="#e8f0fe",
        premise_fill="white",
        pro="#2e7d32",
        con="#c62828",
        undercut="#c62828",
        con_style="solid",
        status_fill={"accepted": "#e6f4ea", "rejected": "#fce8e6", "undecided": "#f1f3f4"},
        status_badge={"accepted": "#2e7d32", "rejected": "#c62828", "undecided": "#5f6368"},
        badge_text={"accepted": "white", "rejected": "white", "undecided": "white"},
        status_style={},
        context_text="#80868b",
        frame="#bdc1c6",
    ),
    "dark": Theme(
        name="dark",
        background="#1e1f22",
        text="#e8eaed",
        muted="#a8adb3",
        border="#9aa0a6",
        claim_fill="#263449",
        premise_fill="#2b2d31",
        pro="#81c995",
        con="#f28b82",
        undercut="#f28b82",
        con_style="solid",
        status_fill={"accepted": "#1f3a27", "rejected": "#4a2523", "undecided": "#2f3136"},
        status_badge={"accepted": "#81c995", "rejected": "#f28b82", "undecided": "#9aa0a6"},
        badge_text={"accepted": "#1e1f22", "rejected": "#1e1f22", "undecided": "#1e1f22"},
        status_style={},
        context_text="#7d8187",
        frame="#5f6368",
    ),
    # Greyscale: the arrowheads (arrow, tee), the line styles (thin, bold,
    # dashed) and the node patterns carry every difference colour carries.
    "print": Theme(
        name="print",
        background="white",
        text="black",
        muted="#404040",
        border="black",
        claim_fill="#f0f0f0",
        premise_fill="white",
        pro="black",
        con="black",
        undercut="black",
        con_style="bold",
        status_fill={"accepted": "white", "rejected": "#e0e0e0", "undecided": "#f4f4f4"},
        status_badge={"accepted": "black", "rejected": "#6b6b6b", "undecided": "white"},
        badge_text={"accepted": "white", "rejected": "white", "undecided": "black"},
        status_style={"rejected": "diagonals"},
        context_text="#707070",
        frame="#909090",
    ),
}


@attrs.frozen
class RenderOptions:
    """How to draw a map. The defaults draw the whole map, top to bottom, with a legend."""

    direction: str = attrs.field(default="TB", validator=attrs.validators.in_(DIRECTIONS))
    theme: str = attrs.field(default="light", validator=attrs.validators.in_(tuple(THEMES)))
    legend: bool = True
    cluster: bool = False  # a frame around each claim and the premises written under it
    focus: str | None = None  # draw only this node, what bears on it, and its context
    depth: int | None = None  # how many links down from the focus (or the claims); None: all
    title: bool = True


# ---------------------------------------------------------------------------
# Escaping: everything that comes from the map passes through these


_DROP_CATEGORIES = {"Cc", "Cs", "Co", "Cn"}  # controls, surrogates, private use, unassigned
# Every other way of ending a line: Graphviz would break the line at some of
# them without making the box taller, so the text would spill out of it.
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Bidi embeddings, overrides and isolates reorder what a reader sees (a label
# could show words in another order than the map has them); the bidi algorithm
# lays out right-to-left text correctly without them.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def clean_text(value: str) -> str:
    """Text safe to put in XML and to show: control, unassigned and bidi override
    characters dropped, tabs made spaces, every line separator a newline.

    Newlines are kept (callers turn them into line breaks).
    """
    if value.replace("\n", "").isprintable():  # no control, format, private or unassigned
        return value
    value = _LINE_BREAKS.sub("\n", value).replace("\t", " ").translate(_BIDI_CONTROLS)
    return "".join(
        ch for ch in value if ch == "\n" or unicodedata.category(ch) not in _DROP_CATEGORIES
    )


def html_text(value: str) -> str:
    """Text for a Graphviz HTML-like label: cleaned, and every markup character an entity."""
    out = clean_text(value).replace("\n", " ")
    return (
        out.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#39;")
        .replace("\\", "\\\\")  # Graphviz expands \N, \G, \l in label text too
    )


def esc_string(value: str) -> str:
    """Text for a Graphviz escString attribute (tooltip): literal, newlines kept as breaks.

    Graphviz expands escapes in a tooltip twice (`\\N` becomes the node's name,
    `\\l` a line break), so each backslash is written as four; it also keeps
    what looks like an XML entity, so `&` is written as one.
    """
    lines = clean_text(value).replace("&", "&amp;").split("\n")
    return graphviz.nohtml("\\n".join(line.replace("\\", "\\" * 4) for line in lines))


def url_attribute(url: str) -> str:
    """A checked http(s) link as a DOT attribute: `&` written as an entity.

    Some Graphviz versions copy a URL into the SVG without escaping `&`, which
    would leave the SVG unreadable to an XML parser; all of them keep an entity.
    """
    return graphviz.nohtml(url.replace("&", "&amp;"))


def safe_url(url: str | None) -> str | None:
    """The link if it is a plain http(s) address, else None (never `javascript:` and the like)."""
    if url is None:
        return None
    url = url.strip()
    return url if SAFE_URL.match(url) else None


# ---------------------------------------------------------------------------
# What to draw


def descendants(m: ArgumentMap, roots: Iterable[str], depth: int | None) -> dict[str, int]:
    """Each node within `depth` links below the roots (what bears on them), with its distance.

    An undercutter counts as one link below the conclusion of the link it attacks, like
    the premise of that link.
    """
    seen: dict[str, int] = {}
    frontier = [r for r in roots if m.get_node(r) is not None]
    for r in frontier:
        seen.setdefault(r, 0)
    level = 0
    while frontier and (depth is None or level < depth):
        level += 1
        nxt: list[str] = []
        for node_id in frontier:
            for link in m.incoming(node_id):
                if link.kind is LinkKind.UNDERCUT:
                    continue
                for source in _sources_on(m, link):
                    if source not in seen:
                        seen[source] = level
                        nxt.append(source)
        frontier = nxt
    return seen


def _sources_on(m: ArgumentMap, link: Link) -> Iterator[str]:
    """The link's source and the sources of every undercut aimed at it (and at those)."""
    yield link.source
    for undercut in m.undercutters(link.id):
        yield from _sources_on(m, undercut)


def context_of(m: ArgumentMap, node_id: str) -> list[str]:
    """What a node bears on, up to the top-level claims: what a reader needs to place it."""
    found: list[str] = []
    seen = {node_id}
    frontier = [node_id]
    while frontier:
        nxt: list[str] = []
        for current in frontier:
            for link in m.links:
                if link.source != current:
                    continue
                for target in _ends_of_target(m, link):
                    if target not in seen:
                        seen.add(target)
                        found.append(target)
                        nxt.append(target)
        frontier = nxt
    return found


def _ends_of_target(m: ArgumentMap, link: Link) -> list[str]:
    if link.kind is not LinkKind.UNDERCUT:
        return [link.target]
    attacked = m.get_link(link.target)
    if attacked is None:
        return []
    return [*_ends_of_target(m, attacked), attacked.source]


T = TypeVar("T", Node, Link)


def _file_order(items: Iterable[T]) -> list[T]:
    """Nodes or links in the order they are written (the loader lists pro before con)."""
    return sorted(items, key=lambda item: (item.position.line, item.position.column))


def _visible(m: ArgumentMap, options: RenderOptions) -> tuple[dict[str, Node], set[str]]:
    """The nodes to draw (in file order) and, of those, the ones drawn only as context."""
    if options.focus is None:
        if options.depth is None:
            return {n.id: n for n in _file_order(m.unique_nodes())}, set()
        keep = descendants(m, m.claims, options.depth)
        return {n.id: n for n in _file_order(m.unique_nodes()) if n.id in keep}, set()
    if m.get_node(options.focus) is None:
        close = difflib.get_close_matches(options.focus, m.node_ids, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise RenderError("E406", f"--focus names no node in this map: {options.focus!r}{hint}")
    keep = descendants(m, [options.focus], options.depth)
    if options.depth is None or options.depth > 0:
        # An undercut of the focus's own link disputes that the focus bears on
        # its parent: one link below the focus, like its own premises.
        below = None if options.depth is None else options.depth - 1
        attackers = [
            source
            for link in m.links
            if link.source == options.focus
            for source in list(_sources_on(m, link))[1:]
        ]
        for node_id, distance in descendants(m, attackers, below).items():
            keep.setdefault(node_id, distance + 1)
    context = {c for c in context_of(m, options.focus) if c not in keep}
    shown = (n for n in _file_order(m.unique_nodes()) if n.id in keep or n.id in context)
    return {n.id: n for n in shown}, context


def _drawn_links(m: ArgumentMap, shown: Mapping[str, Node]) -> list[Link]:
    """Links whose both ends are drawn, in file order (an undercut needs its link drawn)."""
    drawn: dict[str, Link] = {}
    for link in _file_order(m.links):  # an undercut comes after the link it attacks
        if link.source not in shown:
            continue
        if link.kind is LinkKind.UNDERCUT:
            if link.target in drawn:
                drawn[link.id] = link
        elif link.target in shown:
            drawn[link.id] = link
    return list(drawn.values())


def _owners(m: ArgumentMap) -> dict[str, str]:
    """For clusters: each node's claim, the one it is written under (refs don't move it)."""
    owner: dict[str, str] = {}
    for claim in m.claims:
        if m.get_node(claim) is None or claim in owner:
            continue
        owner[claim] = claim
        stack = [claim]
        while stack:
            current = stack.pop()
            for link in m.incoming(current):
                if link.kind is LinkKind.UNDERCUT or link.is_ref:
                    continue
                for defined in _defined_sources(m, link):
                    if defined not in owner:
                        owner[defined] = claim
                        stack.append(defined)
    return owner


def _defined_sources(m: ArgumentMap, link: Link) -> Iterator[str]:
    if not link.is_ref:
        yield link.source
    for undercut in m.undercutters(link.id):
        yield from _defined_sources(m, undercut)


# ---------------------------------------------------------------------------
# DOT


class _Names:
    """DOT names and SVG element ids for nodes: the map's id when it is a plain id."""

    def __init__(self, nodes: Iterable[Node]) -> None:
        self.dot: dict[str, str] = {}
        self.element: dict[str, str] = {}
        for index, node in enumerate(nodes, start=1):
            plain = bool(SAFE_ID.match(node.id))
            self.dot[node.id] = node.id if plain else f"N{index}"
            self.element[node.id] = node.id if plain else f"node:{index}"


def _junction(link_id: str) -> str:
    # Upper case never occurs in a map id, so these names cannot collide with a node's.
    return f"J{link_id}" if SAFE_ID.match(link_id) else f"J{zlib.crc32(link_id.encode())}"


def _link_element(link_id: str) -> str:
    return f"link:{link_id}" if SAFE_ID.match(link_id) else f"link:{zlib.crc32(link_id.encode())}"


def _status(score: Score | None) -> str | None:
    return None if score is None else score.status.value


def render_dot(
    m: ArgumentMap,
    evaluation: Evaluation | None = None,
    options: RenderOptions | None = None,
) -> str:
    """The map as DOT text: pure, deterministic, every map string escaped."""
    options = options or RenderOptions()
    if evaluation is not None and not evaluation.converged:
        raise EvaluationError(
            "E501",
            f"evaluation did not converge (residual {evaluation.residual:.1e}): "
            "its strengths are not a fixpoint; render with --no-eval",
        )
    theme = THEMES[options.theme]
    shown, context = _visible(m, options)
    names = _Names(shown.values())
    links = _drawn_links(m, shown)
    claims = set(m.claims)

    g = graphviz.Digraph("argmap")
    g.attr(
        "graph",
        id="argmap:diagram",  # a colon never occurs in a map id, so no node can take it
        rankdir=options.direction,
        ordering="out",  # premises keep their file order, left to right
        newrank="true",
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

    scores = evaluation.nodes if evaluation is not None else {}
    owners = _owners(m) if options.cluster and options.focus is None else {}
    frames: dict[str, list[Node]] = {}
    loose: list[Node] = []
    for node in shown.values():
        if node.id in owners:
            frames.setdefault(owners[node.id], []).append(node)
        else:
            loose.append(node)
    for claim_id, members in frames.items():
        with g.subgraph(name=f"cluster_{names.dot[claim_id]}") as frame:
            frame.attr(label="", color=theme.frame, style="rounded,dashed", penwidth="1")
            # Without its own id a frame would repeat the graph's.
            frame.attr(id=f"frame:{names.element[claim_id]}", **{"class": "frame"})
            for node in members:
                _add_node(
                    frame,
                    m,
                    node,
                    names,
                    theme,
                    scores.get(node.id),
                    node.id in claims,
                    node.id in context,
                )
    for node in loose:
        _add_node(
            g, m, node, names, theme, scores.get(node.id), node.id in claims, node.id in context
        )
    loose_refs = _loose_refs(links, claims)
    _arrange_heads(g, m, shown, links, names, loose_refs)
    _add_links(g, m, links, names, theme, evaluation, loose_refs)
    if options.legend:
        _add_legend(g, theme, evaluation, shown.values())
    return g.source


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


def _arrange_heads(
    g: graphviz.Digraph,
    m: ArgumentMap,
    shown: Mapping[str, Node],
    links: list[Link],
    names: _Names,
    loose_refs: set[str],
) -> None:
    """Put the nodes nothing is drawn above (the claims) in rows, in file order.

    Each row hangs from an invisible anchor whose edges `ordering=out` keeps in
    order. A map with many claims gets several rows (bands), each below the
    trees of the one before, so that the diagram is not one long strip.
    """
    children: dict[str, list[str]] = {}
    constrained: set[str] = set()
    for link in links:
        if link.id in loose_refs:
            continue
        parent = link.target
        step: Link | None = link
        while step is not None and step.kind is LinkKind.UNDERCUT:
            # An undercut hangs under the conclusion of the step it attacks.
            step = m.get_link(step.target)
            parent = step.target if step is not None else parent
        children.setdefault(parent, []).append(link.source)
        constrained.add(link.source)
    heads = [n.id for n in shown.values() if n.id not in constrained]
    if not heads:
        return
    order = {node_id: index for index, node_id in enumerate(shown)}
    trees: list[tuple[str, list[str], int]] = []  # head, leaves, depth
    seen: set[str] = set()
    for head in heads:
        leaves: list[str] = []
        depth = 0
        stack = [(head, 0)]
        seen.add(head)
        while stack:
            current, level = stack.pop()
            depth = max(depth, level)
            below = [c for c in children.get(current, []) if c not in seen]
            if not children.get(current):
                leaves.append(current)
            for child in below:
                seen.add(child)
                stack.append((child, level + 1))
        trees.append((head, sorted(leaves, key=order.__getitem__), depth))
    widths = [_NODE_WIDTH * max(1, len(leaves)) for _, leaves, _ in trees]
    height = _RANK_HEIGHT * (1 + max(depth for *_, depth in trees))
    bands = max(1, min(len(trees) // 2, int((sum(widths) / (_ASPECT * height)) ** 0.5)))
    per_band = sum(widths) / bands
    rows: list[list[int]] = [[]]
    filled = 0.0
    for index, width in enumerate(widths):
        if rows[-1] and filled + width / 2 > per_band * len(rows) and len(rows) < bands:
            rows.append([])
        rows[-1].append(index)
        filled += width
    above: list[str] = []
    for number, row in enumerate(rows):
        anchor = f"Band{number}"
        g.node(anchor, label="", shape="point", width="0", height="0", style="invis")
        for leaf in above:  # weight 0: below the band above, without pulling on it
            g.edge(names.dot[leaf], anchor, style="invis", weight="0")
        if number:  # the anchors in one straight column, so the bands stack up
            g.edge(f"Band{number - 1}", anchor, style="invis", weight="100")
        for index in row:
            g.edge(anchor, names.dot[trees[index][0]], style="invis")
        with g.subgraph() as same:
            same.attr(rank="same")
            for index in row:
                same.node(names.dot[trees[index][0]])
        above = [leaf for index in row for leaf in trees[index][1]]


def _node_style(node: Node, theme: Theme, status: str | None, is_claim: bool) -> str:
    parts = ["rounded" if is_claim else "", "filled"]
    if node.implicit:
        parts.append("dashed")
    if status is not None and theme.status_style.get(status):
        parts.append(theme.status_style[status])
    return ",".join(p for p in parts if p)


def _add_node(
    g: graphviz.Digraph,
    m: ArgumentMap,
    node: Node,
    names: _Names,
    theme: Theme,
    score: Score | None,
    is_claim: bool,
    is_context: bool,
) -> None:
    status = _status(score)
    if status is not None:
        fill = theme.status_fill.get(status, theme.premise_fill)
    else:
        fill = theme.claim_fill if is_claim else theme.premise_fill
    classes = ["claim" if is_claim else "premise"]
    if node.implicit:
        classes.append("implicit")
    if node.quotes:
        classes.append("quoted")
    if status is not None:
        classes.append(status)
    if is_context:
        classes.append("context")
    lines = _wrapped(node.text, CLAIM_WRAP if is_claim else PREMISE_WRAP)
    attrs_: dict[str, str] = {
        "id": names.element[node.id],
        "class": " ".join(classes),
        "label": _label(m, node, lines, theme, score, status, is_claim, is_context),
        "style": _node_style(node, theme, status, is_claim),
        "fillcolor": fill,
        "tooltip": esc_string(_tooltip(m, node, score, status, is_claim)),
    }
    if is_claim:
        attrs_["penwidth"] = "2.2"
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
        lines += textwrap.wrap(paragraph, width, break_on_hyphens=False) or [""]
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES]
        lines[-1] = lines[-1].rstrip(" .,;:") + " …"
    return lines or [""]


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
    score: Score | None,
    status: str | None,
    is_claim: bool,
    is_context: bool,
) -> str:
    body = "<BR/>".join(html_text(line) or NBSP for line in lines)
    if is_claim:
        body = f'<FONT POINT-SIZE="15"><B>{body}</B></FONT>'
    meta_parts = [(name, html_text(name) or NBSP) for name in _actor_names(m, node)]
    if node.implicit:
        meta_parts.append(("reconstructed", "<I>reconstructed</I>"))
    if node.quotes:
        meta_parts.append(("“quoted”", "“quoted”"))
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
    badge = ""
    if score is not None and status is not None:
        words = f"{status} {score.strength:.2f}"
        badge = (
            '<TD WIDTH="8"></TD><TD ALIGN="RIGHT" VALIGN="BOTTOM">'
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
            f'<TD FIXEDSIZE="TRUE" WIDTH="{_badge_width(words)}" HEIGHT="15" '
            f'BGCOLOR="{theme.status_badge.get(status, theme.muted)}">'
            f'<FONT POINT-SIZE="10" COLOR="{theme.badge_text.get(status, "white")}">{words}</FONT>'
            "</TD></TR></TABLE></TD>"
        )
    rows = []
    span = ' COLSPAN="3"' if badge else ""
    shortfall = _width_shortfall(lines, 15 if is_claim else 12, bold=is_claim)
    if shortfall:  # room to the right of the text, which starts at the left
        body = (
            '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
            f'<TD ALIGN="LEFT" BALIGN="LEFT">{body}</TD><TD WIDTH="{shortfall:g}"></TD>'
            "</TR></TABLE>"
        )
    rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT"{span}>{body}</TD></TR>')
    if meta or badge:
        rows.append(f'<TR><TD HEIGHT="5"{span}></TD></TR>')
        rows.append(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" VALIGN="BOTTOM">{meta}</TD>{badge}</TR>')
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        + "".join(rows)
        + "</TABLE>>"
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
    m: ArgumentMap, node: Node, score: Score | None, status: str | None, is_claim: bool
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
        out.append(line)
    if node.note:
        out.append(f"Note: {node.note}")
    if score is not None and status is not None:
        out.append(f"Strength {score.strength:.2f}, {status}")
    return "\n".join(out)


def _add_links(
    g: graphviz.Digraph,
    m: ArgumentMap,
    links: list[Link],
    names: _Names,
    theme: Theme,
    evaluation: Evaluation | None,
    loose_refs: set[str],
) -> None:
    """Edges drawn from conclusion to premise with the arrowhead at the conclusion.

    Drawing them that way round puts conclusions above premises, and with
    `ordering=out` keeps each conclusion's premises in the order they are written.
    """
    # Kept apart: a premise without an id has its link's id as its node id, so
    # one string can name both the premise (for its own pro and con) and the
    # link (for undercuts of the step it supports).
    into_node: dict[str, list[Link]] = {}
    onto_link: dict[str, list[Link]] = {}
    for link in links:
        ends = onto_link if link.kind is LinkKind.UNDERCUT else into_node
        ends.setdefault(link.target, []).append(link)

    def end_name(link: Link) -> str:
        return _junction(link.target) if link.kind is LinkKind.UNDERCUT else names.dot[link.target]

    def emit(end: str, link: Link) -> None:
        colour, arrow, style = _link_look(link.kind, theme)
        split = link.id in onto_link
        # Siblings of a link that carries a junction go one rank further down, so
        # that all premises of a conclusion stay in one row.
        ends = onto_link if link.kind is LinkKind.UNDERCUT else into_node
        low = not split and any(s.id in onto_link for s in ends.get(link.target, []))
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
        if link.id in loose_refs:
            # A node stays where it is written; a ref only draws a line to it.
            edge_attrs["constraint"] = "false"
        source = names.dot[link.source]
        if not split:
            g.edge(end, source, **edge_attrs)
            return
        junction = _junction(link.id)
        g.node(
            junction,
            id=f"junction:{_link_element(link.id).removeprefix('link:')}",
            **{"class": "junction"},
            shape="point",
            width="0.08",
            color=colour,
            fillcolor=colour,
            style="filled",
            tooltip=esc_string(f"The inference of {link.id}, which an undercut attacks"),
        )
        g.edge(end, junction, **edge_attrs)

        def link_part() -> None:
            g.edge(
                junction,
                source,
                weight="4",  # the junction sits right above the premise
                id=f"{_link_element(link.id)}:source",
                **{"class": f"link-part {link.kind.value}"},
                dir="none",
                color=colour,
                style=style,
            )

        # The junction's edges in the order their far ends are written (`ordering=out`
        # applies to them too): an undercut written under the premise comes after it,
        # one that refs a node written earlier comes before, as that node stands.
        below = [(link.source, link_part)] + [
            (u.source, lambda u=u: emit(junction, u)) for u in onto_link[link.id]
        ]
        for _, draw in sorted(below, key=lambda item: _written_at(m, item[0])):
            draw()

    for link in links:
        if link.kind is not LinkKind.UNDERCUT:
            emit(end_name(link), link)


def _written_at(m: ArgumentMap, node_id: str) -> tuple[int, int]:
    node = m.get_node(node_id)
    return (node.position.line, node.position.column) if node is not None else (0, 0)


def _link_look(kind: LinkKind, theme: Theme) -> tuple[str, str, str]:
    if kind is LinkKind.PRO:
        return theme.pro, "normal", "solid"
    if kind is LinkKind.CON:
        return theme.con, "tee", theme.con_style
    return theme.undercut, "tee", "dashed"


_LINK_VERBS = {LinkKind.PRO: "supports", LinkKind.CON: "opposes", LinkKind.UNDERCUT: "undercuts"}


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


# ---------------------------------------------------------------------------
# The legend: a frame with real samples of every node and link style in use


def _add_legend(
    g: graphviz.Digraph, theme: Theme, evaluation: Evaluation | None, nodes: Iterable[Node]
) -> None:
    """Rows of samples: node kinds; link kinds; with evaluation, statuses and the semantics."""
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
        rows.append([name for name, *_ in samples])

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

        if evaluation is not None:
            for status, strength in (
                ("accepted", "0.80"),
                ("rejected", "0.20"),
                ("undecided", "0.50"),
            ):
                extra = theme.status_style.get(status, "")
                key.node(
                    f"L{status}",
                    label=(
                        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="2"><TR>'
                        f'<TD BGCOLOR="{theme.status_badge[status]}"><FONT COLOR='
                        f'"{theme.badge_text[status]}"> {status} {strength} </FONT></TD>'
                        "</TR></TABLE>>"
                    ),
                    style="filled" + (f",{extra}" if extra else ""),
                    fillcolor=theme.status_fill[status],
                    **{"class": f"legend {status}"},
                )
            rows.append(["Laccepted", "Lrejected", "Lundecided"])
            semantics = SEMANTICS_NAMES.get(evaluation.semantics, evaluation.semantics)
            support = _SUPPORT_WORDS.get(
                evaluation.support, f"support read as {evaluation.support}"
            )
            key.node(
                "Lsemantics",
                label=(
                    f"<Strength from 0 to 1 under {html_text(semantics)};<BR/>"
                    f"status: grounded, {html_text(support)}>"
                ),
                shape="plaintext",
                fontcolor=theme.muted,
            )
            rows.append(["Lsemantics"])

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


# ---------------------------------------------------------------------------
# Running the renderer


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
    renderer: Renderer | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    warn: Callable[[str], None] | None = None,
) -> bytes:
    """The map drawn in `fmt` (svg, png, pdf or dot). DOT needs no renderer; `warn`
    hears what the user should know of a diagram that was still drawn."""
    dot = render_dot(m, evaluation, options)
    if fmt == "dot":
        return dot.encode("utf-8")
    if renderer is None:
        from argmap.renderer import find_renderer

        renderer = find_renderer()
    return render_image(dot, fmt, renderer, timeout=timeout, warn=warn)
