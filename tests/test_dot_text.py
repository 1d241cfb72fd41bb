"""DOT text written by argmap itself (argmap.dot_text), quoted by the one function
argmap.escape.dot_id: exact text for each kind of value, and what both renderers
make of values that would break a naive quoting."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.dot_text import Digraph
from argmap.escape import DotText, dot_id, esc_string
from argmap.renderer import Renderer, render_image
from tests.conftest import Invoke
from tests.render_helpers import groups, parse_svg, renderers, texts, tooltip


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("c1", "c1"),
        ("_x", "_x"),
        ("2.8", "2.8"),
        ("-.5", "-.5"),
        ("", '""'),
        ("p1.pro.2", '"p1.pro.2"'),  # a dot or a hyphen needs quotes
        ("node", '"node"'),  # DOT's keywords, in any case
        ("Graph", '"Graph"'),
        ("#1a1a1a", '"#1a1a1a"'),
        ("argmap:diagram", '"argmap:diagram"'),
        ('say "no"', '"say \\"no\\""'),
        ('a \\\\"b', '"a \\\\\\"b"'),  # an escaped backslash before a quote stays one
        ('a \\"b', '"a \\"b"'),  # a quote already escaped is not escaped twice
        ("<<B>Key</B>>", "<<B>Key</B>>"),  # an HTML-like label argmap built
        (DotText("<b>not markup</b>"), '"<b>not markup</b>"'),  # text, never a label
        ("undercuts\\na reason", '"undercuts\\na reason"'),  # DOT's own escapes kept
    ],
)
def test_dot_id_writes_each_kind_of_value(value: str, written: str) -> None:
    assert dot_id(value) == written


def test_a_value_written_again_is_written_the_same_and_text_stays_text() -> None:
    # A diagram works out each short value once: the second use must read as the
    # first, and a DotText of the same characters as a str label must still be quoted.
    g = Digraph("g")
    for _ in range(2):
        g.node("p1.pro.2", label="<b>x</b>", color="#1a1a1a")
        g.node("node", label=DotText("<b>x</b>"))
    with g.subgraph(name="cluster_1") as inner:
        inner.node("p1.pro.2", tooltip=DotText('say "no"'))
    assert g.source == (
        "digraph g {\n"
        '\t"p1.pro.2" [label=<b>x</b> color="#1a1a1a"]\n'
        '\t"node" [label="<b>x</b>"]\n'
        '\t"p1.pro.2" [label=<b>x</b> color="#1a1a1a"]\n'
        '\t"node" [label="<b>x</b>"]\n'
        "\tsubgraph cluster_1 {\n"
        '\t\t"p1.pro.2" [tooltip="say \\"no\\""]\n'
        "\t}\n"
        "}\n"
    )


def test_a_graph_is_written_statement_by_statement_with_attributes_in_order() -> None:
    g = Digraph("argmap")
    g.attr("graph", rankdir="TB", id="argmap:diagram")
    g.node("c1", style="filled", label="<<B>C</B>>", id="c1")
    g.edge("c1", "p-1", style="invis")
    with g.subgraph() as same:
        same.attr(rank="same")
        same.node("c1")
    with g.subgraph(name="cluster_c1") as frame:
        frame.attr(label="", color="red")
    assert g.source == (
        "digraph argmap {\n"
        '\tgraph [id="argmap:diagram" rankdir=TB]\n'
        "\tc1 [label=<<B>C</B>> id=c1 style=filled]\n"
        '\tc1 -> "p-1" [style=invis]\n'
        "\t{\n"
        "\t\trank=same\n"
        "\t\tc1\n"
        "\t}\n"
        "\tsubgraph cluster_c1 {\n"
        '\t\tcolor=red label=""\n'
        "\t}\n"
        "}\n"
    )


HOSTILE = 'He said "stop" \\N and \\l, <b>bold</b> & {braces}; node -> edge'


@pytest.fixture(params=renderers(), ids=lambda r: r.flavour)
def renderer(request: pytest.FixtureRequest) -> Renderer:
    return request.param


def test_both_renderers_read_escaped_values_back_as_written(renderer: Renderer) -> None:
    g = Digraph("argmap")
    g.node("node", label=DotText('"quoted" <b>'), tooltip=esc_string(HOSTILE), id="n1")
    g.node("p1.pro.2", label="plain", tooltip=esc_string("line one\nline two"), id="n2")
    g.edge("node", "p1.pro.2", id="e1")
    nodes = groups(parse_svg(render_image(g.source, "svg", renderer)), "node")
    assert texts(nodes["n1"]) == ['"quoted" <b>']
    assert tooltip(nodes["n1"]) == HOSTILE
    assert tooltip(nodes["n2"]).splitlines() == ["line one", "line two"]


def test_a_premise_longer_than_graphviz_reads_is_drawn_with_its_tooltip_cut(
    invoke: Invoke, tmp_path: Path
) -> None:
    # dot refuses a quoted string over 16,384 bytes ("longer than 16384?"), so a long
    # premise failed the whole diagram (E405) naming neither map nor node.
    words = '"quoted" \\ word ' * 2000
    path = tmp_path / "long.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: A.\n    con:\n"
        f"      - text: '{words.strip()} end.'\n",
        encoding="utf-8",
    )
    dot = invoke(["render", path, "--format", "dot", "-o", "-"]).stdout
    tooltips = [line for line in dot.splitlines() if "tooltip=" in line and "a.con.1" in line]
    assert tooltips and all(len(line.encode("utf-8")) < 16_384 for line in dot.splitlines())
    assert "… (cut here: the map holds the whole text; `argmap show` prints it)" in tooltips[0]
    for renderer in renderers():
        svg = tmp_path / f"long-{renderer.flavour}.svg"
        invoke(["render", path, "-o", svg, "--dot", renderer.path])
        assert "cut here: the map holds the whole text" in svg.read_text(encoding="utf-8")


def test_defaults_are_written_by_name_and_nodes_with_their_label_first() -> None:
    # graph, node and edge defaults sort every key, "label" too; a node puts its label first
    g = Digraph("m")
    g.attr(label="Title", bgcolor="white")
    g.attr("edge", label="x", color="red")
    g.node("a", label="A", color="blue")
    assert g.source == (
        "digraph m {\n"
        "\tbgcolor=white label=Title\n"
        "\tedge [color=red label=x]\n"
        "\ta [label=A color=blue]\n"
        "}\n"
    )
