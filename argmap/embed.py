"""A map drawn for a page: inline SVG whose element ids carry a prefix, or the map's
diagnostics when it cannot be drawn. Shared by the Markdown extension
(argmap.markdown) and the notebook wrapper (argmap.notebook).

Two diagrams on one page must not share element ids (a second `id="claim"`
makes links and styles land on the first diagram), so every id of an embedded
SVG gets a prefix and every reference to one (`href="#id"`, `url(#id)`) follows.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path

import attrs

from argmap.errors import ArgmapError, Diagnostic, MapLoadError, Position, error
from argmap.model import ArgumentMap

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

# Options an embedded map may take: the names `argmap render` uses.
OPTIONS = ("file", "focus", "depth", "direction", "theme", "legend", "eval")
_TRUE = {"true", "yes", "on", "1"}
_FALSE = {"false", "no", "off", "0"}


@attrs.frozen
class Embedded:
    """What a page shows for one map: the SVG, or (when it cannot be drawn) the diagnostics."""

    svg: str | None
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        return self.svg is not None


def prefix_ids(svg: str, prefix: str) -> str:
    """The SVG with `prefix` before every element id and every reference to one.

    Parsed as XML (never by text substitution over the whole document), so only
    `id` attributes and the references in attribute values change; map text
    that happens to look like an id stays as it is.
    """
    root = ET.fromstring(svg)
    ids = {el.get("id") for el in root.iter() if el.get("id") is not None}

    def local(match: re.Match[str]) -> str:
        name = match.group(2)
        return f"{match.group(1)}#{prefix}{name}" if name in ids else match.group(0)

    for el in root.iter():
        for key, value in el.attrib.items():
            if key == "id":
                el.set(key, prefix + value)
            elif key in ("href", f"{{{XLINK_NS}}}href") and value.startswith("#"):
                if value[1:] in ids:
                    el.set(key, f"#{prefix}{value[1:]}")
            elif "url(#" in value:
                el.set(key, re.sub(r"(url\()#([^)]+)", local, value))
    return ET.tostring(root, encoding="unicode")


def parse_options(given: Mapping[str, str], where: Position) -> dict[str, object]:
    """An embed's options (`file="maps/a.yaml" focus=id depth=2 legend=false`), checked;
    an unknown name or a bad value raises ArgmapError E709."""
    out: dict[str, object] = {}
    for name, value in given.items():
        if name not in OPTIONS:
            raise ArgmapError(
                "E709", f"unknown option {name!r} (options: {', '.join(OPTIONS)})", where
            )
        if name in ("legend", "eval"):
            if value.lower() not in _TRUE | _FALSE:
                raise ArgmapError("E709", f"{name} wants true or false, not {value!r}", where)
            out[name] = value.lower() in _TRUE
        elif name == "depth":
            if not value.isdigit():
                raise ArgmapError("E709", f"depth wants a whole number, not {value!r}", where)
            out[name] = int(value)
        elif name in ("direction", "theme"):
            from argmap.themes import DIRECTIONS, THEMES

            allowed = tuple(DIRECTIONS) if name == "direction" else tuple(THEMES)
            if value not in allowed:
                raise ArgmapError(
                    "E709", f"{name} wants one of {', '.join(allowed)}, not {value!r}", where
                )
            out[name] = value
        else:
            out[name] = value
    return out


def read_embedded_map(file: str, base_dir: str | Path) -> ArgumentMap:
    """The map a page names by file, relative to `base_dir`; a path that leaves
    `base_dir` (`../secret.yaml`, an absolute path elsewhere) is refused (E708)."""
    from argmap.load import load_map

    base = Path(base_dir).resolve()
    path = (base / file).resolve()
    if not path.is_relative_to(base):
        raise ArgmapError(
            "E708", f"{file} is outside the folder maps are read from ({base_dir})", Position(file)
        )
    return load_map(path)


def draw(m: ArgumentMap, options: Mapping[str, object], prefix: str) -> str:
    """The map as inline SVG (evaluated unless `eval` is false), ids prefixed."""
    from argmap.evaluate import evaluate
    from argmap.renderer import render_map
    from argmap.themes import RenderOptions
    from argmap.validate import require_valid

    require_valid(m)
    render_options = RenderOptions(
        direction=str(options.get("direction", "TB")),
        theme=str(options.get("theme", "light")),
        legend=bool(options.get("legend", True)),
        focus=options.get("focus"),  # type: ignore[arg-type]
        depth=options.get("depth"),  # type: ignore[arg-type]
    )
    evaluation = evaluate(m) if options.get("eval", True) else None
    svg = render_map(m, "svg", evaluation=evaluation, options=render_options).decode("utf-8")
    return prefix_ids(_without_prolog(svg), prefix)


def embed(
    text: str | None,
    options: Mapping[str, object],
    prefix: str,
    *,
    label: str = "<argmap block>",
    base_dir: str | Path = ".",
) -> Embedded:
    """A map written in a page (`text`) or named by `options["file"]`, drawn; if it
    cannot be read or drawn, its diagnostics instead (never an exception)."""
    from argmap.load import loads_map

    try:
        file = options.get("file")
        if file is not None:
            if text and text.strip():
                raise ArgmapError(
                    "E709", "a block names a file or holds a map, not both", Position(label)
                )
            m = read_embedded_map(str(file), base_dir)
        else:
            m = loads_map(text or "", label)
        return Embedded(draw(m, options, prefix))
    except MapLoadError as exc:
        return Embedded(None, tuple(exc.diagnostics))
    except ArgmapError as exc:
        return Embedded(None, (error(exc.code, exc.message, exc.position or Position(label)),))


def _without_prolog(svg: str) -> str:
    """The `<svg>` element alone: no XML declaration, DOCTYPE or comments before it."""
    at = svg.find("<svg")
    return svg[at:] if at >= 0 else svg


def diagnostics_text(diagnostics: tuple[Diagnostic, ...]) -> str:
    """The diagnostics one a line, as `argmap validate` prints them."""
    return "\n".join(d.format() for d in diagnostics)
