"""Quote checking: does a quoted phrase stand in its source's text?

Both sides are normalised the same way before comparing (DESIGN.md §1):
white space folded, letter case ignored, typographic quotes, dashes and
apostrophes made plain, invisible zero-width characters dropped, accents composed.
`…` or `...` in a quote (also `. . .`, `[...]`, `[…]`) is a gap: the parts around it
must appear in the source in that order. Everything else is literal.

A quote is **verified** when its source has a `file`, the file is found
(beside the map or in a `--sources` directory) and the quote matches it.
A quote whose source file is absent is *unchecked* and counts as not
verified. `SourceTexts` finds and reads the source files; `check_quotes`
gives every quote of a map its verdict.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from argmap.model import ArgumentMap, Node, Quote

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


# --- source files ------------------------------------------------------------------


class SourceTexts:
    """Source files read once per run and kept normalised, shared across maps."""

    def __init__(self, search_dirs: Sequence[str | Path] = ()) -> None:
        self.search_dirs = [Path(d) for d in search_dirs]
        self._cache: dict[Path, str | None] = {}

    def locate(self, map_path: str, file: str) -> Path | None:
        """The source file: relative to the map first, then in each search directory."""
        given = Path(file)
        candidates = [Path(map_path).parent / given]
        for directory in self.search_dirs:
            candidates += [directory / given, directory / given.name]
        for candidate in candidates:
            if candidate.is_file():
                return candidate
        return None

    def text(self, path: Path) -> str | None:
        """Normalised text of the file, or None if it cannot be read as UTF-8."""
        key = path.resolve()
        if key not in self._cache:
            try:
                self._cache[key] = normalise(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                self._cache[key] = None
        return self._cache[key]


# --- each quote's verdict ----------------------------------------------------------


class QuoteCheck(enum.Enum):
    VERIFIED = "verified"  # found in the source's file
    NOT_FOUND = "not-found"  # the file was read and the quote is not in it
    UNCHECKED = "unchecked"  # no file, or the file is absent: counted as not verified


class FileStatus(enum.Enum):
    FOUND = "found"
    ABSENT = "missing"  # `file` given but not found (or not UTF-8)
    NONE = "none"  # the source has no `file`


@attrs.frozen
class QuoteChecks:
    """Each quote's verdict, and each source's file status, for one map."""

    quotes: Mapping[Quote, QuoteCheck]
    files: Mapping[str, FileStatus]  # source id -> status

    def verdict(self, quote: Quote) -> QuoteCheck:
        return self.quotes.get(quote, QuoteCheck.UNCHECKED)

    def verified(self, node: Node) -> bool:
        return any(self.verdict(q) is QuoteCheck.VERIFIED for q in node.quotes)

    @property
    def unchecked_sources(self) -> tuple[str, ...]:
        """Quoted sources whose quotes cannot be verified (no file, or the file is absent)."""
        quoted = {q.source for q in self.quotes}
        return tuple(
            s for s, st in self.files.items() if st is not FileStatus.FOUND and s in quoted
        )


def check_quotes(m: ArgumentMap, texts: SourceTexts | None = None) -> QuoteChecks:
    """Verify every quote in `m` against its source's file (see the module docstring)."""
    texts = texts or SourceTexts()
    files: dict[str, FileStatus] = {}
    normalised: dict[str, str | None] = {}
    for source in m.sources.values():
        if source.file is None:
            files[source.id] = FileStatus.NONE
            normalised[source.id] = None
            continue
        located = texts.locate(m.path, source.file)
        text = texts.text(located) if located is not None else None
        files[source.id] = FileStatus.FOUND if text is not None else FileStatus.ABSENT
        normalised[source.id] = text
    verdicts: dict[Quote, QuoteCheck] = {}
    for node in m.unique_nodes():
        for quote in node.quotes:
            text = normalised.get(quote.source)
            if text is None:
                verdicts[quote] = QuoteCheck.UNCHECKED
            elif quote_matches(quote.text, text):
                verdicts[quote] = QuoteCheck.VERIFIED
            else:
                verdicts[quote] = QuoteCheck.NOT_FOUND
    return QuoteChecks(verdicts, files)


# --- where a quote stands in the source as written ------------------------------------


def _nfc_chunks(text: str) -> list[tuple[int, int]]:
    """`text` cut into spans that NFC composes independently.

    A span is a starter with the combining marks after it, merged with the next span
    whenever composing them together differs from composing each alone (Hangul jamo,
    and the few starters that compose with a starter before them), so that the spans'
    NFC forms, joined, are the NFC form of the whole text.
    """
    if not text:
        return []
    cuts = [i for i, ch in enumerate(text) if i == 0 or not unicodedata.combining(ch)]
    spans: list[tuple[int, int]] = []
    for start, end in zip(cuts, [*cuts[1:], len(text)], strict=True):
        if spans:
            before = spans[-1]
            joined = text[before[0] : end]
            if not joined.isascii():
                left, right = text[before[0] : start], text[start:end]
                nfc = unicodedata.normalize
                if nfc("NFC", joined) != nfc("NFC", left) + nfc("NFC", right):
                    spans[-1] = (before[0], end)
                    continue
        spans.append((start, end))
    return spans


def _normalised_with_offsets(original: str) -> tuple[str, list[int], list[int]]:
    """`normalise(original)`, with, for each of its characters, the span of `original`
    it comes from (`starts[i]`, `ends[i]`): a folded space covers its whole white space run.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    space_from = -1  # start of a pending white space run, or -1
    space_to = -1
    for chunk_start, chunk_end in _nfc_chunks(original):
        chunk = original[chunk_start:chunk_end]
        composed = chunk if chunk.isascii() else unicodedata.normalize("NFC", chunk)
        for ch in composed.translate(_TRANSLATE):
            if ch.isspace():  # what `_SPACE` (`\s`) and `strip` take for white space
                if space_from < 0:
                    space_from = chunk_start
                space_to = chunk_end
                continue
            if space_from >= 0:
                if out:  # leading white space is stripped
                    out.append(" ")
                    starts.append(space_from)
                    ends.append(space_to)
                space_from = -1
            for folded in ch.casefold():
                out.append(folded)
                starts.append(chunk_start)
                ends.append(chunk_end)
    return "".join(out), starts, ends


def quote_spans(quote: str, original: str) -> list[tuple[int, int]] | None:
    """Where `quote` stands in the source text `original` as written, or None if it does not.

    The match is `quote_matches`'s, through the same normalisation: each part of the
    quote (split at its gaps, `…` or `[...]`) gives one `(start, end)` span of
    `original`, in order, that covers the characters the part matched (curly quotes,
    runs of white space, zero-width characters and decomposed accents inside it
    included). A part that matches half of one character that normalises into two
    (`ß` as `ss`) covers that whole character. Spans never overlap; two parts that meet
    in one such character share one span.
    """
    parts = quote_parts(quote)
    if not parts:
        return None
    normalised, starts, ends = _normalised_with_offsets(original)
    spans: list[tuple[int, int]] = []
    at = 0
    for part in parts:
        found = normalised.find(part, at)
        if found < 0:
            return None
        at = found + len(part)
        start, end = starts[found], ends[at - 1]
        if spans and start < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans
