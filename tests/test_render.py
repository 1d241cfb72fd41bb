"""render.py: the DOT a map becomes, and the SVG a renderer lays out from it.

Assertions are on DOT text and on the parsed SVG (never on SVG bytes, which
depend on the Graphviz version). Layout tests run against every renderer on
the machine: Graphviz's dot when installed, and graphviz-pure always.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.errors import EvaluationError, Position, RenderError
from argmap.escape import clean_text
from argmap.evaluate import evaluate
from argmap.load import load_map, loads_map
from argmap.model import ArgumentMap, Link, LinkKind, Node, NodeKind
from argmap.quotes import SourceTexts, check_quotes
from argmap.render import render_dot
from argmap.renderer import Renderer, find_renderer, render_image, render_map
from argmap.themes import THEMES, RenderOptions
from tests.budget import examples
from tests.conftest import MAPS, REPO
from tests.render_helpers import (
    SVG,
    XLINK,
    box_width,
    classes,
    groups,
    left_x,
    parse_svg,
    renderers,
    texts,
    tooltip,
    top_y,
)

EXAMPLE = REPO / "maps" / "example.yaml"


@pytest.fixture(params=renderers(), ids=lambda r: r.flavour)
def renderer(request: pytest.FixtureRequest) -> Renderer:
    return request.param


def svg_of(path: Path, renderer: Renderer, **options: Any) -> tuple[Any, ...]:
    m = load_map(path)
    data = render_map(
        m,
        "svg",
        evaluation=evaluate(m),
        options=RenderOptions(**options),
        checks=check_quotes(m),
        renderer=renderer,
    )
    root = parse_svg(data)
    return root, groups(root, "node"), groups(root, "edge")


# --- DOT: pure and deterministic


def test_the_same_map_gives_byte_identical_dot_in_every_process() -> None:
    m = load_map(EXAMPLE)
    here = render_dot(m, evaluate(m))
    assert render_dot(load_map(EXAMPLE), evaluate(load_map(EXAMPLE))) == here
    script = (
        "import sys; from argmap.load import load_map; from argmap.evaluate import evaluate;"
        "from argmap.render import render_dot; m = load_map(sys.argv[1]);"
        "sys.stdout.write(render_dot(m, evaluate(m)))"
    )
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", script, str(EXAMPLE)],
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        assert done.stdout == here


def test_premises_are_emitted_in_file_order_under_ordering_out() -> None:
    dot = render_dot(load_map(MAPS / "order.yaml"))
    assert "ordering=out" in dot
    heads = re.findall(r"^\tmain -> (\w+)", dot, re.M)
    assert heads == ["zulu", "yankee", "xray", "bravo", "alpha"]


def test_edges_run_from_conclusion_to_premise_with_the_arrowhead_at_the_conclusion() -> None:
    dot = render_dot(load_map(EXAMPLE))
    line = next(x for x in dot.splitlines() if 'id="link:build-plant.con.1"' in x)
    assert line.startswith('\t"build-plant" -> "accident-risk" [')
    assert "arrowtail=tee" in line and "dir=back" in line
    line = next(x for x in dot.splitlines() if 'id="link:build-plant.pro.1"' in x)
    assert "arrowtail=normal" in line


def test_an_undercut_aims_at_a_junction_on_the_link_it_attacks() -> None:
    dot = render_dot(load_map(EXAMPLE))
    assert '"Jbuild-plant.pro.2" [class=junction' in dot
    assert '"build-plant" -> "Jbuild-plant.pro.2" [' in dot
    assert '"Jbuild-plant.pro.2" -> "cheap-power" [class="link-part pro"' in dot
    undercut = next(x for x in dot.splitlines() if "link:build-plant.pro.2.undercut.1" in x)
    assert undercut.startswith('\t"Jbuild-plant.pro.2" -> "build-plant.pro.2.undercut.1" [')
    assert "style=dashed" in undercut and "arrowtail=tee" in undercut


def test_claims_stand_out_and_implicit_premises_are_dashed() -> None:
    dot = render_dot(load_map(EXAMPLE), options=RenderOptions(legend=False))
    claim = next(x for x in dot.splitlines() if x.startswith('\t"build-plant" ['))
    assert 'style="rounded,filled"' in claim and "penwidth=2.2" in claim
    assert '<FONT POINT-SIZE="15"><B>The city should build a<BR/>nuclear plant.</B></FONT>' in claim
    implicit = next(x for x in dot.splitlines() if x.startswith('\t"lower-bills.con.1" ['))
    assert 'style="filled,dashed"' in implicit and "<I>reconstructed</I>" in implicit
    premise = next(x for x in dot.splitlines() if x.startswith('\t"accident-risk.con.1" ['))
    assert "style=filled " in premise and "Dana Ortiz" in premise


def test_the_title_is_the_graph_label_and_the_legend_can_be_left_out() -> None:
    m = load_map(EXAMPLE)
    dot = render_dot(m)
    assert "<B>Should the city build a nuclear plant?</B>" in dot
    assert "Lkey" in dot and 'label="undercuts: disputes that\\na reason bears on it"' in dot
    assert "Lkey" not in render_dot(m, options=RenderOptions(legend=False))


def title_label(dot: str) -> str:
    found = re.search(r"label=<<FONT POINT-SIZE=\"20\"><B>(.*?)</B>", dot)
    assert found is not None, dot
    return found[1]


def test_a_long_title_is_wrapped_rather_than_widening_the_picture() -> None:
    title = "Secure Communities, the ICE officers' union and the labor movement, " * 3
    m = loads_map(f'argmap: 1\ntitle: "{title}"\nclaims:\n  c: {{text: x}}\n', "t.yaml")
    label = title_label(render_dot(m))
    lines = label.replace("&#39;", "'").split("<BR/>")
    assert len(lines) == 4 and all(len(line) <= 60 for line in lines), lines
    assert " ".join(lines) == title.strip()
    # Lines of even length: no word left alone on the last line.
    assert max(len(line) for line in lines) - min(len(line) for line in lines) <= 12, lines
    one = "Secure Communities, the ICE officers' union and the labor movement"
    m = loads_map(f'argmap: 1\ntitle: "{one}"\nclaims:\n  c: {{text: x}}\n', "t.yaml")
    label = title_label(render_dot(m))
    assert label.replace("&#39;", "'").split("<BR/>") == [
        "Secure Communities, the ICE officers'",
        "union and the labor movement",
    ]


def test_direction_sets_rankdir() -> None:
    dot = render_dot(load_map(EXAMPLE), options=RenderOptions(direction="LR"))
    assert "rankdir=LR" in dot


def test_cluster_frames_each_claim_with_what_is_written_under_it() -> None:
    dot = render_dot(load_map(EXAMPLE), options=RenderOptions(cluster=True))
    frame = dot.split('subgraph "cluster_build-plant" {')[1].split("\t}")[0]
    assert '"cheap-power" [' in frame and '"build-plant.pro.2.undercut.1" [' in frame
    assert '"lower-bills.con.1" [' not in frame
    assert 'subgraph "cluster_lower-bills" {' in dot


def test_cluster_frames_every_level_and_an_undercut_written_under_a_ref() -> None:
    def framed(dot: str, claim: str) -> list[str]:
        frame = dot.split(f"subgraph cluster_{claim} {{")[1].split("\n\t}")[0]
        return re.findall(r'^\t\t"?([a-z0-9][a-z0-9._-]*)"? \[label=', frame, re.M)

    text = (
        "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: A.\n    pro:\n      - id: p\n"
        "        text: P.\n        con: [Q.]\n  b:\n    text: B.\n    pro:\n      - ref: p\n"
        "        undercut: [U undercuts the step from p to b.]\n"
    )
    dot = render_dot(loads_map(text, "m.yaml"), options=RenderOptions(cluster=True))
    assert framed(dot, "a") == ["a", "p", "p.con.1"]
    assert framed(dot, "b") == ["b", "b.pro.1.undercut.1"]
    # "c.pro.1" names the premise and its link: the undercut of the link, written first,
    # does not stop the walk before the premise's own objection
    text = (
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n    pro:\n      - text: P.\n"
        "        undercut: [U.]\n        con: [Q.]\n"
    )
    dot = render_dot(loads_map(text, "m.yaml"), options=RenderOptions(cluster=True))
    assert framed(dot, "c") == ["c", "c.pro.1", "c.pro.1.undercut.1", "c.pro.1.con.1"]


# --- focus and depth


def node_ids(dot: str) -> list[str]:
    found = re.findall(r'^\t"?([a-z0-9][a-z0-9._-]*)"? \[label=', dot, re.M)
    return [n for n in found if n not in {"graph", "node", "edge"}]


def test_focus_draws_the_node_what_bears_on_it_and_its_context() -> None:
    m = load_map(EXAMPLE)
    dot = render_dot(m, options=RenderOptions(focus="accident-risk"))
    assert node_ids(dot) == ["build-plant", "accident-risk", "accident-risk.con.1"]
    context = next(x for x in dot.splitlines() if x.startswith('\t"build-plant" ['))
    assert 'class="claim context"' in context
    assert "around accident-risk" in dot


def test_focus_on_a_premise_shows_the_undercut_of_its_own_link() -> None:
    # "Prices would rise to pay for overruns" disputes that cheap power bears on
    # building the plant: a reader looking at cheap-power needs to see it.
    m = load_map(EXAMPLE)
    dot = render_dot(m, options=RenderOptions(focus="cheap-power", legend=False))
    assert node_ids(dot) == [
        "build-plant",
        "cheap-power",
        "build-plant.pro.2.undercut.1",
        "lower-bills",
    ]
    # ... aimed at the junction on the link from cheap-power to build-plant.
    assert '\t"Jbuild-plant.pro.2" -> "build-plant.pro.2.undercut.1" [' in dot
    # One link down: the undercut counts as one link from the premise, like its own premises.
    assert node_ids(render_dot(m, options=RenderOptions(focus="cheap-power", depth=0))) == [
        "build-plant",
        "cheap-power",
        "lower-bills",
    ]
    assert "build-plant.pro.2.undercut.1" in node_ids(
        render_dot(m, options=RenderOptions(focus="cheap-power", depth=1))
    )


def test_depth_counts_links_down_from_the_focus_or_the_claims() -> None:
    m = load_map(EXAMPLE)
    one = render_dot(m, options=RenderOptions(focus="build-plant", depth=1))
    assert node_ids(one) == [
        "build-plant",
        "low-emissions",
        "cheap-power",
        "build-plant.pro.2.undercut.1",
        "accident-risk",
    ]
    top = render_dot(m, options=RenderOptions(depth=0))
    assert node_ids(top) == ["build-plant", "lower-bills"]


def test_focus_on_an_unknown_id_is_a_one_line_error() -> None:
    with pytest.raises(RenderError) as caught:
        render_dot(load_map(EXAMPLE), options=RenderOptions(focus="nope"))
    assert caught.value.format() == "error: --focus names no node in this map: 'nope' [E406]"


def drawn(text: str, **options: Any) -> list[str]:
    """The ids of the nodes drawn from a small map, in the order the DOT writes them."""
    m = loads_map("argmap: 1\ntitle: t\nallow-cycles: true\nclaims:\n" + text, "m.yaml")
    dot = render_dot(m, options=RenderOptions(legend=False, **options))
    # a linked group's premises are drawn inside its frame, one tab further in
    found = re.findall(r'^\t+"?([a-z0-9][a-z0-9._-]*)"? \[label=', dot, re.M)
    return [n for n in found if n != "graph"]


CHAIN = """\
  c:
    text: C.
    pro:
      - id: p1
        text: P1.
        con:
          - id: p2
            text: P2.
            con:
              - {id: p3, text: P3.}
"""


def test_depth_two_draws_two_links_down_and_no_depth_draws_everything() -> None:
    assert drawn(CHAIN, depth=2) == ["c", "p1", "p2"]
    assert drawn(CHAIN, focus="c", depth=2) == ["c", "p1", "p2"]
    assert drawn(CHAIN, focus="c") == ["c", "p1", "p2", "p3"]


def test_depth_reaches_past_a_premise_whose_undercut_is_written_first() -> None:
    # "c.pro.1" is the premise and its link: the undercut of the link is not below the
    # premise, and must not hide the premise's own objection written after it.
    text = (
        "  c:\n    text: C.\n    pro:\n      - text: P.\n        undercut: [U.]\n"
        "        con: [Q.]\n"
    )
    assert drawn(text, depth=2) == ["c", "c.pro.1", "c.pro.1.undercut.1", "c.pro.1.con.1"]


UNDERCUT = """\
  c:
    text: C.
    pro:
      - id: p
        text: P.
        con:
          - {id: x, text: X.}
        undercut:
          - id: u
            text: U.
            con:
              - id: w
                text: W.
                con:
                  - {id: y, text: Y.}
"""


def test_depth_counts_the_undercut_of_the_focus_link_as_one_link_down() -> None:
    assert drawn(UNDERCUT, focus="p", depth=1) == ["c", "p", "x", "u"]
    assert drawn(UNDERCUT, focus="p", depth=2) == ["c", "p", "x", "u", "w"]


def test_focus_below_a_premise_leaves_out_the_undercut_of_the_premise_link() -> None:
    # u disputes that p bears on c: not something that bears on x.
    assert drawn(UNDERCUT, focus="x") == ["c", "p", "x"]


def test_focus_on_an_undercutter_shows_the_link_it_attacks_as_context() -> None:
    dot = render_dot(load_map(EXAMPLE), options=RenderOptions(focus="build-plant.pro.2.undercut.1"))
    assert node_ids(dot) == [
        "build-plant",
        "cheap-power",
        "build-plant.pro.2.undercut.1",
        "lower-bills",
    ]
    context = [x.split()[0] for x in dot.splitlines() if 'context"' in x and "[label=" in x]
    assert context == ['"build-plant"', '"cheap-power"', '"lower-bills"']


def test_focus_on_an_undercut_of_an_undercut_shows_both_links_it_hangs_from() -> None:
    text = (
        "  c:\n    text: C.\n    pro:\n      - id: p\n        text: P.\n        undercut:\n"
        "          - id: u\n            text: U.\n            undercut: [{id: v, text: V.}]\n"
    )
    assert drawn(text, focus="v") == ["c", "p", "u", "v"]


def test_focus_draws_a_linked_group_under_the_undercut_of_its_link() -> None:
    text = (
        "  c:\n    text: C.\n    pro:\n      - id: p\n        text: P.\n        undercut:\n"
        "          - id: u\n            text: U.\n            pro:\n"
        "              - linked: [{id: a, text: A.}, {id: b, text: B.}]\n"
    )
    assert drawn(text, focus="p") == ["c", "p", "u", "a", "b"]


def test_focus_in_a_cycle_draws_the_cycle_as_context_once() -> None:
    text = (
        "  start:\n    text: S.\n    con:\n      - id: left\n        text: L.\n"
        "        con:\n          - id: right\n            text: R.\n"
        "            con:\n              - ref: left\n              - {id: q, text: Q.}\n"
    )
    assert drawn(text, focus="q") == ["start", "left", "right", "q"]


def test_focus_leaves_out_the_undercut_of_a_linked_group_it_is_not_in() -> None:
    dot = render_dot(load_map(MAPS / "linked.yaml"), options=RenderOptions(focus="delay.con.2"))
    assert node_ids(dot) == ["delay", "delay.con.2"]


def test_focus_on_a_misspelt_id_suggests_the_nearest() -> None:
    with pytest.raises(RenderError) as caught:
        render_dot(load_map(EXAMPLE), options=RenderOptions(focus="acident-risk"))
    assert caught.value.format() == (
        "error: --focus names no node in this map: 'acident-risk';"
        " did you mean 'accident-risk'? [E406]"
    )


# --- evaluation


def badges(dot: str) -> dict[str, tuple[str, str]]:
    """Each node's badge text and SVG classes, from the DOT text."""
    out = {}
    for line in dot.splitlines():
        found = re.match(r'\t"?([a-z0-9.-]+)"? \[label=', line)
        if found is None or found[1] in ("graph", "node", "edge"):
            continue
        badge = re.findall(r'COLOR="[^"]+">([^<]*)</FONT></TD></TR></TABLE></TD>', line)
        classes = re.search(r'class="?([^"]+?)"? fillcolor', line)
        assert classes is not None
        out[found[1]] = (badge[0] if badge else "", classes[1])
    return out


def test_each_badge_says_what_was_computed_and_the_key_carries_the_caveat() -> None:
    m = load_map(EXAMPLE)
    dot = render_dot(m, evaluate(m))
    # tests/test_evaluate.py works the numbers out; leaves are "unopposed", never "stands";
    # both claims cross 0.5 when base scores move by ±0.2 (tests/test_explain.py): fragile
    assert badges(dot) == {
        "build-plant": ("stands 0.64 · fragile", "claim status-in fragile"),
        "low-emissions": ("falls 0.25", "premise status-out"),
        "low-emissions.con.1": ("unopposed 0.50", "premise status-in unopposed"),
        "cheap-power": ("unopposed 0.50", "premise status-in unopposed"),
        "build-plant.pro.2.undercut.1": ("unopposed 0.50", "premise status-in unopposed"),
        "accident-risk": ("falls 0.15", "premise status-out"),
        "accident-risk.con.1": ("unopposed 0.70", "premise status-in unopposed"),
        "lower-bills": ("falls 0.50 · fragile", "claim status-out fragile"),
        "lower-bills.con.1": ("unopposed 0.50", "premise implicit status-in unopposed"),
    }
    assert "Strength from 0 to 1 under DF-QuAD;<BR/>status: grounded, from attacks only" in dot
    assert (
        "<B>Scores are computed from the map as drawn, with default base scores<BR/>where none"
        " is given; not a judgement of the sources or of truth.</B>"
    ) in dot
    for word in ("stands 0.80", "falls 0.20", "undecided 0.50", "unopposed 0.50"):
        assert f"> {word} </FONT>" in dot  # the key's samples, each with what it means
    assert "every objection recorded<BR/>in the map is answered" in dot
    qe = render_dot(m, evaluate(m, semantics="qe"))
    assert "under quadratic energy;" in qe


def test_a_badge_whose_strength_and_status_disagree_says_why() -> None:
    # c: 0.5 base, supported by p (0.9) and opposed by q (0.3): 0.5 + 0.5·(0.9 − 0.3) = 0.8,
    # yet q is unanswered, so c falls: the badge says so rather than colour by one of them
    m = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n"
        "    pro: [{id: p, text: P., weight: 0.9}]\n    con: [{id: q, text: Q., weight: 0.3}]\n",
        "map.yaml",
    )
    dot = render_dot(m, evaluate(m))
    assert badges(dot)["c"] == (
        "0.80 · falls, 1 unanswered · fragile",
        "claim status-out mixed fragile",
    )
    line = next(x for x in dot.splitlines() if x.startswith("\tc ["))
    light = THEMES["light"]
    assert f'fillcolor="{light.status_fill["mixed"]}"' in line
    assert f'BGCOLOR="{light.status_badge["mixed"]}"' in line
    assert "Strength 0.80 · falls: 1 objection unanswered (an objection recorded in the map" in line


def test_the_key_shows_claims_in_the_fill_they_have_in_the_diagram() -> None:
    # Without evaluation claims are tinted as claims; with it every node takes its
    # status's tint, so a tinted claim sample would match nothing drawn.
    m = load_map(EXAMPLE)
    light = THEMES["light"]

    def claim_sample(dot: str) -> str:
        return next(line for line in dot.splitlines() if line.startswith("\t\tLclaim ["))

    assert f'fillcolor="{light.claim_fill}"' in claim_sample(render_dot(m))
    with_eval = render_dot(m, evaluate(m))
    assert f"fillcolor={light.premise_fill} " in claim_sample(with_eval)


def test_without_evaluation_there_are_no_badges() -> None:
    dot = render_dot(load_map(EXAMPLE))
    for word in ("stands", "falls", "unopposed", "Strength", "Scores are", "fragile"):
        assert word not in dot
    assert set(badges(dot).values()) <= {("", "claim"), ("", "premise"), ("", "premise implicit")}


def test_an_evaluation_that_did_not_converge_is_not_drawn() -> None:
    m = load_map(EXAMPLE)
    stalled = attrs.evolve(evaluate(m), converged=False, residual=0.25)
    with pytest.raises(EvaluationError) as caught:
        render_dot(m, stalled)
    assert caught.value.format() == (
        f"{EXAMPLE}: error: evaluation did not converge: residual 2.5e-01 after 0 integration"
        " steps; its strengths are not a fixpoint to draw [E501]"
    )


# --- themes


def colours(dot: str) -> set[str]:
    return set(re.findall(r'(?:color|COLOR)="?(#[0-9a-fA-F]{6}|[a-z]+)"?', dot))


def test_the_print_theme_is_greyscale_and_tells_links_apart_by_line_style() -> None:
    m = load_map(EXAMPLE)
    dot = render_dot(m, evaluate(m), RenderOptions(theme="print"))
    for colour in colours(dot):
        if colour.startswith("#"):
            r, g, b = (colour[i : i + 2] for i in (1, 3, 5))
            assert r == g == b, colour
        else:
            assert colour in {"black", "white"}, colour
    con = next(x for x in dot.splitlines() if 'id="link:build-plant.con.1"' in x)
    pro = next(x for x in dot.splitlines() if 'id="link:build-plant.pro.1"' in x)
    undercut = next(x for x in dot.splitlines() if 'id="link:build-plant.pro.2.undercut.1"' in x)
    styles = {re.search(r"style=(\w+)", x).group(1) for x in (con, pro, undercut)}  # type: ignore[union-attr]
    assert styles == {"bold", "solid", "dashed"}
    falling = [x for x in dot.splitlines() if 'class="premise status-out"' in x]
    assert falling and all("diagonals" in x for x in falling)


def test_the_light_theme_draws_supports_green_and_oppositions_red() -> None:
    dot = render_dot(load_map(EXAMPLE))
    pro = next(x for x in dot.splitlines() if 'id="link:build-plant.pro.1"' in x)
    con = next(x for x in dot.splitlines() if 'id="link:build-plant.con.1"' in x)
    assert f'color="{THEMES["light"].pro}"' in pro and f'color="{THEMES["light"].con}"' in con


def test_the_dark_theme_has_a_dark_background_and_light_text() -> None:
    dot = render_dot(load_map(EXAMPLE), options=RenderOptions(theme="dark"))
    assert 'bgcolor="#1e1f22"' in dot and 'fontcolor="#e8eaed"' in dot


# --- escaping


def test_clean_text_drops_control_characters_but_keeps_newlines() -> None:
    assert clean_text("a\x00b\x07c\x1b\r\nd\te\ufffe\ud800") == "abc\nd e"


def test_clean_text_makes_every_line_separator_a_newline() -> None:
    # Vertical tab, form feed, NEL and Unicode's line and paragraph separators all end a line.
    assert clean_text("a\x0bb\x0cc\x85d\u2028e\u2029f") == "a\nb\nc\nd\ne\nf"


def test_clean_text_drops_bidi_overrides_that_would_show_words_reordered() -> None:
    # U+202E reverses what follows: "abc" + RLO + "dcba" would read "abcabcd".
    assert clean_text("abc\u202edcba\u202c \u2066x\u2069") == "abcdcba x"
    # The marks that only nudge neutral characters stay: right-to-left text needs them.
    assert clean_text("\u05d0\u200f!") == "\u05d0\u200f!"


def test_text_with_a_line_separator_stays_inside_its_box(renderer: Renderer) -> None:
    m = loads_map(
        'argmap: 1\ntitle: t\nclaims:\n  c:\n    text: "first\\Lsecond\\Pthird"\n'
        '    con:\n      - {id: p, text: "one\\Ltwo\\Pthree"}\n',
        "separators.yaml",
    )
    root = parse_svg(render_map(m, "svg", options=RenderOptions(legend=False), renderer=renderer))
    nodes = groups(root, "node")
    assert texts(nodes["p"]) == ["one", "two", "three"]
    polygon = next(nodes["p"].iter(f"{SVG}polygon"))
    ys = [float(point.split(",")[1]) for point in polygon.attrib["points"].split()]
    for line in nodes["p"].iter(f"{SVG}text"):
        assert min(ys) < float(line.attrib["y"]) < max(ys), line.text
    assert texts(nodes["c"]) == ["first", "second", "third"]


def test_a_javascript_link_never_becomes_a_url_even_when_not_validated_first() -> None:
    m = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: x\n    url: 'javascript:alert(1)'\n"
        "    con:\n      - {text: y, url: 'JavaScript:alert(2)'}\n"
        "      - {text: z, url: 'data:text/html,x'}\n",
        "bad.yaml",
    )
    dot = render_dot(m)
    assert "URL" not in dot and "javascript" not in dot.lower() and "data:" not in dot


def test_a_link_with_control_characters_is_left_out_and_the_map_still_renders(
    renderer: Renderer,
) -> None:
    m = loads_map(
        'argmap: 1\ntitle: t\nclaims:\n  c:\n    text: x\n    url: "https://x\\0y\\eon=\\u202e"\n',
        "unvalidated.yaml",
    )
    assert "URL" not in render_dot(m)
    root = parse_svg(render_map(m, "svg", renderer=renderer))
    assert not [k for e in root.iter() for k in e.attrib if k.endswith("href")]


def test_a_hostile_map_renders_an_svg_without_script_handlers_or_javascript(
    renderer: Renderer,
) -> None:
    text = (MAPS / "hostile.yaml").read_text(encoding="utf-8")
    text = text.replace('url: "https://example.org/?q=x&r=y"', 'url: "javascript:alert(9)"')
    m = loads_map(text, "hostile.yaml")  # the loader builds it; only validate would refuse
    root = parse_svg(render_map(m, "svg", evaluation=evaluate(m), renderer=renderer))
    for element in root.iter():
        assert element.tag.split("}")[-1] not in {"script", "foreignObject", "iframe", "img"}
        for name, value in element.attrib.items():
            assert not name.split("}")[-1].lower().startswith("on"), (element.tag, name)
            if name.endswith("href"):
                assert value.startswith("https://"), value
    nodes = groups(root, "node")
    attack = nodes["attack"]
    assert texts(attack)[:3] == [
        "<script>alert(1)</script> ]]>",
        '<!-- --> &amp; &#60; \\" \\N \\G',
        "\\l {a|b} <b>bold</b>",
    ]
    assert tooltip(attack).splitlines()[1] == (
        '<script>alert(1)</script> ]]> <!-- --> &amp; &#60; \\" \\N \\G \\l {a|b} <b>bold</b>'
    )
    # Graphviz writes a run of spaces as no-break spaces.
    assert tooltip(attack).splitlines()[2].replace("\xa0", " ") == (
        "Note: onload=alert(1)  control   tab"
    )
    quoted = nodes["quoted"]
    assert tooltip(quoted).splitlines()[1].endswith("and a trailing backslash \\")
    title = next(t for t in root.iter(f"{SVG}text") if "title" in (t.text or ""))
    assert title.text == "<script>alert('title')</script> & \"quotes\" {braces} \\N"


# --- the SVG: nodes, edges, ids, tooltips, links


def test_the_svg_has_one_node_per_map_node_with_its_id_and_edges_by_class(
    renderer: Renderer,
) -> None:
    _, nodes, edges = svg_of(EXAMPLE, renderer)
    drawn = {
        i: classes(g) for i, g in nodes.items() if "claim" in classes(g) or "premise" in classes(g)
    }
    assert sorted(drawn) == sorted(n.id for n in load_map(EXAMPLE).unique_nodes())
    assert drawn["lower-bills.con.1"][:3] == ["node", "premise", "implicit"]
    kinds = [classes(g)[1:] for i, g in edges.items() if i.startswith("link:")]
    assert kinds.count(["link", "pro"]) == 3
    assert kinds.count(["link", "con"]) == 4
    assert kinds.count(["link", "undercut"]) == 1
    assert "junction:build-plant.pro.2" in nodes


def test_every_svg_element_id_is_unique_even_when_map_ids_look_like_ours(
    renderer: Renderer,
) -> None:
    # A map may name its nodes "argmap" or "legend"; frames must not repeat the graph's id.
    m = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n  argmap:\n    text: a\n    con: [{id: legend, text: b}]\n"
        "  frame:\n    text: c\n",
        "ids.yaml",
    )
    data = render_map(
        m, "svg", evaluation=evaluate(m), options=RenderOptions(cluster=True), renderer=renderer
    )
    ids = [e.attrib["id"] for e in parse_svg(data).iter() if "id" in e.attrib]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert {"argmap", "legend", "frame", "frame:argmap", "frame:frame"} <= set(ids)


def test_a_node_reached_by_several_refs_is_drawn_once_with_all_its_links(
    renderer: Renderer,
) -> None:
    root, nodes, edges = svg_of(EXAMPLE, renderer)
    assert [g.attrib["id"] for g in root.iter(f"{SVG}g")].count("cheap-power") == 1
    assert "link:lower-bills.pro.1" in edges and "link:build-plant.pro.2:source" in edges


def test_premises_stand_left_to_right_in_file_order(renderer: Renderer) -> None:
    _, nodes, _ = svg_of(MAPS / "order.yaml", renderer)
    xs = [left_x(nodes[i]) for i in ("zulu", "yankee", "xray", "bravo", "alpha")]
    assert xs == sorted(xs)
    assert left_x(nodes["main"]) < left_x(nodes["second"])
    assert top_y(nodes["main"]) < top_y(nodes["zulu"])  # claims on top


def test_the_example_keeps_its_order_around_the_undercut(renderer: Renderer) -> None:
    _, nodes, _ = svg_of(EXAMPLE, renderer)
    order = ["low-emissions", "cheap-power", "accident-risk"]
    xs = [left_x(nodes[i]) for i in order]
    assert xs == sorted(xs)
    assert left_x(nodes["build-plant"]) < left_x(nodes["lower-bills"])


def test_tooltips_carry_the_full_text_actors_quotes_and_notes(renderer: Renderer) -> None:
    _, nodes, _ = svg_of(MAPS / "quoted.yaml", renderer)
    assert tooltip(nodes["audit"]).splitlines() == [
        "Premise audit",
        "The auditor found no deficit in the accounts of 2023–24.",
        "By José Peña, Mayor of Villa Águila",
        "By Zoë Brontë",
        "“no deficit whatsoever” (The Daily Paper, para 4), said by José Peña — unchecked:"
        " the source has no file",
        "Note: The audit covers the general fund only.",
        "Strength 0.50 · unopposed: nothing in the map objects to it, so it stands by default;"
        " that says nothing about whether it is true",
        "Scores are computed from the map as drawn, with default base scores where none is"
        " given; not a judgement of the sources or of truth.",
    ]


def test_http_links_come_from_the_node_or_its_quotes_source(renderer: Renderer) -> None:
    _, nodes, _ = svg_of(MAPS / "quoted.yaml", renderer)

    def href(node_id: str) -> str | None:
        for a in nodes[node_id].iter(f"{SVG}a"):
            if f"{XLINK}href" in a.attrib:
                return a.attrib[f"{XLINK}href"]
        return None

    assert href("budget") == "https://example.org/budget"
    assert href("audit") == "https://example.org/story?id=7&part=2"
    assert href("dashes") is None


def test_non_ascii_text_renders_as_written(renderer: Renderer) -> None:
    root, nodes, _ = svg_of(MAPS / "quoted.yaml", renderer)
    assert texts(nodes["budget"])[:2] == ["The town’s budget — as passed", "— is “balanced”."]
    assert "José Peña · Zoë Brontë · quote unchecked" in texts(nodes["audit"])
    title = next(t.text for t in root.iter(f"{SVG}text") if "Curly" in (t.text or ""))
    assert title == "“Curly” quotes — dashes, and Peña’s café"


def test_quotes_are_drawn_verified_not_found_or_unchecked_in_words(renderer: Renderer) -> None:
    # quotes-checked.yaml: one quote in its source's file, one not in it, one whose file is
    # not here, one whose source has no file (validate gives E108 for the second)
    _, nodes, _ = svg_of(MAPS / "quotes-checked.yaml", renderer)
    state = {i: [c for c in classes(nodes[i]) if c.startswith("quote-")] for i in nodes}
    assert state["verified-quote"] == ["quote-verified"]
    assert state["wrong-quote"] == ["quote-not-found"]
    assert state["absent-file"] == state["no-file"] == ["quote-unchecked"]
    assert "quote verified" in texts(nodes["verified-quote"])
    assert "quote NOT FOUND" in texts(nodes["wrong-quote"])
    assert "quote unchecked" in texts(nodes["absent-file"])
    assert tooltip(nodes["wrong-quote"]).splitlines()[2] == (
        "“a very large rise” (A report with a local copy) — NOT FOUND in the source's file"
    )
    assert tooltip(nodes["absent-file"]).splitlines()[2] == (
        "“the budget rose” (A report whose copy is not here), said by The Clerk — unchecked:"
        " the source's file was not found (--sources DIR)"
    )


def test_a_quote_is_verified_only_against_the_files_found() -> None:
    # Without checks (render_dot's default) no quote is drawn as verified; with --sources a
    # folder that holds the missing copy is searched too.
    m = load_map(MAPS / "quotes-checked.yaml")
    assert "quote verified" not in render_dot(m)
    found = render_dot(m, checks=check_quotes(m, SourceTexts([MAPS / "sources"])))
    key = [x for x in found.splitlines() if 'class="legend quote-' in x]
    assert [re.search(r"class=\"legend (quote-[a-z-]+)\"", x)[1] for x in key] == [  # type: ignore[index]
        "quote-verified",
        "quote-unchecked",
        "quote-not-found",
    ]
    assert "<B>quote NOT FOUND</B>: the source&#39;s file was read and the quote is not in it" in (
        found
    )


def test_boxes_hold_wide_characters(renderer: Renderer) -> None:
    _, nodes, _ = svg_of(MAPS / "quoted.yaml", renderer)
    # An em dash and a CJK character are one em wide: 12 pt each here.
    assert box_width(nodes["dashes"]) >= 12 * 12
    assert box_width(nodes["cjk"]) >= 20 * 12


# --- running the renderer


def script(tmp_path: Path, body: str) -> Renderer:
    path = tmp_path / "fake-dot"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return Renderer(str(path), "graphviz", "--dot")


def test_renderer_chatter_is_kept_out_of_the_way_unless_it_fails(tmp_path: Path) -> None:
    quiet = script(
        tmp_path, "cat >/dev/null; echo 'Warning: no width for char 226' >&2; echo '<svg/>'"
    )
    assert render_image("digraph {}", "svg", quiet) == b"<svg/>\n"
    failing = script(
        tmp_path, "cat >/dev/null; echo 'Warning: font' >&2; echo 'Error: syntax error' >&2; exit 3"
    )
    with pytest.raises(RenderError) as caught:
        render_image("digraph {}", "svg", failing)
    assert caught.value.format() == (
        "error: graphviz failed (exit 3): Warning: font | Error: syntax error [E405]"
    )


def test_a_bitmap_scaled_down_to_fit_is_told(tmp_path: Path) -> None:
    shrinking = script(
        tmp_path,
        "cat >/dev/null; echo 'dot: graph is too large for cairo-renderer bitmaps."
        " Scaling by 0.84781 to fit' >&2; printf 'PNG'",
    )
    heard: list[str] = []
    assert render_image("digraph {}", "png", shrinking, warn=heard.append) == b"PNG"
    assert heard == [
        "the diagram is too large for a PNG at full size: graphviz scaled it to 85%;"
        " SVG or PDF keep every detail, or draw part of the map with --focus"
    ]
    quiet = script(tmp_path, "cat >/dev/null; echo 'Warning: no width for char' >&2; printf P")
    render_image("digraph {}", "png", quiet, warn=heard.append)
    assert len(heard) == 1  # other chatter stays out of the way


def test_a_renderer_that_crashes_or_writes_nothing_is_one_line(tmp_path: Path) -> None:
    crashing = script(tmp_path, "cat >/dev/null; kill -SEGV $$")
    with pytest.raises(RenderError) as caught:
        render_image("digraph {}", "svg", crashing)
    assert caught.value.format() == "error: graphviz failed (killed by SIGSEGV) [E405]"
    silent = script(tmp_path, "cat >/dev/null; exit 0")
    with pytest.raises(RenderError) as caught:
        render_image("digraph {}", "svg", silent)
    assert caught.value.format() == "error: graphviz failed (it wrote nothing) [E405]"


def test_a_renderer_that_hangs_is_stopped(tmp_path: Path) -> None:
    hanging = script(tmp_path, "exec sleep 30")
    with pytest.raises(RenderError) as caught:
        render_image("digraph {}", "svg", hanging, timeout=0.3)
    assert caught.value.format() == (
        "error: graphviz took longer than 0.3 s to lay out the diagram [E404]"
    )


def test_the_renderer_is_dot_on_path_first_then_the_bundled_graphviz_pure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name in ("dot", "graphviz-pure"):
        (bin_dir / name).write_text("#!/bin/sh\n", encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    monkeypatch.setattr(sys, "executable", str(bin_dir / "python"))
    monkeypatch.setenv("PATH", str(bin_dir))
    assert find_renderer() == Renderer(str(bin_dir / "dot"), "graphviz", "PATH")
    (bin_dir / "dot").unlink()
    assert find_renderer() == Renderer(str(bin_dir / "graphviz-pure"), "graphviz-pure", "bundled")
    monkeypatch.setenv("ARGMAP_DOT", str(bin_dir / "graphviz-pure"))
    assert find_renderer().origin == "bundled"  # the library reads no environment
    chosen = find_renderer(str(bin_dir / "graphviz-pure"), "ARGMAP_DOT")
    assert chosen == Renderer(str(bin_dir / "graphviz-pure"), "graphviz-pure", "ARGMAP_DOT")
    monkeypatch.delenv("ARGMAP_DOT")
    (bin_dir / "graphviz-pure").unlink()
    with pytest.raises(RenderError) as caught:
        find_renderer()
    assert caught.value.format() == (
        "error: no Graphviz renderer found: install Graphviz (`dot`) or "
        "`pip install graphviz-pure` [E401]"
    )


def test_a_dot_option_naming_no_program_or_one_that_cannot_run_is_one_line(
    tmp_path: Path,
) -> None:
    with pytest.raises(RenderError) as caught:
        find_renderer("/nonexistent/dot")
    assert caught.value.format() == (
        "error: --dot names no runnable program: /nonexistent/dot [E402]"
    )
    not_executable = tmp_path / "dot"
    not_executable.write_text("", encoding="utf-8")
    with pytest.raises(RenderError) as caught:
        render_image("digraph {}", "svg", find_renderer(str(not_executable)))
    assert caught.value.format() == f"error: cannot run {not_executable}: Permission denied [E402]"


def test_graphviz_pure_names_what_would_write_pdf() -> None:
    pure = next(r for r in renderers() if r.flavour == "graphviz-pure")
    with pytest.raises(RenderError) as caught:
        render_image("digraph {}", "pdf", pure)
    assert caught.value.format() == (
        "error: graphviz-pure cannot write PDF: install Graphviz, whose `dot` does "
        "(apt install graphviz, brew install graphviz, or graphviz.org/download), "
        "or choose svg or png [E403]"
    )


def test_dot_output_needs_no_renderer() -> None:
    missing = Renderer("/nonexistent/dot", "graphviz", "--dot")
    m = load_map(EXAMPLE)
    assert render_map(m, "dot", renderer=missing).decode() == render_dot(m)


def test_png_and_pdf_come_out_as_such(renderer: Renderer) -> None:
    m = load_map(EXAMPLE)
    assert render_map(m, "png", renderer=renderer).startswith(b"\x89PNG\r\n\x1a\n")
    if renderer.supports("pdf"):
        assert render_map(m, "pdf", renderer=renderer).startswith(b"%PDF")


# --- any text at all


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(min_size=1, max_size=60), note=st.text(max_size=30))
@pytest.mark.slow
def test_any_text_gives_dot_that_parses_and_an_svg_without_markup_from_the_map(
    text: str, note: str
) -> None:
    where = Position("any.yaml", 1, 1)
    claim = Node("c", NodeKind.CLAIM, text, where, note=note or None)
    premise = Node("p", NodeKind.PREMISE, note or text, where, implicit=True)
    m = ArgumentMap(
        "any.yaml",
        text,
        where,
        nodes=(claim, premise),
        links=(Link("c.con.1", LinkKind.CON, "p", "c", where),),
        claims=("c",),
    )
    pure = next(r for r in renderers() if r.flavour == "graphviz-pure")
    root = parse_svg(render_map(m, "svg", renderer=pure))
    assert not [e for e in root.iter() if e.tag.split("}")[-1] in {"script", "foreignObject"}]
    nodes = groups(root, "node")
    # The tooltip holds the text exactly (Graphviz writes runs of spaces as no-break spaces).
    written = "\n".join(["Claim c", text, *([f"Note: {note}"] if note else [])])
    assert tooltip(nodes["c"]).replace("\xa0", " ") == clean_text(written).replace("\xa0", " ")


def test_a_premise_named_like_its_link_keeps_its_own_premises_and_its_undercuts_apart() -> None:
    dot = render_dot(load_map(MAPS / "path-ids.yaml"), options=RenderOptions(legend=False))
    edges = re.findall(r'^\t("?[\w.-]+"? -> "?[\w.-]+"?) \[', dot, re.M)
    assert edges == [
        "Band0 -> c",
        'c -> "Jc.pro.1"',
        '"Jc.pro.1" -> "c.pro.1"',
        '"Jc.pro.1" -> "c.pro.1.undercut.1"',
        '"c.pro.1" -> "c.pro.1.con.1"',
        'c -> "c.con.1"',
    ]


def test_a_ref_moves_nothing_unless_the_node_is_shown_only_through_refs() -> None:
    m = load_map(EXAMPLE)

    def ref_edge(dot: str) -> str:
        return next(x for x in dot.splitlines() if 'id="link:lower-bills.pro.1"' in x)

    assert "constraint=false" in ref_edge(render_dot(m))
    excerpt = render_dot(m, options=RenderOptions(focus="lower-bills"))
    assert "constraint=false" not in ref_edge(excerpt)
    assert re.findall(r"^\tBand0 -> (.*) \[", excerpt, re.M) == ['"lower-bills"']


def first_box(m: ArgumentMap, node_id: str) -> str:
    """The node drawn as a box that stands first for this node: itself, or for a linked
    group its first premise."""
    while m.node(node_id).is_group:
        node_id = m.members(node_id)[0].source
    return node_id


def test_the_secure_communities_map_keeps_every_row_of_premises_in_file_order(
    renderer: Renderer,
) -> None:
    # There, refs reach premises written under other claims, earlier or later
    # in the file, and an undercut refs one (reforms-no-improvement): each
    # premise kept its place in the row it is written in.
    m = load_map(REPO / "maps" / "secure-communities.yaml")
    root = parse_svg(render_map(m, "svg", options=RenderOptions(legend=False), renderer=renderer))
    nodes = groups(root, "node")
    checked = 0
    for node in m.unique_nodes():
        written = sorted(
            (
                lk
                for lk in m.incoming(node.id)
                if not lk.is_ref and lk.kind is not LinkKind.UNDERCUT
            ),
            key=lambda lk: (lk.position.line, lk.position.column),
        )
        # a linked group's frame is where its first premise is
        xs = [left_x(nodes[first_box(m, lk.source)]) for lk in written]
        assert xs == sorted(xs), (node.id, [lk.source for lk in written])
        checked += len(written) > 1
    assert checked >= 5  # rows of two or more premises were checked


def test_every_conclusion_keeps_its_premises_in_file_order_in_a_large_map(
    renderer: Renderer,
) -> None:
    from benchmarks.generate import generate_map

    m = loads_map(generate_map(150, seed=3), "generated.yaml")
    dot = render_dot(m, options=RenderOptions(legend=False))
    laid_out = subprocess.run(
        [renderer.path, "-Tplain"], input=dot.encode(), capture_output=True, check=True
    ).stdout.decode()
    x = {
        parts[1].strip('"'): float(parts[2])
        for parts in map(str.split, laid_out.splitlines())
        if parts[0] == "node"
    }
    heads: dict[str, list[str]] = {}
    for tail, head, attributes in re.findall(r'^\t("?\S+?"?) -> ("?\S+?"?) \[(.*)\]$', dot, re.M):
        if "invis" not in attributes and "constraint=false" not in attributes:
            heads.setdefault(tail.strip('"'), []).append(head.strip('"'))
    assert len(heads) > 50
    for tail, order in heads.items():
        xs = [x[h] for h in order]
        assert xs == sorted(xs), tail


@settings(max_examples=examples(300), deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab é  \t\u00a0\u2003-x.\r"), max_size=80),
    width=st.integers(min_value=1, max_value=40),
)
def test_labels_wrap_line_for_line_as_textwrap_wraps_them(text: str, width: int) -> None:
    # Labels are packed by argmap's own greedy wrap where the text allows it (a tenth of
    # textwrap's time on a large map); the lines must be textwrap's, white space and
    # over-long words included, or a box would change shape.
    import textwrap

    from argmap.render import _wrap

    assert _wrap(text, width) == textwrap.wrap(text, width, break_on_hyphens=False)
