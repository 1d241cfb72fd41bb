"""Our Argdown export, read by the real Argdown parser (`argdown json` from @argdown/cli).

`make interop` installs the CLI into build/interop with npm; without Node.js
or without that install, these tests are skipped and say why.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings

from argmap import load_map, loads_map
from argmap.formats import export_map, import_file
from argmap.formats.argdown import group_argument
from argmap.model import ArgumentMap, LinkKind
from tests.budget import examples
from tests.conftest import REPO
from tests.mapgen import map_texts
from tests.test_formats_linked import LINKED

CLI = Path(
    os.environ.get("ARGDOWN_CLI", REPO / "build" / "interop" / "node_modules" / ".bin" / "argdown")
)

pytestmark = [
    pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed"),
    pytest.mark.skipif(
        not CLI.exists(), reason=f"the Argdown CLI is not installed at {CLI}: run `make interop`"
    ),
]


def argdown_json(m: ArgumentMap, tmp: Path) -> dict[str, Any]:
    source = tmp / "map.argdown"
    source.write_text(export_map(m, "argdown").text, encoding="utf-8")
    run = subprocess.run(
        [str(CLI), "json", str(source), str(tmp / "out")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "error" not in (run.stdout + run.stderr).lower(), run.stdout + run.stderr
    result: dict[str, Any] = json.loads((tmp / "out" / "map.json").read_text(encoding="utf-8"))
    return result


def tag_suffix(tags: tuple[str, ...]) -> str:
    return "".join(
        f" #{t}" if t.replace("-", "").isalnum() and t.isascii() else f" #({t})" for t in tags
    )


def check_same(m: ArgumentMap, parsed: dict[str, Any]) -> None:
    statements = parsed["statements"]
    assert set(statements) == set(m.node_ids)
    for node in m.unique_nodes():
        texts = [x["text"] for x in statements[node.id]["members"] if x.get("text") is not None]
        assert [" ".join(t.split()) for t in texts] == [
            " ".join((node.text + tag_suffix(node.tags)).split())
        ]
    expected = set()
    for link in m.links:
        if link.kind is LinkKind.LINKED:  # a premise of a group: its argument's pcs, below
            continue
        kind = {LinkKind.PRO: "support", LinkKind.CON: "attack", LinkKind.UNDERCUT: "undercut"}[
            link.kind
        ]
        expected.add((link.source, kind, link.target))
    found = {(r["from"], r["relationType"], r["to"]) for r in parsed["relations"]}
    assert found == expected
    groups = {n.id for n in m.unique_nodes() if n.is_group}
    group_arguments = {group_argument(g): g for g in groups}
    assert set(group_arguments) <= set(parsed["arguments"])
    for title, argument in parsed["arguments"].items():
        if title in group_arguments:  # premises, then the group's own statement
            group = group_arguments[title]
            pcs = [(x["title"], x["role"]) for x in argument["pcs"]]
            assert pcs == [(lk.source, "premise") for lk in m.members(group)] + [
                (group, "main-conclusion")
            ]
            continue
        data = argument["members"][0]["data"]["argmap-link"]
        link = m.link(title)
        assert (data["source"], data["target"], data["kind"]) == (
            link.source,
            link.target,
            link.kind.value,
        )


@pytest.mark.parametrize("name", ["example.yaml", "secure-communities.yaml"])
def test_the_bundled_maps_parse_with_the_same_statements_and_relations(
    name: str, tmp_path: Path
) -> None:
    m = load_map(REPO / "maps" / name)
    check_same(m, argdown_json(m, tmp_path))


@settings(
    max_examples=examples(8),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=map_texts())
def test_generated_maps_parse_with_the_same_statements_and_relations(
    text: str, tmp_path: Path
) -> None:
    m = loads_map(text, "generated.yaml")
    target = tmp_path / str(abs(hash(text)))
    target.mkdir(exist_ok=True)
    check_same(m, argdown_json(m, target))


def test_a_map_with_linked_groups_parses_with_each_group_an_argument(tmp_path: Path) -> None:
    m = loads_map(LINKED, "linked.yaml")
    parsed = argdown_json(m, tmp_path)
    check_same(m, parsed)
    assert parsed["arguments"]["linked withholds-and-needed"]["members"][1]["pcs"][-1]["title"] == (
        "withholds-and-needed"
    )


@settings(
    max_examples=examples(8),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(text=map_texts(groups=True))
def test_generated_maps_with_groups_parse_with_the_same_statements_relations_and_pcs(
    text: str, tmp_path: Path
) -> None:
    m = loads_map(text, "generated.yaml")
    # Argdown 1.7.5 sometimes drops a statement's relation to itself (`[a]: ...` with the
    # children `- [b]: ...` and `- [a]`, seen by hand): not a matter of groups.
    assume(not any(lk.source == lk.target for lk in m.links))
    target = tmp_path / str(abs(hash(text)))
    target.mkdir(exist_ok=True)
    check_same(m, argdown_json(m, target))


def test_our_reader_finds_what_argdown_finds_in_hand_written_argdown(tmp_path: Path) -> None:
    source = REPO / "tests" / "fixtures" / "relations.argdown"
    run = subprocess.run(
        [str(CLI), "json", str(source), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    parsed = json.loads((tmp_path / "relations.json").read_text(encoding="utf-8"))
    text = {}
    for title, statement in parsed["statements"].items():
        member = next(x for x in statement["members"] if x.get("text", "").strip())
        text[title] = " ".join(re.sub(r"#\([^)]*\)|#\S+", "", member["text"]).split())
    theirs = set()
    for r in parsed["relations"]:
        kind = {"support": "pro", "attack": "con", "contradictory": "con"}[r["relationType"]]
        theirs.add((text[r["from"]], kind, text[r["to"]]))
        if r["relationType"] == "contradictory":
            theirs.add((text[r["to"]], kind, text[r["from"]]))
    m = import_file(source).map
    ours = {(m.node(lk.source).text, lk.kind.value, m.node(lk.target).text) for lk in m.links}
    assert ours == theirs
    assert {n.text for n in m.unique_nodes()} == set(text.values())
