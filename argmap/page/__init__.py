"""The page of `argmap report`: the whole map as one HTML file that works offline.

`build_page` returns the page as text: the diagram (argmap's own SVG, inlined), a
side panel for the selected node, search, the claims table and each source's
text with its quoted passages marked. It holds everything it shows: one script
and one style sheet (`page.js`, `page.css`, package data, inlined), the map as
JSON, system fonts only. Its Content-Security-Policy allows nothing but that one
script and that one style sheet, by their SHA-256 hashes: nothing is fetched,
whatever the map says.

Map text never becomes markup: it travels as JSON in a
`<script type="application/json">` element (which browsers never run), with
`<`, `>`, `&`, U+2028 and U+2029 written as escapes so that no string can close
the element, and the script puts it on the page with `textContent` only. The
only links built from map data are http(s) addresses (argmap.escape's rule)
and the page's own `#node=ID` links. The SVG is checked before it is inlined:
only the drawing elements Graphviz writes, no event handler, no link but
http(s) ones.

What the page says is what argmap computed: each quote's verification is the
quote checker's verdict (verified / not found / unchecked), and scores appear
only when the page is built with an evaluation, with the status words of
argmap.wording and its caveat.

Sentences, for the line "N of M sentences quoted" under each source: a sentence
ends after `.`, `!`, `?` or `…` (and any closing quotes or brackets after it)
that white space follows, or at a blank line; abbreviations such as "U.S." end
one too. A sentence counts as quoted when a verified quote's passage overlaps it.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any
from xml.parsers import expat

from argmap import __version__
from argmap.errors import RenderError
from argmap.escape import html_entities, safe_url, script_json
from argmap.evaluate import Evaluation
from argmap.explain import objections
from argmap.files import ReadError, read_regular_file
from argmap.graph import depths
from argmap.model import ArgumentMap, LinkKind, Node
from argmap.quotes import FileStatus, QuoteCheck, QuoteChecks, SourceTexts, quote_spans
from argmap.summary import ClaimRow, claim_row
from argmap.wording import (
    SCORES_CAVEAT,
    STATUS_MEANING,
    STATUS_WORD,
    UNOPPOSED_MEANING,
    status_word,
)

# Source texts larger than this are not put in the page (their quotes are still checked).
MAX_SOURCE_CHARS = 2_000_000

SEMANTICS_NAMES = {"dfquad": "DF-QuAD", "qe": "quadratic energy", "euler": "Euler-based"}

# Grounded labels by evaluate's names, old and new, to the names wording.py keys on.
_GROUNDED = {
    "in": "in",
    "out": "out",
    "undecided": "undecided",
    "accepted": "in",
    "rejected": "out",
}

_SVG = "http://www.w3.org/2000/svg}"  # expat's names: namespace, "}", local name
_XML = "http://www.w3.org/XML/1998/namespace}"
# What Graphviz (dot and graphviz-pure) writes for argmap's diagrams; anything else is refused.
_SVG_ELEMENTS = frozenset(
    _SVG + name
    for name in (
        *("svg", "g", "title", "desc", "path", "polygon", "polyline", "ellipse", "circle"),
        *("line", "rect", "text", "tspan", "a", "defs", "linearGradient", "radialGradient"),
        "stop",
    )
)

# Attributes Graphviz writes that carry no link and no script: an element with only these
# needs no closer look (a 10,000-node drawing has some 100,000 elements).
_PLAIN_ATTRIBUTES = frozenset(
    (
        *("id", "class", "fill", "stroke", "points", "d", "x", "y", "cx", "cy", "rx", "ry"),
        *("width", "height", "viewBox", "transform", "font-family", "font-size"),
        *("font-weight", "font-style", "text-anchor", "stroke-width", "stroke-dasharray"),
        *("fill-opacity", "stroke-opacity", "text-decoration", "baseline-shift"),
        *("x1", "y1", "x2", "y2", "r", "offset", "stop-color", "stop-opacity"),
        "http://www.w3.org/1999/xlink}title",
        _XML + "space",
    )
)


# --- the page's data ------------------------------------------------------------------


def _status(value: str) -> str:
    return _GROUNDED.get(value, value)


def _node_data(
    m: ArgumentMap,
    node: Node,
    element: str | None,
    quote_index: Mapping[tuple[str, int], int],
    evaluation: Evaluation | None,
) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": node.id,
        "el": element,
        "claim": node.is_claim,
        "implicit": node.implicit,
        "text": node.text,
        "by": list(node.by),
        "quotes": [quote_index[(node.id, i)] for i in range(len(node.quotes))],
        "note": node.note,
        "url": safe_url(node.url),
        "tags": list(node.tags),
        "out": [],  # filled in by page_data, from one pass over the links
        # pro and con links into it (a linked group's premises are listed in `premises`)
        "in": [lk.id for lk in m.incoming(node.id) if lk.kind in (LinkKind.PRO, LinkKind.CON)],
    }
    if node.is_group:  # one reason made of its premises, which bear only together
        doc["group"] = True
        doc["premises"] = [lk.source for lk in m.members(node.id)]
        doc["cap"] = node.weight  # None: no cap (its strength is its weakest premise's)
    score = evaluation.nodes.get(node.id) if evaluation is not None else None
    if score is not None:
        status = _status(score.status.value)
        unopposed = status == "in" and not objections(m, node.id)
        doc["score"] = {
            "strength": round(score.strength, 4),
            "status": status,
            "word": status_word(status, unopposed) if status in STATUS_WORD else status,
            "meaning": UNOPPOSED_MEANING if unopposed else STATUS_MEANING.get(status, ""),
        }
    return doc


def _outgoing(m: ArgumentMap) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for link in m.links:
        found.setdefault(link.source, []).append(link.id)
    return found


def _claim_data(row: ClaimRow) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "id": row.id,
        "text": row.text,
        "pro": row.pro,
        "con": row.con,
        "proTotal": row.pro_total,
        "conTotal": row.con_total,
        "premises": row.premises,
        "depth": row.depth,
        "quoted": row.coverage.quoted,
        "stated": row.coverage.premises,
        "actorsPro": list(row.actors_pro),
        "actorsCon": list(row.actors_con),
    }
    if row.status is not None and row.strength is not None:
        status = _status(row.status)
        doc["strength"] = round(row.strength, 4)
        doc["word"] = STATUS_WORD.get(status, status)
    return doc


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The sentences of `text` as (start, end) offsets, by the module docstring's rule."""
    spans: list[tuple[int, int]] = []
    start = 0
    for found in _SENTENCE_END.finditer(text):
        end = found.start() if found.group().startswith("\n") else found.end()
        _add_stripped(text, start, end, spans)
        start = found.end()
    _add_stripped(text, start, len(text), spans)
    return spans


_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*(?=\s)|\n[^\S\n]*\n")


def _add_stripped(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + len(piece.rstrip())))


def source_pieces(
    text: str, marked: Sequence[tuple[int, Sequence[tuple[int, int]]]]
) -> list[list[Any]]:
    """`text` cut at every passage's ends: `[piece, [quote indexes that cover it]]`, in order."""
    cuts = {0, len(text)}
    for _, spans in marked:
        for a, b in spans:
            cuts.update((a, b))
    edges = sorted(cuts)
    at = {edge: i for i, edge in enumerate(edges)}
    covering: dict[int, list[int]] = {}
    for qi, spans in marked:
        for a, b in spans:
            for edge in edges[at[a] : at[b]]:
                covering.setdefault(edge, []).append(qi)
    pieces: list[list[Any]] = []
    for a, b in zip(edges, edges[1:], strict=False):
        if a == b:
            continue
        quotes = sorted(set(covering.get(a, [])))
        if pieces and not quotes and not pieces[-1][1]:
            pieces[-1][0] += text[a:b]
        else:
            pieces.append([text[a:b], quotes])
    return pieces


def read_originals(m: ArgumentMap, texts: SourceTexts) -> dict[str, str]:
    """Each source's file as written, for the sources whose file is found and readable."""
    found: dict[str, str] = {}
    for source in m.sources.values():
        if source.file is None:
            continue
        status, located = texts.locate(m.path, source.file)
        if status is not FileStatus.FOUND or located is None:  # absent, or outside the folders
            continue
        try:  # only a regular file, its size checked before reading, as the checker reads
            found[source.id] = read_regular_file(located, 4 * MAX_SOURCE_CHARS).decode("utf-8")
        except (ReadError, OSError, UnicodeDecodeError):
            continue
    return found


def _source_data(
    source_id: str,
    m: ArgumentMap,
    status: FileStatus,
    original: str | None,
    verified: Sequence[tuple[int, str]],
) -> dict[str, Any]:
    """A source's facts and, when its file was read, its text cut at the quoted passages."""
    source = m.sources[source_id]
    doc: dict[str, Any] = {
        "id": source.id,
        "title": source.title,
        "author": source.author,
        "publisher": source.publisher,
        "date": source.date,
        "url": safe_url(source.url),
        "file": status.value,
        "pieces": None,
        "sentences": None,
    }
    if status is not FileStatus.FOUND:
        return doc
    if original is None or len(original) > MAX_SOURCE_CHARS:  # read_originals left it out
        doc["tooLarge"] = True
        return doc
    marked = []
    for qi, text in verified:
        spans = quote_spans(text, original)
        if spans:
            marked.append((qi, spans))
    sentences = sentence_spans(original)
    covered = sum(
        1 for a, b in sentences if any(s < b and e > a for _, spans in marked for s, e in spans)
    )
    doc["pieces"] = source_pieces(original, marked)
    doc["sentences"] = [covered, len(sentences)]
    return doc


def page_data(
    m: ArgumentMap,
    *,
    checks: QuoteChecks,
    originals: Mapping[str, str],
    evaluation: Evaluation | None = None,
    elements: Mapping[str, str] | None = None,
    explanations: Mapping[str, Sequence[str]] | None = None,
    robustness: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Everything the page shows, as JSON-ready data (see page.js for how it is read).

    With an evaluation, `explanations` (lines saying why a node's verdict is what it is)
    and `robustness` (a sentence on how fragile it is) join each node's score in the panel.
    """
    elements = elements or {}
    quotes: list[dict[str, Any]] = []
    quote_index: dict[tuple[str, int], int] = {}
    by_source: dict[str, list[tuple[int, str]]] = {}
    nodes = list(m.unique_nodes())
    for node in nodes:
        for i, quote in enumerate(node.quotes):
            quote_index[(node.id, i)] = len(quotes)
            check = checks.verdict(quote)
            if check is QuoteCheck.VERIFIED:
                by_source.setdefault(quote.source, []).append((len(quotes), quote.text))
            quotes.append(
                {
                    "node": node.id,
                    "source": quote.source,
                    "text": quote.text,
                    "locator": quote.locator,
                    "speaker": quote.speaker,
                    "check": check.value,
                }
            )
    outgoing = _outgoing(m)
    undercuts: dict[str, list[str]] = {}
    for link in m.links:
        if link.kind is LinkKind.UNDERCUT:
            undercuts.setdefault(link.target, []).append(link.id)
    node_docs = []
    for node in nodes:
        doc = _node_data(m, node, elements.get(node.id), quote_index, evaluation)
        doc["out"] = outgoing.get(node.id, [])
        if evaluation is not None and explanations and node.id in explanations:
            doc["explanation"] = list(explanations[node.id])
        if evaluation is not None and robustness and node.id in robustness:
            doc["robustness"] = robustness[node.id]
        node_docs.append(doc)
    links = [
        {
            "id": link.id,
            "kind": link.kind.value,
            "source": link.source,
            "target": link.target,
            "ref": link.is_ref,
            "note": link.note,
            "undercuts": undercuts.get(link.id, []),
        }
        for link in m.links
    ]
    sources = [
        _source_data(
            source.id,
            m,
            checks.files.get(source.id, FileStatus.NONE),
            originals.get(source.id),
            by_source.get(source.id, []),
        )
        for source in m.sources.values()
    ]
    all_depths = depths(m)
    rows = [claim_row(m, c.id, checks, all_depths, evaluation) for c in m.claim_nodes()]
    verdicts = [q["check"] for q in quotes]
    data: dict[str, Any] = {
        "title": m.title,
        "description": m.description,
        "file": Path(m.path).name,
        "version": __version__,
        "nodes": node_docs,
        "links": links,
        "actors": [
            {"id": a.id, "name": a.name, "role": a.role, "kind": a.kind and a.kind.value}
            | {"url": safe_url(a.url)}
            for a in m.actors.values()
        ],
        "sources": sources,
        "quotes": quotes,
        "claims": [_claim_data(row) for row in rows],
        "totals": {
            "nodes": len(nodes),
            "claims": len(rows),
            # a linked group is no premise of its own: its premises are counted
            "premises": sum(1 for n in m.unique_nodes() if not n.is_claim and not n.is_group),
            "groups": sum(1 for n in m.unique_nodes() if n.is_group),
            "quotes": len(quotes),
            "verified": verdicts.count("verified"),
            "notFound": verdicts.count("not-found"),
            "unchecked": verdicts.count("unchecked"),
        },
        "evaluation": None,
    }
    if evaluation is not None:
        name = SEMANTICS_NAMES.get(evaluation.semantics, evaluation.semantics)
        data["evaluation"] = {
            "semantics": evaluation.semantics,
            "support": evaluation.support,
            "method": f"strength by {name}, status by grounded semantics"
            f" (support: {evaluation.support})",
            "caveat": SCORES_CAVEAT,
            "meanings": dict(STATUS_MEANING),
            "words": dict(STATUS_WORD),
        }
    return data


# --- the page -------------------------------------------------------------------------


def embed_json(doc: Any) -> str:
    """JSON that no string in it can end early inside a `<script>` element."""
    return script_json(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))


def _check_svg(svg: str) -> None:
    # expat's callbacks, without building a tree: a 10,000-node SVG is some 17 MB.
    def refuse(what: str) -> None:
        raise RenderError("E405", f"the renderer's SVG holds {what}")

    def start(tag: str, attributes: dict[str, str]) -> None:
        if tag not in _SVG_ELEMENTS:
            refuse(f"an unexpected {{{tag}")
        if _PLAIN_ATTRIBUTES.issuperset(attributes):
            return  # the common case, decided at once
        for name, value in attributes.items():
            local = name.rsplit("}", 1)[-1].lower()
            foreign_xml = name.startswith(_XML) and name != _XML + "space"  # xml:base and such
            if local.startswith("on") or local == "style" or foreign_xml:
                refuse(f"an unexpected {local}=")
            if local == "href" and not (safe_url(value) or value.startswith("#")):
                refuse("a link that is not http(s)")

    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = start
    try:
        parser.Parse(svg, True)
    except expat.ExpatError as exc:
        raise RenderError(
            "E405", f"the renderer wrote an SVG that is not well-formed: {exc}"
        ) from None


def prepare_svg(svg: str) -> str:
    """The renderer's SVG made ready to inline: checked, prolog and comments dropped, sized
    to its box (pan and zoom move the whole element).

    RenderError E405 if it holds anything but Graphviz's drawing elements: an element of
    another kind, an event handler, a style attribute or a link that is not http(s).
    """
    _check_svg(svg)
    start = svg.index("<svg")
    body = re.sub(r"<!--.*?-->", "", svg[start:], flags=re.S)
    tag_end = body.index(">") + 1
    opening = body[:tag_end]
    opening = re.sub(r'\s(?:width|height)="[^"]*"', "", opening)
    opening = opening.replace(
        "<svg",
        '<svg width="100%" height="100%" preserveAspectRatio="xMidYMid meet"'
        ' role="group" aria-label="The map as a diagram"',
        1,
    )
    close = body.rindex("</svg>")
    return f"{opening}{body[tag_end:close]}</svg>"


def _asset(name: str) -> str:
    return resources.files("argmap.page").joinpath(name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _text(value: str) -> str:
    """Text for an HTML element or a quoted attribute."""
    return html_entities(value)


def _facts(data: Mapping[str, Any]) -> str:
    t = data["totals"]
    parts = [
        f"{t['claims']} claim{'s' if t['claims'] != 1 else ''}",
        f"{t['premises']} premise{'s' if t['premises'] != 1 else ''}",
    ]
    if t["groups"]:
        parts.append(f"{t['groups']} linked group{'s' if t['groups'] != 1 else ''}")
    if t["quotes"]:
        parts.append(
            f"{t['quotes']} quote{'s' if t['quotes'] != 1 else ''}: {t['verified']} verified,"
            f" {t['notFound']} not found, {t['unchecked']} unchecked"
        )
    return " · ".join(parts)


def _source_section(source: Mapping[str, Any]) -> str:
    sid = _text(source["id"])
    meta = ", ".join(
        _text(source[k]) for k in ("author", "publisher", "date") if source.get(k) is not None
    )
    title = _text(source["title"])
    if source["url"]:
        title = (
            f'<a href="{_text(source["url"])}" target="_blank" rel="noopener noreferrer">'
            f"{title}</a>"
        )
    lines = [
        f'<article class="source" id="argmap:source:{sid}"'
        f' aria-labelledby="argmap:source-title:{sid}">',
        f'<header><h3 id="argmap:source-title:{sid}">{title}</h3>',
    ]
    if meta:
        lines.append(f'<p class="meta">{meta}</p>')
    if source["sentences"] is not None:
        quoted, total = source["sentences"]
        lines.append(
            f'<p class="meta sentences">{quoted} of {total} sentence{"s" if total != 1 else ""}'
            " quoted</p>"
        )
    lines.append("</header>")
    if source["pieces"] is not None:
        lines.append(
            f'<div class="text" id="argmap:source-text:{sid}" tabindex="0" role="document"'
            f' aria-label="Text of the source {sid}"></div>'
        )
    elif source.get("tooLarge"):
        lines.append('<p class="missing">The source file is too large to include here.</p>')
    elif source["file"] == "missing":
        lines.append(
            '<p class="missing">The source file was not found, or is not UTF-8 text (give'
            " its folder with <code>--sources DIR</code>): its quotes are unchecked.</p>"
        )
    else:
        lines.append('<p class="missing">The map names no file for this source.</p>')
    lines.append("</article>")
    return "\n".join(lines)


def build_page(
    m: ArgumentMap,
    svg: str | None,
    *,
    checks: QuoteChecks,
    originals: Mapping[str, str] | None = None,
    evaluation: Evaluation | None = None,
    elements: Mapping[str, str] | None = None,
    explanations: Mapping[str, Sequence[str]] | None = None,
    robustness: Mapping[str, str] | None = None,
) -> str:
    """The report page for `m` as HTML text; `svg` is the renderer's drawing of the map."""
    data = page_data(
        m,
        checks=checks,
        originals=originals or {},
        evaluation=evaluation,
        elements=elements,
        explanations=explanations,
        robustness=robustness,
    )
    script = _asset("page.js")
    style = _asset("page.css")
    csp = (
        "default-src 'none'; "
        f"script-src '{_hash(script)}'; style-src '{_hash(style)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    if svg:
        diagram = _DIAGRAM.format(svg=prepare_svg(svg))
        workspace = "workspace"
        select_from = "a node in the diagram, a claim in the table"
    else:  # no pan, zoom or hint for a drawing that is not there, nor room kept for it
        diagram = _NO_DIAGRAM
        workspace = "workspace no-diagram"
        select_from = "a claim in the table"
    select_from += ", a search match or a\nmarked passage of a source"
    eval_head = ""
    eval_cols = ""
    if evaluation is not None:
        ev = data["evaluation"]
        eval_head = (
            f'<p class="caveat" role="note">Scores: {_text(ev["method"])}.'
            f" {_text(SCORES_CAVEAT[0].upper() + SCORES_CAVEAT[1:])}.</p>"
        )
        eval_cols = '<th scope="col" class="num">Strength</th><th scope="col">Status</th>'
    description = f'<p class="description">{_text(m.description)}</p>' if m.description else ""
    sources = "\n".join(_source_section(s) for s in data["sources"])
    sources_part = (
        f'<section class="section" id="sources" aria-labelledby="argmap:sources-title">'
        f'<h2 id="argmap:sources-title">Sources</h2>\n{sources}</section>'
        if data["sources"]
        else ""
    )
    return _PAGE.format(
        csp=_text(csp),
        title=_text(m.title),
        description=description,
        facts=_text(_facts(data)),
        eval_head=eval_head,
        diagram=diagram,
        workspace=workspace,
        select_from=select_from,
        eval_cols=eval_cols,
        sources=sources_part,
        version=_text(__version__),
        file=_text(data["file"]),
        style=style,
        data=embed_json(data),
        script=script,
    )


_DIAGRAM = """<div class="diagram" id="argmap:diagram-box" tabindex="0" role="region"
 aria-label="Diagram: drag or use the arrow keys to pan, the wheel or + and - to zoom, 0 to fit">
<div class="tools" role="toolbar" aria-label="Zoom">
<button type="button" id="argmap:zoom-in" aria-label="Zoom in" title="Zoom in (+)">+</button>
<button type="button" id="argmap:zoom-out" aria-label="Zoom out" title="Zoom out (−)">−</button>
<button type="button" id="argmap:fit" aria-label="Fit the diagram" title="Fit (0)">Fit</button>
</div>
{svg}
<p class="hint">Drag to pan · wheel or + / − to zoom · click a node for its details</p>
</div>"""

_NO_DIAGRAM = """<div class="diagram absent" id="argmap:diagram-box" role="region"
 aria-label="Diagram">
<p class="missing">No diagram: this page was written with <code>argmap report --no-diagram</code>.
The claims table, search and each node's details cover the whole map; <code>argmap render
--focus ID</code> draws part of it.</p>
</div>"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="argmap {version}">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header class="top">
<div class="heading">
<h1>{title}</h1>
{description}
<p class="facts">{facts} · from {file}</p>
</div>
<div class="search" role="search">
<label for="argmap:search" class="visually-hidden">Search the map</label>
<input id="argmap:search" type="search" placeholder="Search ids, texts, quotes, actors  ( / )"
 autocomplete="off" spellcheck="false" aria-describedby="argmap:count">
<span id="argmap:count" class="count" role="status" aria-live="polite"></span>
</div>
</header>
{eval_head}
<main>
<div class="{workspace}">
{diagram}
<aside class="panel" id="argmap:panel" role="region" aria-label="Selected node">
<div id="argmap:panel-body" aria-live="polite">
<p class="empty">Select {select_from} to see it here: its text, who argues it, its quotes
and what bears on it.</p>
</div>
</aside>
</div>
<section class="section" id="claims" aria-labelledby="argmap:claims-title">
<h2 id="argmap:claims-title">Claims</h2>
<p class="table-note" id="argmap:claims-note">Each top-level claim: its direct premises for
and against / everything beneath it on that side, how deep its argument goes, its stated
premises with a verified quote, and who argues on each side. Select a row to see the claim.</p>
<div class="table-wrap">
<table class="claims" aria-labelledby="argmap:claims-title" aria-describedby="argmap:claims-note">
<thead><tr><th scope="col">Claim</th><th scope="col" class="num">For</th>
<th scope="col" class="num">Against</th><th scope="col" class="num">Depth</th>
<th scope="col" class="num">Quoted</th><th scope="col">Argued for by</th>
<th scope="col">Argued against by</th>{eval_cols}</tr></thead>
<tbody id="argmap:claims-body"></tbody>
</table>
</div>
</section>
{sources}
</main>
<footer>Made by argmap {version} from {file}. This page works offline: it loads nothing.</footer>
<script type="application/json" id="argmap:data">{data}</script>
<script>{script}</script>
</body>
</html>
"""
