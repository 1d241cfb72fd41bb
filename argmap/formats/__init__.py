"""Converting maps to and from other tools' formats.

One module per format. Each exporter is `export(m: ArgumentMap) -> Exported`
(the text, plus a warning for everything the format cannot hold); each
importer is `read(text, path) -> Draft` (the neutral structure of
`argmap.formats.draft`), which `yaml_writer.write_map` turns into map YAML.
"""

from __future__ import annotations

import importlib
import json as _json
import os
from collections.abc import Collection
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs

from argmap.errors import Diagnostic, FormatError, MapLoadError, Position, warning
from argmap.load import MAX_FILE_BYTES, loads_map, read_map_text
from argmap.model import ArgumentMap
from argmap.validate import validate_map

EXPORT_FORMATS = ("argdown", "aif", "json", "kialo", "graphml")
IMPORT_FORMATS = ("argdown", "aif", "json", "kialo")
# The module of each format (`json` would shadow nothing, but says what it is).
_MODULES = {
    "argdown": "argdown",
    "aif": "aif",
    "json": "json",
    "kialo": "kialo",
    "graphml": "graphml",
}
MAX_IMPORT_BYTES = 10 * MAX_FILE_BYTES
"""Larger files are not imported (E003). What argmap writes for the largest map it reads
(32 MiB) fits: for maps of short texts, the worst case, its AIF is about six times the map
file (eight and a half pretty-printed with `--indent 2`), its JSON three (five)."""
_SUFFIXES = {".argdown": "argdown", ".ad": "argdown", ".txt": "kialo", ".kialo": "kialo"}


def left_out(obj: Any, carried: Collection[str]) -> list[str]:
    """The map-file keys of the fields `obj` (a model object) sets that a format does not
    carry, in the vocabulary's order: what an exporter must warn about. A field added to the
    vocabulary is warned about by every exporter until it learns to carry it."""
    return [key for key in obj.as_data() if key not in carried]


@attrs.frozen
class Exported:
    """A map in another format, and what that format could not hold."""

    text: str
    warnings: tuple[Diagnostic, ...] = ()


class Losses:
    """What an export leaves out, as warnings: every item named, one line per kind.

    One item of a kind: `Kialo has no place for tags of node build-plant: left out`.
    Several: `Kialo has no place for tags: left out of 3 nodes: a, b, c` (in file order,
    pointing at the first), so that a map with many premises gives a few lines, not hundreds.
    `field=None` means the whole item is left out (`...for undercuts: 2 left out: ...`).
    """

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self._kinds: dict[tuple[str, str | None, str], list[tuple[str, Position]]] = {}
        self._others: list[Diagnostic] = []

    def add(
        self,
        field: str | None,
        item: str,
        position: Position,
        *,
        noun: str = "node",
        code: str = "W601",
    ) -> None:
        self._kinds.setdefault((code, field, noun), []).append((item, position))

    def other(self, diagnostic: Diagnostic) -> None:
        """A warning that is not about something left out (W603: text changed)."""
        self._others.append(diagnostic)

    def warnings(self) -> tuple[Diagnostic, ...]:
        found = list(self._others)
        for (code, field, noun), items in self._kinds.items():
            items = sorted(items, key=lambda ip: (ip[1].line, ip[1].column))  # file order
            first = items[0][1]
            names = ", ".join(i for i, _p in items)
            if noun == "map":
                message = f"{self.fmt} has no place for the map's {field}: left out"
            elif len(items) == 1 and field is None:
                message = f"{self.fmt} has no place for {noun} {names}: left out"
            elif len(items) == 1:
                message = f"{self.fmt} has no place for {field} of {noun} {names}: left out"
            elif field is None:
                message = f"{self.fmt} has no place for {noun}s: {len(items)} left out: {names}"
            else:
                message = (
                    f"{self.fmt} has no place for {field}: left out of {len(items)} {noun}s:"
                    f" {names}"
                )
            found.append(warning(code, message, first))
        return tuple(sorted(found, key=Diagnostic.sort_key))


@attrs.frozen
class Imported:
    """Map YAML made from a foreign file, the map it loads as, and what was left out."""

    text: str
    map: ArgumentMap
    warnings: tuple[Diagnostic, ...] = ()


def _module(fmt: str) -> ModuleType:
    if fmt not in _MODULES:
        raise FormatError("E606", f"unknown format {fmt!r}")
    return importlib.import_module(f"argmap.formats.{_MODULES[fmt]}")


JSON_FORMATS = ("aif", "json")
"""The formats whose text is JSON: compact unless an indent is asked for."""


def export_map(
    m: ArgumentMap, fmt: str, *, timestamp: str | None = None, indent: int | None = None
) -> Exported:
    """`m` as text in `fmt` (one of EXPORT_FORMATS). `timestamp`: the time AIF stamps on
    its nodes ("YYYY-MM-DD HH:MM:SS"; default the epoch); the other formats have none.
    `indent` pretty-prints JSON_FORMATS (the others have one layout, and take none)."""
    if fmt not in EXPORT_FORMATS:
        raise FormatError(
            "E606", f"cannot export to {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}"
        )
    module = _module(fmt)
    options: dict[str, Any] = {}
    if fmt in JSON_FORMATS:
        options["indent"] = indent
    if fmt == "aif" and timestamp is not None:
        options["timestamp"] = timestamp
    exported: Exported = module.export(m, **options)
    return exported


def import_text(
    text: str, fmt: str, path: str = "<string>", output: str = "imported.yaml"
) -> Imported:
    """Read `text` (the contents of `path`, in `fmt`) and build a valid map from it.

    FormatError (positioned, one line) if the text cannot be read; the map
    YAML is checked by loading and validating it before it is returned.
    """
    if fmt not in IMPORT_FORMATS:
        raise FormatError(
            "E606", f"cannot import from {fmt!r}: use one of {', '.join(IMPORT_FORMATS)}"
        )
    from argmap.formats.draft import tidy
    from argmap.formats.yaml_writer import write_map

    draft = _module(fmt).read(text, path)
    if not draft.nodes:
        raise FormatError(
            "E603",
            f"nothing to import: no statements found in this {fmt} file",
            Position(path, 1, 1),
        )
    if not draft.title.strip():
        draft.title = Path(path).stem or "Imported map"
    tidy(draft)
    yaml_text = write_map(draft)
    size = len(yaml_text.encode("utf-8"))
    if size > MAX_FILE_BYTES:
        raise FormatError(
            "E003",
            f"the map made from this file would be {size:,} bytes; maps are limited to"
            f" {MAX_FILE_BYTES:,} bytes: split the input",
            Position(path),
        )
    try:
        m = loads_map(yaml_text, output)
    except MapLoadError as exc:
        raise FormatError(
            "E605", f"the imported map does not load: {exc.format()}", Position(path)
        ) from None
    problems = [d for d in validate_map(m, check_quotes=False) if d.severity.value == "error"]
    if problems:
        raise FormatError(
            "E605", f"the imported map does not validate: {problems[0].format()}", Position(path)
        )
    return Imported(yaml_text, m, tuple(sorted(draft.warnings, key=Diagnostic.sort_key)))


def guess_format(path: str | os.PathLike[str], text: str) -> str:
    """The format of a file to import, from its suffix, or for JSON from its contents."""
    suffix = Path(path).suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if suffix == ".json":
        try:
            data = _json.loads(text)
        except (ValueError, RecursionError):
            return "aif"  # the AIF reader will say where (and how) the JSON is broken
        if isinstance(data, dict) and data.get("format") == "argmap":
            return "json"
        return "aif"
    raise FormatError(
        "E606",
        f"cannot tell the format of {path} from its name: give --from argdown|aif|json|kialo",
    )


def import_file(
    path: str | os.PathLike[str], fmt: str | None = None, output: str = "imported.yaml"
) -> Imported:
    """Read the file at `path` (format `fmt`, or guessed) and build a map from it."""
    text = read_map_text(path, MAX_IMPORT_BYTES)
    return import_text(text, fmt or guess_format(path, text), str(path), output)
