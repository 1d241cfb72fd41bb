"""Generated maps of a given size, for benchmarks and scale tests.

Shape: claims with three pro and three con premises each, premises nested up
to three levels, a ref every 40 nodes, an undercut every 25, tags on a third,
actors on all — roughly what a large real map looks like. With `quotes`, every
other premise quotes a sentence of one generated source text (`generate_source`),
as a real map quotes its article: the S-Comm map has 72 quotes in 100 nodes.
"""

from __future__ import annotations

import random

SOURCE_FILE = "generated-source.txt"


def _quoted(count: int) -> str:
    """The phrase premise `count` quotes; the source says it (in other words around it)."""
    return f"reason {count} holds because the record of case {count * 7} shows it"


def generate_source(nodes: int, *, seed: int = 1) -> str:
    """The text the quotes of `generate_map(nodes, quotes=True)` are taken from: each quoted
    phrase once, in shuffled order, between sentences nobody quotes."""
    rnd = random.Random(seed)
    quoted = [n for n in range(1, nodes + 1) if n % 2 == 0]
    rnd.shuffle(quoted)
    lines = []
    for n in quoted:
        lines.append(
            f"The witness said that {_quoted(n)}. The department did not reply"
            f" to questions about file {n}."
        )
    return "\n".join(lines) + "\n"


def generate_map(nodes: int, *, seed: int = 1, cycles: bool = False, quotes: bool = False) -> str:
    """YAML text of a valid map with `nodes` nodes (claims plus premises; at most one more).

    With `cycles`, every tenth claim also attacks the claim before it through a
    ref, and the map sets `allow-cycles: true`. With `quotes`, every other premise
    quotes the source in SOURCE_FILE beside the map (write `generate_source(nodes)`
    there).
    """
    rnd = random.Random(seed)
    lines = [
        "argmap: 1",
        f"title: Generated map of {nodes} nodes",
    ]
    if cycles:
        lines.append("allow-cycles: true")
    if quotes:
        lines += [
            "sources:",
            f"  gen: {{title: The generated record, file: {SOURCE_FILE}}}",
        ]
    lines += [
        "actors:",
        "  a1: {name: Actor One, role: Tester}",
        "  a2: {name: Actor Two, kind: organisation}",
        "claims:",
    ]
    count = 0
    premise_ids: list[str] = []

    def premise(indent: int, depth: int) -> list[str]:
        nonlocal count
        count += 1
        pad = " " * indent
        pid = f"p{count}"
        out = [
            f"{pad}- id: {pid}",
            f"{pad}  text: Premise {count} states a fairly ordinary reason about the question.",
            f"{pad}  by: a{1 + count % 2}",
        ]
        if count % 3 == 0:
            out.append(f"{pad}  tags: [t{count % 7}, generated]")
        if quotes and count % 2 == 0:
            out.append(f'{pad}  quote: {{source: gen, text: "{_quoted(count)}"}}')
        if count % 25 == 0 and count < nodes:
            count += 1
            out += [
                f"{pad}  undercut:",
                f"{pad}    - text: Undercut {count} doubts that this reason bears on its parent.",
                f"{pad}      by: a2",
            ]
        if depth < 3 and count < nodes:
            for kind in ("pro", "con"):
                sub: list[str] = []
                for _ in range(rnd.randint(0, 2)):
                    if count >= nodes:
                        break
                    sub += premise(indent + 4, depth + 1)
                if sub:
                    out.append(f"{pad}  {kind}:")
                    out += sub
        premise_ids.append(pid)
        return out

    claim_number = 0
    while count < nodes - 1:  # room for the claim and at least one con
        claim_number += 1
        count += 1
        lines.append(f"  c{claim_number}:")
        lines.append(
            f"    text: Claim {claim_number} is a contested point of the generated debate."
        )
        for kind in ("con", "pro"):  # con first: every claim is contested
            sub: list[str] = []
            for _ in range(3):
                if count >= nodes:
                    break
                sub += premise(6, 1)
            if kind == "con" and premise_ids and claim_number % 40 == 0:
                sub.append(f"      - ref: {premise_ids[len(premise_ids) // 2]}")
            if kind == "con" and cycles and claim_number > 1 and claim_number % 10 == 0:
                sub.append(f"      - ref: c{claim_number - 1}")
            if kind == "con" and cycles and claim_number % 10 == 9:
                sub.append(f"      - ref: c{claim_number + 1}")
            if sub:
                lines.append(f"    {kind}:")
                lines += sub
    while count < nodes:  # top up to the exact size
        count += 1
        lines += [f"  extra{count}:", f"    text: Extra claim {count}.", "    con:"]
        lines += ["      - text: An objection to the extra claim."]
        count += 1
    return "\n".join(lines) + "\n"
