"""How much of each source the map accounts for: its sentences, and which of them a quote touches.

A source's file (found as the quote checker finds it) is cut into sentences by
pysbd, a rule-based sentence boundary splitter: it keeps "$9.95", "U.S.",
initials ("J. R. Smith") and a quotation with full stops inside ("He said
"No. Never." and left.") in one sentence, needs no model data, and cuts the
text without changing it, so every sentence has its offsets and line in the
file. A line break ends a sentence (a headline, a paragraph) unless the file
separates its paragraphs by blank lines: then a single line break is a wrapped
line, read as a space.

A sentence is *quoted* when a quote of that source (its span in the file, as
`argmap.quotes.quote_spans` finds it through the matcher's normalisation)
covers at least one of its characters. A source's `ignore` entries (line
ranges, or text found in a sentence) take boilerplate out of the count.

pysbd is imported here only, and this module only by the commands that report
coverage (`sources`, `summary`), so `argmap validate` never loads it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from argmap.model import ArgumentMap
from argmap.quotes import (
    FileStatus,
    SourceTexts,
    normalise,
    quote_matches,
    quote_spans,
    span_index,
)


@attrs.frozen
class Sentence:
    start: int  # offsets in the file's text, white space around the sentence left out
    end: int
    line: int  # 1-based line of its first character
    end_line: int  # line of its last character
    text: str


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def split_sentences(text: str) -> list[Sentence]:
    """`text` cut into sentences, in order, each with its offsets and lines (see the module)."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    # With blank lines between paragraphs, a lone line break only wraps a line.
    wrapped = bool(_PARAGRAPH_BREAK.search(text))
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    sentences: list[Sentence] = []
    for block_start, block_end in _pieces(text, _blocks(text, wrapped)):
        block = text[block_start:block_end]
        if wrapped:
            block = block.replace("\n", " ")  # same length: the offsets still hold
        # pysbd's pieces, found in order; text it leaves out or changes (it drops a
        # lone " ??") is kept as a piece of its own, so no sentence goes uncounted.
        at = 0
        for piece in segmenter.segment(block):
            found = block.find(piece, at) if piece else -1
            if found < 0:
                continue
            _add(sentences, text, line_starts, block_start + at, block_start + found)
            _add(
                sentences, text, line_starts, block_start + found, block_start + found + len(piece)
            )
            at = found + len(piece)
        _add(sentences, text, line_starts, block_start + at, block_end)
    return sentences


def _blocks(text: str, wrapped: bool) -> list[tuple[int, int]]:
    """Paragraphs (`wrapped`) or lines: the pieces pysbd reads one at a time."""
    breaks = _PARAGRAPH_BREAK if wrapped else re.compile("\n")
    blocks, at = [], 0
    for match in breaks.finditer(text):
        blocks.append((at, match.start()))
        at = match.end()
    blocks.append((at, len(text)))
    return [(a, b) for a, b in blocks if text[a:b].strip()]


PIECE = 1000
"""pysbd reads at most this many characters at a time: it slows down with the square of
a paragraph's length (a 200 kB line took over two minutes), so a longer paragraph is
cut first where a sentence surely ends (a full stop, question or exclamation mark
after a word, then a capital), else at a space; pysbd finds the same boundary there."""

# A full stop after a word of two letters or more (not an initial), closing quotes or
# brackets, space, then what can start a sentence.
_STOP = re.compile(r"(?<=[a-z0-9%][a-z0-9%])[.!?][\"'\u201d\u2019)\]]*\s+(?=[A-Z\"\u201c(])")


def _pieces(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in blocks:
        while end - start > PIECE:
            window = text[start : start + PIECE]
            stops = [m.end() for m in _STOP.finditer(window)]
            cut = stops[-1] if stops else window.rfind(" ") + 1 or PIECE
            out.append((start, start + cut))
            start += cut
        out.append((start, end))
    return out


def _add(sentences: list[Sentence], text: str, line_starts: list[int], a: int, b: int) -> None:
    piece = text[a:b]
    stripped = piece.strip()
    if not stripped:
        return
    start = a + (len(piece) - len(piece.lstrip()))
    end = start + len(stripped)
    sentences.append(
        Sentence(start, end, _line(line_starts, start), _line(line_starts, end - 1), stripped)
    )


def _line(line_starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(line_starts, offset)


# --- ignore entries -------------------------------------------------------------------


@attrs.frozen
class Ignore:
    """One `ignore` entry of a source: lines `first`..`last`, or a text found in a sentence."""

    first: int | None = None
    last: int | None = None
    text: str | None = None

    def covers(self, sentence: Sentence) -> bool:
        if self.text is not None:
            return quote_matches(self.text, normalise(sentence.text))
        assert self.first is not None and self.last is not None
        return self.first <= sentence.line and sentence.end_line <= self.last


def _ignore_of(entry: str) -> Ignore:
    """A source's `ignore` entry: lines `3` or `44-48`, or else a text (see the vocabulary)."""
    from argmap.vocabulary import ignore_lines

    lines = ignore_lines(entry)
    if lines is None:
        return Ignore(text=entry)
    return Ignore(first=lines[0], last=lines[1])


# --- coverage -------------------------------------------------------------------------


@attrs.frozen
class SentenceCoverage:
    sentence: Sentence
    quoted_chars: int  # characters of the sentence inside some quote's span
    ignored: bool = False

    @property
    def quoted(self) -> bool:
        return self.quoted_chars > 0


@attrs.frozen
class SourceCoverage:
    """One source's coverage; `sentences` is empty when its file was not read."""

    source: str
    file: str | None
    file_status: FileStatus
    sentences: tuple[SentenceCoverage, ...] = ()
    quotes_placed: int = 0  # quotes of this source found in its file
    quotes: int = 0  # quotes of this source

    @property
    def measured(self) -> bool:
        return self.file_status is FileStatus.FOUND

    @property
    def counted(self) -> tuple[SentenceCoverage, ...]:
        return tuple(s for s in self.sentences if not s.ignored)

    @property
    def sentences_counted(self) -> int:
        return len(self.counted)

    @property
    def sentences_quoted(self) -> int:
        return sum(1 for s in self.counted if s.quoted)

    @property
    def sentences_ignored(self) -> int:
        return len(self.sentences) - len(self.counted)

    @property
    def chars_counted(self) -> int:
        return sum(len(s.sentence.text) for s in self.counted)

    @property
    def chars_quoted(self) -> int:
        return sum(s.quoted_chars for s in self.counted)

    @property
    def uncovered(self) -> tuple[Sentence, ...]:
        return tuple(s.sentence for s in self.counted if not s.quoted)

    def as_json(self, uncovered: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.source,
            "file": self.file,
            "file_status": self.file_status.value,
        }
        if not self.measured:
            out["coverage"] = None
            return out
        out["coverage"] = {
            "sentences": self.sentences_counted,
            "sentences_quoted": self.sentences_quoted,
            "sentences_ignored": self.sentences_ignored,
            "characters": self.chars_counted,
            "characters_quoted": self.chars_quoted,
            "quotes_placed": self.quotes_placed,
            "quotes": self.quotes,
        }
        if uncovered:
            out["uncovered"] = [{"line": s.line, "text": s.text} for s in self.uncovered]
        return out


def source_coverage(
    m: ArgumentMap,
    texts: SourceTexts,
    ignores: dict[str, Sequence[Ignore]] | None = None,
) -> list[SourceCoverage]:
    """Every declared source's coverage, in file order (see the module docstring)."""
    ignores = ignores or {}
    result = []
    for source in m.sources.values():
        declared = [_ignore_of(entry) for entry in source.ignore]
        ignore = [*declared, *ignores.get(source.id, ())]
        quotes = [q.text for n in m.unique_nodes() for q in n.quotes if q.source == source.id]
        # Found, allowed and read as the quote checker does (folders, size, regular file).
        status, path, readable = (
            texts.source(m.path, source.file) if source.file else (FileStatus.NONE, None, None)
        )
        original = _read(path) if readable is not None and path is not None else None
        if original is None:
            if status is FileStatus.FOUND:  # it went between the check and this read
                status = FileStatus.UNREADABLE
            result.append(SourceCoverage(source.id, source.file, status, quotes=len(quotes)))
            continue
        result.append(measure(source.id, source.file, original, quotes, ignore))
    return result


def measure(
    source: str,
    file: str | None,
    original: str,
    quotes: Sequence[str],
    ignore: Sequence[Ignore] = (),
) -> SourceCoverage:
    """The coverage of one source text `original` by `quotes` (quote texts)."""
    covered = bytearray(len(original))  # 1: inside some quote's span (a byte a character)
    placed = 0
    index = span_index(original) if quotes else None
    for quote in quotes:
        spans = quote_spans(quote, original, index)
        if spans is None:
            continue
        placed += 1
        for a, b in spans:
            covered[a:b] = b"\x01" * (b - a)
    sentences = tuple(
        SentenceCoverage(
            s,
            sum(covered[s.start : s.end]),
            ignored=any(i.covers(s) for i in ignore),
        )
        for s in split_sentences(original)
    )
    return SourceCoverage(
        source, file, FileStatus.FOUND, sentences, quotes_placed=placed, quotes=len(quotes)
    )


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


# --- as text --------------------------------------------------------------------------


def _share(part: int, whole: int) -> str:
    return f"{part:,} of {whole:,}" + (f" ({part / whole:.0%})" if whole else "")


def coverage_line(c: SourceCoverage) -> str:
    """One source's coverage in a line: `itt (file): 40 of 48 sentences quoted (83%), ...`."""
    if not c.measured:
        why = "no file" if c.file is None else f"file {c.file} {c.file_status.words}"
        return f"{c.source}: not measured ({why})"
    ignored = f", {c.sentences_ignored} ignored" if c.sentences_ignored else ""
    lost = c.quotes - c.quotes_placed
    placed = f"; {lost} quote{'' if lost == 1 else 's'} not found in it" if lost else ""
    return (
        f"{c.source} ({c.file}): {_share(c.sentences_quoted, c.sentences_counted)} sentences"
        f" quoted{ignored}, {_share(c.chars_quoted, c.chars_counted)} characters{placed}"
    )


def coverage_text(rows: Sequence[SourceCoverage], uncovered: bool = False) -> str:
    """`argmap sources --coverage`: a line per source; with `uncovered`, its unquoted
    sentences beneath, each as `  LINE: TEXT`."""
    lines = []
    for c in rows:
        lines.append(coverage_line(c))
        if uncovered:
            lines += [f"  {s.line}: {' '.join(s.text.split())}" for s in c.uncovered]
    return "\n".join(lines)


def coverage_markdown(rows: Sequence[SourceCoverage], uncovered: bool = False) -> str:
    """A markdown table of the coverage; with `uncovered`, a list of each source's
    unquoted sentences under it."""
    from argmap.escape import md

    lines = [
        "| source | file | sentences quoted | characters quoted | ignored |",
        "|---|---|--:|--:|--:|",
    ]
    for c in rows:
        if not c.measured:
            lines.append(f"| {md(c.source)} | {md(c.file or '-')} | - | - | - |")
            continue
        lines.append(
            f"| {md(c.source)} | {md(c.file or '-')}"
            f" | {_share(c.sentences_quoted, c.sentences_counted)}"
            f" | {_share(c.chars_quoted, c.chars_counted)} | {c.sentences_ignored} |"
        )
    if uncovered:
        for c in rows:
            if c.measured:
                lines += ["", f"Not quoted in {md(c.source)}:", ""]
                lines += [f"- line {s.line}: {md(s.text)}" for s in c.uncovered] or ["- none"]
    return "\n".join(lines) + "\n"
