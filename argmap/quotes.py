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

import bisect
import enum
import itertools
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from argmap.files import FileTooLarge, NotRegularFile, read_regular_file
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
    return _parts_in(quote_parts(quote), normalised_source)


def _parts_in(parts: list[str], normalised_source: str) -> bool:
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

MAX_SOURCE_BYTES = 64 * 1024 * 1024
"""Larger source files are not read (TOO_LARGE): a book is a few megabytes."""

_CHUNK = 1 << 20  # normalised a megabyte at a time, so a large source needs no more copies


class FileStatus(enum.Enum):
    """What became of a source's `file`; each state has one wording (`words`) everywhere."""

    FOUND = "found"
    ABSENT = "missing"  # not beside the map, nor in a --sources folder
    UNREADABLE = "unreadable"  # permission denied, an I/O error
    NOT_UTF8 = "not-utf-8"
    NOT_A_FILE = "not-a-file"  # a folder, a FIFO, a device
    TOO_LARGE = "too-large"
    OUTSIDE = "outside"  # the path leaves the map's folder and the --sources folders
    NONE = "none"  # the source has no `file`

    @property
    def words(self) -> str:
        """How every command says it: `source file 'x.txt' <words>`."""
        return _FILE_WORDS[self]

    @property
    def readable(self) -> bool:
        return self is FileStatus.FOUND


_FILE_WORDS = {
    FileStatus.FOUND: "found",
    FileStatus.ABSENT: "not found",
    FileStatus.UNREADABLE: "unreadable",
    FileStatus.NOT_UTF8: "not UTF-8 text",
    FileStatus.NOT_A_FILE: "not a regular file",
    FileStatus.TOO_LARGE: f"larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MiB",
    FileStatus.OUTSIDE: "outside the map's folder and --sources",
    FileStatus.NONE: "no file",
}


def unchecked_because(status: FileStatus) -> str:
    """Why a quote of a source in this state is unchecked, as every command says it."""
    if status is FileStatus.NONE:
        return "unchecked: the source has no file"
    return f"unchecked: source file {status.words}"


class SourceText:
    """One source file's text, normalised once, and the search of many quotes in it.

    Searching each quote from the start of the text costs the text's length per quote:
    quadratic in a map whose source grows with it. `matches_all` instead indexes, in one
    pass, where the quotes' first words begin a word of the text (keyed by that word
    and the start of the next), so each quote then costs about its own length.
    """

    PLAIN_SEARCHES = 8  # fewer quotes than this: searching plainly is cheaper than indexing
    MAX_INDEXED = 8 * 1024 * 1024  # characters; a larger text is searched plainly
    _SECOND = 3  # characters of the second word in a key

    def __init__(self, normalised: str) -> None:
        self.text = normalised

    def matches(self, quote: str) -> bool:
        """True if every part of `quote` appears in the text, in order (see `quote_matches`)."""
        return quote_matches(quote, self.text)

    def matches_all(self, quotes: Sequence[str]) -> list[bool]:
        """`matches` of each quote, in one pass over the text however many there are."""
        if len(quotes) < self.PLAIN_SEARCHES or len(self.text) > self.MAX_INDEXED:
            return [quote_matches(q, self.text) for q in quotes]
        split = [quote_parts(q) for q in quotes]
        firsts = {part.split(" ", 1)[0] for parts in split for part in parts}
        index = self._index(firsts)
        return [self._found(parts, index) for parts in split]

    def _index(self, firsts: set[str]) -> dict[str, list[int]]:
        """Key -> ascending places where a word of `firsts` begins a word pair of the text."""
        # The normalised text has single spaces only: its words are `split(" ")`, and
        # each starts one character after the end of the one before (C-level passes).
        words = self.text.split(" ")
        starts = list(itertools.accumulate(map((1).__add__, map(len, words)), initial=0))
        last = len(words) - 1
        second = self._SECOND
        pairs: dict[str, list[int]] = {}
        for i in itertools.compress(range(len(words)), map(firsts.__contains__, words)):
            key = f"{words[i]} {words[i + 1][:second]}" if i < last else words[i]
            pairs.setdefault(key, []).append(starts[i])
        return pairs

    def _key(self, part: str) -> str | None:
        """The index key of a part, if the part shows it whole: two words, the second
        either long enough or followed by a third."""
        words = part.split(" ", 2)
        if len(words) < 2 or (len(words) == 2 and len(words[1]) < self._SECOND):
            return None
        return f"{words[0]} {words[1][: self._SECOND]}"

    def _found(self, parts: list[str], index: dict[str, list[int]]) -> bool:
        if not parts:
            return False
        text = self.text
        at = 0
        for part in parts:
            key = self._key(part)
            found = -1
            if key is None:
                found = text.find(part, at)
            else:
                places = index.get(key, ())
                for place in itertools.islice(places, bisect.bisect_left(places, at), None):
                    if text.startswith(part, place):
                        found = place
                        break
            if found < 0:
                # Not at a word start (or not there at all): the plain search decides.
                return _parts_in(parts, text)
            at = found + len(part)
        return True


def normalise_large(text: str) -> str:
    """`normalise`, a chunk at a time: the same result, without several full-size copies."""
    if len(text) <= _CHUNK:
        return normalise(text)
    pieces: list[str] = []
    start = 0
    while start < len(text):
        stop = text.find("\n", start + _CHUNK)
        stop = len(text) if stop < 0 else stop + 1
        pieces.append(normalise(text[start:stop]))  # a line break is white space: cut there
        start = stop
    return " ".join(p for p in pieces if p)


class SourceTexts:
    """Finds and reads source files, once per run, shared by every map and command.

    A source's `file` is looked for beside the map (in the map's folder and below)
    and in each `--sources` folder (as written, then by its name alone). A path that
    leaves those folders, once links are resolved, is OUTSIDE and not read unless
    `allow_outside` is set: a quote check must not tell whether a guess is in any
    readable file of the machine. Only regular files up to MAX_SOURCE_BYTES are read.
    """

    def __init__(self, search_dirs: Sequence[str | Path] = (), *, allow_outside: bool = False):
        self.search_dirs = [Path(d) for d in search_dirs]
        self.allow_outside = allow_outside
        self._roots = [d.resolve() for d in self.search_dirs]
        self._found: dict[tuple[Path, str], tuple[FileStatus, Path | None]] = {}
        self._texts: dict[Path, tuple[FileStatus, SourceText | None]] = {}

    def locate(self, map_path: str, file: str) -> tuple[FileStatus, Path | None]:
        """Where `file` of a map at `map_path` is, and whether it may be read there."""
        folder = Path(map_path).parent
        key = (folder, file)
        if key not in self._found:
            self._found[key] = self._locate(folder, file)
        return self._found[key]

    def _locate(self, folder: Path, file: str) -> tuple[FileStatus, Path | None]:
        given = Path(file)
        roots = [folder.resolve(), *self._roots]
        candidates = [folder / given]
        for directory in self.search_dirs:
            candidates += [directory / given, directory / given.name]
        outside: Path | None = None
        for candidate in candidates:
            resolved = candidate.resolve()
            if not self.allow_outside and not any(resolved.is_relative_to(r) for r in roots):
                # Decided from the path alone, existing or not: no oracle on other files.
                outside = outside or candidate
                continue
            if os.path.lexists(candidate):
                return FileStatus.FOUND, candidate
        if outside is not None:
            return FileStatus.OUTSIDE, outside
        return FileStatus.ABSENT, None

    def read(self, path: Path) -> tuple[FileStatus, SourceText | None]:
        """The file's normalised text, or why there is none."""
        key = path.resolve()
        if key not in self._texts:
            self._texts[key] = _read_source(path)
        return self._texts[key]

    def source(self, map_path: str, file: str) -> tuple[FileStatus, Path | None, SourceText | None]:
        """Locate and read in one step: (status, the path found, the text if FOUND)."""
        status, path = self.locate(map_path, file)
        if status is not FileStatus.FOUND or path is None:
            return status, path, None
        status, text = self.read(path)
        return status, path, text


def _read_source(path: Path) -> tuple[FileStatus, SourceText | None]:
    try:
        data = read_regular_file(path, MAX_SOURCE_BYTES)
    except NotRegularFile:
        return FileStatus.NOT_A_FILE, None
    except FileTooLarge:
        return FileStatus.TOO_LARGE, None
    except FileNotFoundError:
        return FileStatus.ABSENT, None
    except OSError:
        return FileStatus.UNREADABLE, None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return FileStatus.NOT_UTF8, None
    del data
    return FileStatus.FOUND, SourceText(normalise_large(text))


# --- each quote's verdict ----------------------------------------------------------


class QuoteCheck(enum.Enum):
    VERIFIED = "verified"  # found in the source's file
    NOT_FOUND = "not-found"  # the file was read and the quote is not in it
    UNCHECKED = "unchecked"  # no file, or the file could not be read: counted as not verified


@attrs.frozen
class QuoteChecks:
    """Each quote's verdict, and each source's file status, for one map."""

    quotes: Mapping[Quote, QuoteCheck]
    files: Mapping[str, FileStatus]  # source id -> status
    paths: Mapping[str, Path] = attrs.field(factory=dict)  # source id -> the file found

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


def check_quotes(
    m: ArgumentMap,
    texts: SourceTexts | None = None,
    *,
    nodes: Iterable[Node] | None = None,
) -> QuoteChecks:
    """Verify the quotes of `m` (or of `nodes` only) against their sources' files.

    This is the one quote checker: validate, summary, show, sources, render and
    report all ask it, so a quote and a source file read the same in each.
    """
    texts = texts or SourceTexts()
    files: dict[str, FileStatus] = {}
    paths: dict[str, Path] = {}
    readable: dict[str, SourceText | None] = {}
    for source in m.sources.values():
        if source.file is None:
            files[source.id] = FileStatus.NONE
            readable[source.id] = None
            continue
        status, path, text = texts.source(m.path, source.file)
        files[source.id] = status
        if path is not None:
            paths[source.id] = path
        readable[source.id] = text
    verdicts: dict[Quote, QuoteCheck] = {}
    by_source: dict[str, list[Quote]] = {}
    for node in m.unique_nodes() if nodes is None else nodes:
        for quote in node.quotes:
            verdicts[quote] = QuoteCheck.UNCHECKED  # until its source's search says more
            if readable.get(quote.source) is not None:
                by_source.setdefault(quote.source, []).append(quote)
    for source_id, quoted in by_source.items():
        text = readable[source_id]
        assert text is not None
        found = text.matches_all([q.text for q in quoted])
        for quote, ok in zip(quoted, found, strict=True):
            verdicts[quote] = QuoteCheck.VERIFIED if ok else QuoteCheck.NOT_FOUND
    return QuoteChecks(verdicts, files, paths)


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
