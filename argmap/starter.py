"""The starter map that `argmap init` writes: every common field, each with a comment.

The map is valid as written (`argmap validate --strict` passes), so a new
user can render and evaluate it at once and then replace it piece by piece.
"""

from __future__ import annotations

import os
from pathlib import Path

from argmap.errors import ArgmapError
from argmap.files import MAP_SUFFIXES, write_file
from argmap.model import SCHEMA_URL as SCHEMA_URL  # the published schema, for the modeline

DEFAULT_PATH = Path("maps") / "map.yaml"
"""Where `argmap init` writes with no PATH: maps live under `maps/`, where the
pre-commit hook and the CI example look for them."""


_STARTER = """\
# yaml-language-server: $schema={schema}
# An argument map: contested claims, and the premises for (pro) and against (con)
# them. Check it with `argmap validate --strict {path}`, draw it with
# `argmap render {path}`. The format is described in argmap's README.
argmap: 1
title: Should our team work a four-day week?   # what the map is about
description: A starter map written by `argmap init`. Replace it with your own.

# Who argues (optional). A premise names them with `by:`.
actors:
  alex: {{name: Alex, role: Team lead, kind: person}}
  sam: {{name: Sam, role: Customer support, kind: person}}

# Where quotes come from (optional). With `file:`, a plain-text copy of the
# source beside this map, argmap checks that every quote is in it.
# sources:
#   survey:
#     title: Staff survey, spring 2026
#     file: sources/survey.txt

claims:
  # A claim's key is its id: lower-case letters, digits, '.', '_' and '-'.
  four-day-week:
    text: Our team should work four days a week.
    pro:
      - id: rested                 # an id lets another part of the map `ref` it
        text: Rested people make fewer mistakes.
        by: alex
        weight: 0.6                # base score in [0, 1] for `argmap evaluate`; default 0.5
        note: Why the weight is 0.6, or anything else a reader should know.
        # quote: {{source: survey, text: "words copied exactly from the source"}}
    con:
      - id: weekday-answers
        text: Customers expect an answer on every weekday.
        by: sam
        undercut:                  # attacks the step from this premise to the claim
          - text: A rota can cover the fifth day, so answers need not stop.
            by: alex
      - Fewer hours leave less time for the backlog.   # a plain string is a premise too
  hire:
    text: We should hire another support person.
    pro:
      - ref: weekday-answers       # reuse a premise written elsewhere
    con:
      - text: Next year's budget is already fixed.
        implicit: true             # reconstructed by the map's author, not stated by anyone
"""


def starter_map(path: str | os.PathLike[str] = DEFAULT_PATH, schema: str = SCHEMA_URL) -> str:
    """The starter map's text, its comments naming `path` and its modeline pointing at `schema`."""
    return _STARTER.format(schema=schema, path=Path(path).as_posix())


def create_starter_map(
    path: str | os.PathLike[str] = DEFAULT_PATH, schema: str = SCHEMA_URL
) -> Path:
    """Write the starter map to `path` (a directory gets `map.yaml` in it); never overwrite.

    Returns the path written. Raises ArgmapError E704 if the file exists, E706
    if its name does not end in .yaml or .yml.
    """
    target = Path(path)
    if target.is_dir() or str(path).endswith(("/", os.sep)):
        target = target / DEFAULT_PATH.name
    if target.suffix not in MAP_SUFFIXES:
        raise ArgmapError(
            "E706", f"{target}: a map file's name ends in .yaml or .yml (argmap finds maps by it)"
        )
    if target.exists() or target.is_symlink():
        raise ArgmapError(
            "E704", f"{target} already exists; argmap init never overwrites (choose another PATH)"
        )
    write_file(target, starter_map(target, schema))
    return target
