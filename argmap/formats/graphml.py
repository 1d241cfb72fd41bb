"""GraphML for yEd, Gephi and networkx (export only).

Each node is a GraphML node with its id and data `label` (the text), `kind`
(claim or premise), `by`, `tags`, `weight`, `implicit`, `note`, `url`. Each
pro/con link is an edge with data `kind` and `link` (its id). GraphML edges
join nodes, so a link that is undercut becomes a small node of kind `link`
(label "supports" or "attacks") drawn between its premise and its parent, and
each undercut is an edge to that node — as AIF does with RA and CA nodes.
Nothing is lost.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from argmap.formats import Exported
from argmap.model import ArgumentMap, LinkKind

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
)
# Characters XML 1.0 cannot hold at all (a YAML escape can put them in a text).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_EDGE_KEYS = (("kind", "string"), ("link", "string"))
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
    for key in ("title", "description"):
        ET.SubElement(
            root, "key", {"id": f"g_{key}", "for": "graph", "attr.name": key, "attr.type": "string"}
        )
    graph = ET.SubElement(root, "graph", {"id": "argmap", "edgedefault": "directed"})

    def data(parent: ET.Element, key: str, value: str) -> None:
        ET.SubElement(parent, "data", {"key": key}).text = _NOT_XML.sub("\ufffd", value)

    data(graph, "g_title", m.title)
    if m.description:
        data(graph, "g_description", m.description)

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
    undercut = {lk.target for lk in m.links if lk.kind is LinkKind.UNDERCUT}
    for link in m.links:
        if link.id in undercut:
            element = ET.SubElement(graph, "node", {"id": f"link:{link.id}"})
            data(element, "n_label", _VERB[link.kind])
            data(element, "n_kind", "link")
    count = 0

    def edge(source: str, target: str, kind: str, link_id: str) -> None:
        nonlocal count
        count += 1
        element = ET.SubElement(
            graph, "edge", {"id": f"e{count}", "source": source, "target": target}
        )
        data(element, "e_kind", kind)
        data(element, "e_link", link_id)

    for link in m.links:
        if link.id in undercut:
            # Drawn through its own node; an undercut's target is always such a node.
            edge(link.source, f"link:{link.id}", link.kind.value, link.id)
            edge(
                f"link:{link.id}",
                link.target if link.kind is not LinkKind.UNDERCUT else f"link:{link.target}",
                link.kind.value,
                link.id,
            )
        else:
            target = f"link:{link.target}" if link.kind is LinkKind.UNDERCUT else link.target
            edge(link.source, target, link.kind.value, link.id)
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode", xml_declaration=False)
    return Exported('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n")
