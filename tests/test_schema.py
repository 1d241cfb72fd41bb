"""The JSON Schema and the loader agree: a map the schema accepts loads without structural
errors, and the other way round. (jsonschema is a test-only dependency: far too slow for
the validate path.)"""

from __future__ import annotations

import json
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
    "E113", "E114", "E115", "E116", "E117",
}  # fmt: skip


def argmap_accepts(text: str) -> bool:
    try:
        m = loads_map(text, "m.yaml")
    except MapLoadError as exc:
        codes = {d.code for d in exc.diagnostics}
    else:
        codes = {d.code for d in validate_map(m, check_quotes=False) if d.severity.value == "error"}
    return not codes & SCHEMA_EXPRESSIBLE


def schema_accepts(text: str) -> bool:
    try:
        jsonschema.validate(yaml.safe_load(text), SCHEMA)
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
