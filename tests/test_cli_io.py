"""Files, output and CLI behaviour across commands: -o, -q, folders, sanitised output,
failed and non-UTF-8 output. Real subprocesses where the process's own streams matter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO, Invoke

EXAMPLE = REPO / "maps" / "example.yaml"
SMALL = "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: Alpha → beta “quoted”.\n    con: [No.]\n"
WORKFLOW = "name: ci\non: [push]\njobs: {}\n"


def run(*args: object, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    """argmap in a real process (its own stdout, stderr and encoding)."""
    env = {**os.environ, "NO_COLOR": "1", **kwargs.pop("env", {})}
    env.pop("ARGMAP_DEBUG", None)
    capture = bool(kwargs.pop("capture", True))
    done: subprocess.CompletedProcess[bytes] = subprocess.run(
        [sys.executable, "-m", "argmap", *map(str, args)],
        capture_output=capture,
        env=env,
        timeout=60,
        **kwargs,
    )
    return done


@pytest.fixture
def small(tmp_path: Path) -> Path:
    path = tmp_path / "m.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


# -- where output goes --------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["export", "{map}", "--to", "json", "-o", "{out}"],
        ["render", "{map}", "--format", "dot", "-o", "{out}"],
    ],
)
def test_an_output_that_reaches_the_map_through_dotdot_is_refused(
    invoke: Invoke, small: Path, args: list[str]
) -> None:
    out = str(small.parent / "nosuch" / ".." / "m.yaml")
    result = invoke([a.format(map=small, out=out) for a in args], expect=1)
    assert result.stderr == (
        f"argmap: error: refusing to overwrite the input file {small} with output [E702]\n"
    )
    assert small.read_text(encoding="utf-8") == SMALL


def test_import_refuses_to_write_over_its_input_through_a_hard_link(
    invoke: Invoke, tmp_path: Path
) -> None:
    source = tmp_path / "in.argdown"
    source.write_text("[A]: Alpha.\n  - No.\n", encoding="utf-8")
    os.link(source, tmp_path / "out.yaml")
    result = invoke(["import", source, "-o", tmp_path / "out.yaml", "--force"], expect=1)
    assert "refusing to overwrite the input file" in result.stderr
    assert source.read_text(encoding="utf-8") == "[A]: Alpha.\n  - No.\n"


def test_dash_is_stdout_for_export_and_import(
    invoke: Invoke, small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    exported = invoke(["export", small, "--to", "argdown", "-o", "-"])
    assert exported.stdout.startswith('===\ntitle: "t"\n===\n')
    (tmp_path / "in.argdown").write_text(exported.stdout, encoding="utf-8")
    imported = invoke(["import", "in.argdown", "-o", "-"])
    assert "\nargmap: 1\ntitle: t\n" in imported.stdout
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize(
    ("name", "first"),
    [("out.argdown", "==="), ("out.json", "{"), ("out.aif.json", "{"), ("out.graphml", "<?xml")],
)
def test_export_takes_the_format_from_the_output_name(
    invoke: Invoke, small: Path, tmp_path: Path, name: str, first: str
) -> None:
    invoke(["export", small, "-o", tmp_path / name])
    text = (tmp_path / name).read_text(encoding="utf-8")
    assert text.startswith(first)
    if name == "out.aif.json":
        assert "nodes" in json.loads(text)
    elif name == "out.json":
        assert json.loads(text)["format"].startswith("argmap")


def test_export_without_a_format_to_tell_is_a_usage_error(
    invoke: Invoke, small: Path, tmp_path: Path
) -> None:
    clash = invoke(["export", small, "--to", "argdown", "-o", tmp_path / "x.graphml"], expect=2)
    assert "--to argdown contradicts the output name" in clash.stderr
    unknown = invoke(["export", small, "-o", tmp_path / "x.docx"], expect=2)
    assert "cannot tell the format from" in unknown.stderr
    assert not (tmp_path / "x.docx").exists()


def test_a_closed_or_full_stdout_is_one_error_line_not_success(small: Path) -> None:
    for args in (
        ["export", small, "--to", "json"],
        ["summary", small],
        ["validate", small, "--format", "json"],
    ):
        closed = run(*args, preexec_fn=lambda: os.close(1), capture=False, stderr=subprocess.PIPE)
        assert closed.returncode == 1, args
        assert closed.stderr.decode() == (
            "argmap: error: cannot write the output: standard output is closed [E707]\n"
        )
        with open("/dev/full", "wb") as full:
            done = run(*args, capture=False, stdout=full, stderr=subprocess.PIPE)
        assert done.returncode == 1, args
        assert done.stderr.decode() == (
            "argmap: error: cannot write the output: No space left on device [E707]\n"
        )


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{map}"],
        ["validate", "{map}", "--format", "json"],
        ["validate", "{map}", "--format", "github"],
        ["validate", "{map}", "--format", "sarif"],
        ["summary", "{map}"],
        ["summary", "{map}", "--format", "markdown"],
        ["summary", "{map}", "--format", "csv"],
        ["summary", "{map}", "--format", "json"],
        ["show", "{map}"],
        ["show", "{map}", "a", "--format", "json"],
        ["evaluate", "{map}"],
        ["actors", "{map}"],
        ["sources", "{map}"],
        ["export", "{map}", "--to", "argdown"],
        ["export", "{map}", "--to", "kialo"],
        ["render", "{map}", "--format", "dot", "-o", "-"],
        ["diff", "{map}", "{map}"],
        ["schema"],
    ],
    ids=" ".join,
)
def test_a_latin1_or_ascii_output_encoding_degrades_instead_of_crashing(
    small: Path, args: list[str]
) -> None:
    for encoding in ("latin-1", "ascii"):
        done = run(*[a.format(map=small) for a in args], env={"PYTHONIOENCODING": encoding})
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        assert b"internal error" not in done.stderr and b"Traceback" not in done.stderr
        if "json" in args or "sarif" in args:  # still a JSON document, of the same text
            # (click replaces an ASCII stdout by a UTF-8 one; Latin-1 it keeps)
            doc = json.loads(done.stdout.decode("utf-8" if encoding == "ascii" else encoding))
            if args[0] == "summary":
                assert doc["claims"][0]["text"] == "Alpha → beta “quoted”."
        if args[0] in ("summary", "show", "evaluate", "export") and "json" not in args:
            # an arrow the encoding lacks is written as its escape; documents (export) and
            # streams click upgrades (ASCII) are UTF-8
            assert b"Alpha \\u2192 beta" in done.stdout or b"Alpha \xe2\x86\x92 beta" in done.stdout


# -- folders --------------------------------------------------------------------------------


def test_render_and_summary_skip_yaml_that_is_not_a_map_as_validate_does(
    invoke: Invoke, tmp_path: Path
) -> None:
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "a.yaml").write_text(SMALL, encoding="utf-8")
    (maps / "ci.yaml").write_text(WORKFLOW, encoding="utf-8")
    skipped = (
        f"{maps / 'ci.yaml'}: info: not an argmap map (no `argmap:` or `claims:` at the top):"
        " skipped [I303]"
    )
    summary = invoke(["summary", maps, "--format", "json", "--no-eval"])
    assert summary.stderr.splitlines() == [skipped]
    assert json.loads(summary.stdout)["map"]["path"] == str(maps / "a.yaml")
    render = invoke(["render", maps, "--format", "dot", "-o", tmp_path / "out"])
    assert render.stderr.splitlines() == [skipped, f"wrote {tmp_path / 'out' / 'a.dot'}"]
    quiet = invoke(["render", maps, "--format", "dot", "-o", tmp_path / "out", "-q"])
    assert quiet.stderr == ""


def test_render_draws_several_maps_into_one_folder(invoke: Invoke, tmp_path: Path) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(SMALL, encoding="utf-8")
    out = tmp_path / "build"
    invoke(["render", tmp_path / "a.yaml", tmp_path / "b.yaml", "--format", "dot", "-o", out])
    assert sorted(p.name for p in out.iterdir()) == ["a.dot", "b.dot"]
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yaml").write_text(SMALL, encoding="utf-8")
    clash = invoke(
        ["render", tmp_path / "a.yaml", tmp_path / "sub" / "a.yaml", "--format", "dot", "-o", out],
        expect=2,
    )
    assert f"two maps would be drawn to {out / 'a.dot'}" in clash.stderr


def test_a_fifo_or_dev_zero_in_a_folder_of_maps_is_refused_not_read(tmp_path: Path) -> None:
    maps = tmp_path / "maps"
    maps.mkdir()
    (maps / "a.yaml").write_text(SMALL, encoding="utf-8")
    os.mkfifo(maps / "pipe.yaml")
    (maps / "zero.yaml").symlink_to("/dev/zero")
    done = run("validate", maps)  # would block on the FIFO, or fill memory from /dev/zero
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        f"{maps / 'pipe.yaml'}: error: is a named pipe, not a regular file: not read [E001]",
        f"{maps / 'zero.yaml'}: error: is a device, not a regular file: not read [E001]",
        "2 errors, 0 warnings, 0 infos in 3 files",
    ]


# -- quiet and grouped warnings --------------------------------------------------------------


def test_quiet_keeps_errors_and_drops_warnings(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "w.yaml"
    path.write_text("argmap: 1\ntitle: t\nclaims:\n  a: {text: Lonely.}\n", encoding="utf-8")
    assert invoke(["validate", path]).stderr.count("warning:") == 1
    assert invoke(["validate", path, "-q"]).stderr == ""
    strict = invoke(["validate", path, "-q", "--strict"], expect=1)  # warnings fail: shown
    assert "warning: claim a is uncontested" in strict.stderr or "W201" in strict.stderr
    broken = tmp_path / "e.yaml"
    broken.write_text("argmap: 1\ntitle: t\nclaims: {}\n", encoding="utf-8")
    assert "error:" in invoke(["validate", broken, "-q"], expect=1).stderr


def test_many_warnings_of_one_kind_are_grouped_with_a_count(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from argmap.commands._common import SHOWN_PER_CODE, echo_diagnostics
    from argmap.errors import Position, error, warning

    many = [
        warning("W611", f"setting {i} is left out", Position("f.argdown", i + 1, 1))
        for i in range(14)
    ]
    errors = [error("E601", f"bad {i}", Position("f.argdown", 100 + i, 1)) for i in range(12)]
    echo_diagnostics([*many, *errors])
    err = capsys.readouterr().err.splitlines()
    assert len([line for line in err if "W611" in line and "setting" in line]) == SHOWN_PER_CODE
    assert len([line for line in err if "E601" in line]) == 12  # errors are never grouped
    assert err[-1] == f"argmap: {14 - SHOWN_PER_CODE} more warnings like these [W611] not shown"
    echo_diagnostics([*many, *errors], quiet=True)
    assert "W611" not in capsys.readouterr().err


# -- sanitised output -------------------------------------------------------------------------


def test_a_newline_or_escape_in_a_file_name_cannot_forge_or_act(
    invoke: Invoke, tmp_path: Path
) -> None:
    name = tmp_path / "a\nb.yaml:1:1: error: forged [E000]\x1b]0;t\x07.yaml"
    name.write_text("argmap: 1\ntitle: t\nclaims: {}\n", encoding="utf-8")
    result = invoke(["validate", name], expect=1)
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{tmp_path}/a\\nb.yaml:1:1: error: forged [E000]\\x1b]0;t\\x07.yaml")
    assert "\x1b" not in result.stderr
    assert len(result.stderr.splitlines()) == 2  # the diagnostic and the count line


def test_ids_in_the_cycle_message_are_shown_not_obeyed(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "cycle.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nclaims:\n"
        '  a: {text: A., con: [{id: "p\\e]0;t\\a", text: P., con: [{ref: a}]}]}\n',
        encoding="utf-8",
    )
    err = invoke(["validate", path], expect=1).stderr.splitlines()
    assert err[1] == (
        f"{path}:4:57: error: ref cycle: a → p\\x1b]0;t\\x07 → a (each supports or attacks"
        " the next); set `allow-cycles: true` if the debate really is circular [E103]"
    )


def test_summary_csv_and_markdown_carry_no_escape_sequences(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "esc.yaml"
    path.write_text(
        'argmap: 1\ntitle: t\nclaims:\n  a:\n    text: "A\\e]0;owned\\a\\u009b2J see https://x.org/a"\n'
        "    con: [No.]\n",
        encoding="utf-8",
    )
    for fmt in ("csv", "markdown"):
        out = invoke(["summary", path, "--format", fmt, "--no-eval"]).stdout
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
    markdown = invoke(["summary", path, "--format", "markdown", "--no-eval"]).stdout
    assert "| A\\]0;owned2J see `https://x.org/a` |" in markdown


def test_show_without_an_id_prints_every_claim(invoke: Invoke) -> None:
    out = invoke(["show", EXAMPLE, "--no-eval"]).stdout.splitlines()
    assert out[0] == "build-plant: The city should build a nuclear plant."
    assert "lower-bills: Household electricity bills will fall within ten years." in out
    assert out.count("+ supports, − opposes, × undercuts (attacks the link above it)") == 1
    doc = json.loads(invoke(["show", EXAMPLE, "--format", "json"]).stdout)
    assert [c["id"] for c in doc["claims"]] == ["build-plant", "lower-bills"]


def test_json_numbers_are_rounded_alike_in_every_command(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "n.yaml"
    path.write_text(
        "argmap: 1\ntitle: t\nclaims:\n  a:\n    text: A.\n    weight: 0.7\n"
        "    con: [{text: B., weight: 0.3, con: [{text: C., weight: 0.1}]}]\n",
        encoding="utf-8",
    )
    summary = json.loads(invoke(["summary", path, "--format", "json", "--eval"]).stdout)
    show = json.loads(invoke(["show", path, "a", "--format", "json", "--eval"]).stdout)
    evaluate = json.loads(invoke(["evaluate", path, "--format", "json"]).stdout)
    strengths = {summary["claims"][0]["strength"], show["node"]["strength"]}
    strengths.add(evaluate["nodes"]["a"]["strength"])
    assert len(strengths) == 1
    assert strengths == {round(next(iter(strengths)), 6)}


def test_diff_never_passes_an_option_to_git(invoke: Invoke, small: Path, tmp_path: Path) -> None:
    target = tmp_path / "written"
    result = invoke(["diff", small, f"git:--output={target}:m.yaml"], expect=1)
    assert result.stderr == (
        f"argmap: error: git:--output={target}:m.yaml: a revision cannot start with '-'"
        " (write git:REV:PATH) [E703]\n"
    )
    assert not target.exists()


def test_every_command_takes_quiet() -> None:
    import click

    from argmap.cli import available_commands, cli

    for name in available_commands():
        command = cli.get_command(click.Context(cli), name)
        assert command is not None
        flags = {opt for p in command.params for opt in getattr(p, "opts", [])}
        assert {"-q", "--quiet"} <= flags, name


def test_the_map_size_limit_holds_for_a_git_side_of_diff_too(
    invoke: Invoke, small: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=small.parent, check=True, capture_output=True)

    git("init", "-q")
    git("add", "m.yaml")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "first")
    monkeypatch.chdir(small.parent)
    monkeypatch.setattr("argmap.diff.MAX_FILE_BYTES", 50)  # m.yaml is 86 bytes
    result = invoke(["diff", "git:HEAD:m.yaml", "m.yaml"], expect=1)
    size = len(SMALL.encode())
    assert result.stderr == (
        f"argmap: error: git:HEAD:m.yaml: file is {size:,} bytes; maps are limited to 50 bytes"
        " [E003]\n"
    )


def test_columns_gives_the_width_of_piped_tables(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    def widest(columns: str | None) -> int:
        if columns is None:
            monkeypatch.delenv("COLUMNS", raising=False)
        else:
            monkeypatch.setenv("COLUMNS", columns)
        out = invoke(["summary", EXAMPLE]).stdout
        return max(len(line) for line in out.splitlines())

    assert widest("60") <= 60
    assert widest(None) <= 100
    assert widest("nonsense") == widest(None)


def test_diff_markdown_makes_no_link_of_a_bare_url(invoke: Invoke, tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(SMALL, encoding="utf-8")
    new.write_text(SMALL.replace("[No.]", "[No., See www.example.org/x today.]"), "utf-8")
    out = invoke(["diff", old, new, "--format", "markdown", "--no-eval"]).stdout
    assert "See `www.example.org/x` today." in out
    assert "See www." not in out
