"""Whole-map checks: ids, refs, cycles, actors, sources, quotes, values.

`validate_map` never raises for anything a map contains; it returns
diagnostics sorted by position. The loader has already refused what cannot be
built at all (syntax, unknown fields, wrong types).
"""

from __future__ import annotations

import difflib
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from argmap.errors import (
    Diagnostic,
    MapLoadError,
    Position,
    Severity,
    error,
    info,
    warning,
)
from argmap.folders import read_maps
from argmap.load import load_map
from argmap.model import ArgumentMap, LinkKind, Node, NodeKind
from argmap.quotes import FileStatus, QuoteCheck, SourceTexts, check_quotes
from argmap.vocabulary import is_date, is_id, url_problem


def validate_map(
    m: ArgumentMap,
    *,
    sources: SourceTexts | None = None,
    check_quotes: bool = True,
    strict: bool = False,
    acyclic: bool = False,
) -> list[Diagnostic]:
    """Every finding about `m`, sorted by position.

    `acyclic`: the caller has shown that `m` has no ref cycle, and the search for one is
    left out (argmap.incremental, after an edit that cannot have made one)."""
    found: list[Diagnostic] = list(m.load_warnings)
    found += _check_nodes(m)
    found += _check_links(m)
    found += _check_groups(m)
    if not any(d.code == "E101" for d in found):  # duplicated ids make any cycle spurious
        if not acyclic:
            found += _check_cycles(m)
        found += _check_repeated_premises(m)
    found += _check_actors_and_sources(m)
    if check_quotes:
        found += _check_quotes(m, sources or SourceTexts(), strict)
    found.sort(key=Diagnostic.sort_key)
    return found


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


def load_valid_map(path: str | os.PathLike[str]) -> ArgumentMap:
    """Load a map to draw or compute with: refused (MapLoadError) if it has structural errors.

    The error names the first problem, and how many more there are: `argmap validate`
    lists all of them.
    """
    try:
        return require_valid(load_map(path))
    except MapLoadError as exc:
        more = len(exc.diagnostics) - 1
        if not more:
            raise
        note = f" (and {more} more: run `argmap validate {path}`)"
        raise type(exc)(exc.diagnostics, note) from None


def check_paths(
    paths: Sequence[str | os.PathLike[str]],
    source_dirs: Sequence[str | os.PathLike[str]] = (),
    *,
    strict: bool = False,
    allow_outside: bool = False,
) -> dict[str, list[Diagnostic]]:
    """Diagnostics for every map named or found under a directory, keyed by file, in order.

    Under a directory, YAML that is not a map at all (a CI workflow, a config) is skipped
    with an info line; a file named on the command line is always checked as a map.
    `strict`: an unchecked quote is a warning (W208); `allow_outside`: see SourceTexts.
    """
    texts = SourceTexts([Path(d) for d in source_dirs], allow_outside=allow_outside)
    results: dict[str, list[Diagnostic]] = {}
    for found in read_maps(paths):  # the one folder rule (argmap.folders)
        if found.map is None:
            # a folder with no map is keyed as it was named (`maps/`), a file by its path
            key = found.diagnostics[0].position.file if found.path.is_dir() else str(found.path)
            results[key] = list(found.diagnostics)
        else:
            results[str(found.path)] = validate_map(found.map, sources=texts, strict=strict)
    return results


def require_valid(m: ArgumentMap) -> ArgumentMap:
    """The map itself if its structure is sound enough to draw or evaluate; else MapLoadError.

    Quotes are not checked here: a missing source file must not stop a render.
    """
    errors = [d for d in validate_map(m, check_quotes=False) if d.severity.value == "error"]
    if errors:
        raise MapLoadError(errors)
    return m


# ---------------------------------------------------------------------------


def _url_errors(url: str | None, position: Position) -> Iterable[Diagnostic]:
    """E112 for a link that the one rule (`vocabulary.URL_RULE`) refuses."""
    problem = None if url is None else url_problem(url)
    if problem is not None:
        yield error("E112", f"link {url!r} {problem}", position)


def _duplicate_id(node: Node, earlier: Node) -> Diagnostic | None:
    """E101 for a node whose id an earlier node has, told as the user wrote it."""
    line = earlier.position.line
    if node.explicit_id and earlier.explicit_id:
        message = (
            f"duplicate id {node.id!r} (first defined at line {line}); use `ref` to reuse a node"
        )
    elif node.explicit_id:
        message = (
            f"id {node.id!r} is already the path id of the premise at line {line};"
            " choose another id"
        )
    elif earlier.explicit_id:
        message = (
            f"this premise's path id {node.id!r} is already the `id` of the premise at line {line};"
            " give that premise another id"
        )
    else:
        return None  # two path ids meet only under two nodes of one id, reported already
    return error("E101", message, node.position_of("id"))


def _duplicated_ids(m: ArgumentMap) -> set[str]:
    return {node_id for node_id, n in Counter(node.id for node in m.nodes).items() if n > 1}


def _check_nodes(m: ArgumentMap) -> Iterable[Diagnostic]:
    if not m.title.strip():
        yield error("E109", "the map's title is empty", m.field_positions.get("title", m.position))
    first_seen: dict[str, Node] = {}
    for node in m.nodes:
        if node.id in first_seen:
            duplicate = _duplicate_id(node, first_seen[node.id])
            if duplicate is not None:
                yield duplicate
        else:
            first_seen[node.id] = node
        if node.explicit_id and not node.id:
            yield error("E110", "empty `id`: give one, or remove the field", node.position_of("id"))
        elif node.explicit_id and not is_id(node.id):
            yield error(
                "E110",
                f"invalid id {node.id!r}: use lower-case letters, digits, '.', '_' and '-',"
                " starting with a letter or digit",
                node.position_of("id"),
            )
        if not node.text.strip():
            yield error(
                "E109", f"{node.kind.value} {node.id!r} has empty text", node.position_of("text")
            )
        if node.weight is not None and not 0.0 <= node.weight <= 1.0:  # NaN fails too
            yield error(
                "E111",
                f"weight {node.weight:g} is outside [0, 1]",
                node.position_of("weight"),
            )
        yield from _url_errors(node.url, node.position_of("url"))
        for quote in node.quotes:
            if not quote.text.strip():
                yield error("E109", "quote has empty text", quote.position)
    for cid in m.claims:
        claim = m.get_node(cid)
        if claim is not None and claim.is_claim and not m.attackers(cid):
            yield warning(
                "W201",
                f"claim {cid!r} has no `con`: an uncontested claim is not a contested point",
                claim.position,
            )


def _check_links(m: ArgumentMap) -> Iterable[Diagnostic]:
    node_ids = m.node_ids
    duplicated = _duplicated_ids(m)  # links from such ids look alike; E101 says why
    seen: set[tuple[str, str, LinkKind]] = set()
    for link in m.links:
        if link.is_ref and m.get_node(link.source) is None:
            near = difflib.get_close_matches(link.source, node_ids, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            yield error("E102", f"`ref` to unknown id {link.source!r}{hint}", link.position)
            continue
        if link.is_ref and m.node(link.source).is_group:
            premises = ", ".join(dict.fromkeys(repr(p.id) for p in m.linked_premises(link.source)))
            yield error(
                "E122",
                f"`ref` to the linked group {link.source!r}: a group has no words of its own;"
                f" ref its premises ({premises}) or write the group again",
                link.position,
            )
            continue
        if (
            link.is_ref
            and not m.node(link.source).explicit_id
            and m.node(link.source).kind is (NodeKind.PREMISE)
        ):
            yield warning(
                "W206",
                f"`ref` to the path id {link.source!r}: a path id is the premise's place, so a"
                " premise inserted above it makes this ref point at another one; give the premise"
                " an `id` and ref that",
                link.position,
            )
        key = (link.source, link.target, link.kind)
        # A premise twice in one group is E119's (_check_groups).
        if key in seen and link.source not in duplicated and link.kind is not LinkKind.LINKED:
            yield warning(
                "W205",
                f"{link.source!r} is linked as `{link.kind.value}` to {link.target!r} twice",
                link.position,
            )
        seen.add(key)


def _check_groups(m: ArgumentMap) -> Iterable[Diagnostic]:
    """E119 for a premise written twice in one linked group; W211 for a group of one."""
    for group in m.unique_nodes():
        if not group.is_group:
            continue
        members = m.members(group.id)
        seen: set[str] = set()
        for link in members:
            if link.source in seen:
                yield error(
                    "E119",
                    f"{link.source!r} is written twice in the linked group {group.id!r}:"
                    " each premise of a group counts once",
                    link.position,
                )
            seen.add(link.source)
        if len(members) == 1:
            yield warning(
                "W211",
                f"the linked group {group.id!r} has one premise: a linked group is premises"
                " that bear on the parent together; write the premise as a plain item",
                group.position,
            )


def _check_repeated_premises(m: ArgumentMap) -> Iterable[Diagnostic]:
    """W210: a node that reaches another by two routes counts twice there, in every
    semantics; readers do not expect a point to weigh double."""
    from argmap.routes import repeated_premises

    for r in repeated_premises(m):
        first, second = (" → ".join(route) for route in r.routes)
        times = "twice" if r.count == 2 else f"{r.count} times"
        yield warning(
            "W210",
            f"{r.node!r} counts {times} in the evaluation of {r.at!r}, reached by"
            f" {first} and by {second}",
            m.link(r.link).position,
        )


# Items of the dependency graph: ("node", id) or ("link", id). A premise without
# an `id` shares its string with its link, so the two must be told apart.
_Item = tuple[str, str]


def _dependencies(m: ArgumentMap, item: _Item) -> list[_Item]:
    """What a node's or link's standing depends on."""
    kind, name = item
    if kind == "link":
        link = m.link(name)
        deps: list[_Item] = [("node", link.source)] if m.get_node(link.source) else []
        return deps + [("link", u.id) for u in m.undercutters(name)]
    return [("link", lk.id) for lk in m.incoming(name) if lk.kind is not LinkKind.UNDERCUT]


def find_cycle(m: ArgumentMap, links: Iterable[str] | None = None) -> list[str] | None:
    """Node ids around a cycle, or None if the map is acyclic. The first is repeated
    last where the search closes the cycle on a node; where it closes on a link (as a
    search from `links` can), the nodes are listed once each.

    A node depends on the links into it; a link on its source node and on its
    undercutters. Iterative depth-first search: no recursion limit. With `links`
    (link ids), only what they depend on is searched: None if no cycle passes there.
    """
    grey, black = 1, 2
    colour: dict[_Item, int] = {}
    parent: dict[_Item, _Item] = {}
    starts: Iterable[_Item] = (
        (("node", node_id) for node_id in m.node_ids)
        if links is None
        else (("link", link_id) for link_id in links)
    )
    for start in starts:
        if start in colour:
            continue
        colour[start] = grey
        stack = [(start, iter(_dependencies(m, start)))]
        while stack:
            current, deps = stack[-1]
            for dep in deps:
                state = colour.get(dep)
                if state is None:
                    colour[dep] = grey
                    parent[dep] = current
                    stack.append((dep, iter(_dependencies(m, dep))))
                    break
                if state == grey:
                    loop = [dep]
                    walk = current
                    while walk != dep:
                        loop.append(walk)
                        walk = parent[walk]
                    loop.append(dep)
                    # Arrows point from supporter to supported: reverse the dependency walk.
                    return [name for kind, name in reversed(loop) if kind == "node"]
            else:
                colour[current] = black
                stack.pop()
    return None


def _check_cycles(m: ArgumentMap) -> Iterable[Diagnostic]:
    if m.allow_cycles:
        return
    cycle = find_cycle(m)
    if cycle is None:
        return
    # Point at a ref that closes the cycle: refs are the only way to make one.
    members = set(cycle)
    closing = next(
        (lk for lk in m.links if lk.is_ref and lk.source in members and lk.target in members),
        None,
    )
    where = closing.position if closing else m.node(cycle[0]).position
    shown = cycle
    if len(cycle) > 12:  # first and last few: a cycle through a whole map is one line
        shown = [*cycle[:5], f"… {len(cycle) - 11} more …", *cycle[-6:]]
    path = " → ".join(shown)
    yield error(
        "E103",
        f"ref cycle: {path} (each supports or attacks the next); set `allow-cycles: true` if"
        " the debate really is circular",
        where,
    )


def _check_actors_and_sources(m: ArgumentMap) -> Iterable[Diagnostic]:
    used_actors: set[str] = set()
    used_sources: set[str] = set()
    for node in m.unique_nodes():
        for n, actor_id in enumerate(node.by):
            used_actors.add(actor_id)
            if actor_id not in m.actors:
                where = node.field_positions.get(f"by.{n}", node.position_of("by"))
                yield error("E106", _unknown("actor", actor_id, m.actors), where)
        for quote in node.quotes:
            used_sources.add(quote.source)
            if quote.source not in m.sources:
                yield error(
                    "E107",
                    _unknown("source", quote.source, m.sources),
                    quote.position_of("source"),
                )
            if quote.speaker is not None:
                used_actors.add(quote.speaker)
                if quote.speaker not in m.actors:
                    yield error(
                        "E106",
                        _unknown("actor", quote.speaker, m.actors),
                        quote.position_of("speaker"),
                    )
    for source in m.sources.values():
        if not source.title.strip():
            yield error(
                "E109", f"source {source.id!r} has an empty title", source.position_of("title")
            )
        if source.id not in used_sources:
            yield warning("W202", f"source {source.id!r} is never quoted", source.position)
        yield from _url_errors(source.url, source.position_of("url"))
        if source.date is not None and not is_date(source.date):
            yield error(
                "E117",
                f"date {source.date!r} is not YYYY, YYYY-MM or YYYY-MM-DD",
                source.position_of("date"),
            )
    for actor in m.actors.values():
        if not actor.name.strip():
            yield error("E109", f"actor {actor.id!r} has an empty name", actor.position_of("name"))
        if actor.id not in used_actors:
            yield warning("W203", f"actor {actor.id!r} argues nothing in the map", actor.position)
        yield from _url_errors(actor.url, actor.position_of("url"))


def _unknown(what: str, name: str, known: Iterable[str]) -> str:
    near = difflib.get_close_matches(name, list(known), n=1)
    hint = f"; did you mean {near[0]!r}?" if near else f" (declare it under `{what}s`)"
    return f"unknown {what} {name!r}{hint}"


def _check_quotes(m: ArgumentMap, sources: SourceTexts, strict: bool) -> Iterable[Diagnostic]:
    """The one quote checker's findings, told as diagnostics: a source's file once, each
    quote not found in a file that was read (E108)."""
    checks = check_quotes(m, sources)
    quoted = Counter(q.source for q in checks.quotes)
    for source in m.sources.values():
        status = checks.files.get(source.id, FileStatus.NONE)
        if status is FileStatus.FOUND or not quoted[source.id]:
            continue
        its = "its quotes are"
        if status is FileStatus.OUTSIDE:
            yield error(
                "E118",
                f"source file {source.file!r} of {source.id!r}: {status.words}, so it is not"
                f" read and {its} not checked; copy the file beside the map or pass its folder"
                " with --sources DIR (or allow it with --allow-outside-sources)",
                source.position_of("file"),
            )
            continue
        if status is FileStatus.NONE:
            what = f"source {source.id!r} has no `file`: {its} not checked"
            where = source.position
        else:
            what = f"source file {source.file!r} of {source.id!r}: {status.words}"
            if status is FileStatus.ABSENT:
                searched = ", ".join(str(d) for d in sources.search_dirs) or "none given"
                what += f" (looked beside the map and in --sources: {searched})"
            what += f"; {its} not checked"
            where = source.position_of("file")
        if not strict:
            yield info("I302" if status is FileStatus.NONE else "I301", what, where)
        elif status is FileStatus.NONE:
            yield warning(
                "W208",
                f"{what}, and --strict counts an unchecked quote as a failure: give the source"
                " a `file:` (a path beside the map, or a file name found with --sources DIR)",
                where,
            )
        else:
            yield warning(
                "W208",
                f"{what}, and --strict counts an unchecked quote as a failure: pass the folder"
                " that holds it with --sources DIR, or write `file:` as a path beside the map",
                where,
            )
    for node in m.unique_nodes():
        for quote in node.quotes:
            if checks.verdict(quote) is QuoteCheck.NOT_FOUND:
                source = m.sources[quote.source]
                shown = quote.text if len(quote.text) <= 60 else quote.text[:57] + "..."
                yield error(
                    "E108",
                    f"quote not found in {source.file}: {shown!r}",
                    quote.position,
                )
