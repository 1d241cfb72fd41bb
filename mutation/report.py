"""Per-module mutation scores from the last `mutmut run` (its mutants/*.meta files).

Score = killed / (killed + survived + timeouts counted as killed are kept apart), over
the mutants not listed in mutation/equivalent.txt. `no tests` mutants sit on lines no
test reaches and count as survivors: a line nothing checks is a line a bug can hide on.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

MUTANTS = Path("mutants")
EQUIVALENT = Path(__file__).with_name("equivalent.txt")
KILLED = {1, 3, 37}  # a failing test, an internal pytest error, the type checker
TIMEOUT = {36, -24, 24, 152, 255}
SURVIVED = {0, 5, 33}  # no test failed; or no test covers the line at all


def equivalent_mutants(path: Path = EQUIVALENT) -> set[str]:
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            names.add(line.split()[0])
    return names


def module_scores(root: Path = MUTANTS) -> dict[str, Counter[str]]:
    skip = equivalent_mutants()
    scores: dict[str, Counter[str]] = {}
    for meta in sorted(root.rglob("*.py.meta")):
        module = str(meta.relative_to(root)).removesuffix(".meta")
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        tally: Counter[str] = Counter()
        for name, code in codes.items():
            if name in skip:
                tally["equivalent"] += 1
            elif code in KILLED:
                tally["killed"] += 1
            elif code in TIMEOUT:
                tally["timeout"] += 1
            elif code in SURVIVED:
                tally["survived"] += 1
            elif code is None:
                tally["not checked"] += 1
            else:
                tally["other"] += 1
        scores[module] = tally
    return scores


def known_mutants(root: Path = MUTANTS) -> set[str]:
    names: set[str] = set()
    for meta in root.rglob("*.py.meta"):
        names |= set(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return names


def main() -> int:
    if not MUTANTS.is_dir():
        print("no mutants/ folder: run `make mutate` first", file=sys.stderr)
        return 1
    # Mutants are numbered within their function: an edit renumbers them, so a stale
    # line in equivalent.txt must be read again rather than silently excuse another mutant.
    for stale in sorted(equivalent_mutants() - known_mutants()):
        print(f"mutation/equivalent.txt: {stale} no longer exists: read it again", file=sys.stderr)
    print(f"{'module':32} {'killed':>7} {'survived':>9} {'timeout':>8} {'equiv.':>7} {'score':>6}")
    for module, t in module_scores().items():
        judged = t["killed"] + t["timeout"] + t["survived"]
        if not judged and not t["not checked"]:
            continue
        score = f"{100 * (t['killed'] + t['timeout']) / judged:.0f}%" if judged else "-"
        print(
            f"{module:32} {t['killed']:>7} {t['survived']:>9} {t['timeout']:>8}"
            f" {t['equivalent']:>7} {score:>6}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
