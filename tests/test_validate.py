"""Whole-map checks: each code at its position, with its exact message."""

from __future__ import annotations

from pathlib import Path

from argmap import loads_map, validate_map
from argmap.quotes import SourceTexts
from argmap.validate import find_cycle

HEAD = "argmap: 1\ntitle: T\n"


def messages(text: str, **kwargs) -> list[str]:
    m = loads_map(text, "m.yaml")
    return [d.format() for d in validate_map(m, **kwargs)]


def test_a_clean_map_has_no_findings() -> None:
    text = HEAD + (
        "actors:\n  a: {name: A}\nclaims:\n  c:\n    text: C.\n    by: a\n"
        "    con:\n      - text: Objection.\n        by: [a]\n"
    )
    assert messages(text) == []


def test_uncontested_claim_is_a_warning() -> None:
    assert messages(HEAD + "claims:\n  c:\n    text: C.\n    pro: [Reason.]\n") == [
        "m.yaml:4:3: warning: claim 'c' has no `con`: an uncontested claim is not a contested"
        " point [W201]"
    ]


def test_unknown_ref_suggests_a_near_id() -> None:
    text = HEAD + "claims:\n  scomm:\n    text: C.\n    con:\n      - ref: scom\n"
    assert messages(text) == [
        "m.yaml:7:9: error: `ref` to unknown id 'scom'; did you mean 'scomm'? [E102]"
    ]


def test_ref_cycle_names_the_path_and_allow_cycles_permits_it() -> None:
    body = (
        "claims:\n  a:\n    text: A.\n    con: [{ref: b}]\n"
        "  b:\n    text: B.\n    con: [{ref: a}]\n"
    )
    assert messages(HEAD + body) == [
        "m.yaml:6:11: error: ref cycle: a → b → a (each supports or attacks the next); set"
        " `allow-cycles: true` if the debate really is circular [E103]"
    ]
    assert messages(HEAD + "allow-cycles: true\n" + body) == []


def test_cycle_through_an_undercut_is_found() -> None:
    # b undercuts the link p -> a, and a attacks b: a's standing depends on itself.
    text = HEAD + (
        "claims:\n  a:\n    text: A.\n    con:\n      - id: p\n        text: P.\n"
        "        undercut:\n          - ref: b\n"
        "  b:\n    text: B.\n    con: [{ref: a}]\n"
    )
    m = loads_map(text, "m.yaml")
    assert find_cycle(m) is not None
    assert any("[E103]" in line for line in messages(text))


def test_unused_actor_and_source_are_warnings() -> None:
    text = HEAD + (
        "sources:\n  s: {title: S}\nactors:\n  x: {name: X}\n"
        "claims:\n  c:\n    text: C.\n    con: [No.]\n"
    )
    assert messages(text) == [
        "m.yaml:4:6: warning: source 's' is never quoted [W202]",
        "m.yaml:6:6: warning: actor 'x' argues nothing in the map [W203]",
    ]


def test_quote_speaker_must_be_an_actor() -> None:
    text = HEAD + (
        "sources:\n  s: {title: S}\n"
        "claims:\n  c:\n    text: C.\n    quote: {source: s, text: q, speaker: crane}\n"
        "    con: [No.]\n"
    )
    assert "m.yaml:8:42: error: unknown actor 'crane' (declare it under `actors`) [E106]" in (
        messages(text)
    )


def test_links_must_be_http(tmp_path: Path) -> None:
    text = HEAD + (
        "sources:\n  s: {title: S, url: 'file:///etc/passwd'}\n"
        "actors:\n  a: {name: A, url: 'data:text/html,<script>'}\n"
        "claims:\n  c:\n    text: C.\n    url: 'https://example.org/ok'\n    by: a\n"
        "    quote: {source: s, text: q}\n    con: [No.]\n"
    )
    found = messages(text)
    # Each error points at the url itself (column of its value), the info at the source.
    assert found[0].startswith("m.yaml:4:6: info: source 's' has no `file`")
    assert found[1].startswith(
        "m.yaml:4:22: error: link 'file:///etc/passwd' is not an http(s) address; only"
    )
    assert found[2].startswith("m.yaml:6:21: error: link 'data:text/html,<script>'")
    assert len(found) == 3


def test_the_same_link_twice_is_a_warning() -> None:
    text = HEAD + (
        "claims:\n  c:\n    text: C.\n    con:\n      - {id: p, text: P.}\n"
        "  d:\n    text: D.\n    con:\n      - ref: p\n      - ref: p\n"
    )
    assert messages(text) == ["m.yaml:12:9: warning: 'p' is linked as `con` to 'd' twice [W205]"]


def _quoted_map(tmp_path: Path, quote: str, file: str = "article.txt") -> str:
    return HEAD + (
        f"sources:\n  art: {{title: Article, file: {file}}}\n"
        f"claims:\n  c:\n    text: C.\n    quote: {{source: art, text: '{quote}'}}\n"
        "    con: [No.]\n"
    )


def test_quotes_are_checked_against_the_source_file(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("The officers \u201cresisted\u201d the training.\n")
    good = loads_map(_quoted_map(tmp_path, 'officers "resisted"'), str(tmp_path / "m.yaml"))
    assert validate_map(good) == []
    bad = loads_map(_quoted_map(tmp_path, "officers refused"), str(tmp_path / "m.yaml"))
    assert [d.format() for d in validate_map(bad)] == [
        f"{tmp_path / 'm.yaml'}:8:32: error: quote not found in article.txt: 'officers refused'"
        " [E108]"
    ]


def test_source_file_is_found_in_a_sources_directory(tmp_path: Path) -> None:
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "article.txt").write_text("words the author wrote\n")
    m = loads_map(_quoted_map(tmp_path, "the author wrote"), str(tmp_path / "maps" / "m.yaml"))
    assert validate_map(m, sources=SourceTexts([seed])) == []
    missing = [d.format() for d in validate_map(m)]  # at the `file` value: column 31
    assert missing == [
        f"{tmp_path / 'maps' / 'm.yaml'}:4:31: info: source file 'article.txt' of 'art': not found"
        " (looked beside the map and in --sources: none given); its quotes are not checked [I301]"
    ]


def test_a_source_file_that_is_not_utf8_says_so(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_bytes(b"caf\xe9 society\n")  # Latin-1, not UTF-8
    m = loads_map(_quoted_map(tmp_path, "society"), str(tmp_path / "m.yaml"))
    assert [d.format() for d in validate_map(m)] == [
        f"{tmp_path / 'm.yaml'}:4:31: info: source file 'article.txt' of 'art': not UTF-8"
        " text; its quotes are not checked [I301]"
    ]


def test_a_missing_source_file_is_reported_once_however_many_quotes() -> None:
    text = HEAD + (
        "sources:\n  art: {title: A, file: gone.txt}\n"
        "claims:\n  c:\n    text: C.\n"
        "    quote: [{source: art, text: one}, {source: art, text: two}]\n"
        "    con: [No.]\n"
    )
    assert [line[-6:] for line in messages(text)] == ["[I301]"]


def test_an_explicit_id_that_takes_a_path_id_is_explained_once() -> None:
    # The second premise has no id: its path id a.con.2 is what the first premise chose.
    # The user wrote `a.con.2` once, so "use ref" would mislead, and the two links are
    # not the same link written twice (no W205).
    text = HEAD + (
        "claims:\n  a:\n    text: A.\n    con:\n      - id: a.con.2\n        text: Y.\n"
        "      - text: Z.\n"
    )
    assert messages(text) == [
        "m.yaml:9:9: error: this premise's path id 'a.con.2' is already the `id` of the premise"
        " at line 7; give that premise another id [E101]"
    ]
    text = HEAD + (
        "claims:\n  a:\n    text: A.\n    con:\n      - Y.\n      - id: a.con.1\n        text: Z.\n"
    )
    assert messages(text) == [
        "m.yaml:8:13: error: id 'a.con.1' is already the path id of the premise at line 7;"
        " choose another id [E101]"
    ]


def test_a_duplicated_id_is_reported_once_not_again_for_its_premises() -> None:
    # Both `p` premises have a first con; their path ids p.con.1 collide only because p does.
    text = HEAD + (
        "claims:\n  a:\n    text: A.\n    con:\n      - id: p\n        text: P.\n"
        "        con: [X.]\n      - id: p\n        text: Q.\n        con: [Y.]\n"
    )
    assert messages(text) == [
        "m.yaml:10:13: error: duplicate id 'p' (first defined at line 7); use `ref` to reuse"
        " a node [E101]"
    ]


def test_an_empty_title_is_an_error() -> None:
    assert messages("argmap: 1\ntitle: ' '\nclaims:\n  c:\n    text: C.\n    con: [No.]\n") == [
        "m.yaml:2:8: error: the map's title is empty [E109]"
    ]


def test_a_long_cycle_is_named_in_one_readable_line() -> None:
    # 40 claims, each attacked by the next, the last by the first: one cycle of 40 nodes,
    # of which the first five and last five are named and the other 30 counted.
    claims = "".join(
        f"  c{i}:\n    text: C{i}.\n    con: [{{ref: c{(i + 1) % 40}}}]\n" for i in range(40)
    )
    (line,) = messages(HEAD + "claims:\n" + claims)
    assert line == (
        "m.yaml:6:11: error: ref cycle: c0 → c1 → c2 → c3 → c4 → … 30 more … → c35 → c36 → c37"
        " → c38 → c39 → c0 (each supports or attacks the next); set `allow-cycles: true` if the"
        " debate really is circular [E103]"
    )


def test_an_empty_id_says_so() -> None:
    text = HEAD + "claims:\n  c:\n    text: C.\n    con:\n      - id:\n        text: P.\n"
    assert messages(text) == [
        "m.yaml:7:12: error: empty `id`: give one, or remove the field [E110]"
    ]


def test_an_unknown_actor_in_a_by_list_is_pointed_at_itself() -> None:
    text = HEAD + "actors:\n  crane: {name: C}\nclaims:\n  c:\n    text: C.\n"
    text += "    by: [crane, crain]\n    con: [No.]\n"
    # `    by: [crane, ` is 16 characters: `crain` starts at column 17.
    assert messages(text) == [
        "m.yaml:8:17: error: unknown actor 'crain'; did you mean 'crane'? [E106]"
    ]


def test_a_cycle_search_from_chosen_links_looks_only_at_what_they_depend_on() -> None:
    text = HEAD + (
        "allow-cycles: true\nclaims:\n  a:\n    text: A.\n    con: [{ref: b}]\n"
        "  b:\n    text: B.\n    con: [{ref: a}]\n  c:\n    text: C.\n    con: [No.]\n"
    )
    m = loads_map(text, "m.yaml")
    assert find_cycle(m) == ["a", "b", "a"]
    assert find_cycle(m, ["c.con.1"]) is None  # the a-b cycle lies elsewhere
