"""Every field of every object reaches each export format, or a warning names it.

The fields come from the model's attrs classes, so a field added to the model
is checked here without editing this file (a field of a type this file cannot
fill fails, asking for a value). Each field is set, one at a time, on one
object of a small map; the export must then show the value (a text: the text
itself is in the output; anything else: the output changed), or one of its
warnings must name both the field and the object.
"""

from __future__ import annotations

import types
import typing
from typing import Any

import attrs
import pytest

from argmap.errors import Position
from argmap.formats import EXPORT_FORMATS, export_map
from argmap.model import (
    Actor,
    ActorKind,
    ArgumentMap,
    Link,
    LinkKind,
    Node,
    NodeKind,
    Quote,
    Source,
)
from argmap.vocabulary import file_fields

# What makes the graph itself (ids, kinds, ends, where things stand): the round-trip laws
# check these, not this test.
STRUCTURE = {
    "load_warnings",  # what the loader noticed (W207), reported by validate: not content
    "id",
    "kind",
    "position",
    "field_positions",
    "source",
    "target",
    "is_ref",
    "explicit_id",
    "path",
    "version",
    "sources",
    "actors",
    "nodes",
    "links",
    "claims",
}
# Fields that name another object: set to a second one, so that the map stays valid.
REFERENCES: dict[tuple[type, str], Any] = {
    (Node, "by"): ("act2",),
    (Quote, "source"): "src2",
    (Quote, "speaker"): "act2",
}
AT = Position("t.yaml", 1, 1)


def _where(n: int) -> Position:
    return Position("t.yaml", n, 1)


def baseline() -> ArgumentMap:
    """A claim with a premise (pro, quoted), an objection (con), a ref with an undercut,
    and a linked group of the two (pro)."""
    quote = Quote("src", "Plain words.", _where(4))
    nodes = (
        Node("claim", NodeKind.CLAIM, "The claim.", _where(10), explicit_id=True),
        Node("prem", NodeKind.PREMISE, "The premise.", _where(11), True, quotes=(quote,)),
        Node("obj", NodeKind.PREMISE, "The objection.", _where(12), True),
        Node("grp", NodeKind.GROUP, "together: The premise. + The objection.", _where(15), True),
    )
    links = (
        Link("claim.pro.1", LinkKind.PRO, "prem", "claim", _where(11)),
        Link("claim.con.1", LinkKind.CON, "obj", "claim", _where(12)),
        Link("claim.con.2", LinkKind.CON, "prem", "claim", _where(13), is_ref=True),
        Link("claim.con.2.undercut.1", LinkKind.UNDERCUT, "obj", "claim.con.2", _where(14), True),
        Link("claim.pro.2", LinkKind.PRO, "grp", "claim", _where(15)),
        Link("grp.linked.1", LinkKind.LINKED, "prem", "grp", _where(16), is_ref=True),
        Link("grp.linked.2", LinkKind.LINKED, "obj", "grp", _where(17), is_ref=True),
    )
    return ArgumentMap(
        "t.yaml",
        "The title",
        AT,
        sources={
            "src": Source("src", "First source", _where(2)),
            "src2": Source("src2", "Second source", _where(3)),
        },
        actors={
            "act": Actor("act", "First Actor", _where(5)),
            "act2": Actor("act2", "Second Actor", _where(6)),
        },
        nodes=nodes,
        links=links,
        claims=("claim",),
    )


def _marked(cls: type, name: str, kind: Any, marker: str) -> tuple[Any, bool]:
    """A value for the field, and whether the output must hold `marker` itself."""
    if (cls, name) in REFERENCES:
        return REFERENCES[cls, name], False
    options = set(typing.get_args(kind)) if isinstance(kind, types.UnionType) else {kind}
    options.discard(type(None))
    (kind,) = options
    if kind is str:
        if name == "url":
            return f"https://example.org/{marker}", True
        if name == "date":
            return "1987-06-05", False
        return f"{marker} words", True
    if kind is bool:
        return True, False
    if kind is float:
        return 0.375, False
    if kind is ActorKind:
        return ActorKind.GOVERNMENT, False
    if kind == tuple[str, ...]:
        return (f"{marker}-tag",), True
    if kind == tuple[Quote, ...]:
        return (Quote("src", f"{marker} quoted", AT, speaker="act", locator="p. 9"),), True
    raise AssertionError(f"no test value for {cls.__name__}.{name} ({kind}): add one here")


def _with(m: ArgumentMap, subject: str, cls: type, name: str, value: Any) -> ArgumentMap:
    """`m` with one field of one object set."""

    def node(n: Node) -> Node:
        if cls is Quote and n.id == subject:
            return attrs.evolve(n, quotes=(attrs.evolve(n.quotes[0], **{name: value}),))
        return attrs.evolve(n, **{name: value}) if cls is Node and n.id == subject else n

    def link(lk: Link) -> Link:
        return attrs.evolve(lk, **{name: value}) if cls is Link and lk.id == subject else lk

    changes: dict[str, Any] = {
        "nodes": tuple(node(n) for n in m.nodes),
        "links": tuple(link(lk) for lk in m.links),
    }
    if cls is Source:
        changes["sources"] = {
            **m.sources,
            subject: attrs.evolve(m.sources[subject], **{name: value}),
        }
    if cls is Actor:
        changes["actors"] = {**m.actors, subject: attrs.evolve(m.actors[subject], **{name: value})}
    if cls is ArgumentMap:
        changes[name] = value
    return attrs.evolve(m, **changes)


# (class, the object set in the map, how a warning names it)
SUBJECTS = [
    (ArgumentMap, "", "map"),
    (Node, "claim", "claim"),
    (Node, "prem", "prem"),
    (Link, "claim.con.2", "claim.con.2"),
    (Link, "claim.con.2.undercut.1", "claim.con.2.undercut.1"),
    (Quote, "prem", "prem"),
    (Source, "src", "src"),
    (Actor, "act", "act"),
]
CASES = [
    (fmt, cls, subject, named, field.name)
    for fmt in EXPORT_FORMATS
    for cls, subject, named in SUBJECTS
    for field in attrs.fields(attrs.resolve_types(cls))
    if field.name not in STRUCTURE and not field.name.startswith("_")
] + [  # a linked group: the fields it may carry (its text is derived from its premises')
    (fmt, Node, "grp", "grp", field.name)
    for fmt in EXPORT_FORMATS
    for field in file_fields(Node)
    if field.spec.group and field.name not in STRUCTURE
]


# A warning that a whole quote, source or actor is left out names each of its fields;
# so does one that a whole undercut is (W602).
WHOLE = {Quote: {"quote"}, Source: {"source"}, Actor: {"actor"}}


def _names(field: str) -> set[str]:
    """How a warning may name a field: as written in the map file, or as one item."""
    written = field.replace("_", "-")
    return {field, written, written.removesuffix("s"), field.replace("_", " ")}


@pytest.mark.parametrize(("fmt", "cls", "subject", "named", "field"), CASES)
def test_every_field_is_exported_or_named_in_a_warning(
    fmt: str, cls: type, subject: str, named: str, field: str
) -> None:
    kind = attrs.fields_dict(attrs.resolve_types(cls))[field].type
    value, holds_marker = _marked(cls, field, kind, "Zq7")
    before = export_map(baseline(), fmt)
    after = export_map(_with(baseline(), subject, cls, field, value), fmt)
    shown = "Zq7" in after.text if holds_marker else after.text != before.text
    names = _names(field) | WHOLE.get(cls, set())
    messages = [d.message for d in after.warnings]
    warned = any(
        named in message and any(name in message for name in names) for message in messages
    ) or any(d.code == "W602" and named in d.message for d in after.warnings)
    assert shown or warned, (
        f"{fmt}: {cls.__name__}.{field} of {subject or 'the map'} is neither in the export"
        f" nor named in a warning; warnings: {messages}"
    )


def test_every_model_class_with_fields_is_covered() -> None:
    covered = {cls for cls, _subject, _named in SUBJECTS}
    assert covered == {ArgumentMap, Node, Link, Quote, Source, Actor}
