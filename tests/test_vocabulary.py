"""The vocabulary: one rule for ids, links and dates, and every field of the format described
once on the model; these tests walk the fields and fail when the loader, the JSON Schema, a
writer or diff misses one."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

from argmap import loads_map, validate_map
from argmap.diff import diff_maps
from argmap.formats import export_map
from argmap.formats.json import to_data
from argmap.model import Actor, ArgumentMap, Link, Node, Quote, Source
from argmap.renderer import render_map
from argmap.vocabulary import (
    DATE_RULE,
    ID_RULE,
    URL_RULE,
    On,
    Rule,
    Type,
    file_fields,
    json_pattern,
    safe_url,
    url_problem,
)
from tests.conftest import REPO, Invoke
from tests.render_helpers import parse_svg

SCHEMA = json.loads((REPO / "argmap" / "argmap.schema.json").read_text(encoding="utf-8"))
DEFS = SCHEMA["definitions"]


def one_link_map(url: str) -> str:
    return (
        f"argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C.\n    url: {json.dumps(url)}\n"
        "    con: [D.]\n"
    )


# ---------------------------------------------------------------------------
# The link rule


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/it's-here",  # an apostrophe is valid in a URL
        "http://example.org/a?b=1&c=2",
        "HTTPS://EXAMPLE.ORG/",
        "  https://example.org/padded  ",
    ],
)
def test_a_link_the_rule_allows_passes_validate(url: str) -> None:
    m = loads_map(one_link_map(url), "m.yaml")
    assert [d.format() for d in validate_map(m)] == []
    assert safe_url(url) == url.strip()


@pytest.mark.parametrize(
    ("url", "why"),
    [
        (
            "https://example.org/a\\b",
            "holds a backslash, which a link cannot; write it percent-encoded",
        ),
        ("https://example.org/a b", "holds a space, which a link cannot; write it percent-encoded"),
        ("https://example.org/<b>", "holds '<', which a link cannot; write it percent-encoded"),
        (
            "https://example.org/\u202eevil",
            "holds the control character U+202E, which a link cannot; write it percent-encoded",
        ),
        (
            "javascript:alert(1)",
            "is not an http(s) address; only http:// and https:// links are allowed",
        ),
        ("https://", "is not an http(s) address; only http:// and https:// links are allowed"),
    ],
)
def test_a_link_the_rule_refuses_is_e112_with_the_reason(url: str, why: str) -> None:
    m = loads_map(one_link_map(url), "m.yaml")
    assert [d.format() for d in validate_map(m)] == [
        f"m.yaml:6:10: error: link {url!r} {why} [E112]"
    ]
    assert url_problem(url) == why
    assert safe_url(url) is None


def test_the_schema_states_the_same_rules() -> None:
    url, id_, date = json_pattern(URL_RULE), json_pattern(ID_RULE), json_pattern(DATE_RULE)
    assert DEFS["premise"]["properties"]["url"]["pattern"] == url
    assert DEFS["source"]["properties"]["url"]["pattern"] == url
    assert DEFS["actor"]["properties"]["url"]["pattern"] == url
    assert DEFS["premise"]["properties"]["id"]["pattern"] == id_
    assert DEFS["source"]["properties"]["date"]["pattern"] == date


# ---------------------------------------------------------------------------
# The fields


def schema_object(name: str) -> dict[str, Any]:
    """The object form of a definition (a claim may also be written as plain text)."""
    d: dict[str, Any] = DEFS[name] if name != "map" else SCHEMA
    if "oneOf" in d:
        d = next(alt for alt in d["oneOf"] if alt.get("type") == "object")
    return d


# model class, schema definition, kind of item, keys a list of premises adds
OBJECTS = [
    (ArgumentMap, "map", None, ()),
    (Source, "source", None, ()),
    (Actor, "actor", None, ()),
    (Quote, "quote", None, ()),
    (Node, "claim", On.ANY, ("pro", "con")),
    (Node, "premise", On.PREMISE, ("pro", "con", "undercut")),
    (Link, "ref", On.REF, ("undercut",)),
]


@pytest.mark.parametrize(("cls", "name", "on", "lists"), OBJECTS, ids=[o[1] for o in OBJECTS])
def test_the_schema_has_every_field_of_the_vocabulary_and_no_other(
    cls: type, name: str, on: On | None, lists: tuple[str, ...]
) -> None:
    fields = [f for f in file_fields(cls) if on is None or f.spec.on in (On.ANY, on)]
    obj = schema_object(name)
    assert sorted(obj["properties"]) == sorted([f.key for f in fields] + list(lists))
    assert sorted(obj.get("required", [])) == sorted(f.key for f in fields if f.required)
    for f in fields:
        if f.spec.rule is Rule.URL:
            assert obj["properties"][f.key]["pattern"] == json_pattern(URL_RULE), f.key


def test_a_linked_group_carries_the_fields_the_vocabulary_gives_it_in_schema_and_loader() -> None:
    from argmap.load import GROUP_FIELDS

    keys = [f.key for f in file_fields(Node) if f.spec.group]
    assert sorted(keys) == ["by", "id", "note", "tags", "weight"]
    assert sorted(DEFS["group"]["properties"]) == sorted([*keys, "linked", "undercut"])
    assert DEFS["group"]["required"] == ["linked"]
    assert sorted(GROUP_FIELDS) == sorted(DEFS["group"]["properties"])


FULL = """\
argmap: 1
title: Every field
description: A map that sets each field of the format once.
allow-cycles: true
sources:
  src:
    title: A source
    author: An author
    publisher: A publisher
    date: 2011-05
    url: https://example.org/src
    file: src.txt
    ignore: ["1", "3-4", Subscribe now]
actors:
  ann: {name: Ann, role: Reporter, kind: person, url: https://example.org/ann}
claims:
  c:
    text: The claim.
    by: ann
    implicit: true
    quote: {source: src, text: the words, speaker: ann, locator: para 7}
    weight: 0.25
    tags: [t1]
    note: A note.
    url: https://example.org/c
    pro:
      - id: p
        text: A premise.
        implicit: true
        undercut:
          - text: An undercut.
    con:
      - ref: p
        note: Why it bears here.
        undercut: [Another undercut.]
"""


def test_every_field_is_set_by_the_full_fixture() -> None:
    """The fixture the walking tests use sets every field the vocabulary has."""
    m = loads_map(FULL, "full.yaml")
    objects: dict[type, Any] = {
        ArgumentMap: m,
        Source: m.sources["src"],
        Actor: m.actors["ann"],
        Quote: m.node("c").quotes[0],
        Link: m.link("c.con.1"),
    }
    for cls, obj in objects.items():
        unset = [f.key for f in file_fields(cls) if getattr(obj, f.name) in (None, (), {})]
        assert unset == [], cls.__name__
    claim, premise = m.node("c"), m.node("p")
    assert [f.key for f in file_fields(Node) if getattr(claim, f.name) in (None, ())] == []
    assert premise.explicit_id and premise.implicit


def test_as_data_writes_the_map_back_as_its_file_says_it() -> None:
    m = loads_map(FULL, "full.yaml")
    again = loads_map(yaml.safe_dump(m.as_data(), sort_keys=False), "full.yaml")
    assert again.as_data() == m.as_data()
    assert m.as_data() == yaml.safe_load(FULL.replace("2011-05", '"2011-05"')) | {
        "claims": {
            "c": {
                "text": "The claim.",
                "by": ["ann"],
                "implicit": True,
                "quote": [
                    {"source": "src", "text": "the words", "speaker": "ann", "locator": "para 7"}
                ],
                "weight": 0.25,
                "tags": ["t1"],
                "note": "A note.",
                "url": "https://example.org/c",
                "pro": [
                    {
                        "id": "p",
                        "text": "A premise.",
                        "implicit": True,
                        "undercut": [{"text": "An undercut."}],
                    }
                ],
                "con": [
                    {
                        "ref": "p",
                        "note": "Why it bears here.",
                        "undercut": [{"text": "Another undercut."}],
                    }
                ],
            }
        }
    }


def test_as_data_of_each_object_keys_its_fields_as_the_file_does() -> None:
    m = loads_map(FULL, "full.yaml")
    assert m.actors["ann"].as_data() == {
        "name": "Ann",
        "role": "Reporter",
        "kind": "person",
        "url": "https://example.org/ann",
    }
    assert m.sources["src"].as_data()["date"] == "2011-05"
    assert m.node("p").as_data() == {"id": "p", "text": "A premise.", "implicit": True}
    assert m.node("c.pro.1.undercut.1").as_data() == {"text": "An undercut."}
    assert m.link("c.pro.1").as_data() == {}  # a premise's link: its fields are the premise's
    assert m.link("c.con.1").as_data() == {"ref": "p", "note": "Why it bears here."}


def full_map(tmp_path: Path) -> Path:
    path = tmp_path / "full.yaml"
    path.write_text(FULL, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# Writers and diff: each walks the vocabulary, so a field added to it is written or warned
# about, and diffed, without a list to update.


def without(m: ArgumentMap, cls: type, name: str) -> ArgumentMap:
    """The map with field `name` of every `cls` object back at its default (or changed, if
    the field is required)."""
    attribute = attrs.fields_dict(cls)[name]

    def cleared(obj: Any) -> Any:
        if attribute.default is attrs.NOTHING:
            return attrs.evolve(obj, **{name: getattr(obj, name) + "!"})
        default: Any = attribute.default
        value = default.factory() if hasattr(default, "factory") else default
        return attrs.evolve(obj, **{name: value})

    if cls is ArgumentMap:
        return cleared(m)
    if cls is Node:
        return attrs.evolve(m, nodes=tuple(cleared(n) if n.id == "c" else n for n in m.nodes))
    if cls is Source:
        return attrs.evolve(m, sources={k: cleared(v) for k, v in m.sources.items()})
    return attrs.evolve(m, actors={k: cleared(v) for k, v in m.actors.items()})


DIFFED = [
    (cls, f.name, f.key)
    for cls in (ArgumentMap, Node, Source, Actor)
    for f in file_fields(cls)
    if f.spec.type not in (Type.VERSION, Type.ENTRIES, Type.CLAIMS) and f.key != "id"
]


@pytest.mark.parametrize(
    ("cls", "name", "key"), DIFFED, ids=[f"{c.__name__}.{n}" for c, n, _ in DIFFED]
)
def test_diff_tells_a_change_of_every_field(cls: type, name: str, key: str) -> None:
    full = loads_map(FULL, "full.yaml")
    d = diff_maps(without(full, cls, name), full, evaluate=False)
    changed = {
        ArgumentMap: [f.field for f in d.map_fields],
        Node: [f.field for f in d.node_fields if f.owner == "c"] + (["text"] if d.reworded else []),
        Source: [f.field for f in d.sources.changed],
        Actor: [f.field for f in d.actors.changed],
    }[cls]
    assert changed == [key if cls is not Source and cls is not Actor else name]


def test_json_writes_every_field_of_a_node() -> None:
    full = loads_map(FULL, "full.yaml")
    node = next(n for n in to_data(full)["nodes"] if n["id"] == "c")
    for f in file_fields(Node):
        assert f.name in node, f.name
    assert node["quotes"] == [
        {"source": "src", "text": "the words", "speaker": "ann", "locator": "para 7"}
    ]
    assert to_data(full)["sources"]["src"] == full.sources["src"].as_data()
    assert to_data(full)["actors"]["ann"] == full.actors["ann"].as_data()


def shown(value: Any) -> list[str]:
    """Strings an export that carries `value` contains."""
    if isinstance(value, bool):
        return ["true"]
    if isinstance(value, list):
        return [s for v in value for s in shown(v)]
    if isinstance(value, dict):
        return [str(value["text"])]
    return [str(value)]


@pytest.mark.parametrize("fmt", ["argdown", "aif", "kialo", "graphml", "json"])
def test_each_exporter_carries_every_field_of_a_node_or_warns(fmt: str) -> None:
    full = loads_map(FULL, "full.yaml")
    exported = export_map(full, fmt)
    warned = [w.message for w in exported.warnings]
    for node_id in ("c", "p"):
        for key, value in full.node(node_id).as_data().items():
            if key in ("id", "text"):
                continue
            # A warning names the field and the node (alone, or in a list of several).
            told = any(key in w and node_id in re.split(r"[\s,:]+", w) for w in warned)
            # AIF names a speaker by the actor's name: compare without case
            carried = all(s.casefold() in exported.text.casefold() for s in shown(value))
            assert told or carried, f"{fmt} loses {key} of {node_id} silently"


# ---------------------------------------------------------------------------
# The drift bugs, end to end: what `validate --strict` passes, `render` draws as a link;
# what render would drop, validate refuses.


def test_a_link_with_an_apostrophe_passes_validate_and_render_draws_it(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(one_link_map("https://example.org/it's-here"), encoding="utf-8")
    invoke(["validate", "--strict", path])
    dot = invoke(["render", path, "--format", "dot", "-o", "-"]).stdout
    assert 'URL="https://example.org/it\'s-here"' in dot
    svg = render_map(loads_map(path.read_text(encoding="utf-8"), "m.yaml"), "svg")
    hrefs = [v for e in parse_svg(svg).iter() for k, v in e.attrib.items() if k.endswith("href")]
    assert hrefs == ["https://example.org/it's-here"]


def test_a_link_with_a_backslash_fails_validate_instead_of_vanishing_from_the_diagram(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(one_link_map("https://example.org/a\\b"), encoding="utf-8")
    message = (
        f"{path}:6:10: error: link 'https://example.org/a\\\\b' holds a backslash, which a link"
        " cannot; write it percent-encoded [E112]"
    )
    assert message in invoke(["validate", "--strict", path], expect=1).stderr
    # render refuses the map as it refuses any map with errors, naming the same problem
    rendered = invoke(["render", path, "--format", "dot", "-o", "-"], expect=1)
    assert rendered.stderr == f"argmap: {message}\n"


def test_the_library_exports_what_the_commands_call(tmp_path: Path) -> None:
    import argmap

    assert sorted(argmap.__all__) == argmap.__all__
    for name in argmap.__all__:
        assert hasattr(argmap, name), name
    path = full_map(tmp_path)
    assert list(argmap.check_paths([tmp_path])) == [str(path)]
    found = argmap.summarise_paths([tmp_path], evaluate=False)
    assert [s.path for s in found.summaries] == [str(path)] and found.problems == ()
    jobs = argmap.plan(tmp_path, str(tmp_path / "out"), "svg")
    assert [(j.map_path, j.out) for j in jobs] == [(path, str(tmp_path / "out" / "full.svg"))]
    doc = json.loads(argmap.evaluation_json(argmap.evaluate(argmap.load_valid_map(path))))
    assert doc["converged"] is True and sorted(doc["nodes"])[0] == "c"


def test_a_command_names_the_first_problem_and_how_many_more(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\ntitle: T\nclaims:\n  c:\n    text: C.\n"
        "    con: [{ref: nowhere}, {ref: gone}]\n",
        encoding="utf-8",
    )
    result = invoke(["summary", path], expect=1)
    assert result.stderr.splitlines()[0].endswith(
        f"(and 1 more: run `argmap validate {path}`) [E102]"
    )
    # The library's error is built with that context, not patched afterwards: loading again
    # gives the same one message, never a note appended twice.
    import argmap

    with pytest.raises(argmap.MapLoadError) as first:
        argmap.load_valid_map(path)
    with pytest.raises(argmap.MapLoadError) as second:
        argmap.load_valid_map(path)
    assert first.value.message == second.value.message
    assert first.value.message.count("more: run") == 1
    assert len(first.value.diagnostics) == 2
