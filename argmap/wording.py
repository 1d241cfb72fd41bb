"""The words argmap prints for what evaluation computed, defined once.

The grounded labelling is a fact about the map as written, not about the world:
a claim *stands* when every objection recorded in the map is itself answered, and
*falls* when an objection recorded in the map stands unanswered. Diagrams, tables,
the report and the README use these words; JSON keeps the literature's names
`in` / `out` / `undecided`. Never "accepted", "rejected", "true" or "false": a
reader takes those as a verdict on the claim itself.
"""

from __future__ import annotations

# Grounded label (JSON name) -> the word shown to readers.
STATUS_WORD = {"in": "stands", "out": "falls", "undecided": "undecided"}

# What each word means, for keys, captions, tooltips and the README.
STATUS_MEANING = {
    "in": "every objection recorded in the map is answered",
    "out": "an objection recorded in the map stands unanswered",
    "undecided": "its objections go round in a cycle the map does not settle",
}

# The caption every diagram, table and page carries when it shows scores.
SCORES_CAVEAT = (
    "computed from the map as drawn, with default base scores where none is given; "
    "not a judgement of the sources or of truth"
)

# A node with no objection at all (no `con` link) stands by default: it is "unopposed",
# never a plain "stands" that reads as "true". Leaf premises are all unopposed.
UNOPPOSED_WORD = "unopposed"
UNOPPOSED_MEANING = (
    "nothing in the map objects to it, so it stands by default; that says nothing about"
    " whether it is true"
)

# Robustness of a verdict (argmap/explain.py computes it).
ROBUST_WORD = {True: "robust", False: "fragile"}
ROBUST_MEANING = {
    True: "keeps its status and its side of 0.5 when every base score moves by ±0.2"
    " and without the map's reconstructed (implicit) premises",
    False: "changes its status or leaves its side of 0.5 when base scores move by ±0.2 or"
    " without the map's reconstructed (implicit) premises",
}


def status_word(status: str, unopposed: bool = False) -> str:
    """The word for a grounded label (`in` / `out` / `undecided`); `unopposed` for a node
    that stands only because nothing objects to it."""
    if status == "in" and unopposed:
        return UNOPPOSED_WORD
    return STATUS_WORD[status]


def counted(count: int, word: str) -> str:
    """`1 claim`, `0 claims`, `3 claims`: a count with its noun."""
    return f"{count} {word}" + ("" if count == 1 else "s")


def objections(count: int) -> str:
    return counted(count, "objection")


def disagreement(
    strength: float, status: str, unanswered: int, unopposed: bool = False, short: bool = False
) -> str | None:
    """Plain words for a strength on the other side of 0.5 from what the status says, or
    None when they agree: "falls: 1 objection unanswered", "stands: objections answered,
    score below 0.5"; `short` for table cells ("falls, 1 unanswered"). An unopposed node
    with a low base score does not disagree: nothing says it stands on its merits."""
    if status == "out" and strength > 0.5:
        if short:
            return f"falls, {unanswered} unanswered" if unanswered else "falls, induced attack"
        if unanswered:
            return f"falls: {objections(unanswered)} unanswered"
        return "falls: an attack its support reading adds stands unanswered"
    if status == "in" and strength < 0.5 and not unopposed:
        return "stands, score < 0.5" if short else "stands: objections answered, score below 0.5"
    return None


def verdict_text(
    strength: float, status: str, unanswered: int, unopposed: bool, digits: int = 2
) -> str:
    """One badge that never contradicts itself: "stands 0.72", "unopposed 0.50", and where
    strength and status disagree the strength first, then why: "0.72 · falls: 1 objection
    unanswered"."""
    number = f"{strength:.{digits}f}"
    why = disagreement(strength, status, unanswered, unopposed)
    if why is not None:
        return f"{number} · {why}"
    return f"{status_word(status, unopposed)} {number}"
