"""A `ref` to a path id names a place, not a premise: validate warns, diff tells the sides apart."""

from __future__ import annotations

from argmap.diff import diff_maps, to_markdown, to_text
from argmap.load import loads_map
from argmap.validate import validate_map

OLD = """argmap: 1
title: T
claims:
  a:
    text: A
    con:
      - First premise
      - id: named
        text: A named premise
  b:
    text: B
    con:
      - ref: a.con.1
      - ref: named
"""
NEW = OLD.replace("      - First premise\n", "      - Inserted premise\n      - First premise\n")


def test_a_ref_to_a_path_id_is_a_warning_and_a_ref_to_an_id_or_a_claim_is_not() -> None:
    text = OLD + "  c:\n    text: C\n    con:\n      - ref: b\n"
    found = [d.format() for d in validate_map(loads_map(text, "m.yaml")) if d.code == "W206"]
    assert found == [
        "m.yaml:13:9: warning: `ref` to the path id 'a.con.1': a path id is the premise's place,"
        " so a premise inserted above it makes this ref point at another one; give the premise"
        " an `id` and ref that [W206]"
    ]


def test_diff_never_prints_two_sides_that_read_the_same() -> None:
    d = diff_maps(loads_map(OLD, "old.yaml"), loads_map(NEW, "new.yaml"), evaluate=False)
    assert to_text(d).splitlines()[6:10] == [
        "relations (2):",
        '  + a.con.1 attacks b (ref; a.con.1 now reads "Inserted premise")',
        '  - a.con.1 attacks b (ref; a.con.1 read "First premise")',
        "",
    ]
    assert [line for line in to_markdown(d).splitlines() if line.startswith("- ")][1:] == [
        '- added: `a.con.1` attacks `b` (ref; `a.con.1` now reads "Inserted premise")',
        '- removed: `a.con.1` attacks `b` (ref; `a.con.1` read "First premise")',
    ]


def test_a_relation_change_that_reads_differently_keeps_its_short_form() -> None:
    new = OLD.replace("      - ref: named\n", "      - ref: a\n")
    d = diff_maps(loads_map(OLD, "old.yaml"), loads_map(new, "new.yaml"), evaluate=False)
    assert [r.source_text for r in d.relations] == [None, None]
    assert "relations (2):\n  + a attacks b (ref)\n  - named attacks b (ref)" in to_text(d)
