"""Errors and diagnostics: the one vocabulary every module uses to say what went wrong.

Core modules raise `ArgmapError` (or a subclass) for failures that stop a
command, and return `Diagnostic` lists for findings in a map's content. Only
`cli` turns either into text and exit codes.

Code ranges (stable; listed in the README):
  E0xx  reading the file: encoding, YAML syntax, format version, size and depth
  E1xx  the map's structure: fields, types, ids, refs, cycles
  W2xx  warnings: things a careful author would fix
  I3xx  information: things argmap could not check
  E4xx  rendering
  E5xx  evaluation
  E6xx  foreign formats (import and export)
  E7xx  the workflow: diff, init, output files
"""

from __future__ import annotations

import enum
from typing import NamedTuple

import attrs


class ExitStatus(enum.IntEnum):
    OK = 0
    FAILED = 1  # the map is invalid, or any other failure argmap reports
    USAGE = 2  # click's usage errors


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


class Position(NamedTuple):
    """Where something stands in a file; line and column are 1-based (0: the whole file).

    A named tuple rather than an attrs class: the loader makes one for every
    node and field, and tuples are several times cheaper to build.
    """

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


@attrs.frozen
class Diagnostic:
    """One finding about a map, pointing at the place it concerns."""

    code: str
    severity: Severity
    message: str
    position: Position

    def sort_key(self) -> tuple[str, int, int, int, str]:
        p = self.position
        return (p.file, p.line, p.column, self.severity.rank, self.code)

    def format(self) -> str:
        """The one-line text form: `FILE:LINE:COL: severity: MESSAGE [CODE]`."""
        return f"{self.position}: {self.severity.value}: {self.message} [{self.code}]"


def error(code: str, message: str, position: Position) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, message, position)


def warning(code: str, message: str, position: Position) -> Diagnostic:
    return Diagnostic(code, Severity.WARNING, message, position)


def info(code: str, message: str, position: Position) -> Diagnostic:
    return Diagnostic(code, Severity.INFO, message, position)


class ArgmapError(Exception):
    """A failure argmap reports to the user in one line, with a stable code.

    `position` is optional: some failures (a missing renderer) have no place in
    a file.
    """

    def __init__(self, code: str, message: str, position: Position | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.position = position

    def format(self) -> str:
        where = f"{self.position}: " if self.position else ""
        return f"{where}error: {self.message} [{self.code}]"

    def as_diagnostic(
        self, severity: Severity = Severity.ERROR, where: Position | None = None
    ) -> Diagnostic:
        """The same finding as a Diagnostic (at `where` if the error has no position)."""
        return Diagnostic(self.code, severity, self.message, self.position or where or Position(""))


class MapLoadError(ArgmapError):
    """The file could not be turned into a map; carries every diagnostic found.

    The message is the first diagnostic's, followed by `note` if given (such as how many
    more there are): context is given when the error is raised, never patched in later.
    """

    def __init__(self, diagnostics: list[Diagnostic], note: str = "") -> None:
        first = diagnostics[0]
        super().__init__(first.code, first.message + note, first.position)
        self.diagnostics = diagnostics


class NotAMapError(MapLoadError):
    """The file is YAML but not an argument map at all: a list, or a mapping with neither
    `argmap` nor `claims` (a CI workflow, a config file). A directory walk skips it."""


class UsageProblem(ArgmapError):
    """The command line asks for something that cannot be done (the CLI exits 2, as for
    click's own usage errors): `-o -` for a folder of maps, say."""

    def __init__(self, message: str) -> None:
        super().__init__("usage", message)


def no_map_files(directory: str, note: str = "") -> Diagnostic:
    """E001 for a directory with no map under it: the one wording every command uses."""
    return error(
        "E001", f"no map files (*.yaml, *.yml) in this directory{note}", Position(directory)
    )


class RenderError(ArgmapError):
    """Graphviz is missing, lacks a format, or failed."""


class FormatError(ArgmapError):
    """A foreign file (Argdown, AIF, Kialo, JSON) could not be read or written."""


class EvaluationError(ArgmapError):
    """Evaluation could not produce trustworthy numbers."""
