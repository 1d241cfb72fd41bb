"""Who argues what (`argmap actors`) and what backs what (`argmap sources`): one row
for each declared actor or source, in file order."""

from __future__ import annotations

from typing import Any

import attrs

from argmap.graph import (
    actor_ids,
    in_order,
    sides_beneath,
)
from argmap.model import ArgumentMap
from argmap.quotes import FileStatus, QuoteCheck, QuoteChecks


@attrs.frozen
class ActorRow:
    id: str
    name: str
    role: str | None
    kind: str | None
    argues: tuple[str, ...]  # node ids whose `by` names the actor
    quoted: int  # quotes in which the actor is the speaker
    claims_for: tuple[str, ...]  # claims the actor asserts or argues for
    claims_against: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "kind": self.kind,
            "argues": list(self.argues),
            "quoted": self.quoted,
            "claims_for": list(self.claims_for),
            "claims_against": list(self.claims_against),
        }


def actor_rows(m: ArgumentMap) -> list[ActorRow]:
    """Every declared actor, in file order: what they argue and on which side of each claim."""
    sides: dict[str, dict[str, set[int]]] = {a: {} for a in m.actors}
    for claim in m.claim_nodes():
        for asserter in actor_ids(claim):
            sides.setdefault(asserter, {}).setdefault(claim.id, set()).add(1)
        for node_id, node_sides in sides_beneath(m, claim.id).items():
            for arguer in actor_ids(m.node(node_id)):
                sides.setdefault(arguer, {}).setdefault(claim.id, set()).update(node_sides)
    rows = []
    for actor in m.actors.values():
        by_claim = sides.get(actor.id, {})
        rows.append(
            ActorRow(
                id=actor.id,
                name=actor.name,
                role=actor.role,
                kind=actor.kind.value if actor.kind else None,
                argues=tuple(n.id for n in m.unique_nodes() if actor.id in n.by),
                quoted=sum(1 for n in m.unique_nodes() for q in n.quotes if q.speaker == actor.id),
                claims_for=tuple(c for c, s in by_claim.items() if 1 in s),
                claims_against=tuple(c for c, s in by_claim.items() if -1 in s),
            )
        )
    return rows


@attrs.frozen
class SourceRow:
    id: str
    title: str
    author: str | None
    date: str | None
    file: str | None
    file_status: FileStatus
    quotes: int
    backs: tuple[str, ...]  # node ids quoting the source
    verified: int
    not_found: int
    unchecked: int

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "file": self.file,
            "file_status": self.file_status.value,
            "quotes": self.quotes,
            "backs": list(self.backs),
            "verified": self.verified,
            "not_found": self.not_found,
            "unchecked": self.unchecked,
        }


def source_rows(m: ArgumentMap, checks: QuoteChecks) -> list[SourceRow]:
    """Every declared source, in file order: the quotes and nodes it backs, how many verified."""
    rows = []
    for source in m.sources.values():
        quoting = [(n, q) for n in m.unique_nodes() for q in n.quotes if q.source == source.id]
        verdicts = [checks.verdict(q) for _, q in quoting]
        rows.append(
            SourceRow(
                id=source.id,
                title=source.title,
                author=source.author,
                date=source.date,
                file=source.file,
                file_status=checks.files.get(source.id, FileStatus.NONE),
                quotes=len(quoting),
                backs=in_order(n.id for n, _ in quoting),
                verified=verdicts.count(QuoteCheck.VERIFIED),
                not_found=verdicts.count(QuoteCheck.NOT_FOUND),
                unchecked=verdicts.count(QuoteCheck.UNCHECKED),
            )
        )
    return rows
