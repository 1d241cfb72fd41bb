"""`argmap show`: the tree as piped (pinned), refs, undercuts, quotes, depth, unknown ids."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import MAPS, Invoke

LEGEND = "+ supports, − opposes, × undercuts (attacks the link above it)\n"
SEMANTICS = (
    "strength: DF-QuAD (dfquad), supports read as attacks-only; status: grounded labelling"
    " (stands: every\n"
    "objection recorded in the map is answered; falls: an objection recorded in the map stands\n"
    "unanswered; unopposed: nothing objects to it). Scores are computed from the map as drawn,"
    " with\n"
    "default base scores where none is given; not a judgement of the sources or of truth.\n"
)


@pytest.fixture(autouse=True)
def in_maps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(MAPS)


def test_tree_with_marks_actors_undercuts_and_strength(invoke: Invoke) -> None:
    result = invoke(["show", "sides-and-refs.yaml", "main", "--eval"])
    # objection stands (its reply falls to the rejoinder) yet scores 0.38: the status says so;
    # premises nothing objects to are unopposed, not "stands"
    assert (
        result.stdout
        == """\
main: The main claim.
by Ana, strength 0.44 falls, tags core
    + shared: A premise used twice.
      by Ana, strength 0.50 unopposed, as an argument here 0.25
        × cut: The shared premise does not bear on the main claim.
          by Cy, strength 0.50 unopposed
    − objection: An objection.
      by Ben, strength 0.38 stands, score < 0.5
        − reply: A reply to the objection.
          by Cy, strength 0.25 falls
            − rejoinder: A rejoinder to the reply.
              by Ben, strength 0.50 unopposed

"""
        + LEGEND
        + SEMANTICS
    )
    assert result.stderr == ""


def test_refs_are_marked_and_depth_cuts_with_a_count(invoke: Invoke) -> None:
    result = invoke(["show", "sides-and-refs.yaml", "other", "--no-eval", "--depth", "1"])
    assert (
        result.stdout
        == """\
other: Another claim that reuses the shared premise.
tags side
    − shared (ref): A premise used twice.
      by Ana
      note: Here the same premise cuts the other way.
    − objection (ref): An objection.
      by Ben
      … 1 more item beneath (raise --depth)

"""
        + LEGEND
    )


def test_a_node_reached_again_is_not_expanded_twice(invoke: Invoke) -> None:
    result = invoke(["show", "cycle-allowed.yaml", "start", "--no-eval"])
    assert (
        result.stdout
        == """\
start: Where the loop begins.
    − left: Left attacks right.
        − right: Right attacks left.
            − left (ref): Left attacks right.
              shown above; not expanded again

"""
        + LEGEND
    )


def test_a_premise_says_where_it_is_written(invoke: Invoke) -> None:
    result = invoke(["show", "sides-and-refs.yaml", "shared", "--no-eval"])
    assert result.stdout == (
        "shared is written under: pro main, con other (ref)\n"  # other only refers to it
        "shared: A premise used twice.\n"
        "by Ana\n"
        "\n" + LEGEND
    )


def test_quotes_with_their_sources_and_verdicts(invoke: Invoke) -> None:
    result = invoke(["show", "quotes-checked.yaml", "budget-rose", "--no-eval"])
    assert (
        result.stdout
        == """\
budget-rose: The budget rose this year.
    + verified-quote: The report says spending grew.
      “spending grew by a tenth” — A report with a local copy, p. 2 (verified)
    + wrong-quote: The report says the rise was large.
      “a very large rise” — A report with a local copy (NOT FOUND in the source file)
    + absent-file: A second report agrees.
      “the budget rose” — A report whose copy is not here, said by The Clerk (unchecked: source file
      not found)
    − no-file: An interview says it fell.
      “it fell” — A report with no file at all (unchecked: the source has no file)
    − budget-rose.con.2 (implicit): Last year's figure was restated.

"""
        + LEGEND
    )


def test_map_text_is_never_read_as_markup(invoke: Invoke) -> None:
    result = invoke(["show", "markup-in-text.yaml", "brackets", "--no-eval"])
    assert result.stdout == (
        "brackets: Officers must satisfy[ing] the rule [citation needed].\n"
        "tags [red]\n"
        "    − styled: [bold]x[/bold] is not bold, and [link=https://example.org]this[/link] is no"
        " link.\n"
        "\n" + LEGEND
    )


def test_unknown_id_suggests_the_nearest(invoke: Invoke) -> None:
    result = invoke(["show", "sides-and-refs.yaml", "objectoin"], expect=1)
    assert result.stderr == (
        "argmap: sides-and-refs.yaml: error: no node 'objectoin' in the map;"
        " did you mean objection? [E720]\n"
    )
    assert result.stdout == ""
    far = invoke(["show", "sides-and-refs.yaml", "zzzzzz"], expect=1)
    assert far.stderr == (
        "argmap: sides-and-refs.yaml: error: no node 'zzzzzz' in the map"
        " (`argmap summary` lists claims) [E720]\n"
    )


def test_a_broken_map_is_one_line(invoke: Invoke, write_map) -> None:
    path = write_map("argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n    con: [{ref: nope}]\n")
    result = invoke(["show", path, "c"], expect=1)
    assert result.stderr == (f"argmap: {path}:6:11: error: `ref` to unknown id 'nope' [E102]\n")


def test_long_text_wraps_at_100_columns_when_piped(invoke: Invoke, write_map) -> None:
    words = " ".join(["word"] * 30)
    path = write_map(f"argmap: 1\ntitle: t\nclaims:\n  c:\n    text: {words}\n    con: [No.]\n")
    lines = invoke(["show", path, "c", "--no-eval"]).stdout.splitlines()
    assert max(len(line) for line in lines) <= 100
    assert lines[0] == "c: " + " ".join(["word"] * 19)


def test_a_link_id_shows_the_node_it_brings(invoke: Invoke, tmp_path) -> None:
    example = MAPS.parent.parent / "maps" / "example.yaml"
    out = invoke(["show", example, "lower-bills.pro.1", "--no-eval", "--depth", "0"]).stdout
    assert out.splitlines()[:2] == [
        # Written under build-plant; lower-bills only refers to it.
        "cheap-power is written under: pro build-plant, pro lower-bills (ref)",
        "cheap-power: The plant would lower electricity prices.",
    ]


def test_an_undercut_says_which_link_it_attacks(invoke: Invoke) -> None:
    # It attacks the step from cheap-power to build-plant, not build-plant itself.
    example = MAPS.parent.parent / "maps" / "example.yaml"
    out = invoke(["show", example, "build-plant.pro.2.undercut.1", "--no-eval"]).stdout
    assert out.splitlines()[0] == (
        "build-plant.pro.2.undercut.1 is written under: undercut of cheap-power → build-plant"
    )


@pytest.mark.slow
def test_an_evaluation_that_does_not_converge_is_left_out(invoke: Invoke) -> None:
    result = invoke(["show", "cycle-never-settles.yaml", "a", "--depth", "1", "--eval"])
    assert re.fullmatch(
        r"argmap: cycle-never-settles.yaml: warning: evaluation did not converge: residual"
        r" [0-9.e+-]+ after [0-9]+ integration steps; strength and status left out \[E501\]\n",
        result.stderr,
    )
    assert "strength" not in result.stdout


def test_json_holds_the_tree_with_scores_links_and_repeats(invoke: Invoke) -> None:
    args = ["show", "sides-and-refs.yaml", "main", "--format", "json", "--eval"]
    doc = json.loads(invoke(args).stdout)
    assert doc["map"]["path"] == "sides-and-refs.yaml"
    assert doc["evaluation"]["semantics"] == "dfquad"
    root = doc["node"]
    assert (root["id"], root["relation"], root["link"]) == ("main", "root", None)
    assert (round(root["strength"], 2), root["status"]) == (0.44, "out")
    shared, objection = root["children"]
    assert (shared["relation"], shared["link"], shared["by"]) == ("pro", "main.pro.1", ["ana"])
    assert round(shared["link_strength"], 2) == 0.25  # undercut: weaker as an argument here
    (cut,) = shared["children"]
    assert (cut["id"], cut["relation"]) == ("cut", "undercut")
    reply = objection["children"][0]
    assert [c["id"] for c in reply["children"]] == ["rejoinder"]


def test_json_marks_refs_repeats_and_hidden_items(invoke: Invoke) -> None:
    doc = json.loads(
        invoke(["show", "sides-and-refs.yaml", "other", "--format", "json", "--depth", "1",
                "--no-eval"]).stdout
    )  # fmt: skip
    assert doc["evaluation"] is None
    shared, objection = doc["node"]["children"]
    assert shared["ref"] is True
    assert shared["link_note"] == "Here the same premise cuts the other way."
    assert (objection["hidden"], objection["children"], objection["strength"]) == (1, [], None)
    loop = json.loads(invoke(["show", "cycle-allowed.yaml", "start", "--format", "json"]).stdout)
    again = loop["node"]["children"][0]["children"][0]["children"][0]
    assert (again["id"], again["repeat"], again["children"]) == ("left", True, [])


def test_json_quotes_carry_their_verdicts(invoke: Invoke) -> None:
    doc = json.loads(
        invoke(["show", "quotes-checked.yaml", "budget-rose", "--format", "json"]).stdout
    )
    checks = {c["id"]: [q["check"] for q in c["quotes"]] for c in doc["node"]["children"]}
    assert checks["verified-quote"] == ["verified"]
    assert checks["wrong-quote"] == ["not-found"]
    assert checks["no-file"] == ["unchecked"]
    assert doc["node"]["children"][0]["quotes"][0]["locator"] == "p. 2"
