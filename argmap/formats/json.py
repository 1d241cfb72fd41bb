"""argmap's own model as JSON: every node and link with its position, stable and documented.

Shape (README, "JSON model"): `{"format": "argmap", "version": 1, "title",
"description", "allow_cycles", "sources", "actors", "claims", "nodes",
"links"}`. Nodes and links appear once each, in file order; `position` is
where they stand in the map file. A linked group is a node of kind `group`
(its `text` the derived `together: A + B`, which import ignores) and each of
its premises the source of a link of kind `linked` whose target is the group.
Nothing is lost, so export never warns.
"""

from __future__ import annotations

from typing import Any

from argmap.errors import FormatError, Position
from argmap.formats import Exported
from argmap.formats._jsontext import JsonObject, dump_json, load_json, where
from argmap.formats.draft import Draft, DraftLink, DraftNode
from argmap.model import ArgumentMap, Link, LinkKind, Node, NodeKind
from argmap.vocabulary import Type, file_fields, plain_value

JSON_FORMAT = "argmap"
JSON_VERSION = 1


def _position(p: Position) -> dict[str, Any]:
    return {"file": p.file, "line": p.line, "column": p.column}


def _fields(obj: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every vocabulary field of a model object, keyed by attribute, None when not given."""
    return {
        f.name: plain_value(getattr(obj, f.name))
        for f in file_fields(type(obj))
        if f.name not in skip
    }


def _node(n: Node) -> dict[str, Any]:
    data: dict[str, Any] = {"id": n.id, "kind": n.kind.value, "explicit_id": n.explicit_id}
    for name, value in _fields(n, skip=("id",)).items():
        data[name] = value
        if name == "weight":
            data["base"] = n.base  # the weight evaluation starts from
    data["position"] = _position(n.position)
    return data


def _link(lk: Link) -> dict[str, Any]:
    return {
        "id": lk.id,
        "kind": lk.kind.value,
        "source": lk.source,
        "target": lk.target,
        "ref": lk.is_ref,
        **_fields(lk, skip=("source",)),
        "position": _position(lk.position),
    }


_MAP_FIELDS = tuple(
    f.name for f in file_fields(ArgumentMap) if f.spec.type in (Type.TEXT, Type.FLAG)
)


def to_data(m: ArgumentMap) -> dict[str, Any]:
    """The map as plain JSON-ready data."""
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        **{name: getattr(m, name) for name in _MAP_FIELDS},
        "sources": {s.id: s.as_data() for s in m.sources.values()},
        "actors": {a.id: a.as_data() for a in m.actors.values()},
        "claims": list(m.claims),
        "nodes": [_node(n) for n in m.unique_nodes()],
        "links": [_link(lk) for lk in m.links],
    }


def export(m: ArgumentMap, indent: int | None = None) -> Exported:
    """The model as JSON: compact (one node or link a line), or indented by `indent`."""
    return Exported(dump_json(to_data(m), indent))


# ---------------------------------------------------------------------------
# Import


def _fail(path: str, obj: Any, message: str) -> FormatError:
    return FormatError("E602", message, where(path, obj))


def _text(path: str, obj: JsonObject, field: str, required: bool = False) -> str | None:
    value = obj.get(field)
    if value is None:
        if required:
            raise _fail(path, obj, f"`{field}` is missing")
        return None
    if not isinstance(value, str):
        raise _fail(path, obj, f"`{field}` must be a string")
    return value


def _list(path: str, obj: JsonObject, field: str) -> list[Any]:
    value = obj.get(field, [])
    if not isinstance(value, list):
        raise _fail(path, obj, f"`{field}` must be a list")
    return value


def read(text: str, path: str) -> Draft:
    data = load_json(text, path)
    if not isinstance(data, JsonObject) or data.get("format") != JSON_FORMAT:
        raise _fail(path, data, 'not argmap JSON: expected an object with "format": "argmap"')
    if data.get("version") != JSON_VERSION:
        raise _fail(path, data, f"unsupported argmap JSON version {data.get('version')!r}")
    draft = Draft(
        path,
        title=_text(path, data, "title") or "",
        description=_text(path, data, "description"),
        allow_cycles=data.get("allow_cycles") is True,
    )
    for field, store in (("sources", draft.sources), ("actors", draft.actors)):
        entries = data.get(field) or {}
        if not isinstance(entries, dict):
            raise _fail(path, data, f"`{field}` must be an object")
        for key, entry in entries.items():
            if not isinstance(entry, dict):
                raise _fail(path, entries, f"{field} entry {key!r} must be an object")
            store[key] = {k: v for k, v in entry.items() if v is not None}
    link_ids: dict[str, str] = {}
    for obj in _list(path, data, "nodes"):
        if not isinstance(obj, JsonObject):
            raise _fail(path, data, "each node must be an object")
        node_id = _text(path, obj, "id", required=True) or ""
        if node_id in draft.nodes:
            raise _fail(
                path,
                obj,
                f"node id {node_id!r} is used by two nodes (the first at line"
                f" {draft.nodes[node_id].position.line}): each node needs its own",
            )
        weight = obj.get("weight")
        if weight is not None and not isinstance(weight, (int, float)):
            raise _fail(path, obj, "`weight` must be a number")
        quotes = _list(path, obj, "quotes")
        if not all(isinstance(q, dict) for q in quotes):
            raise _fail(path, obj, "each quote must be an object")
        draft.add_node(
            DraftNode(
                key=node_id,
                text=_text(path, obj, "text", required=True) or "",
                position=where(path, obj),
                title=node_id
                if obj.get("explicit_id", True) or obj.get("kind") == "claim"
                else None,
                by=[str(b) for b in _list(path, obj, "by")],
                implicit=bool(obj.get("implicit", False)),
                quotes=[{k: str(v) for k, v in q.items() if v is not None} for q in quotes],
                weight=None if weight is None else float(weight),
                tags=[str(t) for t in _list(path, obj, "tags")],
                note=_text(path, obj, "note"),
                url=_text(path, obj, "url"),
                group=obj.get("kind") == NodeKind.GROUP.value,
            )
        )
    claims = _list(path, data, "claims")
    draft.claims = [c for c in claims if isinstance(c, str)]
    # Undercuts name their target link by id: add links in file order, then map ids to keys.
    pending = []
    seen_links: dict[str, int] = {}
    for obj in _list(path, data, "links"):
        if not isinstance(obj, JsonObject):
            raise _fail(path, data, "each link must be an object")
        try:
            kind = LinkKind(obj.get("kind"))
        except ValueError:
            raise _fail(path, obj, "`kind` must be pro, con, undercut or linked") from None
        link_id = _text(path, obj, "id", required=True) or ""
        if link_id in seen_links:
            raise _fail(
                path,
                obj,
                f"link id {link_id!r} is used by two links (the first at line"
                f" {seen_links[link_id]}): each link needs its own",
            )
        seen_links[link_id] = where(path, obj).line
        source = _text(path, obj, "source", required=True) or ""
        target = _text(path, obj, "target", required=True) or ""
        if source not in draft.nodes:
            draft.warn(
                "W617",
                f"link {link_id} comes from unknown node {source!r}: left out",
                where(path, obj),
            )
            continue
        pending.append((obj, kind, link_id, source, target))
    for obj, kind, link_id, source, target in pending:
        if kind is not LinkKind.UNDERCUT:
            if target not in draft.nodes:
                draft.warn(
                    "W617",
                    f"link {link_id} goes to unknown node {target!r}: left out",
                    where(path, obj),
                )
                continue
            link = _add_link(draft, path, obj, kind, source, target)
            link_ids[link_id] = link.key
    # An undercut names the link it attacks by id, which may itself be an undercut listed
    # later: each is added once its target is, in one pass over the dependencies.
    waiting: dict[str, list[int]] = {}
    for n, (_obj, kind, _link_id, _source, target) in enumerate(pending):
        if kind is LinkKind.UNDERCUT:
            waiting.setdefault(target, []).append(n)
    ready = [t for t in waiting if t in link_ids]
    while ready:
        for n in waiting.pop(ready.pop()):
            obj, kind, link_id, source, target = pending[n]
            link = _add_link(draft, path, obj, kind, source, link_ids[target])
            link_ids[link_id] = link.key
            if link_id in waiting:
                ready.append(link_id)
    for n in sorted(n for ns in waiting.values() for n in ns):
        obj, _kind, link_id, _source, target = pending[n]
        draft.warn(
            "W617",
            f"undercut {link_id} attacks unknown link {target!r}: left out",
            where(path, obj),
        )
    return draft


def _add_link(
    draft: Draft, path: str, obj: JsonObject, kind: LinkKind, source: str, target: str
) -> DraftLink:
    """One link as the JSON lists it: each once, a ref kept a ref, its note kept."""
    return draft.add_link(
        kind,
        source,
        target,
        where(path, obj),
        note=_text(path, obj, "note"),
        ref=obj.get("ref") is True,
        merge=False,
    )
