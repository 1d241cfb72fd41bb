"""argmap: argument maps kept as text in git.

The library is the product; the command line wraps it:

    >>> from argmap import load_map, validate_map
    >>> m = load_map("maps/example.yaml")
    >>> [d.format() for d in validate_map(m)]
"""

from __future__ import annotations

__version__ = "0.1.0"

from argmap.errors import ArgmapError, Diagnostic, Position, Severity  # noqa: E402
from argmap.evaluate import Acceptance, Evaluation, Score, Status, acceptance, evaluate  # noqa: E402
from argmap.load import load_map, loads_map  # noqa: E402
from argmap.model import ArgumentMap, Link, Node  # noqa: E402
from argmap.notebook import Map  # noqa: E402  (draws only when a notebook asks)
from argmap.validate import validate_map  # noqa: E402

__all__ = [
    "Acceptance",
    "ArgmapError",
    "ArgumentMap",
    "Diagnostic",
    "Evaluation",
    "Link",
    "Map",
    "Node",
    "Position",
    "Score",
    "Severity",
    "Status",
    "__version__",
    "acceptance",
    "evaluate",
    "load_map",
    "loads_map",
    "validate_map",
]
