"""Which diagrams `argmap render` draws: one per map, per map in a folder, or per claim,
and the file each one goes to. Pure planning: nothing is read but the maps `each` needs,
nothing is written."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import attrs

from argmap.errors import ArgmapError, UsageProblem
from argmap.files import map_files, refuse_overwriting_input
from argmap.themes import RenderOptions
from argmap.validate import load_valid_map

SUFFIXES = {".svg": "svg", ".png": "png", ".pdf": "pdf", ".dot": "dot", ".gv": "dot"}


@attrs.frozen
class Job:
    """One diagram to draw: which map, how, and where to ("-": stdout)."""

    map_path: Path
    out: str
    options: RenderOptions


def choose_format(fmt: str | None, out: str | None) -> str:
    """--format if given, else OUT's suffix, else svg; a contradiction is a usage error."""
    suffix = Path(out).suffix.lower() if out and out != "-" else ""
    from_suffix = SUFFIXES.get(suffix)
    if fmt and from_suffix and fmt != from_suffix:
        raise UsageProblem(f"--format {fmt} contradicts the output name {out}")
    if fmt:
        return fmt
    if suffix and from_suffix is None:
        raise UsageProblem(
            f"cannot tell the format from {out}: name it .svg, .png, .pdf or .dot, or give --format"
        )
    return from_suffix or "svg"


def plan(
    map_arg: str | os.PathLike[str],
    out: str | None,
    fmt: str,
    each: bool = False,
    options: RenderOptions | None = None,
) -> list[Job]:
    """Every diagram `argmap render` draws for MAP (a file or a folder), with its output path.

    `out`: a file, a folder, "-" (stdout) or None (build/); `each`: one diagram per claim.
    E001 for a folder with no maps, UsageProblem for what cannot be done ("-" for many
    diagrams), a MapLoadError when `each` needs a map that has errors.
    """
    options = options or RenderOptions()
    given = Path(map_arg)
    if given.is_dir():
        if out == "-":
            raise UsageProblem("-o - writes one diagram; a folder of maps needs -o DIR")
        maps = map_files([given])
        root = Path(out) if out else Path("build")
        # `a.yaml` and `a.yml` side by side would both draw to `a.svg`: such maps keep
        # their whole file name instead (`a.yaml.svg`, `a.yml.svg`), so none overwrites another.
        stems = Counter(path.relative_to(given).with_suffix("") for path in maps)
        jobs: list[Job] = []
        for path in maps:
            relative = path.relative_to(given)
            name = relative.name if stems[relative.with_suffix("")] > 1 else relative.stem
            target = root / relative.parent / f"{name}.{fmt}"
            if each:
                try:
                    jobs += _each(path, target.with_suffix(""), fmt, options)
                except ArgmapError:
                    # One job that fails again when it runs: reported in its
                    # turn, and the other maps are still drawn.
                    jobs.append(Job(path, str(target), options))
            else:
                jobs.append(Job(path, str(target), options))
        return jobs
    if each:
        if out == "-":
            raise UsageProblem("--each writes one file per claim: give -o DIR")
        return _each(given, Path(out) if out else Path("build") / given.stem, fmt, options)
    if out and out != "-" and (out.endswith(("/", os.sep)) or Path(out).is_dir()):
        out = str(Path(out) / f"{given.stem}.{fmt}")  # -o DIR: the map's name inside it
    single = out or str(Path("build") / f"{given.stem}.{fmt}")
    if single != "-":
        refuse_overwriting_input(single, given)
    return [Job(given, single, options)]


def _each(map_path: Path, folder: Path, fmt: str, options: RenderOptions) -> list[Job]:
    m = load_valid_map(map_path)
    return [
        Job(map_path, str(folder / f"{claim}.{fmt}"), attrs.evolve(options, focus=claim))
        for claim in m.claims
    ]
