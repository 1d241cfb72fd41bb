"""Quote matching as DESIGN.md §1 defines it."""

from __future__ import annotations

import pytest

from argmap.quotes import normalise, quote_matches

SOURCE = normalise(
    "The union\u2026 has so far not allowed its members to take part.\n"
    "Officials call S-Comm \u201cmandatory\u201d \u2014 localities disagree. "
    "They said it would satisfy[ing] the rule; the officers\u2019 view differs."
)


@pytest.mark.parametrize(
    "quote",
    [
        "has so far not allowed",  # plain substring
        "HAS SO FAR   not\nallowed",  # case and white space
        'call S-Comm "mandatory"',  # straight quotes match typographic ones
        "\u201cmandatory\u201d - localities",  # em dash matches a hyphen
        "the officers' view",  # apostrophes
        "The union ... take part",  # a gap
        "The union \u2026 members \u2026 localities disagree",  # several gaps, in order
        "satisfy[ing] the rule",  # brackets are literal, as the source has them
    ],
)
def test_quotes_that_stand_in_the_source(quote: str) -> None:
    assert quote_matches(quote, SOURCE)


@pytest.mark.parametrize(
    "quote",
    [
        "has not allowed",  # words missing
        "localities disagree ... The union",  # gap parts out of order
        "satisfying the rule",  # an editorial bracket the source lacks is not dropped
        "mandatory.",  # punctuation is literal
        "...",  # nothing but a gap
        "",
    ],
)
def test_quotes_that_do_not(quote: str) -> None:
    assert not quote_matches(quote, SOURCE)


# Text copied from web pages and PDFs carries invisible characters and other spellings of
# the same words; an author who pastes or retypes the quote cannot see the difference.
PASTED = normalise(
    "Crane\u00a0said the man\u200bdate was \u201cnever\u00a0optional\u201d and the caf\u00e9"
    " stayed open. Then the union walked out."
)


@pytest.mark.parametrize(
    "quote",
    [
        "Crane said the mandate",  # a no-break space and a zero-width space in the source
        "the cafe\u0301 stayed",  # é written as e + combining accent (macOS copy)
        "Crane said [...] \u201cnever optional\u201d",  # the bracketed elision scholars use
        "Crane said [\u2026] the caf\u00e9",
        "the mandate . . . stayed open",  # spaced dots, Bluebook style
        "stayed open.... the union walked",  # a full stop and then a gap
    ],
)
def test_quotes_pasted_from_the_web_still_match(quote: str) -> None:
    assert quote_matches(quote, PASTED)


def test_modifier_letter_apostrophe_is_an_apostrophe() -> None:
    assert quote_matches("the officers\u02bc view", SOURCE)


def test_each_part_is_looked_for_after_the_first_place_the_one_before_stands() -> None:
    # Not the last place: "the" stands twice, and "officers" only after the first.
    assert quote_matches("the \u2026 officers", normalise("the officers said the words"))


# --- quote_spans: where a quote stands in the source as written ------------------------

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from argmap.quotes import _normalised_with_offsets, quote_spans  # noqa: E402


def spans_text(quote: str, original: str) -> list[str] | None:
    spans = quote_spans(quote, original)
    return None if spans is None else [original[a:b] for a, b in spans]


def test_a_plain_quote_is_one_span_at_its_exact_offsets() -> None:
    original = "Officials call S-Comm mandatory, they say."
    assert quote_spans("call S-Comm mandatory", original) == [(10, 31)]


def test_case_is_ignored_and_the_span_keeps_the_source_letters() -> None:
    assert spans_text("SECURE communities", "Now Secure Communities is") == ["Secure Communities"]


def test_curly_quotes_and_dashes_in_the_source_are_inside_the_span() -> None:
    original = "It is \u201cmandatory\u201d \u2014 they say."
    assert quote_spans('"mandatory" - they', original) == [(6, 24)]
    assert original[6:24] == "\u201cmandatory\u201d \u2014 they"


def test_a_white_space_run_in_the_source_is_covered_whole() -> None:
    original = "has so\n\n   far not"
    assert quote_spans("has so far", original) == [(0, 14)]
    assert original[0:14] == original[:-4]


def test_leading_and_trailing_white_space_of_the_source_shift_nothing() -> None:
    original = "  \n\tThe union said no.  \n"
    assert quote_spans("the union", original) == [(4, 13)]
    assert quote_spans("said no.", original) == [(14, 22)]


def test_zero_width_characters_inside_the_quoted_words_are_covered() -> None:
    original = "the offi\u200bcers\u00ad\u2019 view"
    assert quote_spans("officers' view", original) == [(4, 20)]
    assert original[4:20] == "offi\u200bcers\u00ad\u2019 view"


def test_a_decomposed_accent_in_the_source_is_covered_with_its_letter() -> None:
    original = "the cafe\u0301 was open"  # e + combining acute accent
    assert quote_spans("caf\u00e9 was", original) == [(4, 13)]
    assert original[4:13] == "cafe\u0301 was"


def test_a_composed_accent_in_the_source_matches_a_decomposed_one_in_the_quote() -> None:
    original = "the caf\u00e9 was open"
    assert quote_spans("cafe\u0301", original) == [(4, 8)]


def test_an_ellipsis_gap_gives_one_span_per_part_in_order() -> None:
    original = "The union has so far not allowed its members to take part."
    assert quote_spans("The union \u2026 not allowed ... take part", original) == [
        (0, 9),
        (21, 32),
        (48, 57),
    ]


def test_a_bracketed_gap_splits_like_an_ellipsis() -> None:
    original = "one two three four"
    assert quote_spans("one [\u2026] four", original) == [(0, 3), (14, 18)]
    assert quote_spans("one [...] three", original) == [(0, 3), (8, 13)]


def test_parts_are_found_in_order_after_each_other() -> None:
    # The second "b" is the one after "a", not the first one in the text.
    assert quote_spans("a ... b", "b x a y b") == [(4, 5), (8, 9)]


def test_no_match_is_none() -> None:
    assert quote_spans("not in it", "something else") is None
    assert quote_spans("b ... a", "a then b") is None  # parts out of order


def test_a_quote_of_nothing_but_a_gap_is_none() -> None:
    assert quote_spans("...", "any text ... at all") is None
    assert quote_spans("   ", "any text") is None


def test_a_letter_that_folds_into_two_is_covered_whole() -> None:
    # casefold: ß -> ss; a quote of "strasse" covers the ß of "Straße".
    assert quote_spans("strasse", "die Straße hier") == [(4, 10)]
    # A quote ending half-way through the two letters still covers the whole ß.
    assert quote_spans("stras", "die Straße hier") == [(4, 9)]


def test_parts_that_meet_inside_one_character_share_one_span() -> None:
    # "s…s" matches the two letters ß folds into: one character, one span.
    assert quote_spans("s … s", "ß") == [(0, 1)]


def test_hangul_jamo_compose_across_starters() -> None:
    original = "x \u1100\u1161\u11a8 y"  # ᄀ + ᅡ + ᆨ compose into 각
    assert quote_spans("\uac01", original) == [(2, 5)]


def test_spans_agree_with_quote_matches_on_the_seed_like_sample() -> None:
    raw = (
        "The union\u2026 has so far not allowed its members to take part.\n"
        "Officials call S-Comm \u201cmandatory\u201d \u2014 localities disagree."
    )
    assert spans_text('officials call s-comm "mandatory"', raw) == [
        "Officials call S-Comm \u201cmandatory\u201d"
    ]
    assert quote_matches("the union... take part", normalise(raw))
    assert spans_text("the union... take part", raw) == ["The union", "take part"]


_TRICKY = st.sampled_from(
    list("aAbß \n\t\u00a0\u2019\u201c\u2014\u200b\u00ad\u0301\u0308e\u1100\u1161\u11a8.\u2026İﬁ")
)


@given(st.lists(_TRICKY | st.characters(), max_size=40).map("".join))
def test_the_offsets_rebuild_exactly_the_normalised_text(original: str) -> None:
    normalised, starts, ends = _normalised_with_offsets(original)
    assert normalised == normalise(original)
    assert len(starts) == len(ends) == len(normalised)
    assert all(0 <= a < b <= len(original) for a, b in zip(starts, ends, strict=True))
    assert starts == sorted(starts)


@given(
    st.lists(_TRICKY, max_size=30).map("".join),
    st.integers(0, 30),
    st.integers(1, 12),
)
def test_a_span_holds_what_the_quote_matched(original: str, at: int, length: int) -> None:
    # Any piece of the source, quoted, is found; each span normalises to contain its part.
    quote = original[at : at + length]
    spans = quote_spans(quote, original)
    matches = quote_matches(quote, normalise(original))
    assert (spans is not None) == matches
    if spans is not None:
        joined = " ... ".join(original[a:b] for a, b in spans)
        assert quote_matches(quote, normalise(joined))


def test_a_span_index_built_once_places_quotes_as_the_text_does() -> None:
    from argmap.quotes import span_index

    original = "Officials call S-Comm \u201cmandatory\u201d \u2014 localities disagree."
    index = span_index(original)
    for quote in ('call s-comm "mandatory"', "localities … disagree", "absent"):
        assert quote_spans(quote, original, index) == quote_spans(quote, original)
    assert quote_spans("localities … disagree", original, index) == [(36, 46), (47, 55)]


def test_a_piece_of_accent_after_a_space_rides_with_the_space() -> None:
    # A combining mark after a space composes with nothing: it is kept, and its span
    # is the space's (one NFC chunk), so the quote covers the space too.
    assert quote_spans("\u0301b", "a \u0301b") == [(1, 4)]


def test_text_around_composed_hangul_keeps_its_places() -> None:
    original = "x \u1100\u1161\u11a8 y"
    assert quote_spans("x \uac01 y", original) == [(0, 7)]


def test_parts_that_only_touch_keep_their_own_spans() -> None:
    assert quote_spans("one \u2026 two", "onetwo") == [(0, 3), (3, 6)]


def test_parts_that_meet_inside_a_letter_share_one_span_to_the_end_of_the_second() -> None:
    # "strasse": "stras" ends half-way through ß, "se" begins there: one span, to the e.
    assert quote_spans("stras \u2026 se", "Stra\u00dfe") == [(0, 6)]


def test_a_span_index_gives_each_folded_space_its_whole_white_space_run() -> None:
    from argmap.quotes import span_index

    assert span_index("  a  b\n c\u200b\t") == ("a b c", [2, 3, 5, 6, 8], [3, 5, 6, 8, 9])


def test_a_span_index_spares_normalising_the_source_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from argmap import quotes
    from argmap.quotes import span_index

    original = "Officials call S-Comm \u201cmandatory\u201d."
    index = span_index(original)

    def again(text: str) -> tuple[str, list[int], list[int]]:
        raise AssertionError("normalised again")

    monkeypatch.setattr(quotes, "_normalised_with_offsets", again)
    assert quote_spans('s-comm "mandatory"', original, index) == [(15, 33)]


# --- SourceText: many quotes searched through an index of the text's words -------------

from argmap import quotes  # noqa: E402
from argmap.quotes import SourceText  # noqa: E402
from tests.guards import must_finish  # noqa: E402

# Normalised: "in 2011 the officers resisted the training. case 50 was closed in the end."
INDEXED = "In 2011 the officers resisted the training. Case 50 was closed in the end."


def plain_searches(
    monkeypatch: pytest.MonkeyPatch, text: SourceText, batch: list[str]
) -> tuple[list[bool], int]:
    """What `matches_all` answers for `batch`, and how many quotes it searched plainly."""
    searched: list[list[str]] = []
    real = quotes._parts_in

    def counted(parts: list[str], normalised_source: str) -> bool:
        searched.append(parts)
        return real(parts, normalised_source)

    monkeypatch.setattr(quotes, "_parts_in", counted)
    return text.matches_all(batch), len(searched)


def test_one_source_text_matches_a_quote_as_quote_matches_does() -> None:
    text = SourceText(normalise(INDEXED))
    assert text.matches("The OFFICERS \u2026 the end.")
    assert not text.matches("the end \u2026 the officers")


@pytest.mark.parametrize(
    ("quote", "found", "plain"),
    [
        ("in 2011 the", True, 0),  # the text's first word, found by the index at 0
        ("the", True, 0),  # one word: no key, a plain find
        ("end.", True, 0),  # the text's last word has no word after it
        ("the end.", True, 0),  # the last pair of words is indexed too
        ("the \u2026 officers", True, 0),  # each part after the one before
        ("fficers resisted", True, 1),  # inside a word: the index misses, the plain search finds
        ("esisted the", True, 1),  # as above, the second word exactly three letters
        ("ase 50 was", True, 1),  # as above, the second word short but a third follows
        ("case 5", True, 0),  # "5" may begin a longer word ("50"): no key, a plain find
        ("the end. \u2026 the end.", False, 1),  # one "the end." cannot match twice
        ("closed \u2026 case", False, 1),  # out of order
        ("\u2026", False, 0),  # nothing but a gap matches nothing
    ],
)
def test_the_index_answers_as_the_plain_search_and_spares_it_at_word_starts(
    monkeypatch: pytest.MonkeyPatch, quote: str, found: bool, plain: int
) -> None:
    text = SourceText(normalise(INDEXED))
    batch = [quote] * SourceText.PLAIN_SEARCHES  # just enough quotes for the index
    answers, searched = plain_searches(monkeypatch, text, batch)
    assert answers == [found] * SourceText.PLAIN_SEARCHES
    assert searched == plain * SourceText.PLAIN_SEARCHES
    assert quotes.quote_matches(quote, text.text) is found


def test_fewer_quotes_than_plain_searches_are_searched_plainly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = SourceText(normalise(INDEXED))
    few = ["the officers"] * (SourceText.PLAIN_SEARCHES - 1)
    assert plain_searches(monkeypatch, text, few) == ([True] * len(few), len(few))


def test_a_text_longer_than_max_indexed_is_searched_plainly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    normalised = normalise(INDEXED)

    class AtTheLimit(SourceText):
        MAX_INDEXED = len(normalised)

    class PastTheLimit(SourceText):
        MAX_INDEXED = len(normalised) - 1

    batch = ["the officers"] * SourceText.PLAIN_SEARCHES
    every = [True] * len(batch)
    assert plain_searches(monkeypatch, AtTheLimit(normalised), batch) == (every, 0)
    assert plain_searches(monkeypatch, PastTheLimit(normalised), batch) == (every, len(batch))


def test_a_large_source_is_normalised_a_chunk_at_a_time_cut_at_line_breaks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Each piece runs to the first line break at or past _CHUNK characters into it. The
    # second piece is white space only: it adds no space to the text.
    words = "word\n" * (quotes._CHUNK // 5 + 1)  # its last line break is the first past _CHUNK
    blank = " \n" * (quotes._CHUNK // 2 + 1)  # likewise
    text = words + blank + "The  end\u2014"
    pieces: list[str] = []
    real = quotes.normalise

    def recorded(piece: str) -> str:
        pieces.append(piece)
        return real(piece)

    monkeypatch.setattr(quotes, "normalise", recorded)
    with must_finish(10):
        normalised = quotes.normalise_large(text)
    assert pieces == [words, blank, "The  end\u2014"]
    assert normalised == "word " * (quotes._CHUNK // 5 + 1) + "the end-"


# --- check_quotes: each quote's verdict, each source's file -----------------------------

from pathlib import Path  # noqa: E402

from argmap.load import loads_map  # noqa: E402
from argmap.quotes import FileStatus, QuoteCheck, SourceTexts, check_quotes  # noqa: E402

TWO_SOURCES = """argmap: 1
title: T
sources:
  talk:
    title: A talk, not written down
  art:
    title: The article
    file: {file}
claims:
  c:
    text: C.
    con:
      - id: p
        text: P.
        quote: {{source: talk, text: "we said so"}}
      - id: q
        text: Q.
        quote: {{source: art, text: "the officers resisted"}}
"""


def test_a_source_with_no_file_does_not_stop_the_check_of_the_next(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("In 2011 the officers resisted.\n", encoding="utf-8")
    m = loads_map(TWO_SOURCES.format(file="article.txt"), str(tmp_path / "m.yaml"))
    checks = check_quotes(m)
    assert checks.files == {"talk": FileStatus.NONE, "art": FileStatus.FOUND}
    assert checks.paths == {"art": tmp_path / "article.txt"}
    assert {q.source: v for q, v in checks.quotes.items()} == {
        "talk": QuoteCheck.UNCHECKED,
        "art": QuoteCheck.VERIFIED,
    }
    assert checks.unchecked_sources == ("talk",)


def test_a_file_outside_as_written_is_still_found_by_its_name_in_sources(tmp_path: Path) -> None:
    # "../elsewhere/article.txt" leaves the map's folder, beside the map and below --sources
    # alike; the file's name alone is then looked for in --sources, and found there.
    (tmp_path / "maps").mkdir()
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "article.txt").write_text("nothing\n", encoding="utf-8")
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "article.txt").write_text("In 2011 the officers resisted.\n", encoding="utf-8")
    m = loads_map(
        TWO_SOURCES.format(file="../elsewhere/article.txt"), str(tmp_path / "maps" / "m.yaml")
    )
    checks = check_quotes(m, SourceTexts([seed]))
    assert checks.files == {"talk": FileStatus.NONE, "art": FileStatus.FOUND}
    assert checks.paths == {"art": seed / "article.txt"}


def test_a_quote_left_out_of_the_check_is_unchecked(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("In 2011 the officers resisted.\n", encoding="utf-8")
    m = loads_map(TWO_SOURCES.format(file="article.txt"), str(tmp_path / "m.yaml"))
    checks = check_quotes(m, nodes=[])
    q = m.node("q")
    assert checks.quotes == {}
    assert checks.verdict(q.quotes[0]) is QuoteCheck.UNCHECKED
    assert not checks.verified(q)
