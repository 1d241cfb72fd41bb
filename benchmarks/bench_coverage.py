"""Source coverage speed: cutting a 200 kB source into sentences and placing quotes.

pysbd slows with the square of a paragraph's length, so argmap cuts long
paragraphs first; the case that needs it is one 200 kB line (it took over two
minutes uncut). The baseline is the same text in 2,000-character lines, pysbd's
comfortable size: cutting should keep the one-line case near it.
"""

from __future__ import annotations

from pathlib import Path

from argmap.coverage import measure, split_sentences
from benchmarks.timing import Result, median_time

CHUNK = "The U.S. said no. Prices rose to $9.95 a month. J. R. Smith left. "


def run(workdir: Path) -> list[Result]:
    one_line = CHUNK * 3000  # 198,000 characters
    lines = "\n".join(one_line[i : i + 1980] for i in range(0, len(one_line), 1980))
    baseline = median_time(lambda: split_sentences(lines), repeats=3)
    seconds = median_time(lambda: split_sentences(one_line), repeats=3)
    quotes = [f"Prices rose to $9.95 a month. J. R. Smith {n}" for n in range(50)]
    quotes += ["The U.S. said no."] * 50
    placed = median_time(lambda: measure("s", None, one_line, quotes), repeats=3)
    return [
        Result(
            "coverage: split a 198 kB one-line source",
            seconds,
            "the same text in 2 kB lines",
            baseline,
            "< 1.5x",
            seconds < 1.5 * baseline,
        ),
        Result(
            "coverage: measure it with 100 quotes",
            placed,
            "splitting alone",
            seconds,
            "< 2x",
            placed < 2 * seconds,
        ),
    ]
