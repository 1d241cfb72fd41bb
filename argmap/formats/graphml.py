"""GraphML for yEd, Gephi and networkx (export only).

Each node is a GraphML node with its id and data `label` (the text), `kind`
(claim or premise), `by`, `tags`, `weight`, `implicit`, `note`, `url`. Each
pro/con link is an edge with data `kind` and `link` (its id). GraphML edges
join nodes, so a link that is undercut becomes a small node of kind `link`
(label "supports" or "attacks") drawn between its premise and its parent, and
each undercut is an edge to that node — as AIF does with RA and CA nodes.
Fields GraphML has no key for (quotes) are each a warning.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from argmap.errors import Diagnostic, warning
from argmap.formats import Exported, left_out
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
_CARRIED = ("id", "text", *(key for key, _type in _NODE_KEYS))


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
        fields = node.as_data()
        for key, _kind in _NODE_KEYS:
            if key in fields and key not in ("label", "kind"):
                data(element, f"n_{key}", _data_text(fields[key]))
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
    return Exported('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n", tuple(warnings))
