"""`argmap render`: where diagrams go, in which format, and what the user is told."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.renderer import Renderer
from tests.conftest import MAPS, REPO, Invoke
from tests.render_helpers import classes, groups, parse_svg, renderers

EXAMPLE = REPO / "maps" / "example.yaml"
PURE = next(r for r in renderers() if r.flavour == "graphviz-pure")


@pytest.fixture(params=renderers(), ids=lambda r: r.flavour)
def renderer(request: pytest.FixtureRequest) -> Renderer:
    return request.param


@pytest.fixture
def example(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example map in a fresh working directory."""
    monkeypatch.chdir(tmp_path)
    return Path(shutil.copy(EXAMPLE, tmp_path / "example.yaml"))


def test_by_default_an_svg_goes_to_build_named_after_the_map(
    invoke: Invoke, example: Path, renderer: Renderer
) -> None:
    result = invoke(["render", example, "--dot", renderer.path])
    assert result.stderr == "wrote build/example.svg\n"
    assert result.stdout == ""
    nodes = groups(parse_svg(Path("build/example.svg").read_bytes()), "node")
    assert "claim" in classes(nodes["build-plant"])


def test_the_format_comes_from_the_output_suffix(
    invoke: Invoke, example: Path, renderer: Renderer
) -> None:
    invoke(["render", example, "-o", "out/map.png", "--dot", renderer.path])
    assert Path("out/map.png").read_bytes().startswith(b"\x89PNG")
    invoke(["render", example, "-o", "map.dot"])
    assert Path("map.dot").read_text(encoding="utf-8").startswith("digraph argmap {")


def test_an_output_folder_gets_the_map_name(invoke: Invoke, example: Path) -> None:
    Path("figures").mkdir()
    assert invoke(["render", example, "-o", "figures", "--format", "dot"]).stderr == (
        "wrote figures/example.dot\n"
    )
    assert invoke(["render", example, "-o", "new/", "--format", "dot"]).stderr == (
        "wrote new/example.dot\n"
    )


def test_dot_output_needs_no_renderer_at_all(invoke: Invoke, example: Path) -> None:
    result = invoke(["render", example, "--format", "dot", "--dot", "/nonexistent/dot"])
    assert result.stderr == "wrote build/example.dot\n"


def test_dash_writes_to_stdout(invoke: Invoke, example: Path) -> None:
    result = invoke(["render", example, "-o", "-", "--format", "dot", "--no-eval"])
    assert result.stdout.startswith("digraph argmap {\n")
    assert "accepted" not in result.stdout
    assert result.stderr == ""
    svg = invoke(["render", example, "-o", "-", "--dot", PURE.path])
    assert "build-plant" in groups(parse_svg(svg.stdout_bytes), "node")


def test_an_output_naming_the_map_is_refused(invoke: Invoke, example: Path) -> None:
    before = example.read_bytes()
    result = invoke(["render", example, "-o", example, "--format", "svg"], expect=1)
    assert result.stderr == (
        f"argmap: error: refusing to overwrite the input file {example} with output [E702]\n"
    )
    assert example.read_bytes() == before


def test_a_format_the_renderer_lacks_is_one_line_naming_what_provides_it(
    invoke: Invoke, example: Path
) -> None:
    result = invoke(["render", example, "-o", "map.pdf", "--dot", PURE.path], expect=1)
    assert result.stderr == (
        "argmap: error: graphviz-pure cannot write PDF: install Graphviz, whose `dot` does "
        "(apt install graphviz, brew install graphviz, or graphviz.org/download), "
        "or choose svg or png [E403]\n"
    )
    assert not Path("map.pdf").exists()


def test_a_contradictory_or_unknown_format_is_a_usage_error(invoke: Invoke, example: Path) -> None:
    result = invoke(["render", example, "--format", "png", "-o", "x.svg"], expect=2)
    assert "Error: --format png contradicts the output name x.svg" in result.stderr
    result = invoke(["render", example, "-o", "x.jpg"], expect=2)
    assert "Error: cannot tell the format from x.jpg: name it .svg, .png, .pdf or .dot," in (
        result.stderr
    )


def test_an_unknown_focus_is_one_line(invoke: Invoke, example: Path) -> None:
    result = invoke(["render", example, "--focus", "nope", "--format", "dot"], expect=1)
    assert result.stderr == "argmap: error: --focus names no node in this map: 'nope' [E406]\n"


def test_focus_depth_theme_and_direction_reach_the_diagram(invoke: Invoke, example: Path) -> None:
    args = ["render", example, "-o", "-", "--format", "dot", "--focus", "build-plant"]
    result = invoke([*args, "--depth", "1", "--theme", "print", "--direction", "lr"])
    dot = result.stdout
    assert "rankdir=LR" in dot and 'color="#2e7d32"' not in dot
    assert '"build-plant" [' in dot and '"low-emissions" [' in dot
    assert '"low-emissions.con.1" [' not in dot


def test_semantics_and_legend_options(invoke: Invoke, example: Path) -> None:
    args = ["render", example, "-o", "-", "--format", "dot"]
    assert "under Euler-based;" in invoke([*args, "--eval", "--semantics", "euler"]).stdout
    assert "Lkey" not in invoke([*args, "--no-legend"]).stdout
    # scores only when asked for; without a key the caveat goes under the diagram
    assert "Strength" not in invoke(args).stdout
    bare = invoke([*args, "--eval", "--no-legend"]).stdout
    assert (
        'label=<<FONT POINT-SIZE="10">Scores are computed from the map as drawn, with default'
        " base scores where none is given; not a judgement of the sources or of truth.</FONT>>"
    ) in bare


def test_sources_decide_which_quotes_are_drawn_verified(invoke: Invoke, tmp_path: Path) -> None:
    # the map's copy of not-here.txt is missing; --sources names a folder that has one
    folder = tmp_path / "copies"
    folder.mkdir()
    (folder / "not-here.txt").write_text("They said the budget rose again.\n", encoding="utf-8")
    args = ["render", MAPS / "quotes-checked.yaml", "-o", "-", "--format", "dot"]

    def state(dot: str) -> str:
        line = next(x for x in dot.splitlines() if x.startswith('\t"absent-file" ['))
        return re.search(r"quote-[a-z-]+", line)[0]  # type: ignore[index]

    assert state(invoke(args).stdout) == "quote-unchecked"
    assert state(invoke([*args, "--sources", folder]).stdout) == "quote-verified"


def test_each_draws_one_diagram_per_claim(invoke: Invoke, example: Path) -> None:
    result = invoke(["render", example, "--each", "-o", "claims", "--dot", PURE.path])
    assert result.stderr == "wrote claims/build-plant.svg\nwrote claims/lower-bills.svg\n"
    lower = groups(parse_svg(Path("claims/lower-bills.svg").read_bytes()), "node")
    assert {"lower-bills", "lower-bills.con.1", "cheap-power"} <= set(lower)
    assert "low-emissions" not in lower
    assert sorted(p.name for p in Path("claims").iterdir()) == [
        "build-plant.svg",
        "lower-bills.svg",
    ]


def test_a_folder_of_maps_renders_every_one_keeping_its_layout(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps" / "more").mkdir(parents=True)
    shutil.copy(EXAMPLE, tmp_path / "maps" / "example.yaml")
    shutil.copy(MAPS / "order.yaml", tmp_path / "maps" / "more" / "order.yaml")
    result = invoke(["render", "maps", "-o", "out", "--dot", PURE.path])
    # Not a terminal: no progress bar, one line per diagram.
    assert result.stderr == "wrote out/example.svg\nwrote out/more/order.svg\n"
    assert sorted(str(p.relative_to("out")) for p in Path("out").rglob("*")) == [
        "example.svg",
        "more",
        "more/order.svg",
    ]


def test_maps_named_alike_in_a_folder_each_keep_their_own_diagram(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "maps" / "a.yaml")
    shutil.copy(MAPS / "order.yaml", tmp_path / "maps" / "a.yml")
    shutil.copy(MAPS / "order.yaml", tmp_path / "maps" / "b.yaml")
    result = invoke(["render", "maps", "--format", "dot"])
    assert result.stderr == "wrote build/a.yaml.dot\nwrote build/a.yml.dot\nwrote build/b.dot\n"
    assert "build-plant" in Path("build/a.yaml.dot").read_text(encoding="utf-8")
    assert "build-plant" not in Path("build/a.yml.dot").read_text(encoding="utf-8")


@pytest.fixture
def broken_among_good(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """maps/example.yaml and maps/broken.yaml (a YAML error on line 3), in a fresh directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "maps").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "maps" / "example.yaml")
    (tmp_path / "maps" / "broken.yaml").write_text("argmap: 1\ntitle: [\n", encoding="utf-8")


@pytest.mark.usefixtures("broken_among_good")
def test_a_broken_map_in_a_folder_fails_the_run_but_not_the_others(invoke: Invoke) -> None:
    result = invoke(["render", "maps", "--format", "dot"], expect=1)
    lines = result.stderr.splitlines()
    assert lines[0].startswith("argmap: maps/broken.yaml:3:1: error: ")
    assert lines[1] == "wrote build/example.dot"


@pytest.mark.usefixtures("broken_among_good")
def test_a_broken_map_in_a_folder_drawn_claim_by_claim_fails_alone(invoke: Invoke) -> None:
    result = invoke(["render", "maps", "--each", "--format", "dot"], expect=1)
    lines = result.stderr.splitlines()
    assert lines[0].startswith("argmap: maps/broken.yaml:3:1: error: ")
    assert lines[1:] == [
        "wrote build/example/build-plant.dot",
        "wrote build/example/lower-bills.dot",
    ]


def test_a_rerun_replaces_the_file_and_leaves_no_temporary_files(
    invoke: Invoke, example: Path
) -> None:
    Path("build").mkdir()
    Path("build/example.dot").write_text("old", encoding="utf-8")
    invoke(["render", example, "--format", "dot"])
    assert Path("build/example.dot").read_text(encoding="utf-8").startswith("digraph")
    assert [p.name for p in Path("build").iterdir()] == ["example.dot"]


def test_the_installed_command_renders_in_a_subprocess(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "render", str(EXAMPLE), "-o", str(tmp_path / "x.svg")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"wrote {tmp_path / 'x.svg'}\n"
    parse_svg((tmp_path / "x.svg").read_bytes())


@pytest.mark.slow
def test_a_map_whose_evaluation_did_not_converge_is_drawn_only_without_numbers(
    invoke: Invoke,
) -> None:
    cyclic = MAPS / "eval_limit_cycle.yaml"
    result = invoke(["render", cyclic, "-o", "-", "--format", "dot", "--eval"], expect=1)
    assert result.stderr == (
        f"argmap: {cyclic}: error: evaluation did not converge: residual 2.5e-01 after 9085"
        " integration steps; its strengths are not a fixpoint; render with --no-eval [E501]\n"
    )
    assert invoke(["render", cyclic, "-o", "-", "--format", "dot", "--no-eval"]).stdout


def test_a_hostile_map_that_validates_renders_a_harmless_svg(
    invoke: Invoke, tmp_path: Path, renderer: Renderer
) -> None:
    out = tmp_path / "hostile.svg"
    invoke(["render", MAPS / "hostile.yaml", "-o", out, "--dot", renderer.path])
    root = parse_svg(out.read_bytes())
    tags = {element.tag.split("}")[-1] for element in root.iter()}
    assert not tags & {"script", "foreignObject", "iframe", "img"}
    assert [e for e in root.iter() if e.tag.endswith("}svg")] == [root]  # no nested <svg>
    for element in root.iter():
        for name, value in element.attrib.items():
            assert not name.split("}")[-1].lower().startswith("on")
            if name.endswith("href"):
                assert value in {
                    "https://example.org/?q=x&r=y",
                    "https://example.org/a?x=1&y=2#top",
                }
