"""`argmap diff --format svg|html`: the new map drawn with the changes marked (a word on
each mark, not colour alone), removed nodes as ghosts, and a key."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from argmap.diff import diff_maps
from argmap.diff_view import diff_overlay
from argmap.load import load_map, loads_map
from argmap.model import LinkKind
from argmap.render import Ghost, Mark, render_dot
from tests.conftest import MAPS, Invoke
from tests.render_helpers import classes, groups, parse_svg, texts

OLD = MAPS / "diff" / "drawn-old.yaml"
NEW = MAPS / "diff" / "drawn-new.yaml"


def marked(root: ET.Element) -> dict[str, list[str]]:
    """Node id -> its mark classes, for the map's nodes (not the legend's)."""
    return {
        node_id: [c for c in classes(g) if c.startswith("mark-")]
        for node_id, g in groups(root, "node").items()
        if any(c.startswith("mark-") for c in classes(g)) and "legend" not in classes(g)
    }


@pytest.fixture
def drawn(invoke: Invoke) -> ET.Element:
    return parse_svg(invoke(["diff", OLD, NEW, "--format", "svg"]).stdout_bytes)


def test_each_change_is_marked_on_its_node(drawn: ET.Element) -> None:
    assert marked(drawn) == {
        "build-plant": ["mark-status-changed"],
        "low-emissions.con.1": ["mark-reworded"],
        "cheap-power": ["mark-reworded"],
        "accident-risk": ["mark-status-changed"],
        "build-plant.con.2": ["mark-added"],
        "reactor-safety": ["mark-moved"],
        "ghost:1": ["mark-removed"],
    }


def test_every_mark_says_its_word(drawn: ET.Element) -> None:
    nodes = groups(drawn, "node")
    assert texts(nodes["build-plant.con.2"])[0].strip() == "added"
    assert texts(nodes["cheap-power"])[0].strip() == "reworded"
    assert texts(nodes["reactor-safety"])[0].strip() == "moved"
    assert texts(nodes["build-plant"])[0].strip() == "stands → falls"
    assert texts(nodes["accident-risk"])[0].strip() == "falls → stands"


def test_a_removed_premise_is_a_ghost_joined_to_where_it_was(drawn: ET.Element) -> None:
    ghost = groups(drawn, "node")["ghost:1"]
    assert classes(ghost) == ["node", "ghost", "mark-removed"]
    assert [t.strip() for t in texts(ghost)] == [
        "removed",
        "Recent plants ran far over budget,",
        "so prices would rise to pay for",
        "them.",
    ]
    edge = groups(drawn, "edge")["ghost-link:1"]
    assert classes(edge) == ["edge", "ghost-link", "undercut"]
    assert edge.findtext("{http://www.w3.org/2000/svg}title") == "cheap-power->G1"


def test_the_key_names_every_mark(drawn: ET.Element) -> None:
    key = [g for g in groups(drawn, "node").values() if "legend" in classes(g)]
    words = [texts(g)[0].strip() for g in key if any(c.startswith("mark-") for c in classes(g))]
    assert words == ["added", "reworded", "moved", "status changed", "removed"]


def test_without_evaluation_no_status_is_marked(invoke: Invoke) -> None:
    root = parse_svg(invoke(["diff", OLD, NEW, "--format", "svg", "--no-eval"]).stdout_bytes)
    assert "mark-status-changed" not in {c for v in marked(root).values() for c in v}
    assert marked(root)["cheap-power"] == ["mark-reworded"]


def test_a_ghost_under_a_removed_parent_hangs_from_its_ghost() -> None:
    old = loads_map(
        "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C.\n    con:\n"
        "      - id: gone\n        text: Gone.\n        con: [Also gone.]\n"
    )
    new = loads_map("argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C.\n")
    overlay = diff_overlay(diff_maps(old, new, evaluate=False), new)
    removed = Mark("removed", "#6e7781")
    assert overlay.ghosts == (
        Ghost("gone", "Gone.", "c", LinkKind.CON, removed),
        Ghost("gone.con.1", "Also gone.", "ghost:gone", LinkKind.CON, removed),
    )
    dot = render_dot(new, overlay=overlay)
    assert "\tc -> G1 [" in dot and "\tG1 -> G2 [" in dot


def test_map_text_in_a_ghost_or_mark_is_escaped(invoke: Invoke, tmp_path: Path) -> None:
    hostile = '<script>alert(1)</script> & "quotes"'
    (tmp_path / "old.yaml").write_text(
        f"argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C.\n    con: ['{hostile}']\n",
        encoding="utf-8",
    )
    (tmp_path / "new.yaml").write_text(
        "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C.\n", encoding="utf-8"
    )
    page = invoke(["diff", tmp_path / "old.yaml", tmp_path / "new.yaml", "--format", "html"])
    assert "<script" not in page.stdout
    svg = parse_svg(
        invoke(
            ["diff", tmp_path / "old.yaml", tmp_path / "new.yaml", "--format", "svg"]
        ).stdout_bytes
    )
    assert not list(svg.iter("{http://www.w3.org/2000/svg}script"))
    assert hostile in " ".join(texts(groups(svg, "node")["ghost:1"]))


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.pre = ""
        self._in_pre = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_pre = tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre":
            self._in_pre = False

    def handle_data(self, data: str) -> None:
        if self._in_pre:
            self.pre += data


def test_the_html_page_holds_the_diagram_and_the_diff_as_text(invoke: Invoke) -> None:
    page = _Page()
    page.feed(invoke(["diff", OLD, NEW, "--format", "html"]).stdout)
    assert page.tags[:4] == ["html", "head", "meta", "meta"]
    assert page.tags.count("svg") == 1
    assert page.pre.splitlines()[-1] == (
        "1 added, 1 removed, 2 reworded, 1 moved, 1 renamed, 2 fields changed, 4 scores changed"
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_sides_are_drawn_too(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    shutil.copy(OLD, tmp_path / "map.yaml")
    git("add", "map.yaml")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "first")
    shutil.copy(NEW, tmp_path / "map.yaml")
    monkeypatch.chdir(tmp_path)
    root = parse_svg(
        invoke(["diff", "git:HEAD:map.yaml", "map.yaml", "--format", "svg"]).stdout_bytes
    )
    assert marked(root)["build-plant.con.2"] == ["mark-added"]


def test_an_unchanged_map_is_drawn_with_no_marks(invoke: Invoke) -> None:
    root = parse_svg(invoke(["diff", NEW, NEW, "--format", "svg"]).stdout_bytes)
    assert marked(root) == {}
    assert load_map(NEW).title == "Should the city build a nuclear plant?"
