"""Diagnostics in the machine formats CI systems read: JSON, GitHub annotations, SARIF 2.1.0."""

from __future__ import annotations

import json
import os
import re
import urllib.parse
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from argmap import __version__
from argmap.codes import CODES
from argmap.errors import Diagnostic, Severity
from argmap.escape import terminal_line
from argmap.files import display_path
from argmap.wording import counted

HOMEPAGE = "https://github.com/argmap/argmap"


def counts(diagnostics: Sequence[Diagnostic]) -> dict[str, int]:
    c = Counter(d.severity.value for d in diagnostics)
    return {"error": c["error"], "warning": c["warning"], "info": c["info"]}


def count_line(diagnostics: Sequence[Diagnostic], files: int) -> str:
    """The closing line of text output: `3 errors, 1 warning, 0 infos in 2 files`."""
    c = counts(diagnostics)
    return (
        f"{counted(c['error'], 'error')}, {counted(c['warning'], 'warning')}, "
        f"{counted(c['info'], 'info')} in {counted(files, 'file')}"
    )


def diagnostic_dict(d: Diagnostic) -> dict[str, Any]:
    return {
        "code": d.code,
        "severity": d.severity.value,
        "message": display_path(d.message),
        "file": display_path(d.position.file),
        "line": d.position.line,
        "column": d.position.column,
    }


def to_json(results: dict[str, list[Diagnostic]], *, strict: bool) -> str:
    """`{"valid", "strict", "counts", "files": [{"path", "valid", "diagnostics": [...]}]}`."""
    every = [d for ds in results.values() for d in ds]
    files = [
        {
            "path": display_path(path),
            "valid": not _fails(ds, strict),
            "diagnostics": [diagnostic_dict(d) for d in ds],
        }
        for path, ds in results.items()
    ]
    doc = {
        "valid": not _fails(every, strict),
        "strict": strict,
        "counts": counts(every),
        "files": files,
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)


def _fails(diagnostics: Sequence[Diagnostic], strict: bool) -> bool:
    bad = {Severity.ERROR, Severity.WARNING} if strict else {Severity.ERROR}
    return any(d.severity in bad for d in diagnostics)


# GitHub workflow commands: the message escapes %, CR and LF; properties also ':' and ','.
def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def to_github(diagnostics: Sequence[Diagnostic], files: int) -> str:
    """One `::error file=...,line=...,col=...,title=...::message` line each, then a summary.

    GitHub shows only the first 10 annotations of each severity per step, so the
    last line states the full count.
    """
    lines = []
    for d in diagnostics:
        props = [f"file={_escape_property(d.position.file)}"]
        if d.position.line > 0:
            props += [f"line={d.position.line}", f"col={d.position.column}"]
        props.append(f"title={_escape_property(f'argmap {d.code}')}")
        line = f"::{_GITHUB_LEVEL[d.severity]} {','.join(props)}::{_escape_data(d.message)}"
        lines.append(terminal_line(line))  # nothing in a CI log may act as an escape
    lines.append(f"argmap: {count_line(diagnostics, files)}")
    return "\n".join(lines)


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _artifact_uri(file: str) -> str:
    """A relative URI (forward slashes, percent-encoded) when the file is under the working
    directory, else a file: URI. SARIF requires a valid URI reference: a space, `%` or `#`
    in a file name must be escaped, and a `:` would read as a URI scheme."""
    try:
        rel = os.path.relpath(file)
    except ValueError:
        rel = file
    if rel.startswith("..") or os.path.isabs(rel):
        return Path(os.path.abspath(file)).as_uri()
    # bytes, not text: a file name that is not UTF-8 is percent-encoded as it is on disk
    return urllib.parse.quote(os.fsencode(Path(rel).as_posix()), safe="/")


def _rule_name(description: str) -> str:
    """SARIF's rule `name` is an identifier: `unused actor` becomes UnusedActor."""
    return "".join(word.capitalize() for word in re.findall(r"[A-Za-z0-9]+", description))


def to_sarif(diagnostics: Sequence[Diagnostic]) -> str:
    """A SARIF 2.1.0 log that GitHub code scanning accepts."""
    used = sorted({d.code for d in diagnostics})
    rule_index = {code: i for i, code in enumerate(used)}
    rules = [
        {
            "id": code,
            "name": _rule_name(CODES.get(code, code)),
            "shortDescription": {"text": CODES.get(code, code)},
            "helpUri": f"{HOMEPAGE}#diagnostic-codes",
        }
        for code in used
    ]
    results = []
    for d in diagnostics:
        physical: dict[str, Any] = {"artifactLocation": {"uri": _artifact_uri(d.position.file)}}
        if d.position.line > 0:
            physical["region"] = {
                "startLine": d.position.line,
                "startColumn": max(d.position.column, 1),
            }
        results.append(
            {
                "ruleId": d.code,
                "ruleIndex": rule_index[d.code],
                "level": _SARIF_LEVEL[d.severity],
                "message": {"text": display_path(d.message)},
                "locations": [{"physicalLocation": physical}],
            }
        )
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "argmap",
                        "version": __version__,
                        "informationUri": HOMEPAGE,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False)
