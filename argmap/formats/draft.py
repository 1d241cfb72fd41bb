"""The neutral structure every importer builds and the YAML writer turns into a map.

An importer reads a foreign file into a `Draft`: statements (`DraftNode`)
keyed by the foreign file's own handle (an Argdown title, an AIF nodeID, a
Kialo number), links between them (`DraftLink`: pro, con, or an undercut of
another link), linked groups (a `DraftNode` with `group` set, that each of
its premises joins by a LINKED link and that bears on its parent by one pro
or con link: `Draft.add_group`), actors and sources, and the warnings it collected, each
pointing at the line in the foreign file. It never decides ids or nesting:
`argmap.formats.yaml_writer.write_map` does that once, for every format.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import attrs

from argmap.errors import Diagnostic, Position, warning
from argmap.model import Actor, ActorKind, LinkKind, Node, Quote, Source
from argmap.vocabulary import Rule, file_fields, file_keys, is_date, is_id, safe_url


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
    # A linked group: premises (LINKED links into it) that bear on the parent together.
    # Its text is derived from theirs; it may carry by, weight, tags and note.
    group: bool = False


@attrs.define
class DraftLink:
    kind: LinkKind
    source: str  # a node key
    target: str  # a node key (pro, con) or a link key (undercut)
    position: Position
    key: str = ""  # set by Draft.add_link; undercuts name their target link by it
    note: str | None = None
    # The foreign file writes this link as a reference to a node defined at another link
    # (argmap JSON's `ref`): the writer defines the node there, and keeps this one a `ref`.
    ref: bool = False


@attrs.define
class Draft:
    path: str
    title: str = ""
    description: str | None = None
    allow_cycles: bool = False  # said by the file (a map with a cycle allows it anyway)
    nodes: dict[str, DraftNode] = attrs.field(factory=dict)
    links: list[DraftLink] = attrs.field(factory=list)
    claims: list[str] = attrs.field(factory=list)  # node keys wanted at top level, in order
    actors: dict[str, dict[str, Any]] = attrs.field(
        factory=dict
    )  # id -> {name, role?, kind?, url?}
    sources: dict[str, dict[str, Any]] = attrs.field(factory=dict)  # id -> {title, ...}
    warnings: list[Diagnostic] = attrs.field(factory=list)
    # (kind, source, target) -> link, so that a link stated twice is added once
    _link_index: dict[tuple[LinkKind, str, str], DraftLink] = attrs.field(
        factory=dict, init=False, repr=False
    )

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
        *,
        ref: bool = False,
        merge: bool = True,
    ) -> DraftLink:
        """Add a link unless the same one exists (and `merge`, the default); return it.

        `merge=False` is for formats that list each link once, so that a link a
        map writes twice (W205) comes back twice.
        """
        existing = self._link_index.get((kind, source, target))
        if existing is not None and merge:
            return existing
        link = DraftLink(
            kind, source, target, position, key=f"link-{len(self.links) + 1}", note=note, ref=ref
        )
        self.links.append(link)
        self._link_index[(kind, source, target)] = link
        return link

    def add_group(
        self,
        key: str,
        premises: list[str],
        kind: LinkKind,
        target: str,
        position: Position,
        *,
        title: str | None = None,
    ) -> DraftLink:
        """A linked group of `premises` (node keys, in order) that supports (`kind` PRO) or
        attacks (CON) `target`; return its link to the target (undercuts attack that)."""
        self.add_node(DraftNode(key, "", position, title=title, group=True))
        for premise in premises:
            self.add_link(LinkKind.LINKED, premise, key, position)
        return self.add_link(kind, key, target, position, merge=False)

    def warn(self, code: str, message: str, position: Position) -> None:
        self.warnings.append(warning(code, message, position))


_SLUG_WORDS = 6
_SLUG_CHARS = 40


def slug(text: str, *, keep_dots: bool = False) -> str:
    """A lower-case id made of the first words of `text`: `^[a-z0-9][a-z0-9._-]*$`, or ''."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    allowed = r"[^a-z0-9.]+" if keep_dots else r"[^a-z0-9]+"
    words = [w for w in re.split(allowed, ascii_text.replace("_", "-")) if w]
    if keep_dots:
        return re.sub(r"^[^a-z0-9]+", "", "-".join(words))[:_SLUG_CHARS].strip("-.")
    result = ""
    for word in words[:_SLUG_WORDS]:
        candidate = f"{result}-{word}" if result else word
        if len(candidate) > _SLUG_CHARS:
            break
        result = candidate
    return result or "-".join(words)[:_SLUG_CHARS].strip("-")


_ACTOR_KINDS = {k.value for k in ActorKind}
_SOURCE_FIELDS = file_keys(Source)
_ACTOR_FIELDS = file_keys(Actor)
_QUOTE_OPTIONAL = tuple(f for f in file_fields(Quote) if not f.required)


def tidy(draft: Draft) -> None:
    """Make what the foreign file said fit the map format, warning for each value left out.

    Unknown actors and sources named by `by` and quotes are added (named by
    their id); urls that are not http(s), weights outside [0, 1], source
    fields and actor kinds the format does not know are left out.
    """
    actors = {}
    for key, entry in draft.actors.items():
        actors[_safe_id(key)] = _entry(draft, f"actor {key!r}", entry, _ACTOR_FIELDS, "name", key)
    draft.actors = actors
    sources = {}
    for key, entry in draft.sources.items():
        sources[_safe_id(key)] = _entry(
            draft, f"source {key!r}", entry, _SOURCE_FIELDS, "title", key
        )
    draft.sources = sources
    for node in draft.nodes.values():
        if node.group:
            _tidy_group(draft, node)
            continue
        if not node.text.strip():
            node.text = node.title or node.key
            draft.warn(
                "W611", f"a statement without text: its name {node.text!r} is used", node.position
            )
        node.by = [_actor(draft, a) for a in node.by if str(a).strip()]
        quotes = []
        for quote in node.quotes:
            if not str(quote.get("text", "")).strip() or not str(quote.get("source", "")).strip():
                draft.warn("W618", "a quote without source or text is left out", node.position)
                continue
            kept = {"source": _source(draft, quote["source"]), "text": str(quote["text"])}
            for f in _QUOTE_OPTIONAL:
                if quote.get(f.key):
                    value = quote[f.key]
                    kept[f.key] = _actor(draft, value) if f.spec.rule is Rule.ACTOR else str(value)
            quotes.append(kept)
        node.quotes = quotes
        if node.weight is not None and not 0.0 <= node.weight <= 1.0:
            draft.warn("W618", f"weight {node.weight:g} is outside [0, 1]: left out", node.position)
            node.weight = None
        if node.url is not None and safe_url(node.url) is None:
            draft.warn("W618", f"link {node.url!r} is not http(s): left out", node.position)
            node.url = None


def _tidy_group(draft: Draft, node: DraftNode) -> None:
    """A linked group keeps what the model lets a group carry (by, weight, tags, note);
    anything else the foreign file gave it (quotes, a url, `implicit`) is left out with a
    warning."""
    for f in file_fields(Node):
        if f.spec.group or f.key == "text":
            continue
        value = getattr(node, f.name)
        if value in (None, False, "", []):
            continue
        draft.warn("W618", f"a linked group cannot carry `{f.key}`: left out", node.position)
        setattr(node, f.name, [] if isinstance(value, list) else False if value is True else None)
    node.by = [_actor(draft, a) for a in node.by if str(a).strip()]
    if node.weight is not None and not 0.0 <= node.weight <= 1.0:
        draft.warn("W618", f"weight {node.weight:g} is outside [0, 1]: left out", node.position)
        node.weight = None


def _safe_id(key: str) -> str:
    if is_id(key):
        return key
    return slug(key, keep_dots=True) or "unnamed"


def _actor(draft: Draft, name: str) -> str:
    key = _safe_id(str(name))
    draft.actors.setdefault(key, {"name": str(name)})
    return key


def _source(draft: Draft, name: str) -> str:
    key = _safe_id(str(name))
    draft.sources.setdefault(key, {"title": str(name)})
    return key


def _entry(
    draft: Draft, what: str, entry: dict[str, Any], fields: tuple[str, ...], required: str, key: str
) -> dict[str, Any]:
    where = Position(draft.path, 1, 1)
    kept: dict[str, Any] = {}
    for name, value in entry.items():
        if (
            name == "ignore"
            and name in fields
            and isinstance(value, list)
            and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value)
        ):
            kept[name] = [str(v) for v in value]  # a source's `ignore` entries
            continue
        text = (
            str(value)
            if isinstance(value, (str, int, float)) and not isinstance(value, bool)
            else None
        )
        if name not in fields or text is None:
            draft.warn("W618", f"{what}: field {name!r} is left out", where)
        elif name == "url" and safe_url(text) is None:
            draft.warn("W618", f"{what}: link {text!r} is not http(s): left out", where)
        elif name == "kind" and text not in _ACTOR_KINDS:
            draft.warn("W618", f"{what}: kind {text!r} is left out", where)
        elif name == "date" and not is_date(text):
            draft.warn(
                "W618", f"{what}: date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD: left out", where
            )
        else:
            kept[name] = text
    kept.setdefault(required, key)
    return {required: kept.pop(required), **kept}
