"""Editors without a modeline: the schema's stable, versioned address, the file-name
convention `*.argmap.yaml`, and the SchemaStore catalog entry kept in the repository."""

from __future__ import annotations

import fnmatch
import json
import re

import pytest
import yaml

from argmap.files import find_maps
from argmap.model import FORMAT_VERSION, SCHEMA_URL
from argmap.starter import starter_map
from tests.conftest import REPO

PACKAGED = REPO / "argmap" / "argmap.schema.json"
PUBLISHED = REPO / "schemas" / f"v{FORMAT_VERSION}" / "argmap.schema.json"
CATALOG = json.loads((REPO / "schemastore" / "catalog.json").read_text(encoding="utf-8"))
HOOK = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]

ENTRY_FIELDS = {"name", "description", "fileMatch", "url", "versions"}


def test_the_address_is_versioned_and_in_the_repository() -> None:
    assert SCHEMA_URL == (
        "https://raw.githubusercontent.com/argmap/argmap/main/schemas/v1/argmap.schema.json"
    )
    # The raw address serves this file of the main branch.
    assert SCHEMA_URL.endswith("/main/" + PUBLISHED.relative_to(REPO).as_posix())


def test_the_schema_names_its_address_and_the_published_copy_is_the_packaged_one() -> None:
    assert json.loads(PACKAGED.read_text(encoding="utf-8"))["$id"] == SCHEMA_URL
    # If this fails: argmap schema > schemas/v1/argmap.schema.json
    assert PUBLISHED.read_text(encoding="utf-8") == PACKAGED.read_text(encoding="utf-8")


def test_argmap_init_writes_the_address_into_the_modeline() -> None:
    first = starter_map().splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMA_URL}"


def test_the_catalog_has_the_shape_schemastore_takes() -> None:
    assert CATALOG["$schema"] == "https://json.schemastore.org/schema-catalog.json"
    assert CATALOG["version"] == 1
    [entry] = CATALOG["schemas"]
    assert set(entry) <= ENTRY_FIELDS
    assert {"name", "description", "url"} <= set(entry)
    assert all(isinstance(entry[k], str) and entry[k].strip() for k in ("name", "description"))
    assert not entry["description"].endswith(".")  # SchemaStore's own rule
    assert entry["url"] == SCHEMA_URL
    assert entry["versions"] == {str(FORMAT_VERSION): SCHEMA_URL}
    assert entry["fileMatch"] == ["*.argmap.yaml", "*.argmap.yml"]


@pytest.mark.parametrize(
    ("path", "is_map"),
    [
        ("budget.argmap.yaml", True),
        ("notes/2026/budget.argmap.yml", True),
        ("budget.yaml", False),
        (".github/workflows/ci.yml", False),
        ("argmap.yaml", False),  # a config file named argmap, not a map
    ],
)
def test_editors_and_the_pre_commit_hook_recognise_the_same_file_names(
    path: str, is_map: bool
) -> None:
    [entry] = CATALOG["schemas"]
    name = path.rsplit("/", 1)[-1]
    assert any(fnmatch.fnmatchcase(name, glob) for glob in entry["fileMatch"]) is is_map
    assert bool(re.search(HOOK["files"], path)) is is_map


def test_argmap_validate_finds_maps_named_by_the_convention(tmp_path) -> None:
    (tmp_path / "budget.argmap.yaml").write_text("argmap: 1\n", encoding="utf-8")
    (tmp_path / "plan.argmap.yml").write_text("argmap: 1\n", encoding="utf-8")
    assert sorted(p.name for p in find_maps([tmp_path])) == [
        "budget.argmap.yaml",
        "plan.argmap.yml",
    ]
