"""No input makes argmap raise: random YAML documents, random edits of a valid map, random bytes."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import load_map, loads_map, validate_map
from argmap.errors import MapLoadError
from tests.budget import examples
from tests.conftest import REPO

EXAMPLE = (REPO / "maps" / "example.yaml").read_text(encoding="utf-8")
FIELDS = "argmap title claims text pro con undercut ref id by weight quote source tags note url"
FIELDS += " implicit actors sources"

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 3),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(FIELDS.split()),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(FIELDS.split()), st.text(max_size=6)), inner, max_size=5
        ),
    ),
    max_leaves=30,
)


def check(text: str) -> None:
    """Loading either works or raises MapLoadError; validating a loaded map never raises;
    every finding points inside the file (a line past the end would send an editor nowhere)."""
    last_line = text.count("\n") + 1
    try:
        m = loads_map(text, "fuzz.yaml")
    except MapLoadError as exc:
        assert exc.diagnostics
        assert all(d.position.file == "fuzz.yaml" for d in exc.diagnostics)
        assert all(0 <= d.position.line <= last_line for d in exc.diagnostics)
        return
    for d in validate_map(m):
        assert d.code and d.message
        assert 1 <= d.position.line <= last_line and d.position.column >= 1


FAST = settings(
    max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@FAST
@given(documents)
@pytest.mark.slow
def test_random_yaml_documents(doc) -> None:
    check(yaml.safe_dump(doc, allow_unicode=True))


@FAST
@given(documents)
@pytest.mark.slow
def test_random_documents_under_a_valid_header(doc) -> None:
    check(yaml.safe_dump({"argmap": 1, "title": "T", "claims": {"c": doc}}))


@FAST
@given(st.data())
def test_random_edits_of_a_valid_map(data) -> None:
    lines = EXAMPLE.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "insert", "indent", "truncate"]))
        if action == "drop" and len(lines) > 1:
            del lines[at]
        elif action == "dup":
            lines.insert(at, lines[at])
        elif action == "insert":
            lines.insert(at, data.draw(st.text(max_size=20)) + "\n")
        elif action == "indent":
            lines[at] = " " * data.draw(st.integers(1, 3)) + lines[at]
        else:
            lines[at] = lines[at][: data.draw(st.integers(0, len(lines[at])))]
    check("".join(lines))


@FAST
@given(st.binary(max_size=200))
def test_random_bytes_from_a_file(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.yaml"
        path.write_bytes(raw)
        try:
            m = load_map(path)
        except MapLoadError as exc:
            assert all(d.position.file == str(path) for d in exc.diagnostics)
            return
        validate_map(m)
