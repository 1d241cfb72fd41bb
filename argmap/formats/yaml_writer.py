"""Draft -> map YAML text: the one module besides `load` that uses the YAML library.

It also reads the small YAML snippets other formats embed (Argdown's `{...}`
data and front matter), through the map loader and by its rules.

The text written is meant to be read and edited by people: the modeline on
top, block style (one field per line), claims in the order the input gave
them, every premise written once where it is first used and referred to with
`ref` elsewhere, and ids derived from titles or text as slugs. A linked group
is written where it bears on its parent, as a `{linked: [...]}` item with its
id (when titled), by, weight, tags, note and undercuts; a group the map format
cannot hold (no premises, no parent, a premise that is a group) is left out
with a warning, its premises kept.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from argmap.formats.draft import Draft, DraftLink, DraftNode, slug
from argmap.model import SCHEMA_URL, LinkKind, Node
from argmap.vocabulary import Type, file_fields, is_id
from argmap.wording import counted

MODELINE = f"# yaml-language-server: $schema={SCHEMA_URL}"

# The node fields a draft node carries beside its text (its id is decided here).
_DRAFT_FIELDS = tuple(f for f in file_fields(Node) if f.key not in ("id", "text"))
# The fields a linked group carries beside its premises.
_GROUP_FIELDS = tuple(f for f in _DRAFT_FIELDS if f.spec.group)
_PATH_ID = re.compile(r"\.(pro|con|undercut|linked)\.\d+$")
MAX_NESTING = 50
"""Premises nested deeper than this are written as claims of their own (the loader
refuses YAML nested more than 256 levels, and every premise level takes two)."""

MAX_UNDERCUT_DEPTH = 120
"""Undercuts cannot be promoted: each is written on the link it attacks. An undercut of
an undercut ... nested deeper than this is left out (with a warning), as the loader
would refuse the file."""


# A string written without quotes: starts with a letter, digit or one of a few safe
# marks, holds no `: ` or ` #`, does not end in `:` or a space, and is printable.
_PLAIN = re.compile(
    r"[A-Za-z0-9\u00c0-\ud7ff(][^\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]*\Z"
)
_RESERVED = re.compile(
    r"(y|n|yes|no|on|off|true|false|null|~)\Z|(?=.*\d)[-+.0-9_:eE]+\Z|\d{4}-\d\d?-\d\d?",
    re.IGNORECASE,
)
# Characters YAML may not hold raw: controls, line breaks beyond \n, surrogates, non-characters.
_UNPRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if value is None:
        return "null"
    text = str(value)
    if (
        _PLAIN.match(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith((":", " "))
        and not _RESERVED.match(text)
    ):
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars

    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return "\\ufffd" if 0xD800 <= code <= 0xDFFF else f"\\u{code:04x}"

    return _UNPRINTABLE.sub(escape, quoted)


def _block(value: Any, indent: int) -> list[str]:
    """Block-style YAML lines for a mapping or list: one field per line, lists indented."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{pad}{_scalar(key)}:")
                lines += _block(item, indent + 2)
            elif isinstance(item, (dict, list)):
                lines.append(f"{pad}{_scalar(key)}: {'{}' if isinstance(item, dict) else '[]'}")
            else:
                lines.append(f"{pad}{_scalar(key)}: {_scalar(item)}")
        return lines
    for item in value:
        if isinstance(item, (dict, list)) and item:
            inner = _block(item, indent + 2)
            inner[0] = f"{pad}- {inner[0][indent + 2 :]}"
            lines += inner
        else:
            lines.append(f"{pad}- {_scalar(item)}")
    return lines


def dump_yaml(doc: dict[str, Any]) -> str:
    """`doc` (mappings, lists, strings, numbers, booleans) as block-style YAML text."""
    return "\n".join(_block(doc, 0)) + "\n"


class YamlDataError(ValueError):
    """A YAML snippet could not be read; `line` and `column` are 1-based within the snippet."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise ValueError("a key written twice")
    return found


def read_yaml_data(text: str) -> Any:
    """Plain data from a YAML snippet, by the map loader's rules (no anchors, aliases, tags,
    duplicate keys or deep nesting); YamlDataError if it is bad."""
    from argmap.errors import MapLoadError
    from argmap.load import load_yaml_data

    try:  # what argmap writes is JSON, which YAML includes: read fast, by the same rules
        return json.loads(text, object_pairs_hook=_unique_keys)
    except (ValueError, RecursionError):
        pass  # not JSON, or refused: the loader says why, as it would in a map
    try:
        return load_yaml_data(text)
    except MapLoadError as exc:
        first = exc.diagnostics[0]
        message = first.message.removeprefix("YAML syntax error: ")  # the caller says as much
        raise YamlDataError(
            message, max(first.position.line, 1), max(first.position.column, 1)
        ) from None


class _Ids:
    """Unique ids for the nodes, from titles first, then text."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, base: str) -> str:
        base = base or "node"
        candidate, n = base, 1
        while candidate in self.taken or _PATH_ID.search(candidate):
            n += 1
            candidate = f"{base}-{n}"
        self.taken.add(candidate)
        return candidate


def _preferred_id(node: DraftNode) -> str | None:
    """The slug of the node's title, unless it has none or it is an argmap path id."""
    if node.title is None:
        return None
    if _PATH_ID.search(node.title):
        return None
    if is_id(node.title):
        return node.title
    return slug(node.title, keep_dots=True) or None


def write_map(draft: Draft) -> str:
    """The draft as map YAML text; links to unknown nodes are dropped (importers warn first)."""
    return _Writer(draft).text()


class _Writer:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        nodes = draft.nodes
        link_keys = {lk.key for lk in draft.links}
        self.links = [
            lk
            for lk in draft.links
            if lk.source in nodes
            and (lk.target in link_keys if lk.kind is LinkKind.UNDERCUT else lk.target in nodes)
        ]
        self.links = _fit_groups(draft, self.links)
        self.incoming: dict[str, list[DraftLink]] = {}
        uses: dict[str, int] = {}
        for lk in self.links:
            self.incoming.setdefault(lk.target, []).append(lk)
            uses[lk.source] = uses.get(lk.source, 0) + 1
        # A group written at two links writes its premises twice: each is used once more.
        for lk in self.links:
            if lk.kind is LinkKind.LINKED and uses.get(lk.target, 0) > 1:
                uses[lk.source] += uses[lk.target] - 1
        # A linked group is written where it bears on its parent, never as a claim.
        self.groups = {k for k, node in nodes.items() if node.group}
        roots = [k for k in nodes if uses.get(k, 0) == 0 and k not in self.groups]
        self.claims: list[str] = []
        for key in [*draft.claims, *roots]:
            if key in nodes and key not in self.claims and key not in self.groups:
                self.claims.append(key)
        # Ids: claims and premises used more than once always; others (groups too) when
        # titled.
        ids = _Ids()
        self.ids: dict[str, str] = {}
        for key, node in nodes.items():
            preferred = _preferred_id(node)
            if preferred is not None or (
                key not in self.groups and (key in self.claims or uses.get(key, 0) > 1)
            ):
                self.ids[key] = ids.claim(preferred or slug(node.text))
        self.uses = uses
        # Links a node may be defined at: not refs in the foreign file, and without a note
        # (the map format keeps a note only on a ref).
        self.places: dict[str, int] = {}
        for lk in self.links:
            if not (lk.ref or lk.note):
                self.places[lk.source] = self.places.get(lk.source, 0) + 1
        self.ids_maker = ids
        self.defined: set[str] = set()
        self.promoted: list[str] = []
        self.too_deep: list[DraftLink] = []  # undercuts left out: nested deeper than YAML may

    def text(self) -> str:
        draft = self.draft
        claims: dict[str, Any] = {}
        self.defined.update(self.claims)
        pending = list(self.claims)
        unvisited = iter(draft.nodes)
        while True:
            for key in pending:
                claims[self.ids[key]] = self.node_fields(draft.nodes[key], depth=0)
            # Premises nested too deep to write in place became claims of their own.
            pending, self.promoted = self.promoted, []
            if pending:
                continue
            # Nodes reachable only through a cycle (or only from undercuts left out): the
            # first becomes a claim.
            rest = next(
                (k for k in unvisited if k not in self.defined and k not in self.groups), None
            )
            if rest is None:
                break
            pending = [self.promote(rest)]
        self.warn_too_deep()
        doc: dict[str, Any] = {"argmap": 1, "title": draft.title or "Imported map"}
        if draft.description:
            doc["description"] = draft.description
        if draft.allow_cycles or self.has_cycle():
            doc["allow-cycles"] = True
        if draft.sources:
            doc["sources"] = draft.sources
        if draft.actors:
            doc["actors"] = draft.actors
        doc["claims"] = claims
        body = dump_yaml(doc)
        return f"{MODELINE}\n{body}"

    def promote(self, key: str) -> str:
        """Make the node a top-level claim (it keeps its links, written as refs)."""
        if key not in self.ids:
            node = self.draft.nodes[key]
            self.ids[key] = self.ids_maker.claim(_preferred_id(node) or slug(node.text))
        self.claims.append(key)
        self.defined.add(key)
        return key

    def node_fields(self, node: DraftNode, depth: int, premise_id: bool = False) -> dict[str, Any]:
        fields: dict[str, Any] = {}
        if premise_id and node.key in self.ids:
            fields["id"] = self.ids[node.key]
        fields["text"] = node.text
        for f in _DRAFT_FIELDS:  # the rest of the vocabulary's node fields, in its order
            value = getattr(node, f.name)
            if value is None or value is False or value == "" or value == []:
                continue  # not given (a weight of 0 is given)
            if f.spec.type in (Type.IDS, Type.QUOTES) and len(value) == 1:
                value = value[0]  # `by: crane`, `quote: {...}`: one is written as itself
            fields[f.key] = list(value) if isinstance(value, list) else value
        for kind in (LinkKind.PRO, LinkKind.CON):
            items = [
                self.item(lk, depth + 1)
                for lk in self.incoming.get(node.key, [])
                if lk.kind is kind
            ]
            if items:
                fields[kind.value] = items
        return fields

    def item(self, link: DraftLink, depth: int) -> dict[str, Any]:
        if link.source in self.groups:
            return self.undercuts(link, self.group_fields(link, depth), depth)
        definable = not (link.ref or link.note)
        if definable and self.places.get(link.source):
            self.places[link.source] -= 1
        if link.source not in self.defined:
            if depth > MAX_NESTING:
                self.promoted.append(self.promote(link.source))
            elif not definable and self.places.get(link.source):
                pass  # a ref before the node's own place: the node is defined there
            else:
                if link.note:
                    self.draft.warn(
                        "W611",
                        "a note on a link that is not a ref is left out: the map format"
                        " keeps notes on refs only",
                        link.position,
                    )
                self.defined.add(link.source)
                fields = self.node_fields(self.draft.nodes[link.source], depth, premise_id=True)
                return self.undercuts(link, fields, depth)
        fields = {"ref": self.ids[link.source]}
        if link.note:
            fields["note"] = link.note
        return self.undercuts(link, fields, depth)

    def group_fields(self, link: DraftLink, depth: int) -> dict[str, Any]:
        """A linked group as its `pro` or `con` item: its id (once: a group written at two
        links is written twice), its premises under `linked`, then by, weight, tags, note."""
        group = self.draft.nodes[link.source]
        fields: dict[str, Any] = {}
        if group.key in self.ids and group.key not in self.defined:
            fields["id"] = self.ids[group.key]
        self.defined.add(group.key)
        # `linked` and the premise's mapping are two levels of YAML more than a plain item.
        fields["linked"] = [
            self.item(lk, depth + 2)
            for lk in self.incoming.get(group.key, [])
            if lk.kind is LinkKind.LINKED
        ]
        for f in _GROUP_FIELDS:
            value = getattr(group, f.name)
            if value is None or value == "" or value == []:
                continue
            if f.spec.type is Type.IDS and len(value) == 1:
                value = value[0]
            fields[f.key] = list(value) if isinstance(value, list) else value
        return fields

    def undercuts(self, link: DraftLink, fields: dict[str, Any], depth: int) -> dict[str, Any]:
        attacks = self.incoming.get(link.key, [])
        if attacks and depth > MAX_UNDERCUT_DEPTH:
            self.too_deep += attacks
            return fields
        items = [self.item(lk, depth + 1) for lk in attacks]
        if items:
            fields["undercut"] = items
        return fields

    def warn_too_deep(self) -> None:
        """One warning for the undercuts nested too deep to write, and all that attack them."""
        if not self.too_deep:
            return
        first = self.too_deep[0]
        count, todo = 0, list(self.too_deep)
        while todo:
            count += 1
            todo += self.incoming.get(todo.pop().key, [])
        many = count != 1
        self.draft.warn(
            "W614",
            f"{counted(count, 'undercut')} nested deeper than a map can hold"
            f" ({MAX_UNDERCUT_DEPTH} levels) {'are' if many else 'is'} left out,"
            f" {'the first' if many else 'the one'} by {self.draft.nodes[first.source].text!r}",
            first.position,
        )

    def has_cycle(self) -> bool:
        """Whether following links (premise -> parent, undercutter -> link's parent) loops."""
        by_key = {lk.key: lk for lk in self.links}
        parent: dict[str, str | None] = {}  # link key -> the node its chain of undercuts ends at

        def end(link: DraftLink) -> str | None:
            chain: list[str] = []
            seen: set[str] = set()
            current: DraftLink | None = link
            while current is not None and current.key not in parent:
                if current.kind is not LinkKind.UNDERCUT:
                    parent[current.key] = current.target
                    break
                if current.key in seen:  # undercuts that undercut each other: no end
                    break
                chain.append(current.key)
                seen.add(current.key)
                current = by_key.get(current.target)
            found = parent.get(current.key) if current is not None else None
            for key in chain:
                parent[key] = found
            return found

        edges: dict[str, list[str]] = {}
        for lk in self.links:
            target = end(lk)
            if target is not None:
                edges.setdefault(lk.source, []).append(target)
        return _cyclic(self.draft.nodes, edges)


def _fit_groups(draft: Draft, links: list[DraftLink]) -> list[DraftLink]:
    """The links with the linked groups made to fit the map format, a warning for each
    change: a group's premises are plain statements (not groups), it bears on a statement
    (not a group) by pro or con, it is not an undercut, no undercut attacks a premise's
    place in it; a group without premises or without a parent is left out (its premises
    stay)."""
    nodes = draft.nodes
    kept: list[DraftLink] = []
    for lk in links:
        source, target = nodes[lk.source], nodes.get(lk.target)
        problem = None
        if lk.kind is LinkKind.LINKED:
            if target is None or not target.group:
                problem = "a premise joins something that is not a linked group"
            elif source.group:
                problem = "a linked group cannot be a premise of another"
        elif target is not None and target.group:
            problem = "a linked group is supported or attacked only through its premises"
        elif source.group and lk.kind is LinkKind.UNDERCUT:
            problem = "an undercut cannot be a linked group"
        if problem is None:
            kept.append(lk)
        else:
            draft.warn("W614", f"{problem}: this link is left out", lk.position)
    linked = {lk.key for lk in kept if lk.kind is LinkKind.LINKED}
    # A group needs a premise and a parent (with_parent holds plain statements too; only
    # groups are looked up in it).
    with_premises = {lk.target for lk in kept if lk.kind is LinkKind.LINKED}
    with_parent = {lk.source for lk in kept if lk.kind is not LinkKind.LINKED}
    dropped = set()
    for key, node in nodes.items():
        if node.group and not (key in with_premises and key in with_parent):
            dropped.add(key)
            what = "premises" if key not in with_premises else "a statement it bears on"
            draft.warn("W614", f"a linked group without {what} is left out", node.position)
    result = []
    for lk in kept:
        if lk.kind is LinkKind.UNDERCUT and lk.target in linked:
            draft.warn(
                "W614",
                "an undercut of a premise's place in a linked group is left out (an undercut"
                " attacks the group's link as a whole)",
                lk.position,
            )
        elif lk.source not in dropped and lk.target not in dropped:
            result.append(lk)
    return result


def _cyclic(nodes: Iterable[str], edges: dict[str, list[str]]) -> bool:
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    for start in nodes:
        if state.get(start):
            continue
        stack = [(start, iter(edges.get(start, ())))]
        state[start] = 1
        while stack:
            current, children = stack[-1]
            for child in children:
                if state.get(child) == 1:
                    return True
                if not state.get(child):
                    state[child] = 1
                    stack.append((child, iter(edges.get(child, ()))))
                    break
            else:
                state[current] = 2
                stack.pop()
    return False
