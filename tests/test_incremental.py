"""Checking one claim again after an edit (argmap.incremental, through `features.recheck`):
whatever the edit, the answer is the full check's, or there is no answer and the whole
text is checked.

The law: after any edit, `recheck` gives None or exactly what `analyse` of the new text
gives: the same diagnostics (codes, messages, positions, and the LSP ranges and related
places made of them) and the same map (its nodes, links, claims and every position).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import incremental
from argmap.lsp import features
from argmap.lsp.features import Analysis, analyse
from argmap.model import ArgumentMap
from benchmarks.generate import generate_map
from tests.budget import examples
from tests.mapgen import map_texts

ROOT = Path(__file__).parent.parent
SCOMM = (ROOT / "maps" / "secure-communities.yaml").read_text(encoding="utf-8")
PATH = "/m/edit.yaml"
URI = "file:///m/edit.yaml"


def same_as_full(got: Analysis, text: str) -> Analysis:
    """Assert `got` is what a full check of `text` finds; return the full check."""
    full = analyse(text, PATH)
    assert got.text == text
    assert got.lines == full.lines
    assert got.diagnostics == full.diagnostics
    assert features.diagnostics(got, URI) == features.diagnostics(full, URI)
    if full.map is None:
        assert got.map is None
        return full
    a, b = got.map, full.map
    assert a is not None
    assert a == b
    assert a.load_warnings == b.load_warnings
    assert dict(a.field_positions) == dict(b.field_positions)
    for x, y in zip(a.nodes, b.nodes, strict=True):
        assert (x.id, x.position, dict(x.field_positions)) == (
            y.id,
            y.position,
            dict(y.field_positions),
        )
        for q, r in zip(x.quotes, y.quotes, strict=True):
            assert (q.position, dict(q.field_positions)) == (r.position, dict(r.field_positions))
    assert [(lk.id, lk.position) for lk in a.links] == [(lk.id, lk.position) for lk in b.links]
    for entries, others in ((a.actors, b.actors), (a.sources, b.sources)):
        assert {k: (e.position, dict(e.field_positions)) for k, e in entries.items()} == {
            k: (e.position, dict(e.field_positions)) for k, e in others.items()
        }
    return full


# One-character edits: (line, column, end line, end column, inserted), 0-based code points.
Edit = tuple[int, int, int, int, str]
CHARACTERS = list("ab1 -.:#'\"[]{},&*!|>?\n\t") + ["x", "p", "c", "2"]


def applied(a: Analysis, edit: Edit) -> str:
    line, col, end_line, end, inserted = edit
    head = sum(map(len, a.lines[:line])) + line
    tail = sum(map(len, a.lines[:end_line])) + end_line
    return a.text[: head + col] + inserted + a.text[tail + end :]


def one_character(a: Analysis, offset: int, kind: str, char: str) -> Edit:
    """Insert `char`, delete or replace the character at `offset` (a line break too)."""
    offset = min(offset, len(a.text))
    line = a.text.count("\n", 0, offset)
    col = offset - (a.text.rfind("\n", 0, offset) + 1)
    if kind == "insert" or offset == len(a.text):
        return (line, col, line, col, char)
    if col == len(a.lines[line]):  # the line break itself
        return (line, col, line + 1, 0, "" if kind == "delete" else char)
    return (line, col, line, col + 1, "" if kind == "delete" else char)


_INTERESTING = re.compile(r"^ *(- )?|\b(id|ref|by|text|con|pro|undercut|source|speaker): ?", re.M)


def interesting(text: str) -> list[int]:
    """Offsets where an edit changes structure: indentation, list dashes, ids, refs, `by`,
    keys and the values after them."""
    return sorted(
        {m.end() for m in _INTERESTING.finditer(text)}
        | {m.start() for m in _INTERESTING.finditer(text)}
    )


def edit_and_compare(text: str, choices: list[tuple[int, bool, str, str]]) -> int:
    """Apply the edits one after another, each to the last answer (incremental or full);
    assert each answer; return how many came from `recheck`."""
    a = analyse(text, PATH)
    targets = interesting(text)
    used = 0
    for pick, at_target, kind, char in choices:
        offset = targets[pick % len(targets)] if at_target else pick
        edit = one_character(a, offset, kind, char)
        new_text = applied(a, edit)
        got = features.recheck(a, new_text, *edit)
        if got is None:
            a = fully(a, new_text, edit)
            continue
        used += 1
        same_as_full(got, new_text)
        a = got
    return used


def fully(a: Analysis, text: str, edit: Edit) -> Analysis:
    """The full check of an edit `recheck` gave no answer for, as the server makes it: with
    the last version that loaded kept, for the next edit."""
    later = features.unchecked(a, text, *edit)
    basis = features.basis_of(later) if later is not None else None
    return analyse(text, PATH, basis=basis)


EDITS = st.lists(
    st.tuples(
        st.integers(0, 100_000),
        st.booleans(),
        st.sampled_from(["insert", "delete", "replace"]),
        st.sampled_from(CHARACTERS),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=map_texts(), cycles_allowed=st.booleans(), choices=EDITS)
def test_random_edits_of_a_generated_map_are_found_as_a_full_check_finds(
    text: str, cycles_allowed: bool, choices: list[tuple[int, bool, str, str]]
) -> None:
    if not cycles_allowed:  # a map with a ref cycle has E103, to be found again or lost
        text = text.replace("allow-cycles: true\n", "")
    edit_and_compare(text, choices)


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(choices=EDITS)
def test_random_edits_of_the_secure_communities_map_are_found_as_a_full_check_finds(
    choices: list[tuple[int, bool, str, str]],
) -> None:
    edit_and_compare(SCOMM, choices)


# Whole lines an author may type or paste: keys at every level (some of them taken), list
# items, refs, flow and quoted values left open, document markers, comments.
LINES = [
    "title: again",
    "claims:",
    "  claim-0: x",
    "  c1: again",
    "  new-claim:",
    "    text: A new claim.",
    "    con:",
    "      - ref: claim-0",
    "      - ref: p1",
    "      - id: p1",
    "        text: Again.",
    "    by: alice",
    "    text: [open",
    '    text: "open',
    "  x: {",
    "---",
    "...",
    "# a comment",
    "  # a comment",
    "",
    "    &anchor x: 1",
    "    note: a #cut",
]


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(map_texts(), st.just(SCOMM)),
    inserts=st.lists(
        st.tuples(st.integers(0, 10_000), st.sampled_from(LINES), st.integers(-6, 6)),
        min_size=1,
        max_size=4,
    ),
)
def test_random_lines_typed_in_are_found_as_a_full_check_finds(
    text: str, inserts: list[tuple[int, str, int]]
) -> None:
    """Not one character but a whole line, typed in at the start of a line (indented or
    dedented a little): the edits that change a map's structure most."""
    a = analyse(text, PATH)
    for at, line, shift in inserts:
        row = at % len(a.lines)
        typed = (" " * max(0, shift) + line)[max(0, -shift) :] + "\n"
        edit = (row, 0, row, 0, typed)
        new_text = applied(a, edit)
        got = features.recheck(a, new_text, *edit)
        a = fully(a, new_text, edit) if got is None else got
        if got is not None:
            same_as_full(got, new_text)


@pytest.mark.parametrize("which", ["scomm", "generated"])
def test_most_edits_inside_a_claim_are_checked_by_the_claim_alone(which: str) -> None:
    """The same law over a fixed sweep of edits, and the shortcut taken for most of them."""
    text = SCOMM if which == "scomm" else generate_map(200)
    rnd = random.Random(19)
    choices = [
        (
            rnd.randrange(len(text)),
            rnd.random() < 0.5,
            rnd.choice(["insert", "delete", "replace"]),
            rnd.choice(CHARACTERS),
        )
        for _ in range(150)
    ]
    used = sum(edit_and_compare(text, choices[n : n + 3]) for n in range(0, 150, 3))
    assert used > 60


SMALL = """\
argmap: 1
title: A small map
actors:
  crane: {name: Chris Crane}
claims:
  c1:
    text: The union caused the delay.
    by: crane
    con:
      - id: p1
        text: The agency wrote the training alone.
      - ref: c2
  c2:
    text: The training was late anyway.
    con:
      - ref: p1
      - id: p2
        text: Nobody asked for it.
sources:
  art: {title: An article}
"""


def edit_of(text: str, old: str, new: str, after: str = "") -> tuple[str, Edit]:
    """`text` with the first `old` (after `after`) replaced by `new`, and that edit."""
    offset = text.index(old, text.index(after) if after else 0)
    line = text.count("\n", 0, offset)
    col = offset - (text.rfind("\n", 0, offset) + 1)
    end = offset + len(old)
    end_line = text.count("\n", 0, end)
    end_col = end - (text.rfind("\n", 0, end) + 1)
    return text[:offset] + new + text[end:], (line, col, end_line, end_col, new)


def checked_alone(text: str, old: str, new: str, after: str = "") -> Analysis:
    before = analyse(text, PATH)
    edited, edit = edit_of(text, old, new, after)
    got = features.recheck(before, edited, *edit)
    assert got is not None
    same_as_full(got, edited)
    return got


def codes(a: Analysis) -> list[str]:
    return [d.code for d in a.diagnostics]


def test_retyping_an_actor_or_a_ref_is_checked_by_its_claim() -> None:
    assert codes(analyse(SMALL, PATH)) == ["W210", "W202"]
    assert codes(checked_alone(SMALL, "by: crane", "by: crone")) == ["W203", "E106", "W210", "W202"]
    assert codes(checked_alone(SMALL, "ref: c2", "ref: c3")) == ["E102", "W202"]


def test_a_cycle_and_a_duplicate_id_across_claims_are_found_from_one_claim() -> None:
    cycle = checked_alone(SMALL, "ref: p1", "ref: c1")
    assert codes(cycle) == ["E103", "W202"]
    found = features.diagnostics(cycle, URI)
    assert [r.message for r in found[0].related_information or []] == [
        "'c1' is on the cycle",
        "'c2' is on the cycle",
    ]
    duplicate = checked_alone(SMALL, "id: p2", "id: p1")
    assert codes(duplicate) == ["E101", "W202"]
    assert "(first defined at line 10)" in duplicate.diagnostics[0].message


def test_a_new_line_moves_every_position_after_it() -> None:
    got = checked_alone(SMALL, "delay.\n", "delay.\n\n")
    assert got.map is not None
    assert got.map.node("c2").position.line == 14
    assert got.map.sources["art"].position.line == 21
    checked_alone(got.text, "delay.\n\n", "delay.\n")
    # Actors after the claims move too, with their fields.
    actors_last = SMALL.replace("actors:\n  crane: {name: Chris Crane}\n", "")
    actors_last += "actors:\n  crane:\n    name: Chris Crane\n"
    got = checked_alone(actors_last, "delay.\n", "delay.\n\n")
    assert got.map is not None and got.map.actors["crane"].position_of("name").line == 22


def test_a_claim_that_does_not_load_and_its_repair_are_checked_alone() -> None:
    broken = checked_alone(SMALL, "    text: The union", "    txt: The union")
    assert broken.map is None and codes(broken) == ["E113", "E115"]
    edited, edit = edit_of(broken.text, "txt", "text")
    repaired = features.recheck(broken, edited, *edit)
    assert repaired is not None and repaired.map is not None
    same_as_full(repaired, edited)
    syntax = checked_alone(SMALL, "The union caused", "The union: caused")
    assert codes(syntax) == ["E004"]
    assert checked_alone(SMALL, "text: Nobody", "text: &Nobody").diagnostics[0].code == "E006"


def test_the_last_claim_before_a_top_level_key_and_at_the_end_of_the_file() -> None:
    checked_alone(SMALL, "Nobody asked", "Nobody has asked")
    at_end = SMALL[: SMALL.index("sources:")]
    checked_alone(at_end, "ref: p1", "ref: p2")
    checked_alone(at_end.rstrip("\n"), "asked for it.", "asked.")  # no final line break
    checked_alone(at_end + "# a closing comment\n", "ref: p1", "ref: p2")
    # A top-level key typed after the last claim: the map's, not the claim's.
    edited, edit = edit_of(at_end, "asked for it.\n", "asked for it.\nart: 1\n")
    assert features.recheck(analyse(at_end, PATH), edited, *edit) is None
    assert codes(analyse(edited, PATH)) == ["E113"]


def test_a_text_cut_at_a_hash_on_the_claims_last_line_and_on_the_next_key() -> None:
    cut = SMALL.replace("asked for it.", "asked for it. #1").replace(
        "  c2:", "  c0: A short claim. #2\n  c2:"
    )
    assert [d.code for d in analyse(cut, PATH).diagnostics].count("W207") == 2
    checked_alone(cut, "ref: p1", "ref: p2")  # in c2: its own W207 kept, c0's not taken
    checked_alone(cut, "ref: c2", "ref: c0")  # in c1, followed by c0's key and its W207


FALLBACKS = {
    "an actor's entry": ("{name: Chris Crane}", "{name: Chris Crone}", ""),
    "the `claims:` line": ("claims:", "claims: ", ""),
    "a source after the claims": ("An article", "An articles", ""),
    "two claims joined": ("ref: c2\n  c2:", "ref: c2  c2:", ""),
    "an edit across two claims": (
        "ref: c2\n  c2:\n    text: The",
        "ref: c2\n  c2:\n    text: A",
        "",
    ),
    "a quote that runs on past the claim": ("text: The union", 'text: "The union', ""),
    "a line moved out to the claims' indentation": ("        text: Nobody", "  text: Nobody", ""),
    "a claim renamed to the next claim's id": ("  c1:", "  c2:", ""),
    "a claim renamed to an earlier claim's id": ("  c2:", "  c1:", ""),
    "a claim key indented further": ("  c2:", "   c2:", ""),
    "a tab": ("text: The union", "text:\tThe union", ""),
    "a second document": ("    con:\n      - ref: p1", "---\n    con:\n      - ref: p1", ""),
    "a duplicate key in the claim": ("    by: crane", "    by: crane\n    by: crane", ""),
    # Before a syntax error, a key that another claim or the top level has: the full check
    # finds the duplicate first.
    "a top-level key, then a syntax error": ("    by: crane", "title: again\n    by: crane", ""),
    "a claim's key, then a syntax error": (
        "    con:\n      - ref: p1",
        "  c1: x\n    con:\n      - ref: p1",
        "",
    ),
}


@pytest.mark.parametrize(("old", "new", "after"), FALLBACKS.values(), ids=FALLBACKS.keys())
def test_edits_it_cannot_check_alone_are_checked_in_full(old: str, new: str, after: str) -> None:
    before = analyse(SMALL, PATH)
    edited, edit = edit_of(SMALL, old, new, after)
    assert features.recheck(before, edited, *edit) is None
    again = (
        features.reanalyse(before, edited, edit[0], edit[1], edit[3], edit[4])
        if edit[0] == edit[2]
        else analyse(edited, PATH)
    )
    same_as_full(again, edited)


@pytest.mark.parametrize(
    "text",
    [
        SMALL.replace("\n", "\r\n"),
        SMALL.replace("title: A small map", "title: A small map\u2028"),
        SMALL.replace("claims:", "claim:"),  # does not load at all
        "argmap: 1\ntitle: t\nclaims: {c1: {text: The union caused the delay.,\n  con: [y]}}\n",
        "%TAG !e! tag:example.org,2026:\n---\n" + SMALL,
        # Read alone, `c1` and the `,` after it are a syntax error that is not the map's.
        "argmap: 1\ntitle: t\nclaims: {\n  c1: {con: [y],\n    text: The union caused},\n"
        "  c2: {text: B., con: [z]}\n}\n",
    ],
    ids=[
        "CRLF",
        "a line separator",
        "no map",
        "claims in flow style",
        "a YAML directive",
        "claims in flow style, on lines of their own",
    ],
)
def test_documents_it_never_checks_by_one_claim(text: str) -> None:
    before = analyse(text, PATH)
    edited, edit = edit_of(text, "The union", "The unions")
    assert features.recheck(before, edited, *edit) is None


def test_a_map_with_errors_elsewhere_is_checked_by_one_claim_too() -> None:
    untitled = SMALL.replace("A small map", "")
    assert codes(checked_alone(untitled, "The union", "The unions")) == ["E109", "W210", "W202"]


def test_an_edit_that_is_not_the_one_described_gets_no_answer() -> None:
    before = analyse(SMALL, PATH)
    edited, (line, col, end_line, end, _new) = edit_of(SMALL, "by: crane", "by: crone")
    assert features.recheck(before, edited, line, col, end_line, end, "x") is None
    assert features.recheck(before, edited, line + 1, col, end_line + 1, end, "crone") is None


def test_the_whole_map_is_searched_for_a_cycle_only_if_one_may_pass_the_claim(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from argmap import validate

    searched: list[str] = []  # "map" for a search of the whole map, "claim" for the claim's
    find_cycle = validate.find_cycle

    def counted(m: ArgumentMap, links: Iterable[str] | None = None) -> list[str] | None:
        searched.append("map" if links is None else "claim")
        return find_cycle(m, links)

    monkeypatch.setattr(validate, "find_cycle", counted)
    monkeypatch.setattr(incremental, "find_cycle", counted)
    before = analyse(SMALL, PATH)
    assert searched == ["map"]
    # c2 has a ref, on no cycle: what it depends on is searched.
    edited, edit = edit_of(SMALL, "Nobody asked", "Nobody has asked")
    got = features.recheck(before, edited, *edit)
    assert got is not None and searched == ["map", "claim"]
    same_as_full(got, edited)
    # A claim without a ref: no search at all.
    plain = SMALL.replace("      - ref: p1\n", "")
    before = analyse(plain, PATH)
    searched.clear()
    edited, edit = edit_of(plain, "id: p2", "id: p3")
    got = features.recheck(before, edited, *edit)
    assert got is not None and searched == []
    same_as_full(got, edited)
    # A ref written into it that closes a cycle: found, and the whole map searched to say so
    # as `argmap validate` does.
    edited, edit = edit_of(plain, "      - id: p2", "      - ref: c1\n      - id: p2")
    searched.clear()
    got = features.recheck(before, edited, *edit)
    assert got is not None and "E103" in codes(got) and searched == ["claim", "map"]
    same_as_full(got, edited)
    # A map that had a cycle before: searched whole.
    before = got
    edited, edit = edit_of(before.text, "Nobody asked", "Nobody has asked")
    searched.clear()
    got = features.recheck(before, edited, *edit)
    assert got is not None and searched == ["map"]
    same_as_full(got, edited)


def test_a_tag_under_a_yaml_directive_is_checked_in_full() -> None:
    # `%TAG` gives `!e!` a meaning the claim read alone would not know (there it is an
    # undefined handle, a syntax error).
    text = "%TAG !e! tag:example.org,2026:\n---\n" + SMALL
    before = analyse(text, PATH)
    edited, edit = edit_of(text, "text: Nobody", "text: !e!Nobody")
    assert features.recheck(before, edited, *edit) is None
    full = same_as_full(features.reanalyse(before, edited, *edit[:2], edit[3], edit[4]), edited)
    assert [d.message for d in full.diagnostics] == [
        "YAML tag 'tag:example.org,2026:Nobody' is not allowed: maps hold plain text, numbers"
        " and lists"
    ]


def test_after_a_full_check_that_does_not_load_the_next_edit_is_checked_alone() -> None:
    """An opening quote runs on to the end of the file (a full check, which does not load);
    the closing one is checked against the last version that loaded."""
    before = analyse(SMALL, PATH)
    opened, edit = edit_of(SMALL, "text: Nobody", 'text: "Nobody')
    assert features.recheck(before, opened, *edit) is None
    waiting = fully(before, opened, edit)
    assert waiting.map is None and codes(waiting) == ["E004"]
    closed, edit = edit_of(opened, "for it.", 'for it."')
    got = features.recheck(waiting, closed, *edit)
    assert got is not None and got.map is not None
    same_as_full(got, closed)
    assert features.recheck(analyse(opened, PATH), closed, *edit) is None  # nothing to go on


def test_a_key_line_indented_into_a_block_text_above_is_checked_in_full() -> None:
    """Indented further, c2's key line is a line of c1's `note: |` for the whole text, and
    c2's fields c1's; read alone, it is a key, and what follows a syntax error."""
    text = SMALL.replace("      - ref: c2\n", "      - ref: c2\n    note: |\n      A note.\n")
    before = analyse(text, PATH)
    edited, edit = edit_of(text, "  c2:", "        c2:")
    assert features.recheck(before, edited, *edit) is None
    full = same_as_full(features.reanalyse(before, edited, *edit[:2], edit[3], edit[4]), edited)
    assert codes(full) == ["E011"]  # c2's `text` is a second one in c1


def test_a_character_yaml_refuses_after_a_syntax_error_is_checked_in_full() -> None:
    """YAML reads the file ahead of the parse, by blocks (16 KB): which comes first, the
    syntax error or the refused character a little after it, depends on where the blocks
    fall, and they fall elsewhere in the claim read alone. These lengths put the two in one
    block of the whole file and in two of the claim alone."""
    text = (
        f"argmap: 1\ntitle: T\nclaims:\n  c1:\n    text: {'x' * 8000}\n    con:\n"
        f"      - Plain.\n  c2:\n    text: {'y' * 16300}\n    con:\n      - id: p1\n"
        "        text: Short one.\n      - text: Bad here\n"
    )
    before = analyse(text, PATH)
    edited, edit = edit_of(
        text,
        "text: Short one.\n      - text: Bad here",
        "text: Short: one.\n      - text: Bad here" + "z" * 100 + "\x01",
    )
    assert features.recheck(before, edited, *edit) is None
    assert codes(analyse(edited, PATH)) == ["E002"]


LINKED_ACROSS = """\
argmap: 1
title: A group with a premise written in another claim
claims:
  c1:
    text: The union caused the delay.
    con: [Not so.]
    pro:
      - linked:
          - The union withholds its members.
          - ref: c2
  c2:
    text: The strategy needs the union.
    con: [It does not.]
"""


def test_a_group_takes_the_new_words_of_a_premise_written_in_another_claim() -> None:
    # c2's text is typed in: c1's group, whose premise it is, reads the new words
    got = checked_alone(LINKED_ACROSS, "needs the union", "needs the unions")
    group = got.map.node("c1.pro.1") if got.map else None
    assert group is not None
    assert (
        group.text == "together: The union withholds its members. + The strategy needs the unions."
    )
    # and a group made a group of one inside its claim is found from that claim alone
    one = checked_alone(LINKED_ACROSS, "          - The union withholds its members.\n", "")
    assert codes(one) == ["W211"]
