"""The neutral structure every importer builds and the YAML writer turns into a map.

An importer reads a foreign file into a `Draft`: statements (`DraftNode`)
keyed by the foreign file's own handle (an Argdown title, an AIF nodeID, a
Kialo number), links between them (`DraftLink`: pro, con, or an undercut of
another link), actors and sources, and the warnings it collected, each
pointing at the line in the foreign file. It never decides ids or nesting:
`argmap.formats.yaml_writer.write_map` does that once, for every format.
"""

from __future__ import annotations

from typing import Any

import attrs

from argmap.errors import Diagnostic, Position, warning
from argmap.model import LinkKind


@attrs.define
class DraftNode:
    key: str  # the foreign file's handle for this statement
    text: str
    position: Position
    title: str | None = None  # preferred source of the id (an Argdown title, an argmap id)
    by: list[str] = attrs.field(factory=list)  # actor ids (keys of Draft.actors)
    implicit: bool = False
    quotes: list[dict[str, str]] = attrs.field(factory=list)  # {source, text, speaker?, locator?}
    weight: float | None = None
    tags: list[str] = attrs.field(factory=list)
    note: str | None = None
    url: str | None = None


@attrs.define
class DraftLink:
    kind: LinkKind
    source: str  # a node key
    target: str  # a node key (pro, con) or a link key (undercut)
    position: Position
    key: str = ""  # set by Draft.add_link; undercuts name their target link by it
    note: str | None = None


@attrs.define
class Draft:
    path: str
    title: str = ""
    description: str | None = None
    nodes: dict[str, DraftNode] = attrs.field(factory=dict)
    links: list[DraftLink] = attrs.field(factory=list)
    claims: list[str] = attrs.field(factory=list)  # node keys wanted at top level, in order
    actors: dict[str, dict[str, Any]] = attrs.field(
        factory=dict
    )  # id -> {name, role?, kind?, url?}
    sources: dict[str, dict[str, Any]] = attrs.field(factory=dict)  # id -> {title, ...}
    warnings: list[Diagnostic] = attrs.field(factory=list)

    def add_node(self, node: DraftNode) -> DraftNode:
        """Add a node, or return the one already under this key."""
        return self.nodes.setdefault(node.key, node)

    def add_link(
        self,
        kind: LinkKind,
        source: str,
        target: str,
        position: Position,
        note: str | None = None,
    ) -> DraftLink:
        """Add a link unless the same one exists; return it."""
        for link in self.links:
            if (link.kind, link.source, link.target) == (kind, source, target):
                return link
        link = DraftLink(
            kind, source, target, position, key=f"link-{len(self.links) + 1}", note=note
        )
        self.links.append(link)
        return link

    def warn(self, code: str, message: str, position: Position) -> None:
        self.warnings.append(warning(code, message, position))
