"""argmap diff: pairs of fixture maps (tests/maps/diff/) and the exact report a user reads."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap.diff import diff_maps, to_text, word_diff, word_diff_text
from argmap.load import loads_map
from tests.conftest import MAPS, Invoke

DIFF = MAPS / "diff"


def pair(name: str) -> list[str]:
    return [str(DIFF / f"{name}-old.yaml"), str(DIFF / f"{name}-new.yaml")]


def test_inserting_a_premise_reports_only_that_premise(invoke: Invoke) -> None:
    # The inserted premise shifts its siblings' path ids; they are matched by text.
    result = invoke(["diff", *pair("insert"), "--no-eval"])
    assert result.stdout == (
        f"--- {DIFF}/insert-old.yaml\n"
        f"+++ {DIFF}/insert-new.yaml\n"
        "\n"
        "added (1):\n"
        "  + four-day-week.pro.1 (pro of four-day-week):"
        " A trial in a sister office raised output.\n"
        "\n"
        "reworded (1):\n"
        "  ~ four-day-week.pro.3: Hiring would be {+much+} easier.\n"
        "\n"
        "1 added, 1 reworded\n"
    )


def test_moves_flips_fields_and_actors(invoke: Invoke) -> None:
    result = invoke(["diff", *pair("move"), "--no-eval"])
    assert result.stdout == (
        f"--- {DIFF}/move-old.yaml\n"
        f"+++ {DIFF}/move-new.yaml\n"
        "\n"
        "added (1):\n"
        "  + four-day-week.pro.1.undercut.1 (undercut of (trial supports four-day-week)):"
        " The sister office does different work.\n"
        "\n"
        "moved (1):\n"
        "  > fewer-mistakes: pro of four-day-week → con of longer-days\n"
        "\n"
        "relations (1):\n"
        "  ~ trial attacks longer-days (ref; was: supports)\n"
        "\n"
        "fields (1):\n"
        "  ~ customers by: (none) → hr, sales\n"  # ids: nothing to quote
        "\n"
        "actors (2):\n"
        "  + sales\n"
        '  ~ hr name: "HR department" → "Human resources"\n'
        "\n"
        "1 added, 1 moved, 1 relation changed, 1 field changed, 2 actors changed\n"
    )


def test_numbers_ids_and_flags_are_not_quoted_but_text_is(invoke: Invoke, tmp_path) -> None:
    # A weight printed as "0.6" reads as a string; quotes mark where free text starts and ends.
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text("argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n    con: [D.]\n")
    new.write_text(
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n    weight: 0.6\n"
        "    note: a, b\n    con: [{text: D., implicit: true}]\n"
    )
    fields = invoke(["diff", old, new, "--no-eval"]).stdout.split("fields (3):\n")[1]
    assert fields.split("\n\n")[0].splitlines() == [
        "  ~ c weight: (none) → 0.6",
        '  ~ c note: (none) → "a, b"',
        "  ~ c.con.1 implicit: (none) → true",
    ]


def test_markdown_is_a_pull_request_comment(invoke: Invoke) -> None:
    result = invoke(["diff", *pair("example"), "--format", "markdown", "--no-eval"])
    assert result.stdout == (
        f"### argmap diff: `{DIFF}/example-old.yaml` → `{DIFF}/example-new.yaml`\n"
        "\n"
        "**1 added, 2 reworded, 1 relation changed, 1 field changed**\n"
        "\n"
        "#### Added\n"
        "\n"
        "- `build-plant.con.1` (con of `build-plant`): The city has nowhere to store spent fuel.\n"
        "\n"
        "#### Reworded\n"
        "\n"
        "- `low-emissions.con.1`: … the plant emit **some** carbon dioxide too.\n"
        "- `cheap-power`: … lower electricity prices **for decades**.\n"
        "\n"
        "#### Relations\n"
        "\n"
        "- added: `accident-risk` attacks `lower-bills` (ref)\n"
        "\n"
        "#### Fields\n"
        "\n"
        "- `accident-risk` weight: *(none)* → 0.6\n"
    )


def edge(source: str, kind: str, target: object, ref: bool = False) -> dict[str, object]:
    return {"source": source, "kind": kind, "target": target, "ref": ref}


def test_json_shape(invoke: Invoke) -> None:
    doc = json.loads(invoke(["diff", *pair("move"), "--format", "json", "--no-eval"]).stdout)
    assert sorted(doc) == [
        "actors", "added", "counts", "evaluation", "evaluation_note", "fields", "map", "moved",
        "new", "old", "relations", "removed", "renamed", "reworded", "sources",
    ]  # fmt: skip
    assert doc["added"] == [
        {
            "id": "four-day-week.pro.1.undercut.1",
            "kind": "premise",
            "text": "The sister office does different work.",
            "placement": {
                "source": "four-day-week.pro.1.undercut.1",
                "kind": "undercut",
                "target": {
                    "source": "trial",
                    "kind": "pro",
                    "target": "four-day-week",
                    "ref": False,
                },
                "ref": False,
            },
        }
    ]
    assert doc["moved"] == [
        {
            "id": "fewer-mistakes",
            "old_id": "fewer-mistakes",
            "old": {
                "source": "fewer-mistakes",
                "kind": "pro",
                "target": "four-day-week",
                "ref": False,
            },
            "new": {
                "source": "fewer-mistakes",
                "kind": "con",
                "target": "longer-days",
                "ref": False,
            },
        }
    ]
    assert doc["relations"] == [
        {"change": "flipped", "source": "trial", "kind": "con", "target": "longer-days",
         "ref": True, "old_kind": "pro"},
    ]  # fmt: skip
    assert doc["fields"] == [{"id": "customers", "field": "by", "old": None, "new": "hr, sales"}]
    assert doc["actors"] == {
        "added": ["sales"],
        "removed": [],
        "changed": [
            {"id": "hr", "field": "name", "old": "HR department", "new": "Human resources"}
        ],
    }
    assert doc["evaluation"] is None
    assert doc["counts"]["moved"] == 1


def test_same_map_has_no_changes(invoke: Invoke) -> None:
    old, _ = pair("example")
    result = invoke(["diff", old, old, "--no-eval"])
    assert result.stdout.endswith("\nno changes\n")


def test_a_missing_file_exits_1(invoke: Invoke, tmp_path: Path) -> None:
    old, _ = pair("example")
    result = invoke(["diff", old, tmp_path / "gone.yaml"], expect=1)
    assert result.stderr == f"argmap: {tmp_path}/gone.yaml: error: no such file [E001]\n"


def test_removed_subtree_and_rename() -> None:
    old = loads_map(
        """argmap: 1
title: t
claims:
  a:
    text: Alpha.
    pro:
      - text: Beta.
        con:
          - Gamma.
      - id: old-name
        text: Delta stays the same.
""",
        "old.yaml",
    )
    new = loads_map(
        """argmap: 1
title: t2
claims:
  a:
    text: Alpha.
    pro:
      - id: new-name
        text: Delta stays the same.
""",
        "new.yaml",
    )
    d = diff_maps(old, new, evaluate=False)
    assert [(e.id, e.text) for e in d.removed] == [
        ("a.pro.1", "Beta."),
        ("a.pro.1.con.1", "Gamma."),
    ]
    assert [(r.old_id, r.id) for r in d.renamed] == [("old-name", "new-name")]
    assert d.relations == ()
    assert [(f.field, f.old, f.new) for f in d.map_fields] == [("title", "t", "t2")]


def test_markdown_escapes_map_text(write_map) -> None:
    from argmap.diff import to_markdown

    old = loads_map("argmap: 1\ntitle: t\nclaims:\n  a: Alpha.\n", "old.yaml")
    new = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n  a: Alpha.\n"
        '  b: "<img src=x onerror=alert(1)> ask @octocat about *this* | [link](javascript:x)"\n',
        "new.yaml",
    )
    md = to_markdown(diff_maps(old, new, evaluate=False))
    assert (
        "- `b` (top-level claim): &lt;img src=x onerror=alert(1)&gt; ask \\@octocat about"
        " \\*this\\* \\| \\[link\\](javascript:x)"
    ) in md


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("The plant would lower prices.", "The plant would raise prices.",
         "The plant would [-lower-]{+raise+} prices."),
        ("One two three four five six seven eight nine ten.", "One two three four five six seven"
         " eight nine ten, surely.", "… eight nine ten{+, surely+}."),
        ("Keep this.", "Keep this.", "Keep this."),
        ("a b c d e f g h i j k l m n", "a b c X e f g h i j k l Y n",
         "a b c [-d-]{+X+} e f g … j k l [-m-]{+Y+} n"),
        # Brackets added around a word hug it, as in the new text: not "{+[+} racial".
        ("encourages racial profiling", "encourages [racial] profiling",
         "encourages {+[+}racial{+]+} profiling"),
        # Brackets removed: the old text's spacing, so the word does not drift off.
        ("encourages [racial] profiling", "encourages racial profiling",
         "encourages [-[-]racial[-]-] profiling"),
        # After a replacement too, the kept word is spaced as in the new text.
        ("x racial", "[racial", "[-x-]{+[+}racial"),
        # Before any insertion, the old text's spacing.
        ("(a) b", "( a) b c", "(a) b {+c+}"),
        # A long run kept after the last change is cut after three words.
        ("Lower prices, we hear, would follow in every town.",
         "Higher prices, we hear, would follow in every town.",
         "[-Lower-]{+Higher+} prices, we …"),
        # One change only: the run before it is cut to its last three words ...
        ("a b c d e f", "a b c d e f g", "… d e f {+g+}"),
        # ... and "…" stands apart from a punctuation mark after it.
        ("One two three four five, six seven", "One two three four five, six seven eight",
         "… , six seven {+eight+}"),
    ],
)  # fmt: skip
def test_word_diff(old: str, new: str, expected: str) -> None:
    assert word_diff_text(word_diff(old, new)) == expected


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_git_revisions(invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old, new = pair("insert")

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    shutil.copy(old, tmp_path / "map.yaml")
    git("add", "map.yaml")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "first")
    shutil.copy(new, tmp_path / "map.yaml")
    monkeypatch.chdir(tmp_path)
    result = invoke(["diff", "git:HEAD:map.yaml", "map.yaml", "--no-eval"])
    assert result.stdout.startswith("--- git:HEAD:map.yaml\n+++ map.yaml\n")
    assert result.stdout.endswith("\n1 added, 1 reworded\n")
    bad = invoke(["diff", "git:nosuchrev:map.yaml", "map.yaml"], expect=1)
    assert bad.stderr.startswith(
        "argmap: error: git:nosuchrev:map.yaml: `git show nosuchrev:map.yaml` failed: fatal:"
    )
    assert bad.stderr.endswith("[E703]\n")


def test_strength_and_status_changes(invoke: Invoke) -> None:
    result = invoke(["diff", *pair("example")])
    assert result.stdout.endswith(
        "strength and status (dfquad) (3):\n"
        "  ~ build-plant: strength 0.64 → 0.42, status stands → falls\n"
        "  ~ accident-risk: strength 0.15 → 0.18\n"
        "  ~ lower-bills: strength 0.50 → 0.46\n"
        "\n"
        "1 added, 2 reworded, 1 relation changed, 1 field changed, 3 scores changed\n"
    )
    doc = json.loads(invoke(["diff", *pair("example"), "--format", "json"]).stdout)
    assert doc["evaluation"]["semantics"] == "dfquad"
    assert doc["evaluation"]["changes"][0] == {
        "id": "build-plant",
        "old_strength": pytest.approx(0.64, abs=0.005),
        "new_strength": pytest.approx(0.42, abs=0.005),
        "old_status": "in",
        "new_status": "out",
    }
    md = invoke(["diff", *pair("example"), "--format", "markdown"]).stdout
    assert md.endswith(
        "#### Strength and status (dfquad)\n"
        "\n"
        "| node | strength | status |\n"
        "|---|---|---|\n"
        "| `build-plant` | 0.64 → 0.42 | stands → falls |\n"
        "| `accident-risk` | 0.15 → 0.18 | falls |\n"
        "| `lower-bills` | 0.50 → 0.46 | falls |\n"
    )


def test_a_map_with_structural_errors_is_diffed_but_not_evaluated(
    invoke: Invoke, write_map
) -> None:
    old = write_map("argmap: 1\ntitle: t\nclaims:\n  a:\n    text: Alpha.\n", "old.yaml")
    new = write_map(
        "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: Alpha.\n    con:\n      - ref: gone\n",
        "new.yaml",
    )
    result = invoke(["diff", old, new])
    assert result.stdout.endswith(
        "relations (1):\n"
        "  + gone attacks a (ref)\n"
        "\n"
        f"not evaluated: {new}:7:9: `ref` to unknown id 'gone' [E102]\n"
        "\n"
        "1 relation changed\n"
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("emit carbon", "emit some carbon", "emit **some** carbon"),
        # `**\[**racial` does not close its emphasis in CommonMark (a `**` between a
        # punctuation mark and a letter): marks that touch punctuation are HTML tags.
        ("encourages racial profiling", "encourages [racial] profiling",
         "encourages <b>\\[</b>racial<b>\\]</b> profiling"),
        ("a [b] c", "a b c", "a <del>\\[</del>b<del>\\]</del> c"),
        ("lower prices", "raise prices", "~~lower~~**raise** prices"),
        # a word at both ends: emphasis, whatever stands between
        ("We agree.", "We I, too, I agree.", "We **I, too, I** agree."),
        # punctuation at one end only: tags
        ("a b", "a (c b", "a <b>(c</b> b"),
    ],
)  # fmt: skip
def test_markdown_word_marks_always_render(old: str, new: str, expected: str) -> None:
    from argmap.diff import _md_words

    assert _md_words(word_diff(old, new)) == expected


def test_a_dangling_ref_left_as_it_was_is_no_change(invoke: Invoke, write_map) -> None:
    # Both versions point at the same missing id: nothing about that link changed.
    text = "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: Alpha.\n    con:\n      - ref: gone\n"
    old, new = write_map(text, "old.yaml"), write_map(text.replace("Alpha", "Alef"), "new.yaml")
    out = invoke(["diff", old, new, "--no-eval"]).stdout
    assert "relations" not in out
    assert out.endswith("1 reworded\n")


def test_a_ref_note_change_is_a_field_of_the_link() -> None:
    text = "argmap: 1\ntitle: t\nclaims:\n  a: Alpha.\n  b:\n    text: Beta.\n    pro:\n"
    old = loads_map(text + "      - {ref: a, note: Old reason.}\n", "old.yaml")
    new = loads_map(text + "      - {ref: a, note: New reason.}\n", "new.yaml")
    d = diff_maps(old, new, evaluate=False)
    assert [(f.owner, f.field, f.old, f.new) for f in d.node_fields] == [
        ("b.pro.1", "note", "Old reason.", "New reason.")
    ]
    assert d.relations == ()


def test_promoting_a_premise_to_a_claim_is_a_move() -> None:
    old = loads_map(
        "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: Alpha.\n    con:\n"
        "      - {id: b, text: Beta.}\n",
        "old.yaml",
    )
    new = loads_map("argmap: 1\ntitle: t\nclaims:\n  a: Alpha.\n  b: Beta.\n", "new.yaml")
    d = diff_maps(old, new, evaluate=False)
    assert to_text(d).splitlines()[2:6] == [
        "",
        "moved (1):",
        "  > b: con of a → top-level claim",
        "",
    ]


def test_colour_on_a_terminal_or_when_asked(invoke: Invoke) -> None:
    coloured = invoke(["diff", *pair("insert"), "--no-eval", "--color"]).stdout
    assert "\x1b[32m  + four-day-week.pro.1" in coloured
    plain = invoke(["diff", *pair("insert"), "--no-eval"]).stdout
    assert "\x1b[" not in plain


def test_markdown_folds_long_sections() -> None:
    from argmap.diff import to_markdown

    old = loads_map("argmap: 1\ntitle: t\nclaims:\n  a: Alpha.\n", "old.yaml")
    claims = "".join(f"  c{n}: Claim number {n}.\n" for n in range(22))
    new = loads_map(f"argmap: 1\ntitle: t\nclaims:\n  a: Alpha.\n{claims}", "new.yaml")
    lines = to_markdown(diff_maps(old, new, evaluate=False)).splitlines()
    assert lines[lines.index("#### Added") + 22 :] == [
        "",
        "<details><summary>2 more</summary>",
        "",
        "- `c20` (top-level claim): Claim number 20.",
        "- `c21` (top-level claim): Claim number 21.",
        "",
        "</details>",
    ]


def test_every_section_of_the_text_report(invoke: Invoke) -> None:
    result = invoke(["diff", *pair("sections"), "--no-eval"])
    assert result.stdout == (
        f"--- {DIFF}/sections-old.yaml\n"
        f"+++ {DIFF}/sections-new.yaml\n"
        "\n"
        "map (2):\n"
        '  ~ title: "Old title" → "Titre révisé"\n'
        "  ~ allow-cycles: true → false\n"
        "\n"
        "removed (1):\n"
        "  - c.pro.2 (pro of c): Rent is cheap.\n"
        "\n"
        "reworded (1):\n"
        "  ~ c: The café should open {+soon+}.\n"
        "\n"
        "moved (2):\n"
        "  > p: pro of c → pro of d\n"
        "  > q: con of c → top-level claim\n"
        "\n"
        "renamed (1):\n"
        "  ~ old-name → new-name\n"
        "\n"
        "relations (1):\n"
        "  ~ q attacks d (ref; was: supports)\n"
        "\n"
        "actors (3):\n"
        "  + a3\n"
        "  - a2\n"
        '  ~ a1 name: "Ana" → "Ana B"\n'
        "\n"
        "sources (3):\n"
        "  + s3\n"
        "  - s2\n"
        '  ~ s1 title: "Report" → "Report 2"\n'
        "\n"
        "1 removed, 1 reworded, 2 moved, 1 renamed, 1 relation changed, 2 map fields changed,"
        " 3 actors changed, 3 sources changed\n"
    )


def test_every_section_of_the_markdown_comment(invoke: Invoke) -> None:
    result = invoke(["diff", *pair("sections"), "--no-eval", "--format", "markdown"])
    assert result.stdout.split("\n\n", 2)[2] == (
        "#### Map\n"
        "\n"
        "- title: Old title → Titre révisé\n"
        "- allow-cycles: true → false\n"
        "\n"
        "#### Removed\n"
        "\n"
        "- `c.pro.2` (pro of `c`): ~~Rent is cheap.~~\n"
        "\n"
        "#### Reworded\n"
        "\n"
        "- `c`: The café should open **soon**.\n"
        "\n"
        "#### Moved\n"
        "\n"
        "- `p`: pro of `c` → pro of `d`\n"
        "- `q`: con of `c` → top-level claim\n"
        "\n"
        "#### Renamed\n"
        "\n"
        "- `old-name` → `new-name`\n"
        "\n"
        "#### Relations\n"
        "\n"
        "- flipped: `q` attacks `d` (ref; was: supports)\n"
        "\n"
        "#### Actors\n"
        "\n"
        "- added `a3`\n"
        "- removed `a2`\n"
        "- `a1` name: Ana → Ana B\n"
        "\n"
        "#### Sources\n"
        "\n"
        "- added `s3`\n"
        "- removed `s2`\n"
        "- `s1` title: Report → Report 2\n"
    )


def test_every_section_of_the_json(invoke: Invoke) -> None:
    out = invoke(["diff", *pair("sections"), "--no-eval", "--format", "json"]).stdout
    # indented by two, text as written (not \u escapes)
    assert '\n      "words": "The café should open {+soon+}."\n' in out
    doc = json.loads(out)
    assert doc["map"] == [
        {"field": "title", "old": "Old title", "new": "Titre révisé"},
        {"field": "allow-cycles", "old": "true", "new": "false"},
    ]
    assert doc["reworded"] == [
        {
            "id": "c",
            "old_id": "c",
            "old": "The café should open.",
            "new": "The café should open soon.",
            "words": "The café should open {+soon+}.",
        }
    ]
    assert doc["moved"][1] == {
        "id": "q",
        "old_id": "q",
        "old": edge("q", "con", "c"),
        "new": None,  # now a top-level claim
    }
    assert doc["renamed"] == [{"old_id": "old-name", "id": "new-name"}]
    assert doc["sources"] == {
        "added": ["s3"],
        "removed": ["s2"],
        "changed": [{"id": "s1", "field": "title", "old": "Report", "new": "Report 2"}],
    }
    assert doc["counts"]["sources"] == 3


def test_a_git_spec_without_a_path_is_one_line(invoke: Invoke) -> None:
    old, _ = pair("example")
    result = invoke(["diff", "git:HEAD", old], expect=1)
    assert result.stderr == (
        "argmap: error: git:HEAD: write a git map as git:REV:PATH, e.g. git:HEAD:maps/a.yaml"
        " [E703]\n"
    )


def test_a_git_spec_without_git_installed_is_one_line(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, _ = pair("example")
    monkeypatch.setenv("PATH", "/nonexistent")
    result = invoke(["diff", "git:HEAD:map.yaml", old], expect=1)
    assert result.stderr == (
        "argmap: error: git:HEAD:map.yaml: git is not installed (needed for git:REV:PATH) [E703]\n"
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_git_blob_with_a_bom_loads_and_one_not_utf8_is_refused(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbfargmap: 1\ntitle: t\nclaims:\n  a: Alpha.\n")
    (tmp_path / "latin.yaml").write_bytes(b"argmap: 1\ntitle: t\nclaims:\n  a: Caf\xe9.\n")
    git("add", "bom.yaml", "latin.yaml")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "first")
    monkeypatch.chdir(tmp_path)
    assert invoke(["diff", "git:HEAD:bom.yaml", "bom.yaml", "--no-eval"]).stdout == (
        "--- git:HEAD:bom.yaml\n+++ bom.yaml\n\nno changes\n"
    )
    bad = invoke(["diff", "git:HEAD:latin.yaml", "bom.yaml"], expect=1)
    assert bad.stderr == (
        "argmap: error: git:HEAD:latin.yaml: not UTF-8; save the file as UTF-8 [E002]\n"
    )


def test_scores_follow_the_semantics_asked_for(invoke: Invoke) -> None:
    result = invoke(["diff", *pair("example"), "--semantics", "euler"])
    assert result.stdout.endswith(
        "strength and status (euler) (3):\n"
        "  ~ build-plant: strength 0.58 → 0.47, status stands → falls\n"
        "  ~ accident-risk: strength 0.40 → 0.51\n"
        "  ~ lower-bills: strength 0.50 → 0.42\n"
        "\n"
        "1 added, 2 reworded, 1 relation changed, 1 field changed, 3 scores changed\n"
    )


def test_markdown_ends_with_why_the_maps_were_not_evaluated(invoke: Invoke, write_map) -> None:
    old = write_map("argmap: 1\ntitle: t\nclaims:\n  a:\n    text: Alpha.\n", "old.yaml")
    new = write_map(
        "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: Alpha.\n    con:\n      - ref: gone\n",
        "new.yaml",
    )
    lines = invoke(["diff", old, new, "--format", "markdown"]).stdout.splitlines()
    assert lines[0] == f"### argmap diff: `{old}` → `{new}`"
    assert lines[-2] == ""
    # the note, escaped as markdown (the path's underscores too), in italics
    assert lines[-1].startswith("*not evaluated: /")
    assert lines[-1].endswith("new.yaml:7:9: \\`ref\\` to unknown id 'gone' \\[E102\\]*")


def test_markdown_shows_twenty_items_without_folding() -> None:
    from argmap.diff import to_markdown

    old = loads_map("argmap: 1\ntitle: t\nclaims:\n  a: Alpha.\n", "old.yaml")
    claims = "".join(f"  c{n}: Claim number {n}.\n" for n in range(20))
    new = loads_map(f"argmap: 1\ntitle: t\nclaims:\n  a: Alpha.\n{claims}", "new.yaml")
    lines = to_markdown(diff_maps(old, new, evaluate=False)).splitlines()
    assert lines[-1] == "- `c19` (top-level claim): Claim number 19."
    assert "<details><summary>0 more</summary>" not in lines


def test_markdown_places_an_undercut_under_the_link_it_attacks(invoke: Invoke) -> None:
    lines = invoke(["diff", *pair("move"), "--format", "markdown", "--no-eval"]).stdout.splitlines()
    assert lines[lines.index("#### Added") + 2] == (
        "- `four-day-week.pro.1.undercut.1` (undercut of (`trial` supports `four-day-week`)):"
        " The sister office does different work."
    )


def test_markdown_escapes_a_path_that_would_break_its_code_span() -> None:
    from argmap.diff import to_markdown

    text = "argmap: 1\ntitle: t\nclaims:\n  a: Alpha.\n"
    d = diff_maps(loads_map(text, "we`ird.yaml"), loads_map(text, "new.yaml"), evaluate=False)
    assert to_markdown(d).splitlines()[0] == "### argmap diff: we\\`ird.yaml → `new.yaml`"


def test_nodes_pair_by_id_then_text_then_similar_words_under_the_same_parent() -> None:
    from argmap.diff import match_nodes

    head = "argmap: 1\ntitle: t\nclaims:\n"
    old = loads_map(
        head
        + "  a:\n    text: Alpha.\n    pro:\n      - text: Costs are rising fast in the city.\n"
        "      - id: kept\n        text: Old words entirely.\n"
        "      - linked: [P one., P two.]\n        id: grp\n"
        "      - Quite different words here.\n"
        "  b:\n    text: Beta.\n    con:\n      - text: Wages fall behind prices.\n",
        "old.yaml",
    )
    new = loads_map(
        head + "  b:\n    text: Beta.\n    con:\n      - text: Costs are rising fast in the town.\n"
        "      - text: Wages fall behind rising prices.\n"
        "  a:\n    text: Alpha.\n    pro:\n      - text: Entirely new point.\n"
        "      - text: Costs are rising quickly in the city.\n"
        "      - id: kept\n        text: New words altogether.\n"
        "      - id: a.pro.4\n        text: Nothing like the old one.\n"
        "      - linked: [P one., P two.]\n",
        "new.yaml",
    )
    # an id written on either side pairs whatever its text (a.pro.4: on the new side only);
    # of two equally similar premises the one under the same parent wins (a.pro.1 moved
    # down one place rather than b's new con, though that comes first); a group whose id
    # changed pairs by its premises
    assert match_nodes(old, new) == {
        "a": "a",
        "kept": "kept",
        "a.pro.4": "a.pro.4",
        "b": "b",
        "grp.linked.1": "a.pro.5.linked.1",
        "grp.linked.2": "a.pro.5.linked.2",
        "b.con.1": "b.con.2",
        "a.pro.1": "a.pro.2",
        "grp": "a.pro.5",
    }
    # of two equally similar premises under the same parent, the one at the same place wins
    old = loads_map(
        head + "  a:\n    text: Alpha.\n    pro:\n      - Costs are rising fast.\n"
        "      - Something else entirely.\n",
        "old.yaml",
    )
    new = loads_map(
        head + "  a:\n    text: Alpha.\n    pro:\n      - Costs are rising quickly.\n"
        "      - Costs are rising slowly.\n",
        "new.yaml",
    )
    assert match_nodes(old, new) == {"a": "a", "a.pro.1": "a.pro.1"}


def test_diff_scores_follow_the_support_reading_and_say_why_when_it_refuses(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib

    path = MAPS / "eval_support_readings.yaml"
    old = loads_map(path.read_text(encoding="utf-8"), "old.yaml")
    new = loads_map(
        path.read_text(encoding="utf-8").replace(
            "con: [{id: c, text: C.}]", "con: [{id: c, text: C., con: [W.]}]"
        ),
        "new.yaml",
    )

    def statuses(support: str) -> list[tuple[str, str, str]]:
        scores = diff_maps(old, new, support=support).scores
        assert scores is not None  # evaluated
        return [(c.id, c.old_status, c.new_status) for c in scores if c.old_status != c.new_status]

    # W answers C, so B stands again; under the deductive reading a (which supports b)
    # is freed too and d, which a attacks through its support, falls
    assert statuses("attacks-only") == [("b", "out", "in"), ("c", "in", "out")]
    assert statuses("deductive") == [
        ("b", "out", "in"),
        ("a", "out", "in"),
        ("c", "in", "out"),
        ("d", "in", "out"),
    ]
    monkeypatch.setattr(importlib.import_module("argmap.evaluate"), "MAX_INDUCED_ATTACKS", 0)
    refused = diff_maps(old, new, support="deductive")
    assert refused.scores is None  # not evaluated, rather than no change
    assert refused.evaluation_note == (
        "not evaluated: support reading 'deductive' induces more than 0 attacks on this map;"
        " use --support attacks-only [E505]"
    )


def test_two_written_ids_never_pair_by_words_but_either_may_pair_with_a_path_id() -> None:
    from argmap.diff import match_nodes

    head = "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: Alpha.\n    pro:\n"
    old = loads_map(head + "      - {id: x1, text: Costs are rising fast.}\n", "old.yaml")
    new = loads_map(
        head + "      - {id: x2, text: Costs are rising quickly.}\n"
        "      - Costs are rising slowly.\n",
        "new.yaml",
    )
    # x1 and x2 were both named by hand: different names, different nodes
    assert match_nodes(old, new) == {"a": "a", "x1": "a.pro.2"}
