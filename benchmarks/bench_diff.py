"""Diff speed: two versions of a 20,000-node map whose premises all have path ids,
the new one with about 1% premises inserted (shifting their siblings' ids) and 1%
reworded, so every matching pass has work to do.

The baseline is loading both versions in the same run: a diff should cost about
as much as reading what it compares.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from argmap import loads_map
from argmap.diff import diff_maps
from benchmarks.generate import generate_map
from benchmarks.timing import Result, median_time


def path_id_versions(nodes: int, seed: int = 3) -> tuple[str, str]:
    """A generated map with every `id:` and `ref` removed, and an edited copy."""
    lines: list[str] = []
    indent: str | None = None
    for line in generate_map(nodes).splitlines():
        found = re.match(r"^(\s*)- id: \S+$", line)
        if found:
            indent = found.group(1)
            continue
        if indent is not None:
            line, indent = f"{indent}- {line.strip()}", None
        if "ref:" not in line:
            lines.append(line)
    rnd = random.Random(seed)
    edited: list[str] = []
    for n, line in enumerate(lines):
        item = re.match(r"^(\s*)- text: ", line)
        if item and rnd.random() < 0.01:
            edited.append(f"{item.group(1)}- text: An inserted premise, number {n}.")
        if item and rnd.random() < 0.01:
            line = line.replace("fairly", "rather")
        edited.append(line)
    return "\n".join(lines) + "\n", "\n".join(edited) + "\n"


def run(workdir: Path) -> list[Result]:
    old_text, new_text = path_id_versions(20_000)

    def load_both() -> tuple[object, object]:
        return loads_map(old_text, "old.yaml"), loads_map(new_text, "new.yaml")

    old, new = loads_map(old_text, "old.yaml"), loads_map(new_text, "new.yaml")
    load = median_time(load_both, repeats=3)
    seconds = median_time(lambda: diff_maps(old, new, evaluate=False), repeats=3)
    counts = diff_maps(old, new, evaluate=False).counts()
    with_eval = median_time(lambda: diff_maps(old, new), repeats=3)
    return [
        Result(
            f"diff 20k-node path-id maps ({counts['added']} added,"
            f" {counts['reworded']} reworded; no eval)",
            seconds,
            "load both maps",
            load,
            "< 2x",
            seconds < 2 * load,
        ),
        Result(
            "diff 20k-node path-id maps, with strength and status",
            with_eval,
            "load both maps",
            load,
            "-",
            None,
        ),
    ]
