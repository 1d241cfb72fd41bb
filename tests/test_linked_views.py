"""Linked groups (issue 22) in every view: a group is ONE reason, its premises listed
beneath it, and no cell or word says more than was computed.

The map is tests/maps/linked.yaml. By hand, with DF-QuAD and base 0.5 where none is given:
- withholds-and-needed.linked.1 is attacked by a 0.5 con: 0.5 - 0.5 * 0.5 = 0.25;
- the group withholds-and-needed is its weakest premise, min(0.25, assent 0.5) = 0.25 (no
  weight, no cap); the undercut (0.5) halves its link: 0.25 - 0.25 * 0.5 = 0.125;
- the group delay.con.1 is min(cap 0.6, 0.5, 0.8) = 0.5;
- delay: attackers 0.5 and 0.5 (aggregate 0.75), supporter 0.125:
  0.5 - 0.5 * (0.75 - 0.125) = 0.1875.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lsprotocol import types

from argmap.diff import diff_maps, to_text
from argmap.evaluate import evaluate
from argmap.graph import depths, reasons_beneath, sides_beneath
from argmap.load import load_map, loads_map
from argmap.lsp.features import Settings, analyse, completion, hover, symbols
from argmap.page import page_data
from argmap.quotes import check_quotes
from argmap.summary import summarise
from tests.conftest import MAPS, Invoke

LINKED = MAPS / "linked.yaml"


@pytest.fixture(autouse=True)
def in_maps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(MAPS)


# --- the walks -------------------------------------------------------------------------


def test_a_groups_premises_stand_on_its_side_and_it_counts_as_one_reason() -> None:
    m = load_map(LINKED)
    assert sides_beneath(m, "delay") == {
        "withholds-and-needed": {1},
        "withholds-and-needed.linked.1": {1},  # a premise of a pro group is for the claim
        "withholds-and-needed.linked.1.con.1": {-1},  # and an objection to it, against
        "assent": {1},
        "delay.pro.1.undercut.1": {-1},
        "delay.con.1": {-1},
        "delay.con.1.linked.1": {-1},
        "delay.con.1.linked.2": {-1},
        "delay.con.2": {-1},
    }
    assert reasons_beneath(m, "delay") == {
        "withholds-and-needed": {1},
        "withholds-and-needed.linked.1.con.1": {-1},
        "delay.pro.1.undercut.1": {-1},
        "delay.con.1": {-1},
        "delay.con.2": {-1},
    }
    # the premises lie on their group's level: delay > group (+ premise) > con
    assert depths(m)["delay"] == 2


# --- show --------------------------------------------------------------------------------


def test_show_marks_the_group_and_lists_its_premises_beneath_it(invoke: Invoke) -> None:
    out = invoke(["show", "linked.yaml", "delay", "--eval"]).stdout
    assert out.split("\n+ supports")[0] == (
        "delay: The union caused the delay\n"
        "strength 0.19 falls\n"
        "    + withholds-and-needed (linked group): together: The union has not let its members"
        " take part +\n"
        "      The strategy needs the union's assent\n"
        "      by Julia Preston, strength 0.25 falls, as an argument here 0.12\n"
        "        & withholds-and-needed.linked.1: The union has not let its members take part\n"
        "          by ICE, strength 0.25 falls\n"
        "            − withholds-and-needed.linked.1.con.1: Members did take part in one pilot\n"
        "              by The union, strength 0.50 unopposed\n"
        "        & assent (ref): The strategy needs the union's assent\n"
        "          strength 0.50 unopposed\n"
        "        × delay.pro.1.undercut.1: The two facts may be unrelated in time\n"
        "          strength 0.50 unopposed\n"
        "    − delay.con.1 (linked group): together: Training was late before the union spoke +"
        " The timetable\n"
        "      was set by the county\n"
        "      strength 0.50 unopposed, weight (caps its weakest premise) 0.6\n"
        "        & delay.con.1.linked.1: Training was late before the union spoke\n"
        "          strength 0.50 unopposed\n"
        "        & delay.con.1.linked.2: The timetable was set by the county\n"
        "          strength 0.80 unopposed, weight 0.8\n"
        "    − delay.con.2: The county changed the schedule twice\n"
        "      strength 0.50 unopposed\n"
    )
    assert "& a premise of the linked group above (they bear on it only together)" in " ".join(
        out.split()
    )


def test_show_of_a_map_without_groups_keeps_its_legend(invoke: Invoke) -> None:
    out = invoke(["show", "sides-and-refs.yaml", "main"]).stdout
    assert out.endswith("\n+ supports, − opposes, × undercuts (attacks the link above it)\n")


def test_show_depth_counts_a_group_and_its_premises_as_one_level(invoke: Invoke) -> None:
    out = invoke(["show", "linked.yaml", "delay", "--depth", "1"]).stdout
    lines = out.splitlines()
    assert lines[1:9] == [
        "    + withholds-and-needed (linked group): together: The union has not let its members"
        " take part +",
        "      The strategy needs the union's assent",
        "      by Julia Preston",
        "      … 1 more item beneath (raise --depth)",  # the undercut on its link
        "        & withholds-and-needed.linked.1: The union has not let its members take part",
        "          by ICE",
        "          … 1 more item beneath (raise --depth)",  # the con on the premise
        "        & assent (ref): The strategy needs the union's assent",
    ]


def test_show_json_gives_the_group_its_kind_premises_and_linked_relations(
    invoke: Invoke,
) -> None:
    doc = json.loads(invoke(["show", "linked.yaml", "delay", "--format", "json"]).stdout)
    group = doc["node"]["children"][0]
    assert (group["id"], group["kind"], group["relation"], group["link"]) == (
        "withholds-and-needed",
        "group",
        "pro",
        "delay.pro.1",
    )
    assert group["premises"] == ["withholds-and-needed.linked.1", "assent"]
    assert [(c["id"], c["kind"], c["relation"], c["ref"]) for c in group["children"]] == [
        ("withholds-and-needed.linked.1", "premise", "linked", False),
        ("assent", "claim", "linked", True),
        ("delay.pro.1.undercut.1", "premise", "undercut", False),
    ]
    assert doc["node"]["kind"] == "claim"
    assert "premises" not in doc["node"]  # only groups have them


def test_show_says_where_a_groups_premise_is_written(invoke: Invoke) -> None:
    out = invoke(["show", "linked.yaml", "assent", "--format", "json"]).stdout
    assert json.loads(out)["written_under"] == [
        "premise of linked group withholds-and-needed (ref)"
    ]
    # a premise written in the group itself: no "(ref)"
    out = invoke(["show", "linked.yaml", "withholds-and-needed.linked.1"]).stdout
    assert out.splitlines()[0] == (
        "withholds-and-needed.linked.1 is written under: premise of linked group"
        " withholds-and-needed"
    )


# --- summary -----------------------------------------------------------------------------


def test_summary_counts_a_group_as_one_reason_and_who_argues_it(invoke: Invoke) -> None:
    doc = json.loads(invoke(["summary", "linked.yaml", "--format", "json", "--eval"]).stdout)
    delay = doc["claims"][0]
    picked = {k: delay[k] for k in ("pro", "con", "pro_total", "con_total", "premises")}
    # for: the group; against: the undercut, the con on a premise, the con group, the con
    assert picked == {"pro": 1, "con": 2, "pro_total": 1, "con_total": 4, "premises": 7}
    assert (delay["groups"], delay["undercuts"], delay["depth"]) == (2, 1, 2)
    assert delay["strength"] == 0.1875
    assert delay["actors_pro"] == ["preston", "ice"]  # the group's `by`, then its premise's
    assert delay["actors_con"] == ["union"]
    assert (delay["stated_premises"], delay["quoted_premises"]) == (6, 0)  # groups not
    totals = doc["totals"]
    assert {k: totals[k] for k in ("nodes", "claims", "premises", "groups", "depth")} == {
        "nodes": 10,
        "claims": 2,
        "premises": 6,
        "groups": 2,
        "depth": 2,
    }
    assert (totals["pro_links"], totals["con_links"], totals["undercuts"]) == (1, 3, 1)


def test_summary_table_says_how_groups_count(invoke: Invoke) -> None:
    out = invoke(["summary", "linked.yaml", "--no-eval"]).stdout
    assert "delay                                  1/1  2/4  0% (0/6)\n" in out
    assert "Totals: nodes 10, claims 2, premises 6, implicit 0, linked groups 2, depth 2\n" in out
    assert "A linked group counts as one reason, its premises not again." in " ".join(out.split())


def test_summary_csv_and_markdown_keep_their_columns(invoke: Invoke) -> None:
    csv = invoke(["summary", "linked.yaml", "--format", "csv", "--no-eval"]).stdout
    header, delay, assent = csv.splitlines()
    assert header.split(",")[3:11] == [
        "pro",
        "con",
        "pro_total",
        "con_total",
        "premises",
        "groups",
        "undercuts",
        "depth",
    ]
    assert delay == (
        "linked.yaml,delay,The union caused the delay,1,2,1,4,7,2,1,2,,,,,"
        '"preston;ice",union,0,6,0.0,'
    )
    assert assent.count(",") == header.count(",")
    md = invoke(["summary", "linked.yaml", "--format", "markdown", "--no-eval"]).stdout
    assert (
        "| delay | The union caused the delay | 1/1 | 2/4 | preston, ice | union | 0% (0/6) |  |"
        in md.splitlines()
    )


def test_a_map_without_groups_says_nothing_of_them(invoke: Invoke) -> None:
    out = invoke(["summary", "sides-and-refs.yaml", "--no-eval"]).stdout
    assert "group" not in out


# --- evaluate ----------------------------------------------------------------------------


def test_evaluate_prints_a_groups_cap_or_a_dash_never_a_base_score(invoke: Invoke) -> None:
    out = invoke(["evaluate", "linked.yaml"]).stdout
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line[:1].strip()}
    assert rows["withholds-and-needed"][-3:] == ["—", "0.2500", "falls"]
    assert rows["delay.con.1"][-3:] == ["≤0.60", "0.5000", "unopposed"]
    assert rows["delay.con.1.linked.2"][-3:] == ["0.80", "0.8000", "unopposed"]
    assert rows["delay"][-4:] == ["0.50", "0.1875", "falls", "fragile"]
    key = " ".join(out.split())
    assert (
        "base of a linked group: — it has none (its strength is its weakest premise's),"
        " ≤w its weight w caps that strength; a linked group falls when any of its premises"
        " falls"
    ) in key


def test_a_group_is_opposed_through_its_premises(invoke: Invoke) -> None:
    from argmap.explain import status_words

    m = load_map(LINKED)
    evaluation = evaluate(m)
    # its premise is attacked (and falls): not "unopposed"; the con group's premises are not
    assert status_words(m, evaluation, "withholds-and-needed") == "falls"
    assert status_words(m, evaluation, "delay.con.1") == "unopposed"


# --- actors ------------------------------------------------------------------------------


def test_actors_argue_on_the_side_of_the_group_they_argue_in(invoke: Invoke) -> None:
    doc = json.loads(invoke(["actors", "linked.yaml", "--format", "json"]).stdout)
    rows = {r["id"]: (r["argues"], r["claims_for"], r["claims_against"]) for r in doc["actors"]}
    assert rows == {
        "preston": (["withholds-and-needed"], ["delay"], []),
        "union": (["withholds-and-needed.linked.1.con.1"], [], ["delay"]),
        "ice": (["withholds-and-needed.linked.1"], ["delay"], []),
    }


# --- diff --------------------------------------------------------------------------------

PLAIN = """\
argmap: 1
title: D
claims:
  delay:
    text: The union caused the delay
    pro:
      - The union has not let its members take part
      - The strategy needs the union's assent
    con:
      - Training was late before the union spoke
"""

GROUPED = """\
argmap: 1
title: D
claims:
  delay:
    text: The union caused the delay
    pro:
      - linked:
          - The union has not let its members take part
          - The strategy needs the union's assent
    con:
      - Training was late before the union spoke
"""


def _diff(old: str, new: str) -> str:
    return to_text(diff_maps(loads_map(old, "old.yaml"), loads_map(new, "new.yaml")))


def test_premises_moving_into_a_group_are_moves_and_the_group_is_added() -> None:
    assert _diff(PLAIN, GROUPED) == (
        "--- old.yaml\n+++ new.yaml\n\n"
        "added (1):\n"
        "  + delay.pro.1 (pro of delay): together: The union has not let its members take part"
        " + The strategy needs the union's assent\n\n"
        "moved (2):\n"
        "  > delay.pro.1.linked.1: pro of delay → premise of linked group delay.pro.1\n"
        "  > delay.pro.1.linked.2: pro of delay → premise of linked group delay.pro.1\n\n"
        # 0.5 + 0.5 * (0.75 - 0.5) = 0.625 with two supporters; one group of 0.5: 0.5
        "strength and status (dfquad) (1):\n"
        "  ~ delay: strength 0.62 → 0.50\n\n"
        "1 added, 2 moved, 1 score changed"
    )


def test_a_premise_moving_out_of_a_group_is_a_move_and_a_new_one_is_added() -> None:
    new = GROUPED.replace(
        "      - linked:\n"
        "          - The union has not let its members take part\n"
        "          - The strategy needs the union's assent\n",
        "      - The union has not let its members take part\n"
        "      - linked:\n"
        "          - The strategy needs the union's assent\n"
        "          - The union refused the pilot\n",
    )
    d = diff_maps(loads_map(GROUPED, "old.yaml"), loads_map(new, "new.yaml"), evaluate=False)
    # one premise of two kept: the same group (now delay.pro.2), not a removed and an added one
    assert [(e.id, e.kind) for e in d.added] == [("delay.pro.2.linked.2", "premise")]
    assert d.removed == ()
    assert d.reworded == ()  # its derived text changed; that is not a rewording
    assert [(mv.id, mv.old and mv.old.kind, mv.new and mv.new.kind) for mv in d.moved] == [
        ("delay.pro.1", "linked", "pro")
    ]


def test_groups_are_paired_by_their_premises_not_by_their_text() -> None:
    old = GROUPED.replace(
        "          - The strategy needs the union's assent\n",
        "          - The strategy needs the union's assent\n          - The county agreed\n",
    )
    # the same words in the derived text, almost: two of three premises are new ones
    new = GROUPED.replace(
        "          - The union has not let its members take part\n"
        "          - The strategy needs the union's assent\n",
        "          - The union has not let its members take part at all\n"
        "          - The strategy needs the union's full assent\n"
        "          - The county agreed\n",
    ).replace("Training was late", "The training was late")
    d = diff_maps(loads_map(old, "old.yaml"), loads_map(new, "new.yaml"), evaluate=False)
    # premises matched by their words, the group by its premises: all three kept
    assert [r.id for r in d.reworded] == [
        "delay.pro.1.linked.1",
        "delay.pro.1.linked.2",
        "delay.con.1",
    ]
    assert (d.added, d.removed) == ((), ())
    fewer = old.replace(
        "          - The union has not let its members take part\n"
        "          - The strategy needs the union's assent\n",
        "          - The budget was cut\n          - The plan had no owner\n",
    )
    d = diff_maps(loads_map(old, "old.yaml"), loads_map(fewer, "new.yaml"), evaluate=False)
    # one premise of three shared: another group, whatever its path id and text
    assert [(e.id, e.kind) for e in d.removed if e.kind == "group"] == [("delay.pro.1", "group")]
    assert [(e.id, e.kind) for e in d.added if e.kind == "group"] == [("delay.pro.1", "group")]
    # the premise kept moved from one group to the other: both read `delay.pro.1`, so their
    # texts tell them apart
    assert (
        "  > delay.pro.1.linked.3: premise of linked group delay.pro.1"
        ' ("together: The union has not let its members take part + The strategy needs the'
        " union's assent + The county agreed\") → premise of linked group delay.pro.1"
        ' ("together: The budget was cut + The plan had no owner + The county agreed")\n'
    ) in to_text(d)


def test_a_group_given_another_id_is_renamed_with_its_premises_kept() -> None:
    old = LINKED.read_text(encoding="utf-8")
    new = old.replace("id: withholds-and-needed", "id: both-needed")
    # its premises' path ids change with it (both-needed.linked.1): matched by their text
    assert _diff(old, new).endswith(
        "\nrenamed (1):\n  ~ withholds-and-needed → both-needed\n\n1 renamed"
    )


def test_a_groups_own_fields_are_diffed() -> None:
    new = GROUPED.replace(
        "          - The strategy needs the union's assent\n",
        "          - The strategy needs the union's assent\n"
        "        by: [preston]\n        weight: 0.7\n        note: Needed together\n",
    ).replace("title: D\n", "title: D\nactors:\n  preston: {name: Julia Preston}\n")
    out = _diff(GROUPED, new)
    assert (
        "fields (3):\n"
        "  ~ delay.pro.1 by: (none) → preston\n"
        "  ~ delay.pro.1 weight: (none) → 0.7\n"
        '  ~ delay.pro.1 note: (none) → "Needed together"\n'
    ) in out
    assert "reworded" not in out


def test_a_ref_joining_a_group_is_a_relation_added() -> None:
    old = GROUPED + "  assent:\n    text: The strategy needs the union's assent\n"
    new = old.replace(
        "          - The strategy needs the union's assent\n",
        "          - The strategy needs the union's assent\n          - ref: assent\n",
    )
    out = _diff(old, new)
    assert ("relations (1):\n  + assent is a premise of linked group delay.pro.1 (ref)\n") in out


# --- the report page ---------------------------------------------------------------------


def test_the_page_gives_a_group_its_premises_and_a_claim_its_reasons() -> None:
    m = load_map(LINKED)
    data = page_data(m, checks=check_quotes(m), originals={}, evaluation=evaluate(m))
    nodes = {n["id"]: n for n in data["nodes"]}
    group = nodes["withholds-and-needed"]
    assert (group["group"], group["premises"], group["cap"]) == (
        True,
        ["withholds-and-needed.linked.1", "assent"],
        None,
    )
    assert nodes["delay.con.1"]["cap"] == 0.6
    assert group["in"] == []  # its premises are not "for" or "against" it
    assert group["score"]["word"] == "falls"
    assert nodes["delay.con.1"]["score"]["word"] == "unopposed"
    assert "group" not in nodes["delay"]
    assert nodes["delay"]["in"] == ["delay.pro.1", "delay.con.1", "delay.con.2"]
    assert nodes["assent"]["out"] == ["withholds-and-needed.linked.2"]
    claim = data["claims"][0]
    assert (claim["pro"], claim["proTotal"], claim["con"], claim["conTotal"]) == (1, 1, 2, 4)


# --- the language server -----------------------------------------------------------------


def _analysis() -> tuple[object, list[str]]:
    text = LINKED.read_text(encoding="utf-8")
    return analyse(text, str(LINKED), Settings(evaluate=False)), text.splitlines()


def _at(lines: list[str], words: str, nth: int = 0) -> types.Position:
    hits = [(i, line.find(words)) for i, line in enumerate(lines) if words in line]
    line, col = hits[nth]
    return types.Position(line, col + 1)


def test_hover_on_a_group_and_on_its_premises_says_they_are_linked() -> None:
    a, lines = _analysis()
    found = hover(a, _at(lines, "linked:"))  # type: ignore[arg-type]
    assert found is not None
    assert found.contents.value.split("\n\n")[:3] == [  # type: ignore[union-attr]
        "**linked group `withholds-and-needed`**",
        "together: The union has not let its members take part + The strategy needs the"
        " union's assent",
        "one pro reason of `delay`: its premises `withholds-and-needed.linked.1`, `assent`,"
        " only together",
    ]
    capped = hover(a, _at(lines, "linked:", 1))  # type: ignore[arg-type]
    assert capped is not None
    assert "weight 0.6: caps its strength (its weakest premise's)" in (
        capped.contents.value  # type: ignore[union-attr]
    )
    premise = hover(a, _at(lines, "The union has not"))  # type: ignore[arg-type]
    assert premise is not None
    assert premise.contents.value.split("\n\n")[:3] == [  # type: ignore[union-attr]
        "**premise `withholds-and-needed.linked.1`**",
        "The union has not let its members take part",
        "a premise of the linked group `withholds-and-needed`, together with `assent`",
    ]


def test_symbols_give_a_group_its_premises_as_children() -> None:
    a, _ = _analysis()
    delay = symbols(a)[0]  # type: ignore[arg-type]

    def names(symbol: types.DocumentSymbol) -> list[str]:
        return [c.name for c in symbol.children or ()]

    assert names(delay) == [
        "pro: linked group withholds-and-needed",
        "con: linked group delay.con.1",
        "con: delay.con.2",
    ]
    group = (delay.children or [])[0]
    assert names(group) == [
        "linked: withholds-and-needed.linked.1",
        "linked: ref assent",
        "undercut: delay.pro.1.undercut.1",
    ]
    assert (group.range.start.line, group.range.end.line) == (10, 20)  # the whole item


def test_completion_of_a_ref_offers_no_group() -> None:
    text = LINKED.read_text(encoding="utf-8") + "  other:\n    text: x\n    pro:\n      - ref: \n"
    a = analyse(text, str(LINKED), Settings(evaluate=False))
    last = len(text.splitlines()) - 1
    offered = {item.label for item in completion(a, load_map(LINKED), types.Position(last, 13))}
    assert "withholds-and-needed" not in offered and "delay.con.1" not in offered
    assert {"delay", "assent", "withholds-and-needed.linked.1"} <= offered


# --- the notebook ------------------------------------------------------------------------


def test_the_notebook_table_counts_a_group_once() -> None:
    from argmap.notebook import Map

    html = Map(LINKED, eval=False).summary_html()
    assert "<td>1/1</td><td>2/4</td>" in html.replace("\n", "")


def test_summarise_of_the_map_matches_the_cli() -> None:
    s = summarise(load_map(LINKED))
    assert (s.rows[0].pro_total, s.rows[0].con_total, s.totals.groups) == (1, 4, 2)


# --- the report page in a browser ----------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.slow  # a browser: not in `make test-fast`
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed at /usr/bin/chromium")
def test_the_report_panel_shows_a_group_as_one_reason_with_its_premises(tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    from argmap.explain import explain, why_lines
    from argmap.page import build_page

    m = load_map(LINKED)
    evaluation = evaluate(m)
    why = {x.node: why_lines(x) for x in explain(m, evaluation)}
    # No diagram: the panel is what is tested here (the frame in the diagram: the next test).
    page = build_page(m, None, checks=check_quotes(m), evaluation=evaluation, explanations=why)
    path = tmp_path / "linked.html"
    path.write_text(page, encoding="utf-8")
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        tab = browser.new_page()
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

        def panel(node_id: str) -> str:
            tab.goto(path.as_uri() + "#node=" + node_id)
            tab.wait_for_load_state("load")
            return " ".join(tab.inner_text("#argmap\\:panel-body").split())

        group = panel("withholds-and-needed")
        assert group.startswith(
            "Linked group withholds-and-needed together: The union has not let its members take"
            " part + The strategy needs the union's assent Its premises They bear on what it"
            " supports or opposes only together: one reason, as strong as its weakest premise."
            " The union has not let its members take part The strategy needs the union's assent"
            " Strength 0.25 · falls"
        )
        assert group.endswith(
            "What it bears on supports The union caused the delay This link is attacked"
            " (undercut) by: The two facts may be unrelated in time"
            " What bears on it Nothing in the map."
        )
        assert "at most 0.6 (its weight)." in panel("delay.con.1")
        assert panel("assent").endswith(
            "What it bears on is a premise of the linked group together: The union has not let"
            " its members take part + The strategy needs the union's assent It bears only"
            " together with: The union has not let its members take part"
            " What bears on it Nothing in the map."
        )
        claim = panel("delay")
        assert (
            "withholds-and-needed is one pro reason: withholds-and-needed.linked.1 and assent"
            " together, as strong as its weakest, withholds-and-needed.linked.1 (0.25)."
        ) in claim
        assert claim.endswith(
            "What bears on it for: together: The union has not let its members take part + The"
            " strategy needs the union's assent One reason, its premises together: The union has"
            " not let its members take part; The strategy needs the union's assent This link is"
            " attacked (undercut) by: The two facts may be unrelated in time against: together:"
            " Training was late before the union spoke + The timetable was set by the county One"
            " reason, its premises together: Training was late before the union spoke; The"
            " timetable was set by the county against: The county changed the schedule twice"
        )
        table = " ".join(tab.inner_text("#argmap\\:claims-body").split())
        assert table.startswith("The union caused the delay delay 1 / 1 2 / 4 2 0 of 6")
        browser.close()
    assert errors == []


# --- evaluate --explain of a group ---------------------------------------------------------


def test_explaining_a_group_takes_away_what_is_beneath_its_premises_not_them(
    invoke: Invoke,
) -> None:
    doc = json.loads(
        invoke(
            ["evaluate", "linked.yaml", "--explain", "withholds-and-needed", "--format", "json"]
        ).stdout
    )
    x = doc["explanations"]["withholds-and-needed"]
    # without the objection to its weakest premise: min(0.5, 0.5) = 0.5, and it stands
    assert x["contributions"] == [
        {
            "premise": "withholds-and-needed.linked.1.con.1",
            "contribution": -0.25,
            "without": 0.5,
            "status_without": "in",
        }
    ]
    assert (x["unopposed"], x["unanswered_objections"]) == (False, 1)
    assert x["note"] == (
        "a linked group, as strong as its weakest premise (at most its weight): without any one"
        " of its premises it is gone, so they are not taken away one at a time"
    )
    out = invoke(["evaluate", "linked.yaml", "--explain", "delay.con.1"]).stdout
    assert (
        "Rests on nothing beneath its premises: its strength is its weakest premise's, or its"
        " weight where that is lower."
    ) in " ".join(out.split())


@pytest.mark.slow  # a browser: not in `make test-fast`
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed at /usr/bin/chromium")
def test_clicking_a_groups_frame_in_the_report_opens_the_group(
    invoke: Invoke, tmp_path: Path
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    path = tmp_path / "linked.html"
    invoke(["report", str(LINKED), "-o", str(path)])
    errors: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.goto(path.as_uri())
        tab.wait_for_load_state("load")
        # a group counts as no premise of its own
        assert "2 claims · 6 premises · 2 linked groups" in tab.inner_text("header")
        frame = tab.locator('.diagram svg g.cluster[data-node="withholds-and-needed"]')
        assert frame.get_attribute("aria-label", timeout=5000) == (
            "Linked group withholds-and-needed: together: The union has not let its members"
            " take part + The strategy needs the union's assent"
        )
        box = frame.bounding_box()
        assert box is not None
        tab.mouse.click(box["x"] + 6, box["y"] + 6)  # the frame's corner, beside no premise
        panel = " ".join(tab.inner_text("#argmap\\:panel-body").split())
        assert panel.startswith("Linked group withholds-and-needed together:")
        # a premise inside the frame is still its own node
        tab.locator('g.argmap-node[data-node="assent"]').click()
        panel = " ".join(tab.inner_text("#argmap\\:panel-body").split())
        assert panel.startswith("Claim assent")
        browser.close()
    assert errors == []
