"""Kialo's text export out and in.

The format: `Discussion Title: ...`, a blank line, then one claim per line
numbered by its path (`1.`, `1.1.`, `1.1.2.`) with its stance towards its
parent (`Pro:` or `Con:`), and `-> See 1.2.` where a claim is reused.

Export: a map with one claim writes it as the thesis `1.`; a map with
several writes the map's title as the thesis and each claim as a child
without stance (as Kialo's multi-thesis discussions do). Each premise is
written once, where the map defines it; a ref becomes `-> See N.`. Kialo has
no undercuts, weights, actors, quotes, tags, notes, urls or implicit
premises: each one left out is a warning. Nor has it linked premises: a
group is written as one claim, its derived text `together: A + B`, with its
premises as its pros (W604, once per group; argmap's import reads such a
claim back as the group). An undercut's premise is written
only if the map also refers to it under `pro` or `con` (in full, at the first
such place).

Import reads the same back: Pro/Con children become pro/con premises, `->
See` lines refs, a claim written as argmap writes a group (its text
`together: ` and its pros' texts joined by ` + `, pros only) a linked group.
When the thesis's text is the discussion title and a child of it has no
stance (several claims, as argmap writes them), its children are the claims
and the thesis itself is dropped. A claim is never read as a group: a group
bears on its parent, and a claim has none.
"""

from __future__ import annotations

import re

from argmap.errors import FormatError, Position, warning
from argmap.formats import Exported, Losses, left_out
from argmap.formats.draft import Draft, DraftNode
from argmap.model import ArgumentMap, Link, LinkKind, Node, group_text

_TITLE = re.compile(r"Discussion Title:[ \t]*(.*)")
_LINE = re.compile(r"(1\.(?:\d+\.)*)[ \t]+(?:(Pro|Con):[ \t]+)?(.*)")
_SEE = re.compile(r"->[ \t]*See[ \t]+(1\.(?:\d+\.)*)[ \t]*")
_CARRIED = ("id", "text")  # a node's fields Kialo has a place for


def _map_losses(m: ArgumentMap, losses: Losses) -> None:
    """The map's own fields, sources and actors: Kialo has a title only."""
    for field in ("description", "allow_cycles"):
        if getattr(m, field):
            losses.add(
                field.replace("_", "-"),
                "",
                m.field_positions.get(field.replace("_", "-"), m.position),
                noun="map",
            )
    for source in m.sources.values():
        losses.add(None, source.id, source.position, noun="source")
    for actor in m.actors.values():
        losses.add(None, actor.id, actor.position, noun="actor")


class _Exporter:
    def __init__(self, m: ArgumentMap) -> None:
        self.m = m
        self.lines: list[str] = []
        self.number: dict[str, str] = {}
        self.losses = Losses("Kialo")
        self.refs: list[tuple[str, str, Link]] = []  # refs written before their node had a number

    def lost(self, node: Node) -> None:
        for key in left_out(node, _CARRIED):
            self.losses.add(key, node.id, node.position)

    def text(self, node: Node) -> str:
        if "\n" in node.text or "\r" in node.text:
            self.losses.other(
                warning(
                    "W603",
                    f"line breaks in the text of {node.id} become spaces in Kialo",
                    node.position_of("text"),
                )
            )
        return " ".join(node.text.split())

    def write(self, node: Node, number: str, stance: str) -> None:
        self.number[node.id] = number
        self.lines.append(f"{number} {stance}{self.text(node)}")
        self.lost(node)
        if node.is_group:
            self.losses.other(
                warning(
                    "W604",
                    f"Kialo has no linked premises: the group {node.id} is written as one"
                    f" claim, {' '.join(node.text.split())!r}, with its premises as its pros",
                    node.position,
                )
            )
        self.children(node, number)

    def children(self, node: Node, number: str) -> None:
        n = 0
        for link in self.m.incoming(node.id):
            if link.kind is LinkKind.UNDERCUT:
                continue
            n += 1
            # A linked group's premises are written as pros of the claim that stands for it.
            stance = "Con: " if link.kind is LinkKind.CON else "Pro: "
            child = f"{number}{n}."
            self.undercuts(link)
            if link.note:
                self.losses.add("note", link.id, link.position, noun="link")
            if link.source in self.number:
                self.lines.append(f"{child} {stance}-> See {self.number[link.source]}")
            elif link.is_ref:
                self.refs.append((child, stance, link))
                self.lines.append(_placeholder(link))  # filled once every node has a number
            else:
                self.write(self.m.node(link.source), child, stance)

    def undercuts(self, link: Link) -> None:
        for undercut in self.m.undercutters(link.id):
            self.losses.add(None, undercut.id, undercut.position, noun="undercut", code="W602")
            self.undercuts(undercut)

    def run(self) -> str:
        m = self.m
        self.lines = [f"Discussion Title: {' '.join(m.title.split())}", ""]
        _map_losses(m, self.losses)
        claims = m.claim_nodes()
        if len(claims) == 1:
            self.write(claims[0], "1.", "")
        else:
            self.lines.append(f"1. {' '.join(m.title.split())}")
            for n, claim in enumerate(claims, start=1):
                self.write(claim, f"1.{n}.", "")
        # A ref may point forward, to a node written later: fill those lines now. A node
        # defined only under an undercut (which Kialo cannot hold) is written in full
        # where it is first referred to.
        while self.refs:
            child, stance, link = self.refs.pop(0)
            at = self.lines.index(_placeholder(link))
            if link.source in self.number:
                self.lines[at] = f"{child} {stance}-> See {self.number[link.source]}"
                continue
            saved, self.lines = self.lines, []
            self.write(self.m.node(link.source), child, stance)
            written, self.lines = self.lines, saved
            self.lines[at : at + 1] = written
        return "\n".join(self.lines) + "\n"


def _placeholder(link: Link) -> str:
    return f"\0ref {link.id}"


def export(m: ArgumentMap) -> Exported:
    exporter = _Exporter(m)
    text = exporter.run()
    return Exported(text, exporter.losses.warnings())


# ---------------------------------------------------------------------------
# Import


def read(text: str, path: str) -> Draft:
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise FormatError(
            "E603", "nothing to import: the Kialo file is empty", Position(path, 1, 1)
        )
    title_match = _TITLE.fullmatch(lines[first].strip())
    if not title_match:
        raise FormatError(
            "E601",
            "Kialo: the first line must be `Discussion Title: ...`",
            Position(path, first + 1, 1),
        )
    draft = Draft(path, title=title_match.group(1).strip())
    entries: dict[str, tuple[str | None, str, Position]] = {}  # number -> (stance, text, position)
    last: str | None = None
    more: dict[str, list[str]] = {}
    for index in range(first + 1, len(lines)):
        raw = lines[index]
        if not raw.strip():
            continue
        match = _LINE.fullmatch(raw.strip())
        position = Position(path, index + 1, 1)
        if match:
            number, stance, body = match.groups()
            if number in entries:
                raise FormatError("E601", f"Kialo: claim {number} is numbered twice", position)
            if number != "1." and number.rsplit(".", 2)[0] + "." not in entries:
                raise FormatError(
                    "E601", f"Kialo: claim {number} comes before its parent", position
                )
            entries[number] = (stance, body.strip(), position)
            last = number
        elif last is not None:  # a claim's text continues on this line (joined at the end)
            more.setdefault(last, []).append(raw.strip())
        else:
            raise FormatError("E601", "Kialo: expected a numbered claim such as `1. ...`", position)
    for number, lines in more.items():
        stance, body, at = entries[number]
        entries[number] = (stance, " ".join([body, *lines]), at)
    if "1." not in entries:
        raise FormatError(
            "E601", "Kialo: there is no thesis numbered `1.`", Position(path, first + 1, 1)
        )
    thesis_text = entries["1."][1]
    # (`1.` is its own parent by `_parent`'s rule: it is not a child of itself.)
    multi = thesis_text == draft.title and any(
        n != "1." and _parent(n) == "1." and s is None for n, (s, _b, _p) in entries.items()
    )
    # A claim bears on nothing: one written as argmap writes a group is a plain claim.
    groups = {n for n in _groups(entries) if n != "1." and not (multi and _parent(n) == "1.")}
    for number, (_stance, body, position) in entries.items():
        if _SEE.fullmatch(body) or (multi and number == "1."):
            continue
        draft.add_node(DraftNode(number, body, position, group=number in groups))
    if not multi:
        draft.claims.append("1.")
    for number, (stance, body, position) in entries.items():
        if number == "1.":
            continue
        parent = _parent(number)
        see = _SEE.fullmatch(body)
        source = see.group(1) if see else number
        if see and source not in draft.nodes:
            draft.warn("W617", f"-> See {source} names no claim in the file: left out", position)
            continue
        if multi and parent == "1.":
            if stance is not None:
                draft.warn(
                    "W611",
                    f"the stance of {number} towards the discussion title is left out",
                    position,
                )
            draft.claims.append(source)
            continue
        if stance is None:
            draft.warn("W611", f"{number} has no Pro: or Con: stance: imported as pro", position)
        kind = LinkKind.CON if stance == "Con" else LinkKind.PRO
        if parent in groups:
            kind = LinkKind.LINKED
        if parent in draft.nodes:
            draft.add_link(kind, source, parent, position)
        else:
            draft.warn(
                "W617",
                f"{number} sits under {parent}, which is a `-> See` line: left out",
                position,
            )
    return draft


def _groups(entries: dict[str, tuple[str | None, str, Position]]) -> set[str]:
    """The claims that stand for linked groups, as argmap's export writes them: a claim
    with a stance whose text is `together: ` and its pros' texts joined by ` + `, that has
    pros only and that no `-> See` names."""
    children: dict[str, list[tuple[str | None, str]]] = {}
    seen: set[str] = set()
    for number, (stance, body, _position) in entries.items():
        see = _SEE.fullmatch(body)
        if see:
            seen.add(see.group(1))
            body = entries.get(see.group(1), (None, "", None))[1]
        if number != "1.":
            children.setdefault(_parent(number), []).append((stance, " ".join(body.split())))
    found = set()
    for number, (stance, body, _position) in entries.items():
        kids = children.get(number, [])
        if (
            stance is not None
            and number not in seen
            and kids
            and all(kid_stance == "Pro" for kid_stance, _text in kids)
            and " ".join(body.split()) == group_text([text for _stance, text in kids])
        ):
            found.add(number)
    return found


def _parent(number: str) -> str:
    return number.rsplit(".", 2)[0] + "."
