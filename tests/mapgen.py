"""Random small valid maps for property tests, and the graph two maps are compared by."""

from __future__ import annotations

from typing import Any

import yaml
from hypothesis import strategies as st

from argmap.model import ArgumentMap, LinkKind

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
    "50%",
    "x:",
    "[l](http://e.org)",
    "}",
]


@st.composite
def map_texts(draw: st.DrawFn) -> str:
    """The YAML text of a valid map: 1-3 claims, nested premises, refs, undercuts, fields."""
    counter = [0]
    defined: list[list[str]] = []  # explicit ids defined in each claim's tree

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

    def premises(tree: int, depth: int) -> dict[str, Any]:
        lists: dict[str, Any] = {}
        for kind in ("pro", "con"):
            items: list[Any] = []
            for _ in range(draw(st.integers(0, 2 if depth < 2 else 0))):
                earlier = [i for ids in defined[:tree] for i in ids]
                if earlier and draw(st.integers(0, 3)) == 0:
                    items.append({"ref": draw(st.sampled_from(earlier))})
                else:
                    items.append(premise(tree, depth + 1))
            if items:
                lists[kind] = items
        return lists

    def premise(tree: int, depth: int) -> dict[str, Any]:
        item: dict[str, Any] = {}
        if draw(st.booleans()):
            item["id"] = f"p{counter[0] + 1}"
            defined[tree].append(item["id"])
        item["text"] = text()
        fields(item)
        item.update(premises(tree, depth))
        if draw(st.integers(0, 3)) == 0:
            item["undercut"] = [{"text": text()}]
        return item

    claims: dict[str, Any] = {}
    for n in range(draw(st.integers(1, 3))):
        defined.append([f"claim-{n}"])
        claim: dict[str, Any] = {"text": text()}
        fields(claim)
        claim.update(premises(n, 0))
        claims[f"claim-{n}"] = claim
    doc = {
        "argmap": 1,
        "title": "Generated map",
        "sources": {"doc": {"title": "A document"}},
        "actors": {"alice": {"name": "Alice Smith", "kind": "person"}, "bob": {"name": "Bob"}},
        "claims": claims,
    }
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)


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
