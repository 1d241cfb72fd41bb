"""Re-run a command whenever the files it reads change: `validate --watch` (and `render --watch`).

`watch_and_rerun` runs once, then once more after each batch of changes that
touches a map it was given (or a file under a `--sources` directory). The
batches come from `watchfiles` by default; tests pass their own iterable.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError
from argmap.escape import terminal_line
from argmap.files import MAP_SUFFIXES, display_path

ChangeSet = Iterable[tuple[Any, str]]
"""One batch of changes as watchfiles yields it: (change kind, path) pairs."""


def watch_roots(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The directories to watch: each directory given, and each file's own directory.

    A file's directory rather than the file, because many editors save by
    writing a new file and renaming it over the old one.
    """
    roots: list[Path] = []
    for given in paths:
        p = Path(given).absolute()
        root = p if p.is_dir() else p.parent
        if root.is_dir() and root not in roots:
            roots.append(root)
    return roots


class Relevance:
    """Which changed paths should trigger a re-run."""

    def __init__(
        self,
        paths: Sequence[str | os.PathLike[str]],
        source_dirs: Sequence[str | os.PathLike[str]] = (),
    ) -> None:
        given = [Path(p).absolute() for p in paths]
        self.files = {p for p in given if not p.is_dir()}
        self.map_dirs = [p for p in given if p.is_dir()]
        self.any_dirs = [Path(p).absolute() for p in source_dirs]

    def __call__(self, changed: str) -> bool:
        path = Path(changed).absolute()
        if path in self.files:
            return True
        if path.suffix in MAP_SUFFIXES:
            for d in self.map_dirs:
                # What `validate DIR` reads: no hidden file, nothing in a hidden folder.
                if path.is_relative_to(d) and not any(
                    part.startswith(".") for part in path.relative_to(d).parts
                ):
                    return True
        return any(path.is_relative_to(d) for d in self.any_dirs)


def watch_and_rerun(
    paths: Sequence[str | os.PathLike[str]],
    run: Callable[[], object],
    *,
    echo: Callable[[str], None],
    source_dirs: Sequence[str | os.PathLike[str]] = (),
    changes: Iterable[ChangeSet] | None = None,
) -> None:
    """Call `run()` now, then again after every batch of relevant changes, until the
    batches end (Ctrl-C when watching for real). `echo` tells the user what happens.
    """
    relevant = Relevance(paths, source_dirs)
    roots = watch_roots([*paths, *source_dirs])
    if not roots:
        raise ArgmapError("E705", "nothing to watch: none of the paths given exists")
    run()
    if changes is None:
        import watchfiles

        changes = watchfiles.watch(*roots)
        echo("watching for changes (Ctrl-C to stop)")
    try:
        for batch in changes:
            hits = sorted({path for _kind, path in batch if relevant(path)})
            if not hits:
                continue
            shown = terminal_line(", ".join(display_path(os.path.relpath(h)) for h in hits))
            echo(f"--- {time.strftime('%H:%M:%S')} changed: {shown}")
            run()
    except KeyboardInterrupt:  # Ctrl-C is how a watch ends: not a failure
        echo("stopped watching")
