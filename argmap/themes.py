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
    status_fill: Mapping[str, str]
    status_badge: Mapping[str, str]  # badge background per status
    badge_text: Mapping[str, str]
    status_style: Mapping[str, str]  # extra node style per status ("diagonals" in print)
    context_text: str  # nodes shown only to give context (--focus)
    frame: str  # cluster borders


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
        status_fill={"accepted": "#e6f4ea", "rejected": "#fce8e6", "undecided": "#f1f3f4"},
        status_badge={"accepted": "#2e7d32", "rejected": "#c62828", "undecided": "#5f6368"},
        badge_text={"accepted": "white", "rejected": "white", "undecided": "white"},
        status_style={},
        context_text="#80868b",
        frame="#bdc1c6",
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
        status_fill={"accepted": "#1f3a27", "rejected": "#4a2523", "undecided": "#2f3136"},
        status_badge={"accepted": "#81c995", "rejected": "#f28b82", "undecided": "#9aa0a6"},
        badge_text={"accepted": "#1e1f22", "rejected": "#1e1f22", "undecided": "#1e1f22"},
        status_style={},
        context_text="#7d8187",
        frame="#5f6368",
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
        status_fill={"accepted": "white", "rejected": "#e0e0e0", "undecided": "#f4f4f4"},
        status_badge={"accepted": "black", "rejected": "#6b6b6b", "undecided": "white"},
        badge_text={"accepted": "white", "rejected": "white", "undecided": "black"},
        status_style={"rejected": "diagonals"},
        context_text="#707070",
        frame="#909090",
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
