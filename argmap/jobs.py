"""Which diagrams `argmap render` draws: one per map, per map in a folder, or per claim,
and the file each one goes to. Pure planning: nothing is read but the maps `each` needs,
nothing is written."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import attrs

from argmap.errors import ArgmapError, Diagnostic, MapLoadError, UsageProblem
from argmap.files import refuse_overwriting_input
from argmap.folders import read_maps
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
    map_arg: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    out: str | None,
    fmt: str,
    each: bool = False,
    options: RenderOptions | None = None,
    notes: list[Diagnostic] | None = None,
) -> list[Job]:
    """Every diagram `argmap render` draws for MAP (a file, a folder, or several), with its
    output path.

    `out`: a file, a folder, "-" (stdout) or None (build/); `each`: one diagram per claim.
    Several maps or a folder go into the folder `out` names; YAML under a folder that is
    not a map is skipped, with an I303 note added to `notes`, as `validate` skips it.
    E001 for a folder with no maps, UsageProblem for what cannot be done ("-" for many
    diagrams, two maps drawn to one file), a MapLoadError when `each` needs a map that
    has errors.
    """
    options = options or RenderOptions()
    given_all = [map_arg] if isinstance(map_arg, (str, os.PathLike)) else list(map_arg)
    if len(given_all) == 1 and not Path(given_all[0]).is_dir():
        return _plan_one(Path(given_all[0]), out, fmt, each, options)
    if out == "-":
        raise UsageProblem("-o - writes one diagram; several maps or a folder need -o DIR")
    root = Path(out) if out else Path("build")
    jobs: list[Job] = []
    for one in given_all:
        folder = Path(one)
        if not folder.is_dir():
            jobs += _jobs_for(folder, root / f"{folder.stem}.{fmt}", fmt, each, options)
            continue
        maps: list[Path] = []
        for found in read_maps([folder]):
            if found.skipped:
                if notes is not None:
                    notes.extend(found.diagnostics)
            elif found.map is None and found.path.is_dir():  # a folder with no map at all
                raise MapLoadError(list(found.diagnostics))
            else:
                maps.append(found.path)
        # `a.yaml` and `a.yml` side by side would both draw to `a.svg`: such maps keep
        # their whole file name instead (`a.yaml.svg`, `a.yml.svg`), so none overwrites another.
        stems = Counter(path.relative_to(folder).with_suffix("") for path in maps)
        for path in maps:
            relative = path.relative_to(folder)
            name = relative.name if stems[relative.with_suffix("")] > 1 else relative.stem
            jobs += _jobs_for(path, root / relative.parent / f"{name}.{fmt}", fmt, each, options)
    clashes = [o for o, n in Counter(j.out for j in jobs).items() if n > 1]
    if clashes:
        raise UsageProblem(
            f"two maps would be drawn to {clashes[0]}: render them into different -o folders"
        )
    return jobs


def _jobs_for(path: Path, target: Path, fmt: str, each: bool, options: RenderOptions) -> list[Job]:
    if not each:
        return [Job(path, str(target), options)]
    try:
        return _each(path, target.with_suffix(""), fmt, options)
    except ArgmapError:
        # One job that fails again when it runs: reported in its turn, and the other maps
        # are still drawn.
        return [Job(path, str(target), options)]


def _plan_one(
    given: Path, out: str | None, fmt: str, each: bool, options: RenderOptions
) -> list[Job]:
    if each:
        if out == "-":
            raise UsageProblem("--each writes one file per claim: give -o DIR")
        return _each(given, Path(out) if out else Path("build") / given.stem, fmt, options)
    if out and out != "-" and (out.endswith(("/", os.sep)) or Path(out).is_dir()):
        out = str(Path(out) / f"{given.stem}.{fmt}")  # -o DIR: the map's name inside it
    single = out or str(Path("build") / f"{given.stem}.{fmt}")
    refuse_overwriting_input(single, given)
    return [Job(given, single, options)]


def _each(map_path: Path, folder: Path, fmt: str, options: RenderOptions) -> list[Job]:
    m = load_valid_map(map_path)
    return [
        Job(map_path, str(folder / f"{claim}.{fmt}"), attrs.evolve(options, focus=claim))
        for claim in m.claims
    ]
