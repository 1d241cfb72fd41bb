"""Map -> format -> map keeps the graph: node texts, relations (undercuts included) and refs.

Property-based over small generated maps whose texts are full of the formats' markup.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from argmap import ArgumentMap, loads_map
from argmap.formats import export_map, import_text
from argmap.formats.json import to_data
from tests.budget import examples
from tests.conftest import REPO
from tests.mapgen import claim_texts, graph, map_texts, without_undercuts

FAST = settings(
    max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def round_trip(text: str, fmt: str):
    original = loads_map(text, "generated.yaml")
    exported = export_map(original, fmt)
    back = import_text(exported.text, fmt, f"exported.{fmt}", "back.yaml")
    return original, back


@FAST
@given(map_texts())
@pytest.mark.slow
def test_argdown_keeps_the_graph_the_claims_and_every_field(text: str) -> None:
    original, back = round_trip(text, "argdown")
    assert graph(back.map) == graph(original)
    assert claim_texts(back.map) == claim_texts(original)
    assert (back.map.title, back.map.description, back.map.allow_cycles) == (
        original.title,
        original.description,
        original.allow_cycles,
    )
    assert back.warnings == ()
    # What Argdown cannot hold is the note on a ref: one warning naming each, nothing else.
    noted = sorted((lk for lk in original.links if lk.note), key=lambda lk: lk.position)
    expected = []
    if len(noted) == 1:
        expected = [f"Argdown has no place for note of link {noted[0].id}: left out"]
    elif noted:
        names = ", ".join(lk.id for lk in noted)
        expected = [f"Argdown has no place for note: left out of {len(noted)} links: {names}"]
    assert [d.message for d in export_map(original, "argdown").warnings] == expected
    by_text = {n.text: n for n in back.map.unique_nodes()}
    for node in original.unique_nodes():
        again = by_text[node.text]
        assert (
            again.by,
            again.weight,
            again.tags,
            again.note,
            again.implicit,
            again.quotes[:0],
        ) == (node.by, node.weight, node.tags, node.note, node.implicit, ())
        assert [(q.source, q.text, q.speaker) for q in again.quotes] == [
            (q.source, q.text, q.speaker) for q in node.quotes
        ]
        if node.explicit_id:
            assert again.id == node.id


def _model(m: ArgumentMap) -> dict[str, Any]:
    """argmap's JSON model of `m`, less positions, nodes and links in id order."""
    data = to_data(m)
    for entry in (*data["nodes"], *data["links"]):
        del entry["position"]
    data["nodes"].sort(key=lambda n: n["id"])
    data["links"].sort(key=lambda lk: lk["id"])
    return data


@FAST
@given(map_texts())
@pytest.mark.slow
def test_json_keeps_everything_but_positions(text: str) -> None:
    original, back = round_trip(text, "json")
    assert _model(back.map) == _model(original)
    assert back.warnings == ()


def test_json_keeps_the_note_on_a_ref_written_before_the_node_it_names() -> None:
    original, back = round_trip(
        """\
argmap: 1
title: Refs first
claims:
  a:
    text: Taxes should fall.
    pro:
      - ref: growth
        note: The classic supply-side reason.
        undercut:
          - text: Growth did not follow the last cut.
  b:
    text: Growth matters most.
    pro:
      - id: growth
        text: Lower taxes raise growth.
""",
        "json",
    )
    assert [(lk.id, lk.is_ref, lk.note) for lk in back.map.links] == [
        ("a.pro.1", True, "The classic supply-side reason."),
        ("a.pro.1.undercut.1", False, None),
        ("b.pro.1", False, None),
    ]
    assert _model(back.map) == _model(original)


@FAST
@given(map_texts())
@pytest.mark.slow
def test_aif_keeps_the_graph(text: str) -> None:
    original, back = round_trip(text, "aif")
    assert graph(back.map) == graph(original)
    assert back.warnings == ()


@FAST
@given(map_texts())
@pytest.mark.slow
def test_kialo_keeps_the_graph_without_undercuts(text: str) -> None:
    original, back = round_trip(text, "kialo")
    assert graph(back.map) == without_undercuts(original)
    assert back.warnings == ()


@pytest.mark.parametrize("name", ["example.yaml", "secure-communities.yaml"])
@pytest.mark.parametrize("fmt", ["argdown", "aif", "json", "kialo"])
def test_the_bundled_maps_survive_a_round_trip(name: str, fmt: str) -> None:
    path = REPO / "maps" / name
    original, back = round_trip(path.read_text(encoding="utf-8"), fmt)
    expected = without_undercuts(original) if fmt == "kialo" else graph(original)
    assert graph(back.map) == expected
    if fmt in ("argdown", "json"):
        assert back.map.claims == original.claims


CYCLIC = """\
argmap: 1
title: A circular debate
allow-cycles: true
claims:
  a:
    text: Taxes should fall.
    con:
      - ref: b
  b:
    text: Services need money.
    con:
      - ref: a
      - id: c
        text: Waste could be cut instead.
        pro:
          - ref: b
"""


@pytest.mark.parametrize("fmt", ["argdown", "aif", "json", "kialo"])
def test_a_cyclic_map_comes_back_cyclic_and_allowed(fmt: str) -> None:
    original, back = round_trip(CYCLIC, fmt)
    assert graph(back.map) == graph(original)
    assert back.map.allow_cycles
