"""Random small valid maps for property tests, and the graph two maps are compared by."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import strategies as st

from argmap.load import loads_map
from argmap.model import ArgumentMap, LinkKind
from argmap.validate import find_cycle

# Words that stress every format's markup: Argdown's tags, emphasis, brackets,
# comments, shortcodes and data; JSON and XML escapes; non-ASCII.
WORDS = [
    "plant",
    "price",
    "risk",
    "vote",
    "#tag",
    "*bold*",
    "_it_",
    "[t]",
    "<arg>",
    "{d: 1}",
    "@x",
    "e.g.",
    ":smile:",
    ".~.",
    "a/b",
    "//",
    "/*",
    "<!--",
    "\\",
    "'q'",
    '"r"',
    "&amp;",
    "(1)",
    "--",
    "+",
    "-",
    "><",
    "é",
    "ß",
    "→",
    "\ue041",  # private use: Argdown import once used this block for escapes
    "50%",
    "x:",
    "[l](http://e.org)",
    "}",
]


class _Ref:
    """A ref not yet pointed anywhere: every id is known only once the whole map is drawn."""


@st.composite
def map_texts(draw: st.DrawFn, groups: bool = False) -> str:
    """The YAML text of a valid map: 1-3 claims, nested premises, refs, undercuts, fields.

    Refs point anywhere (at claims, at premises defined before or after them,
    at their own ancestors), carry a note or undercuts of their own; undercuts
    may be refs. A map whose refs make a cycle says `allow-cycles: true`, and
    so do some others. `groups`: some pro and con items are linked groups (two
    premises, maybe a ref as a third; maybe an id, by, weight, tags, note and
    undercuts of their own).
    """
    counter = [0]
    ids: list[str] = []  # every explicit id, claims included

    def text() -> str:
        counter[0] += 1
        words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=4))
        return " ".join([*words, f"n{counter[0]}"])

    def fields(item: dict[str, Any]) -> None:
        if draw(st.booleans()):
            item["by"] = draw(st.sampled_from(["alice", "bob", ["alice", "bob"]]))
        if draw(st.integers(0, 4)) == 0:
            item["weight"] = draw(st.sampled_from([0.0, 0.25, 0.7, 1.0]))
        if draw(st.integers(0, 4)) == 0:
            item["tags"] = draw(
                st.lists(
                    st.sampled_from(["energy", "two words", "x.y"]),
                    min_size=1,
                    max_size=2,
                    unique=True,
                )
            )
        if draw(st.integers(0, 5)) == 0:
            item["note"] = "A note {with braces} // and http://e.org"
        if draw(st.integers(0, 5)) == 0:
            item["implicit"] = True
        if draw(st.integers(0, 5)) == 0:
            item["quote"] = {"source": "doc", "text": "words {quoted}", "speaker": "alice"}

    def ref() -> dict[str, Any]:
        item: dict[str, Any] = {"ref": _Ref()}
        if draw(st.booleans()):
            item["note"] = f"Why this bears here {{n{counter[0]}}} // e.g."
        return item

    def undercuts(item: dict[str, Any], depth: int) -> None:
        """Maybe an undercut on this item: a ref or a premise, itself maybe undercut."""
        if depth < 4 and draw(st.integers(0, 3)) == 0:
            attack = ref() if draw(st.integers(0, 2)) == 0 else premise(depth + 1, undercut=False)
            undercuts(attack, depth + 1)
            item["undercut"] = [attack]

    def premises(depth: int) -> dict[str, Any]:
        lists: dict[str, Any] = {}
        for kind in ("pro", "con"):
            items: list[Any] = []
            for _ in range(draw(st.integers(0, 2 if depth < 2 else 0))):
                if groups and draw(st.integers(0, 2)) == 0:
                    items.append(group(depth))
                elif draw(st.integers(0, 3)) == 0:
                    item = ref()
                    undercuts(item, depth)
                    items.append(item)
                else:
                    items.append(premise(depth + 1))
            if items:
                lists[kind] = items
        return lists

    def group(depth: int) -> dict[str, Any]:
        """A linked group: two premises (which cannot be undercut), maybe a ref as well."""
        members: list[Any] = [premise(depth + 1, undercut=False) for _ in range(2)]
        if draw(st.integers(0, 2)) == 0:
            members.insert(draw(st.integers(0, 2)), ref())
        item: dict[str, Any] = {"linked": members}
        if draw(st.booleans()):
            counter[0] += 1
            item["id"] = f"g{counter[0]}"
        if draw(st.booleans()):
            item["by"] = draw(st.sampled_from(["alice", ["alice", "bob"]]))
        if draw(st.integers(0, 3)) == 0:
            item["weight"] = draw(st.sampled_from([0.0, 0.6, 1.0]))
        if draw(st.integers(0, 3)) == 0:
            item["tags"] = ["energy", "two words"][: draw(st.integers(1, 2))]
        if draw(st.integers(0, 3)) == 0:
            item["note"] = "Together {braces} // e.g."
        undercuts(item, depth)
        return item

    def premise(depth: int, undercut: bool = True) -> dict[str, Any]:
        item: dict[str, Any] = {}
        if draw(st.booleans()):
            item["id"] = f"p{counter[0] + 1}"
            ids.append(item["id"])
        item["text"] = text()
        fields(item)
        item.update(premises(depth))
        if undercut:
            undercuts(item, depth)
        return item

    claims: dict[str, Any] = {}
    for n in range(draw(st.integers(1, 3))):
        ids.append(f"claim-{n}")
        claim: dict[str, Any] = {"text": text()}
        fields(claim)
        claim.update(premises(0))
        claims[f"claim-{n}"] = claim

    def point(items: list[Any]) -> None:
        """Aim each pending ref of one list at an id that list does not name yet."""
        named = {item.get("id") for item in items if isinstance(item, dict)}
        for item in list(items):
            if isinstance(item.get("ref"), _Ref):
                free = [i for i in ids if i not in named]
                if not free:
                    items.remove(item)
                    continue
                item["ref"] = draw(st.sampled_from(free))
                named.add(item["ref"])
        for item in items:
            for kind in ("pro", "con", "undercut", "linked"):
                if kind in item:
                    point(item[kind])

    for claim in claims.values():
        for kind in ("pro", "con"):
            if kind in claim:
                point(claim[kind])
    doc: dict[str, Any] = {
        "argmap": 1,
        "title": "Generated map",
        "sources": {"doc": {"title": "A document"}},
        "actors": {"alice": {"name": "Alice Smith", "kind": "person"}, "bob": {"name": "Bob"}},
        "claims": claims,
    }
    text_ = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
    if draw(st.integers(0, 4)) == 0 or find_cycle(loads_map(text_, "generated.yaml")):
        doc = {**dict(list(doc.items())[:2]), "allow-cycles": True, **dict(list(doc.items())[2:])}
        text_ = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)
    return text_


def _text(m: ArgumentMap, node_id: str) -> str:
    return " ".join(m.node(node_id).text.split())


def _link(m: ArgumentMap, link_id: str) -> tuple[Any, ...]:
    link = m.link(link_id)
    target: Any = _link(m, link.target) if link.kind is LinkKind.UNDERCUT else _text(m, link.target)
    return (_text(m, link.source), link.kind.value, target)


def graph(m: ArgumentMap) -> tuple[frozenset[str], frozenset[tuple[Any, ...]]]:
    """Node texts and relations (undercuts as attacks on a relation), independent of ids."""
    return (
        frozenset(_text(m, n) for n in m.node_ids),
        frozenset(_link(m, lk.id) for lk in m.links),
    )


def claim_texts(m: ArgumentMap) -> frozenset[str]:
    return frozenset(_text(m, c) for c in m.claims)


def without_undercuts(m: ArgumentMap) -> tuple[frozenset[str], frozenset[tuple[Any, ...]]]:
    """The graph Kialo can hold: nodes reachable from the claims through pro and con."""
    reach = set(m.claims)
    todo = list(m.claims)
    while todo:
        for link in m.incoming(todo.pop()):
            if link.kind is not LinkKind.UNDERCUT and link.source not in reach:
                reach.add(link.source)
                todo.append(link.source)
    return (
        frozenset(_text(m, n) for n in reach),
        frozenset(
            _link(m, lk.id)
            for lk in m.links
            if lk.kind is not LinkKind.UNDERCUT and lk.target in reach
        ),
    )
