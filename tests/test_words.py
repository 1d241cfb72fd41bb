"""The words for what evaluation computed (argmap/wording.py) on every output path: no
"accepted" or "rejected" anywhere, scores only when asked for, and the caveat wherever
scores are shown."""

from __future__ import annotations

import json

import pytest

from argmap.wording import SCORES_CAVEAT, disagreement, status_word, verdict_text
from tests.conftest import REPO, Invoke

EXAMPLE = REPO / "maps" / "example.yaml"
CAVEAT_START = "computed from the map as drawn"

PATHS = [
    ["render", EXAMPLE, "-o", "-", "--format", "dot", "--eval"],
    ["export", EXAMPLE, "--to", "dot", "--eval"],
    ["summary", EXAMPLE, "--eval"],
    ["summary", EXAMPLE, "--eval", "--format", "markdown"],
    ["show", EXAMPLE, "build-plant", "--eval"],
    ["evaluate", EXAMPLE],
    ["evaluate", EXAMPLE, "--explain"],
    ["evaluate", EXAMPLE, "--format", "json"],
]


@pytest.mark.parametrize("args", PATHS, ids=lambda a: " ".join(str(x) for x in a[::2]))
def test_every_output_with_scores_uses_the_words_and_carries_the_caveat(
    invoke: Invoke, args: list[object]
) -> None:
    out = invoke(args).stdout
    assert "accepted" not in out and "rejected" not in out
    # terminals wrap the caveat, DOT breaks it with <BR/>: its start stays on one line
    assert CAVEAT_START in " ".join(out.split())
    assert "stands" in out or '"in"' in out


@pytest.mark.parametrize(
    "args",
    [
        ["render", EXAMPLE, "-o", "-", "--format", "dot"],
        ["export", EXAMPLE, "--to", "dot"],
        ["summary", EXAMPLE],
        ["show", EXAMPLE, "build-plant"],
    ],
    ids=lambda a: str(a[0]),
)
def test_diagrams_and_summaries_show_no_scores_unless_asked(
    invoke: Invoke, args: list[object]
) -> None:
    out = invoke(args).stdout
    for word in ("stands", "falls", "unopposed", "0.64", CAVEAT_START):
        assert word not in out


def test_summary_json_keeps_the_standard_names_and_adds_the_words(invoke: Invoke) -> None:
    doc = json.loads(invoke(["summary", EXAMPLE, "--format", "json", "--eval"]).stdout)
    assert [(c["status"], c["verdict"], c["robust"]) for c in doc["claims"]] == [
        ("in", "stands", False),
        ("out", "falls", False),
    ]


def test_the_words_defined_once() -> None:
    assert status_word("in") == "stands"
    assert status_word("in", unopposed=True) == "unopposed"
    assert status_word("out") == "falls"
    assert status_word("undecided") == "undecided"
    # strength above 0.5 yet falling, below 0.5 yet standing: said in words
    assert verdict_text(0.72, "out", 1, False) == "0.72 · falls: 1 objection unanswered"
    assert (
        verdict_text(0.3, "in", 0, False) == "0.30 · stands: objections answered, score below 0.5"
    )
    assert verdict_text(0.3, "in", 0, True) == "unopposed 0.30"  # nothing claims it stands on merit
    assert verdict_text(0.64, "in", 0, False) == "stands 0.64"
    assert disagreement(0.8, "out", 2, short=True) == "falls, 2 unanswered"
    assert (
        disagreement(0.8, "out", 0) == "falls: an attack its support reading adds stands unanswered"
    )
    assert disagreement(0.5, "out", 1) is None  # at 0.5 the number takes no side
    assert SCORES_CAVEAT.startswith(CAVEAT_START)
