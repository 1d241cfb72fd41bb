"""validate's messages no other test pins down, each at its position (issue 15's survivors).

Each test writes a small map and asserts the whole diagnostic line a user reads.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from argmap import check_paths, loads_map, validate_map
from argmap.quotes import SourceTexts
from argmap.validate import has_errors

HEAD = "argmap: 1\ntitle: T\n"


def messages(text: str, check_quotes: bool = False) -> list[str]:
    m = loads_map(text, "m.yaml")
    return [d.format() for d in validate_map(m, check_quotes=check_quotes)]


def test_a_node_with_blank_text_is_named_with_its_kind() -> None:
    text = HEAD + "claims:\n  c:\n    text: ' '\n    con:\n      - id: p\n        text: ' '\n"
    assert messages(text) == [
        "m.yaml:5:11: error: claim 'c' has empty text [E109]",
        "m.yaml:8:15: error: premise 'p' has empty text [E109]",
    ]


def test_a_weight_outside_zero_to_one_is_shown_as_written() -> None:
    text = HEAD + (
        "claims:\n  c:\n    text: C.\n    weight: 1.5\n    con:\n      - text: P.\n"
        "        weight: -0.25\n      - text: Q.\n        weight: 0\n      - text: R.\n"
        "        weight: 1\n"
    )
    assert messages(text) == [
        "m.yaml:6:13: error: weight 1.5 is outside [0, 1] [E111]",
        "m.yaml:9:17: error: weight -0.25 is outside [0, 1] [E111]",
    ]


def test_an_id_that_breaks_the_rule_says_what_the_rule_is() -> None:
    text = HEAD + "claims:\n  c:\n    text: C.\n    con:\n      - id: Bad_Id\n        text: P.\n"
    assert messages(text) == [
        "m.yaml:7:13: error: invalid id 'Bad_Id': use lower-case letters, digits, '.', '_' and"
        " '-', starting with a letter or digit [E110]"
    ]


def test_blank_source_title_actor_name_and_quote_and_a_bad_date() -> None:
    text = HEAD + (
        "sources:\n  s: {title: ' ', date: '2020-13'}\nactors:\n  a: {name: ' '}\n"
        "claims:\n  c:\n    text: C.\n    by: a\n    quote: {source: s, text: ' '}\n"
        "    con: [No.]\n"
    )
    assert messages(text) == [
        "m.yaml:4:14: error: source 's' has an empty title [E109]",
        "m.yaml:4:25: error: date '2020-13' is not YYYY, YYYY-MM or YYYY-MM-DD [E117]",
        "m.yaml:6:13: error: actor 'a' has an empty name [E109]",
        "m.yaml:11:30: error: quote has empty text [E109]",
    ]


def test_an_unknown_source_suggests_a_near_one_or_says_where_to_declare_it() -> None:
    text = HEAD + (
        "sources:\n  art: {title: S}\nclaims:\n  c:\n    text: C.\n"
        "    quote: {source: arts, text: q}\n"
        "    con: [{quote: {source: zzz, text: q}, text: P.}]\n"
    )
    assert messages(text) == [
        "m.yaml:4:8: warning: source 'art' is never quoted [W202]",
        "m.yaml:8:21: error: unknown source 'arts'; did you mean 'art'? [E107]",
        "m.yaml:9:28: error: unknown source 'zzz' (declare it under `sources`) [E107]",
    ]


def test_a_ref_to_an_id_like_no_other_gives_no_hint() -> None:
    text = HEAD + "claims:\n  c:\n    text: C.\n    con:\n      - ref: gone\n"
    assert messages(text) == ["m.yaml:7:9: error: `ref` to unknown id 'gone' [E102]"]


def test_a_premise_reaching_a_claim_three_ways_counts_three_times() -> None:
    text = HEAD + (
        "claims:\n  c:\n    text: C.\n    con:\n      - {id: x, text: X.}\n"
        "      - id: y\n        text: Y.\n        pro: [{ref: x}]\n"
        "      - id: z\n        text: Z.\n        pro: [{ref: x}]\n"
    )
    assert messages(text) == [
        "m.yaml:10:15: warning: 'x' counts 3 times in the evaluation of 'c', reached by x → c"
        " and by x → y → c [W210]"
    ]


def test_a_premise_reaching_a_claim_two_ways_counts_twice() -> None:
    text = HEAD + (
        "claims:\n  c:\n    text: C.\n    con:\n      - {id: x, text: X.}\n"
        "      - id: y\n        text: Y.\n        pro: [{ref: x}]\n"
    )
    assert messages(text) == [
        "m.yaml:10:15: warning: 'x' counts twice in the evaluation of 'c', reached by x → c"
        " and by x → y → c [W210]"
    ]


def test_a_cycle_closed_only_by_undercuts_is_pointed_at_its_first_node() -> None:
    # Each claim's premise is undercut by a ref to the other claim: the refs attack links,
    # not nodes, so no ref joins two nodes of the cycle, and the error points at a node.
    text = HEAD + (
        "claims:\n  a:\n    text: A.\n    con:\n      - text: P.\n"
        "        undercut: [{ref: b}]\n  b:\n    text: B.\n    con:\n"
        "      - text: Q.\n        undercut: [{ref: a}]\n"
    )
    assert messages(text) == [
        "m.yaml:4:3: error: ref cycle: a → b → a (each supports or attacks the next); set"
        " `allow-cycles: true` if the debate really is circular [E103]"
    ]


def test_a_duplicated_id_is_not_also_told_as_a_cycle() -> None:
    # The inner `p` attacks the outer one: by id, p attacks itself, which is only the
    # duplicate seen again; E101 is the whole story.
    text = HEAD + (
        "claims:\n  a:\n    text: A.\n    con:\n      - id: p\n        text: P.\n"
        "        con:\n          - id: p\n            text: Q.\n"
    )
    assert messages(text) == [
        "m.yaml:10:17: error: duplicate id 'p' (first defined at line 7); use `ref` to reuse"
        " a node [E101]"
    ]


def _ring(size: int) -> str:
    return (
        HEAD
        + "claims:\n"
        + "".join(
            f"  c{i}:\n    text: C{i}.\n    con: [{{ref: c{(i + 1) % size}}}]\n"
            for i in range(size)
        )
    )


def test_a_cycle_of_eleven_is_named_whole_and_of_twelve_is_shortened() -> None:
    tail = (
        " (each supports or attacks the next); set `allow-cycles: true` if the debate really"
        " is circular [E103]"
    )
    assert messages(_ring(11)) == [
        "m.yaml:6:11: error: ref cycle: c0 → c1 → c2 → c3 → c4 → c5 → c6 → c7 → c8 → c9 → c10"
        " → c0" + tail
    ]
    assert messages(_ring(12)) == [
        "m.yaml:6:11: error: ref cycle: c0 → c1 → c2 → c3 → c4 → … 2 more … → c7 → c8 → c9"
        " → c10 → c11 → c0" + tail
    ]


def test_every_unknown_ref_is_reported_not_only_the_first() -> None:
    text = HEAD + "claims:\n  a:\n    text: A.\n    con:\n      - ref: gone\n      - ref: went\n"
    assert messages(text) == [
        "m.yaml:7:9: error: `ref` to unknown id 'gone' [E102]",
        "m.yaml:8:9: error: `ref` to unknown id 'went' [E102]",
    ]


def test_a_cycle_is_pointed_at_the_ref_that_closes_it_not_a_ref_into_it() -> None:
    text = HEAD + (
        "claims:\n  x:\n    text: X.\n    con: [{ref: a}]\n  a:\n    text: A.\n"
        "    con: [{ref: b}]\n  b:\n    text: B.\n    con: [{ref: a}]\n"
    )
    assert messages(text) == [
        "m.yaml:9:11: error: ref cycle: a → b → a (each supports or attacks the next); set"
        " `allow-cycles: true` if the debate really is circular [E103]"
    ]


def test_has_errors_is_true_only_for_an_error() -> None:
    warned = validate_map(loads_map(HEAD + "claims:\n  c: C.\n", "m.yaml"))
    failed = validate_map(
        loads_map(HEAD + "claims:\n  c:\n    text: C.\n    con: [{ref: x}]\n", "m.yaml")
    )
    assert [d.code for d in warned] == ["W201"] and not has_errors(warned)
    assert [d.code for d in failed] == ["E102"] and has_errors(failed)
    assert not has_errors([])


def test_check_paths_is_lenient_and_keeps_to_the_map_folder_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.txt").write_text("the words\n", encoding="utf-8")
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "m.yaml").write_text(
        HEAD + "sources:\n  s: {title: S, file: ../out/a.txt}\n  n: {title: N}\n"
        "claims:\n  c:\n    text: C.\n"
        "    quote: [{source: s, text: the words}, {source: n, text: q}]\n    con: [No.]\n",
        encoding="utf-8",
    )
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)
    found = check_paths(["empty/", "maps/m.yaml"])
    assert {path: [d.format() for d in ds] for path, ds in found.items()} == {
        # a folder with no map is keyed as it was named, trailing slash and all
        "empty/": ["empty/: error: no map files (*.yaml, *.yml) in this directory [E001]"],
        "maps/m.yaml": [
            "maps/m.yaml:4:23: error: source file '../out/a.txt' of 's': outside the map's folder"
            " and --sources, so it is not read and its quotes are not checked; copy the file"
            " beside the map or pass its folder with --sources DIR (or allow it with"
            " --allow-outside-sources) [E118]",
            "maps/m.yaml:5:6: info: source 'n' has no `file`: its quotes are not checked [I302]",
        ],
    }


def test_a_map_built_in_python_without_field_positions_points_at_the_map() -> None:
    loaded = loads_map(HEAD + "claims:\n  c:\n    text: C.\n    con: [No.]\n", "m.yaml")
    built = attrs.evolve(loaded, title=" ", field_positions={})
    assert [d.format() for d in validate_map(built)] == [
        "m.yaml:1:1: error: the map's title is empty [E109]"
    ]


def test_a_missing_quote_is_shown_whole_up_to_sixty_characters(tmp_path: Path) -> None:
    (tmp_path / "art.txt").write_text("nothing here\n", encoding="utf-8")
    (tmp_path / "d1").mkdir()
    (tmp_path / "d2").mkdir()
    sixty, sixty_one = "a" * 59 + "b", "a" * 60 + "b"
    text = HEAD + (
        "sources:\n  art: {title: A, file: art.txt}\n  gone: {title: G, file: gone.txt}\n"
        f"claims:\n  c:\n    text: C.\n    quote: [{{source: art, text: {sixty}}},"
        f" {{source: art, text: {sixty_one}}}, {{source: gone, text: q}}]\n    con: [No.]\n"
    )
    m = loads_map(text, str(tmp_path / "m.yaml"))
    found = validate_map(m, sources=SourceTexts([Path("d1"), Path("d2")]))
    assert [d.format() for d in found] == [
        f"{tmp_path / 'm.yaml'}:5:26: info: source file 'gone.txt' of 'gone': not found (looked"
        " beside the map and in --sources: d1, d2); its quotes are not checked [I301]",
        f"{tmp_path / 'm.yaml'}:9:33: error: quote not found in art.txt: '{sixty}' [E108]",
        f"{tmp_path / 'm.yaml'}:9:116: error: quote not found in art.txt: '{'a' * 57}...' [E108]",
    ]


def test_a_cycle_after_a_claim_whose_premises_were_searched_is_still_found() -> None:
    # The search from `a` has seen its premise already when that premise's turn comes;
    # the claims after it are searched all the same.
    text = HEAD + (
        "claims:\n  a:\n    text: A.\n    con: [No.]\n  b:\n    text: B.\n    con: [{ref: c}]\n"
        "  c:\n    text: C.\n    con: [{ref: b}]\n"
    )
    assert messages(text) == [
        "m.yaml:9:11: error: ref cycle: b → c → b (each supports or attacks the next); set"
        " `allow-cycles: true` if the debate really is circular [E103]"
    ]


def test_a_cycle_search_from_links_finds_the_cycle_they_are_on_and_none_off_it() -> None:
    from argmap.validate import find_cycle

    m = loads_map(_ring(3) + "  d:\n    text: D.\n    con: [{ref: c0}]\n", "m.yaml")
    # From the link c1 → c0 (c0's con), the search closes on that link: each node once.
    assert find_cycle(m, ["c0.con.1"]) == ["c1", "c2", "c0"]
    # From d's link, which depends on c0: the search closes on the node c0, shown twice.
    assert find_cycle(m, ["d.con.1"]) == ["c0", "c1", "c2", "c0"]
    acyclic = loads_map(HEAD + "claims:\n  a:\n    text: A.\n    con: [{text: P.}]\n", "m.yaml")
    assert find_cycle(acyclic, ["a.con.1"]) is None


def test_every_ref_to_a_linked_group_is_reported_and_what_follows_still_checked() -> None:
    text = HEAD + (
        "claims:\n  c:\n    text: C.\n    con:\n"
        "      - linked: [{id: a, text: A.}, {id: b, text: B.}]\n"
        "      - ref: c.con.1\n      - ref: c.con.1\n      - ref: gone\n"
    )
    group = (
        "error: `ref` to the linked group 'c.con.1': a group has no words of its own; ref its"
        " premises ('a', 'b') or write the group again [E122]"
    )
    assert messages(text) == [
        f"m.yaml:8:9: {group}",
        f"m.yaml:9:9: {group}",
        "m.yaml:10:9: error: `ref` to unknown id 'gone' [E102]",
    ]


def test_an_actor_who_only_speaks_in_a_quote_argues_something() -> None:
    text = HEAD + (
        "sources:\n  s: {title: S}\nactors:\n  crane: {name: Crane}\n"
        "claims:\n  c:\n    text: C.\n    quote: {source: s, text: q, speaker: crane}\n"
        "    con: [No.]\n"
    )
    assert messages(text) == []
