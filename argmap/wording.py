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
