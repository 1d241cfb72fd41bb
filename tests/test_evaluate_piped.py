"""`argmap evaluate` into a pipe or a file writes plain fixed columns (rich's layout
was nine tenths of its time at 1,000 nodes), and cuts no column short."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Invoke

MAP = """\
argmap: 1
title: Long ids
claims:
  the-administration-should-end-the-programme:
    text: The administration should end the programme.
    pro:
      - id: the-programme-harms-trust-between-police-and-residents
        text: It harms trust between police and residents.
        undercut:
          - id: trust-was-already-low-before-the-programme-began
            text: Trust was already low before it began.
"""


def test_piped_evaluate_keeps_every_column_whole(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(MAP, encoding="utf-8")
    out = invoke(["evaluate", path]).stdout.splitlines()
    links = out[out.index(next(line for line in out if line.startswith("link "))) :]
    assert links[0].split() == ["link", "from", "→", "to", "premise", "link", "strength", "status"]
    row = links[2].split()
    assert row[0] == "the-administration-should-end-the-programme.pro.1"
    assert row[-1] in {"stands", "falls", "undecided", "accepted", "rejected"}
    assert all(len(line) == len(line.rstrip()) for line in out)
