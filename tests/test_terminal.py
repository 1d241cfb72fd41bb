"""On a real terminal (a pseudo-terminal): colour, box drawing and the terminal's width.

The piped forms are pinned in test_cli_summary / test_cli_show; here argmap runs as a
subprocess whose stdout is a pty of a known size.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from .conftest import MAPS

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def run_on_terminal(args: list[str], columns: int, **env: str) -> str:
    """argmap's stdout when it is a terminal `columns` wide (stderr piped, discarded)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    environ.update(TERM="xterm-256color", **env)
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", *args],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        env=environ,
        cwd=MAPS,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert proc.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_summary_on_a_terminal_has_colour_box_drawing_and_the_terminal_width() -> None:
    out = run_on_terminal(["summary", "sides-and-refs.yaml", "--no-eval"], columns=120)
    assert ANSI.search(out)
    plain = ANSI.sub("", out)
    assert "─" * 60 in plain
    assert "Another claim that reuses the shared premise." in plain  # room for it on one line
    narrow = ANSI.sub("", run_on_terminal(["summary", "sides-and-refs.yaml", "--no-eval"], 50))
    assert max(len(line) for line in narrow.splitlines()) <= 50
    assert "Another claim that reuses the shared premise." not in narrow


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_no_color_keeps_the_layout_without_colour() -> None:
    out = run_on_terminal(["summary", "sides-and-refs.yaml", "--no-eval"], columns=90, NO_COLOR="1")
    assert not ANSI.search(out)
    assert "─" * 60 in out
    flag = run_on_terminal(["summary", "sides-and-refs.yaml", "--no-eval", "--no-color"], 90)
    assert not ANSI.search(flag)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_show_on_a_terminal_draws_tree_guides() -> None:
    out = ANSI.sub("", run_on_terminal(["show", "sides-and-refs.yaml", "main", "--no-eval"], 100))
    assert "├── + shared: A premise used twice." in out
    assert "└── − objection: An objection." in out


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_a_terminal_too_narrow_for_the_table_gets_one_block_per_claim() -> None:
    out = ANSI.sub("", run_on_terminal(["summary", "sides-and-refs.yaml", "--no-eval"], 30))
    assert [line.rstrip() for line in out.splitlines()[2:9]] == [
        "main",
        "The main claim.",
        "for: ana, cy",
        "against: cy, ben",
        "tags: core",
        "  pro 1/2 · con 1/3 · quotes",
        "  0% (0/5)",
    ]
    assert max(len(line.rstrip()) for line in out.splitlines()) <= 30


# Map text with terminal control sequences: clear the screen, set the window title. A map
# from someone else must not drive the reader's terminal.
HOSTILE = (
    "argmap: 1\ntitle: t\nclaims:\n"
    '  c:\n    text: "Plain \\e[2J words \\e]0;pwned\\a end."\n'
    '    con: ["Other \\e[8m hidden \\x9b31m text."]\n'
)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
@pytest.mark.parametrize(
    "args",
    [["summary", "{map}"], ["show", "{map}", "c"], ["diff", "{old}", "{map}"],
     ["diff", "{old}", "{map}", "--format", "markdown"]],
)  # fmt: skip
@pytest.mark.parametrize("env", [{}, {"NO_COLOR": "1"}])
def test_control_characters_in_map_text_never_reach_the_terminal(
    tmp_path: Path, args: list[str], env: dict[str, str]
) -> None:
    path, old = tmp_path / "map.yaml", tmp_path / "old.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    old.write_text("argmap: 1\ntitle: t\nclaims:\n  c: Plain words.\n", encoding="utf-8")
    argv = [a.format(map=path, old=old) for a in args]
    out = ANSI.sub("", run_on_terminal(argv, 100, **env))  # argmap's own colours aside
    assert "Plain" in out  # the text is shown, only its control characters dropped
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", out)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_at_60_columns_a_claim_reads_in_whole_lines_not_a_narrow_column() -> None:
    # Beside four columns of numbers a 60-column terminal leaves the text ~25 columns,
    # a few words a line: each claim becomes a block, its text the full width.
    example = str(MAPS.parent.parent / "maps" / "example.yaml")
    out = ANSI.sub("", run_on_terminal(["summary", example, "--eval"], 60))
    lines = [line.rstrip() for line in out.splitlines()]
    assert "The city should build a nuclear plant." in lines
    at = lines.index("  pro 2/3 · con 1/3 · strength 0.64 stands · fragile ·")
    assert lines[at + 1] == "  quotes 0% (0/6)"
