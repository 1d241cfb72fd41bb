"""Rich renderables for the terminal: tables, trees, captions. Builds; never prints.

Map text is always passed through `text()` (or `rich.markup.escape`), never
read as rich markup: a premise containing `satisfy[ing]` must print as written.

Sections below belong to the commands that use them.
"""

from __future__ import annotations

from rich.text import Text


def text(value: str, style: str = "") -> Text:
    """Map text as a rich Text, with no markup interpretation."""
    return Text(value, style=style)
