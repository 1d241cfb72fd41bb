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


# ---------------------------------------------------------------------------
# argmap diff: the text format, coloured by each line's mark.

_DIFF_STYLES = {"+": "green", "-": "red", "~": "yellow", ">": "cyan"}


def diff_text(plain: str) -> Text:
    """`argmap diff`'s text output with added lines green, removed red, changed yellow."""
    out = Text()
    for line in plain.splitlines():
        mark = line.lstrip()[:1]
        if line.startswith(("---", "+++")):
            style = "bold"
        elif line.startswith("  "):
            style = _DIFF_STYLES.get(mark, "")
        elif line.endswith(":"):
            style = "bold"
        else:
            style = ""
        out.append(line + "\n", style=style)
    out.rstrip()
    return out
