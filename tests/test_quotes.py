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
