"""`argmap actors` and `argmap sources`: who argues what, what backs what."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import MAPS, REPO, Invoke


@pytest.fixture(autouse=True)
def in_maps(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(MAPS)


def test_actors_table(invoke: Invoke) -> None:
    assert (
        invoke(["actors", "sides-and-refs.yaml"]).stdout
        == """\
actor  argues  quoted  for    against
-------------------------------------
ana         2       0  main   other
Ana

ben         2       0         main
Ben                           other

cy          2       0  main   main
Cy                     other
"""
    )


def test_actors_json(invoke: Invoke) -> None:
    doc = json.loads(invoke(["actors", "quotes-checked.yaml", "--format", "json"]).stdout)
    assert doc == {
        "map": {"title": "Quotes checked against their sources", "path": "quotes-checked.yaml"},
        "actors": [
            {
                "id": "clerk",
                "name": "The Clerk",
                "role": "Records office",
                "kind": None,
                "argues": [],
                "quoted": 1,
                "claims_for": ["budget-rose"],
                "claims_against": [],
            }
        ],
    }


def test_no_actors(invoke: Invoke) -> None:
    assert invoke(["actors", "cycle-allowed.yaml"]).stdout == (
        "cycle-allowed.yaml declares no actors.\n"
    )


def test_sources_table(invoke: Invoke) -> None:
    assert (
        invoke(["sources", "quotes-checked.yaml"]).stdout
        == """\
source   title                            file                  quotes  backs  verified
---------------------------------------------------------------------------------------
report   A report with a local copy       sources/report.txt         2      2       1/2
                                          (found)

missing  A report whose copy is not here  sources/not-here.txt       1      1       0/1
                                          (not found)

offline  A report with no file at all     no file                    1      1       0/1
"""
    )


def test_sources_json_and_a_sources_directory(invoke: Invoke, tmp_path) -> None:
    (tmp_path / "not-here.txt").write_text("and then the budget rose", encoding="utf-8")
    args = ["sources", "quotes-checked.yaml", "--format", "json", "--sources", tmp_path]
    doc = json.loads(invoke(args).stdout)
    assert doc["sources"][1] == {
        "id": "missing",
        "title": "A report whose copy is not here",
        "author": None,
        "date": None,
        "file": "sources/not-here.txt",
        "file_status": "found",
        "quotes": 1,
        "backs": ["absent-file"],
        "verified": 1,
        "not_found": 0,
        "unchecked": 0,
    }


def test_no_sources(invoke: Invoke) -> None:
    assert invoke(["sources", "sides-and-refs.yaml"]).stdout == (
        "sides-and-refs.yaml declares no sources.\n"
    )


def test_a_long_file_name_is_never_broken_and_author_and_date_sit_under_the_title(
    invoke: Invoke, tmp_path: Path
) -> None:
    # A file name cut mid-word ("ice-union-secure-communi / ties.txt") cannot be copied
    # into a shell; the title is prose and can wrap.
    path = tmp_path / "m.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nsources:\n"
        "  itt: {title: A long headline that has to wrap over several lines of the table,"
        " author: Michelle Chen, date: '2011',"
        " file: sources/a-rather-long-file-name-for-the-article.txt}\n"
        "claims:\n  c:\n    text: C.\n    quote: {source: itt, text: C}\n"
        "    con: [D.]\n",
        encoding="utf-8",
    )
    out = invoke(["sources", path]).stdout
    assert "sources/a-rather-long-file-name-for-the-article.txt" in out
    assert "\nMichelle Chen, 2011\n" in out  # its own line, under the title
    assert max(len(line) for line in out.splitlines()) <= 100


def test_claim_ids_under_an_actor_are_never_cut_mid_id(invoke: Invoke) -> None:
    # The Secure Communities map has claim ids longer than a third of 100 columns
    # (enforcement-jobs-need-deportation): each must still be printed whole.
    path = REPO / "maps" / "secure-communities.yaml"
    out = invoke(["actors", path]).stdout
    doc = json.loads(invoke(["actors", path, "--format", "json"]).stdout)
    words = set(re.findall(r"[a-z0-9][a-z0-9._-]*", out))
    for actor in doc["actors"]:
        assert set(actor["claims_for"]) | set(actor["claims_against"]) <= words
    assert max(len(line) for line in out.splitlines()) <= 100
