"""What changed between two versions of a map: plain data for `argmap diff`, and its formats.

Nodes are matched in three passes:
1. by id, where the id was written (`id:` or a claim's key) on either side, or
   where a path id (`c.pro.2`) names a premise with the same text on both sides;
2. by identical text (white space collapsed), so a premise that moved, or whose
   path id shifted because a sibling was inserted before it, is still itself;
3. by word similarity, for the rest where one side has a path id, so a premise
   reworded *and* renumbered is reported as reworded rather than removed and added.

A linked group has no text of its own (`together: A + B` is derived from its premises'),
so it is paired only with a group: by an `id` written on either side, or else by its
premises (once they are matched), the group sharing the most of them, at least half of
the larger group's; its derived text is never reported as reworded. A premise moving
into or out of a group is a move (`pro of c` → `premise of linked group g`).

Relations are compared as graph edges, keyed by their matched ends, so a
relation counts as changed only when the graph changed: a new `ref`, a link
whose kind flipped (pro to con), a premise moved under another parent. The
link that places an added or removed premise is part of that premise's entry.
"""

from __future__ import annotations

import difflib
import json
import re
import subprocess
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import attrs

from argmap.errors import ArgmapError, MapLoadError
from argmap.escape import md
from argmap.load import MAX_FILE_BYTES, load_map, loads_map
from argmap.model import Actor, ArgumentMap, Link, LinkKind, Node, Source
from argmap.numbers import json_number
from argmap.vocabulary import Type, file_fields
from argmap.wording import STATUS_WORD

GIT_PREFIX = "git:"
SIMILAR = 0.6
"""Word-sequence similarity (difflib ratio) above which two premises count as one, reworded."""

STRENGTH_STEP = 0.005
"""Strength changes smaller than this (invisible at two decimals) are not reported."""


# ---------------------------------------------------------------------------
# Reading the two maps.


def read_map_spec(spec: str) -> ArgumentMap:
    """Load a map from a file path, or from git with `git:REV:PATH` (via `git show REV:PATH`).

    PATH in the git form is as git reads it: from the top of the repository, or
    relative to the current directory when it starts with `./`.
    Raises MapLoadError for a bad map and ArgmapError (E703) when git fails.
    """
    if not spec.startswith(GIT_PREFIX):
        return load_map(spec)
    rev_path = spec[len(GIT_PREFIX) :]
    if ":" not in rev_path:
        raise ArgmapError(
            "E703", f"{spec}: write a git map as git:REV:PATH, e.g. git:HEAD:maps/a.yaml"
        )
    if rev_path.startswith("-"):
        # git would read it as an option (`--output=FILE` writes a file): never passed on.
        raise ArgmapError("E703", f"{spec}: a revision cannot start with '-' (write git:REV:PATH)")
    try:
        # The map size limit, checked before the blob is read (`git cat-file -s` is its size).
        size = subprocess.run(
            ["git", "cat-file", "-s", "--end-of-options", rev_path],
            capture_output=True,
            check=False,
            timeout=60,
        )
        if size.returncode == 0 and int(size.stdout or 0) > MAX_FILE_BYTES:
            raise ArgmapError(
                "E003",
                f"{spec}: file is {int(size.stdout):,} bytes; maps are limited to"
                f" {MAX_FILE_BYTES:,} bytes",
            )
        done = subprocess.run(
            ["git", "show", "--end-of-options", rev_path],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except FileNotFoundError:
        raise ArgmapError(
            "E703", f"{spec}: git is not installed (needed for git:REV:PATH)"
        ) from None
    except subprocess.TimeoutExpired:
        raise ArgmapError("E703", f"{spec}: `git show {rev_path}` did not finish in 60 s") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = lines[0] if lines else f"exit status {done.returncode}"
        raise ArgmapError("E703", f"{spec}: `git show {rev_path}` failed: {reason}")
    try:
        text = done.stdout.decode("utf-8")
    except UnicodeDecodeError:
        raise ArgmapError("E002", f"{spec}: not UTF-8; save the file as UTF-8") from None
    return loads_map(text.removeprefix("\ufeff"), spec)


# ---------------------------------------------------------------------------
# The data.


@attrs.frozen
class Edge:
    """A relation as a reader sees it: `source` supports / attacks / undercuts `target`.

    For an undercut, `target` is the edge it attacks (the inference), so an
    edge is meaningful in either version of the map, whatever its link id.
    """

    source: str
    kind: str  # "pro" | "con" | "undercut" | "linked" (a premise of the linked group target)
    target: str | Edge
    ref: bool = False

    def to_json(self) -> dict[str, Any]:
        target = self.target.to_json() if isinstance(self.target, Edge) else self.target
        return {"source": self.source, "kind": self.kind, "target": target, "ref": self.ref}


@attrs.frozen
class NodeEntry:
    """An added or removed node, with the edge that places it (None for a top-level claim)."""

    id: str
    kind: str  # "claim" | "premise" | "group" (a linked group; its text is derived)
    text: str
    placement: Edge | None


@attrs.frozen
class Reworded:
    id: str
    old_id: str
    old: str
    new: str
    words: tuple[tuple[str, str, str], ...]  # `word_diff` pieces: (op, space, text)


@attrs.frozen
class Moved:
    id: str
    old_id: str
    old: Edge | None  # None: it was a top-level claim
    new: Edge | None
    # The texts of the old and new parent, when the two places read alike (a premise moved
    # from one linked group to another that has taken the old one's path id).
    parent_texts: tuple[str, str] | None = None

    def places(self, code: Callable[[str], str] = str, prose: Callable[[str], str] = str) -> str:
        """`pro of a → premise of linked group g`."""
        was, now = describe_placement(self.old, code), describe_placement(self.new, code)
        if self.parent_texts is not None:
            was += f" ({prose(self.parent_texts[0])})"
            now += f" ({prose(self.parent_texts[1])})"
        return f"{was} → {now}"


@attrs.frozen
class Renamed:
    old_id: str
    id: str


@attrs.frozen
class RelationChange:
    change: str  # "added" | "removed" | "flipped"
    edge: Edge  # as in the new map (added, flipped) or the old one (removed)
    old_kind: str | None = None  # flipped: the kind it had
    # The source node's text, when the change would otherwise read exactly like another one
    # (a ref to a path id that now names another premise: `+ a.con.1 …` and `- a.con.1 …`).
    source_text: str | None = None


@attrs.frozen
class FieldChange:
    owner: str  # a node, actor or source id; "map" for the map's own fields
    field: str
    old: str | None
    new: str | None


@attrs.frozen
class EntryChanges:
    """Actors or sources added, removed and changed (by id)."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[FieldChange, ...] = ()

    def __len__(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)


@attrs.frozen
class ScoreChange:
    id: str
    old_strength: float
    new_strength: float
    old_status: str
    new_status: str


@attrs.frozen
class MapDiff:
    old_path: str
    new_path: str
    map_fields: tuple[FieldChange, ...] = ()
    added: tuple[NodeEntry, ...] = ()
    removed: tuple[NodeEntry, ...] = ()
    reworded: tuple[Reworded, ...] = ()
    moved: tuple[Moved, ...] = ()
    renamed: tuple[Renamed, ...] = ()
    relations: tuple[RelationChange, ...] = ()
    node_fields: tuple[FieldChange, ...] = ()
    actors: EntryChanges = EntryChanges()
    sources: EntryChanges = EntryChanges()
    # None: evaluation was off or could not run (`evaluation_note` says why).
    scores: tuple[ScoreChange, ...] | None = None
    semantics: str | None = None
    support: str | None = None
    evaluation_note: str | None = None

    @property
    def reading(self) -> str:
        """The semantics, and the support reading when it is not the default."""
        if self.support in (None, "attacks-only"):
            return str(self.semantics)
        return f"{self.semantics}, support {self.support}"

    def counts(self) -> dict[str, int]:
        return {
            "map": len(self.map_fields),
            "added": len(self.added),
            "removed": len(self.removed),
            "reworded": len(self.reworded),
            "moved": len(self.moved),
            "renamed": len(self.renamed),
            "relations": len(self.relations),
            "fields": len(self.node_fields),
            "actors": len(self.actors),
            "sources": len(self.sources),
            "scores": len(self.scores or ()),
        }

    @property
    def empty(self) -> bool:
        return not any(self.counts().values())


# ---------------------------------------------------------------------------
# Matching nodes.


def _words(text: str) -> list[str]:
    return [token for _space, token in _tokens(text)]


def _same_text(a: str, b: str) -> bool:
    return _words(a) == _words(b)


def _defining_links(m: ArgumentMap) -> dict[str, Link]:
    """Each node's first non-ref link: the place it is written."""
    placed: dict[str, Link] = {}
    for link in m.links:
        if not link.is_ref:
            placed.setdefault(link.source, link)
    return placed


def match_nodes(old: ArgumentMap, new: ArgumentMap) -> dict[str, str]:
    """Old node id -> new node id for every node that is the same node in both versions."""
    old_all = {n.id: n for n in old.unique_nodes()}
    new_all = {n.id: n for n in new.unique_nodes()}
    pairs: dict[str, str] = {}
    # a linked group pairs with a group only: by a written id here, by premises at the end
    for oid, on in old_all.items():
        nn = new_all.get(oid)
        if nn is not None and on.is_group and nn.is_group and (on.explicit_id or nn.explicit_id):
            pairs[oid] = oid
    old_nodes = {k: n for k, n in old_all.items() if not n.is_group}
    new_nodes = {k: n for k, n in new_all.items() if not n.is_group}

    # 1. the same id, written on either side, or a path id still naming the same text
    for oid, on in old_nodes.items():
        nn = new_nodes.get(oid)
        if nn is not None and (on.explicit_id or nn.explicit_id or _same_text(on.text, nn.text)):
            pairs[oid] = oid
    taken = set(pairs.values())

    # 2. identical text: moved premises, and path ids shifted by an insertion
    by_text: dict[tuple[str, ...], list[str]] = {}
    for nid, nn in new_nodes.items():
        if nid not in taken:
            by_text.setdefault(tuple(_words(nn.text)), []).append(nid)
    for oid, on in old_nodes.items():
        if oid in pairs:
            continue
        candidates = by_text.get(tuple(_words(on.text)))
        if candidates:
            pairs[oid] = candidates.pop(0)
    taken = set(pairs.values())

    # 3. similar words, where a path id on either side means the id proves nothing
    old_left = [on for oid, on in old_nodes.items() if oid not in pairs]
    new_left = [nn for nid, nn in new_nodes.items() if nid not in taken]
    old_parent = {k: lk.target for k, lk in _defining_links(old).items()}
    new_parent = {k: lk.target for k, lk in _defining_links(new).items()}
    everything = len(old_left) * len(new_left) <= 40_000
    scored: list[tuple[float, int, int]] = []
    for i, on in enumerate(old_left):
        owords = _words(on.text)
        parent = old_parent.get(on.id)
        mapped_parent = pairs.get(parent, parent) if parent is not None else None
        for j, nn in enumerate(new_left):
            if on.explicit_id and nn.explicit_id:
                continue
            same_parent = mapped_parent is not None and mapped_parent == new_parent.get(nn.id)
            if not (everything or same_parent):
                continue
            matcher = difflib.SequenceMatcher(None, owords, _words(nn.text), autojunk=False)
            if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
                continue
            ratio = matcher.ratio()
            if ratio >= SIMILAR:
                # prefer the candidate under the same parent, then the same path id
                bonus = 0.02 * same_parent + 0.01 * (on.id == nn.id)
                scored.append((ratio + bonus, i, j))
    for i, j in _best_first(scored):
        pairs[old_left[i].id] = new_left[j].id
    _pair_groups(old, new, old_all, new_all, pairs)
    return pairs


def _pair_groups(
    old: ArgumentMap,
    new: ArgumentMap,
    old_all: dict[str, Node],
    new_all: dict[str, Node],
    pairs: dict[str, str],
) -> None:
    """Pair the linked groups left by their premises (module docstring), in place."""
    taken = set(pairs.values())
    old_groups = [n.id for n in old_all.values() if n.is_group and n.id not in pairs]
    new_groups = [n.id for n in new_all.values() if n.is_group and n.id not in taken]
    if not old_groups or not new_groups:
        return
    old_parent = {k: lk.target for k, lk in _defining_links(old).items()}
    new_parent = {k: lk.target for k, lk in _defining_links(new).items()}
    new_members = {g: {lk.source for lk in new.members(g)} for g in new_groups}
    scored: list[tuple[float, int, int]] = []
    for i, og in enumerate(old_groups):
        members = old.members(og)
        # its premises as the new map names them; an unmatched one shares nothing (its
        # path id may be a new premise's)
        mine = {pairs[lk.source] for lk in members if lk.source in pairs}
        parent = old_parent.get(og)
        mapped_parent = pairs.get(parent, parent) if parent is not None else None
        for j, ng in enumerate(new_groups):
            shared = len(mine & new_members[ng])
            larger = max(len(members), len(new_members[ng]))
            if not shared or 2 * shared < larger:
                continue
            same_parent = mapped_parent is not None and mapped_parent == new_parent.get(ng)
            scored.append((shared / larger + 0.02 * same_parent + 0.01 * (og == ng), i, j))
    for i, j in _best_first(scored):
        pairs[old_groups[i]] = new_groups[j]


def _best_first(scored: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Greedy matching: the (old, new) pairs taken best score first, each side once (ties
    by position, so the result never depends on the order of a set)."""
    used_old: set[int] = set()
    used_new: set[int] = set()
    taken = []
    for _score, i, j in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        taken.append((i, j))
    return taken


# ---------------------------------------------------------------------------
# Comparing.


_TOKEN = re.compile(r"(\s*)(\w+(?:['’]\w+)*|[^\w\s])")


def _tokens(text: str) -> list[tuple[str, str]]:
    """Words and punctuation marks, each with the white space before it (" " or "")."""
    return [(" " if m.group(1) else "", m.group(2)) for m in _TOKEN.finditer(text)]


def word_diff(old: str, new: str, context: int = 3) -> tuple[tuple[str, str, str], ...]:
    """The word-level change from `old` to `new` as `(op, space, text)` pieces.

    `op` is "=" (kept), "-" (removed) or "+" (inserted); `space` is the white
    space written before the piece. Kept runs longer than `context` words on
    either side of a change are shortened to "…".
    """
    a, b = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(None, [t for _, t in a], [t for _, t in b], autojunk=False)
    opcodes = matcher.get_opcodes()

    def joined(tokens: Sequence[tuple[str, str]]) -> tuple[str, str]:
        text = "".join(space + token for space, token in tokens)
        return (tokens[0][0], text.lstrip()) if tokens else ("", "")

    pieces: list[tuple[str, str, str]] = []
    for n, (op, i1, i2, j1, j2) in enumerate(opcodes):
        if op == "equal":
            # After an insertion the kept words are spaced as in the new text, so that
            # `[racial]` reads `{+[+}racial`; otherwise as in the old one.
            after_insert = n > 0 and opcodes[n - 1][0] in ("insert", "replace")
            run = b[j1:j2] if after_insert else a[i1:i2]
            head = 0 if n == 0 else context
            tail = 0 if n == len(opcodes) - 1 else context
            if len(opcodes) > 1 and len(run) > head + tail + 1:
                kept = [*run[:head], (" " if head else "", "…"), *run[len(run) - tail :]]
                if not head and kept[0][0] == "" and len(kept) > 1:
                    kept[1] = (" ", kept[1][1])
                run = kept
            pieces.append(("=", *joined(run)))
            continue
        if i2 > i1:
            pieces.append(("-", *joined(a[i1:i2])))
        if j2 > j1:
            space, text = joined(b[j1:j2])
            pieces.append(("+", "" if i2 > i1 else space, text))
    return tuple(pieces)


def word_diff_text(pieces: Iterable[tuple[str, str, str]]) -> str:
    """`… would [-lower-]{+raise+} prices`: git's plain word-diff marks."""
    marks = {"=": ("", ""), "-": ("[-", "-]"), "+": ("{+", "+}")}
    return "".join(f"{space}{marks[op][0]}{text}{marks[op][1]}" for op, space, text in pieces)


class _Edges:
    """The edges of one map, keyed by their (matched) ends so both versions compare."""

    def __init__(self, m: ArgumentMap, rename: Callable[[str], str]) -> None:
        self.map = m
        self.rename = rename
        self.by_key: dict[Any, tuple[Link, Edge]] = {}
        self._keys: dict[str, Any] = {}
        for link in m.links:
            key = self.key(link.id)
            self.by_key.setdefault(key, (link, self.edge(link.id)))  # type: ignore[arg-type]

    def key(self, link_id: str) -> Any:
        # Undercuts nest no deeper than the file (the loader bounds it), so this recursion ends.
        if link_id in self._keys:
            return self._keys[link_id]
        link = self.map.get_link(link_id)
        if link is None:
            return ("missing", link_id)
        if link.kind is LinkKind.UNDERCUT:
            target: Any = ("link", self.key(link.target))
        else:
            target = self.rename(link.target)
        key = (self.rename(link.source), target)
        self._keys[link_id] = key
        return key

    def edge(self, link_id: str) -> Edge | str:
        link = self.map.get_link(link_id)
        if link is None:
            return link_id
        target: str | Edge = link.target
        if link.kind is LinkKind.UNDERCUT:
            target = self.edge(link.target)
        return Edge(link.source, link.kind.value, target, link.is_ref)

    def placement(self, node_id: str, defining: dict[str, Link]) -> Edge | None:
        link = defining.get(node_id)
        if link is None:
            return None
        edge = self.edge(link.id)
        return edge if isinstance(edge, Edge) else None


def _kind(node: Node) -> str:
    return node.kind.value


def _field_text(kind: Type, value: Any) -> str | None:
    """A node field's value as diff shows it; None for "not given"."""
    if kind in (Type.IDS, Type.WORDS):
        return ", ".join(value) or None
    if kind is Type.QUOTES:
        return "; ".join(f"“{q.text}” ({q.source})" for q in value) or None
    if kind is Type.NUMBER:
        return None if value is None else f"{value:g}"
    if kind is Type.FLAG:
        return "true" if value else None
    return None if value is None else str(value)


# Every field of a node but its id (matched) and text (reworded), from the vocabulary.
_NODE_FIELDS = tuple(f for f in file_fields(Node) if f.key not in ("id", "text"))
_MAP_FIELDS = tuple(
    f.name for f in file_fields(ArgumentMap) if f.spec.type in (Type.TEXT, Type.FLAG)
)


def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in file_fields(cls))


def _entry_fields(old: Any, new: Any, names: Sequence[str], owner: str) -> list[FieldChange]:
    changes = []
    for name in names:
        a, b = getattr(old, name), getattr(new, name)
        a = a.value if hasattr(a, "value") else a
        b = b.value if hasattr(b, "value") else b
        if a != b:
            changes.append(FieldChange(owner, name, a, b))
    return changes


def _entries(old: dict[str, Any], new: dict[str, Any], names: Sequence[str]) -> EntryChanges:
    changed: list[FieldChange] = []
    for key in old:
        if key in new:
            changed += _entry_fields(old[key], new[key], names, key)
    return EntryChanges(
        added=tuple(k for k in new if k not in old),
        removed=tuple(k for k in old if k not in new),
        changed=tuple(changed),
    )


def diff_maps(
    old: ArgumentMap,
    new: ArgumentMap,
    *,
    evaluate: bool = True,
    semantics: str = "dfquad",
    support: str = "attacks-only",
) -> MapDiff:
    """Everything that changed from `old` to `new`, in the new map's order."""
    pairs = match_nodes(old, new)
    back = {v: k for k, v in pairs.items()}
    old_nodes = {n.id: n for n in old.unique_nodes()}
    new_nodes = {n.id: n for n in new.unique_nodes()}

    def rename_old(node_id: str) -> str:
        if node_id in pairs:
            return pairs[node_id]
        if node_id in old_nodes:
            return "\0old\0" + node_id  # unmatched: never equal to a new id
        return node_id  # a ref to a missing id: the same missing id in both versions

    old_edges = _Edges(old, rename_old)
    new_edges = _Edges(new, lambda node_id: node_id)
    old_defining = _defining_links(old)
    new_defining = _defining_links(new)

    added = tuple(
        NodeEntry(nid, _kind(n), n.text, new_edges.placement(nid, new_defining))
        for nid, n in new_nodes.items()
        if nid not in back
    )
    removed = tuple(
        NodeEntry(oid, _kind(n), n.text, old_edges.placement(oid, old_defining))
        for oid, n in old_nodes.items()
        if oid not in pairs
    )
    explained: set[Any] = set()  # edge keys already told as part of a node's entry
    for entry in added:
        if entry.id in new_defining:
            explained.add(new_edges.key(new_defining[entry.id].id))
    for entry in removed:
        if entry.id in old_defining:
            explained.add(old_edges.key(old_defining[entry.id].id))

    reworded, moved, renamed, fields = [], [], [], []
    for nid, nn in new_nodes.items():
        oid = back.get(nid)
        if oid is None:
            continue
        on = old_nodes[oid]
        if not nn.is_group and not _same_text(on.text, nn.text):  # a group's text is derived
            reworded.append(Reworded(nid, oid, on.text, nn.text, word_diff(on.text, nn.text)))
        if oid != nid and (on.explicit_id or nn.explicit_id):
            renamed.append(Renamed(oid, nid))
        was, now = old_defining.get(oid), new_defining.get(nid)
        was_key = old_edges.key(was.id) if was else None
        now_key = new_edges.key(now.id) if now else None
        if (
            was_key != now_key
            and (was_key is None or was_key not in new_edges.by_key)
            and (now_key is None or now_key not in old_edges.by_key)
        ):
            was_placed = old_edges.placement(oid, old_defining)
            now_placed = new_edges.placement(nid, new_defining)
            texts = None
            if was and now and describe_placement(was_placed) == describe_placement(now_placed):
                was_parent, now_parent = old.get_node(was.target), new.get_node(now.target)
                if was_parent is not None and now_parent is not None:
                    texts = (was_parent.text, now_parent.text)
            moved.append(Moved(nid, oid, was_placed, now_placed, texts))
            explained.update(k for k in (was_key, now_key) if k is not None)
        for f in _NODE_FIELDS:
            a = _field_text(f.spec.type, getattr(on, f.name))
            b = _field_text(f.spec.type, getattr(nn, f.name))
            if a != b:
                fields.append(FieldChange(nid, f.key, a, b))

    relations: list[RelationChange] = []
    for key, (link, edge) in new_edges.by_key.items():
        if key in explained:
            continue
        before = old_edges.by_key.get(key)
        if before is None:
            relations.append(RelationChange("added", edge))
        else:
            if before[0].kind is not link.kind:
                relations.append(RelationChange("flipped", edge, before[0].kind.value))
            if before[0].note != link.note:  # a ref's note: why it bears on this parent
                fields.append(FieldChange(link.id, "note", before[0].note, link.note))
    for key, (_link, edge) in old_edges.by_key.items():
        if key not in explained and key not in new_edges.by_key:
            relations.append(RelationChange("removed", edge))

    relations = _told_apart(relations, old, new)
    map_fields = _entry_fields(old, new, _MAP_FIELDS, "map")
    map_fields = [attrs.evolve(f, field=f.field.replace("_", "-")) for f in map_fields]
    result = MapDiff(
        old_path=old.path,
        new_path=new.path,
        map_fields=tuple(_stringify(f) for f in map_fields),
        added=added,
        removed=removed,
        reworded=tuple(reworded),
        moved=tuple(moved),
        renamed=tuple(renamed),
        relations=tuple(relations),
        node_fields=tuple(fields),
        actors=_entries(dict(old.actors), dict(new.actors), _names(Actor)),
        sources=_entries(dict(old.sources), dict(new.sources), _names(Source)),
    )
    if evaluate:
        result = _with_scores(result, old, new, pairs, semantics, support)
    return result


def _told_apart(
    relations: list[RelationChange], old: ArgumentMap, new: ArgumentMap
) -> list[RelationChange]:
    """The changes, each added and removed pair that would read alike given its source's text."""
    sides: dict[str, set[str]] = {}
    for r in relations:
        sides.setdefault(_relation_text(r), set()).add(r.change)
    out = []
    for r in relations:
        if len(sides[_relation_text(r)]) > 1:
            node = (old if r.change == "removed" else new).get_node(r.edge.source)
            if node is not None:
                r = attrs.evolve(r, source_text=node.text)
        out.append(r)
    return out


def _stringify(change: FieldChange) -> FieldChange:
    def text(value: Any) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool):
            return "true" if value else "false"
        return str(value)

    return FieldChange(change.owner, change.field, text(change.old), text(change.new))


def _with_scores(
    result: MapDiff,
    old: ArgumentMap,
    new: ArgumentMap,
    pairs: dict[str, str],
    semantics: str,
    support: str,
) -> MapDiff:
    from argmap.evaluate import evaluate as run_evaluation
    from argmap.evaluate import not_converged
    from argmap.validate import require_valid

    try:
        before = run_evaluation(require_valid(old), semantics=semantics, support=support)
        after = run_evaluation(require_valid(new), semantics=semantics, support=support)
    except MapLoadError as exc:
        note = f"not evaluated: {exc.position}: {exc.message} [{exc.code}]"
        return attrs.evolve(result, evaluation_note=note)
    except ArgmapError as exc:
        return attrs.evolve(result, evaluation_note=f"not evaluated: {exc.message} [{exc.code}]")
    unsettled = [
        not_converged(m.path, e, "its strengths are approximate")
        for m, e in ((old, before), (new, after))
        if not e.converged
    ]
    if unsettled:  # the E501 of every command, naming the map; the scores are still told
        note = "; ".join(f"{p.position}: {p.message} [{p.code}]" for p in unsettled)
        result = attrs.evolve(result, evaluation_note=note)
    back = {v: k for k, v in pairs.items()}
    changes = []
    for nid in new.node_ids:
        oid = back.get(nid)
        if oid is None or oid not in before.nodes or nid not in after.nodes:
            continue
        a, b = before.nodes[oid], after.nodes[nid]
        if abs(a.strength - b.strength) >= STRENGTH_STEP or a.status != b.status:
            changes.append(ScoreChange(nid, a.strength, b.strength, a.status.value, b.status.value))
    return attrs.evolve(result, scores=tuple(changes), semantics=semantics, support=support)


# ---------------------------------------------------------------------------
# Formats: text (terminal, logs), markdown (a pull-request comment), json.

_VERB = {
    "pro": "supports",
    "con": "attacks",
    "undercut": "undercuts",
    "linked": "is a premise of linked group",
}


def describe_edge(edge: Edge, code: Callable[[str], str] = str) -> str:
    """`a supports b`, `x undercuts (a supports b)`; `code` wraps each id (markdown)."""
    if isinstance(edge.target, Edge):
        target = f"({describe_edge(edge.target, code)})"
    else:
        target = code(edge.target)
    return f"{code(edge.source)} {_VERB[edge.kind]} {target}"


def describe_placement(edge: Edge | None, code: Callable[[str], str] = str) -> str:
    """Where a node is written: `pro of b`, `undercut of (a supports b)`, `top-level claim`."""
    if edge is None:
        return "top-level claim"
    if isinstance(edge.target, Edge):
        return f"{edge.kind} of ({describe_edge(edge.target, code)})"
    if edge.kind == "linked":
        return f"premise of linked group {code(edge.target)}"
    return f"{edge.kind} of {code(edge.target)}"


# Fields whose values are numbers, flags or ids: shown as they are. Free text is quoted,
# so that its ends (and an empty text) can be seen.
_UNQUOTED = frozenset({"weight", "implicit", "allow-cycles", "by", "tags", "kind"})


def _shown(value: str | None, field: str) -> str:
    if value is None:
        return "(none)"
    return value if field in _UNQUOTED else json.dumps(value, ensure_ascii=False)


def _was_now(f: FieldChange) -> str:
    """`weight: (none) → 0.6`."""
    return f"{f.field}: {_shown(f.old, f.field)} → {_shown(f.new, f.field)}"


def summary_line(d: MapDiff) -> str:
    """`2 added, 1 reworded, 3 relations changed`, or `no changes`."""
    c = d.counts()

    def changed(n: int, noun: str) -> tuple[int, str]:
        return n, f"{noun}{'' if n == 1 else 's'} changed"

    words = [
        (c["added"], "added"),
        (c["removed"], "removed"),
        (c["reworded"], "reworded"),
        (c["moved"], "moved"),
        (c["renamed"], "renamed"),
        changed(c["relations"], "relation"),
        changed(c["fields"], "field"),
        changed(c["map"], "map field"),
        changed(c["actors"], "actor"),
        changed(c["sources"], "source"),
        changed(c["scores"], "score"),
    ]
    shown = [f"{n} {w}" for n, w in words if n]
    return ", ".join(shown) if shown else "no changes"


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _relation_text(
    r: RelationChange, code: Callable[[str], str] = str, prose: Callable[[str], str] = _quoted
) -> str:
    notes = ["ref"] if r.edge.ref else []
    if r.change == "flipped":
        notes.append(f"was: {_VERB.get(r.old_kind or '', r.old_kind)}")
    if r.source_text is not None:
        reads = "read" if r.change == "removed" else "now reads"
        notes.append(f"{code(r.edge.source)} {reads} {prose(r.source_text)}")
    return describe_edge(r.edge, code) + (f" ({'; '.join(notes)})" if notes else "")


def _score_text(s: ScoreChange) -> str:
    parts = []
    if abs(s.old_strength - s.new_strength) >= STRENGTH_STEP:
        parts.append(f"strength {s.old_strength:.2f} → {s.new_strength:.2f}")
    if s.old_status != s.new_status:
        parts.append(f"status {STATUS_WORD[s.old_status]} → {STATUS_WORD[s.new_status]}")
    return ", ".join(parts)


def to_text(d: MapDiff) -> str:
    """Plain lines, one change each, marked `+` added, `-` removed, `~` changed, `>` moved."""
    lines = [f"--- {d.old_path}", f"+++ {d.new_path}"]

    def section(title: str, items: Sequence[str]) -> None:
        if items:
            lines.append("")
            lines.append(f"{title} ({len(items)}):")
            lines.extend(f"  {item}" for item in items)

    section("map", [f"~ {_was_now(f)}" for f in d.map_fields])
    section(
        "added",
        [f"+ {e.id} ({describe_placement(e.placement)}): {e.text}" for e in d.added],
    )
    section(
        "removed",
        [f"- {e.id} ({describe_placement(e.placement)}): {e.text}" for e in d.removed],
    )
    section("reworded", [f"~ {r.id}: {word_diff_text(r.words)}" for r in d.reworded])
    section(
        "moved",
        [f"> {m.id}: {m.places(prose=_quoted)}" for m in d.moved],
    )
    section("renamed", [f"~ {r.old_id} → {r.id}" for r in d.renamed])
    marks = {"added": "+", "removed": "-", "flipped": "~"}
    section("relations", [f"{marks[r.change]} {_relation_text(r)}" for r in d.relations])
    section("fields", [f"~ {f.owner} {_was_now(f)}" for f in d.node_fields])
    for what, changes in (("actors", d.actors), ("sources", d.sources)):
        section(
            what,
            [f"+ {k}" for k in changes.added]
            + [f"- {k}" for k in changes.removed]
            + [f"~ {f.owner} {_was_now(f)}" for f in changes.changed],
        )
    if d.scores is not None:
        section(
            f"strength and status ({d.reading})",
            [f"~ {s.id}: {_score_text(s)}" for s in d.scores],
        )
    if d.evaluation_note:
        lines += ["", d.evaluation_note]
    lines += ["", summary_line(d)]
    return "\n".join(lines)


# Markdown: map text is escaped (as in `summary --format markdown`) so that it cannot
# become HTML, links or formatting.
md_text = md


def md_code(value: str) -> str:
    """An id or path in backticks, or escaped text when it could break out of a code span."""
    return md_text(value) if "`" in value or not value.isprintable() else f"`{value}`"


def _md_words(pieces: Iterable[tuple[str, str, str]]) -> str:
    """The word diff as markdown: deletions struck through, insertions bold.

    `**` and `~~` next to punctuation may not open or close in CommonMark (`**\\[**racial`
    stays literal), so a marked piece that starts or ends with punctuation gets HTML tags.
    """
    marks = {"=": ("", ""), "-": ("~~", "~~"), "+": ("**", "**")}
    tags = {"=": ("", ""), "-": ("<del>", "</del>"), "+": ("<b>", "</b>")}
    out = []
    for op, space, text in pieces:
        plain = text.strip()
        words_at_ends = plain[:1].isalnum() and plain[-1:].isalnum()
        before, after = (marks if words_at_ends else tags)[op]
        out.append(f"{space}{before}{md_text(text)}{after}")
    return "".join(out)


MARKDOWN_SHOWN = 20
"""Items of one section shown in a markdown comment before the rest are folded away."""


def to_markdown(d: MapDiff) -> str:
    """A pull-request comment: a summary line, then one short section per kind of change."""
    lines = [f"### argmap diff: {md_code(d.old_path)} → {md_code(d.new_path)}"]
    lines += ["", f"**{summary_line(d)}**"]

    def section(title: str, items: Sequence[str]) -> None:
        if items:
            lines.extend(["", f"#### {title}", ""])
            lines.extend(f"- {item}" for item in items[:MARKDOWN_SHOWN])
        if len(items) > MARKDOWN_SHOWN:
            # folded, so a large change stays a readable comment
            folded = len(items) - MARKDOWN_SHOWN
            lines.extend(["", f"<details><summary>{folded} more</summary>", ""])
            lines.extend(f"- {item}" for item in items[MARKDOWN_SHOWN:])
            lines.extend(["", "</details>"])

    def was_now(old: str | None, new: str | None) -> str:
        def one(v: str | None) -> str:
            return "*(none)*" if v is None else md_text(v)

        return f"{one(old)} → {one(new)}"

    section("Map", [f"{f.field}: {was_now(f.old, f.new)}" for f in d.map_fields])
    section(
        "Added",
        [
            f"{md_code(e.id)} ({describe_placement(e.placement, md_code)}): {md_text(e.text)}"
            for e in d.added
        ],
    )
    section(
        "Removed",
        [
            f"{md_code(e.id)} ({describe_placement(e.placement, md_code)}): ~~{md_text(e.text)}~~"
            for e in d.removed
        ],
    )
    section("Reworded", [f"{md_code(r.id)}: {_md_words(r.words)}" for r in d.reworded])
    section(
        "Moved",
        [f"{md_code(m.id)}: {m.places(md_code, md_text)}" for m in d.moved],
    )
    section("Renamed", [f"{md_code(r.old_id)} → {md_code(r.id)}" for r in d.renamed])
    words = {"added": "added", "removed": "removed", "flipped": "flipped"}
    section(
        "Relations",
        [
            f"{words[r.change]}: {_relation_text(r, md_code, lambda t: md_text(_quoted(t)))}"
            for r in d.relations
        ],
    )
    section(
        "Fields",
        [f"{md_code(f.owner)} {f.field}: {was_now(f.old, f.new)}" for f in d.node_fields],
    )
    for title, changes in (("Actors", d.actors), ("Sources", d.sources)):
        section(
            title,
            [f"added {md_code(k)}" for k in changes.added]
            + [f"removed {md_code(k)}" for k in changes.removed]
            + [f"{md_code(f.owner)} {f.field}: {was_now(f.old, f.new)}" for f in changes.changed],
        )
    if d.scores:
        lines += ["", f"#### Strength and status ({d.reading})", ""]
        lines += ["| node | strength | status |", "|---|---|---|"]
        for s in d.scores:
            status = STATUS_WORD[s.new_status]
            if s.old_status != s.new_status:
                status = f"{STATUS_WORD[s.old_status]} → {status}"
            strength = f"{s.old_strength:.2f} → {s.new_strength:.2f}"
            lines.append(f"| {md_code(s.id)} | {strength} | {status} |")
    if d.evaluation_note:
        lines += ["", f"*{md_text(d.evaluation_note)}*"]
    return "\n".join(lines)


def to_json(d: MapDiff) -> str:
    """The documented JSON shape (README, "JSON output")."""

    def entry(e: NodeEntry) -> dict[str, Any]:
        placement = e.placement.to_json() if e.placement else None
        return {"id": e.id, "kind": e.kind, "text": e.text, "placement": placement}

    def field(f: FieldChange) -> dict[str, Any]:
        return {"id": f.owner, "field": f.field, "old": f.old, "new": f.new}

    def entries(c: EntryChanges) -> dict[str, Any]:
        return {
            "added": list(c.added),
            "removed": list(c.removed),
            "changed": [field(f) for f in c.changed],
        }

    doc: dict[str, Any] = {
        "old": d.old_path,
        "new": d.new_path,
        "counts": d.counts(),
        "map": [{"field": f.field, "old": f.old, "new": f.new} for f in d.map_fields],
        "added": [entry(e) for e in d.added],
        "removed": [entry(e) for e in d.removed],
        "reworded": [
            {
                "id": r.id,
                "old_id": r.old_id,
                "old": r.old,
                "new": r.new,
                "words": word_diff_text(r.words),
            }
            for r in d.reworded
        ],
        "moved": [
            {
                "id": m.id,
                "old_id": m.old_id,
                "old": m.old.to_json() if m.old else None,
                "new": m.new.to_json() if m.new else None,
            }
            for m in d.moved
        ],
        "renamed": [{"old_id": r.old_id, "id": r.id} for r in d.renamed],
        "relations": [
            {"change": r.change, **r.edge.to_json(), "old_kind": r.old_kind} for r in d.relations
        ],
        "fields": [field(f) for f in d.node_fields],
        "actors": entries(d.actors),
        "sources": entries(d.sources),
        "evaluation": None
        if d.scores is None
        else {
            "semantics": d.semantics,
            "support": d.support,
            "changes": [
                {
                    "id": s.id,
                    "old_strength": json_number(s.old_strength),
                    "new_strength": json_number(s.new_strength),
                    "old_status": s.old_status,
                    "new_status": s.new_status,
                }
                for s in d.scores
            ],
        },
        "evaluation_note": d.evaluation_note,
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)


FORMATS: dict[str, Callable[[MapDiff], str]] = {
    "text": to_text,
    "markdown": to_markdown,
    "json": to_json,
}
