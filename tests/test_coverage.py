"""Source coverage: sentences cut by pysbd, quotes placed by quote_spans, `argmap sources
--coverage` and the summary's line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.coverage import Ignore, measure, split_sentences
from tests.conftest import MAPS, REPO, SEED, Invoke


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A pass costs $9.95 a month. Buy one.", ["A pass costs $9.95 a month.", "Buy one."]),
        (
            "The U.S. government disagrees. So do we.",
            ["The U.S. government disagrees.", "So do we."],
        ),
        ("J. R. Okafor chaired it. Then he left.", ["J. R. Okafor chaired it.", "Then he left."]),
        (
            'He said "No. Never." and left. Later he came back.',
            ['He said "No. Never." and left.', "Later he came back."],
        ),
        (
            "She said \u201cwe will not train.\u201d The agency waited.",
            ["She said \u201cwe will not train.\u201d", "The agency waited."],
        ),
        ("Mr. Cole met Dr. Smith. The end!", ["Mr. Cole met Dr. Smith.", "The end!"]),
    ],
)
def test_the_splitter_keeps_abbreviations_prices_initials_and_inner_quotes(
    text: str, expected: list[str]
) -> None:
    assert texts(text) == expected


def test_a_line_break_ends_a_sentence_such_as_a_headline() -> None:
    assert texts("Council weighs a bus line\nThe council met.\nIt voted.") == [
        "Council weighs a bus line",
        "The council met.",
        "It voted.",
    ]


def test_with_blank_lines_between_paragraphs_a_single_break_is_a_wrapped_line() -> None:
    text = "Spending grew by a\ntenth this year. Roads took most.\n\nA new paragraph."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Spending grew by a\ntenth this year.",
        "Roads took most.",
        "A new paragraph.",
    ]
    assert [(s.line, s.end_line) for s in sentences] == [(1, 2), (2, 2), (4, 4)]


def test_sentences_carry_their_offsets_and_lines_in_the_file() -> None:
    text = "  First one.  Second one.\n\n\nThird.\n"
    sentences = split_sentences(text)
    assert [(s.start, s.end, s.line) for s in sentences] == [(2, 12, 1), (14, 25, 1), (28, 34, 4)]


@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\u201c\u201d$9U.S")), max_size=60))
def test_every_sentence_is_the_file_text_at_its_offsets_in_order(text: str) -> None:
    sentences = split_sentences(text)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
    # Nothing but white space is left out.
    kept = "".join(s.text for s in sentences)
    assert "".join(kept.split()) == "".join(text.split())


def test_a_very_long_paragraph_is_cut_where_sentences_end_and_nothing_changes() -> None:
    # pysbd slows with the square of a paragraph's length: a long one is cut first, at
    # a sure sentence end, so the sentences are the same as if read whole.
    chunk = "The U.S. said no. Prices rose to $9.95 a month. J. R. Smith left. "
    sentences = texts(chunk * 300)  # 19,800 characters on one line
    assert len(sentences) == 900
    assert set(sentences) == {
        "The U.S. said no.",
        "Prices rose to $9.95 a month.",
        "J. R. Smith left.",
    }


def test_a_paragraph_with_no_sentence_end_is_cut_at_spaces_and_kept_whole() -> None:
    text = "word " * 1000
    assert "".join(s.text for s in split_sentences(text)).replace(" ", "") == "word" * 1000


SOURCE = "Headline\nThe rent rose by a tenth. Tenants \u201cobjected\u201d loudly.\nSubscribe now."


def test_a_sentence_is_quoted_when_a_quote_touches_it_through_normalisation() -> None:
    c = measure("s", "s.txt", SOURCE, ['tenants "objected"', "not in the text"])
    assert [(s.sentence.text, s.quoted_chars) for s in c.sentences] == [
        ("Headline", 0),
        ("The rent rose by a tenth.", 0),
        ("Tenants \u201cobjected\u201d loudly.", 18),
        ("Subscribe now.", 0),
    ]
    assert (c.sentences_quoted, c.sentences_counted) == (1, 4)
    assert (c.chars_quoted, c.chars_counted) == (18, 8 + 25 + 26 + 14)
    assert (c.quotes_placed, c.quotes) == (1, 2)


def test_a_quote_with_a_gap_touches_each_sentence_its_parts_stand_in() -> None:
    c = measure("s", None, SOURCE, ["rent rose \u2026 tenants"])
    assert [s.text for s in c.uncovered] == ["Headline", "Subscribe now."]
    assert c.chars_quoted == len("rent rose") + len("Tenants")


def test_overlapping_quotes_count_each_character_once() -> None:
    c = measure("s", None, SOURCE, ["the rent rose", "rent rose by"])
    assert c.chars_quoted == len("The rent rose by")


def test_ignored_lines_and_texts_leave_the_count() -> None:
    ignore = [Ignore(first=1, last=1), Ignore(text="subscribe now")]
    c = measure("s", None, SOURCE, ["rent rose"], ignore)
    assert (c.sentences_quoted, c.sentences_counted, c.sentences_ignored) == (1, 2, 2)
    assert [s.text for s in c.uncovered] == ["Tenants \u201cobjected\u201d loudly."]


# --- the command ----------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _in_maps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(MAPS)


def test_coverage_as_text_with_the_uncovered_sentences(invoke: Invoke) -> None:
    result = invoke(["sources", "coverage.yaml", "--coverage", "--uncovered"])
    assert result.stdout == (
        "news (sources/newsletter.txt): 3 of 7 (43%) sentences quoted,"
        " 71 of 294 (24%) characters\n"
        "  1: Town council weighs a new bus line\n"
        "  2: The council met on Monday.\n"
        "  4: They want an audit first.\n"
        "  5: Subscribe today for news like this.\n"
        "radio: not measured (no file)\n"
    )


def test_coverage_names_the_quotes_it_could_not_place(invoke: Invoke) -> None:
    result = invoke(["sources", "quotes-checked.yaml", "--coverage"])
    assert result.stdout == (
        "report (sources/report.txt): 1 of 2 (50%) sentences quoted, 24 of 74 (32%)"
        " characters; 1 quote not found in it\n"
        "missing: not measured (file sources/not-here.txt not found)\n"
        "offline: not measured (no file)\n"
    )


def test_coverage_as_markdown(invoke: Invoke) -> None:
    result = invoke(["sources", "coverage.yaml", "--coverage", "--format", "markdown"])
    assert result.stdout == (
        "| source | file | sentences quoted | characters quoted | ignored |\n"
        "|---|---|--:|--:|--:|\n"
        "| news | sources/newsletter.txt | 3 of 7 (43%) | 71 of 294 (24%) | 0 |\n"
        "| radio | - | - | - | - |\n"
    )


def test_coverage_as_json_with_the_uncovered_sentences(invoke: Invoke) -> None:
    args = ["sources", "coverage.yaml", "--coverage", "--format", "json", "--uncovered"]
    doc = json.loads(invoke(args).stdout)
    assert doc["sources"] == [
        {
            "id": "news",
            "file": "sources/newsletter.txt",
            "file_status": "found",
            "coverage": {
                "sentences": 7,
                "sentences_quoted": 3,
                "sentences_ignored": 0,
                "characters": 294,
                "characters_quoted": 71,
                "quotes_placed": 3,
                "quotes": 3,
            },
            "uncovered": [
                {"line": 1, "text": "Town council weighs a new bus line"},
                {"line": 2, "text": "The council met on Monday."},
                {"line": 4, "text": "They want an audit first."},
                {"line": 5, "text": "Subscribe today for news like this."},
            ],
        },
        {"id": "radio", "file": None, "file_status": "none", "coverage": None},
    ]


def test_uncovered_and_markdown_need_coverage(invoke: Invoke) -> None:
    result = invoke(["sources", "coverage.yaml", "--uncovered"], expect=2)
    assert "--uncovered goes with --coverage" in result.stderr
    result = invoke(["sources", "coverage.yaml", "--format", "markdown"], expect=2)
    assert "--format markdown goes with --coverage" in result.stderr


def test_control_characters_in_a_source_never_reach_the_terminal(
    invoke: Invoke, tmp_path: Path
) -> None:
    (tmp_path / "s.txt").write_text("Clear \x1b[2J the screen. Quoted here.", encoding="utf-8")
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\ntitle: T\nsources:\n  s: {title: S, file: s.txt}\n"
        "claims:\n  c:\n    text: C.\n    quote: {source: s, text: quoted here}\n",
        encoding="utf-8",
    )
    result = invoke(["sources", tmp_path / "m.yaml", "--coverage", "--uncovered"])
    assert "\x1b" not in result.stdout
    assert "  1: Clear [2J the screen.\n" in result.stdout


def test_the_summary_has_a_source_coverage_line(invoke: Invoke) -> None:
    notes = invoke(["summary", "coverage.yaml", "--no-eval"]).stdout.splitlines()
    assert notes[-1] == (
        "source coverage (sentences a quote touches, argmap sources --coverage): news 3/7 (43%)."
    )


@pytest.mark.skipif(not SEED.is_dir(), reason="the article's text is not on this machine")
def test_the_secure_communities_map_quotes_most_of_its_article(invoke: Invoke) -> None:
    args = ["sources", REPO / "maps" / "secure-communities.yaml", "--coverage", "--format"]
    doc = json.loads(invoke([*args, "json", "--sources", SEED]).stdout)
    coverage = doc["sources"][0]["coverage"]
    assert (coverage["sentences_quoted"], coverage["sentences"]) == (40, 48)
    assert coverage["quotes_placed"] == coverage["quotes"]


def test_argmap_validate_never_loads_the_sentence_splitter() -> None:
    # Heavy libraries load only in the command that needs them (the README's promise
    # that `argmap validate` stays fast).
    probe = (
        "import sys\n"
        "from argmap.cli import cli\n"
        "try:\n"
        f"    cli(['validate', {str(MAPS / 'coverage.yaml')!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('pysbd' in sys.modules, 'argmap.coverage' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "False False"


def test_the_probe_sees_the_splitter_when_a_command_loads_it() -> None:
    probe = (
        "import sys\n"
        "from argmap.cli import cli\n"
        "try:\n"
        f"    cli(['sources', {str(MAPS / 'coverage.yaml')!r}, '--coverage'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('pysbd' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "True"


def test_a_source_ignores_lines_and_texts_it_declares(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "news.txt").write_text(
        (MAPS / "sources" / "newsletter.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\ntitle: T\nsources:\n  news:\n    title: N\n    file: news.txt\n"
        "    ignore: [1, 4-4, subscribe today]\n"
        "claims:\n  c:\n    text: C.\n    quote: {source: news, text: would cost $9.95}\n",
        encoding="utf-8",
    )
    result = invoke(["sources", tmp_path / "m.yaml", "--coverage", "--uncovered"])
    assert result.stdout == (
        "news (news.txt): 1 of 3 (33%) sentences quoted, 4 ignored, 16 of 174 (9%) characters\n"
        "  2: The council met on Monday.\n"
        '  2: Its chair, J. R. Okafor, said the line "will pay for itself. In time." and asked'
        " for a vote.\n"
    )


def test_an_ignore_entry_that_names_no_lines_is_an_error(invoke: Invoke, tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(
        "argmap: 1\ntitle: T\nsources:\n  s:\n    title: S\n    ignore: ['', 5-2, 0]\n"
        "claims:\n  c:\n    text: C.\n    con: [No.]\n",
        encoding="utf-8",
    )
    result = invoke(["validate", tmp_path / "m.yaml"], expect=1)
    path = tmp_path / "m.yaml"
    assert result.stderr.splitlines()[:3] == [
        f"{path}:6:14: error: ignore entry '' is empty; give lines (`3`, `44-48`) or a text [E117]",
        f"{path}:6:18: error: ignore entry '5-2' names no lines: lines count from 1, and a range"
        " runs from low to high [E117]",
        f"{path}:6:23: error: ignore entry '0' names no lines: lines count from 1, and a range"
        " runs from low to high [E117]",
    ]
