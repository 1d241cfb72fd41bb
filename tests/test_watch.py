"""--watch: the re-run loop, fed change batches instead of waiting for the file system."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from argmap.commands._watch import watch_and_rerun
from argmap.errors import ArgmapError
from tests.conftest import Invoke

VALID = "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: Alpha.\n    con: [Beta.]\n"


def test_reruns_only_for_changes_to_what_it_reads(tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "a.yaml").write_text(VALID, encoding="utf-8")
    sources = tmp_path / "sources"
    sources.mkdir()
    runs: list[int] = []
    told: list[str] = []
    batches = [
        {(2, str(maps / "a.yaml"))},  # a map under the directory given: re-run
        {(2, str(maps / "notes.txt")), (1, str(maps / ".a.yaml.x1.tmp"))},  # neither is a map
        {(2, str(sources / "article.txt"))},  # anything under --sources: re-run
        {(1, str(tmp_path / "elsewhere.yaml"))},  # not under a path given
        {(2, str(maps / ".cache" / "b.yaml"))},  # in a hidden folder, which validate skips
    ]
    watch_and_rerun(
        [maps],
        lambda: runs.append(len(runs)),
        echo=told.append,
        source_dirs=[sources],
        changes=iter(batches),
    )
    assert runs == [0, 1, 2]
    changed = [line.split(" changed: ")[1] for line in told]
    assert changed == [os.path.relpath(maps / "a.yaml"), os.path.relpath(sources / "article.txt")]


def test_a_file_given_is_watched_through_its_directory(tmp_path: Path) -> None:
    target = tmp_path / "one.yaml"
    target.write_text(VALID, encoding="utf-8")
    runs: list[str] = []
    batches = [{(1, str(tmp_path / "other.yaml"))}, {(2, str(target))}]
    watch_and_rerun([target], lambda: runs.append("run"), echo=lambda _: None, changes=batches)
    assert runs == ["run", "run"]


def test_nothing_to_watch(tmp_path: Path) -> None:
    with pytest.raises(ArgmapError) as caught:
        watch_and_rerun([tmp_path / "no" / "such.yaml"], lambda: None, echo=print, changes=[])
    assert caught.value.code == "E705"


def test_validate_watch_reports_each_version(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import watchfiles

    path = tmp_path / "map.yaml"
    path.write_text(VALID, encoding="utf-8")
    seen: list[tuple[Path, ...]] = []

    def fake_watch(*roots: Path, **_options: object) -> Iterator[set[tuple[int, str]]]:
        seen.append(roots)
        path.write_text(VALID.replace("con: [Beta.]", "con: []"), encoding="utf-8")
        yield {(2, str(path))}

    monkeypatch.setattr(watchfiles, "watch", fake_watch)
    result = invoke(["validate", "--strict", "--watch", path])  # exits 0 when watching stops
    assert seen == [(tmp_path,)]
    lines = result.stderr.splitlines()
    assert lines[0] == "0 errors, 0 warnings, 0 infos in 1 file"
    assert lines[1] == "watching for changes (Ctrl-C to stop)"
    assert lines[2].endswith(f" changed: {os.path.relpath(path)}")
    assert lines[3:] == [
        f"{path}:4:3: warning: claim 'a' has no `con`: an uncontested claim is not"
        " a contested point [W201]",
        "0 errors, 1 warning, 0 infos in 1 file",
    ]


def test_ctrl_c_ends_the_watch_quietly(tmp_path: Path) -> None:
    def interrupted() -> Iterator[set[tuple[int, str]]]:
        yield {(2, str(tmp_path / "a.yaml"))}
        raise KeyboardInterrupt

    runs: list[str] = []
    told: list[str] = []
    watch_and_rerun([tmp_path], lambda: runs.append("run"), echo=told.append, changes=interrupted())
    assert runs == ["run", "run"]
    assert told[-1] == "stopped watching"


def test_render_watch_redraws_and_survives_a_broken_moment(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import watchfiles

    path = tmp_path / "map.yaml"
    out = tmp_path / "map.dot"
    path.write_text(VALID, encoding="utf-8")
    drawn: list[str] = []

    def fake_watch(*_roots: Path, **_options: object) -> Iterator[set[tuple[int, str]]]:
        drawn.append(out.read_text(encoding="utf-8"))
        path.write_text(VALID.replace("text: Alpha.", "txt: Alpha."), encoding="utf-8")
        yield {(2, str(path))}  # broken: reported, the last good diagram stays
        path.write_text(VALID.replace("Alpha.", "Gamma."), encoding="utf-8")
        yield {(2, str(path))}
        drawn.append(out.read_text(encoding="utf-8"))

    monkeypatch.setattr(watchfiles, "watch", fake_watch)
    result = invoke(["render", path, "-o", out, "--watch", "--no-eval"])
    assert "Alpha." in drawn[0] and "Gamma." in drawn[1]
    lines = result.stderr.splitlines()
    assert lines[0] == f"wrote {out}"
    assert lines[3].startswith(f"argmap: {path}:5:5: error: unknown field 'txt'")
    assert lines[-1] == f"wrote {out}"


def test_render_watch_of_a_folder_survives_its_only_map_being_gone_for_a_moment(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import watchfiles

    maps = tmp_path / "maps"
    maps.mkdir()
    path = maps / "map.yaml"
    out = tmp_path / "build"
    path.write_text(VALID, encoding="utf-8")

    def fake_watch(*_roots: Path, **_options: object) -> Iterator[set[tuple[int, str]]]:
        path.unlink()  # an editor saving by delete and rewrite
        yield {(3, str(path))}
        path.write_text(VALID.replace("Alpha.", "Gamma."), encoding="utf-8")
        yield {(1, str(path))}

    monkeypatch.setattr(watchfiles, "watch", fake_watch)
    result = invoke(["render", maps, "-o", out, "--format", "dot", "--watch", "--no-eval"])
    lines = [line for line in result.stderr.splitlines() if not line.startswith("---")]
    assert lines == [
        f"wrote {out / 'map.dot'}",
        "watching for changes (Ctrl-C to stop)",
        f"argmap: {maps}: error: no map files (*.yaml, *.yml) in this directory [E001]",
        f"wrote {out / 'map.dot'}",
    ]
    assert "Gamma." in (out / "map.dot").read_text(encoding="utf-8")
