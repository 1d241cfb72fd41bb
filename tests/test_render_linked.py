"""Drawing linked groups (issue 22): one frame around a group's premises, one arrow or
tee from the frame, undercuts on that arrow, whole groups under --focus and --depth."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from argmap.diff_view import REMOVED
from argmap.evaluate import evaluate
from argmap.load import load_map, loads_map
from argmap.model import ArgumentMap, LinkKind
from argmap.render import Ghost, Overlay, render_dot
from argmap.renderer import Renderer, render_image, render_map
from argmap.themes import RenderOptions
from tests.conftest import MAPS, REPO
from tests.render_helpers import SVG, classes, groups, parse_svg, renderers, texts, tooltip

LINKED = MAPS / "linked-groups.yaml"
PRO_GROUP = "withholds-and-needed"
PRO_LINK = "delay.pro.2"  # the group's link to delay: after "The union said so"
CON_GROUP = "delay.con.1"  # no id: its path id
CON_LINK = "delay.con.1"


@pytest.fixture(params=renderers(), ids=lambda r: r.flavour)
def renderer(request: pytest.FixtureRequest) -> Renderer:
    return request.param


@pytest.fixture(scope="module")
def m() -> ArgumentMap:
    return load_map(LINKED)


# --- reading DOT text

EDGE = re.compile(r'^\t*("(?:[^"\\]|\\.)*"|\S+) -> ("(?:[^"\\]|\\.)*"|\S+)(?: \[(.*)\])?$')
NODE = re.compile(r'^\t*("(?:[^"\\]|\\.)*"|[\w.-]+) \[(.*)\]$')
ATTR = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|<.*?>(?= \w+=|$)|[^ "]+)')


def unquote(name: str) -> str:
    return name[1:-1].replace('\\"', '"') if name.startswith('"') else name


def attributes(text: str | None) -> dict[str, str]:
    return {key: unquote(value) for key, value in ATTR.findall(text or "")}


def edges(dot: str) -> list[tuple[str, str, dict[str, str]]]:
    out = []
    for line in dot.splitlines():
        found = EDGE.match(line)
        if found:
            out.append((unquote(found[1]), unquote(found[2]), attributes(found[3])))
    return out


def cluster(dot: str, name: str) -> str:
    """The text of one cluster, nested subgraphs included."""
    lines = dot.splitlines()
    heads = (f'subgraph "{name}" {{', f"subgraph {name} {{")
    start = next(i for i, line in enumerate(lines) if line.strip() in heads)
    indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
    end = next(i for i in range(start + 1, len(lines)) if lines[i] == f"{indent}}}")
    return "\n".join(lines[start + 1 : end])


def drawn_nodes(dot: str) -> list[str]:
    """The map's nodes drawn as boxes (claims and premises), in the order written."""
    out = []
    for line in dot.splitlines():
        found = NODE.match(line)
        if found and attributes(found[2]).get("class", "").split()[:1] in (["claim"], ["premise"]):
            out.append(unquote(found[1]))
    return out


def clusters(dot: str) -> list[str]:
    return re.findall(r'subgraph "?(cluster_[^" ]*)"? \{', dot)


# --- the frame


def test_each_group_is_one_frame_holding_exactly_its_premises(m: ArgumentMap) -> None:
    dot = render_dot(m)
    assert clusters(dot) == [f"cluster_{PRO_GROUP}", f"cluster_{CON_GROUP}"]
    assert drawn_nodes(cluster(dot, f"cluster_{PRO_GROUP}")) == ["withholds", "assent"]
    # assent is a premise of both groups: Graphviz draws a node in one cluster only, so
    # it stands in the first group's frame, and the second frame draws a line to it.
    assert drawn_nodes(cluster(dot, f"cluster_{CON_GROUP}")) == ["delay.con.1.linked.1"]
    assert drawn_nodes(dot).count("assent") == 1
    to_assent = [e for e in edges(dot) if e[1] == "assent" and e[2].get("ltail")]
    assert [e[2]["ltail"] for e in to_assent] == [f"cluster_{CON_GROUP}"]
    assert to_assent[0][2]["style"] == "dotted" and to_assent[0][2]["dir"] == "none"
    # The group itself is no box of its own.
    assert PRO_GROUP not in drawn_nodes(dot) and CON_GROUP not in drawn_nodes(dot)


def test_a_frame_is_labelled_together_with_its_id_and_who_argues_it(m: ArgumentMap) -> None:
    dot = render_dot(m)
    pro = cluster(dot, f"cluster_{PRO_GROUP}")
    assert "<B>together</B> · withholds-and-needed · Julia Preston</FONT>" in pro
    con = cluster(dot, f"cluster_{CON_GROUP}")
    assert ">together</B></FONT>" in con  # a path id is a place, not a name: not shown
    assert "delay.con.1 ·" not in con


def test_one_arrow_for_a_group_for_and_one_tee_for_a_group_against(m: ArgumentMap) -> None:
    dot = render_dot(m)
    for link, group, arrow in ((PRO_LINK, PRO_GROUP, "normal"), (CON_LINK, CON_GROUP, "tee")):
        ids = (f"link:{link}", f"link:{link}:source")
        parts = [e for e in edges(dot) if e[2].get("id") in ids]
        heads = [e for e in parts if "arrowtail" in e[2]]
        # One edge with a head, at the conclusion; the line from its point to the frame.
        assert [(e[0], e[2]["arrowtail"], e[2]["dir"]) for e in heads] == [("delay", arrow, "back")]
        into_frame = [e for e in parts if e[2].get("lhead")]
        assert [e[2]["lhead"] for e in into_frame] == [f"cluster_{group}"]
        assert into_frame[0][2]["dir"] == "none"
        assert "compound=true" in dot.splitlines()[1]


def test_no_edge_is_drawn_for_a_premise_belonging_to_its_group(m: ArgumentMap) -> None:
    dot = render_dot(m)
    linked_links = {lk.id for lk in m.links if lk.kind.value == "linked"}
    drawn_ids = {e[2].get("id", "").removeprefix("link:") for e in edges(dot)}
    # Only the one premise drawn in the other group's frame gets a (dotted) line.
    assert linked_links & drawn_ids == {"delay.con.1.linked.2"}
    visible = [e for e in edges(dot) if e[2].get("style") != "invis"]
    assert not [e for e in visible if e[1] == "withholds" and e[0] != "withholds"]


def test_an_undercut_of_a_group_aims_at_the_junction_on_its_arrow(m: ArgumentMap) -> None:
    dot = render_dot(m)
    undercut = next(e for e in edges(dot) if e[2].get("id") == f"link:{PRO_LINK}.undercut.1")
    assert undercut[0] == f"J{PRO_LINK}"
    assert undercut[2]["arrowtail"] == "tee" and undercut[2]["style"] == "dashed"
    arrow = [e for e in edges(dot) if e[2].get("id") == f"link:{PRO_LINK}"]
    assert [(e[0], e[1]) for e in arrow] == [("delay", f"J{PRO_LINK}")]
    part = next(e for e in edges(dot) if e[2].get("id") == f"link:{PRO_LINK}:source")
    assert part[0] == f"J{PRO_LINK}" and part[2]["lhead"] == f"cluster_{PRO_GROUP}"
    # A group nothing undercuts: its arrow runs through an invisible point, no junction.
    assert f'"junction:{CON_LINK}"' not in dot
    assert f'id="gate:{CON_LINK}"' in dot


def test_with_evaluation_the_frame_carries_the_groups_badge_and_tint(m: ArgumentMap) -> None:
    evaluation = evaluate(m)
    dot = render_dot(m, evaluation)
    pro = cluster(dot, f"cluster_{PRO_GROUP}")
    # withholds falls (its objection stands unanswered), so the group falls with it.
    assert evaluation.nodes[PRO_GROUP].status.value == "out"
    strength = f"{evaluation.nodes[PRO_GROUP].strength:.2f}"
    assert f">falls {strength}</FONT>" in pro.splitlines()[0]
    header = attributes(pro.splitlines()[0]) | attributes(pro.splitlines()[1])
    assert header["style"] == "rounded,filled" and header["fillcolor"] == "#fce8e6"
    assert header["class"] == "group status-out"
    assert "It stands while every premise stands" in header["tooltip"]


# --- selection: never half a frame


def test_depth_takes_a_group_with_all_its_premises_or_not_at_all(m: ArgumentMap) -> None:
    one = render_dot(m, options=RenderOptions(depth=1))
    assert clusters(one) == [f"cluster_{PRO_GROUP}", f"cluster_{CON_GROUP}"]
    assert drawn_nodes(cluster(one, f"cluster_{PRO_GROUP}")) == ["withholds", "assent"]
    assert "withholds.con.1" not in drawn_nodes(one)  # two links down
    none = render_dot(m, options=RenderOptions(focus="delay", depth=0))
    assert clusters(none) == [] and drawn_nodes(none) == ["delay"]


def test_focus_on_a_premise_in_a_group_shows_its_group(m: ArgumentMap) -> None:
    dot = render_dot(m, options=RenderOptions(focus="withholds", depth=1))
    assert clusters(dot) == [f"cluster_{PRO_GROUP}"]
    inside = cluster(dot, f"cluster_{PRO_GROUP}")
    assert drawn_nodes(inside) == ["withholds", "assent"]
    assert 'class="claim context"' in inside  # the other premise: context, greyed
    # What bears on the focus, and the undercut of its group's inference; the conclusion.
    assert set(drawn_nodes(dot)) == {
        "delay",
        "withholds",
        "assent",
        "withholds.con.1",
        f"{PRO_LINK}.undercut.1",
    }


def test_focus_on_a_group_draws_its_frame_and_every_premise(m: ArgumentMap) -> None:
    dot = render_dot(m, options=RenderOptions(focus=CON_GROUP, depth=0))
    assert drawn_nodes(cluster(dot, f"cluster_{CON_GROUP}")) == ["delay.con.1.linked.1", "assent"]


# --- the SVG, with both renderers


def box(group: ET.Element) -> tuple[float, float, float, float]:
    """Left, top, right, bottom of the first shape drawn in a node or cluster."""
    shape = next(e for e in group.iter() if e.tag in (f"{SVG}polygon", f"{SVG}path"))
    text = shape.attrib.get("points") or shape.attrib["d"]
    pairs = [(float(x), float(y)) for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", text)]
    xs, ys = [p[0] for p in pairs], [p[1] for p in pairs]
    return min(xs), min(ys), max(xs), max(ys)


def ends(edge: ET.Element) -> list[tuple[float, float]]:
    path = next(edge.iter(f"{SVG}path"))
    pairs = re.findall(r"(-?[\d.]+),(-?[\d.]+)", path.attrib["d"])
    return [(float(x), float(y)) for x, y in (pairs[0], pairs[-1])]


def svg(m: ArgumentMap, renderer: Renderer, **options: Any) -> ET.Element:
    data = render_map(
        m, "svg", evaluation=evaluate(m), options=RenderOptions(**options), renderer=renderer
    )
    return parse_svg(data)


def test_the_frame_encloses_its_premises_side_by_side(m: ArgumentMap, renderer: Renderer) -> None:
    root = svg(m, renderer)
    frames = groups(root, "cluster")
    nodes = groups(root, "node")
    frame = box(frames[PRO_GROUP])
    assert classes(frames[PRO_GROUP])[:3] == ["cluster", "group", "status-out"]
    assert "".join(texts(frames[PRO_GROUP])).startswith(
        "together · withholds-and-needed · Julia Preston"
    )
    inside = [box(nodes[p]) for p in ("withholds", "assent")]
    for left, top, right, bottom in inside:
        assert frame[0] < left and right < frame[2] and frame[1] < top and bottom < frame[3]
    assert inside[0][2] < inside[1][0]  # side by side, in file order
    middles = [(top + bottom) / 2 for _, top, _, bottom in inside]
    assert abs(middles[0] - middles[1]) < 1  # on one rank
    assert tooltip(frames[PRO_GROUP]).startswith(
        "Linked group withholds-and-needed: its premises bear on delay only together"
    )


def test_the_arrow_leaves_the_frame_and_the_group_keeps_its_place(
    m: ArgumentMap, renderer: Renderer
) -> None:
    root = svg(m, renderer)
    frames, nodes, lines = groups(root, "cluster"), groups(root, "node"), groups(root, "edge")
    left, top, right, _ = box(frames[PRO_GROUP])
    # The line from the junction stops at the frame's top border, within it left to right.
    (x0, y0), (x1, y1) = ends(lines[f"link:{PRO_LINK}:source"])
    low = (x0, y0) if y0 > y1 else (x1, y1)
    assert abs(low[1] - top) < 3 and left < low[0] < right
    # The premises of delay keep their file order, left to right, the groups among them.
    order = [
        box(nodes["delay.pro.1"])[0],
        left,
        box(nodes["delay.pro.3"])[0],
        box(frames[CON_GROUP])[0],
        box(nodes["delay.con.2"])[0],
    ]
    assert order == sorted(order)


REF_INTO_FRAME = MAPS / "ref-into-a-frame.yaml"


def test_a_ref_through_a_junction_to_a_premise_in_a_frame_pulls_nothing_into_the_frame() -> None:
    # The junction hangs under the conclusion; the line on to the premise moves nothing.
    # Pulled from outside (in secure-communities), dot swapped the frame's premises.
    found = {(tail, head): a for tail, head, a in edges(render_dot(load_map(REF_INTO_FRAME)))}
    assert "constraint" not in found[("hinders", "Jhinders.pro.1")]
    part = found[("Jhinders.pro.1", "assent")]
    assert part["constraint"] == "false" and "weight" not in part
    # To a premise outside any frame, the junction still sits right above the premise.
    scomm = load_map(REPO / "maps" / "secure-communities.yaml")
    found = {(tail, head): a for tail, head, a in edges(render_dot(scomm))}
    assert found[("no-standoff", "Jno-standoff.con.1")]["constraint"] == "false"
    part = found[("Jno-standoff.con.1", "crane-testimony")]
    assert "constraint" not in part and part["weight"] == "4"


def test_a_row_two_ranks_down_is_held_by_invisible_edges_a_frame_takes_no_part() -> None:
    dot = render_dot(load_map(REF_INTO_FRAME), options=RenderOptions(legend=False))
    rows = re.findall(r"\t\{\n\t\trank=same\n((?:\t\t\S+ -> \S+ \[style=invis\]\n)+)\t\}", dot)
    # hinders' premises stand two ranks down (the ref's junction takes the rank between);
    # delay's row holds only no-standoff beside the group, whose frame cannot take part.
    assert rows == ['\t\tslows -> "misses-point" [style=invis]\n']
    # With --cluster every premise is in its claim's frame: no row is held.
    framed = render_dot(load_map(REF_INTO_FRAME), options=RenderOptions(cluster=True))
    assert "[style=invis]" in framed and '"misses-point" [style=invis]' not in framed


def test_a_ref_into_a_frame_and_a_row_two_ranks_down_keep_file_order(renderer: Renderer) -> None:
    m = load_map(REF_INTO_FRAME)
    nodes = groups(parse_svg(render_map(m, "svg", renderer=renderer)), "node")
    x = {name: box(nodes[name])[0] for name in ("withholds", "assent", "slows", "misses-point")}
    assert x["withholds"] < x["assent"] and x["slows"] < x["misses-point"]


def test_the_key_shows_a_linked_group_only_when_the_map_has_one(
    m: ArgumentMap, renderer: Renderer
) -> None:
    key = [g for g in groups(svg(m, renderer), "node").values() if "group" in classes(g)]
    words = [" ".join(" ".join(texts(g)).split()) for g in key]
    assert words == ["together premise premise linked premises: they bear on it only together"]
    plain = loads_map("argmap: 1\ntitle: t\nclaims:\n  c:\n    text: x\n", "plain.yaml")
    assert "Lgroup" not in render_dot(plain)


HOSTILE_GROUP = """\
argmap: 1
title: t
actors:
  evil: {name: "<img src=x onerror=alert(1)>"}
claims:
  c:
    text: c
    pro:
      - linked:
          - text: "<script>alert(1)</script> \\\\N \\" ]]>"
          - text: "b & <b>c</b>"
        id: "x\\"] ; evil -> c [label=<<b>"
        by: evil
        note: "\\" onload=alert(2) \\n"
"""


def test_a_hostile_group_id_and_text_stay_text(renderer: Renderer) -> None:
    m = loads_map(HOSTILE_GROUP, "hostile.yaml")  # only validate would refuse it
    group = next(n for n in m.unique_nodes() if n.is_group)
    dot = render_dot(m, evaluate(m))
    assert len(clusters(dot)) == 1
    assert not [e for e in edges(dot) if e[0] == "evil"]  # the id broke out of nothing
    root = svg(m, renderer)
    for element in root.iter():
        assert element.tag.split("}")[-1] not in {"script", "foreignObject", "iframe", "img"}
        assert not [k for k in element.attrib if k.split("}")[-1].lower().startswith("on")]
    frame = next(g for g in groups(root, "cluster").values() if "group" in classes(g))
    assert " ".join(texts(frame)).split(" · ")[1:3] == [
        group.id,
        "<img src=x onerror=alert(1)> unopposed 0.50",  # and the group's badge
    ]
    assert 'Note: " onload=alert(2)' in tooltip(frame)
    boxes = {" ".join(texts(g)).split("  ")[0] for g in groups(root, "node").values()}
    assert any(t.startswith('<script>alert(1)</script> \\N " ]]>') for t in boxes)


@pytest.mark.parametrize("direction", ["LR", "RL"])
def test_drawn_sideways_a_groups_premises_read_downwards(
    m: ArgumentMap, renderer: Renderer, direction: str
) -> None:
    nodes = groups(svg(m, renderer, direction=direction), "node")
    assert box(nodes["withholds"])[3] < box(nodes["assent"])[1]  # above it, as written first
    assert box(nodes["delay.pro.1"])[3] < box(nodes["delay.pro.3"])[1]


def test_a_removed_premise_of_a_group_is_a_ghost_joined_to_its_frame(
    m: ArgumentMap, renderer: Renderer
) -> None:
    gone = Ghost("gone", "A premise the new map dropped", PRO_GROUP, LinkKind.LINKED, REMOVED)
    overlay = Overlay(ghosts=(gone,), key=(REMOVED,))
    line = next(
        e for e in edges(render_dot(m, overlay=overlay)) if e[2].get("id") == "ghost-link:1"
    )
    assert (line[1], line[2]["ltail"], line[2]["arrowtail"]) == (
        "G1",
        f"cluster_{PRO_GROUP}",
        "none",
    )
    root = parse_svg(render_image(render_dot(m, overlay=overlay), "svg", renderer))
    assert "ghost-link:1" in groups(root, "edge")


def test_a_group_whose_premises_objections_are_answered_stands_not_unopposed() -> None:
    # Nothing objects to the group itself; an objection to one of its premises is
    # answered, so the group stands on its merits: "stands", tinted, never "unopposed".
    m = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: c\n    pro:\n      - linked:\n"
        "          - text: a\n            weight: 0.9\n            con:\n              - text: no\n"
        "                con: [yes]\n          - text: b\n        id: g\n",
        "answered.yaml",
    )
    frame = cluster(render_dot(m, evaluate(m)), "cluster_g")
    assert ">stands 0.50</FONT>" in frame.splitlines()[0]
    header = attributes(frame.splitlines()[0]) | attributes(frame.splitlines()[1])
    assert header["class"] == "group status-in" and header["style"] == "rounded,filled"
