"""`argmap lsp`: diagnostics after a one-character change, measured in process.

What an editor waits for after a keystroke (once the debounce has passed): the
server loads and validates the new text and turns every finding into an LSP
diagnostic with its exact range. The baseline is what `argmap validate` does
with the same text in the same process (`loads_map` and `validate_map`), so the
ratio is the language server's own cost on top of the checks.

Two one-character changes are timed, each from the analysis of the text before it
(as the server keeps it), and each must take its quick path:
- retyping an actor id (`by: a1` -> `by: a3`): the claim it is in is read again and
  the whole map validated (`features.recheck`, argmap.incremental), with one error
  to place;
- typing a letter in a node's text: the quick path, which no check can see
  (`features.reanalyse`: the previous findings stand, only the node's text changes).

Targets (issue 19): 1,000 nodes in under 30 ms, 10,000 nodes in under 300 ms.
"""

from __future__ import annotations

from pathlib import Path

from argmap import loads_map, validate_map
from argmap.lsp.features import Analysis, analyse, diagnostics, reanalyse, recheck, split_lines
from benchmarks.generate import generate_map
from benchmarks.timing import Result, median_time

TARGETS = {1_000: 0.030, 10_000: 0.300}


def _retyped_id(text: str, after: int) -> int:
    """Where the first `by: a1` after `after` has its digit."""
    return text.index("by: a1", after) + len("by: a")


def run(workdir: Path) -> list[Result]:
    results = []
    for size, target in TARGETS.items():
        path = workdir / f"map-{size}.yaml"
        text = generate_map(size)
        before = analyse(text, str(path))
        uri = path.as_uri()
        repeats = 9 if size < 10_000 else 5
        # In the middle of the map, so that the claim read again is an ordinary one, neither
        # the first nor the last; and in a claim with a ref (every 40th claim has one, so
        # only the larger map has any), where the whole map is searched for a ref cycle
        # again (argmap.incremental leaves the search out after an edit to a claim without
        # a ref).
        places = {"retyping an id": _retyped_id(text, len(text) // 2)}
        ref = text.find("      - ref: ", len(text) // 2)
        if ref >= 0:
            claim = text.rindex("\n  c", 0, ref)
            places["retyping an id in a claim with a ref"] = _retyped_id(text, claim)
        base = 0.0
        for what, at in places.items():
            changed = text[:at] + "3" + text[at + 1 :]
            line = text.count("\n", 0, at)
            col = at - (text.rfind("\n", 0, at) + 1)

            def server(
                changed: str = changed,
                line: int = line,
                col: int = col,
                before: Analysis = before,
                uri: str = uri,
            ) -> None:
                found = recheck(before, changed, line, col, line, col + 1, "3")
                assert found is not None  # the quick path
                assert [(d.code, d.range.start.line) for d in diagnostics(found, uri)] == [
                    ("E106", line)
                ]

            def validate(changed: str = changed, path: Path = path) -> None:
                validate_map(loads_map(changed, str(path)))

            ours = median_time(server, repeats)
            base = base or median_time(validate, repeats)
            results.append(
                Result(
                    f"lsp diagnostics after {what}, {size:,} nodes",
                    ours,
                    "loads_map + validate_map, in process",
                    base,
                    f"< {target * 1000:.0f} ms",
                    ours < target,
                )
            )

        lines = split_lines(text)
        line = next(i for i, t in enumerate(lines) if t.lstrip(" -").startswith("text: Premise"))
        col = lines[line].index(" states")
        lines[line] = lines[line][:col] + "s" + lines[line][col:]
        typed = "\n".join(lines)

        def typing(
            typed: str = typed,
            line: int = line,
            col: int = col,
            before: Analysis = before,
            uri: str = uri,
        ) -> None:
            found = reanalyse(before, typed, line, col, col, "s")
            assert found.diagnostics is before.diagnostics  # the quick path
            diagnostics(found, uri)

        ours = median_time(typing, repeats)
        results.append(
            Result(
                f"lsp diagnostics after typing in a text, {size:,} nodes",
                ours,
                "loads_map + validate_map, in process",
                base,
                f"< {target * 1000:.0f} ms",
                ours < target,
            )
        )
    return results
