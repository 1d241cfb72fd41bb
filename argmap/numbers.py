"""How numbers are written into JSON: the one rounding rule of every command."""

from __future__ import annotations

JSON_PLACES = 6
"""Strengths, scores and shares in JSON carry six decimal places: enough for every
figure argmap computes, without float noise such as 0.35078125000000004."""


def json_number(value: float | None) -> float | None:
    """`value` rounded to JSON_PLACES (None stays None; -0.0 becomes 0.0)."""
    if value is None:
        return None
    return round(value, JSON_PLACES) + 0.0
