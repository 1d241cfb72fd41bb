"""The maps a command line names: files, and every map under each folder named.

One rule for every command that takes a folder (validate, summary, render):
under a folder, a YAML file that is not an argument map at all (a CI workflow,
a config file) is skipped with an info line (I303); a file named on the command
line is always read as a map; a folder with no map in it is an error (E001).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import attrs

from argmap.errors import Diagnostic, MapLoadError, NotAMapError, Position, info, no_map_files
from argmap.files import display_path, walk_yaml
from argmap.load import load_map
from argmap.model import ArgumentMap


@attrs.frozen
class MapFile:
    """One file found: its map, or the diagnostics that say why there is none."""

    path: Path
    map: ArgumentMap | None
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def skipped(self) -> bool:
        """YAML under a folder that is not a map: not a failure."""
        return self.map is None and all(d.code == "I303" for d in self.diagnostics)


def skipped_note(path: str | os.PathLike[str]) -> Diagnostic:
    return info(
        "I303",
        "not an argmap map (no `argmap:` or `claims:` at the top): skipped",
        Position(display_path(path)),
    )


def read_maps(
    paths: Iterable[str | os.PathLike[str]],
    load: Callable[[Path], ArgumentMap] = load_map,
) -> Iterator[MapFile]:
    """Every file named and every map under each folder named, in order, loaded by `load`
    one at a time (a folder of large maps is never all in memory)."""
    for given in paths:
        folder = Path(given)
        walked = folder.is_dir()
        skipped = maps = 0
        for path in walk_yaml(folder) if walked else [folder]:
            try:
                loaded = MapFile(path, load(path))
            except NotAMapError as exc:
                reason = (skipped_note(path),) if walked else tuple(exc.diagnostics)
                loaded = MapFile(path, None, reason)
            except MapLoadError as exc:
                loaded = MapFile(path, None, tuple(exc.diagnostics))
            skipped += loaded.skipped
            maps += not loaded.skipped
            yield loaded
        if walked and not maps:
            others = {0: "", 1: " (1 YAML file, not a map)"}.get(
                skipped, f" ({skipped} YAML files, none a map)"
            )
            yield MapFile(folder, None, (no_map_files(str(given), others),))
