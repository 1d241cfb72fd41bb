"""Each format's export and import, on the bundled example and on hand-written fixtures
from the formats' public documentation."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import load_map
from argmap.errors import ArgmapError
from argmap.formats import export_map, import_file, import_text
from argmap.formats.draft import slug
from tests.budget import examples
from tests.conftest import REPO

EXAMPLE = load_map(REPO / "maps" / "example.yaml")
FIXTURES = Path(__file__).parent / "fixtures"


def warnings_of(diagnostics) -> list[str]:
    return [d.format() for d in diagnostics]


# -- Argdown


def test_argdown_export_nests_premises_and_writes_undercuts_as_link_arguments() -> None:
    text = export_map(EXAMPLE, "argdown").text
    body = text.split("===\n\n", 1)[1]
    assert body.splitlines()[:3] == [
        "[build-plant]: The city should build a nuclear plant. #energy",
        "  + [low-emissions]: Nuclear power emits almost no carbon dioxide while running."
        ' {"by": ["council"]}',
        "    - [low-emissions.con.1]: Mining uranium and building the plant emit carbon dioxide"
        " too."
        ' {"by": ["greens"]}',
    ]
    assert "  + [cheap-power]\n" in body  # the ref, as a reference to the titled statement
    assert (
        '<build-plant.pro.2>: @[cheap-power] supports @[build-plant]. {"argmap-link": {"source":'
        ' "cheap-power", "target": "build-plant", "kind": "pro"}}\n'
        "  _ [build-plant.pro.2.undercut.1]: Recent plants ran far over budget, so prices would"
        " rise"
        ' to pay for them. {"by": ["greens"]}\n'
    ) in body


def test_argdown_escapes_markup_so_text_stays_plain() -> None:
    from argmap.formats.argdown import escape_text

    assert escape_text("a #tag, *b*, [c](http://x) // e.g. :smile: 5.5") == (
        "a \\#tag, \\*b\\*, \\[c\\](http:\\/\\/x) \\/\\/ e\\.g. \\:smile: 5.5"
    )


def test_argdown_with_pcs_and_inference_rules_imports_with_a_warning_for_each() -> None:
    imported = import_file(FIXTURES / "nuclear-pcs.argdown")
    m = imported.map
    assert sorted(m.node(c).text for c in m.claims) == ["The city should build a nuclear plant."]
    cheap = "Nuclear power lowers electricity prices."
    # The premises of the structure support its conclusion together: one linked group,
    # titled with the argument, whose link the undercut of the argument attacks.
    (group,) = [
        m.node(lk.source)
        for lk in m.links
        if lk.kind.value == "pro" and m.node(lk.target).text == cheap
    ]
    assert (group.id, group.is_group) == ("cheap-power", True)
    assert [p.text for p in m.linked_premises(group.id)] == [
        "Nuclear plants have very low marginal costs.",
        "Low marginal costs translate into lower retail prices.",
    ]
    undercuts = [lk for lk in m.links if lk.kind.value == "undercut"]
    assert [(m.node(lk.source).text, m.link(lk.target).source) for lk in undercuts] == [
        ("Recent projects ran far over budget.", "cheap-power")
    ]
    # Tags of arguments are kept: on the premise an argument becomes, or on the main
    # conclusion of a premise-conclusion structure.
    assert {n.text: n.tags for n in m.unique_nodes() if n.tags} == {
        "The city should build a nuclear plant.": ("policy",),
        "Nuclear power emits almost no CO2.": ("climate",),
        "A serious accident would be catastrophic.": ("safety",),
        "Modern reactor designs make serious accidents extremely unlikely.": ("safety",),
        cheap: ("economy",),
        "Recent projects ran far over budget.": ("economy",),
    }
    f = str(FIXTURES / "nuclear-pcs.argdown")
    assert warnings_of(imported.warnings) == [
        f"{f}:1:1: warning: front matter setting 'author' is left out [W611]",
        f"{f}:1:1: warning: front matter setting 'model' is left out [W611]",
        f"{f}:8:1: warning: heading 'Main debate': sections are not carried over [W611]",
        f"{f}:11:7: warning: argument <Low emissions> is imported as a premise with its description"
        " as text [W613]",
        f"{f}:12:7: warning: argument <Accident risk> is imported as a premise with its description"
        " as text [W613]",
        f"{f}:13:11: warning: argument <Modern reactors> is imported as a premise with its"
        " description"
        " as text [W613]",
        f"{f}:14:7: warning: <Cheap power> is imported as its premise-conclusion structure:"
        " its tags (economy) go to its main conclusion [W612]",
        f"{f}:15:5: warning: contradiction imported as two attacks [W615]",
        f"{f}:17:1: warning: heading 'Economics {{isGroup: true}}': sections are not carried"
        " over [W611]",
        f"{f}:21:26: warning: data field 'source' is left out [W618]",
        f"{f}:25:1: warning: inference rule 'Modus ponens' of <Cheap power> is left out [W612]",
        f"{f}:26:1: warning: inference rule '{{uses: [1, 2]}}' of <Cheap power> is left out [W612]",
        f"{f}:31:1: warning: argument <Cost overruns> is imported as a premise with its description"
        " as text [W613]",
    ]


def test_argdown_untitled_statements_directions_and_comments() -> None:
    text = (
        "// a comment\n"
        "Cities need power. #energy\n"
        "  <- Wind is cheap. /* inline */\n"
        "  +> [Grid]: The grid needs *stable* supply.\n"
        "\n"
        "[Grid]\n"
        "  - Batteries smooth supply.\n"
    )
    m = import_text(text, "argdown", "t.argdown").map
    assert {(lk.kind.value, m.node(lk.source).text, m.node(lk.target).text) for lk in m.links} == {
        ("pro", "Cities need power.", "The grid needs stable supply."),
        ("con", "Batteries smooth supply.", "The grid needs stable supply."),
        ("con", "Wind is cheap.", "Cities need power."),
    }
    assert [m.node(c).text for c in m.claims] == [
        "Cities need power.",
        "The grid needs stable supply.",
    ]
    assert m.node(m.claims[0]).tags == ("energy",)


# -- AIF


def test_aif_export_reifies_links_and_undercuts_and_anchors_actors() -> None:
    exported = export_map(EXAMPLE, "aif")
    data = json.loads(exported.text)
    nodes = {n["nodeID"]: n for n in data["nodes"]}
    kinds = [n["type"] for n in data["nodes"]]
    assert (kinds.count("I"), kinds.count("RA"), kinds.count("CA")) == (9, 3, 5)
    ca_on_ra = [
        e
        for e in data["edges"]
        if nodes[e["fromID"]]["type"] == "CA" and nodes[e["toID"]]["type"] == "RA"
    ]
    assert (
        len(ca_on_ra) == 1
    )  # the one undercut, attacking the inference cheap-power -> build-plant
    assert data["participants"][2] == {"participantID": 3, "firstname": "Dana", "surname": "Ortiz"}
    assert "City Council : The plant would lower electricity prices." in [
        n["text"] for n in data["nodes"]
    ]
    e = f"{REPO}/maps/example.yaml"
    assert warnings_of(exported.warnings) == [
        f"{e}:3:8: warning: AIF has no place for the map's title: left out [W601]",
        f"{e}:4:14: warning: AIF has no place for the map's description: left out [W601]",
        f"{e}:6:12: warning: AIF has no place for kind: left out of 3 actors: council, greens,"
        " engineer [W601]",
        f"{e}:8:13: warning: AIF has no place for role of actor engineer: left out [W601]",
        f"{e}:10:3: warning: AIF has no place for tags of node build-plant: left out [W601]",
        f"{e}:31:13: warning: AIF has no place for weight of node accident-risk.con.1: left out"
        " [W601]",
        f"{e}:31:13: warning: AIF has no place for note of node accident-risk.con.1: left out"
        " [W601]",
        f"{e}:40:9: warning: AIF has no place for implicit of node lower-bills.con.1: left out"
        " [W601]",
    ]


def test_aif_from_the_documentation_imports_undercuts_speakers_and_quotes() -> None:
    imported = import_file(FIXTURES / "nuclear.aif.json", "aif")
    assert imported.text.split("claims:\n", 1)[1] == (
        "  the-city-should-build-a-nuclear:\n"
        "    text: The city should build a nuclear plant.\n"
        "    pro:\n"
        "      - text: Nuclear power emits almost no CO2.\n"
        "        by: alice-jones\n"
        "        quote:\n"
        "          source: council-minutes-2024-05-01\n"
        "          text: nuclear plants emit almost no CO2\n"
        "          speaker: alice-jones\n"
        "        undercut:\n"
        "          - text: Lifecycle emissions are what matter, not plant emissions.\n"
        "    con:\n"
        "      - text: A serious accident would be catastrophic.\n"
    )
    assert imported.warnings == ()


def test_ova_wrapper_is_read_and_what_argmap_cannot_hold_is_reported() -> None:
    imported = import_file(FIXTURES / "ova-wrapped.json")
    f = FIXTURES / "ova-wrapped.json"
    assert warnings_of(imported.warnings) == [
        f"{f}:62:4: warning: MA-node 10 (Default Rephrase) is left out: argmap has no rephrase,"
        " preference or transition [W614]",
        f"{f}:67:4: warning: scheme 'Argument From Expert Opinion' of RA-node 11 is left out"
        " [W611]",
        f"{f}:148:4: warning: edge to unknown node '99': left out [W617]",
    ]
    m = imported.map
    risk = next(n.id for n in m.unique_nodes() if n.text.startswith("A serious accident"))
    # RA-node 11's two premises are one linked group: they support the claim together.
    (group,) = [m.node(lk.source) for lk in m.supporters(risk)]
    assert group.is_group
    assert [p.text for p in m.linked_premises(group.id)] == [
        "Dr Who is an expert on reactors.",
        "Dr Who says reactors are safe.",
    ]


AIF_SMALL = """\
argmap: 1
title: T
sources:
  minutes:
    title: Council minutes
actors:
  ann:
    name: Ann Lee
claims:
  a:
    text: A
    by: ann
    pro:
      - text: B
        quote:
          source: minutes
          text: b said
"""


def test_aif_export_of_a_small_map_is_exactly_its_nodes_edges_and_locutions() -> None:
    from argmap import loads_map

    stamp = "2024-05-01 12:30:00"

    def node(node_id: str, text: str, kind: str, scheme: str | None = None) -> dict[str, str]:
        made = {"nodeID": node_id, "text": text, "type": kind, "timestamp": stamp}
        return {**made, "scheme": scheme} if scheme else made

    def edge(edge_id: str, source: str, target: str) -> dict[str, str | None]:
        return {"edgeID": edge_id, "fromID": source, "toID": target, "formEdgeID": None}

    exported = export_map(loads_map(AIF_SMALL, "t.yaml"), "aif", timestamp=stamp)
    assert json.loads(exported.text) == {
        "nodes": [
            node("1", "A", "I"),
            node("2", "Ann Lee : A", "L"),  # Ann argues A (`by`)
            node("3", "Asserting", "YA", "Asserting"),
            node("4", "B", "I"),
            node("5", "Council minutes : b said", "L"),  # the quote, by no one named
            node("6", "Asserting", "YA", "Asserting"),
            node("7", "Default Inference", "RA", "Default Inference"),
        ],
        "edges": [
            edge("1", "2", "3"),
            edge("2", "3", "1"),
            edge("3", "5", "6"),
            edge("4", "6", "4"),
            edge("5", "4", "7"),
            edge("6", "7", "1"),
        ],
        "locutions": [
            {"nodeID": "2", "personID": 1, "timestamp": stamp, "start": None, "end": None},
            {
                "nodeID": "5",
                "personID": None,
                "timestamp": stamp,
                "start": None,
                "end": None,
                "source": "Council minutes",
            },
        ],
        "participants": [{"participantID": 1, "firstname": "Ann", "surname": "Lee"}],
    }
    assert warnings_of(exported.warnings) == [
        "t.yaml:2:8: warning: AIF has no place for the map's title: left out [W601]"
    ]


def test_aif_stamps_an_export_with_the_map_files_time_or_the_epoch(tmp_path: Path) -> None:
    import calendar
    import os

    from argmap.formats.aif import EPOCH, file_timestamp

    path = tmp_path / "t.yaml"
    path.write_text("x", encoding="utf-8")
    seconds = calendar.timegm((2024, 5, 1, 12, 30, 7, 0, 0, 0))
    os.utime(path, (seconds, seconds))
    assert file_timestamp(path) == "2024-05-01 12:30:07"
    assert file_timestamp(tmp_path / "missing.yaml") == EPOCH == "1970-01-01 00:00:00"


def test_aif_participants_split_a_persons_name_at_its_last_space_only() -> None:
    from argmap import loads_map

    text = (
        "argmap: 1\ntitle: T\nallow-cycles: true\nsources:\n  minutes:\n    title: Minutes\n"
        "    author: Ann Lee\nactors:\n  ann:\n    name: Ann Marie Lee\n  plato:\n"
        "    name: Plato\n    kind: person\n  council:\n    name: City Council\n"
        "    kind: government\nclaims:\n  a:\n    text: A\n"
    )
    exported = export_map(loads_map(text, "t.yaml"), "aif")
    assert json.loads(exported.text)["participants"] == [
        {"participantID": 1, "firstname": "Ann Marie", "surname": "Lee"},
        {"participantID": 2, "firstname": "Plato", "surname": ""},
        {"participantID": 3, "firstname": "City Council", "surname": ""},
    ]
    assert warnings_of(exported.warnings) == [
        "t.yaml:2:8: warning: AIF has no place for the map's title: left out [W601]",
        "t.yaml:3:15: warning: AIF has no place for the map's allow-cycles: left out [W601]",
        "t.yaml:6:5: warning: AIF has no place for author of source minutes: left out [W601]",
        "t.yaml:12:5: warning: AIF has no place for kind: left out of 2 actors: plato, council"
        " [W601]",
    ]


def aif_quote(locution: str) -> str:
    """The quote text an AIF import makes of an L-node's text `locution`."""
    text = json.dumps(
        {
            "nodes": [
                {"nodeID": "1", "text": "A", "type": "I"},
                {"nodeID": "2", "text": locution, "type": "L"},
                {"nodeID": "3", "text": "Asserting", "type": "YA"},
            ],
            "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}],
            "locutions": [{"nodeID": "2", "source": "Minutes"}],
        }
    )
    (quote,) = import_text(text, "aif", "t.json").map.node("a").quotes
    return quote.text


@pytest.mark.parametrize(
    ("locution", "words"),
    [
        ("Ann : we said : so", "we said : so"),  # the speaker ends at the first colon
        ("Ann: we said", "Ann: we said"),  # no white space before the colon: no speaker
        ("Ann :we said", "Ann :we said"),  # nor after it
        ("A : we said", "we said"),  # a speaker of one character
        (" : we said", " : we said"),  # none at all
        ("x" * 80 + " : we said", "we said"),  # 80 characters at most
        ("x" * 81 + " : we said", "x" * 81 + " : we said"),
    ],
)
def test_aif_import_takes_a_locutions_words_after_its_speaker(locution: str, words: str) -> None:
    assert aif_quote(locution) == words


def aif_import(data: dict[str, object]) -> tuple[str, list[str]]:
    """The map YAML (without its modeline) and the warnings of importing AIF `data`."""
    imported = import_text(json.dumps(data), "aif", "t.json", "t.yaml")
    return imported.text.split("\n", 1)[1], warnings_of(imported.warnings)


def aif_i(node_id: str, text: str) -> dict[str, str]:
    return {"nodeID": node_id, "text": text, "type": "I"}


def aif_s(node_id: str, kind: str) -> dict[str, str]:
    return {"nodeID": node_id, "text": kind, "type": kind}


def aif_e(source: str, target: str) -> dict[str, str]:
    return {"fromID": source, "toID": target}


def test_aif_relations_argmap_cannot_hold_are_left_out_one_warning_each() -> None:
    yaml_text, warnings = aif_import(
        {
            "nodes": [
                *(aif_i("1", "A"), aif_i("2", "B"), aif_s("3", "RA"), aif_s("4", "RA")),
                *(aif_s("5", "CA"), aif_i("6", "C"), aif_s("7", "RA"), aif_s("8", "CA")),
            ],
            "edges": [
                *(aif_e("2", "3"), aif_e("3", "1")),  # B supports A
                aif_e("4", "1"),  # an inference from nothing
                *(aif_e("6", "5"), aif_e("5", "4")),  # C undercuts that inference
                *(aif_e("2", "7"), aif_e("7", "3")),  # an inference to an inference
                *(aif_e("6", "8"), aif_e("8", "6")),  # C attacks itself
            ],
        }
    )
    assert yaml_text == (
        "argmap: 1\ntitle: t\nallow-cycles: true\nclaims:\n  a:\n    text: A\n    pro:\n"
        "      - text: B\n  c:\n    text: C\n    con:\n      - ref: c\n"
    )
    assert warnings == [
        "t.json:1:143: warning: RA-node 4 lacks a premise or a conclusion: left out [W614]",
        "t.json:1:188: warning: CA-node 5 attacks node 4, which holds no link: left out [W617]",
        "t.json:1:276: warning: RA-node 7 points at a RA-node: argmap cannot hold this"
        " relation; left out [W614]",
    ]


def test_aif_nodes_argmap_has_no_place_for_are_each_warned_and_the_rest_imported() -> None:
    # A rephrase (MA), a preference (PA) and a transition (TA) before the inference that
    # follows them: each is named in its own warning, and the inference is still imported.
    # An I-node without text is named by its id.
    yaml_text, warnings = aif_import(
        {
            "nodes": [
                {"nodeID": "1", "type": "I"},
                aif_i("2", "B"),
                {"nodeID": "9", "type": "PA", "text": "pref"},
                {"nodeID": "8", "type": "TA", "text": "tr"},
                {"nodeID": "7", "type": "MA", "text": "re"},
                aif_s("3", "RA"),
            ],
            "edges": [aif_e("2", "3"), aif_e("3", "1")],
        }
    )
    assert (
        yaml_text
        == "argmap: 1\ntitle: t\nclaims:\n  node-1:\n    text: node 1\n    pro:\n      - text: B\n"
    )
    assert warnings == [
        f"t.json:1:{col}: warning: {kind}-node {n} ({text}) is left out: argmap has no rephrase,"
        " preference or transition [W614]"
        for col, kind, n, text in (
            (85, "PA", 9, "pref"),
            (132, "TA", 8, "tr"),
            (177, "MA", 7, "re"),
        )
    ]


def test_aif_an_inference_with_no_edges_and_a_scheme_in_its_text_are_warned() -> None:
    # AIFdb names an RA-node's scheme in its text where it has no `scheme`: left out, said;
    # an RA-node no edge reaches is left out, said
    yaml_text, warnings = aif_import(
        {
            "nodes": [
                *(aif_i("1", "A"), aif_i("2", "B")),
                {"nodeID": "3", "type": "RA", "text": "Argument from Expert Opinion"},
                aif_s("4", "RA"),
            ],
            "edges": [aif_e("2", "3"), aif_e("3", "1")],
        }
    )
    assert (
        yaml_text == "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: A\n    pro:\n      - text: B\n"
    )
    assert warnings == [
        "t.json:1:98: warning: scheme 'Argument from Expert Opinion' of RA-node 3 is left out"
        " [W611]",
        "t.json:1:169: warning: RA-node 4 lacks a premise or a conclusion: left out [W614]",
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('\n\n{"edges": []}', "t.json:3:1: error: not AIF: expected an object with a `nodes` list"),
        ('{"nodes": [],\n "edges": 5}', "t.json:1:1: error: `edges` must be a list"),
        ('\n{"nodes": [], "edges": 5}', "t.json:2:1: error: `edges` must be a list"),
        ('{"nodes": [\n 5]}', "t.json:1:1: error: each node needs `nodeID` and `type`"),
        (
            '{"nodes": [\n {"nodeID": 1, "type": "I"}, [1]]}',
            "t.json:1:1: error: each node needs `nodeID` and `type`",
        ),
        (
            '{"nodes": [], "edges": [\n 5]}',
            "t.json:1:1: error: each edge needs `fromID` and `toID`",
        ),
        (
            '{"nodes": [\n {"nodeID": 1, "type": "I"},\n {"nodeID": "1", "type": "I"}]}',
            "t.json:3:2: error: nodeID '1' is used by two nodes (the first at line 2): each node"
            " needs its own",
        ),
    ],
)
def test_aif_of_the_wrong_shape_is_refused_where_it_goes_wrong(text: str, message: str) -> None:
    with pytest.raises(ArgmapError) as caught:
        import_text(text, "aif", "t.json", "t.yaml")
    e = caught.value
    assert e.code == "E602" and e.position is not None
    assert f"{e.position.file}:{e.position.line}:{e.position.column}: error: {e.message}" == message


def test_aif_locutions_are_read_for_the_l_nodes_anchored_whatever_comes_before() -> None:
    # An L-node anchored to nothing comes first and is skipped; the next is read. Its source
    # makes no id of its own (only punctuation): it is called `source`.
    yaml_text, warnings = aif_import(
        {
            "nodes": [
                aif_i("1", "A"),
                {"nodeID": "2", "type": "L", "text": "x"},
                {"nodeID": "4", "text": "Ann : A said", "type": "L"},
                aif_s("5", "YA"),
            ],
            "edges": [aif_e("4", "5"), aif_e("5", "1")],
            "participants": [{"participantID": 1, "firstname": "Ann"}],
            "locutions": [{"nodeID": "4", "personID": 1, "source": "!!!"}],
        }
    )
    assert yaml_text == (
        'argmap: 1\ntitle: t\nsources:\n  source:\n    title: "!!!"\nactors:\n  ann:\n'
        "    name: Ann\nclaims:\n  a:\n    text: A\n    by: ann\n    quote:\n"
        "      source: source\n      text: A said\n      speaker: ann\n"
    )
    assert warnings == []


def test_aif_a_ya_node_that_anchors_nothing_and_an_edge_to_nothing_are_passed_over() -> None:
    # The first L-node's YA leads nowhere, and an edge names a node the file lacks (W617):
    # what follows each is still read
    yaml_text, warnings = aif_import(
        {
            "nodes": [
                aif_i("1", "A"),
                *({"nodeID": "2", "type": "L", "text": "x"}, aif_s("3", "YA")),
                *({"nodeID": "4", "type": "L", "text": "A said"}, aif_s("5", "YA")),
            ],
            "edges": [aif_e("2", "3"), aif_e("9", "1"), aif_e("4", "5"), aif_e("5", "1")],
            "participants": [{"participantID": 1, "firstname": "Ann"}],
            "locutions": [{"nodeID": "4", "personID": 1}],
        }
    )
    assert yaml_text == (
        "argmap: 1\ntitle: t\nactors:\n  ann:\n    name: Ann\nclaims:\n  a:\n    text: A\n"
        "    by: ann\n"
    )
    assert warnings == ["t.json:1:277: warning: edge to unknown node '9': left out [W617]"]


@pytest.mark.parametrize("locutions", [5, "x", None, [{"nodeID": "9"}]])
def test_aif_an_l_node_without_a_locution_of_its_own_argues_nothing(locutions: object) -> None:
    # Without a locution the L-node names no speaker and no source: A is imported with
    # nobody's name under it (Ann is kept among the actors, arguing nothing)
    yaml_text, warnings = aif_import(
        {
            "nodes": [
                aif_i("1", "A"),
                {"nodeID": "4", "text": "A said", "type": "L"},
                aif_s("5", "YA"),
            ],
            "edges": [aif_e("4", "5"), aif_e("5", "1")],
            "participants": [{"participantID": 1, "firstname": "Ann"}],
            "locutions": locutions,
        }
    )
    assert (yaml_text, warnings) == (
        "argmap: 1\ntitle: t\nactors:\n  ann:\n    name: Ann\nclaims:\n  a:\n    text: A\n",
        [],
    )


def test_aif_an_l_node_without_words_gives_no_quote_and_says_so_at_its_statement() -> None:
    text = (
        '{"nodes": [\n {"nodeID": "1", "text": "A", "type": "I"},\n {"nodeID": "4", "type": "L"},\n'
        ' {"nodeID": "5", "type": "YA"}],\n "edges": [{"fromID": "4", "toID": "5"},'
        ' {"fromID": "5", "toID": "1"}],\n "locutions": [{"nodeID": "4", "source": "Tape"}]}'
    )
    imported = import_text(text, "aif", "t.json", "t.yaml")
    assert "quote" not in imported.text
    assert warnings_of(imported.warnings) == [
        "t.json:2:2: warning: a quote without source or text is left out [W618]"
    ]


def test_aif_participants_become_actors_named_if_unnamed_and_kept_apart() -> None:
    yaml_text, warnings = aif_import(
        {
            "title": "My map",
            "nodes": [
                aif_i("1", "A"),
                *({"nodeID": "2", "text": "Ann Lee : A", "type": "L"}, aif_s("3", "YA")),
                *({"nodeID": "4", "text": "x : A", "type": "L"}, aif_s("5", "YA")),
            ],
            "edges": [aif_e("2", "3"), aif_e("3", "1"), aif_e("4", "5"), aif_e("5", "1")],
            "participants": [
                "not a participant",
                {"firstname": "no participantID"},
                {"participantID": 7},
                {"participantID": 8, "firstname": "Ann", "surname": "Lee"},
                {"participantID": 9, "firstname": " Ann ", "surname": "Lee"},
            ],
            "locutions": [{"nodeID": "2", "personID": 9}, {"nodeID": "4", "personID": 7}, "x"],
        }
    )
    assert yaml_text == (
        "argmap: 1\ntitle: My map\nactors:\n  participant-7:\n    name: Participant 7\n"
        "  ann-lee:\n    name: Ann Lee\n  ann-lee-2:\n    name: Ann Lee\nclaims:\n  a:\n"
        "    text: A\n    by:\n      - ann-lee-2\n      - participant-7\n"
    )
    assert warnings == []


@pytest.mark.parametrize("participants", [7, True, "Ann", {"participantID": 1}])
def test_aif_participants_that_are_not_a_list_are_ignored(participants: object) -> None:
    yaml_text, warnings = aif_import({"nodes": [aif_i("1", "A")], "participants": participants})
    assert (yaml_text, warnings) == ("argmap: 1\ntitle: t\nclaims:\n  a:\n    text: A\n", [])


AIF_QUOTES = """\
argmap: 1
title: T
sources:
  minutes:
    title: Minutes
    author: Bo Ray
actors:
  ann:
    name: Ann Lee
claims:
  a:
    text: A
    by: ann
    quote:
      source: minutes
      text: a said
      locator: p. 2
    pro:
      - text: B
        quote:
          source: minutes
          text: b said
          speaker: ann
    con:
      - text: C
        quote:
          source: tape
          text: c said
      - ref: a
        note: a note
"""


def test_aif_export_says_each_quote_once_by_its_speaker_or_who_argues_the_node() -> None:
    from argmap import loads_map

    exported = export_map(loads_map(AIF_QUOTES, "t.yaml"), "aif")
    data = json.loads(exported.text)
    assert [(n["text"], n["type"], n.get("scheme")) for n in data["nodes"]] == [
        ("A", "I", None),
        ("Ann Lee : a said", "L", None),  # A's quote, said by Ann who argues A: once
        ("Asserting", "YA", "Asserting"),
        ("B", "I", None),
        ("Ann Lee : b said", "L", None),
        ("Asserting", "YA", "Asserting"),
        ("C", "I", None),
        ("tape : c said", "L", None),  # a source the map does not list: named by its id
        ("Asserting", "YA", "Asserting"),
        ("Default Inference", "RA", "Default Inference"),
        ("Default Conflict", "CA", "Default Conflict"),
        ("Default Conflict", "CA", "Default Conflict"),
    ]
    assert [(e["nodeID"], e["personID"], e["source"]) for e in data["locutions"]] == [
        ("2", 1, "Minutes"),
        ("5", 1, "Minutes"),
        ("8", None, "tape"),
    ]
    assert warnings_of(exported.warnings) == [
        "t.yaml:2:8: warning: AIF has no place for the map's title: left out [W601]",
        "t.yaml:5:5: warning: AIF has no place for author of source minutes: left out [W601]",
        "t.yaml:16:13: warning: AIF has no place for quote locator of node a: left out [W601]",
        "t.yaml:29:9: warning: AIF has no place for note of link a.con.2: left out [W601]",
    ]


def test_aif_export_names_a_quote_by_its_source_when_its_speaker_is_no_actor() -> None:
    from argmap import loads_map

    text = (
        "argmap: 1\ntitle: T\nsources:\n  minutes:\n    title: Minutes\nclaims:\n  a:\n"
        "    text: A\n    quote:\n      source: minutes\n      text: a said\n      speaker: bob\n"
    )
    data = json.loads(export_map(loads_map(text, "t.yaml"), "aif").text)
    assert [n["text"] for n in data["nodes"]] == ["A", "Minutes : a said", "Asserting"]
    assert [(e["personID"], e["source"]) for e in data["locutions"]] == [(None, "Minutes")]


@pytest.mark.parametrize(
    ("edges", "tail"),
    [
        # D's CA-node undercuts two inferences: E's undercut of it waits for both.
        (
            [("4", "5"), ("5", "1"), ("7", "3"), ("7", "5")],
            "      - text: C\n        undercut:\n          - ref: d\n            undercut:\n"
            "              - ref: e\n",
        ),
        # D's CA-node attacks A and undercuts B's inference: E's undercut waits for both.
        (
            [("4", "5"), ("5", "1"), ("7", "1"), ("7", "3")],
            "      - text: C\n    con:\n      - ref: d\n        undercut:\n          - ref: e\n",
        ),
    ],
)
def test_an_aif_undercut_of_an_undercut_attacks_every_link_of_the_node_it_attacks(
    edges: list[tuple[str, str]], tail: str
) -> None:
    yaml_text, warnings = aif_import(
        {
            "nodes": [
                *(aif_i("1", "A"), aif_i("2", "B"), aif_s("3", "RA"), aif_i("4", "C")),
                *(aif_s("5", "RA"), aif_i("6", "D"), aif_s("7", "CA"), aif_i("8", "E")),
                aif_s("9", "CA"),
            ],
            "edges": [
                *(aif_e("2", "3"), aif_e("3", "1"), aif_e("6", "7")),
                *(aif_e("8", "9"), aif_e("9", "7")),
                *(aif_e(s, t) for s, t in edges),
            ],
        }
    )
    assert yaml_text == (
        "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: A\n    pro:\n      - text: B\n"
        "        undercut:\n          - id: d\n            text: D\n            undercut:\n"
        "              - id: e\n                text: E\n" + tail
    )
    assert warnings == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"nodes": [], "edges": {}}', "t:1:1: error: `edges` must be a list [E602]"),
        (
            '{"nodes": [], "edges": [{"fromID": "1"}]}',
            "t:1:25: error: each edge needs `fromID` and `toID` [E602]",
        ),
        (
            '{"nodes": [], "edges": ["1"]}',  # a string has no position of its own
            "t:1:1: error: each edge needs `fromID` and `toID` [E602]",
        ),
    ],
)
def test_aif_edges_that_are_not_a_list_of_pairs_are_refused(text: str, message: str) -> None:
    with pytest.raises(ArgmapError) as caught:
        import_text(text, "aif", "t")
    assert caught.value.format() == message


# -- Kialo


def test_kialo_export_of_several_claims_uses_the_title_as_thesis() -> None:
    exported = export_map(EXAMPLE, "kialo")
    assert exported.text == (
        "Discussion Title: Should the city build a nuclear plant?\n"
        "\n"
        "1. Should the city build a nuclear plant?\n"
        "1.1. The city should build a nuclear plant.\n"
        "1.1.1. Pro: Nuclear power emits almost no carbon dioxide while running.\n"
        "1.1.1.1. Con: Mining uranium and building the plant emit carbon dioxide too.\n"
        "1.1.2. Pro: The plant would lower electricity prices.\n"
        "1.1.3. Con: A serious accident would be catastrophic for the region.\n"
        "1.1.3.1. Con: Modern reactor designs make a serious accident extremely unlikely.\n"
        "1.2. Household electricity bills will fall within ten years.\n"
        "1.2.1. Pro: -> See 1.1.2.\n"
        "1.2.2. Con: Any saving depends on the national grid tariff, which the city does not set.\n"
    )
    # One line per kind of thing left out, naming every item of that kind.
    e = f"{REPO}/maps/example.yaml"
    assert warnings_of(exported.warnings) == [
        f"{e}:4:14: warning: Kialo has no place for the map's description: left out [W601]",
        f"{e}:6:12: warning: Kialo has no place for actors: 3 left out: council, greens,"
        " engineer [W601]",
        f"{e}:10:3: warning: Kialo has no place for tags of node build-plant: left out [W601]",
        f"{e}:14:9: warning: Kialo has no place for by: left out of 5 nodes: low-emissions,"
        " low-emissions.con.1, cheap-power, accident-risk, accident-risk.con.1 [W601]",
        f"{e}:24:13: warning: Kialo has no place for undercut build-plant.pro.2.undercut.1:"
        " left out [W602]",
        f"{e}:31:13: warning: Kialo has no place for weight of node accident-risk.con.1:"
        " left out [W601]",
        f"{e}:31:13: warning: Kialo has no place for note of node accident-risk.con.1:"
        " left out [W601]",
        f"{e}:40:9: warning: Kialo has no place for implicit of node lower-bills.con.1:"
        " left out [W601]",
    ]


def test_kialo_export_of_one_claim_numbers_it_1_and_fills_forward_refs() -> None:
    from argmap import loads_map

    m = loads_map(
        "argmap: 1\n"
        'title: "Taxes,  today"\n'
        "description: D.\n"
        "allow-cycles: true\n"
        "sources:\n"
        "  paper: {title: P}\n"
        "actors:\n"
        "  ana: {name: Ana}\n"
        "claims:\n"
        "  cut:\n"
        '    text: "Taxes should\\nfall."\n'
        "    pro:\n"
        "      - ref: growth\n"
        "        note: Again.\n"
        "      - id: jobs\n"
        "        text: Jobs follow.\n"
        "        undercut:\n"
        "          - id: doubt\n"
        "            text: Not always.\n"
        "    con:\n"
        "      - id: growth\n"
        "        text: Growth is slow.\n"
        "      - ref: doubt\n"
        "      - Too late.\n",
        "t.yaml",
    )
    exported = export_map(m, "kialo")
    # The ref to growth comes before growth is numbered; doubt, defined only under an
    # undercut (which Kialo cannot hold), is written in full where it is referred to.
    assert exported.text == (
        "Discussion Title: Taxes, today\n"
        "\n"
        "1. Taxes should fall.\n"
        "1.1. Pro: -> See 1.3.\n"
        "1.2. Pro: Jobs follow.\n"
        "1.3. Con: Growth is slow.\n"
        "1.4. Con: Not always.\n"
        "1.5. Con: Too late.\n"
    )
    assert warnings_of(exported.warnings) == [
        "t.yaml:3:14: warning: Kialo has no place for the map's description: left out [W601]",
        "t.yaml:4:15: warning: Kialo has no place for the map's allow-cycles: left out [W601]",
        "t.yaml:6:10: warning: Kialo has no place for source paper: left out [W601]",
        "t.yaml:8:8: warning: Kialo has no place for actor ana: left out [W601]",
        "t.yaml:11:11: warning: line breaks in the text of cut become spaces in Kialo [W603]",
        "t.yaml:13:9: warning: Kialo has no place for note of link cut.pro.1: left out [W601]",
        "t.yaml:18:13: warning: Kialo has no place for undercut cut.pro.2.undercut.1: left out"
        " [W602]",
    ]


def test_kialo_writes_the_children_of_a_premise_whose_link_is_undercut() -> None:
    from argmap import loads_map

    # The premise has a path id, which is also its link's id: the undercut of that link
    # comes first among what points at the id, and the premise's con after it.
    m = loads_map(
        'argmap: 1\ntitle: T\nclaims:\n  c:\n    text: "A\\rB"\n    pro:\n      - text: P\n'
        "        undercut:\n          - U\n        con:\n          - Q\n",
        "t.yaml",
    )
    exported = export_map(m, "kialo")
    assert exported.text == "Discussion Title: T\n\n1. A B\n1.1. Pro: P\n1.1.1. Con: Q\n"
    assert warnings_of(exported.warnings) == [
        "t.yaml:5:11: warning: line breaks in the text of c become spaces in Kialo [W603]",
        "t.yaml:9:13: warning: Kialo has no place for undercut c.pro.1.undercut.1: left out [W602]",
    ]


def test_kialo_from_the_documentation_imports_the_reused_claim_as_a_ref() -> None:
    imported = import_file(FIXTURES / "nuclear.kialo.txt")
    m = imported.map
    refs = [lk for lk in m.links if lk.is_ref]
    assert [(m.node(lk.source).text, lk.kind.value, m.node(lk.target).text) for lk in refs] == [
        ("Recent projects ran far over budget.", "con", "The city should build a nuclear plant.")
    ]
    assert m.title == "Should the city build a nuclear plant?"
    assert len(m.node_ids) == 7


# -- GraphML and JSON


def test_graphml_draws_an_undercut_link_through_its_own_node() -> None:
    root = ET.fromstring(export_map(EXAMPLE, "graphml").text)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    nodes = [n.get("id") for n in root.iterfind(".//g:node", ns)]
    assert "link:build-plant.pro.2" in nodes and len(nodes) == 10
    edges = {(e.get("source"), e.get("target")) for e in root.iterfind(".//g:edge", ns)}
    assert ("cheap-power", "link:build-plant.pro.2") in edges
    assert ("link:build-plant.pro.2", "build-plant") in edges
    assert ("build-plant.pro.2.undercut.1", "link:build-plant.pro.2") in edges


GRAPHML_MAP = (
    "argmap: 1\n"
    "title: Taxes\n"
    "description: A small map.\n"
    "allow-cycles: true\n"
    "sources:\n"
    "  paper: {title: The Paper}\n"
    "actors:\n"
    "  ana: {name: Ana Ruíz}\n"
    "claims:\n"
    "  cut:\n"
    "    text: Taxes should fall.\n"
    "    tags: [tax, budget]\n"
    "    pro:\n"
    "      - id: growth\n"
    "        text: Lower taxes bring growth.\n"
    "        by: ana\n"
    "        weight: 0.25\n"
    "        implicit: true\n"
    "        note: Said often.\n"
    "        url: https://example.org/g\n"
    "        quote: {source: paper, text: growth follows, speaker: ana}\n"
    "        undercut:\n"
    "          - Growth may not follow.\n"
    "    con:\n"
    "      - linked:\n"
    "          - Services need money.\n"
    "          - Money comes from taxes.\n"
    "  other:\n"
    "    text: Growth matters.\n"
    "    pro:\n"
    "      - ref: growth\n"
    "        note: Again.\n"
)


def test_graphml_export_writes_every_field_key_and_edge() -> None:
    from argmap import loads_map

    exported = export_map(loads_map(GRAPHML_MAP, "t.yaml"), "graphml")
    assert exported.warnings == ()
    assert exported.text.splitlines() == [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        '  <key id="n_label" for="node" attr.name="label" attr.type="string" />',
        '  <key id="n_kind" for="node" attr.name="kind" attr.type="string" />',
        '  <key id="n_by" for="node" attr.name="by" attr.type="string" />',
        '  <key id="n_tags" for="node" attr.name="tags" attr.type="string" />',
        '  <key id="n_weight" for="node" attr.name="weight" attr.type="double" />',
        '  <key id="n_implicit" for="node" attr.name="implicit" attr.type="boolean" />',
        '  <key id="n_note" for="node" attr.name="note" attr.type="string" />',
        '  <key id="n_url" for="node" attr.name="url" attr.type="string" />',
        '  <key id="n_quotes" for="node" attr.name="quotes" attr.type="string" />',
        '  <key id="e_kind" for="edge" attr.name="kind" attr.type="string" />',
        '  <key id="e_link" for="edge" attr.name="link" attr.type="string" />',
        '  <key id="e_ref" for="edge" attr.name="ref" attr.type="boolean" />',
        '  <key id="e_note" for="edge" attr.name="note" attr.type="string" />',
        '  <key id="g_title" for="graph" attr.name="title" attr.type="string" />',
        '  <key id="g_description" for="graph" attr.name="description" attr.type="string" />',
        '  <key id="g_allow_cycles" for="graph" attr.name="allow_cycles" attr.type="boolean" />',
        '  <key id="g_sources" for="graph" attr.name="sources" attr.type="string" />',
        '  <key id="g_actors" for="graph" attr.name="actors" attr.type="string" />',
        '  <graph id="argmap" edgedefault="directed">',
        '    <data key="g_title">Taxes</data>',
        '    <data key="g_description">A small map.</data>',
        '    <data key="g_allow_cycles">true</data>',
        '    <data key="g_sources">{"paper":{"title":"The Paper"}}</data>',
        '    <data key="g_actors">{"ana":{"name":"Ana Ruíz"}}</data>',
        '    <node id="cut">',
        '      <data key="n_label">Taxes should fall.</data>',
        '      <data key="n_kind">claim</data>',
        '      <data key="n_tags">tax, budget</data>',
        "    </node>",
        '    <node id="growth">',
        '      <data key="n_label">Lower taxes bring growth.</data>',
        '      <data key="n_kind">premise</data>',
        '      <data key="n_by">ana</data>',
        '      <data key="n_weight">0.25</data>',
        '      <data key="n_implicit">true</data>',
        '      <data key="n_note">Said often.</data>',
        '      <data key="n_url">https://example.org/g</data>',
        '      <data key="n_quotes">[{"source":"paper","text":"growth follows",'
        '"speaker":"ana"}]</data>',
        "    </node>",
        '    <node id="cut.pro.1.undercut.1">',
        '      <data key="n_label">Growth may not follow.</data>',
        '      <data key="n_kind">premise</data>',
        "    </node>",
        '    <node id="cut.con.1">',
        '      <data key="n_label">together: Services need money. + Money comes from taxes.</data>',
        '      <data key="n_kind">group</data>',
        "    </node>",
        '    <node id="cut.con.1.linked.1">',
        '      <data key="n_label">Services need money.</data>',
        '      <data key="n_kind">premise</data>',
        "    </node>",
        '    <node id="cut.con.1.linked.2">',
        '      <data key="n_label">Money comes from taxes.</data>',
        '      <data key="n_kind">premise</data>',
        "    </node>",
        '    <node id="other">',
        '      <data key="n_label">Growth matters.</data>',
        '      <data key="n_kind">claim</data>',
        "    </node>",
        '    <node id="link:cut.pro.1">',
        '      <data key="n_label">supports</data>',
        '      <data key="n_kind">link</data>',
        "    </node>",
        '    <edge id="e1" source="growth" target="link:cut.pro.1">',
        '      <data key="e_kind">pro</data>',
        '      <data key="e_link">cut.pro.1</data>',
        "    </edge>",
        '    <edge id="e2" source="link:cut.pro.1" target="cut">',
        '      <data key="e_kind">pro</data>',
        '      <data key="e_link">cut.pro.1</data>',
        "    </edge>",
        '    <edge id="e3" source="cut.pro.1.undercut.1" target="link:cut.pro.1">',
        '      <data key="e_kind">undercut</data>',
        '      <data key="e_link">cut.pro.1.undercut.1</data>',
        "    </edge>",
        '    <edge id="e4" source="cut.con.1" target="cut">',
        '      <data key="e_kind">con</data>',
        '      <data key="e_link">cut.con.1</data>',
        "    </edge>",
        '    <edge id="e5" source="cut.con.1.linked.1" target="cut.con.1">',
        '      <data key="e_kind">linked</data>',
        '      <data key="e_link">cut.con.1.linked.1</data>',
        "    </edge>",
        '    <edge id="e6" source="cut.con.1.linked.2" target="cut.con.1">',
        '      <data key="e_kind">linked</data>',
        '      <data key="e_link">cut.con.1.linked.2</data>',
        "    </edge>",
        '    <edge id="e7" source="growth" target="other">',
        '      <data key="e_kind">pro</data>',
        '      <data key="e_link">other.pro.1</data>',
        '      <data key="e_ref">true</data>',
        '      <data key="e_note">Again.</data>',
        "    </edge>",
        "  </graph>",
        "</graphml>",
    ]


def test_graphml_draws_an_undercut_that_is_undercut_through_its_own_node_too() -> None:
    from argmap import loads_map

    m = loads_map(
        "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C\n    pro:\n      - text: P\n"
        "        undercut:\n          - text: U\n            undercut:\n              - V\n",
        "t.yaml",
    )
    root = ET.fromstring(export_map(m, "graphml").text)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    labels = {
        n.get("id"): n.findtext("g:data[@key='n_label']", namespaces=ns)
        for n in root.iterfind(".//g:node", ns)
    }
    assert labels["link:c.pro.1.undercut.1"] == "undercuts"
    assert [(e.get("source"), e.get("target")) for e in root.iterfind(".//g:edge", ns)] == [
        ("c.pro.1", "link:c.pro.1"),
        ("link:c.pro.1", "c"),
        ("c.pro.1.undercut.1", "link:c.pro.1.undercut.1"),
        ("link:c.pro.1.undercut.1", "link:c.pro.1"),
        ("c.pro.1.undercut.1.undercut.1", "link:c.pro.1.undercut.1"),
    ]


def test_a_node_field_graphml_has_no_key_for_is_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    # As a field the vocabulary gains later would be: here `note` and `weight`, taken away.
    from argmap.formats import graphml

    carried = tuple(k for k in graphml._CARRIED if k not in ("note", "weight"))
    monkeypatch.setattr(graphml, "_CARRIED", carried)
    e = f"{REPO}/maps/example.yaml"
    assert warnings_of(export_map(EXAMPLE, "graphml").warnings) == [
        f"{e}:31:13: warning: GraphML has no place for weight, note of accident-risk.con.1:"
        " left out [W601]"
    ]


def test_json_export_has_positions_and_every_link() -> None:
    data = json.loads(export_map(EXAMPLE, "json").text)
    assert data["nodes"][1] == {
        "id": "low-emissions",
        "kind": "premise",
        "explicit_id": True,
        "text": "Nuclear power emits almost no carbon dioxide while running.",
        "by": ["council"],
        "implicit": False,
        "quotes": [],
        "weight": None,
        "base": 0.5,
        "tags": [],
        "note": None,
        "url": None,
        "position": {"file": str(REPO / "maps" / "example.yaml"), "line": 14, "column": 9},
    }
    assert {
        "id": "lower-bills.pro.1",
        "kind": "pro",
        "source": "cheap-power",
        "target": "lower-bills",
        "ref": True,
        "note": None,
        "position": {"file": str(REPO / "maps" / "example.yaml"), "line": 38, "column": 9},
    } in data["links"]


@pytest.mark.parametrize("fmt", ["json", "aif"])
def test_indented_json_keeps_non_ascii_text_as_it_is(fmt: str) -> None:
    from argmap import loads_map

    m = loads_map("argmap: 1\ntitle: T\nclaims:\n  a:\n    text: Ça coûte — trop.\n", "t.yaml")
    lines = export_map(m, fmt, indent=2).text.splitlines()
    assert '      "text": "Ça coûte — trop.",' in lines


# -- ids and broken input


def test_slugs_are_valid_ids_made_of_the_first_words() -> None:
    assert slug("The city should build a nuclear plant.") == "the-city-should-build-a-nuclear"
    assert slug("Ünïcode — “quotes” #1") == "unicode-quotes-1"
    assert slug("[Cheap Power]", keep_dots=True) == "cheap-power"


@pytest.mark.parametrize(
    ("fmt", "text", "message"),
    [
        (
            "argdown",
            "  + [a]: x\n",
            "t:1:3: error: Argdown: relation without a statement or argument above it [E601]",
        ),
        (
            "argdown",
            "[a]: x {b: [1}\n",
            "t:1:14: error: Argdown: invalid YAML data: did not find expected ',' or ']' [E601]",
        ),
        (
            "argdown",
            "===\ntitle: x\n[a]: b\n",
            "t:1:1: error: Argdown: front matter `===` is never closed [E601]",
        ),
        (
            "argdown",
            "[a]: x\n  + [b]: y {c: 1\n",
            "t:2:12: error: Argdown: data `{` is never closed [E601]",
        ),
        (
            "argdown",
            "[a]: x\n  + <b>: y\n    goes on {c: [1}\n",
            "t:3:19: error: Argdown: invalid YAML data: did not find expected ',' or ']' [E601]",
        ),
        (
            "argdown",
            "[a]: x\n  + [b]: y\n    goes on {c: 1\n",
            "t:3:13: error: Argdown: data `{` is never closed [E601]",
        ),
        (
            "argdown",
            "[a]: x\n  + [b] {bad\n",
            "t:2:9: error: Argdown: data `{` is never closed [E601]",
        ),
        (
            "argdown",
            '[A]: x {"by": ["a"], "by": ["b"]}\n',
            "t:1:22: error: Argdown: invalid YAML data: duplicate key 'by' (first at line 1); YAML"
            " would silently keep only the last [E601]",
        ),
        (
            "argdown",
            "===\ntitle: T\n- x\n===\n[A]: x\n",
            "t:3:1: error: Argdown: invalid YAML data: did not find expected key [E601]",
        ),
        (
            "argdown",
            "===\n- a\n- b\n===\n[A]: x\n",
            "t:2:1: error: Argdown: front matter must be a mapping {key: value} [E601]",
        ),
        (
            "argdown",
            "===\ntitle: T\nauthor: [x\n===\n[A]: x\n",
            "t:3:11: error: Argdown: invalid YAML data: did not find expected ',' or ']' [E601]",
        ),
        (
            "aif",
            '{"nodes": [{"nodeID": 1}]}',
            "t:1:12: error: each node needs `nodeID` and `type` [E602]",
        ),
        (
            "aif",
            '{"nodes": [\n  {"nodeID": 1, "type": "I",}]}',
            "t:2:29: error: not valid JSON: Expecting"
            " property name enclosed in double quotes [E601]",
        ),
        ("aif", "[]", "t:1:1: error: not AIF: expected an object with a `nodes` list [E602]"),
        (
            "kialo",
            "1. A thesis\n",
            "t:1:1: error: Kialo: the first line must be `Discussion Title: ...` [E601]",
        ),
        (
            "kialo",
            "Discussion Title: T\n\n1. A\n1.2.1. Pro: B\n",
            "t:4:1: error: Kialo: claim 1.2.1. comes before its parent [E601]",
        ),
        ("kialo", "\n  \n", "t:1:1: error: nothing to import: the Kialo file is empty [E603]"),
        (
            "kialo",
            "Discussion Title: T\n\n1. A\n1. B\n",
            "t:4:1: error: Kialo: claim 1. is numbered twice [E601]",
        ),
        (
            "kialo",
            "Discussion Title: T\nstray words\n1. A\n",
            "t:2:1: error: Kialo: expected a numbered claim such as `1. ...` [E601]",
        ),
        (
            "json",
            '{"format": "argmap", "version": 2}',
            "t:1:1: error: unsupported argmap JSON version 2 [E602]",
        ),
        (
            "json",
            '{"format": "argmap", "version": 1, "nodes": [{"id": "a"}]}',
            "t:1:46: error: `text` is missing [E602]",
        ),
        (
            "argdown",
            "// only a comment\n",
            "t:1:1: error: nothing to import: no statements found in this argdown file [E603]",
        ),
    ],
)
def test_broken_input_fails_with_one_positioned_line(fmt: str, text: str, message: str) -> None:
    with pytest.raises(ArgmapError) as caught:
        import_text(text, fmt, "t")
    assert caught.value.format() == message


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fmt=st.sampled_from(["argdown", "aif", "json", "kialo"]), data=st.data())
def test_no_edit_of_a_valid_export_makes_an_importer_crash(fmt: str, data: st.DataObject) -> None:
    text = export_map(EXAMPLE, fmt).text
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, min(len(text), start + 40)))
    insert = data.draw(st.text(alphabet='{}[]<>()#:-+_\n ="\\1.', max_size=6))
    mutated = text[:start] + insert + text[end:]
    try:
        import_text(mutated, fmt, "t")
    except ArgmapError as exc:
        assert exc.format().startswith("t")
        assert "\n" not in exc.format()


def test_a_chain_too_deep_to_nest_is_written_with_claims_and_refs() -> None:
    deep = "[a]: x\n" + "".join("  " * (i + 1) + f"+ [n{i}]: t{i}\n" for i in range(300))
    m = import_text(deep, "argdown", "t").map
    assert (len(m.node_ids), len(m.links)) == (301, 300)
    assert all(
        m.node(lk.source).text == f"t{n}"
        for n, lk in enumerate(sorted(m.links, key=lambda lk: int(m.node(lk.source).text[1:])))
    )
    # A premise 51 levels down is past the limit (50): it starts a claim of its own, whose
    # own premises count their depth from there.
    assert m.claims == ("a", "n50", "n101", "n152", "n203", "n254")


def test_argdown_paragraph_lines_continue_the_statement_and_includes_are_reported() -> None:
    text = "[A]: first line\ncontinues here\n  + third\n\n@include(other.argdown)\n"
    imported = import_text(text, "argdown", "t.argdown")
    assert [n.text for n in imported.map.unique_nodes()] == ["first line continues here", "third"]
    assert warnings_of(imported.warnings) == [
        "t.argdown:5:1: warning: @include(other.argdown) is left out: import the included file on"
        " its own [W611]"
    ]


def test_argdown_indented_lines_continue_an_argument_or_statement_with_tags_and_data() -> None:
    text = (
        "[Plant]: The city should build a plant. #energy\n"
        "  + <Cheap>: Power would be cheap\n"
        '    because marginal costs are low. #economy {"source": "x"}\n'
        "  + [Jobs]: It brings jobs #energy\n"
        '    to the region. #labour #energy {"note": "n"}\n'
    )
    imported = import_text(text, "argdown", "t.argdown")
    m = imported.map
    # Each continuation joins its element's text; a tag said twice is kept once, in the
    # order first said; a statement's data on its second line is read like its first's.
    assert [(n.id, n.text, n.tags, n.note) for n in m.unique_nodes()] == [
        ("plant", "The city should build a plant.", ("energy",), None),
        ("cheap", "Power would be cheap because marginal costs are low.", ("economy",), None),
        ("jobs", "It brings jobs to the region.", ("energy", "labour"), "n"),
    ]
    assert warnings_of(imported.warnings) == [
        "t.argdown:2:5: warning: argument <Cheap> is imported as a premise with its"
        " description as text [W613]",
        "t.argdown:2:5: warning: data field 'source' is left out [W618]",
    ]


def test_argdown_premise_conclusion_steps_groups_single_premises_and_what_is_left_out() -> None:
    text = (
        "[Plant]: Build the plant.\n"
        "  - <Lonely>\n"
        "\n"
        '<Cheap>: Power would be cheap. #economy {"weight": 2}\n'
        "\n"
        "(1) Marginal costs are low.\n"
        "(2) Low costs lower prices.\n"
        "----\n"
        "(3) Prices fall.\n"
        "(4) Falling prices help households.\n"
        "----\n"
        "(5) [Plant]\n"
        "\n"
        "<One step>: Jobs come with it. #labour\n"
        "\n"
        "(1) The plant employs many.\n"
        "----\n"
        "(2) [Plant]\n"
        "\n"
        "<Lonely>: Untested. #orphan\n"
        "\n"
        "(1) A statement.\n"
        "(2) Another.\n"
        "\n"
        "[Other]: Another claim.\n"
        "  + <Link>\n"
        "\n"
        '<Link>: @[Plant] supports @[Other]. {"argmap-link":'
        ' {"source": "plant", "target": "other", "kind": "pro"}}\n'
    )
    imported = import_text(text, "argdown", "t.argdown")
    m = imported.map
    assert m.claims == ("plant", "other", "a-statement", "another")
    # Each inference step supports its conclusion: several premises as one linked group
    # (the main step's titled with the argument and noted with its description), one
    # premise by a plain pro link; a step's conclusion is the next step's first premise.
    assert [(n.id, n.text, n.tags, n.note, n.is_group) for n in m.unique_nodes()] == [
        ("plant", "Build the plant.", ("economy", "labour"), None, False),
        (
            "cheap",
            "together: Prices fall. + Falling prices help households.",
            (),
            "Power would be cheap.",
            True,
        ),
        ("cheap.linked.1", "Prices fall.", (), None, False),
        (
            "cheap.linked.1.pro.1",
            "together: Marginal costs are low. + Low costs lower prices.",
            (),
            None,
            True,
        ),
        ("cheap.linked.1.pro.1.linked.1", "Marginal costs are low.", (), None, False),
        ("cheap.linked.1.pro.1.linked.2", "Low costs lower prices.", (), None, False),
        ("cheap.linked.2", "Falling prices help households.", (), None, False),
        ("plant.pro.2", "The plant employs many.", (), None, False),
        ("other", "Another claim.", (), None, False),
        ("a-statement", "A statement.", (), None, False),
        ("another", "Another.", (), None, False),
    ]
    assert [(lk.kind.value, lk.source, lk.target) for lk in m.links] == [
        ("pro", "cheap", "plant"),
        ("linked", "cheap.linked.1", "cheap"),
        ("pro", "cheap.linked.1.pro.1", "cheap.linked.1"),
        ("linked", "cheap.linked.1.pro.1.linked.1", "cheap.linked.1.pro.1"),
        ("linked", "cheap.linked.1.pro.1.linked.2", "cheap.linked.1.pro.1"),
        ("linked", "cheap.linked.2", "cheap"),
        ("pro", "plant.pro.2", "plant"),
    ]
    assert warnings_of(imported.warnings) == [
        "t.argdown:2:3: warning: relation of <Lonely>, which has numbered statements but no"
        " inference line, is left out [W614]",
        "t.argdown:2:5: warning: <Lonely> has numbered statements but no inference line:"
        " imported as statements only; its tags (orphan) are left out [W612]",
        "t.argdown:4:1: warning: <Cheap> is imported as its premise-conclusion structure: its"
        " tags (economy) go to its main conclusion [W612]",
        "t.argdown:4:1: warning: data field 'weight' of <Cheap> is left out [W618]",
        "t.argdown:14:1: warning: the description of <One step> is left out: its main"
        " conclusion has one premise, so no linked group to note it on [W611]",
        "t.argdown:14:1: warning: <One step> is imported as its premise-conclusion structure:"
        " its tags (labour) go to its main conclusion [W612]",
        "t.argdown:26:3: warning: relation of <Link>, which stands for a link, is left out [W614]",
    ]


def test_argdown_linked_group_arguments_keep_their_description_and_tags_or_say_so() -> None:
    # argmap's own Argdown marks a linked group's statement; its argument holds the
    # group's premises. What cannot join a group is left out with a warning, never merged.
    text = (
        "[C]: Claim.\n"
        "\n"
        "<linked G>: The two together. #pair\n"
        "\n"
        "(1) [P1]: One.\n"
        "(2) [P2]: Two.\n"
        "----\n"
        '(3) [G]: together: One. + Two. {"argmap-group": true}\n'
        "  +> [C]\n"
        "\n"
        "<Extra>: Said again.\n"
        "\n"
        "(1) [X]: Three.\n"
        "----\n"
        "(2) [G]\n"
        "\n"
        "<linked K>: Dropped, as K has a note. #solo\n"
        "\n"
        "(1) [Q]: Seven.\n"
        "(2) [R]: Eight.\n"
        "----\n"
        '(3) [K]: together: Seven. + Eight. {"argmap-group": true, "note": "Its own."}\n'
        "  -> [C]\n"
        "\n"
        "<linked H>\n"
        "\n"
        "(1) [G]\n"
        "(2) [W]: Six.\n"
        "----\n"
        '(3) [H]: together. {"argmap-group": true}\n'
    )
    imported = import_text(text, "argdown", "t.argdown")
    m = imported.map
    groups = [n for n in m.unique_nodes() if n.is_group]
    assert [(n.id, n.text, n.tags, n.note) for n in groups] == [
        ("g", "together: One. + Two.", ("pair",), "The two together."),
        ("k", "together: Seven. + Eight.", ("solo",), "Its own."),
    ]
    assert [(lk.kind.value, lk.source, lk.target) for lk in m.links] == [
        ("pro", "g", "c"),
        ("linked", "p1", "g"),
        ("linked", "p2", "g"),
        ("con", "k", "c"),
        ("linked", "q", "k"),
        ("linked", "r", "k"),
    ]
    assert m.claims == ("c", "x", "w")
    assert warnings_of(imported.warnings) == [
        "t.argdown:3:1: warning: <linked G> is imported as its premise-conclusion structure:"
        " its tags (pair) go to its main conclusion [W612]",
        "t.argdown:8:5: warning: a linked group cannot be a premise of another: this link is"
        " left out [W614]",
        "t.argdown:11:1: warning: <Extra> concludes [G], the linked group of <linked G>, which"
        " stands on its own premises only: this inference and its description are left out"
        " [W614]",
        "t.argdown:17:1: warning: the description of <linked K> is left out: its linked group"
        " [K] has a note already [W611]",
        "t.argdown:17:1: warning: <linked K> is imported as its premise-conclusion structure:"
        " its tags (solo) go to its main conclusion [W612]",
        "t.argdown:30:5: warning: a linked group without a statement it bears on is left out"
        " [W614]",
    ]


def test_argdown_export_writes_a_linked_group_as_a_numbered_argument() -> None:
    from argmap import loads_map

    m = loads_map(
        "argmap: 1\ntitle: T\nclaims:\n  delay:\n    text: The union caused the delay\n"
        "    pro:\n      - linked:\n"
        "          - text: The union has not let its members take part\n"
        "            con:\n              - text: Members did take part in one pilot\n"
        "                pro:\n                  - The pilot had union members\n"
        "          - ref: assent\n            note: Said in the same interview\n"
        "          - text: The training was ready\n"
        "        id: withholds\n"
        "  assent:\n    text: The strategy needs the union's assent\n",
        "g.yaml",
    )
    exported = export_map(m, "argdown")
    block = exported.text.split("<linked withholds>\n\n", 2)[2].split("\n\n", 1)[0]
    # numbered from 1, each premise's own pros and cons under it, the group last
    assert block.splitlines() == [
        "(1) [withholds.linked.1]: The union has not let its members take part",
        "  - [withholds.linked.1.con.1]: Members did take part in one pilot",
        "    + [withholds.linked.1.con.1.pro.1]: The pilot had union members",
        "(2) [assent]",
        "(3) [withholds.linked.3]: The training was ready",
        "----",
        "(4) [withholds]: together: The union has not let its members take part + The"
        ' strategy needs the union\'s assent + The training was ready {"argmap-group": true}',
    ]
    assert warnings_of(exported.warnings) == [
        "g.yaml:13:13: warning: Argdown has no place for note of link withholds.linked.2:"
        " left out [W601]"
    ]


def test_argdown_what_a_reference_or_an_undercut_cannot_carry_is_warned_at_its_line() -> None:
    text = (
        "[A]: Alpha.\n"
        "  + [B]: Beta.\n"
        '  + [B] said again {"weight": 1}\n'
        "  _ [U]: Undercuts a statement.\n"
        "\n"
        '<L>: Links. {"argmap-link": {"source": "u", "target": "x", "kind": "undercut"}}\n'
        "  _ [V]: Undercuts a link nobody wrote.\n"
    )
    imported = import_text(text, "argdown", "t.argdown")
    m = imported.map
    assert [(lk.kind.value, lk.source, lk.target) for lk in m.links] == [("pro", "b", "a")]
    assert m.claims == ("a", "u", "v")
    assert warnings_of(imported.warnings) == [
        "t.argdown:3:9: warning: text after a reference is left out: 'said again' [W611]",
        "t.argdown:3:9: warning: data field 'weight' after a reference is left out [W618]",
        "t.argdown:4:3: warning: undercut of [A]: no premise-to-parent link found for it to"
        " attack; left out [W614]",
        "t.argdown:7:3: warning: undercut of <L>, which names a link that is not in the file;"
        " left out [W617]",
    ]


def test_argdown_inference_steps_at_the_edges_descriptions_and_tags_in_every_form() -> None:
    text = (
        "<Bare>\n"
        "\n"
        "(1) Only a statement.\n"
        "\n"
        "<Bare two>: #x #y\n"
        "\n"
        "(1) Lone.\n"
        "\n"
        "<Tagged>: #one #two\n"
        "\n"
        "(1) First.\n"
        "----\n"
        "(2) Second.\n"
        "(3) Third.\n"
        "----\n"
        "(4) Fourth.\n"
        "\n"
        "<Said twice>: Half of it.\n"
        "\n"
        "(1) Alpha.\n"
        "(2) Beta.\n"
        "----\n"
        "(3) [Gamma]: Gamma  holds.\n"
        "\n"
        "<Said twice>: The other half.\n"
        "\n"
        "<Echo>: Gamma holds.\n"
        "\n"
        "(1) Delta.\n"
        "(2) Epsilon.\n"
        "----\n"
        "(3) [Gamma]\n"
        "\n"
        "<Early>\n"
        "\n"
        "----\n"
        "(1) Zeta.\n"
        "(2) Eta.\n"
        "----\n"
        "(3) Theta.\n"
        "----\n"
        "\n"
        "<Single>\n"
        "  _ [Lambda]: Lambda undercuts.\n"
        "\n"
        "<Single>\n"
        "\n"
        "(1) Iota.\n"
        "----\n"
        "(2) Kappa.\n"
        "\n"
        "<linked G>\n"
        "\n"
        "(1) [P1]: One.\n"
        "(2) [P2]: Two.\n"
        "----\n"
        '(3) [G]: together: One. + Two. {"argmap-group": true}\n'
        "  +> [Gamma]\n"
        "\n"
        "<Plain>\n"
        "\n"
        "(1) Three.\n"
        "----\n"
        "(2) [G]\n"
    )
    imported = import_text(text, "argdown", "t.argdown")
    m = imported.map
    notes = {n.id: n.note for n in m.unique_nodes() if n.is_group}
    # two descriptions of one argument are joined; one saying the conclusion again is dropped
    assert notes == {
        "tagged": None,
        "said-twice": "Half of it. The other half.",
        "echo": None,
        "early": None,
        "g": None,
    }
    assert m.node("fourth").tags == ("one", "two")
    # inference lines before the first statement and after the last start or end nothing
    assert [(lk.kind.value, lk.source, lk.target) for lk in m.links if "early" in lk.source] == [
        ("pro", "early", "theta"),
        ("linked", "early.linked.1", "early"),
        ("linked", "early.linked.2", "early"),
    ]
    # an undercut of an argument whose last step has one premise undercuts that step's link
    assert [(lk.source, lk.target) for lk in m.links if lk.kind.value == "undercut"] == [
        ("lambda", "kappa.pro.1")
    ]
    assert warnings_of(imported.warnings) == [
        "t.argdown:1:1: warning: <Bare> has numbered statements but no inference line: imported"
        " as statements only [W612]",
        "t.argdown:5:1: warning: <Bare two> has numbered statements but no inference line:"
        " imported as statements only; its tags (x, y) are left out [W612]",
        "t.argdown:9:1: warning: <Tagged> is imported as its premise-conclusion structure: its"
        " tags (one, two) go to its main conclusion [W612]",
        "t.argdown:60:1: warning: <Plain> concludes [G], the linked group of <linked G>, which"
        " stands on its own premises only: this inference is left out [W614]",
    ]


def test_argdown_export_of_line_breaks_non_ascii_braces_ref_notes_and_inferences() -> None:
    from argmap import loads_map

    m = loads_map(
        'argmap: 1\ntitle: T\nclaims:\n  a:\n    text: "Line one\\rline two"\n'
        '    con:\n      - text: Beta\n        note: "caf\u00e9 {x}"\n'
        "        undercut:\n          - text: Gamma\n            undercut: [Delta]\n"
        "      - ref: b\n        note: A ref's note\n  b:\n    text: B\n"
        "    tags: [plain, two words, x)y, ' pad']\n    con: [\"Two\\nlines\"]\n",
        "e.yaml",
    )
    exported = export_map(m, "argdown")
    # data stays readable (not \\u-escaped) but its braces cannot end Argdown's data block;
    # a link that is undercut is written as an argument that says what it does
    assert exported.text.split("===\n\n", 1)[1] == (
        "[a]: Line one line two\n"
        '  - [a.con.1]: Beta {"note": "café \\u007bx\\u007d"}\n'
        "  - [b]\n"
        "\n"
        '[b]: B #plain #(two words) {"tags": ["x)y", " pad"]}\n'
        "  - [b.con.1]: Two lines\n"
        "\n"
        '<a.con.1>: @[a.con.1] attacks @[a]. {"argmap-link": {"source": "a.con.1",'
        ' "target": "a", "kind": "con"}}\n'
        "  _ [a.con.1.undercut.1]: Gamma\n"
        "\n"
        "<a.con.1.undercut.1>: @[a.con.1.undercut.1] undercuts @<a.con.1>."
        ' {"argmap-link": {"source": "a.con.1.undercut.1", "target": "a.con.1",'
        ' "kind": "undercut"}}\n'
        "  _ [a.con.1.undercut.1.undercut.1]: Delta\n"
    )
    assert warnings_of(exported.warnings) == [
        "e.yaml:5:11: warning: line breaks in the text of a become spaces in Argdown [W603]",
        "e.yaml:12:9: warning: Argdown has no place for note of link a.con.2: left out [W601]",
        "e.yaml:17:11: warning: line breaks in the text of b.con.1 become spaces in Argdown [W603]",
    ]


def test_argdown_a_step_into_a_linked_group_is_left_out_at_its_argument() -> None:
    # A step of another argument cannot conclude in, or take as a premise, argmap's own
    # linked group: each link that would is left out, warned where the argument stands.
    text = (
        "<linked G>\n"
        "\n"
        "(1) [P1]: One.\n"
        "(2) [P2]: Two.\n"
        "----\n"
        '(3) [G]: together: One. + Two. {"argmap-group": true}\n'
        "  +> [Top]: Top.\n"
        "\n"
        "<Odd>\n"
        "\n"
        "(1) [X]: Three.\n"
        "(2) [Y]: Four.\n"
        "----\n"
        "(3) [G]\n"
        "(4) [Z]: Five.\n"
        "----\n"
        "(5) [W]: Six.\n"
        "\n"
        "<Odd one>\n"
        "\n"
        "(1) [V]: Seven.\n"
        "----\n"
        "(2) [G]\n"
        "(3) [U]: Eight.\n"
        "----\n"
        "(4) [T]: Nine.\n"
    )
    imported = import_text(text, "argdown", "t.argdown")
    assert imported.map.claims == ("top", "x", "y", "w", "v", "t")
    assert warnings_of(imported.warnings) == [
        "t.argdown:9:1: warning: a linked group is supported or attacked only through its"
        " premises: this link is left out [W614]",
        "t.argdown:9:1: warning: a linked group cannot be a premise of another: this link is"
        " left out [W614]",
        "t.argdown:9:1: warning: a linked group without a statement it bears on is left out [W614]",
        "t.argdown:19:1: warning: a linked group cannot be a premise of another: this link is"
        " left out [W614]",
        "t.argdown:21:5: warning: a linked group is supported or attacked only through its"
        " premises: this link is left out [W614]",
    ]


def test_argdown_export_front_matter_keeps_the_map_fields_readable() -> None:
    from argmap import loads_map

    m = loads_map(
        "argmap: 1\n"
        'title: "Café «débat»"\n'
        "description: Über alles\n"
        "allow-cycles: true\n"
        "sources:\n"
        '  s: {title: Sœur, url: "https://example.org/s"}\n'
        "actors:\n"
        "  a: {name: Ana, kind: person}\n"
        "  b: {name: Bo}\n"
        "claims:\n"
        "  c:\n"
        "    text: C.\n"
        "    con:\n"
        '      - text: "D. :smile: e.g."\n'
        "        by: a\n"
        "        con:\n"
        "          - ref: c\n",
        "f.yaml",
    )
    assert export_map(m, "argdown").text == (
        "===\n"
        'title: "Café «débat»"\n'
        "argmap: {\n"
        '    "description": "Über alles",\n'
        '    "allow-cycles": true,\n'
        '    "sources": {\n'
        '      "s": {\n'
        '        "title": "Sœur",\n'
        '        "url": "https://example.org/s"\n'
        "      }\n"
        "    },\n"
        '    "actors": {\n'
        '      "a": {\n'
        '        "name": "Ana",\n'
        '        "kind": "person"\n'
        "      },\n"
        '      "b": {\n'
        '        "name": "Bo"\n'
        "      }\n"
        "    }\n"
        "  }\n"
        "===\n"
        "\n"
        "[c]: C.\n"
        '  - [c.con.1]: D. \\:smile: e\\.g. {"by": ["a"]}\n'
        "    - [c]\n"
    )


def test_argdown_export_lists_a_premise_s_own_pros_and_cons_though_its_link_is_undercut() -> None:
    from argmap import loads_map

    m = loads_map(
        "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: A.\n    con:\n      - text: Beta\n"
        "        undercut: [Gamma]\n        con: [Delta]\n",
        "u.yaml",
    )
    body = export_map(m, "argdown").text.split("===\n\n", 1)[1]
    assert body.splitlines()[:3] == [
        "[a]: A.",
        "  - [a.con.1]: Beta",
        "    - [a.con.1.con.1]: Delta",
    ]


def test_argdown_undercuts_of_each_kind_of_argument_refs_without_text_and_statement_data() -> None:
    text = (
        "[A]: Alpha.\n"
        "  + [Ghost]\n"
        "  + <Cheap>: Power is cheap.\n"
        "  +> <Lonely>\n"
        '  - [Data]: Data here. {"implicit": true, "colour": 3, "by": "ana",'
        ' "quote": {"source": "s", "text": "here"}}\n'
        "\n"
        "<Cheap>\n"
        "  _ [U1]: Costs overran.\n"
        "\n"
        "<Lonely>\n"
        "\n"
        "(1) Nothing follows.\n"
        "\n"
        "<linked G>\n"
        "\n"
        "(1) [P1]: One.\n"
        "(2) [P2]: Two.\n"
        "----\n"
        '(3) [G]: together: One. + Two. {"argmap-group": true}\n'
        "  +> [A]\n"
        "\n"
        "<linked G>\n"
        "  _ [U2]: The two are unrelated.\n"
        "\n"
        "<Trailing>\n"
        "\n"
        "(1) Three.\n"
        "----\n"
        "(2) Four.\n"
        "----\n"
        "\n"
        "<Trailing>\n"
        "  _ [U3]: Nothing to undercut.\n"
    )
    imported = import_text(text, "argdown", "t.argdown")
    m = imported.map
    assert m.node("ghost").text == "Ghost"  # a ref never defined: its title as text
    # an undercut of an argument imported as a premise attacks that premise's link; of a
    # linked group's argument, the group's link; of one whose last inference ends nothing,
    # nothing (warned)
    assert [(lk.source, lk.target) for lk in m.links if lk.kind.value == "undercut"] == [
        ("u1", "a.pro.2"),
        ("u2", "a.pro.3"),
    ]
    assert (m.link("a.pro.2").source, m.link("a.pro.3").source) == ("cheap", "g")
    data = m.node("data")
    assert (data.by, data.implicit, data.weight, data.is_group) == (("ana",), True, None, False)
    assert [(q.source, q.text) for q in data.quotes] == [("s", "here")]
    assert warnings_of(imported.warnings) == [
        "t.argdown:2:5: warning: [Ghost] is referred to but never given a text: its title is"
        " used as text [W617]",
        "t.argdown:3:5: warning: argument <Cheap> is imported as a premise with its description"
        " as text [W613]",
        "t.argdown:4:3: warning: relation of <Lonely>, which has numbered statements but no"
        " inference line, is left out [W614]",
        "t.argdown:4:6: warning: <Lonely> has numbered statements but no inference line:"
        " imported as statements only [W612]",
        "t.argdown:5:13: warning: data field 'colour' is left out [W618]",
        "t.argdown:33:3: warning: undercut of <Trailing>: no premise-to-parent link found for it"
        " to attack; left out [W614]",
    ]


def test_argdown_statements_said_twice_keep_the_first_text_and_every_tag_once() -> None:
    text = (
        "[A]: Alpha. #first #first\n"
        '  + [B]: Beta. {"implicit": "yes", "url": "https://example.org/b",'
        ' "tags": ["x", "y", "x"], "note": 3}\n'
        "  - [C]: Gamma.\n"
        "\n"
        "[A]: Alpha again. #second\n"
        "[C]: Gamma. #third\n"
        "\n"
        '<L>: @[B] supports @[A]. #t {"argmap-link": {"source": "B", "target": "A",'
        ' "kind": "pro"}, "extra": 1}\n'
        "  _ [U]: Undercut.\n"
    )
    imported = import_text(text, "argdown", "t.argdown")
    m = imported.map
    b = m.node("b")
    assert (m.node("a").text, m.node("a").tags) == ("Alpha.", ("first", "second"))
    assert (b.tags, b.url, b.implicit, b.note) == (("x", "y"), "https://example.org/b", False, None)
    assert m.node("c").tags == ("third",)  # the same text again: no warning, its tag kept
    assert [(lk.source, lk.target) for lk in m.links if lk.kind.value == "undercut"] == [
        ("u", "a.pro.1")
    ]
    assert warnings_of(imported.warnings) == [
        "t.argdown:2:10: warning: data field 'implicit' is left out [W618]",
        "t.argdown:2:10: warning: data field 'note' is left out [W618]",
        "t.argdown:5:6: warning: [A] is defined again with other text: the first text is kept"
        " [W611]",
        "t.argdown:8:1: warning: tags (t) of <L>, which stands for a link, are left out [W611]",
        "t.argdown:8:1: warning: data field 'extra' of <L>, which stands for a link, is left"
        " out [W618]",
    ]


def test_graphml_stays_well_formed_xml_whatever_the_text() -> None:
    from argmap import loads_map

    m = loads_map(
        'argmap: 1\ntitle: "<T> & \\x01"\nclaims:\n  a:\n    text: "A \\x02 <b>&amp;"\n', "t.yaml"
    )
    root = ET.fromstring(export_map(m, "graphml").text)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    labels = [d.text for d in root.iterfind(".//g:node/g:data", ns) if d.get("key") == "n_label"]
    assert labels == ["A \ufffd <b>&amp;"]


def test_argdown_keeps_private_use_characters_as_they_are() -> None:
    from argmap import loads_map

    m = loads_map(
        "argmap: 1\ntitle: T\nclaims:\n  a:\n"
        '    text: "Icon \\ue041 \\U000f0041 and a \\\\* star"\n',
        "t.yaml",
    )
    back = import_text(export_map(m, "argdown").text, "argdown", "t.argdown").map
    assert back.node("a").text == "Icon \ue041 \U000f0041 and a \\* star"


# -- choosing a format, and where the imported map says it stands


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: export_map(EXAMPLE, "dot"),
            "error: cannot export to 'dot': use one of argdown, aif, json, kialo, graphml [E606]",
        ),
        (
            lambda: import_text("x", "graphml"),
            "error: cannot import from 'graphml': use one of argdown, aif, json, kialo [E606]",
        ),
    ],
)
def test_an_unknown_format_is_refused_naming_the_known_ones(call, message: str) -> None:
    with pytest.raises(ArgmapError) as caught:
        call()
    assert caught.value.format() == message


def test_aif_export_stamps_every_node_with_the_time_given() -> None:
    data = json.loads(export_map(EXAMPLE, "aif", timestamp="2024-05-01 12:30:00").text)
    assert {n["timestamp"] for n in data["nodes"]} == {"2024-05-01 12:30:00"}


def test_a_json_file_holding_argmap_json_is_imported_as_argmap_json(tmp_path: Path) -> None:
    path = tmp_path / "example.json"
    path.write_text(export_map(EXAMPLE, "json").text, encoding="utf-8")
    imported = import_file(path)
    assert (imported.map.title, len(imported.map.node_ids)) == (
        "Should the city build a nuclear plant?",
        9,
    )


def test_an_imported_map_stands_in_the_file_it_will_be_written_to(tmp_path: Path) -> None:
    path = tmp_path / "t.kialo"
    path.write_text("Discussion Title: T\n\n1. Taxes should fall.\n", encoding="utf-8")
    assert import_file(path).map.position.file == "imported.yaml"
    assert import_file(path, output="maps/taxes.yaml").map.position.file == "maps/taxes.yaml"
    assert import_text("[a]: A.\n", "argdown").map.position.file == "imported.yaml"


def test_text_imported_without_a_path_is_named_string_in_warnings() -> None:
    imported = import_text("[a]: A. {colour: red}\n", "argdown")
    assert warnings_of(imported.warnings) == [
        "<string>:1:6: warning: data field 'colour' is left out [W618]"
    ]


def test_text_without_a_title_or_a_path_name_imports_as_imported_map() -> None:
    assert import_text("[a]: A.\n", "argdown", path="").map.title == "Imported map"


def test_import_leaves_quote_checks_to_validate(tmp_path: Path) -> None:
    source = tmp_path / "minutes.txt"
    source.write_text("The council met on Monday.\n", encoding="utf-8")
    text = json.dumps(
        {
            "format": "argmap",
            "version": 1,
            "title": "T",
            "sources": {"s": {"title": "Minutes", "file": str(source)}},
            "claims": ["a"],
            "nodes": [
                {"id": "a", "text": "A.", "quotes": [{"source": "s", "text": "words not there"}]}
            ],
        }
    )
    m = import_text(text, "json", "t.json").map
    assert [(q.source, q.text) for q in m.node("a").quotes] == [("s", "words not there")]


def test_a_kialo_line_without_a_number_continues_the_claim_above() -> None:
    text = "Discussion Title: T\n\n1. A claim\nthat goes on\n1.1. Pro: B\n"
    m = import_text(text, "kialo", "t").map
    assert [n.text for n in m.unique_nodes()] == ["A claim that goes on", "B"]


def kialo_import(body: str) -> tuple[str, list[str]]:
    """The map YAML (without its modeline) and the warnings of importing a Kialo file whose
    title is T and whose claims are `body`."""
    imported = import_text(f"Discussion Title: T\n\n{body}", "kialo", "t.txt", "t.yaml")
    return imported.text.split("\n", 1)[1], warnings_of(imported.warnings)


def test_a_kialo_file_with_a_title_and_no_claims_is_refused_at_its_title_line() -> None:
    with pytest.raises(ArgmapError) as caught:
        import_text("\nDiscussion Title: T\n\n", "kialo", "t")
    assert caught.value.format() == "t:2:1: error: Kialo: there is no thesis numbered `1.` [E601]"


def test_a_kialo_thesis_that_repeats_the_title_stays_when_every_claim_has_a_stance() -> None:
    assert kialo_import("1. T\n1.1. Pro: A\n") == (
        "argmap: 1\ntitle: T\nclaims:\n  t:\n    text: T\n    pro:\n      - text: A\n",
        [],
    )


def test_a_one_claim_map_titled_as_its_claim_comes_back_from_kialo_whole() -> None:
    # Kialo's own files often repeat the title as the thesis; before, the thesis was then
    # taken for the title of a discussion of several claims and left out.
    from argmap import loads_map

    text = "argmap: 1\ntitle: Tax wealth\nclaims:\n  tax:\n    text: Tax wealth\n    pro:\n"
    text += "      - text: It is unequal\n"
    exported = export_map(loads_map(text, "t.yaml"), "kialo")
    assert (
        exported.text == "Discussion Title: Tax wealth\n\n1. Tax wealth\n1.1. Pro: It is unequal\n"
    )
    back = import_text(exported.text, "kialo", "t.txt", "back.yaml")
    assert [
        (c.text, [lk.kind.value for lk in back.map.incoming(c.id)]) for c in back.map.claim_nodes()
    ] == [("Tax wealth", ["pro"])]
    assert back.warnings == ()


def test_a_kialo_see_line_that_names_no_claim_is_left_out_and_the_rest_read() -> None:
    assert kialo_import("1. A\n1.1. Pro: -> See 1.5.\n1.2. Con: B\n") == (
        "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: A\n    con:\n      - text: B\n",
        ["t.txt:4:1: warning: -> See 1.5. names no claim in the file: left out [W617]"],
    )


def test_a_kialo_claims_stance_towards_the_discussion_title_is_left_out() -> None:
    assert kialo_import("1. T\n1.1. A\n1.2. Pro: B\n") == (
        "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: A\n  b:\n    text: B\n",
        ["t.txt:5:1: warning: the stance of 1.2. towards the discussion title is left out [W611]"],
    )


def test_a_kialo_premise_without_a_stance_is_read_as_a_pro_with_a_warning() -> None:
    assert kialo_import("1. A\n1.1. B\n") == (
        "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: A\n    pro:\n      - text: B\n",
        ["t.txt:4:1: warning: 1.1. has no Pro: or Con: stance: imported as pro [W611]"],
    )


def test_kialo_claims_come_in_the_files_order_even_when_one_is_also_a_premise() -> None:
    yaml_text, warnings = kialo_import("1. T\n1.1. A\n1.1.1. Pro: -> See 1.2.\n1.2. B\n")
    assert yaml_text == (
        "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: A\n    pro:\n      - ref: b\n"
        "  b:\n    text: B\n"
    )
    assert warnings == []


def test_a_kialo_thesis_in_a_cycle_keeps_the_plain_id_its_words_give() -> None:
    # The premise of the same words is named by a `-> See` line too, so it needs an id.
    yaml_text, warnings = kialo_import(
        "1. Same words\n1.1. Pro: Same words\n1.1.1. Pro: -> See 1.\n1.2. Pro: D\n"
        "1.2.1. Con: -> See 1.1.\n"
    )
    assert yaml_text.split("claims:\n", 1)[1].splitlines()[:3] == [
        "  same-words:",
        "    text: Same words",
        "    pro:",
    ]
    assert "      - id: same-words-2\n" in yaml_text
    assert warnings == []


def test_claims_under_a_kialo_see_line_are_left_out_and_so_is_a_group_there() -> None:
    assert kialo_import(
        "1. A\n1.1. Pro: -> See 1.\n1.1.1. Pro: together: B + C\n1.1.1.1. Pro: B\n"
        "1.1.1.2. Pro: C\n1.1.2. Con: D\n"
    ) == (
        "argmap: 1\ntitle: T\nallow-cycles: true\nclaims:\n  a:\n    text: A\n    pro:\n"
        "      - ref: a\n  b:\n    text: B\n  c:\n    text: C\n  d:\n    text: D\n",
        [
            "t.txt:5:1: warning: a linked group without a statement it bears on is left out [W614]",
            "t.txt:5:1: warning: 1.1.1. sits under 1.1., which is a `-> See` line: left out [W617]",
            "t.txt:8:1: warning: 1.1.2. sits under 1.1., which is a `-> See` line: left out [W617]",
        ],
    )


def test_a_kialo_group_written_as_the_premise_of_another_is_left_out_with_its_link() -> None:
    yaml_text, warnings = kialo_import(
        "1. A\n1.1. Pro: together: together: B + C\n1.1.1. Pro: together: B + C\n"
        "1.1.1.1. Pro: B\n1.1.1.2. Pro: C\n"
    )
    assert yaml_text == (
        "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: A\n  b:\n    text: B\n  c:\n    text: C\n"
    )
    assert warnings == [
        "t.txt:4:1: warning: a linked group without premises is left out [W614]",
        "t.txt:5:1: warning: a linked group cannot be a premise of another: this link is left"
        " out [W614]",
        "t.txt:5:1: warning: a linked group without a statement it bears on is left out [W614]",
    ]


def test_a_kialo_claim_named_by_a_see_line_is_never_read_as_a_group() -> None:
    yaml_text, warnings = kialo_import(
        "1. A\n1.1. Pro: together: B + C\n1.1.1. Pro: B\n1.1.2. Pro: C\n1.2. Con: -> See 1.1.\n"
    )
    assert yaml_text == (
        "argmap: 1\ntitle: T\nclaims:\n  a:\n    text: A\n    pro:\n"
        '      - id: together-b-c\n        text: "together: B + C"\n        pro:\n'
        "          - text: B\n          - text: C\n    con:\n      - ref: together-b-c\n"
    )
    assert warnings == []


@pytest.mark.parametrize("second", ["", "XXXX", "C"])
def test_a_kialo_see_line_that_names_no_claim_completes_no_group(second: str) -> None:
    text = f"together: B + {second}".strip()
    m = import_text(
        f"Discussion Title: T\n\n1. A\n1.1. Pro: {text}\n1.1.1. Pro: B\n1.1.2. Pro: -> See 1.9.\n",
        "kialo",
        "t.txt",
    ).map
    assert [(n.text, n.is_group) for n in m.unique_nodes()] == [
        ("A", False),
        (text, False),
        ("B", False),
    ]


def test_a_kialo_group_under_the_thesis_is_read_as_the_group() -> None:
    m = import_text(
        "Discussion Title: T\n\n1. A\n1.1. Pro: together: B + C\n1.1.1. Pro: B\n1.1.2. Pro: C\n",
        "kialo",
        "t.txt",
    ).map
    assert [(n.text, n.is_group) for n in m.unique_nodes()] == [
        ("A", False),
        ("together: B + C", True),
        ("B", False),
        ("C", False),
    ]


@pytest.mark.parametrize(
    ("body", "warnings"),
    [
        ("1. Pro: together: B + C\n1.1. Pro: B\n1.2. Pro: C\n", []),
        (
            "1. T\n1.1. A\n1.2. Pro: together: B + C\n1.2.1. Pro: B\n1.2.2. Pro: C\n",
            [
                "t.txt:5:1: warning: the stance of 1.2. towards the discussion title is left"
                " out [W611]"
            ],
        ),
    ],
)
def test_a_kialo_claim_written_like_a_group_is_a_plain_claim(
    body: str, warnings: list[str]
) -> None:
    # Before, it was read as a group, which bears on nothing: the claim was left out (W614).
    yaml_text, got = kialo_import(body)
    assert yaml_text.endswith(
        '  together-b-c:\n    text: "together: B + C"\n    pro:\n      - text: B\n      - text: C\n'
    )
    assert got == warnings


def test_argdown_export_ends_with_the_last_statement_whole() -> None:
    from argmap import loads_map

    m = loads_map("argmap: 1\ntitle: T\nclaims:\n  c: Plan X\n", "x.yaml")
    assert export_map(m, "argdown").text.endswith("===\n\n[c]: Plan X\n")


@pytest.mark.parametrize(
    ("text", "keep_dots", "expected"),
    [
        ("Café au lait", False, "cafe-au-lait"),  # accents folded to ASCII
        ("snake_case words", False, "snake-case-words"),
        ("The ICE union's «reply»!", False, "the-ice-union-s-reply"),
        ("one two three four five six seven", False, "one-two-three-four-five-six"),
        ("a" * 19 + " " + "b" * 20, False, "a" * 19 + "-" + "b" * 20),  # 40 characters: kept
        ("a" * 30 + " " + "b" * 20, False, "a" * 30),  # a word that would pass 40 is left out
        ("a" * 50, False, "a" * 40),  # one long word is cut
        ("a.b c", False, "a-b-c"),
        ("a.b c", True, "a.b-c"),  # a foreign handle keeps its dots
        ("-.x y.", True, "x-y"),  # but never starts or ends with one
        ("." * 45 + "x", True, "x"),  # leading dots go before the cut to 40
        ("!!!", False, ""),
    ],
)
def test_an_imported_id_is_the_first_words_of_the_text(
    text: str, keep_dots: bool, expected: str
) -> None:
    assert slug(text, keep_dots=keep_dots) == expected


def test_an_imported_actor_id_keeps_dots_and_is_never_empty() -> None:
    imported = import_text('[A]: x {"by": ["Ana.Lima", "!!!"]}\n', "argdown", "t")
    m = imported.map
    assert m.node("a").by == ("ana.lima", "unnamed")
    assert {k: a.name for k, a in m.actors.items()} == {"ana.lima": "Ana.Lima", "unnamed": "!!!"}


def test_argdown_front_matter_sources_and_actors_keep_what_a_map_can_hold() -> None:
    text = (
        "===\n"
        "title: T\n"
        "argmap:\n"
        "  sources:\n"
        '    s: {title: S, url: "javascript:alert(1)", ignore: [3, "44-48", "Note:"],'
        ' date: "May 2011", colour: red}\n'
        '    t: {title: T2, ignore: [true], url: "https://example.org/t"}\n'
        "  actors:\n"
        "    a: {name: Ana, kind: wizard, role: [x]}\n"
        "===\n"
        "\n"
        '[A]: Alpha. {"by": ["a", "b"], "quote": [{"source": "s", "text": "Alpha"},'
        ' {"source": "u", "text": "x"}]}\n'
    )
    imported = import_text(text, "argdown", "t.argdown")
    m = imported.map
    # an ignore list of lines and texts is kept as text; one holding a flag is left out;
    # sources and actors named but not listed are added, named by their ids
    assert {k: (s.title, s.url, s.date, s.ignore) for k, s in m.sources.items()} == {
        "s": ("S", None, None, ("3", "44-48", "Note:")),
        "t": ("T2", "https://example.org/t", None, ()),
        "u": ("u", None, None, ()),
    }
    assert {k: (a.name, a.kind, a.role) for k, a in m.actors.items()} == {
        "a": ("Ana", None, None),
        "b": ("b", None, None),
    }
    assert warnings_of(imported.warnings) == [
        "t.argdown:1:1: warning: actor 'a': kind 'wizard' is left out [W618]",
        "t.argdown:1:1: warning: actor 'a': field 'role' is left out [W618]",
        "t.argdown:1:1: warning: source 's': link 'javascript:alert(1)' is not http(s): left"
        " out [W618]",
        "t.argdown:1:1: warning: source 's': date 'May 2011' is not YYYY, YYYY-MM or"
        " YYYY-MM-DD: left out [W618]",
        "t.argdown:1:1: warning: source 's': field 'colour' is left out [W618]",
        "t.argdown:1:1: warning: source 't': field 'ignore' is left out [W618]",
    ]


def test_argdown_linked_group_data_keeps_what_a_group_may_carry() -> None:
    text = (
        "===\n"
        "title: T\n"
        'argmap: {actors: {ana: {role: Reporter}}, sources: {s: {url: "https://example.org/s"}}}\n'
        "===\n"
        "\n"
        "[C]: Claim.\n"
        "\n"
        "<linked G>\n"
        "\n"
        "(1) [P1]: One.\n"
        "(2) [P2]: Two.\n"
        "----\n"
        '(3) [G]: together: One. + Two. {"argmap-group": true, "implicit": false,'
        ' "url": "https://example.org/g", "quote": [{"source": "s", "text": "One"}],'
        ' "by": ["ana", "  "], "weight": 0.5}\n'
        "  +> [C]\n"
        "\n"
        "<linked H>\n"
        "\n"
        "(1) [P3]: Three.\n"
        "(2) [P4]: Four.\n"
        "----\n"
        '(3) [H]: together: Three. + Four. {"argmap-group": true, "url": ""}\n'
        "  +> [C]\n"
    )
    imported = import_text(text, "argdown", "t.argdown")
    m = imported.map
    g = m.node("g")
    # by (a blank entry is no one) and weight stay; quote and url are warned out (an empty
    # url or a false flag is nothing to leave out);
    # an actor or a source without its name or title is named by its id
    assert (g.by, g.weight, g.url, g.implicit, g.quotes) == (("ana",), 0.5, None, False, ())
    assert {k: (a.name, a.role) for k, a in m.actors.items()} == {"ana": ("ana", "Reporter")}
    assert {k: s.title for k, s in m.sources.items()} == {"s": "s"}
    assert warnings_of(imported.warnings) == [
        "t.argdown:13:5: warning: a linked group cannot carry `quote`: left out [W618]",
        "t.argdown:13:5: warning: a linked group cannot carry `url`: left out [W618]",
    ]
