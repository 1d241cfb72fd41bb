"""`argmap diff --format svg|html`: the new map drawn with what changed marked on it.

The changes are argmap.diff's (its matching of old and new nodes); the drawing is
argmap.render's, with an `Overlay`: each added, reworded, moved or status-changed
node carries a word badge in its colour and a ring of that colour (the word
says it, so colour is never the only sign), removed nodes stand beside the map
as dashed ghosts joined to where they were, and the legend gets a row for the
marks.
"""

from __future__ import annotations

import html

from argmap.diff import MapDiff, to_text
from argmap.model import ArgumentMap, LinkKind
from argmap.render import Ghost, Mark, Overlay
from argmap.wording import STATUS_WORD

# Colours that stay apart for the common colour-vision deficiencies (and words on each).
ADDED = Mark("added", "#1a7f37")
REWORDED = Mark("reworded", "#9a6700")
MOVED = Mark("moved", "#0969da")
STATUS = "#8250df"  # a status change: "falls → stands"
REMOVED = Mark("removed", "#6e7781")
KEY = (ADDED, REWORDED, MOVED, Mark("status changed", STATUS, "status-changed"), REMOVED)


def diff_overlay(d: MapDiff, new: ArgumentMap) -> Overlay:
    """The marks, ghosts and key that draw `d` over the new map `new`."""
    marks: dict[str, list[Mark]] = {}

    def mark(node_id: str, m: Mark) -> None:
        marks.setdefault(node_id, []).append(m)

    for entry in d.added:
        mark(entry.id, ADDED)
    for r in d.reworded:
        mark(r.id, REWORDED)
    for mv in d.moved:
        mark(mv.id, MOVED)
    for s in d.scores or ():
        if s.old_status != s.new_status:
            words = f"{STATUS_WORD.get(s.old_status, s.old_status)} → "
            words += STATUS_WORD.get(s.new_status, s.new_status)
            mark(s.id, Mark(words, STATUS, "status-changed"))

    renamed = {r.old_id: r.id for r in d.renamed}
    removed = {entry.id for entry in d.removed}
    ghosts = []
    for entry in d.removed:
        parent: str | None = None
        kind = LinkKind.PRO
        if entry.placement is not None:
            edge = entry.placement
            kind = LinkKind(edge.kind)
            target = edge.target
            while not isinstance(target, str):  # an undercut: by the premise it undercut
                target = target.source
            if target in removed:
                parent = "ghost:" + target
            else:
                parent = renamed.get(target, target)
                if new.get_node(parent) is None:
                    parent = None
        ghosts.append(Ghost(entry.id, entry.text, parent, kind, REMOVED))
    return Overlay(
        marks={k: tuple(v) for k, v in marks.items()},
        ghosts=tuple(ghosts),
        key=KEY,
    )


def diff_svg(
    d: MapDiff,
    new: ArgumentMap,
    *,
    with_eval: bool = True,
    semantics: str = "dfquad",
    support: str = "attacks-only",
) -> str:
    """The new map drawn as SVG, the changes of `d` marked on it (evaluated for the
    badges unless `with_eval` is false)."""
    from argmap.evaluate import evaluate
    from argmap.render import render_dot
    from argmap.renderer import find_renderer, render_image
    from argmap.validate import require_valid

    require_valid(new)
    evaluation = evaluate(new, semantics=semantics, support=support) if with_eval else None
    if evaluation is not None and not evaluation.converged:
        evaluation = None  # the marks still stand; the badges would not
    dot = render_dot(new, evaluation, overlay=diff_overlay(d, new))
    return render_image(dot, "svg", find_renderer()).decode("utf-8")


def diff_html(
    d: MapDiff,
    new: ArgumentMap,
    *,
    with_eval: bool = True,
    semantics: str = "dfquad",
    support: str = "attacks-only",
) -> str:
    """A page: the marked diagram, then the diff as text (every map string escaped)."""
    svg = diff_svg(d, new, with_eval=with_eval, semantics=semantics, support=support)
    at = svg.find("<svg")
    title = f"argmap diff: {d.old_path} → {d.new_path}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';'
        " style-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{html.escape(title)}</title>\n"
        "<style>body{font-family:Helvetica,Arial,sans-serif;margin:1.5em}"
        "figure{margin:0;overflow:auto}pre{white-space:pre-wrap}</style>\n"
        "</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n"
        f'<figure class="argmap-diff">{svg[at:] if at >= 0 else svg}</figure>\n'
        f'<pre class="argmap-diff-text">{html.escape(to_text(d))}</pre>\n'
        "</body>\n</html>\n"
    )
