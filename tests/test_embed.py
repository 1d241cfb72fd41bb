"""Maps in docs and notebooks: the Markdown extension (plain and superfences), a real
MkDocs build, and the Jupyter display through IPython's formatter."""

from __future__ import annotations

import logging
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

import argmap
from argmap.embed import prefix_ids
from argmap.markdown import fence_argmap, validate_argmap
from tests.conftest import REPO

SMALL = "argmap: 1\ntitle: Tiny\nclaims:\n  a:\n    text: A.\n    con: [No.]\n"
BROKEN = "argmap: 1\ntitle: Broken\nclaims:\n  a: {text: A, con: [{ref: nope}]}\n"
SVG = "{http://www.w3.org/2000/svg}"


class Page(HTMLParser):
    """The page's inline SVGs (their element ids, and node titles), and its <pre> texts."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.svgs: list[list[str]] = []
        self.titles: list[list[str]] = []
        self.errors: list[str] = []
        self._depth = 0
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "svg":
            self.svgs.append([])
            self.titles.append([])
        if self.svgs and tag != "svg" and found.get("id") and self._in_svg():
            self.svgs[-1].append(str(found["id"]))
        if tag == "svg":
            self._depth += 1
        if tag == "title" and self._in_svg():
            self._in = "title"
        if tag == "pre" and found.get("class") == "argmap-error":
            self._in = "error"
            self.errors.append("")

    def _in_svg(self) -> bool:
        return self._depth > 0

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self._depth -= 1
        if tag in ("title", "pre"):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.titles[-1].append(data)
        elif self._in == "error":
            self.errors[-1] += data


def fenced(body: str, header: str = "") -> str:
    return f"```argmap{header}\n{body}```\n"


# --- ids ---------------------------------------------------------------------------------


def test_prefix_ids_renames_ids_and_the_references_to_them_only() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<defs><linearGradient id="g"/></defs>'
        '<g id="a"><rect fill="url(#g)"/><use xlink:href="#a"/><a xlink:href="#elsewhere"/>'
        "<text>id=&quot;a&quot; url(#g)</text></g></svg>"
    )
    root = ET.fromstring(prefix_ids(svg, "p-"))
    assert [el.get("id") for el in root.iter() if el.get("id")] == ["p-g", "p-a"]
    assert [el.get("fill") for el in root.iter(f"{SVG}rect")] == ["url(#p-g)"]
    links = [
        el.get("{http://www.w3.org/1999/xlink}href") for el in root.iter() if el.tag != f"{SVG}svg"
    ]
    assert [h for h in links if h] == ["#p-a", "#elsewhere"]  # not an id here: left alone
    assert root.findtext(f".//{SVG}text") == 'id="a" url(#g)'  # map text is not an id


# --- Python-Markdown ---------------------------------------------------------------------


def test_a_fenced_block_becomes_the_diagram_and_two_maps_share_no_id() -> None:
    page = Page(
        markdown.markdown(
            fenced(SMALL) + "\ntext\n\n" + fenced("", ' file="maps/example.yaml"'),
            extensions=["argmap.markdown"],
            extension_configs={"argmap.markdown": {"base_dir": str(REPO)}},
        )
    )
    assert len(page.svgs) == 2
    first, second = (set(ids) for ids in page.svgs)
    assert first and second and not first & second
    assert all(i.startswith("argmap-1-") for i in first)
    assert all(i.startswith("argmap-2-") for i in second)
    assert "argmap-1-a" in first  # the claim's node, under its prefixed id
    assert "argmap-2-build-plant" in second
    assert page.errors == []


def test_options_draw_part_of_a_map() -> None:
    html = markdown.markdown(
        fenced("", ' file="maps/example.yaml" focus=accident-risk depth=1 legend=false'),
        extensions=["argmap.markdown"],
        extension_configs={"argmap.markdown": {"base_dir": str(REPO)}},
    )
    ids = Page(html).svgs[0]
    assert "argmap-1-accident-risk" in ids
    assert "argmap-1-cheap-power" not in ids  # outside the focus


def test_a_broken_map_becomes_its_diagnostics_and_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.argmap"):
        page = Page(markdown.markdown(fenced(BROKEN), extensions=["argmap.markdown"]))
    assert page.svgs == []
    assert page.errors == ["argmap block 1:4:22: error: `ref` to unknown id 'nope' [E102]"]
    assert [r.name for r in caplog.records] == ["mkdocs.argmap"]
    assert "argmap block 1 cannot be drawn" in caplog.records[0].getMessage()


@pytest.mark.parametrize(
    ("header", "error"),
    [
        (' file="../../etc/passwd.yaml"', "../../etc/passwd.yaml is outside the folder"),
        (" colour=red", "unknown option 'colour'"),
        (" depth=two", "depth wants a whole number, not 'two'"),
        (" theme=neon", "theme wants one of light, dark, print, not 'neon'"),
        (" stray", "cannot read 'stray' (write name=value)"),
    ],
)
def test_bad_options_and_paths_are_diagnostics_in_the_page(header: str, error: str) -> None:
    body = "" if "file=" in header else SMALL
    page = Page(markdown.markdown(fenced(body, header), extensions=["argmap.markdown"]))
    assert page.svgs == []
    assert len(page.errors) == 1 and error in page.errors[0]


def test_other_fences_stay_code() -> None:
    html = markdown.markdown(
        "```python\nx = 1\n```\n\n" + fenced(SMALL),
        extensions=["argmap.markdown", "fenced_code"],
    )
    assert '<code class="language-python">x = 1' in html
    assert len(Page(html).svgs) == 1


def test_the_superfences_custom_fence() -> None:
    html = markdown.markdown(
        fenced(SMALL) + "\n" + fenced(BROKEN),
        extensions=["pymdownx.superfences"],
        extension_configs={
            "pymdownx.superfences": {
                "custom_fences": [
                    {
                        "name": "argmap",
                        "class": "argmap",
                        "validator": validate_argmap,
                        "format": fence_argmap,
                    }
                ]
            }
        },
    )
    page = Page(html)
    assert len(page.svgs) == 1 and "argmap-1-a" in page.svgs[0]
    assert page.errors == ["argmap block 2:4:22: error: `ref` to unknown id 'nope' [E102]"]


# --- MkDocs, for real -----------------------------------------------------------------


def mkdocs_site(
    tmp_path: Path, page: str, superfences: bool = False
) -> subprocess.CompletedProcess[str]:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(page, encoding="utf-8")
    (tmp_path / "example.yaml").write_text(
        (REPO / "maps" / "example.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    if superfences:
        extensions = (
            "  - pymdownx.superfences:\n      custom_fences:\n        - name: argmap\n"
            "          class: argmap\n"
            "          validator: !!python/name:argmap.markdown.validate_argmap\n"
            "          format: !!python/name:argmap.markdown.fence_argmap\n"
        )
    else:
        extensions = "  - argmap.markdown\n"
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Maps\nmarkdown_extensions:\n{extensions}", encoding="utf-8"
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("superfences", [False, True], ids=["plain", "superfences"])
def test_a_mkdocs_site_shows_the_diagrams(tmp_path: Path, superfences: bool) -> None:
    page = "# Maps\n\n" + fenced("", ' file="example.yaml"') + "\n" + fenced(SMALL)
    done = mkdocs_site(tmp_path, page, superfences)
    assert done.returncode == 0, done.stderr
    html = Page((tmp_path / "site" / "index.html").read_text(encoding="utf-8"))
    assert len(html.svgs) == 2
    assert not set(html.svgs[0]) & set(html.svgs[1])
    assert "build-plant" in html.titles[0]  # the node's title, as Graphviz writes it
    assert "a" in html.titles[1]


@pytest.mark.parametrize("superfences", [False, True], ids=["plain", "superfences"])
def test_mkdocs_strict_fails_on_a_broken_map(tmp_path: Path, superfences: bool) -> None:
    done = mkdocs_site(tmp_path, "# Maps\n\n" + fenced(BROKEN), superfences)
    assert done.returncode == 1
    assert "argmap block 1:4:22: error: `ref` to unknown id 'nope' [E102]" in done.stderr
    assert "Aborted with 1 warnings in strict mode!" in done.stdout + done.stderr


# --- Jupyter ----------------------------------------------------------------------------


def displayed(value: object) -> dict[str, str]:
    """What IPython sends a notebook for `value`: mimetype -> data."""
    from IPython.core.formatters import DisplayFormatter

    data, _ = DisplayFormatter().format(value)  # type: ignore[no-untyped-call]
    return dict(data)


def test_a_map_displays_as_svg_and_its_summary_in_ipython() -> None:
    data = displayed(argmap.Map(REPO / "maps" / "example.yaml", legend=False))
    assert sorted(data) == ["image/svg+xml", "text/html", "text/markdown", "text/plain"]
    root = ET.fromstring(data["image/svg+xml"])
    ids = [str(el.get("id")) for el in root.iter() if el.get("id")]
    assert "build-plant" in [i.split("-", 2)[2] for i in ids if i.startswith("argmap-nb")]
    summary = data["text/markdown"].splitlines()
    assert summary[0] == "**Should the city build a nuclear plant?**"
    assert summary[2].startswith("| id | claim | pro | con | strength | status |")
    assert summary[4].startswith(
        "| build-plant | The city should build a nuclear plant. | 2/3 | 1/3 |"
    )


def test_two_maps_in_a_notebook_share_no_id() -> None:
    one = argmap.Map(REPO / "maps" / "example.yaml")
    two = argmap.Map(REPO / "maps" / "example.yaml")
    ids = [{el.get("id") for el in ET.fromstring(m.svg or "").iter()} - {None} for m in (one, two)]
    assert ids[0] and not ids[0] & ids[1]


def test_a_broken_map_shows_its_diagnostics_in_the_notebook(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    data = displayed(argmap.Map(path))
    assert "image/svg+xml" not in data
    assert (
        data["text/markdown"]
        == f"```\n{path}:4:22: error: `ref` to unknown id 'nope' [E102]\n```\n"
    )


def test_importing_argmap_loads_neither_ipython_nor_the_renderer() -> None:
    heavy = ("IPython", "argmap.render", "argmap.renderer", "markdown")
    probe = f"import sys, argmap; print(sorted(m for m in {heavy!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_map_already_loaded_displays_too() -> None:
    loaded = argmap.loads_map(SMALL, "tiny.yaml")
    shown = argmap.Map(loaded)
    assert repr(shown) == "Map('tiny.yaml')"
    assert shown._repr_markdown_().splitlines()[0] == "**Tiny**"
    ids = {str(el.get("id")) for el in ET.fromstring(shown.svg or "").iter() if el.get("id")}
    assert any(i.endswith("-a") for i in ids)


def test_the_html_holds_the_diagram_above_the_table_for_front_ends_that_show_one() -> None:
    data = displayed(argmap.Map(REPO / "maps" / "example.yaml"))
    page = Page(data["text/html"])
    assert len(page.svgs) == 1
    html = data["text/html"]
    assert html.index("<svg") < html.index("<table>")
    assert "<td>build-plant</td><td>The city should build a nuclear plant.</td><td>2/3</td>" in html


def test_map_text_in_the_notebook_html_is_escaped(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\ntitle: '<b>T</b>'\nclaims:\n  c:\n    text: '<script>x</script>'\n"
        "    con: [No.]\n",
        encoding="utf-8",
    )
    html = argmap.Map(path)._repr_html_()
    assert "<script" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "<b>&lt;b&gt;T&lt;/b&gt;</b>" in html
