"""The JSON Schema and the loader agree: a map the schema accepts loads without structural
errors, and the other way round. (jsonschema is a test-only dependency: far too slow for
the validate path.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from argmap import loads_map, validate_map
from argmap.errors import MapLoadError
from tests.conftest import MAPS, REPO
from tests.test_bad_input import CASES

SCHEMA = json.loads((REPO / "argmap" / "argmap.schema.json").read_text(encoding="utf-8"))

# Codes for what a JSON Schema can express; the rest (refs, ids across the map, actors,
# sources, quotes, cycles) need the whole map and are the validator's alone.
SCHEMA_EXPRESSIBLE = {
    "E009", "E010", "E104", "E105", "E109", "E110", "E111", "E112",
    "E113", "E114", "E115", "E116", "E117", "E120", "E121",
}  # fmt: skip


def argmap_accepts(text: str) -> bool:
    try:
        m = loads_map(text, "m.yaml")
    except MapLoadError as exc:
        codes = {d.code for d in exc.diagnostics}
    else:
        codes = {d.code for d in validate_map(m, check_quotes=False) if d.severity.value == "error"}
    return not codes & SCHEMA_EXPRESSIBLE


class Yaml12Loader(yaml.SafeLoader):
    """YAML as editors read it (the YAML language server speaks YAML 1.2's core schema):
    `yes`, `on` and `2011-05-01` are text; only `true` and `false` are booleans."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [
        (tag, rx)
        for tag, rx in resolvers
        if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def schema_accepts(text: str) -> bool:
    try:
        jsonschema.validate(yaml.load(text, Yaml12Loader), SCHEMA)
    except jsonschema.ValidationError:
        return False
    return True


def fixture_maps() -> list[Path]:
    return sorted([*MAPS.rglob("*.yaml"), *(REPO / "maps").glob("*.yaml")])


def test_the_schema_is_valid_draft_07() -> None:
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-07/schema#"


@pytest.mark.parametrize("path", fixture_maps(), ids=lambda p: p.name)
def test_schema_and_loader_agree_on_every_fixture_map(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert schema_accepts(text) == argmap_accepts(text)


# Cases YAML itself refuses (syntax, anchors, tags, encodings) never reach a schema.
PARSEABLE = [
    (name, content)
    for name, content, code, *_ in CASES
    if isinstance(content, str) and not code.startswith("E00") and code not in {"E011", "E012"}
]


@pytest.mark.parametrize(("name", "content"), PARSEABLE, ids=[n for n, _ in PARSEABLE])
def test_schema_and_loader_agree_on_every_bad_input(name: str, content: str) -> None:
    assert schema_accepts(content) == argmap_accepts(content)


def test_schema_command_prints_the_packaged_schema(invoke) -> None:
    assert json.loads(invoke(["schema"]).stdout) == SCHEMA


CLAIM = "claims:\n  c:\n    text: C.\n    con: [No.]\n"
HEAD = "argmap: 1\ntitle: T\n"

# Where YAML's readings and the format's rules meet; (name, text, whether argmap accepts it).
TRICKY = [
    # An empty list or field while drafting means "nothing yet".
    ("empty con", HEAD + "claims:\n  c:\n    text: C.\n    con:\n    pro: ~\n", True),
    ("null description and note", HEAD + "description: ~\n" + CLAIM + "    note:\n", True),
    ("null sources and actors", HEAD + "sources: ~\nactors:\n" + CLAIM, True),
    # Scalars mean what the author wrote: a number or a boolean word as text.
    ("number as title", "argmap: 1\ntitle: 1984\n" + CLAIM, True),
    ("numbers as tags", HEAD + CLAIM + "    tags: [2011, housing]\n", True),
    ("true as text", HEAD + "claims:\n  c:\n    text: true\n    con: [No.]\n", True),
    ("yes as implicit", HEAD + CLAIM + "    implicit: yes\n", True),
    ("unquoted full date", HEAD + "sources:\n  s: {title: S, date: 2011-05-01}\n" + CLAIM, True),
    ("numeric claim key", HEAD + "claims:\n  1:\n    text: C.\n    con: [No.]\n", True),
    ("numeric premise id", HEAD + "claims:\n  c:\n    text: C.\n    con:\n"
     "      - {id: 7, text: P.}\n", True),
    ("version written as text", 'argmap: "1"\ntitle: T\n' + CLAIM, True),
    # JSON Schema cannot tell 1.0 from 1, so neither does argmap; 1.5 is another version.
    ("version written as 1.0", "argmap: 1.0\ntitle: T\n" + CLAIM, True),
    ("version 1.5", "argmap: 1.5\ntitle: T\n" + CLAIM, False),
    ("version 1.0 in quotes", "argmap: '1.0'\ntitle: T\n" + CLAIM, False),
    ("short weight", HEAD + CLAIM + "    weight: .5\n", True),
    ("linked group", HEAD + CLAIM + "    pro:\n      - {linked: [A., {ref: c}], weight: 0.4}\n",
     True),
    # Refused by both.
    ("blank claim string", HEAD + "claims:\n  c: ' '\n", False),
    ("blank premise string", HEAD + "claims:\n  c:\n    text: C.\n    con: [' ']\n", False),
    ("blank quote", HEAD + CLAIM + "    quote: {source: s, text: ' '}\n", False),
    ("blank actor name", HEAD + "actors:\n  a: {name: ' '}\n" + CLAIM, False),
    ("null source title", HEAD + "sources:\n  s: {title: ~}\n" + CLAIM, False),
    ("null in by", HEAD + CLAIM + "    by: [a, ~]\n", False),
    ("quoted weight", HEAD + CLAIM + "    weight: '0.5'\n", False),
    ("linked group with text", HEAD + CLAIM + "    pro:\n      - {linked: [A., B.], text: AB}\n",
     False),
    ("empty linked group", HEAD + CLAIM + "    pro:\n      - linked: []\n", False),
    ("linked group as undercut", HEAD + CLAIM + "    pro:\n      - text: P.\n"
     "        undercut: [{linked: [A., B.]}]\n", False),
    ("negative premise id", HEAD + "claims:\n  c:\n    text: C.\n    con:\n"
     "      - {id: -7, text: P.}\n", False),
]  # fmt: skip


@pytest.mark.parametrize(("text", "accepted"), [pytest.param(t, a, id=n) for n, t, a in TRICKY])
def test_schema_and_loader_agree_on_tricky_yaml(text: str, accepted: bool) -> None:
    assert argmap_accepts(text) is accepted
    assert schema_accepts(text) is accepted
