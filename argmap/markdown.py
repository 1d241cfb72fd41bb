"""Argument maps in Markdown pages (Python-Markdown, MkDocs): a fenced `argmap` block
becomes the map's diagram as inline SVG.

    ```argmap
    argmap: 1
    title: ...
    claims: ...
    ```

    ```argmap file="maps/example.yaml" focus=build-plant depth=2
    ```

Two ways in:
- the plain extension, `markdown.Markdown(extensions=["argmap.markdown"])` (in
  MkDocs: `markdown_extensions: [argmap.markdown]`), which reads the fences itself;
- with `pymdownx.superfences`, the custom fence `fence_argmap` and its
  `validate_argmap` (superfences then owns every fence, so use one or the other).

A map that cannot be drawn becomes its diagnostics in the page and a warning on
the `mkdocs.argmap` logger, so `mkdocs build --strict` fails on it. Each embedded
map's element ids get a prefix (`argmap-1-`, `argmap-2-`, ... per page), so two
maps on one page never share an id.
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Mapping
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from argmap.embed import Embedded, diagnostics_text, embed, parse_options
from argmap.errors import ArgmapError, Position

# Under `mkdocs.`: MkDocs counts the warnings of its own loggers for --strict.
log = logging.getLogger("mkdocs.argmap")

_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})[ \t]*argmap\b(?P<options>[^\n`]*)$")
_OPTION = re.compile(r'([A-Za-z_][\w-]*)=(?:"([^"]*)"|\'([^\']*)\'|(\S+))')


def _options(header: str) -> dict[str, str]:
    """`file="a.yaml" depth=2` -> {"file": "a.yaml", "depth": "2"}; stray words raise E709."""
    found = {
        m[1]: next(g for g in (m[2], m[3], m[4]) if g is not None) for m in _OPTION.finditer(header)
    }
    leftover = _OPTION.sub("", header).strip(" \t{}")
    if leftover:
        raise ArgmapError(
            "E709", f"cannot read {leftover!r} (write name=value)", Position("argmap")
        )
    return found


def _next_prefix(md: Any) -> str:
    """A fresh id prefix for this page's next map."""
    count = getattr(md, "argmap_maps", 0) + 1
    md.argmap_maps = count
    return f"argmap-{count}-"


def page_html(result: Embedded, label: str) -> str:
    """The HTML a page shows for one map: the diagram, or its diagnostics (and a warning)."""
    if result.svg is not None:
        return f'<div class="argmap">{result.svg}</div>'
    text = diagnostics_text(result.diagnostics)
    log.warning("argmap: %s cannot be drawn:\n%s", label, text)
    return f'<pre class="argmap-error">{html.escape(text)}</pre>'


def _draw(md: Any, source: str, given: Mapping[str, str], base_dir: str) -> str:
    prefix = _next_prefix(md)
    label = f"argmap block {prefix.split('-')[1]}"
    try:
        options = parse_options(given, Position(label))
    except ArgmapError as exc:
        from argmap.errors import error

        return page_html(Embedded(None, (error(exc.code, exc.message, Position(label)),)), label)
    return page_html(embed(source, options, prefix, label=label, base_dir=base_dir), label)


class ArgmapPreprocessor(Preprocessor):
    """Finds ```argmap fences and puts the drawn map (stashed HTML) in their place."""

    def __init__(self, md: markdown.Markdown, base_dir: str) -> None:
        super().__init__(md)
        self.base_dir = base_dir

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(lines):
            opened = _FENCE.match(lines[i])
            if not opened:
                out.append(lines[i])
                i += 1
                continue
            fence = opened["fence"]
            closing = re.compile(rf"^ {{0,3}}{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
            end = i + 1
            while end < len(lines) and not closing.match(lines[end]):
                end += 1
            body = "\n".join(lines[i + 1 : end])
            try:
                given = _options(opened["options"])
            except ArgmapError as exc:
                shown = self._broken(exc)
            else:
                shown = _draw(self.md, body, given, self.base_dir)
            out += ["", self.md.htmlStash.store(shown), ""]
            i = end + 1
        return out

    def _broken(self, exc: ArgmapError) -> str:
        from argmap.errors import error

        prefix = _next_prefix(self.md)
        label = f"argmap block {prefix.split('-')[1]}"
        return page_html(Embedded(None, (error(exc.code, exc.message, Position(label)),)), label)


class ArgmapExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "base_dir": [".", "Folder that `file=` paths are read from (and may not leave)."]
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        self.md = md
        md.registerExtension(self)
        # Before fenced_code (25), which would take the block as code.
        md.preprocessors.register(
            ArgmapPreprocessor(md, str(self.getConfig("base_dir"))), "argmap", 28
        )

    def reset(self) -> None:
        md = getattr(self, "md", None)
        if md is not None:
            md.argmap_maps = 0


def makeExtension(**kwargs: Any) -> ArgmapExtension:
    return ArgmapExtension(**kwargs)


# --- pymdownx.superfences ----------------------------------------------------------------


def validate_argmap(
    language: str, inputs: dict[str, str], options: dict[str, Any], attrs: Any, md: Any
) -> bool:
    """superfences' validator: keep every `name=value` of the fence for `fence_argmap`
    (a bad one is reported in the page, not by refusing the fence)."""
    options.update(inputs)
    return True


def fence_argmap(
    source: str,
    language: str,
    class_name: str,
    options: dict[str, Any],
    md: Any,
    **kwargs: Any,
) -> str:
    """superfences' formatter: the map drawn (file= paths from the current folder)."""
    return _draw(md, source, {k: str(v) for k, v in options.items()}, ".")
