"""The argument map as frozen attrs objects, built once by `load` and shared by everything.

Vocabulary (DESIGN.md §1):
- a **node** is a claim (a top-level entry of `claims`) or a premise (an entry
  written under `pro`, `con` or `undercut`);
- a **link** is one list item that relates a node to what it is written
  under: `pro` (support) and `con` (attack) target a node; `undercut` targets
  a *link* (the inference from a premise to its parent). A `{ref: ID}` item is
  a link whose source node is defined elsewhere.

Ids: a claim's id is its key; a premise's id is its `id` field or else its
path id. Every list item has a link id `<owner>.<kind>.<n>` (1-based), where
the owner of `pro`/`con` items is the node they are written under and the
owner of `undercut` items is the link they are written under. A premise with
no `id` takes its link id as its node id: `scomm-mandatory.con.1`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping

import attrs

from argmap.errors import Position

DEFAULT_WEIGHT = 0.5
FORMAT_VERSION = 1
# Where the format's JSON Schema is published, one address per format version: the
# schema's `$id`, the modeline `argmap init` and `import` write, the SchemaStore entry.
SCHEMA_URL = (
    f"https://raw.githubusercontent.com/argmap/argmap/main/schemas/v{FORMAT_VERSION}/"
    "argmap.schema.json"
)


class NodeKind(enum.Enum):
    CLAIM = "claim"
    PREMISE = "premise"


class LinkKind(enum.Enum):
    PRO = "pro"  # support: source node supports target node
    CON = "con"  # attack: source node attacks target node
    UNDERCUT = "undercut"  # source node attacks the target *link*


class ActorKind(enum.Enum):
    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"
    GOVERNMENT = "government"
    DOCUMENT = "document"


@attrs.frozen
class Quote:
    source: str
    text: str
    position: Position  # of the quoted text
    speaker: str | None = None
    locator: str | None = None
    field_positions: Mapping[str, Position] = attrs.field(factory=dict, eq=False, repr=False)

    def position_of(self, field: str) -> Position:
        return self.field_positions.get(field, self.position)

    def as_data(self) -> dict[str, str]:
        """The quote's fields as the map file writes them, leaving out those it lacks."""
        fields = (
            ("source", self.source),
            ("text", self.text),
            ("speaker", self.speaker),
            ("locator", self.locator),
        )
        return {k: v for k, v in fields if v is not None}


@attrs.frozen
class Actor:
    id: str
    name: str
    position: Position
    role: str | None = None
    kind: ActorKind | None = None
    url: str | None = None
    field_positions: Mapping[str, Position] = attrs.field(factory=dict, eq=False, repr=False)

    def position_of(self, field: str) -> Position:
        return self.field_positions.get(field, self.position)


@attrs.frozen
class Source:
    id: str
    title: str
    position: Position
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    file: str | None = None
    field_positions: Mapping[str, Position] = attrs.field(factory=dict, eq=False, repr=False)

    def position_of(self, field: str) -> Position:
        return self.field_positions.get(field, self.position)


@attrs.frozen
class Node:
    id: str
    kind: NodeKind
    text: str
    position: Position  # where the node's mapping (or plain string) starts
    explicit_id: bool = False  # False: `id` is a path id
    by: tuple[str, ...] = ()
    implicit: bool = False
    quotes: tuple[Quote, ...] = ()
    weight: float | None = None  # None: not given; see `base`
    tags: tuple[str, ...] = ()
    note: str | None = None
    url: str | None = None
    # Where each field's value stands, so a diagnostic can point at it.
    field_positions: Mapping[str, Position] = attrs.field(factory=dict, eq=False, repr=False)

    @property
    def base(self) -> float:
        """The base score evaluation starts from."""
        return DEFAULT_WEIGHT if self.weight is None else self.weight

    @property
    def is_claim(self) -> bool:
        return self.kind is NodeKind.CLAIM

    def position_of(self, field: str) -> Position:
        return self.field_positions.get(field, self.position)


@attrs.frozen
class Link:
    id: str  # `<owner>.<kind>.<n>`
    kind: LinkKind
    source: str  # the node that supports or attacks (for a ref: the referenced id)
    target: str  # a node id (pro, con) or a link id (undercut)
    position: Position  # the list item
    is_ref: bool = False
    note: str | None = None  # only on refs: why the node bears on this parent


@attrs.frozen
class ArgumentMap:
    path: str
    title: str
    position: Position
    version: int = FORMAT_VERSION
    description: str | None = None
    allow_cycles: bool = False
    sources: Mapping[str, Source] = attrs.field(factory=dict)
    actors: Mapping[str, Actor] = attrs.field(factory=dict)
    # Every node in file order, duplicates included (the validator reports them).
    nodes: tuple[Node, ...] = ()
    # Every link in file order.
    links: tuple[Link, ...] = ()
    # Top-level claim ids in file order.
    claims: tuple[str, ...] = ()
    field_positions: Mapping[str, Position] = attrs.field(factory=dict, eq=False, repr=False)
    # Indexes derived from `nodes` and `links`, built once at construction.
    _node_index: dict[str, Node] = attrs.field(init=False, eq=False, repr=False)
    _link_index: dict[str, Link] = attrs.field(init=False, eq=False, repr=False)
    _incoming: dict[str, tuple[Link, ...]] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        node_index: dict[str, Node] = {}
        for node in self.nodes:
            node_index.setdefault(node.id, node)  # the first definition wins
        link_index = {link.id: link for link in self.links}
        incoming: dict[str, list[Link]] = {}
        for link in self.links:
            incoming.setdefault(link.target, []).append(link)
        object.__setattr__(self, "_node_index", node_index)
        object.__setattr__(self, "_link_index", link_index)
        object.__setattr__(self, "_incoming", {k: tuple(v) for k, v in incoming.items()})

    def node(self, node_id: str) -> Node:
        """The node with this id; KeyError if there is none."""
        return self._node_index[node_id]

    def get_node(self, node_id: str) -> Node | None:
        return self._node_index.get(node_id)

    def link(self, link_id: str) -> Link:
        return self._link_index[link_id]

    def get_link(self, link_id: str) -> Link | None:
        return self._link_index.get(link_id)

    @property
    def node_ids(self) -> list[str]:
        """Unique node ids in file order."""
        return list(self._node_index)

    def unique_nodes(self) -> Iterator[Node]:
        """Each node once (the first definition of a duplicated id)."""
        return iter(self._node_index.values())

    def incoming(self, target: str) -> tuple[Link, ...]:
        """Links whose target is this node or link id, in file order."""
        return self._incoming.get(target, ())

    def supporters(self, node_id: str) -> tuple[Link, ...]:
        return tuple(lk for lk in self.incoming(node_id) if lk.kind is LinkKind.PRO)

    def attackers(self, node_id: str) -> tuple[Link, ...]:
        return tuple(lk for lk in self.incoming(node_id) if lk.kind is LinkKind.CON)

    def undercutters(self, link_id: str) -> tuple[Link, ...]:
        return tuple(lk for lk in self.incoming(link_id) if lk.kind is LinkKind.UNDERCUT)

    def claim_nodes(self) -> list[Node]:
        return [self._node_index[c] for c in self.claims if c in self._node_index]
