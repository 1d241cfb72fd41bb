"""The argument map as frozen attrs objects, built once by `load` and shared by everything.

Vocabulary (DESIGN.md §1):
- a **node** is a claim (a top-level entry of `claims`) or a premise (an entry
  written under `pro`, `con` or `undercut`);
- a **link** is one list item that relates a node to what it is written
  under: `pro` (support) and `con` (attack) target a node; `undercut` targets
  a *link* (the inference from a premise to its parent). A `{ref: ID}` item is
  a link whose source node is defined elsewhere;
- a **linked group** is a `pro` or `con` item written `{linked: [...]}`: premises
  that bear on the parent only together. It is a node of kind GROUP (its text is
  derived from its premises' words, never written) and each of its premises is the
  source of a LINKED link whose target is the group; the group is the source of
  the one `pro` or `con` link to the parent, and undercuts written on the group
  attack that link.

Ids: a claim's id is its key; a premise's id is its `id` field or else its
path id. Every list item has a link id `<owner>.<kind>.<n>` (1-based), where
the owner of `pro`/`con` items is the node they are written under and the
owner of `undercut` items is the link they are written under. A premise with
no `id` takes its link id as its node id: `scomm-mandatory.con.1`.

Each field a map file can hold carries its `vocabulary.FieldSpec` in its metadata (the
key it is written under, its type, whether it is required, the rule its value follows);
the loader, the writers, diff and the schema test read them with
`vocabulary.file_fields`. Fields without one are derived (positions, kinds, path ids).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from argmap.errors import Diagnostic, Position
from argmap.vocabulary import On, Rule, Type, as_data, spec

DEFAULT_WEIGHT = 0.5
# A linked group's weight caps the strength of its weakest premise (argmap.evaluate):
# unset, it caps nothing.
GROUP_DEFAULT_WEIGHT = 1.0
# How a group's derived text begins and joins its premises' words (Node.text).
GROUP_TEXT_PREFIX = "together: "
GROUP_TEXT_JOIN = " + "
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
    GROUP = "group"  # a linked group: premises that bear on the parent only together


class LinkKind(enum.Enum):
    PRO = "pro"  # support: source node supports target node
    CON = "con"  # attack: source node attacks target node
    UNDERCUT = "undercut"  # source node attacks the target *link*
    LINKED = "linked"  # source premise is one of the target linked group's premises


class ActorKind(enum.Enum):
    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"
    GOVERNMENT = "government"
    DOCUMENT = "document"


@attrs.frozen
class Quote:
    source: str = attrs.field(
        metadata=spec("source", required=True, rule=Rule.SOURCE, help="Id of the source.")
    )
    text: str = attrs.field(
        metadata=spec("text", required=True, rule=Rule.NONEMPTY, help="The words quoted.")
    )
    position: Position  # of the quoted text
    speaker: str | None = attrs.field(
        default=None,
        metadata=spec("speaker", rule=Rule.ACTOR, help="Actor whose words these are."),
    )
    locator: str | None = attrs.field(
        default=None, metadata=spec("locator", help="Where in the source: `para 7`, `p. 12`.")
    )
    field_positions: Mapping[str, Position] = attrs.field(factory=dict, eq=False, repr=False)

    def position_of(self, field: str) -> Position:
        return self.field_positions.get(field, self.position)

    def as_data(self) -> dict[str, Any]:
        """The quote's fields as the map file writes them, leaving out those it lacks."""
        return as_data(self)


@attrs.frozen
class Actor:
    id: str  # its key under `actors`
    name: str = attrs.field(metadata=spec("name", required=True, rule=Rule.NONEMPTY))
    position: Position
    role: str | None = attrs.field(default=None, metadata=spec("role"))
    kind: ActorKind | None = attrs.field(default=None, metadata=spec("kind", Type.CHOICE))
    url: str | None = attrs.field(default=None, metadata=spec("url", rule=Rule.URL))
    field_positions: Mapping[str, Position] = attrs.field(factory=dict, eq=False, repr=False)

    def position_of(self, field: str) -> Position:
        return self.field_positions.get(field, self.position)

    def as_data(self) -> dict[str, Any]:
        """The actor's fields as the map file writes them, leaving out those it lacks."""
        return as_data(self)


@attrs.frozen
class Source:
    id: str  # its key under `sources`
    title: str = attrs.field(metadata=spec("title", required=True, rule=Rule.NONEMPTY))
    position: Position
    author: str | None = attrs.field(default=None, metadata=spec("author"))
    publisher: str | None = attrs.field(default=None, metadata=spec("publisher"))
    date: str | None = attrs.field(default=None, metadata=spec("date", rule=Rule.DATE))
    url: str | None = attrs.field(default=None, metadata=spec("url", rule=Rule.URL))
    file: str | None = attrs.field(
        default=None, metadata=spec("file", help="A local plain-text copy, for quote checks.")
    )
    # Boilerplate left out of source coverage (argmap.coverage): each entry is a line
    # (`3`) or a range of lines (`44-48`) of `file`, or else a text a sentence holds.
    ignore: tuple[str, ...] = attrs.field(
        default=(),
        metadata=spec(
            "ignore",
            Type.WORDS,
            help="Boilerplate left out of coverage: lines (`3`, `44-48`) or a text.",
        ),
    )
    field_positions: Mapping[str, Position] = attrs.field(factory=dict, eq=False, repr=False)

    def position_of(self, field: str) -> Position:
        return self.field_positions.get(field, self.position)

    def as_data(self) -> dict[str, Any]:
        """The source's fields as the map file writes them, leaving out those it lacks."""
        return as_data(self)


@attrs.frozen
class Node:
    # A claim's id is its key; a premise's is its `id` field, or else its path id.
    id: str = attrs.field(metadata=spec("id", rule=Rule.ID, on=On.PREMISE, group=True))
    kind: NodeKind
    # A group's text is derived (`together: A + B`), never written in the file.
    text: str = attrs.field(metadata=spec("text", required=True, rule=Rule.NONEMPTY))
    position: Position  # where the node's mapping (or plain string) starts
    explicit_id: bool = False  # False: `id` is a path id
    by: tuple[str, ...] = attrs.field(
        default=(), metadata=spec("by", Type.IDS, rule=Rule.ACTOR, group=True)
    )
    implicit: bool = attrs.field(default=False, metadata=spec("implicit", Type.FLAG))
    quotes: tuple[Quote, ...] = attrs.field(default=(), metadata=spec("quote", Type.QUOTES))
    # None: not given; see `base`
    weight: float | None = attrs.field(
        default=None, metadata=spec("weight", Type.NUMBER, rule=Rule.UNIT, group=True)
    )
    tags: tuple[str, ...] = attrs.field(default=(), metadata=spec("tags", Type.WORDS, group=True))
    note: str | None = attrs.field(default=None, metadata=spec("note", group=True))
    url: str | None = attrs.field(default=None, metadata=spec("url", rule=Rule.URL))
    # Where each field's value stands, so a diagnostic can point at it.
    field_positions: Mapping[str, Position] = attrs.field(factory=dict, eq=False, repr=False)

    @property
    def base(self) -> float:
        """The base score evaluation starts from (for a group, the cap on its weakest
        premise)."""
        if self.weight is not None:
            return self.weight
        return GROUP_DEFAULT_WEIGHT if self.kind is NodeKind.GROUP else DEFAULT_WEIGHT

    @property
    def is_claim(self) -> bool:
        return self.kind is NodeKind.CLAIM

    @property
    def is_group(self) -> bool:
        return self.kind is NodeKind.GROUP

    def position_of(self, field: str) -> Position:
        return self.field_positions.get(field, self.position)

    def as_data(self) -> dict[str, Any]:
        """The node's own fields as the map file writes them (its `id` only if it was
        given; premises under it are links, not fields)."""
        data = as_data(self)
        if not self.explicit_id or self.is_claim:
            del data["id"]
        if self.is_group:
            del data["text"]  # derived from its premises, which are written under `linked`
        return data


@attrs.frozen
class Link:
    id: str  # `<owner>.<kind>.<n>`
    kind: LinkKind
    # the node that supports or attacks (for a ref: the referenced id, written `ref`)
    source: str = attrs.field(metadata=spec("ref", required=True, rule=Rule.ID, on=On.REF))
    target: str  # a node id (pro, con) or a link id (undercut)
    position: Position  # the list item
    is_ref: bool = False
    # only on refs: why the node bears on this parent
    note: str | None = attrs.field(default=None, metadata=spec("note", on=On.REF))

    def as_data(self) -> dict[str, Any]:
        """A ref's fields as the map file writes them; {} for a link written as a premise
        (its fields are the premise's)."""
        return as_data(self) if self.is_ref else {}


@attrs.frozen
class ArgumentMap:
    path: str
    title: str = attrs.field(metadata=spec("title", required=True, rule=Rule.NONEMPTY))
    position: Position
    version: int = attrs.field(
        default=FORMAT_VERSION, metadata=spec("argmap", Type.VERSION, required=True)
    )
    description: str | None = attrs.field(default=None, metadata=spec("description"))
    allow_cycles: bool = attrs.field(default=False, metadata=spec("allow-cycles", Type.FLAG))
    sources: Mapping[str, Source] = attrs.field(
        factory=dict, metadata=spec("sources", Type.ENTRIES)
    )
    actors: Mapping[str, Actor] = attrs.field(factory=dict, metadata=spec("actors", Type.ENTRIES))
    # Every node in file order, duplicates included (the validator reports them).
    nodes: tuple[Node, ...] = ()
    # Every link in file order.
    links: tuple[Link, ...] = ()
    # Top-level claim ids in file order (written as the keys of `claims`).
    claims: tuple[str, ...] = attrs.field(
        default=(), metadata=spec("claims", Type.CLAIMS, required=True)
    )
    field_positions: Mapping[str, Position] = attrs.field(factory=dict, eq=False, repr=False)
    # What the loader noticed but could still build (text cut by a `#` comment): validate
    # reports these with its own findings.
    load_warnings: tuple[Diagnostic, ...] = attrs.field(default=(), eq=False, repr=False)
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

    def members(self, group_id: str) -> tuple[Link, ...]:
        """The LINKED links into a linked group, one per premise, in file order."""
        return tuple(lk for lk in self.incoming(group_id) if lk.kind is LinkKind.LINKED)

    def linked_premises(self, group_id: str) -> tuple[Node, ...]:
        """The premises of a linked group that the map defines, in file order."""
        found = (self._node_index.get(lk.source) for lk in self.members(group_id))
        return tuple(node for node in found if node is not None)

    def claim_nodes(self) -> list[Node]:
        return [self._node_index[c] for c in self.claims if c in self._node_index]

    def as_data(self) -> dict[str, Any]:
        """The map as the map file writes it: plain data that `yaml.safe_dump` writes and
        `loads_map` reads back to the same map (positions aside)."""
        data = as_data(self)
        data = {"argmap": data.pop("argmap"), **data}  # the version first, as files have it
        data["claims"] = {
            node.id: {**node.as_data(), **self._premises_under(node.id)}
            for node in self.claim_nodes()
        }
        return data

    def _premises_under(self, owner: str) -> dict[str, Any]:
        """The `pro`, `con` and `undercut` lists written under a node or a link."""
        lists: dict[str, list[dict[str, Any]]] = {}
        for link in self.incoming(owner):
            lists.setdefault(link.kind.value, []).append(self._item(link))
        return {kind.value: lists[kind.value] for kind in _WRITTEN_ORDER if kind.value in lists}

    def _item(self, link: Link) -> dict[str, Any]:
        if link.is_ref:
            item = link.as_data()
        else:
            node = self.node(link.source)
            item = {**node.as_data(), **self._premises_under(node.id)}
        item.update(self._premises_under(link.id))  # its undercuts
        return item


# The order a node's lists are written in: a group's premises before its undercuts.
_WRITTEN_ORDER = (LinkKind.LINKED, LinkKind.PRO, LinkKind.CON, LinkKind.UNDERCUT)


def group_text(premise_texts: list[str]) -> str:
    """The derived text of a linked group: `together: A + B`."""
    return GROUP_TEXT_PREFIX + GROUP_TEXT_JOIN.join(premise_texts)
