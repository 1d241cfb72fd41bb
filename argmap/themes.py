"""How a diagram looks: the colour themes, and the options of one drawing."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

DIRECTIONS = ("TB", "LR", "BT", "RL")


@attrs.frozen
class Theme:
    name: str
    background: str
    text: str
    muted: str  # the small line under a node's text
    border: str
    claim_fill: str
    premise_fill: str
    pro: str
    con: str
    undercut: str
    con_style: str  # "solid", or "bold" where colour alone must not carry the difference
    # Per grounded label (in, out, undecided), and "mixed" where strength and status disagree
    # (the badge says why in words, so that neither colour contradicts the other), and
    # "unopposed" (nothing objects to it: no tint that reads as a verdict).
    status_fill: Mapping[str, str]
    status_badge: Mapping[str, str]  # badge background per status
    badge_text: Mapping[str, str]
    status_style: Mapping[str, str]  # extra node style per status ("diagonals" in print)
    context_text: str  # nodes shown only to give context (--focus)
    frame: str  # cluster borders
    group_frame: str  # the border of a linked group's frame


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light",
        background="white",
        text="#1a1a1a",
        muted="#5f6368",
        border="#3c4043",
        claim_fill="#e8f0fe",
        premise_fill="white",
        pro="#2e7d32",
        con="#c62828",
        undercut="#c62828",
        con_style="solid",
        status_fill={
            "in": "#e6f4ea",
            "out": "#fce8e6",
            "undecided": "#f1f3f4",
            "mixed": "#fff4e0",
            "unopposed": "white",
        },
        status_badge={
            "in": "#2e7d32",
            "out": "#c62828",
            "undecided": "#5f6368",
            "mixed": "#8a5a00",
            "unopposed": "#80868b",
        },
        badge_text={
            "in": "white",
            "out": "white",
            "undecided": "white",
            "mixed": "white",
            "unopposed": "white",
        },
        status_style={},
        context_text="#80868b",
        frame="#bdc1c6",
        group_frame="#5f6368",
    ),
    "dark": Theme(
        name="dark",
        background="#1e1f22",
        text="#e8eaed",
        muted="#a8adb3",
        border="#9aa0a6",
        claim_fill="#263449",
        premise_fill="#2b2d31",
        pro="#81c995",
        con="#f28b82",
        undercut="#f28b82",
        con_style="solid",
        status_fill={
            "in": "#1f3a27",
            "out": "#4a2523",
            "undecided": "#2f3136",
            "mixed": "#3d3320",
            "unopposed": "#2b2d31",
        },
        status_badge={
            "in": "#81c995",
            "out": "#f28b82",
            "undecided": "#9aa0a6",
            "mixed": "#fdd663",
            "unopposed": "#9aa0a6",
        },
        badge_text={
            "in": "#1e1f22",
            "out": "#1e1f22",
            "undecided": "#1e1f22",
            "mixed": "#1e1f22",
            "unopposed": "#1e1f22",
        },
        status_style={},
        context_text="#7d8187",
        frame="#5f6368",
        group_frame="#bdc1c6",
    ),
    # Greyscale: the arrowheads (arrow, tee), the line styles (thin, bold,
    # dashed) and the node patterns carry every difference colour carries.
    "print": Theme(
        name="print",
        background="white",
        text="black",
        muted="#404040",
        border="black",
        claim_fill="#f0f0f0",
        premise_fill="white",
        pro="black",
        con="black",
        undercut="black",
        con_style="bold",
        status_fill={
            "in": "white",
            "out": "#e0e0e0",
            "undecided": "#f4f4f4",
            "mixed": "#f4f4f4",
            "unopposed": "white",
        },
        status_badge={
            "in": "black",
            "out": "#6b6b6b",
            "undecided": "white",
            "mixed": "white",
            "unopposed": "white",
        },
        badge_text={
            "in": "white",
            "out": "white",
            "undecided": "black",
            "mixed": "black",
            "unopposed": "black",
        },
        status_style={"out": "diagonals"},
        context_text="#707070",
        frame="#909090",
        group_frame="black",
    ),
}


@attrs.frozen
class RenderOptions:
    """How to draw a map. The defaults draw the whole map, top to bottom, with a legend."""

    direction: str = attrs.field(default="TB", validator=attrs.validators.in_(DIRECTIONS))
    theme: str = attrs.field(default="light", validator=attrs.validators.in_(tuple(THEMES)))
    legend: bool = True
    cluster: bool = False  # a frame around each claim and the premises written under it
    focus: str | None = None  # draw only this node, what bears on it, and its context
    depth: int | None = None  # how many links down from the focus (or the claims); None: all
    title: bool = True
