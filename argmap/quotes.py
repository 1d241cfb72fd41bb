"""Quote matching: does a quoted phrase stand in its source's text?

Both sides are normalised the same way before comparing (DESIGN.md §1):
white space folded, letter case ignored, typographic quotes, dashes and
apostrophes made plain, invisible zero-width characters dropped, accents composed.
`…` or `...` in a quote (also `. . .`, `[...]`, `[…]`) is a gap: the parts around it
must appear in the source in that order. Everything else is literal.
"""

from __future__ import annotations

import re
import unicodedata

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",  # ‘
        "\u2019": "'",  # ’
        "\u201a": "'",  # ‚
        "\u201b": "'",  # ‛
        "\u02bc": "'",  # ʼ modifier letter apostrophe
        "\u2032": "'",  # ′
        "\u0060": "'",  # `
        "\u00b4": "'",  # ´
        "\u201c": '"',  # “
        "\u201d": '"',  # ”
        "\u201e": '"',  # „
        "\u201f": '"',  # ‟
        "\u00ab": '"',  # «
        "\u00bb": '"',  # »
        "\u2033": '"',  # ″
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u2012": "-",  # figure dash
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2015": "-",  # horizontal bar
        "\u2212": "-",  # minus
        "\u00ad": "",  # soft hyphen: invisible in the source
        # Zero-width characters: invisible, common in text copied from web pages.
        "\u200b": "",
        "\u200c": "",
        "\u200d": "",
        "\u2060": "",
        "\ufeff": "",
    }
)
_SPACE = re.compile(r"\s+")  # Unicode white space: no-break spaces included
# A gap: `…`, three or more dots (spaced `. . .` too), either one in square brackets.
_ELLIPSIS = r"(?:\u2026|\.(?:\s?\.){2,})"
_GAP = re.compile(rf"\s*(?:\[\s*{_ELLIPSIS}\s*\]|{_ELLIPSIS})\s*")


def normalise(text: str) -> str:
    """The form quotes and sources are compared in."""
    composed = unicodedata.normalize("NFC", text)  # é typed as e + accent is still é
    return _SPACE.sub(" ", composed.translate(_TRANSLATE)).strip().casefold()


def quote_parts(quote: str) -> list[str]:
    """The quote's literal parts, split at its gaps, normalised; empty parts dropped."""
    return [p for p in (normalise(part) for part in _GAP.split(quote)) if p]


def quote_matches(quote: str, normalised_source: str) -> bool:
    """True if every part of `quote` appears in the (already normalised) source, in order."""
    parts = quote_parts(quote)
    if not parts:
        return False
    at = 0
    for part in parts:
        found = normalised_source.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True
