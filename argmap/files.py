"""Writing output files atomically, and finding map files under a directory."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from argmap.errors import ArgmapError, MapLoadError, no_map_files

MAP_SUFFIXES = (".yaml", ".yml")


class NotRegularFile(OSError):
    """The path is a folder, a FIFO, a device or a socket: never read as a file."""


class FileTooLarge(OSError):
    """The file is larger than the limit its reader set."""

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size:,} bytes; the limit is {limit:,} bytes")
        self.size = size
        self.limit = limit


def read_regular_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    The file is opened without blocking and checked on the open descriptor, so a FIFO
    (or a link to one) cannot hang the reader, a device such as /dev/zero is never
    read, and the size is known before reading. At most `limit` bytes are read, even
    if the file grows meanwhile. Raises NotRegularFile, FileTooLarge or OSError.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"{path} is not a regular file")
        if info.st_size > limit:
            raise FileTooLarge(info.st_size, limit)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise FileTooLarge(len(data), limit)
        return data
    finally:
        os.close(fd)


def write_atomically(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write `data` to `path` so that a reader sees the old file or the new one, never half.

    The text goes to a temporary file in the same directory, is flushed to
    disk, then renamed over the target.
    """
    target = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        blocking = next((p for p in target.parents if p.is_file()), None)
        if blocking is not None:  # mkdir says only "File exists" or "Not a directory"
            raise ArgmapError(
                "E701", f"cannot write {target}: {blocking} is a file, not a folder"
            ) from None
        raise ArgmapError("E701", f"cannot write {target}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ArgmapError("E701", f"cannot write {target}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def refuse_overwriting_input(
    output: str | os.PathLike[str], *inputs: str | os.PathLike[str]
) -> None:
    """Refuse an output path that names one of the inputs (`-o` pointing at the map)."""
    out = Path(output)
    for given in inputs:
        src = Path(given)
        if out.exists() and src.exists() and out.resolve() == src.resolve():
            raise ArgmapError("E702", f"refusing to overwrite the input file {given} with output")


def find_maps(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The map files named, directories expanded to every *.yaml / *.yml below them, sorted.

    Hidden directories (.git, .venv) and hidden files (.pre-commit-config.yaml) are skipped.
    """
    found: list[Path] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [
                    Path(root) / f
                    for f in sorted(files)
                    if f.endswith(MAP_SUFFIXES) and not f.startswith(".")
                ]
        else:
            found.append(p)
    return found


def map_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Every map file named or found under a directory; E001 (MapLoadError) for a directory
    with none."""
    found: list[Path] = []
    for given in paths:
        here = find_maps([given])
        if not here and Path(given).is_dir():
            raise MapLoadError([no_map_files(str(given))])
        found += here
    return found
