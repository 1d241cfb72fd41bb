"""A PNG is laid out once and drawn at a resolution that fits its size: a large
map's bitmap stays within MAX_PNG_PIXELS instead of being drawn at 144 dpi and
scaled down by the renderer (seconds and gigabytes for nothing)."""

from __future__ import annotations

import stat
from pathlib import Path

from argmap.load import load_map
from argmap.renderer import MAX_PNG_PIXELS, Renderer, png_dpi, render_image, render_map
from tests.render_helpers import renderers

REPO = Path(__file__).parent.parent


def test_a_small_diagram_keeps_full_resolution_and_a_large_one_fits_the_pixel_budget() -> None:
    assert png_dpi(1319.5, 536) == 144  # the example map
    assert png_dpi(19246, 5842) == 27  # 1,000 generated nodes: 267 x 81 inches
    width, height = (19246 / 72 + 0.5) * 27, (5842 / 72 + 0.5) * 27
    assert width * height <= MAX_PNG_PIXELS
    assert (
        png_dpi(3_000_000, 100) == 1
    )  # never below 1 dpi, for a strip far past cairo's 32,767 pixels a side
    assert png_dpi(200_000, 10) == 11  # 2,778 inches long: the side limit decides


def fake(tmp_path: Path, bb: str) -> Renderer:
    """A renderer that lays out to a graph of the given size, and draws its arguments."""
    path = tmp_path / "fake-dot"
    path.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = -Tdot ]; then cat >/dev/null;'
        f" echo 'digraph {{ graph [bb=\"{bb}\"]; }}'; exit 0; fi\n"
        'cat >/dev/null; echo "$@"\n',
        encoding="utf-8",
    )
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return Renderer(str(path), "graphviz", "--dot")


def test_the_bitmap_is_drawn_from_the_layout_without_laying_out_again(tmp_path: Path) -> None:
    heard: list[str] = []
    small = render_image("digraph {}", "png", fake(tmp_path, "0,0,1319.5,536"), warn=heard.append)
    assert small == b"-Kneato -n2 -Tpng -Gdpi=144\n"
    assert heard == []
    large = render_image("digraph {}", "png", fake(tmp_path, "0,0,19246,5842"), warn=heard.append)
    assert large == b"-Kneato -n2 -Tpng -Gdpi=27\n"
    assert heard == [
        "the diagram is too large for a PNG at full size: drawn at 27 dpi rather than 144,"
        " 19% of full size; SVG or PDF keep every detail, or draw part of the map with --focus"
    ]


def test_each_renderer_draws_the_png_from_its_own_layout_at_full_size() -> None:
    m = load_map(REPO / "maps" / "example.yaml")
    for renderer in renderers():
        heard: list[str] = []
        data = render_map(m, "png", renderer=renderer, warn=heard.append)
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        width = int.from_bytes(data[16:20], "big")
        assert 1200 * 2 < width < 1400 * 2, renderer.flavour  # 144 dpi: twice the points
        assert heard == []
