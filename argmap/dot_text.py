"""Writing DOT text: statements in, one string out, no layout and no third-party code.

The few statements argmap needs (graph, node and edge defaults, nodes, edges,
subgraphs), each on its own line, a subgraph's lines indented one tab more.
Attributes are written in the order of their names (a node's or edge's label
first), so the same calls give the same text in every process. Every value goes
through `argmap.escape.dot_id`, the one place where DOT quoting is done.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from argmap.escape import dot_id


def _attrs(attrs: dict[str, str], ids: dict[str, str], label_first: bool = True) -> str:
    """` [label=... a=... b=...]`: a node's or edge's label first, the rest by name."""
    if not attrs:
        return ""
    keys = sorted(attrs)
    if label_first and "label" in attrs:
        keys.remove("label")
        keys.insert(0, "label")
    return " [" + " ".join([f"{key}={_written(attrs[key], ids)}" for key in keys]) + "]"


def _written(value: str, ids: dict[str, str]) -> str:
    """`dot_id(value)`, each short plain string worked out once per diagram: a diagram
    repeats its ids, colours and styles thousands of times. (Never a DotText: it hashes
    as its text does, and must be quoted where the same text as a str is a label.)"""
    if type(value) is not str or len(value) > _SHORT:
        return dot_id(value)
    written = ids.get(value)
    if written is None:
        written = ids[value] = dot_id(value)
    return written


_SHORT = 64  # characters: ids, colours, styles; not labels or tooltips


class Digraph:
    """A directed graph's (or a subgraph's) DOT text, built statement by statement."""

    def __init__(self, name: str | None = None, ids: dict[str, str] | None = None) -> None:
        self.name = name
        self.body: list[str] = []
        self.ids: dict[str, str] = {} if ids is None else ids  # shared with its subgraphs

    def attr(self, kind: str | None = None, **attrs: str) -> None:
        """Defaults for `kind` (graph, node or edge), or with no kind the graph's own."""
        if not attrs:
            return
        if kind is None:
            self.body.append(f"\t{_attrs(attrs, self.ids, label_first=False)[2:-1]}\n")
        else:
            self.body.append(f"\t{kind}{_attrs(attrs, self.ids, label_first=False)}\n")

    def node(self, name: str, **attrs: str) -> None:
        self.body.append(f"\t{_written(name, self.ids)}{_attrs(attrs, self.ids)}\n")

    def edge(self, tail: str, head: str, **attrs: str) -> None:
        self.body.append(
            f"\t{_written(tail, self.ids)} -> {_written(head, self.ids)}{_attrs(attrs, self.ids)}\n"
        )

    @contextmanager
    def subgraph(self, name: str | None = None) -> Iterator[Digraph]:
        """A subgraph, written into this graph when the `with` block ends."""
        inner = Digraph(name, self.ids)
        yield inner
        head = f"subgraph {dot_id(name)} {{\n" if name else "{\n"
        self.body.append(f"\t{head}")
        self.body.extend(f"\t{line}" for line in inner.body)
        self.body.append("\t}\n")

    @property
    def source(self) -> str:
        head = f"digraph {dot_id(self.name)} {{\n" if self.name else "digraph {\n"
        return head + "".join(self.body) + "}\n"
