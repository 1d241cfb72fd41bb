"""argmap: argument maps kept as text in git.

The library is the product; the command line wraps it. Everything a command does
is a function here:

    >>> import argmap
    >>> m = argmap.load_map("maps/example.yaml")
    >>> [d.format() for d in argmap.validate_map(m)]
    []
    >>> round(argmap.evaluate(m).nodes["build-plant"].strength, 2)
    0.64
"""

from __future__ import annotations

__version__ = "0.1.0"

from argmap.errors import (
    ArgmapError,
    Diagnostic,
    EvaluationError,
    FormatError,
    MapLoadError,
    Position,
    RenderError,
    Severity,
    UsageProblem,
)
from argmap.evaluate import (
    Acceptance,
    Evaluation,
    Score,
    Status,
    acceptance,
    evaluate,
    evaluation_json,
)
from argmap.files import map_files
from argmap.jobs import Job, plan
from argmap.load import load_map, loads_map
from argmap.model import Actor, ArgumentMap, Link, Node, Quote, Source
from argmap.quotes import SourceTexts
from argmap.summary import MapSummary, PathSummaries, summarise, summarise_paths
from argmap.validate import check_paths, load_valid_map, require_valid, validate_map

__all__ = [
    "Acceptance",
    "Actor",
    "ArgmapError",
    "ArgumentMap",
    "Diagnostic",
    "Evaluation",
    "EvaluationError",
    "FormatError",
    "Job",
    "Link",
    "MapLoadError",
    "MapSummary",
    "Node",
    "PathSummaries",
    "Position",
    "Quote",
    "RenderError",
    "Score",
    "Severity",
    "Source",
    "SourceTexts",
    "Status",
    "UsageProblem",
    "__version__",
    "acceptance",
    "check_paths",
    "evaluate",
    "evaluation_json",
    "load_map",
    "load_valid_map",
    "loads_map",
    "map_files",
    "plan",
    "require_valid",
    "summarise",
    "summarise_paths",
    "validate_map",
]
