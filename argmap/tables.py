"""The summary as text: the notes on its columns, the totals lines, and the JSON, CSV
and markdown documents of `argmap summary --format`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from argmap.escape import csv_row, md
from argmap.quotes import FileStatus, unchecked_because
from argmap.summary import (
    CLAIM_FIELDS,
    ClaimRow,
    Coverage,
    MapSummary,
    Totals,
    combined_totals,
    map_label,
)
from argmap.wording import ROBUST_MEANING, SCORES_CAVEAT, STATUS_MEANING, UNOPPOSED_WORD

SEMANTICS_NAMES = {"dfquad": "DF-QuAD", "qe": "quadratic energy", "euler": "Euler-based"}


def format_share(coverage: Coverage) -> str:
    """`50% (3/6)`; `-` when there is nothing to cover."""
    if coverage.share is None:
        return "-"
    return f"{coverage.share:.0%} ({coverage.quoted}/{coverage.premises})"


def format_strength(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def totals_lines(t: Totals) -> list[str]:
    """The totals as three short lines: the nodes, the links and people, the evidence."""
    maps = f"maps {t.maps}, " if t.maps > 1 else ""
    # only maps that have linked groups say so (the line stays as it was for the others)
    groups = f", linked groups {t.groups}" if t.groups else ""
    return [
        f"{maps}nodes {t.nodes}, claims {t.claims}, premises {t.premises},"
        f" implicit {t.implicit_premises}{groups}, depth {t.depth}",
        f"links: pro {t.pro_links}, con {t.con_links}, undercuts {t.undercuts},"
        f" refs {t.refs}; actors {t.actors}, sources {t.sources}",
        f"quotes {t.quotes} ({t.quotes_verified} verified), quote coverage"
        f" {format_share(t.coverage)}, uncontested claims {t.uncontested_claims}",
    ]


def totals_line(t: Totals) -> str:
    return "Totals: " + "; ".join(totals_lines(t))


def summary_notes(summaries: Sequence[MapSummary]) -> list[str]:
    """What the columns mean: the table's caption, and the notes under the markdown."""
    notes = [
        "pro, con: direct / all beneath, by side"
        " (an objection to an objection counts for the claim)."
    ]
    if any(s.totals.groups for s in summaries):
        notes[0] += " A linked group counts as one reason, its premises not again."
    evaluated = [s.evaluation for s in summaries if s.evaluation is not None]
    if not evaluated:
        notes.append("strength, status: not evaluated.")
    else:
        e = evaluated[0]
        name = SEMANTICS_NAMES.get(e["semantics"], e["semantics"])
        notes.append(
            f"strength: {name} ({e['semantics']}), supports read as {e['support']};"
            f" status: {e['status_semantics']} labelling (stands: {STATUS_MEANING['in']};"
            f" falls: {STATUS_MEANING['out']}; {UNOPPOSED_WORD}: nothing objects to it);"
            f" fragile: {ROBUST_MEANING[False]}. Scores are {SCORES_CAVEAT}."
        )
    several = len(summaries) > 1
    unchecked = [
        (f"{u} ({s.path})" if several else u)
        + f" ({unchecked_because(s.file_states.get(u, FileStatus.ABSENT))})"
        for s in summaries
        for u in s.unchecked_sources
    ]
    quotes = "quotes: stated premises with a verified quote / all stated premises."
    if unchecked:
        quotes += " Quotes of " + ", ".join(unchecked) + " count as unverified."
    notes.append(quotes)
    measured = [(s, c) for s in summaries for c in s.source_coverage if c.measured]
    if measured:
        parts = [
            (f"{c.source} ({s.path})" if several else c.source)
            + f" {c.sentences_quoted}/{c.sentences_counted}"
            + (f" ({c.sentences_quoted / c.sentences_counted:.0%})" if c.sentences_counted else "")
            for s, c in measured
        ]
        notes.append(
            "source coverage (sentences a quote touches, argmap sources --coverage): "
            + ", ".join(parts)
            + "."
        )
    return notes


def summary_document(summaries: Sequence[MapSummary], rows: Sequence[ClaimRow]) -> dict[str, Any]:
    """The JSON document of `argmap summary --format json` (shape documented in the README)."""
    claims = [r.as_json() for r in rows]
    if len(summaries) == 1:
        s = summaries[0]
        return {
            "map": {
                "title": s.title,
                "path": s.path,
                "unchecked_sources": list(s.unchecked_sources),
                "source_coverage": _source_coverage(s),
            },
            "evaluation": s.evaluation,
            "claims": claims,
            "totals": s.totals.as_json(),
        }
    return {
        "maps": [
            {
                "title": s.title,
                "path": s.path,
                "unchecked_sources": list(s.unchecked_sources),
                "source_coverage": _source_coverage(s),
                "evaluation": s.evaluation,
                "totals": s.totals.as_json(),
            }
            for s in summaries
        ],
        "claims": claims,
        "totals": combined_totals(summaries).as_json(),
    }


def _source_coverage(s: MapSummary) -> dict[str, Any]:
    """Source id -> its coverage (`argmap sources --coverage --format json`), null if unread."""
    return {c.source: c.as_json()["coverage"] for c in s.source_coverage}


def summary_json(summaries: Sequence[MapSummary], rows: Sequence[ClaimRow]) -> str:
    return json.dumps(summary_document(summaries, rows), indent=2, ensure_ascii=False)


def summary_csv(rows: Sequence[ClaimRow]) -> str:
    """One line per claim, the JSON's claim fields as columns; lists joined with `;`.

    Every cell passes through `escape.csv_cell` (no formula, no split cell or row).
    """
    header = list(CLAIM_FIELDS)
    lines = [csv_row(header)]
    for row in rows:
        values = row.as_json()
        lines.append(csv_row(values[k] for k in header))
    return "".join(lines)


def _verdict(r: ClaimRow) -> str:
    if r.verdict is None:
        return "-"
    return r.verdict + (" · fragile" if r.robust is False else "")


def summary_markdown(
    summaries: Sequence[MapSummary], rows: Sequence[ClaimRow], *, base: str | Path | None = None
) -> str:
    """A GitHub-flavoured markdown table, the totals and the notes: pastes into a pull request."""
    several = len(summaries) > 1
    evaluated = any(s.evaluation is not None for s in summaries)
    header = (["map"] if several else []) + ["id", "claim", "pro", "con"]
    header += ["strength", "status"] if evaluated else []
    header += ["for", "against", "quotes", "tags"]
    right = {"pro", "con", "strength", "quotes"}
    align = ["--:" if h in right else "---" for h in header]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    for r in rows:
        cells = [md(map_label(r.map, base))] if several else []
        cells += [md(r.id), md(r.text), f"{r.pro}/{r.pro_total}", f"{r.con}/{r.con_total}"]
        cells += [format_strength(r.strength), _verdict(r)] if evaluated else []
        cells += [
            md(", ".join(r.actors_pro)),
            md(", ".join(r.actors_con)),
            format_share(r.coverage),
            md(", ".join(r.tags)),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", md(totals_line(combined_totals(summaries))), ""]
    for note in summary_notes(summaries):
        lines += [md(note), ""]
    return "\n".join(lines)
