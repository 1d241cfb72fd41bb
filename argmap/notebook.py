"""`argmap.Map(path)`: a map that shows itself in Jupyter, as its diagram (SVG) and its
summary table (Markdown), and both together (HTML).

IPython calls `_repr_svg_`, `_repr_markdown_` and `_repr_html_` when a cell's value
is a Map (the front-end picks one to show);
nothing here imports IPython, and the diagram is drawn only when asked for.
"""

from __future__ import annotations

import html
import itertools
import os
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from argmap.embed import Embedded, diagnostics_text, draw
from argmap.errors import ArgmapError, MapLoadError, error
from argmap.model import ArgumentMap

if TYPE_CHECKING:
    from argmap.summary import MapSummary

_PREFIXES = itertools.count(1)


class Map:
    """The map at `path` (or a map already loaded), for a notebook.

    `focus`, `depth`, `direction`, `theme`, `legend` and `eval` draw it as
    `argmap render` would; `sources` are folders to look for source files in
    (quote checks in the summary). A map that cannot be read or drawn shows its
    diagnostics instead of the diagram.
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | ArgumentMap,
        *,
        sources: Sequence[str | os.PathLike[str]] = (),
        **options: object,
    ) -> None:
        from argmap.embed import OPTIONS

        unknown = sorted(set(options) - set(OPTIONS) - {"file"})
        if unknown:
            raise TypeError(f"unknown option(s) {', '.join(unknown)}; options: {OPTIONS[1:]}")
        self._given = path if isinstance(path, ArgumentMap) else None
        self.path = Path(path.path if isinstance(path, ArgumentMap) else path)
        self.sources = tuple(Path(s) for s in sources)
        self.options = dict(options)
        # Each Map's SVG ids get their own prefix: two diagrams in one notebook never clash.
        self.prefix = f"argmap-nb{next(_PREFIXES)}-"

    def __repr__(self) -> str:
        return f"Map({str(self.path)!r})"

    @cached_property
    def map(self) -> ArgumentMap:
        """The loaded map (MapLoadError if it cannot be read)."""
        from argmap.load import load_map

        return self._given if self._given is not None else load_map(self.path)

    @cached_property
    def drawn(self) -> Embedded:
        try:
            return Embedded(draw(self.map, self.options, self.prefix))
        except MapLoadError as exc:
            return Embedded(None, tuple(exc.diagnostics))
        except ArgmapError as exc:
            position = exc.position or self.map.position
            return Embedded(None, (error(exc.code, exc.message, position),))

    @property
    def svg(self) -> str | None:
        """The diagram as SVG, or None if the map cannot be drawn (see `diagnostics`)."""
        return self.drawn.svg

    @property
    def diagnostics(self) -> str:
        return diagnostics_text(self.drawn.diagnostics)

    @cached_property
    def summary(self) -> MapSummary:
        """The map's `argmap summary` (evaluated unless `eval=False`)."""
        from argmap.evaluate import evaluate
        from argmap.quotes import SourceTexts
        from argmap.summary import summarise

        evaluation = evaluate(self.map) if self.options.get("eval", True) else None
        if evaluation is not None and not evaluation.converged:
            evaluation = None
        return summarise(self.map, texts=SourceTexts(self.sources), evaluation=evaluation)

    def summary_markdown(self) -> str:
        """The `argmap summary --format markdown` table of the map, under its title."""
        from argmap.escape import md
        from argmap.summary import select_rows
        from argmap.tables import summary_markdown

        title = f"**{md(self.map.title)}**\n\n"
        return title + summary_markdown([self.summary], select_rows(self.summary.rows))

    def summary_html(self) -> str:
        """The summary's claims as an HTML table (every map string escaped)."""
        from argmap.tables import format_share, format_strength

        evaluated = self.summary.evaluation is not None
        header = ["id", "claim", "pro", "con"]
        header += ["strength", "status"] if evaluated else []
        header += ["quotes"]
        rows = []
        for r in self.summary.rows:
            cells = [r.id, r.text, f"{r.pro}/{r.pro_total}", f"{r.con}/{r.con_total}"]
            cells += [format_strength(r.strength), r.status or "-"] if evaluated else []
            cells += [format_share(r.coverage)]
            rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
        head = "".join(f"<th>{h}</th>" for h in header)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"

    def _repr_svg_(self) -> str | None:
        return self.svg

    def _repr_html_(self) -> str:
        # A front-end shows one representation of an output, and JupyterLab prefers
        # Markdown to SVG: the HTML holds both, the diagram above the table.
        if not self.drawn.ok:
            return f"<pre>{html.escape(self.diagnostics)}</pre>"
        title = f"<p><b>{html.escape(self.map.title)}</b></p>"
        return f'<div class="argmap">{self.svg}{title}{self.summary_html()}</div>'

    def _repr_markdown_(self) -> str:
        if not self.drawn.ok:
            return "```\n" + self.diagnostics + "\n```\n"
        return self.summary_markdown()
