"""Laws of the summary numbers and the show tree, on random small maps with refs and cycles."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from argmap.graph import depths, sides_beneath
from argmap.load import loads_map
from argmap.outline import OutlineItem, outline
from argmap.quotes import check_quotes
from argmap.report import show_tree
from argmap.summary import summarise
from tests.budget import examples


@st.composite
def maps(draw: st.DrawFn) -> str:
    """YAML of a map with 1-3 claims, premises nested up to three deep, refs anywhere."""
    lines = ["argmap: 1", "title: random", "allow-cycles: true", "claims:"]
    ids: list[str] = []
    counter = [0]

    def items(indent: int, depth: int) -> list[str]:
        out: list[str] = []
        for kind in ("pro", "con"):
            n = draw(st.integers(0, 2 if depth < 3 else 0))
            if not n:
                continue
            out.append(" " * indent + f"{kind}:")
            for _ in range(n):
                pad = " " * (indent + 2)
                if len(ids) > 0 and draw(st.booleans()):
                    out.append(pad + f"- ref: {draw(st.sampled_from(ids))}")
                    continue
                counter[0] += 1
                pid = f"p{counter[0]}"
                ids.append(pid)
                out += [pad + f"- id: {pid}", pad + f"  text: Premise {pid}."]
                if draw(st.integers(0, 4)) == 0:
                    out += [pad + "  undercut:", pad + "    - text: An undercut."]
                out += items(indent + 4, depth + 1)
        return out

    for c in range(draw(st.integers(1, 3))):
        ids.append(f"c{c}")
        lines += [f"  c{c}:", f"    text: Claim {c}."]
        lines += items(4, 1)
    return "\n".join(lines) + "\n"


SETTINGS = settings(
    max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def expanded(item: OutlineItem) -> list[str]:
    out, stack = [], [item]
    while stack:
        it = stack.pop()
        if not it.repeat:
            out.append(it.node.id)
        stack += it.children
    return out


@SETTINGS
@given(maps())
def test_counts_agree_with_the_map(text: str) -> None:
    m = loads_map(text, "random.yaml")
    summary = summarise(m)
    t = summary.totals
    assert t.pro_links + t.con_links + t.undercuts == len(m.links)
    assert t.nodes == t.claims + t.premises + t.implicit_premises
    all_depths = depths(m)
    for row in summary.rows:
        beneath = sides_beneath(m, row.id)
        assert row.premises == len(beneath)
        # Every node beneath takes at least one side, at most both.
        assert row.premises <= row.pro_total + row.con_total <= 2 * row.premises
        assert row.pro <= len(m.incoming(row.id)) and row.con <= len(m.incoming(row.id))
        assert 0 <= row.depth == all_depths[row.id] <= t.depth
        assert (row.depth == 0) == (not m.incoming(row.id))


@SETTINGS
@given(maps())
def test_show_expands_each_node_once_and_renders(text: str) -> None:
    m = loads_map(text, "random.yaml")
    for claim in m.claims:
        tree = outline(m, claim)
        shown = expanded(tree)
        assert sorted(shown) == sorted(set(shown))  # never expanded twice
        # nothing the summary counts is left out (show also expands a claim reached by a
        # ref, which the summary counts in that claim's own row)
        assert {claim} | set(sides_beneath(m, claim)) <= set(shown)
        console = Console(width=80, color_system=None)
        with console.capture() as captured:
            console.print(show_tree(m, tree, checks=check_quotes(m), evaluation=None, boxes=True))
        body = captured.get().split("\n+ supports")[0].split()
        assert ("+" in body or "−" in body) == bool(m.incoming(claim))
