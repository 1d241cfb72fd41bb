"""The numbers behind `summary`, `show`, `actors` and `sources`, computed from fixture maps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

from argmap.errors import Diagnostic, Position, Severity
from argmap.evaluate import evaluate
from argmap.graph import depths, nearest_ids, sides_beneath
from argmap.listings import actor_rows, source_rows
from argmap.load import load_map, loads_map
from argmap.model import ArgumentMap
from argmap.outline import Relation, outline, outline_json
from argmap.quotes import FileStatus, QuoteCheck, SourceTexts, check_quotes
from argmap.summary import (
    ClaimRow,
    Coverage,
    select_rows,
    sort_rows,
    summarise,
    summarise_paths,
)

from .conftest import MAPS


def test_sides_follow_the_chain_of_links() -> None:
    m = load_map(MAPS / "sides-and-refs.yaml")
    assert sides_beneath(m, "main") == {
        "shared": {1},
        "cut": {-1},  # undercuts the link of a premise for the claim: against
        "objection": {-1},
        "reply": {1},  # an objection to an objection counts for the claim
        "rejoinder": {-1},
    }
    # The undercut belongs to main's link, so it does not travel with the ref.
    assert sides_beneath(m, "other") == {
        "shared": {-1},
        "objection": {-1},
        "reply": {1},
        "rejoinder": {-1},
    }


def test_claim_rows_count_direct_and_beneath() -> None:
    m = load_map(MAPS / "sides-and-refs.yaml")
    main, other = summarise(m).rows
    assert (main.pro, main.con, main.pro_total, main.con_total) == (1, 1, 2, 3)
    assert (main.premises, main.undercuts, main.depth) == (5, 1, 3)
    assert main.actors_pro == ("ana", "cy")  # ana asserts the claim; cy replies to the objection
    assert main.actors_con == ("cy", "ben")
    assert (other.pro, other.con, other.pro_total, other.con_total) == (0, 2, 1, 3)
    assert other.undercuts == 0


def test_totals_count_the_whole_map() -> None:
    totals = summarise(load_map(MAPS / "sides-and-refs.yaml")).totals
    assert totals.as_json() == {
        "maps": 1,
        "nodes": 7,
        "claims": 2,
        "premises": 5,
        "implicit_premises": 0,
        "groups": 0,
        "depth": 3,
        "pro_links": 1,
        "con_links": 5,
        "undercuts": 1,
        "refs": 2,
        "actors": 3,
        "sources": 0,
        "quotes": 0,
        "quotes_verified": 0,
        "quotes_not_found": 0,
        "quotes_unchecked": 0,
        "quoted_premises": 0,
        "quote_coverage": 0.0,
        "uncontested_claims": 0,
    }


def test_totals_of_two_maps_add_up_and_keep_the_deepest() -> None:
    a = summarise(load_map(MAPS / "sides-and-refs.yaml")).totals
    b = summarise(load_map(MAPS / "cycle-allowed.yaml")).totals
    both = a + b
    assert (both.maps, both.nodes, both.claims, both.depth) == (2, 10, 3, 3)
    assert both.coverage == Coverage(0, 7)


def test_quotes_are_verified_only_against_a_file_that_is_found() -> None:
    m = load_map(MAPS / "quotes-checked.yaml")
    checks = check_quotes(m, SourceTexts())
    verdicts = {n.id: checks.verdict(n.quotes[0]) for n in m.unique_nodes() if n.quotes}
    assert verdicts == {
        "verified-quote": QuoteCheck.VERIFIED,
        "wrong-quote": QuoteCheck.NOT_FOUND,
        "absent-file": QuoteCheck.UNCHECKED,
        "no-file": QuoteCheck.UNCHECKED,
    }
    assert checks.files == {
        "report": FileStatus.FOUND,
        "missing": FileStatus.ABSENT,
        "offline": FileStatus.NONE,
    }


def test_quote_coverage_counts_stated_premises_with_a_verified_quote() -> None:
    summary = summarise(load_map(MAPS / "quotes-checked.yaml"))
    (row,) = summary.rows
    # Four stated premises (the implicit one is left out), one verified quote.
    assert row.coverage == Coverage(1, 4)
    assert row.quote_coverage == 0.25
    assert summary.unchecked_sources == ("missing", "offline")
    t = summary.totals
    assert (t.quotes, t.quotes_verified, t.quotes_not_found, t.quotes_unchecked) == (4, 1, 1, 2)


def test_a_source_directory_makes_an_absent_file_checkable(tmp_path) -> None:
    (tmp_path / "not-here.txt").write_text("Then the budget rose again.", encoding="utf-8")
    m = load_map(MAPS / "quotes-checked.yaml")
    summary = summarise(m, texts=SourceTexts([tmp_path]))
    assert summary.rows[0].coverage == Coverage(2, 4)
    assert summary.unchecked_sources == ("offline",)


def test_depth_puts_an_undercut_below_the_premise_it_hangs_under() -> None:
    m = loads_map(
        """
argmap: 1
title: t
claims:
  c:
    text: C.
    pro:
      - text: P.
        undercut:
          - text: U.
    con:
      - text: Q.
"""
    )
    assert depths(m)["c"] == 2


def test_depth_of_a_long_chain_does_not_recurse() -> None:
    lines = ["argmap: 1", "title: chain", "claims:", "  c0:", "    text: C."]
    for i in range(1, 3000):
        lines += [f"  c{i}:", f"    text: C{i}.", "    con:", f"      - ref: c{i - 1}"]
    m = loads_map("\n".join(lines) + "\n")
    assert depths(m)["c2999"] == 2999


def test_evaluation_fills_strength_and_status() -> None:
    m = load_map(MAPS / "sides-and-refs.yaml")
    e = evaluate(m)
    summary = summarise(m, evaluation=e)
    main = summary.rows[0]
    assert main.strength == e.nodes["main"].strength
    assert main.status == e.nodes["main"].status.value
    assert summary.evaluation == {
        "semantics": "dfquad",
        "support": "attacks-only",
        "status_semantics": "grounded",
    }


def test_filters_and_sorting() -> None:
    m = load_map(MAPS / "sides-and-refs.yaml")
    rows = summarise(m).rows
    assert [r.id for r in select_rows(rows, tag="side")] == ["other"]
    assert [r.id for r in select_rows(rows, actor="ana")] == ["main", "other"]
    assert [r.id for r in select_rows(rows, tag="core", actor="ben")] == ["main"]
    assert [r.id for r in sort_rows(rows, "id")] == ["main", "other"]
    assert [r.id for r in sort_rows(rows, "con")] == ["other", "main"]
    assert [r.id for r in sort_rows(rows, "pro")] == ["main", "other"]
    # contested: most premises against, then most direct ones against
    assert [r.id for r in sort_rows(rows, "contested")] == ["other", "main"]
    rated = summarise(m, evaluation=evaluate(m)).rows
    assert [r.id for r in sort_rows(rated, "strength")] == ["main", "other"]  # 0.44, 0.16


def test_outline_expands_each_node_once_and_marks_repeats() -> None:
    m = load_map(MAPS / "cycle-allowed.yaml")
    root = outline(m, "start")
    left = root.children[0]
    right = left.children[0]
    again = right.children[0]
    assert [root.node.id, left.node.id, right.node.id, again.node.id] == [
        "start",
        "left",
        "right",
        "left",
    ]
    assert again.repeat and again.link is not None and again.link.is_ref
    assert again.children == ()


def test_outline_puts_undercuts_under_the_link_they_attack() -> None:
    m = load_map(MAPS / "sides-and-refs.yaml")
    shared = outline(m, "main").children[0]
    assert shared.node.id == "shared"
    assert [(c.relation, c.node.id) for c in shared.children] == [(Relation.UNDERCUT, "cut")]
    # Through the ref under `other`, the same premise has no undercut: it is main's link's.
    other_shared = outline(m, "other").children[0]
    assert other_shared.children == ()


def test_outline_depth_counts_what_it_hides() -> None:
    m = load_map(MAPS / "sides-and-refs.yaml")
    root = outline(m, "main", depth=1)
    assert [(c.node.id, c.hidden, c.children) for c in root.children] == [
        ("shared", 1, ()),
        ("objection", 1, ()),
    ]
    assert outline(m, "main", depth=0).hidden == 2


def test_nearest_ids() -> None:
    m = load_map(MAPS / "sides-and-refs.yaml")
    assert nearest_ids(m, "objectoin") == ["objection"]
    assert nearest_ids(m, "repl") == ["reply"]
    assert nearest_ids(m, "zzzzzz") == []


def test_actor_rows_say_who_argues_on_which_side() -> None:
    rows = {r.id: r for r in actor_rows(load_map(MAPS / "sides-and-refs.yaml"))}
    assert rows["ana"].argues == ("main", "shared")
    assert (rows["ana"].claims_for, rows["ana"].claims_against) == (("main",), ("other",))
    assert (rows["cy"].claims_for, rows["cy"].claims_against) == (("main", "other"), ("main",))
    speaker = actor_rows(load_map(MAPS / "quotes-checked.yaml"))[0]
    assert (speaker.id, speaker.argues, speaker.quoted) == ("clerk", (), 1)


def test_actor_rows_give_each_actor_its_kind() -> None:
    m = loads_map(
        """
argmap: 1
title: t
actors:
  ana: {name: Ana, kind: person, role: mayor}
  ice: {name: ICE, kind: government}
  anon: {name: Someone}
claims:
  c: {text: C., by: ana}
""",
        "kinds.yaml",
    )
    assert [(r.id, r.role, r.kind) for r in actor_rows(m)] == [
        ("ana", "mayor", "person"),
        ("ice", None, "government"),
        ("anon", None, None),
    ]


def test_actor_rows_of_a_map_naming_undeclared_actors_list_the_declared_ones() -> None:
    # validate reports the undeclared name; the listing of a map not yet validated
    # (the library, the language server) still lists who is declared.
    m = loads_map(
        """
argmap: 1
title: t
actors:
  ana: {name: Ana}
claims:
  c:
    text: C.
    by: ghost
    pro:
      - {text: P., by: [ana, shadow]}
""",
        "ghost.yaml",
    )
    assert [(r.id, r.argues, r.claims_for) for r in actor_rows(m)] == [
        ("ana", ("c.pro.1",), ("c",))
    ]


def test_source_rows_count_quotes_and_verification() -> None:
    m = load_map(MAPS / "quotes-checked.yaml")
    rows = source_rows(m, check_quotes(m))
    counts = [(r.id, r.file_status, r.quotes, r.backs, r.verified, r.not_found) for r in rows]
    assert counts == [
        ("report", FileStatus.FOUND, 2, ("verified-quote", "wrong-quote"), 1, 1),
        ("missing", FileStatus.ABSENT, 1, ("absent-file",), 0, 0),
        ("offline", FileStatus.NONE, 1, ("no-file",), 0, 0),
    ]
    assert [r.unchecked for r in rows] == [0, 1, 1]


def test_a_source_nobody_quotes_is_not_named_as_unchecked() -> None:
    m = loads_map(
        """
argmap: 1
title: t
sources:
  unused: {title: Never quoted}
  used: {title: Quoted once}
claims:
  c:
    text: C.
    con:
      - text: P.
        quote: {source: used, text: words}
"""
    )
    assert summarise(m).unchecked_sources == ("used",)


def _map_of_claims(*ids: str) -> ArgumentMap:
    claims = "".join(f"  {i}:\n    text: Claim {i}.\n" for i in ids)
    return loads_map(f"argmap: 1\ntitle: t\nclaims:\n{claims}", "ids.yaml")


def test_did_you_mean_offers_three_ids_at_most_or_as_many_as_asked() -> None:
    m = _map_of_claims("node1", "node2", "node3", "node4")
    # equally close: difflib lists them last id first
    assert nearest_ids(m, "node") == ["node4", "node3", "node2"]
    assert nearest_ids(m, "node", n=1) == ["node4"]


def test_did_you_mean_takes_ids_half_alike() -> None:
    # difflib's ratio of "abcd" and "abxy" is exactly 0.5: the cutoff argmap sets
    assert nearest_ids(_map_of_claims("abxy", "zzzz"), "abcd") == ["abxy"]


def test_did_you_mean_tops_up_close_matches_with_ids_that_contain_the_word() -> None:
    m = _map_of_claims("ab", "xxxxab1", "xxxxab2", "xxxxab3")
    assert nearest_ids(m, "ab") == ["ab", "xxxxab1", "xxxxab2"]


def test_an_undercut_of_a_link_to_another_claim_is_on_the_side_it_helps() -> None:
    m = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: A.\n    con:\n      - ref: b\n"
        "        undercut:\n          - {id: u, text: U.}\n  b:\n    text: B.\n",
        "u.yaml",
    )
    # b is another claim (not walked below), but the undercut of the link from it is a's
    assert sides_beneath(m, "a") == {"b": {-1}, "u": {1}}


def test_a_cycle_back_to_the_claim_counts_only_against_it() -> None:
    def cycle(kind: str) -> dict[str, set[int]]:
        m = loads_map(
            "argmap: 1\ntitle: t\nallow-cycles: true\nclaims:\n  a:\n    text: A.\n"
            f"    con:\n      - id: p\n        text: P.\n        {kind}:\n          - ref: a\n",
            "cycle.yaml",
        )
        return sides_beneath(m, "a")

    assert cycle("con") == {"p": {-1}}  # back on its own side: says nothing about it
    assert cycle("pro") == {"p": {-1}, "a": {-1}}  # back against itself


SMALL_TREE = """
argmap: 1
title: Small
claims:
  top:
    text: Top.
    tags: [core]
    note: A note.
    url: https://example.org/top
    pro:
      - id: mid
        text: Mid.
        implicit: true
        weight: 0.5
        note: Linked so.
        pro:
          - id: low
            text: Low.
            con:
              - id: deep
                text: Deep.
"""


def _item(node_id: str, relation: str, link: str | None, **fields: Any) -> dict[str, Any]:
    """One node of `show --format json` as SMALL_TREE's nodes read, with `fields` changed."""
    base: dict[str, Any] = {
        "id": node_id,
        "kind": "premise",
        "relation": relation,
        "link": link,
        "ref": False,
        "text": node_id.capitalize() + ".",
        "implicit": False,
        "by": [],
        "weight": None,
        "tags": [],
        "note": None,
        "link_note": None,
        "url": None,
        "quotes": [],
        "strength": None,
        "status": None,
        "link_strength": None,
        "repeat": False,
        "hidden": 0,
        "children": [],
    }
    return {**base, **fields}


def test_outline_json_writes_every_field_of_every_node_two_levels_down() -> None:
    m = loads_map(SMALL_TREE, "small.yaml")
    doc = outline_json(m, outline(m, "top", depth=2), check_quotes(m), None)
    low = _item("low", "pro", "mid.pro.1", hidden=1)  # `deep`, a level below the depth
    mid = _item(
        "mid", "pro", "top.pro.1", implicit=True, weight=0.5, note="Linked so.", children=[low]
    )
    top = _item(
        "top",
        "root",
        None,
        kind="claim",
        tags=["core"],
        note="A note.",
        url="https://example.org/top",
        children=[mid],
    )
    assert doc == {
        "map": {"title": "Small", "path": "small.yaml"},
        "evaluation": None,
        "written_under": [],
        "node": top,
    }
    below = outline_json(m, outline(m, "low", depth=0), check_quotes(m), None)
    assert below["written_under"] == ["pro mid"]
    assert below["node"] == _item("low", "root", None, hidden=1)


# --- summary: totals added, rows sorted, several paths ----------------------------------


def test_coverages_add_up() -> None:
    assert Coverage(1, 2) + Coverage(2, 3) == Coverage(3, 5)


def _rows(**by_id: dict[str, Any]) -> list[ClaimRow]:
    """Rows of `main` from sides-and-refs.yaml, one for each id, with the fields given."""
    row = summarise(load_map(MAPS / "sides-and-refs.yaml")).rows[0]
    return [attrs.evolve(row, id=i, **fields) for i, fields in by_id.items()]


def test_strength_sorts_strongest_first_and_the_unevaluated_last() -> None:
    rows = _rows(a={"strength": None}, b={"strength": 0.2}, c={"strength": 0.7})
    assert [r.id for r in sort_rows(rows, "strength")] == ["c", "b", "a"]


def test_ties_on_direct_premises_are_broken_by_what_stands_beneath() -> None:
    rows = _rows(
        a={"pro": 1, "pro_total": 1, "con": 1, "con_total": 1},
        b={"pro": 1, "pro_total": 3, "con": 1, "con_total": 4},
    )
    assert [r.id for r in sort_rows(rows, "pro")] == ["b", "a"]
    assert [r.id for r in sort_rows(rows, "con")] == ["b", "a"]
    assert [r.id for r in sort_rows(rows, "contested")] == ["b", "a"]


def test_an_unknown_sort_key_is_refused_by_name() -> None:
    with pytest.raises(ValueError) as caught:
        sort_rows([], "size")
    assert str(caught.value) == "unknown sort key 'size'"


def test_summarise_paths_evaluates_by_default_with_dfquad_and_attacks_only() -> None:
    (found,) = summarise_paths([MAPS / "order.yaml"]).summaries
    assert found.evaluation == {
        "semantics": "dfquad",
        "support": "attacks-only",
        "status_semantics": "grounded",
    }
    assert all(r.strength is not None for r in found.rows)


def test_a_file_that_is_not_a_map_is_an_error_and_the_next_map_is_still_summarised(
    tmp_path: Path,
) -> None:
    notes = tmp_path / "notes.yaml"
    notes.write_text("a: 1\n", encoding="utf-8")
    found = summarise_paths([notes, MAPS / "order.yaml"], evaluate=False)
    assert found.problems == (
        Diagnostic(
            "E010",
            Severity.ERROR,
            "not an argmap file: `argmap: 1` is missing",
            Position(str(notes), 1, 1),
        ),
    )
    assert [s.path for s in found.summaries] == [str(MAPS / "order.yaml")]


def test_a_folder_skips_yaml_that_is_not_a_map_and_summarises_the_maps_after_it(
    tmp_path: Path,
) -> None:
    (tmp_path / "a-notes.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text((MAPS / "order.yaml").read_text(encoding="utf-8"))
    found = summarise_paths([tmp_path], evaluate=False)
    assert [d.code for d in found.problems] == ["I303"]
    assert [s.path for s in found.summaries] == [str(tmp_path / "b.yaml")]


def test_summarise_paths_evaluates_with_the_support_reading_asked_for() -> None:
    (found,) = summarise_paths([MAPS / "order.yaml"], support="necessary").summaries
    assert found.evaluation is not None
    assert found.evaluation["support"] == "necessary"


def test_summarise_paths_checks_quotes_in_the_sources_folders_given(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "seed").mkdir()
    (tmp_path / "seed" / "article.txt").write_text("the officers resisted\n", encoding="utf-8")
    (tmp_path / "maps" / "m.yaml").write_text(
        """argmap: 1
title: T
sources:
  art: {title: The article, file: article.txt}
claims:
  c:
    text: C.
    con:
      - text: P.
        quote: {source: art, text: "the officers resisted"}
""",
        encoding="utf-8",
    )
    found = summarise_paths(
        [tmp_path / "maps" / "m.yaml"], sources=SourceTexts([tmp_path / "seed"]), evaluate=False
    )
    (summary,) = found.summaries
    assert (summary.totals.quotes, summary.totals.quotes_verified) == (1, 1)
    assert summary.unchecked_sources == ()


def test_totals_count_the_claims_nobody_argues_against() -> None:
    m = loads_map(
        """argmap: 1
title: T
claims:
  a:
    text: A.
    con:
      - text: No.
  b:
    text: B.
    pro:
      - text: Yes.
  c:
    text: C.
""",
        "t.yaml",
    )
    totals = summarise(m).totals
    assert (totals.claims, totals.uncontested_claims, totals.depth) == (3, 2, 1)
