"""What the render tests share: the renderers present, and reading a rendered SVG."""

from __future__ import annotations

import re
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from argmap.renderer import PURE_NAME, Renderer

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"


def renderers() -> list[Renderer]:
    """Every renderer on this machine: Graphviz's dot if installed, and graphviz-pure."""
    found = []
    dot = shutil.which("dot")
    if dot:
        found.append(Renderer(dot, "graphviz", "PATH"))
    pure = Path(sys.executable).parent / PURE_NAME
    found.append(Renderer(str(pure) if pure.exists() else PURE_NAME, PURE_NAME, "bundled"))
    return found


def parse_svg(data: bytes) -> ET.Element:
    """The SVG as an XML tree; fails the test if an XML parser refuses it."""
    return ET.fromstring(data)


def groups(root: ET.Element, kind: str) -> dict[str, ET.Element]:
    """Element id -> <g> for every group whose class starts with `kind` (node, edge)."""
    return {
        g.attrib["id"]: g
        for g in root.iter(f"{SVG}g")
        if g.attrib.get("class", "").split()[:1] == [kind]
    }


def classes(group: ET.Element) -> list[str]:
    return group.attrib.get("class", "").split()


def tooltip(group: ET.Element) -> str:
    """The tooltip a browser shows for a node or edge (Graphviz writes it on an <a>)."""
    for a in group.iter(f"{SVG}a"):
        if f"{XLINK}title" in a.attrib:
            return a.attrib[f"{XLINK}title"]
    return ""


def texts(group: ET.Element) -> list[str]:
    return [t.text or "" for t in group.iter(f"{SVG}text")]


def left_x(group: ET.Element) -> float:
    """The x of the node's first line of text: where it stands, left to right."""
    first = next(group.iter(f"{SVG}text"))
    return float(first.attrib["x"])


def top_y(group: ET.Element) -> float:
    first = next(group.iter(f"{SVG}text"))
    return float(first.attrib["y"])


def box_width(group: ET.Element) -> float:
    """Width of a premise's box (a polygon; claims are rounded paths)."""
    polygon = next(group.iter(f"{SVG}polygon"))
    xs = [float(p.split(",")[0]) for p in polygon.attrib["points"].split()]
    return max(xs) - min(xs)


DOT_COLOUR = re.compile(r'(?:color|fillcolor|bgcolor|fontcolor|COLOR|BGCOLOR)="?(#?[\w]+)"?')
