"""`argmap evaluate`: the table, the JSON contract, and what happens when a cycle does not
settle. Expected numbers are worked out by hand in tests/test_evaluate.py."""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import MAPS, REPO, Invoke

EXAMPLE = REPO / "maps" / "example.yaml"


def lines(out: str) -> list[str]:
    """Output lines without rich's trailing padding."""
    return [line.rstrip() for line in out.splitlines()]


def test_table_for_the_support_readings_map(invoke: Invoke) -> None:
    result = invoke(["evaluate", MAPS / "eval_support_readings.yaml", "--support", "necessary"])
    pad = ""  # not stretched to the width: the numbers stand right after the text
    # Where strength and status disagree the status says why: g falls (OUT) by an attack the
    # necessary reading induces although its strength is 0.75; e stands although 0.125.
    # a and c have no objection at all: unopposed, not "stands". Verdicts (tests/test_explain.py
    # works the ranges out): g's range crosses 0.5, d's and e's stay below it.
    assert lines(result.stdout) == [
        "Strength by DF-QuAD; status by grounded semantics (support: necessary).",
        "Scores are computed from the map as drawn, with default base scores where none is"
        " given; not a",
        "judgement of the sources or of truth.",
        f"node  text  {pad}base  strength  status                 verdict",
        "-" * 58,
        f"g     G.    {pad}0.50    0.7500  falls, induced attack  fragile",
        f"d     D.    {pad}0.50    0.2500  falls                  robust",
        f"e     E.    {pad}0.50    0.1250  stands, score < 0.5    robust",
        f"b     B.    {pad}0.50    0.5000  falls",
        f"a     A.    {pad}0.50    0.5000  unopposed",
        f"c     C.    {pad}0.50    0.5000  unopposed",
        "",
        "stands: every objection recorded in the map is answered",
        "falls: an objection recorded in the map stands unanswered",
        "unopposed: nothing in the map objects to it, so it stands by default; that says"
        " nothing about",
        "whether it is true",
        "falls, N unanswered / stands, score < 0.5: strength and status disagree",
        "robust: keeps its status and its side of 0.5 when every base score moves by ±0.2 and"
        " without the",
        "map's reconstructed (implicit) premises",
        "fragile: changes its status or leaves its side of 0.5 when base scores move by ±0.2 or"
        " without the",
        "map's reconstructed (implicit) premises",
    ]
    assert result.stderr == ""


def test_table_lists_undercut_links(invoke: Invoke) -> None:
    out = lines(invoke(["evaluate", EXAMPLE]).stdout)
    at = out.index("Undercut links")
    assert out[at + 1].split() == [
        "link",
        "from",
        "→",
        "to",
        "premise",
        "link",
        "strength",
        "status",
    ]
    # cheap-power (0.5) through a link undercut by a 0.5 premise: 0.5·(1 − 0.5) = 0.25
    assert out[at + 3].split() == [
        "build-plant.pro.2",
        "cheap-power",
        "→",
        "build-plant",
        "0.5000",
        "0.2500",
        "falls",
    ]


def test_extensions_and_convergence_are_reported(invoke: Invoke) -> None:
    result = invoke(["evaluate", MAPS / "eval_even_cycle.yaml", "--extensions", "preferred"])
    out = lines(result.stdout)[2:]  # after the caption's two lines
    assert out[1].split() == [
        "node",
        "text",
        "base",
        "strength",
        "status",
        "verdict",
        "credulous",
        "sceptical",
    ]
    row = ["1.00", "0.5000", "undecided", "fragile", "yes", "no"]
    assert out[3].split() == ["a", "A", "holds.", *row]
    assert out[4].split() == ["b", "B", "holds.", *row]
    assert out[5] == "2 preferred extensions: {a}; {b}."
    # the step count depends on the integrator; the residual must be under the 1e-9 tolerance
    found = re.fullmatch(
        r"Cycles: fixpoint reached after (\d+) integration steps \(residual (\S+)\)\.", out[6]
    )
    assert found is not None, out[6]
    assert int(found[1]) > 0 and float(found[2]) < 1e-9


def test_json_follows_the_contract(invoke: Invoke) -> None:
    doc = json.loads(invoke(["evaluate", EXAMPLE, "--format", "json"]).stdout)
    assert list(doc) == [
        "semantics",
        "support",
        "status_semantics",
        "caveat",
        "converged",
        "residual",
        "iterations",
        "nodes",
        "links",
        "explanations",
        "counted_twice",
    ]
    assert (doc["semantics"], doc["support"], doc["status_semantics"]) == (
        "dfquad",
        "attacks-only",
        "grounded",
    )
    assert doc["converged"] is True and doc["residual"] == 0.0
    # every node, premises too, under the ids diagnostics use
    assert sorted(doc["nodes"]) == sorted(
        [
            "build-plant",
            "low-emissions",
            "low-emissions.con.1",
            "cheap-power",
            "build-plant.pro.2.undercut.1",
            "accident-risk",
            "accident-risk.con.1",
            "lower-bills",
            "lower-bills.con.1",
        ]
    )
    # the grounded labelling by its standard names (the words are for readers)
    assert doc["nodes"]["build-plant"] == {"base": 0.5, "strength": 0.64375, "status": "in"}
    assert doc["nodes"]["accident-risk"] == {"base": 0.5, "strength": 0.15, "status": "out"}
    assert doc["links"]["build-plant.pro.2"] == {"base": 0.5, "strength": 0.25, "status": "out"}
    assert doc["caveat"] == (
        "computed from the map as drawn, with default base scores where none is given;"
        " not a judgement of the sources or of truth"
    )
    # one explanation per claim (tests/test_explain.py checks their numbers); no premise of
    # the example map is reached twice
    assert list(doc["explanations"]) == ["build-plant", "lower-bills"]
    assert list(doc["explanations"]["build-plant"]) == [
        "node",
        "strength",
        "status",
        "unanswered_objections",
        "unopposed",
        "contributions",
        "flip",
        "robustness",
        "note",
        "groups",
    ]
    assert doc["counted_twice"] == []


def test_json_with_other_semantics_and_extensions(invoke: Invoke) -> None:
    doc = json.loads(
        invoke(
            [
                "evaluate",
                MAPS / "eval_even_cycle.yaml",
                "--format",
                "json",
                "--semantics",
                "qe",
                "--extensions",
                "stable",
            ]
        ).stdout
    )
    assert doc["semantics"] == "qe"
    # QE on the even cycle with base 1: s = 1 − h(s_other) = 1/(1 + s_other²); from (1, 1)
    # the trajectory stays symmetric, so x = 1/(1 + x²), x³ + x − 1 = 0: x = 0.6823
    # (0.6823³ + 0.6823 − 1 = 0.31764 + 0.6823 − 1 ≈ −0.00006; the root is 0.682328)
    assert round(doc["nodes"]["a"]["strength"], 4) == 0.6823
    assert doc["extensions"] == {
        "semantics": "stable",
        "extensions": [["a"], ["b"]],
        "credulous": ["a", "b"],
        "sceptical": [],
    }


def test_non_convergence_prints_the_numbers_and_fails(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importlib.import_module("argmap.evaluate"), "MAX_STEPS", 2)
    path = MAPS / "eval_even_cycle.yaml"
    result = invoke(["evaluate", path, "--format", "json"], expect=1)
    doc = json.loads(result.stdout)
    assert doc["converged"] is False and doc["iterations"] == 2
    message = result.stderr.strip()
    assert message.startswith(f"argmap: {path}: error: evaluation did not converge: residual ")
    assert message.endswith(
        " after 2 integration steps; the strengths printed are not a fixpoint [E501]"
    )
    table = invoke(["evaluate", path], expect=1).stdout
    assert "Cycles: NOT converged after 2 integration steps" in table


@pytest.mark.slow
def test_a_map_that_cannot_converge_fails_with_the_numbers_printed(invoke: Invoke) -> None:
    path = MAPS / "eval_limit_cycle.yaml"
    result = invoke(["evaluate", path, "--format", "json"], expect=1)
    doc = json.loads(result.stdout)
    assert doc["converged"] is False
    assert sorted(doc["nodes"]) == ["a", "b", "c", "d", "e"]
    assert result.stderr.startswith(f"argmap: {path}: error: evaluation did not converge")


def test_extension_cap_is_a_one_line_error(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.import_module("argmap.evaluate"), "MAX_UNDECIDED", 1)
    path = MAPS / "eval_even_cycle.yaml"
    result = invoke(["evaluate", path, "--extensions", "preferred"], expect=1)
    assert result.stdout == ""
    # the message names the map, as every other error does
    assert result.stderr == (
        f"argmap: {path}: error: 4 arguments are undecided under grounded semantics; preferred"
        " extensions are computed for at most 1 [E503]\n"
    )


def test_too_many_induced_attacks_is_a_one_line_error_naming_the_map(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the deductive reading induces three attacks on this map (c→a mediated, a→e and b→e
    # supported: tests/test_evaluate.py works them out); a cap of 2 refuses it
    monkeypatch.setattr(importlib.import_module("argmap.evaluate"), "MAX_INDUCED_ATTACKS", 2)
    path = MAPS / "eval_support_readings.yaml"
    result = invoke(["evaluate", path, "--support", "deductive"], expect=1)
    assert result.stdout == ""
    assert result.stderr == (
        f"argmap: {path}: error: support reading 'deductive' induces more than 2 attacks"
        " on this map; use --support attacks-only [E505]\n"
    )
    # at 3 the same map is evaluated
    monkeypatch.setattr(importlib.import_module("argmap.evaluate"), "MAX_INDUCED_ATTACKS", 3)
    invoke(["evaluate", path, "--support", "deductive"])


def test_an_invalid_map_is_refused(invoke: Invoke, write_map: Callable[[str, str], Path]) -> None:
    path = write_map(
        "argmap: 1\ntitle: t\nclaims:\n  a: {text: A., con: [{ref: nowhere}]}\n", "bad.yaml"
    )
    result = invoke(["evaluate", path], expect=1)
    assert result.stdout == ""
    assert result.stderr.startswith(f"argmap: {path}:4:")
    assert "nowhere" in result.stderr


def test_unknown_semantics_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke(["evaluate", EXAMPLE, "--semantics", "hcat"], expect=2)
    assert "'hcat' is not one of 'dfquad', 'qe', 'euler'" in result.stderr


def test_base_scores_show_as_written(invoke: Invoke, write_map: Callable[[str, str], Path]) -> None:
    path = write_map(
        "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: A.\n    weight: 0.125\n"
        "    con: [{text: B., weight: 0.7}]\n",
        "weights.yaml",
    )
    out = lines(invoke(["evaluate", path]).stdout)[5:7]
    rows = {line.split()[0]: line.split() for line in out}
    # a: 0.125 − 0.125·0.7 = 0.0375
    assert rows["a"][-4:] == ["0.125", "0.0375", "falls", "robust"]
    assert rows["a.con.1"][-3:] == ["0.70", "0.7000", "unopposed"]


@pytest.mark.parametrize(
    "args",
    [
        [MAPS / "eval_support_readings.yaml"],
        [REPO / "maps" / "example.yaml", "--extensions", "preferred"],
    ],
)
def test_large_maps_get_the_same_table_in_plain_columns(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, args: list[object]
) -> None:
    # past LARGE_TABLE nodes the table is laid out without rich (which would take a minute
    # at 100,000 nodes); small maps show what that layout looks like: the same columns
    rich_lines = lines(invoke(["evaluate", *args]).stdout)
    monkeypatch.setattr(importlib.import_module("argmap.report"), "LARGE_TABLE", 0)
    plain_lines = lines(invoke(["evaluate", *args]).stdout)
    assert [line.split() for line in plain_lines] == [line.split() for line in rich_lines]


def test_large_table_drops_control_characters_from_map_text(
    invoke: Invoke, write_map: Callable[[str, str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # the plain layout for large maps must not pass a map's escape sequences to the terminal
    path = write_map(
        'argmap: 1\ntitle: t\nclaims:\n  a:\n    text: "A\\e]0;owned\\a."\n    con: [B.]\n',
        "controls.yaml",
    )
    monkeypatch.setattr(importlib.import_module("argmap.report"), "LARGE_TABLE", 0)
    out = invoke(["evaluate", path]).stdout
    assert "\x1b" not in out and "\x07" not in out
    assert "A]0;owned." in out


@pytest.mark.parametrize("columns", ["60", "80", "200"])
def test_the_table_fits_any_width_without_cutting_text_or_numbers(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    # COLUMNS is honoured when piped; text wraps instead of being cut to 23 characters
    # at 80 columns, and at 200 the numbers stay beside the text (at most 72 wide).
    monkeypatch.setenv("COLUMNS", columns)
    out = lines(invoke(["evaluate", EXAMPLE]).stdout)
    table = out[: out.index("")]
    assert all(len(line) <= int(columns) for line in table)
    assert "…" not in "\n".join(table)
    words = " ".join(table).split()
    assert "catastrophic for the region." in " ".join(words)
    row = next(line for line in table if line.startswith("build-pla"))  # folds when narrow
    assert row.rstrip().endswith("0.50    0.6438  stands     fragile")
    assert row.index("0.50") <= {"60": 40, "80": 56, "200": 106}[columns]
