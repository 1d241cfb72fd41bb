"""GraphML for yEd, Gephi and networkx (export only).

Each node is a GraphML node with its id and data `label` (the text), `kind`
(claim, premise, or group: a linked group, labelled with its derived text
`together: A + B`), `by`, `tags`, `weight`, `implicit`, `note`, `url` and
`quotes` (JSON: a list of `{source, text, speaker?, locator?}`). Each pro/con
link is an edge with data `kind`, `link` (its id), `ref` (true for a `ref`
item) and `note`; each premise of a linked group has an edge of kind `linked`
to the group's node, and the group the edge of its pro or con link. GraphML
edges join nodes, so a link that is undercut becomes a small node of kind
`link` (label "supports" or "attacks") drawn between its premise and its
parent, and each undercut is an edge to that node — as AIF does with RA and
CA nodes. The graph has data `title`, `description`, `allow_cycles`, and
`sources` and `actors` (JSON objects keyed by id, as in argmap's JSON
model). A field GraphML has no key for (one the vocabulary gains later) is a
warning.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any

from argmap.errors import Diagnostic, warning
from argmap.formats import Exported, left_out
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
    ("quotes", "string"),  # JSON; the map file's `quote`
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
_CARRIED = ("id", "text", "quote", *(key for key, _type in _NODE_KEYS))


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _data_text(value: Any) -> str:
    """A field's value as GraphML data text: lists joined by commas, numbers in full."""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


_VERB = {LinkKind.PRO: "supports", LinkKind.CON: "attacks", LinkKind.UNDERCUT: "undercuts"}


def export(m: ArgumentMap) -> Exported:
    root = ET.Element("graphml", {"xmlns": _NS})
    warnings: list[Diagnostic] = []
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
        data(graph, "g_sources", _json({s.id: s.as_data() for s in m.sources.values()}))
    if m.actors:
        data(graph, "g_actors", _json({a.id: a.as_data() for a in m.actors.values()}))

    for node in m.unique_nodes():
        element = ET.SubElement(graph, "node", {"id": node.id})
        data(element, "n_label", node.text)
        data(element, "n_kind", node.kind.value)
        fields = node.as_data()
        for key, _kind in _NODE_KEYS:  # label and kind are written above, quotes below
            if key in fields:
                data(element, f"n_{key}", _data_text(fields[key]))
        if node.quotes:
            data(element, "n_quotes", _json([q.as_data() for q in node.quotes]))
        lost = left_out(node, _CARRIED)
        if lost:
            warnings.append(
                warning(
                    "W601",
                    f"GraphML has no place for {', '.join(lost)} of {node.id}: left out",
                    node.position,
                )
            )
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
    return Exported('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n", tuple(warnings))
