"""`argmap summary`: the table as piped (pinned), the machine formats, filters, directories."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from .conftest import MAPS, Invoke


@pytest.fixture(autouse=True)
def in_maps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(MAPS)


def test_piped_table_is_plain_and_stable(invoke: Invoke) -> None:
    result = invoke(["summary", "sides-and-refs.yaml", "--no-eval"])
    assert (
        result.stdout
        == """\
Sides, refs and undercuts  (sides-and-refs.yaml)
claim                                          pro  con    quotes
-----------------------------------------------------------------
main                                           1/2  1/3  0% (0/5)
The main claim.
for: ana, cy
against: cy, ben
tags: core

other                                          0/1  2/3  0% (0/4)
Another claim that reuses the shared premise.
for: cy
against: ana, ben
tags: side

Totals: nodes 7, claims 2, premises 5, implicit 0, depth 3
        links: pro 1, con 5, undercuts 1, refs 2; actors 3, sources 0
        quotes 0 (0 verified), quote coverage 0% (0/5), uncontested claims 0
pro, con: direct / all beneath, by side (an objection to an objection counts for the claim).
strength, status: not evaluated.
quotes: stated premises with a verified quote / all stated premises.
"""
    )
    assert result.stderr == ""


def test_strength_and_status_name_their_semantics(invoke: Invoke) -> None:
    result = invoke(["summary", "sides-and-refs.yaml", "--semantics", "euler", "--eval"])
    lines = result.stdout.splitlines()
    header = ["claim", "pro", "con", "strength", "quotes"]
    assert lines[1].split() == header
    assert lines[3].split()[:7] == ["main", "1/2", "1/3", "0.50", "falls", "·", "fragile"]
    caption = " ".join(lines[lines.index("tags: side") + 6 :])
    assert caption == (
        "strength: Euler-based (euler), supports read as attacks-only; status: grounded"
        " labelling (stands: every objection recorded in the map is answered; falls: an"
        " objection recorded in the map stands unanswered; unopposed: nothing objects to it);"
        " fragile: changes its status or leaves its side of 0.5 when base scores move by ±0.2 or"
        " without the map's reconstructed (implicit) premises. Scores are computed from the map as"
        " drawn, with default base scores where none is given; not a judgement of the sources"
        " or of truth. quotes: stated premises with a verified quote / all stated premises."
    )


def test_map_text_is_never_read_as_markup(invoke: Invoke) -> None:
    out = invoke(["summary", "markup-in-text.yaml", "--no-eval"]).stdout
    assert out.splitlines()[:6] == [
        "Brackets that [look] like markup  (markup-in-text.yaml)",
        "claim" + " " * 51 + "pro  con    quotes",
        "-" * 74,
        "brackets" + " " * 48 + "0/0  1/1  0% (0/1)",
        "Officers must satisfy[ing] the rule [citation needed].",
        "tags: [red]",
    ]


def test_no_colour_when_piped_or_asked_or_no_color(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "\x1b[" not in invoke(["summary", "sides-and-refs.yaml"]).stdout
    assert "\x1b[" not in invoke(["summary", "sides-and-refs.yaml", "--no-color"]).stdout
    forced = invoke(["summary", "sides-and-refs.yaml", "--color"]).stdout
    assert "\x1b[" in forced  # --color wins, even piped
    assert "\x1b[32mstands" not in forced and "1/2" in forced


def test_json_has_every_column(invoke: Invoke) -> None:
    doc = json.loads(
        invoke(["summary", "quotes-checked.yaml", "--format", "json", "--eval"]).stdout
    )
    assert doc["map"] == {
        "title": "Quotes checked against their sources",
        "path": "quotes-checked.yaml",
        "unchecked_sources": ["missing", "offline"],
        "source_coverage": {
            "report": {
                "sentences": 2,
                "sentences_quoted": 1,
                "sentences_ignored": 0,
                "characters": 74,
                "characters_quoted": 24,
                "quotes_placed": 1,
                "quotes": 2,
            },
            "missing": None,
            "offline": None,
        },
    }
    assert doc["evaluation"] == {
        "semantics": "dfquad",
        "support": "attacks-only",
        "status_semantics": "grounded",
    }
    assert doc["claims"] == [
        {
            "map": "quotes-checked.yaml",
            "id": "budget-rose",
            "text": "The budget rose this year.",
            "pro": 3,
            "con": 2,
            "pro_total": 3,
            "con_total": 2,
            "premises": 5,
            "groups": 0,
            "undercuts": 0,
            "depth": 1,
            "strength": 0.5625,
            "status": "out",
            "verdict": "falls, 2 unanswered",
            "robust": False,
            "actors_pro": ["clerk"],
            "actors_con": [],
            "quoted_premises": 1,
            "stated_premises": 4,
            "quote_coverage": 0.25,
            "tags": [],
        }
    ]
    assert doc["totals"] == {
        "maps": 1,
        "nodes": 6,
        "claims": 1,
        "premises": 4,
        "implicit_premises": 1,
        "groups": 0,
        "depth": 1,
        "pro_links": 3,
        "con_links": 2,
        "undercuts": 0,
        "refs": 0,
        "actors": 1,
        "sources": 3,
        "quotes": 4,
        "quotes_verified": 1,
        "quotes_not_found": 1,
        "quotes_unchecked": 2,
        "quoted_premises": 1,
        "quote_coverage": 0.25,
        "uncontested_claims": 0,
    }


def test_json_without_evaluation_has_nulls(invoke: Invoke) -> None:
    doc = json.loads(
        invoke(["summary", "sides-and-refs.yaml", "--format", "json", "--no-eval"]).stdout
    )
    assert doc["evaluation"] is None
    assert [(c["strength"], c["status"]) for c in doc["claims"]] == [(None, None), (None, None)]


def test_csv(invoke: Invoke) -> None:
    out = invoke(["summary", "sides-and-refs.yaml", "--format", "csv", "--no-eval"]).stdout
    assert out == (
        "map,id,text,pro,con,pro_total,con_total,premises,groups,undercuts,depth,strength,status,"
        "verdict,robust,actors_pro,actors_con,quoted_premises,stated_premises,quote_coverage,"
        "tags\n"
        # a list is one cell, joined with `;`: quoted, so that a `;` locale keeps it one cell
        "sides-and-refs.yaml,main,The main claim.,1,1,2,3,5,0,1,3,,,,,"
        '"ana;cy","cy;ben",0,5,0.0,core\n'
        "sides-and-refs.yaml,other,Another claim that reuses the shared premise.,0,2,1,3,4,0,0,3,"
        ',,,,cy,"ana;ben",0,4,0.0,side\n'
    )


def test_csv_cells_cannot_become_spreadsheet_formulas(invoke: Invoke, write_map) -> None:
    path = write_map(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: '=HYPERLINK(\"x\")'\n    con: [No.]\n"
    )
    out = invoke(["summary", path, "--format", "csv", "--no-eval"]).stdout
    row = next(r for r in csv.DictReader(io.StringIO(out)))
    assert row["text"] == '\'=HYPERLINK("x")'


def test_list_cells_and_tab_starts_cannot_become_formulas_either(invoke: Invoke, write_map) -> None:
    # Tags joined with `;` make one cell: its first character decides. A leading tab or
    # carriage return is the other way spreadsheets are known to start a formula.
    path = write_map(
        'argmap: 1\ntitle: t\nclaims:\n  c:\n    text: "\\tC."\n'
        "    tags: [-1+2, ok]\n    con: [No.]\n"
    )
    out = invoke(["summary", path, "--format", "csv", "--no-eval"]).stdout
    row = next(r for r in csv.DictReader(io.StringIO(out)))
    assert row["tags"] == "'-1+2;ok"
    assert row["text"] == "'\tC."


def test_markdown_escapes_map_text(invoke: Invoke) -> None:
    out = invoke(["summary", "markup-in-text.yaml", "--format", "markdown", "--eval"]).stdout
    assert (
        out
        == """\
| id | claim | pro | con | strength | status | for | against | quotes | tags |
|---|---|--:|--:|--:|---|---|---|--:|---|
| brackets | Officers must satisfy\\[ing\\] the rule \\[citation needed\\]. | 0/0 | 1/1 | 0.25 \
| falls |  |  | 0% (0/1) | \\[red\\] |

Totals: nodes 2, claims 1, premises 1, implicit 0, depth 1; links: pro 0, con 1, undercuts 0, \
refs 0; actors 0, sources 0; quotes 0 (0 verified), quote coverage 0% (0/1), uncontested claims 0

pro, con: direct / all beneath, by side (an objection to an objection counts for the claim).

strength: DF-QuAD (dfquad), supports read as attacks-only; status: grounded labelling \
(stands: every objection recorded in the map is answered; falls: an objection recorded in the \
map stands unanswered; unopposed: nothing objects to it); fragile: changes its status or leaves \
its side of 0.5 when base scores move by ±0.2 or without the map's reconstructed (implicit) \
premises. Scores are computed from the map as drawn, with default base scores where none is \
given; not a judgement of the sources or of truth.

quotes: stated premises with a verified quote / all stated premises.
"""
    )


def test_markdown_cannot_break_the_table_or_inject_html(invoke: Invoke, write_map) -> None:
    path = write_map(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: 'a | b <script>x</script> *c*'\n"
        "    con: [No.]\n"
    )
    out = invoke(["summary", path, "--format", "markdown", "--no-eval"]).stdout
    assert "| a \\| b &lt;script&gt;x&lt;/script&gt; \\*c\\* |" in out


def test_filters_by_tag_and_actor(invoke: Invoke) -> None:
    def ids(*args: str) -> list[str]:
        result = invoke(["summary", "sides-and-refs.yaml", "--format", "json", *args])
        doc = json.loads(result.stdout)
        return [c["id"] for c in doc["claims"]]

    assert ids("--tag", "side") == ["other"]
    assert ids("--actor", "ana") == ["main", "other"]
    assert ids("--sort", "contested") == ["other", "main"]
    assert ids("--sort", "strength", "--eval") == ["main", "other"]


def test_totals_stay_those_of_the_whole_map_when_filtering(invoke: Invoke, write_map) -> None:
    path = write_map(
        "argmap: 1\ntitle: t\nactors: {p: {name: P}, q: {name: Q}}\nclaims:\n"
        "  a: {text: A., tags: [x], con: [{text: N., by: p}]}\n"
        "  b: {text: B., tags: [y], con: [{text: M., by: q}]}\n"
    )
    out = invoke(["summary", path, "--tag", "x", "--actor", "q", "--no-eval"]).stdout
    assert out.splitlines()[1:4] == [
        "No claim matches the filters.",
        "",
        "Totals: nodes 4, claims 2, premises 2, implicit 0, depth 1",
    ]


def test_a_tag_no_claim_has_is_an_error_with_suggestions(invoke: Invoke) -> None:
    near = invoke(["summary", "sides-and-refs.yaml", "--tag", "cores"], expect=1)
    assert near.stderr == "argmap: error: no claim is tagged 'cores'; did you mean core? [E722]\n"
    far = invoke(["summary", "sides-and-refs.yaml", "--tag", "nothing"], expect=1)
    assert far.stderr == "argmap: error: no claim is tagged 'nothing' (tags: core, side) [E722]\n"
    assert far.stdout == ""


def test_unknown_actor_is_one_line_with_a_code(invoke: Invoke) -> None:
    result = invoke(["summary", "sides-and-refs.yaml", "--actor", "bne"], expect=1)
    assert result.stderr == "argmap: error: no actor 'bne' in the map; did you mean ben? [E721]\n"
    assert result.stdout == ""


def test_sorting_by_strength_needs_the_evaluation(invoke: Invoke) -> None:
    result = invoke(["summary", "sides-and-refs.yaml", "--sort", "strength"], expect=2)
    assert "--sort strength needs the evaluation: add --eval" in result.stderr


def test_directory_gives_one_table_with_a_map_column(invoke: Invoke, tmp_path: Path) -> None:
    for name in ("sides-and-refs.yaml", "cycle-allowed.yaml"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        (tmp_path / "sub" / name).write_text((MAPS / name).read_text())
    result = invoke(["summary", tmp_path, "--no-eval"])
    assert (
        result.stdout
        == """\
map                      claim                                          pro  con    quotes
------------------------------------------------------------------------------------------
sub/cycle-allowed.yaml   start                                          0/1  1/1  0% (0/2)
                         Where the loop begins.

sub/sides-and-refs.yaml  main                                           1/2  1/3  0% (0/5)
                         The main claim.
                         for: ana, cy
                         against: cy, ben
                         tags: core

sub/sides-and-refs.yaml  other                                          0/1  2/3  0% (0/4)
                         Another claim that reuses the shared premise.
                         for: cy
                         against: ana, ben
                         tags: side

Totals: maps 2, nodes 10, claims 3, premises 7, implicit 0, depth 3
        links: pro 1, con 8, undercuts 1, refs 3; actors 3, sources 0
        quotes 0 (0 verified), quote coverage 0% (0/7), uncontested claims 0
pro, con: direct / all beneath, by side (an objection to an objection counts for the claim).
strength, status: not evaluated.
quotes: stated premises with a verified quote / all stated premises.
"""
    )
    doc = json.loads(invoke(["summary", tmp_path, "--format", "json", "--no-eval"]).stdout)
    assert [m["title"] for m in doc["maps"]] == [
        "Two premises that attack each other",
        "Sides, refs and undercuts",
    ]
    assert doc["totals"]["maps"] == 2 and len(doc["claims"]) == 3


def test_a_broken_map_in_a_directory_is_reported_and_the_rest_shown(
    invoke: Invoke, tmp_path: Path
) -> None:
    (tmp_path / "good.yaml").write_text((MAPS / "cycle-allowed.yaml").read_text())
    (tmp_path / "bad.yaml").write_text("argmap: 1\ntitle: t\nclaims:\n  c:\n    txt: x\n")
    result = invoke(["summary", tmp_path, "--format", "csv", "--no-eval"], expect=1)
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"argmap: {tmp_path / 'bad.yaml'}:5:5: error: ")
    assert result.stderr.endswith("[E113]\n")
    assert result.stdout.splitlines()[1].startswith(f"{tmp_path / 'good.yaml'},start,")


def test_a_directory_without_maps(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke(["summary", tmp_path], expect=1)
    assert result.stderr == (
        f"argmap: {tmp_path}: error: no map files (*.yaml, *.yml) in this directory [E001]\n"
    )


def test_progress_bar_only_for_many_maps_on_a_terminal(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from argmap.commands import summary

    for i in range(summary.PROGRESS_FROM):
        (tmp_path / f"m{i:02}.yaml").write_text((MAPS / "cycle-allowed.yaml").read_text())
    # Piped stderr (the test runner's): no progress bar, nothing on stderr at all.
    result = invoke(["summary", tmp_path, "--format", "json", "--no-eval"])
    assert result.stderr == ""
    assert len(json.loads(result.stdout)["maps"]) == summary.PROGRESS_FROM

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    files = sorted(tmp_path.glob("*.yaml"))
    assert list(summary._with_progress(files)) == files
    assert "summarising" in terminal.getvalue()
    few = Terminal()
    monkeypatch.setattr("sys.stderr", few)
    assert list(summary._with_progress(files[:3])) == files[:3]
    assert few.getvalue() == ""


@pytest.mark.slow
def test_an_evaluation_that_does_not_converge_is_left_out(invoke: Invoke) -> None:
    result = invoke(["summary", "cycle-never-settles.yaml", "--eval"])
    assert re.fullmatch(
        r"argmap: cycle-never-settles.yaml: warning: evaluation did not converge: residual"
        r" [0-9.e+-]+ after [0-9]+ integration steps; strength and status left out \[E501\]\n",
        result.stderr,
    )
    assert result.stdout.splitlines()[1].split() == ["claim", "pro", "con", "quotes"]
    assert "strength, status: not evaluated." in result.stdout


def test_markdown_cannot_mention_anyone_or_start_math(invoke: Invoke, write_map) -> None:
    # Pasted into a pull request, `@octocat` would notify that user and `$x$` render as math.
    path = write_map(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: Ask @octocat about $x$.\n    con: [No.]\n"
    )
    out = invoke(["summary", path, "--format", "markdown", "--no-eval"]).stdout
    assert "| Ask \\@octocat about \\$x\\$. |" in out


@pytest.fixture
def two_maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two maps in one folder: unchecked sources, an empty source file, a fragile claim."""
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "paper.txt").write_text("The plan failed. Costs rose.\n")
    (folder / "a.yaml").write_text(
        "argmap: 1\ntitle: Café plans\nsources:\n"
        "  blank: {title: An empty copy, file: empty.txt}\n"
        "  gone: {title: A lost copy, file: gone.txt}\n"
        "actors:\n  ana: {name: Ana}\n  ben: {name: Ben}\n"
        "claims:\n  plan:\n    text: The plan works.\n    tags: [cost, time]\n"
        "    pro:\n      - text: It worked before.\n"
        "        quote: {source: blank, text: it worked}\n"
        "    con:\n      - text: It failed.\n        by: [ana, ben]\n"
        "        quote: {source: gone, text: it failed}\n"
    )
    (folder / "b.yaml").write_text(
        "argmap: 1\ntitle: Paper\nsources:\n"
        "  paper: {title: A paper, file: paper.txt}\n  nofile: {title: No file}\n"
        "claims:\n  costs:\n    text: Costs rose.\n    pro:\n"
        "      - text: The paper says so.\n        quote: {source: paper, text: Costs rose}\n"
        "      - text: Someone said so.\n        quote: {source: nofile, text: so}\n"
    )
    monkeypatch.chdir(tmp_path)
    return folder


def test_markdown_of_a_folder_has_a_map_column_and_names_each_source_with_its_map(
    invoke: Invoke, two_maps: Path
) -> None:
    out = invoke(["summary", "maps", "--format", "markdown", "--eval"]).stdout
    lines = out.split("\n")
    assert lines[:4] == [
        "| map | id | claim | pro | con | strength | status | for | against | quotes | tags |",
        "|---|---|---|--:|--:|--:|---|---|---|--:|---|",
        "| a.yaml | plan | The plan works. | 1/1 | 1/1 | 0.50 | falls · fragile |  | ana, ben"
        " | 0% (0/2) | cost, time |",
        "| b.yaml | costs | Costs rose. | 2/2 | 0/0 | 0.88 | unopposed |  |  | 50% (1/2) |  |",
    ]
    assert lines[-4:] == [
        "quotes: stated premises with a verified quote / all stated premises. Quotes of gone"
        " (maps/a.yaml) (unchecked: source file not found), nofile (maps/b.yaml) (unchecked:"
        " the source has no file) count as unverified.",
        "",
        # an empty source file is measured, but has no share to give
        "source coverage (sentences a quote touches, argmap sources --coverage): blank"
        " (maps/a.yaml) 0/0, paper (maps/b.yaml) 1/2 (50%).",
        "",
    ]


def test_json_of_a_folder_gives_each_map_its_own_sources_evaluation_and_totals(
    invoke: Invoke, two_maps: Path
) -> None:
    doc = json.loads(invoke(["summary", "maps", "--format", "json", "--eval"]).stdout)
    assert [
        (
            m["title"],
            m["path"],
            m["unchecked_sources"],
            {k: v and v["sentences"] for k, v in m["source_coverage"].items()},
            m["evaluation"]["semantics"],
            m["totals"]["nodes"],
        )
        for m in doc["maps"]
    ] == [
        ("Café plans", "maps/a.yaml", ["gone"], {"blank": 0, "gone": None}, "dfquad", 3),
        ("Paper", "maps/b.yaml", ["nofile"], {"paper": 2, "nofile": None}, "dfquad", 3),
    ]


def test_json_is_indented_by_two_and_keeps_text_as_written(invoke: Invoke, two_maps: Path) -> None:
    out = invoke(["summary", "maps/a.yaml", "--format", "json", "--no-eval"]).stdout
    assert out.startswith('{\n  "map": {\n    "title": "Café plans",\n    "path": "maps/a.yaml",\n')


def test_an_undercut_of_a_ref_to_another_claim_counts_against(invoke: Invoke, write_map) -> None:
    # a is counted as one node on b's side, its own tree in its own row; the undercut of
    # the ref still stands against b.
    path = write_map(
        "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: A.\n    con: [Not A.]\n"
        "  b:\n    text: B.\n    pro:\n      - ref: a\n        undercut: [A does not bear on B.]\n"
    )
    doc = json.loads(invoke(["summary", path, "--format", "json", "--no-eval"]).stdout)
    assert [
        (c["id"], c["pro"], c["pro_total"], c["con"], c["con_total"]) for c in doc["claims"]
    ] == [
        ("a", 0, 0, 1, 1),
        ("b", 1, 1, 0, 1),
    ]
