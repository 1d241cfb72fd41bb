"""GraphML for yEd, Gephi and networkx (export only).

Each node is a GraphML node with its id and data `label` (the text), `kind`
(claim or premise), `by`, `tags`, `weight`, `implicit`, `note`, `url` and
`quotes` (JSON: a list of `{source, text, speaker?, locator?}`). Each pro/con
link is an edge with data `kind`, `link` (its id), `ref` (true for a `ref`
item) and `note`. GraphML edges join nodes, so a link that is undercut
becomes a small node of kind `link` (label "supports" or "attacks") drawn
between its premise and its parent, and each undercut is an edge to that
node — as AIF does with RA and CA nodes. The graph has data `title`,
`description`, `allow_cycles`, and `sources` and `actors` (JSON objects keyed
by id, as in argmap's JSON model). Nothing is lost.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any

from argmap.formats import Exported
from argmap.formats.json import actors_data, sources_data
from argmap.model import ArgumentMap, Link, LinkKind

_NS = "http://graphml.graphdrawing.org/xmlns"
_NODE_KEYS = (
    ("label", "string"),
    ("kind", "string"),
    ("by", "string"),
    ("tags", "string"),
    ("weight", "double"),
    ("implicit", "boolean"),
    ("note", "string"),
    ("url", "string"),
    ("quotes", "string"),
)
# Characters XML 1.0 cannot hold at all (a YAML escape can put them in a text).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EDGE_KEYS = (("kind", "string"), ("link", "string"), ("ref", "boolean"), ("note", "string"))
_GRAPH_KEYS = (
    ("title", "string"),
    ("description", "string"),
    ("allow_cycles", "boolean"),
    ("sources", "string"),
    ("actors", "string"),
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


_VERB = {LinkKind.PRO: "supports", LinkKind.CON: "attacks", LinkKind.UNDERCUT: "undercuts"}


def export(m: ArgumentMap) -> Exported:
    root = ET.Element("graphml", {"xmlns": _NS})
    for key, kind in _NODE_KEYS:
        ET.SubElement(
            root, "key", {"id": f"n_{key}", "for": "node", "attr.name": key, "attr.type": kind}
        )
    for key, kind in _EDGE_KEYS:
        ET.SubElement(
            root, "key", {"id": f"e_{key}", "for": "edge", "attr.name": key, "attr.type": kind}
        )
    for key, kind in _GRAPH_KEYS:
        ET.SubElement(
            root, "key", {"id": f"g_{key}", "for": "graph", "attr.name": key, "attr.type": kind}
        )
    graph = ET.SubElement(root, "graph", {"id": "argmap", "edgedefault": "directed"})

    def data(parent: ET.Element, key: str, value: str) -> None:
        ET.SubElement(parent, "data", {"key": key}).text = _NOT_XML.sub("\ufffd", value)

    data(graph, "g_title", m.title)
    if m.description:
        data(graph, "g_description", m.description)
    if m.allow_cycles:
        data(graph, "g_allow_cycles", "true")
    if m.sources:
        data(graph, "g_sources", _json(sources_data(m)))
    if m.actors:
        data(graph, "g_actors", _json(actors_data(m)))

    for node in m.unique_nodes():
        element = ET.SubElement(graph, "node", {"id": node.id})
        data(element, "n_label", node.text)
        data(element, "n_kind", node.kind.value)
        if node.by:
            data(element, "n_by", ", ".join(node.by))
        if node.tags:
            data(element, "n_tags", ", ".join(node.tags))
        if node.weight is not None:
            data(element, "n_weight", repr(node.weight))
        if node.implicit:
            data(element, "n_implicit", "true")
        if node.note:
            data(element, "n_note", node.note)
        if node.url:
            data(element, "n_url", node.url)
        if node.quotes:
            data(element, "n_quotes", _json([q.as_data() for q in node.quotes]))
    undercut = {lk.target for lk in m.links if lk.kind is LinkKind.UNDERCUT}
    for link in m.links:
        if link.id in undercut:
            element = ET.SubElement(graph, "node", {"id": f"link:{link.id}"})
            data(element, "n_label", _VERB[link.kind])
            data(element, "n_kind", "link")
    count = 0

    def edge(source: str, target: str, link: Link) -> None:
        nonlocal count
        count += 1
        element = ET.SubElement(
            graph, "edge", {"id": f"e{count}", "source": source, "target": target}
        )
        data(element, "e_kind", link.kind.value)
        data(element, "e_link", link.id)
        if link.is_ref:
            data(element, "e_ref", "true")
        if link.note:
            data(element, "e_note", link.note)

    for link in m.links:
        if link.id in undercut:
            # Drawn through its own node; an undercut's target is always such a node.
            edge(link.source, f"link:{link.id}", link)
            edge(
                f"link:{link.id}",
                link.target if link.kind is not LinkKind.UNDERCUT else f"link:{link.target}",
                link,
            )
        else:
            target = f"link:{link.target}" if link.kind is LinkKind.UNDERCUT else link.target
            edge(link.source, target, link)
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode", xml_declaration=False)
    return Exported('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n")
