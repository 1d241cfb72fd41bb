"""AIF JSON (the Argument Interchange Format as OVA and AIFdb write it) out and in.

Export: each node is an I-node (its text); each `pro` link an RA-node
("Default Inference") with edges premise -> RA -> parent; each `con` link a
CA-node ("Default Conflict") with edges premise -> CA -> parent; a linked
group has no I-node: its link is one RA or CA node with an edge from each of
its premises (its by, weight, tags and note are warnings; a group of one
premise, which reads back as a plain link, is W604); each
undercut a CA-node whose edge goes to the RA or CA node of the link it
attacks. A ref is the same I-node used again. Actors become `participants`;
who argues a node (`by`) and each quote become an L-node (locution: "Name :
words") anchored to the I-node by a YA-node ("Asserting"), listed in
`locutions` with the participant and, for quotes, the source. Weights,
tags, notes, urls and `implicit` have no place in AIF: each is a warning.
(Ids are argmap's own handles: AIF numbers its nodes, and the import makes
ids again from the text.)

Import reads the same, bare or wrapped as `{"AIF": {...}}` (OVA): I-nodes
become premises and claims, RA/CA the links, CA on RA/CA undercuts; an RA
or CA with several premises becomes one linked group (`linked:`) with one pro
or con link, undercuts of it attack the group's link; a CA with several
premises that undercuts becomes one undercut per premise (W616: argmap's
undercuts are single premises); MA, PA and TA nodes are left out with a warning; L-nodes anchored
to an I-node give `by` (from the locution's participant) and, when the
locution names a source, a quote.
"""

from __future__ import annotations

import os
import time
from typing import Any

from argmap.errors import FormatError, Position, warning
from argmap.formats import Exported, Losses, left_out
from argmap.formats._jsontext import dump_json, load_json, where
from argmap.formats.draft import Draft, DraftNode, slug
from argmap.model import ArgumentMap, LinkKind, Node

_CARRIED = ("id", "text", "by", "quote")  # a node's fields AIF has a place for
INFERENCE = "Default Inference"
CONFLICT = "Default Conflict"
ASSERTING = "Asserting"


EPOCH = "1970-01-01 00:00:00"


def file_timestamp(path: str | os.PathLike[str]) -> str:
    """A file's modification time as AIF writes times (UTC), or the epoch if it has none:
    what `argmap export --to aif` stamps on every node."""
    try:
        seconds = os.stat(path).st_mtime
    except OSError:
        seconds = 0
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(seconds))


class _Exporter:
    def __init__(self, m: ArgumentMap, timestamp: str, indent: int | None) -> None:
        self.m = m
        self.stamp = timestamp
        self.indent = indent
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []
        self.participants: list[dict[str, Any]] = []
        self.person: dict[str, int] = {}
        self.losses = Losses("AIF")

    def node(self, text: str, kind: str, scheme: str | None = None) -> str:
        node_id = str(len(self.nodes) + 1)
        node: dict[str, Any] = {
            "nodeID": node_id,
            "text": text,
            "type": kind,
            "timestamp": self.stamp,
        }
        if scheme:
            node["scheme"] = scheme
        self.nodes.append(node)
        return node_id

    def edge(self, source: str, target: str) -> None:
        self.edges.append(
            {
                "edgeID": str(len(self.edges) + 1),
                "fromID": source,
                "toID": target,
                "formEdgeID": None,
            }
        )

    def anchor(self, i_node: str, words: str, who: str | None, source: str | None) -> None:
        """An L-node for `words`, linked to the I-node through a YA-node."""
        locution = self.node(words, "L")
        ya = self.node(ASSERTING, "YA", ASSERTING)
        self.edge(locution, ya)
        self.edge(ya, i_node)
        entry: dict[str, Any] = {
            "nodeID": locution,
            "personID": self.person.get(who or ""),
            "timestamp": self.stamp,
            "start": None,
            "end": None,
        }
        if source is not None:
            entry["source"] = source
        self.locutions.append(entry)

    def group(self, node: Node) -> None:
        """What AIF cannot hold of a linked group: all but its premises (a group of one
        premise reads back as a plain pro or con)."""
        for key in left_out(node, ("id",)):
            self.losses.add(key, node.id, node.position, noun="linked group")
        if len(self.m.members(node.id)) < 2:
            self.losses.other(
                warning(
                    "W604",
                    f"AIF cannot tell a linked group of one premise from a plain link:"
                    f" {node.id} is written as one",
                    node.position,
                )
            )

    def run(self) -> str:
        m = self.m
        for field in ("title", "description", "allow_cycles"):
            if getattr(m, field):
                name = field.replace("_", "-")
                self.losses.add(name, "", m.field_positions.get(name, m.position), noun="map")
        for entry in m.sources.values():  # a quote's locution names its source's title
            for field in ("author", "publisher", "date", "url", "file", "ignore"):
                if getattr(entry, field):
                    self.losses.add(field, entry.id, entry.position, noun="source")
        for actor in m.actors.values():  # a participant has a name only
            for field in ("role", "kind", "url"):
                if getattr(actor, field):
                    self.losses.add(field, actor.id, actor.position, noun="actor")
        for n, actor in enumerate(m.actors.values(), start=1):
            if actor.kind is None or actor.kind.value == "person":
                first, _, last = actor.name.rpartition(" ")
                if not first:
                    first, last = last, ""
            else:
                first, last = actor.name, ""
            self.participants.append({"participantID": n, "firstname": first, "surname": last})
            self.person[actor.id] = n
        i_nodes: dict[str, str] = {}
        for node in m.unique_nodes():
            if node.is_group:  # no I-node: its premises meet at its RA or CA node
                self.group(node)
                continue
            i_nodes[node.id] = self.node(node.text, "I")
            for key in left_out(node, _CARRIED):
                self.losses.add(key, node.id, node.position)
            speakers = [a for a in node.by if a in m.actors]
            said: set[str | None] = set()
            for quote in node.quotes:
                who = quote.speaker or (speakers[0] if speakers else None)
                said.add(who)
                if quote.locator:
                    self.losses.add("quote locator", node.id, quote.position)
                source = m.sources.get(quote.source)
                name = (
                    m.actors[who].name
                    if who is not None and who in m.actors
                    else (source.author or source.title if source else quote.source)
                )
                self.anchor(
                    i_nodes[node.id],
                    f"{name} : {quote.text}",
                    who,
                    source.title if source else quote.source,
                )
            for who in speakers:  # each who argues it, if no quote said it already
                if who not in said:
                    self.anchor(i_nodes[node.id], f"{m.actors[who].name} : {node.text}", who, None)
        link_nodes: dict[str, str] = {}
        links = [lk for lk in m.links if lk.kind is not LinkKind.LINKED]
        for link in links:
            if link.kind is LinkKind.PRO:
                link_nodes[link.id] = self.node(INFERENCE, "RA", INFERENCE)
            else:
                link_nodes[link.id] = self.node(CONFLICT, "CA", CONFLICT)
        for link in links:
            origin = m.node(link.source)
            # A linked group's premises all lead into its one RA or CA node.
            premises = m.linked_premises(origin.id) if origin.is_group else (origin,)
            for premise in dict.fromkeys(p.id for p in premises):
                self.edge(i_nodes[premise], link_nodes[link.id])
            target = (
                link_nodes[link.target] if link.kind is LinkKind.UNDERCUT else i_nodes[link.target]
            )
            self.edge(link_nodes[link.id], target)
            if link.note:
                self.losses.add("note", link.id, link.position, noun="link")
        data = {
            "nodes": self.nodes,
            "edges": self.edges,
            "locutions": self.locutions,
            "participants": self.participants,
        }
        return dump_json(data, self.indent)


def export(m: ArgumentMap, timestamp: str = EPOCH, indent: int | None = None) -> Exported:
    """The map as AIF JSON, compact (one node, edge, locution a line) or indented by
    `indent`; `timestamp` ("YYYY-MM-DD HH:MM:SS") is the time on every node (AIF wants
    one): the caller chooses it, so the same map exports to the same text."""
    exporter = _Exporter(m, timestamp, indent)
    text = exporter.run()
    return Exported(text, exporter.losses.warnings())


# ---------------------------------------------------------------------------
# Import

_SPEAKER_CHARS = 80


def _spoken(text: str) -> str:
    """The words of a locution `Speaker : words` (OVA's form), or the text as it is.

    The speaker is what comes before the first colon, at most 80 characters; the
    colon has white space on both sides. (A string method, not a regular expression:
    one with white space on both sides of the speaker backtracks on long blank text.)
    """
    head, colon, rest = text.partition(":")
    if (
        colon
        and head[-1:].isspace()
        and rest[:1].isspace()
        and 0 < len(head.strip()) <= _SPEAKER_CHARS
    ):
        return rest.strip()
    return text


def read(text: str, path: str) -> Draft:
    data = load_json(text, path)
    if isinstance(data, dict) and isinstance(data.get("AIF"), dict):
        data = data["AIF"]  # OVA wraps the graph
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise FormatError(
            "E602", "not AIF: expected an object with a `nodes` list", where(path, data)
        )
    edges_in = data.get("edges", [])
    if not isinstance(edges_in, list):
        raise FormatError("E602", "`edges` must be a list", where(path, data))
    draft = Draft(path, title=str(data.get("title") or os.path.splitext(os.path.basename(path))[0]))
    nodes: dict[str, Any] = {}
    for obj in data["nodes"]:
        if not isinstance(obj, dict) or "nodeID" not in obj or "type" not in obj:
            raise FormatError("E602", "each node needs `nodeID` and `type`", where(path, obj))
        node_id = str(obj["nodeID"])
        if node_id in nodes:
            raise FormatError(
                "E602",
                f"nodeID {node_id!r} is used by two nodes (the first at line"
                f" {where(path, nodes[node_id]).line}): each node needs its own",
                where(path, obj),
            )
        nodes[node_id] = obj
    into: dict[str, list[tuple[str, Any]]] = {}
    out_of: dict[str, list[tuple[str, Any]]] = {}
    for edge in edges_in:
        if not isinstance(edge, dict) or "fromID" not in edge or "toID" not in edge:
            raise FormatError("E602", "each edge needs `fromID` and `toID`", where(path, edge))
        source, target = str(edge["fromID"]), str(edge["toID"])
        missing = [n for n in (source, target) if n not in nodes]
        if missing:
            draft.warn("W617", f"edge to unknown node {missing[0]!r}: left out", where(path, edge))
            continue
        into.setdefault(target, []).append((source, edge))
        out_of.setdefault(source, []).append((target, edge))

    def kind(node_id: str) -> str:
        return str(nodes[node_id].get("type"))

    for node_id, obj in nodes.items():
        if kind(node_id) == "I":
            draft.add_node(
                DraftNode(
                    node_id,
                    str(obj.get("text") or "").strip() or f"node {node_id}",
                    where(path, obj),
                )
            )
    # RA and CA nodes: one link per (premise, target) pair.
    links_of: dict[str, list[str]] = {}
    pending_undercuts: list[tuple[str, str, str, Position]] = []  # (source, CA, target S-node)
    for node_id, obj in nodes.items():
        node_type = kind(node_id)
        position = where(path, obj)
        if node_type in ("MA", "PA", "TA"):
            draft.warn(
                "W614",
                f"{node_type}-node {node_id} ({obj.get('text')!s}) is left out: argmap has"
                " no rephrase, preference or transition",
                position,
            )
            continue
        if node_type not in ("RA", "CA"):
            continue
        premises = [s for s, _e in into.get(node_id, []) if kind(s) == "I"]
        targets = [t for t, _e in out_of.get(node_id, [])]
        scheme = obj.get("scheme") or obj.get("text")
        # AraucariaDB writes the node's type as its text ("RA"): no scheme named.
        if node_type == "RA" and scheme and scheme not in (INFERENCE, node_type):
            draft.warn("W611", f"scheme {scheme!r} of RA-node {node_id} is left out", position)
        if not premises or not targets:
            draft.warn(
                "W614",
                f"{node_type}-node {node_id} lacks a premise or a conclusion: left out",
                position,
            )
            continue
        premises = list(dict.fromkeys(premises))
        for n, target in enumerate(targets):
            target_type = kind(target)
            if target_type == "I":
                link_kind = LinkKind.PRO if node_type == "RA" else LinkKind.CON
                if len(premises) > 1:  # linked premises: one group (for each conclusion)
                    key = f"{node_type}-node {node_id}" + (f" to {target}" if n else "")
                    made = draft.add_group(key, premises, link_kind, target, position)
                else:
                    made = draft.add_link(link_kind, premises[0], target, position)
                links_of.setdefault(node_id, []).append(made.key)
            elif target_type in ("RA", "CA") and node_type == "CA":
                if len(premises) > 1:
                    draft.warn(
                        "W616",
                        f"CA-node {node_id} undercuts with {len(premises)} linked premises:"
                        " argmap's undercuts are single premises, so each is imported as an"
                        " undercut of its own",
                        position,
                    )
                for premise in premises:
                    pending_undercuts.append((premise, node_id, target, position))
            else:
                draft.warn(
                    "W614",
                    f"{node_type}-node {node_id} points at a {target_type}-node: argmap"
                    " cannot hold this relation; left out",
                    position,
                )
    _resolve_undercuts(draft, pending_undercuts, links_of)
    _dialogue(data, nodes, out_of, draft)
    return draft


def _resolve_undercuts(
    draft: Draft,
    pending: list[tuple[str, str, str, Position]],
    links_of: dict[str, list[str]],
) -> None:
    """Undercuts (premise, CA-node, the RA/CA-node it attacks) -> links, each once the
    links of the node it attacks are all known: in dependency order, so a chain of
    undercuts in any order takes one pass. What is never resolved is a warning."""
    waiting: dict[str, list[int]] = {}  # attacked node -> its pending undercuts
    open_count: dict[str, int] = {}  # CA-node -> its undercuts not yet resolved
    for n, (_premise, ca, target, _position) in enumerate(pending):
        waiting.setdefault(target, []).append(n)
        open_count[ca] = open_count.get(ca, 0) + 1
    ready = [t for t in waiting if t in links_of and not open_count.get(t)]
    done: set[int] = set()
    while ready:
        for n in waiting.pop(ready.pop(), []):
            premise, ca, target, position = pending[n]
            for key in links_of.get(target, []):
                made = draft.add_link(LinkKind.UNDERCUT, premise, key, position)
                links_of.setdefault(ca, []).append(made.key)
            done.add(n)
            open_count[ca] -= 1
            if not open_count[ca] and ca in waiting:
                ready.append(ca)
    for n, (_premise, ca, target, position) in enumerate(pending):
        if n not in done:
            draft.warn(
                "W617",
                f"CA-node {ca} attacks node {target}, which holds no link: left out",
                position,
            )


def _dialogue(data: Any, nodes: dict[str, Any], out_of: Any, draft: Draft) -> None:
    """Participants and locutions: who argues each I-node, and quotes from named sources."""
    names: dict[str, str] = {}
    participants = data.get("participants") or []
    for entry in participants if isinstance(participants, list) else []:
        if not isinstance(entry, dict) or "participantID" not in entry:
            continue
        name = " ".join(str(entry.get(k) or "").strip() for k in ("firstname", "surname")).strip()
        actor_id = slug(name) or f"participant-{entry['participantID']}"
        while actor_id in draft.actors:
            actor_id += "-2"
        draft.actors[actor_id] = {"name": name or f"Participant {entry['participantID']}"}
        names[str(entry["participantID"])] = actor_id
    locutions = data.get("locutions") or []
    by_node = {
        str(e.get("nodeID")): e
        for e in (locutions if isinstance(locutions, list) else [])
        if isinstance(e, dict)
    }
    for node_id, obj in nodes.items():
        if obj.get("type") != "L":
            continue
        anchored = [
            t
            for ya, _e in out_of.get(node_id, [])
            if nodes[ya].get("type") == "YA"
            for t, _e2 in out_of.get(ya, [])
            if t in draft.nodes
        ]
        if not anchored:
            continue
        locution = by_node.get(node_id, {})
        actor = names.get(str(locution.get("personID")))
        words = _spoken(str(obj.get("text") or ""))
        source = locution.get("source")
        for target in anchored:
            node = draft.nodes[target]
            if actor and actor not in node.by:
                node.by.append(actor)
            if isinstance(source, str) and source.strip():
                source_id = slug(source) or "source"
                draft.sources.setdefault(source_id, {"title": source})
                quote = {"source": source_id, "text": words}
                if actor:
                    quote["speaker"] = actor
                node.quotes.append(quote)
