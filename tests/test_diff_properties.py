"""Laws of argmap diff on random maps: a map has no changes from itself, every node is
matched at most once, and every format renders whatever changed."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.diff import FORMATS, diff_maps
from argmap.load import loads_map
from argmap.model import ArgumentMap
from tests.budget import examples

# A small vocabulary, so that texts repeat, collide and nearly match.
WORDS = ["tax", "rise", "jobs", "fall", "city", "<b>", "*so*", "@you", "50%", "the", "a"]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)


@st.composite
def premises(draw: st.DrawFn, depth: int) -> list[str]:
    lines: list[str] = []
    for kind in ("pro", "con"):
        items = draw(st.lists(texts, max_size=3 if depth < 2 else 0))
        if items:
            lines.append(f"{kind}:")
            for text in items:
                lines.append(f"  - text: {json.dumps(text)}")
                if draw(st.booleans()):
                    lines.append(f"    id: n{draw(st.integers(0, 5))}")
                lines += ["    " + line for line in draw(premises(depth + 1))]
    return lines


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    lines = ["argmap: 1", f"title: {json.dumps(draw(texts))}", "claims:"]
    for n in range(draw(st.integers(1, 3))):
        lines += [f"  c{n}:", f"    text: {json.dumps(draw(texts))}"]
        lines += ["    " + line for line in draw(premises(0))]
    return loads_map("\n".join(lines) + "\n", "m.yaml")


SOME = settings(
    max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SOME
@given(maps())
@pytest.mark.slow
def test_a_map_has_no_changes_from_itself(m: ArgumentMap) -> None:
    assert diff_maps(m, m, evaluate=False).empty


@SOME
@given(maps(), maps())
@pytest.mark.slow
def test_nodes_are_matched_one_to_one_and_every_format_renders(
    old: ArgumentMap, new: ArgumentMap
) -> None:
    d = diff_maps(old, new, evaluate=False)
    matched_old = len(list(old.unique_nodes())) - len(d.removed)
    matched_new = len(list(new.unique_nodes())) - len(d.added)
    assert matched_old == matched_new
    assert len(d.reworded) <= matched_new
    for render in FORMATS.values():
        assert render(d)
    markdown = FORMATS["markdown"](d)
    for tag in ("<details>", "<summary>", "</summary>", "</details>"):  # folding long sections
        markdown = markdown.replace(tag, "")
    for tag in ("<b>", "</b>", "<del>", "</del>"):  # word marks next to punctuation
        markdown = markdown.replace(tag, "")
    assert "<" not in markdown  # map text cannot open an HTML tag
    assert json.loads(FORMATS["json"](d))["counts"] == d.counts()
