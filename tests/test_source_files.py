"""One quote checker, one set of source-file states, one wording per state in every command."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from argmap import quotes
from argmap.load import loads_map
from argmap.quotes import MAX_SOURCE_BYTES, FileStatus, SourceText, SourceTexts, check_quotes
from tests.conftest import Invoke

MAP = """argmap: 1
title: T
sources:
  art:
    title: The article
    file: {file}
claims:
  c:
    text: C.
    con:
      - id: p
        text: P.
        quote: {{source: art, text: "the officers resisted"}}
"""
ARTICLE = "In 2011 the officers resisted the training.\n"


def _setup(tmp_path: Path, state: str) -> tuple[Path, list[str]]:
    """A map at tmp/maps/m.yaml whose source file is in `state`; extra CLI args."""
    maps = tmp_path / "maps"
    maps.mkdir()
    extra: list[str] = []
    file = "article.txt"
    if state == "found":
        (maps / file).write_text(ARTICLE, encoding="utf-8")
    elif state == "not-utf-8":
        (maps / file).write_bytes(b"caf\xe9: the officers resisted\n")  # Latin-1
    elif state == "not-a-file":
        os.mkfifo(maps / file)  # reading it would block forever
    elif state == "too-large":
        with open(maps / file, "wb") as handle:  # sparse: no disk used
            handle.truncate(MAX_SOURCE_BYTES + 1)
    elif state == "outside":
        (tmp_path / "secret.txt").write_text(ARTICLE, encoding="utf-8")
        file = "../secret.txt"
    elif state == "unreadable":
        (maps / file).mkdir()  # replaced below by an unreadable regular file
        (maps / file).rmdir()
        (maps / file).write_text(ARTICLE, encoding="utf-8")
        (maps / file).chmod(0)
    (maps / "m.yaml").write_text(MAP.format(file=file), encoding="utf-8")
    return maps / "m.yaml", extra


STATES = {
    "found": None,
    "missing": "not found",
    "not-utf-8": "not UTF-8 text",
    "not-a-file": "not a regular file",
    "too-large": "larger than 64 MiB",
    "outside": "outside the map's folder and --sources",
    "unreadable": "unreadable",
}


def _flat(text: str) -> str:
    """The output with its line wrapping undone."""
    return " ".join(text.split())


@pytest.mark.parametrize("state", sorted(STATES))
def test_every_command_says_the_same_words_for_a_source_file_state(
    invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, state: str
) -> None:
    path, _extra = _setup(tmp_path, state)
    if state == "unreadable" and os.access(path.parent / "article.txt", os.R_OK):
        # root reads any file: make the read fail as it would for anyone else
        def refuse(p: object, limit: int) -> bytes:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(quotes, "read_regular_file", refuse)
    words = STATES[state]
    validate = invoke(["validate", path], expect=1 if state == "outside" else 0).stderr
    sources = _flat(invoke(["sources", path]).stdout)
    show = _flat(invoke(["show", path, "p", "--no-eval"]).stdout)
    summary = _flat(invoke(["summary", path, "--no-eval"]).stdout)
    if words is None:
        assert validate == "0 errors, 0 warnings, 0 infos in 1 file\n"
        assert "(found)" in sources
        assert "(verified)" in show
        assert "count as unverified" not in summary
        return
    where = f"{path}:6:11"
    if state == "outside":
        assert validate.splitlines()[0] == (
            f"{where}: error: source file '../secret.txt' of 'art': outside the map's folder and"
            " --sources, so it is not read and its quotes are not checked; copy the file beside"
            " the map or pass its folder with --sources DIR (or allow it with"
            " --allow-outside-sources) [E118]"
        )
    else:
        looked = " (looked beside the map and in --sources: none given)" * (state == "missing")
        assert validate.splitlines()[0] == (
            f"{where}: info: source file 'article.txt' of 'art': {words}{looked}; its quotes are"
            " not checked [I301]"
        )
    assert f"({words})" in sources
    assert f"(unchecked: source file {words})" in show
    assert f"Quotes of art (unchecked: source file {words}) count as unverified." in summary


def test_a_source_with_no_file_reads_the_same_in_every_command(
    invoke: Invoke, tmp_path: Path
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(MAP.replace("    file: {file}\n", "").format(), encoding="utf-8")
    assert invoke(["validate", path]).stderr.splitlines()[0] == (
        f"{path}:5:5: info: source 'art' has no `file`: its quotes are not checked [I302]"
    )
    assert "no file" in invoke(["sources", path]).stdout
    show = _flat(invoke(["show", path, "p"]).stdout)
    assert "(unchecked: the source has no file)" in show
    summary = _flat(invoke(["summary", path]).stdout)
    assert "Quotes of art (unchecked: the source has no file) count as unverified." in summary


# --- --strict: an unchecked quote fails ----------------------------------------------


def test_strict_fails_when_no_quote_could_be_checked(invoke: Invoke, tmp_path: Path) -> None:
    path, _ = _setup(tmp_path, "missing")
    result = invoke(["validate", "--strict", path], expect=1)
    assert result.stderr == (
        f"{path}:6:11: warning: source file 'article.txt' of 'art': not found (looked beside the"
        " map and in --sources: none given); its quotes are not checked, and --strict counts an"
        " unchecked quote as a failure: pass the folder that holds it with --sources DIR, or"
        " write `file:` as a path beside the map [W208]\n"
        "0 errors, 1 warning, 0 infos in 1 file\n"
    )
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "article.txt").write_text(ARTICLE, encoding="utf-8")
    invoke(["validate", "--strict", path, "--sources", seed])
    result = invoke(["validate", "--strict", "--allow-unchecked-quotes", path])
    assert "[I301]" in result.stderr


def test_strict_fails_on_a_source_with_no_file(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(MAP.replace("    file: {file}\n", "").format(), encoding="utf-8")
    assert invoke(["validate", "--strict", path], expect=1).stderr.splitlines()[0] == (
        f"{path}:5:5: warning: source 'art' has no `file`: its quotes are not checked, and"
        " --strict counts an unchecked quote as a failure: give the source a `file:` (a path"
        " beside the map, or a file name found with --sources DIR) [W208]"
    )


# --- where source files may be read from ----------------------------------------------


def test_a_path_out_of_the_map_folder_is_not_read_whatever_it_names(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "secret.txt").write_text("the password is hunter2", encoding="utf-8")
    texts = SourceTexts()
    for file in ("../secret.txt", "../nothing-here.txt", "/proc/self/environ", "/etc/passwd"):
        m = loads_map(MAP.format(file=file), str(tmp_path / "maps" / "m.yaml"))
        # the same answer whether the file exists or not: no oracle
        assert check_quotes(m, texts).files == {"art": FileStatus.OUTSIDE}, file


def test_a_link_that_leaves_the_folder_is_outside(tmp_path: Path) -> None:
    (tmp_path / "maps").mkdir()
    (tmp_path / "secret.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "maps" / "article.txt").symlink_to(tmp_path / "secret.txt")
    (tmp_path / "maps" / "zero.txt").symlink_to("/dev/zero")
    for file in ("article.txt", "zero.txt"):
        m = loads_map(MAP.format(file=file), str(tmp_path / "maps" / "m.yaml"))
        assert check_quotes(m).files == {"art": FileStatus.OUTSIDE}
    m = loads_map(MAP.format(file="article.txt"), str(tmp_path / "maps" / "m.yaml"))
    allowed = check_quotes(m, SourceTexts(allow_outside=True))
    assert allowed.files == {"art": FileStatus.FOUND}
    assert [v.value for v in allowed.quotes.values()] == ["verified"]


def test_allow_outside_sources_on_the_command_line(invoke: Invoke, tmp_path: Path) -> None:
    path, _ = _setup(tmp_path, "outside")
    invoke(["validate", "--strict", "--allow-outside-sources", path])


def test_a_sources_folder_and_the_folders_below_the_map_are_inside(tmp_path: Path) -> None:
    (tmp_path / "maps" / "texts").mkdir(parents=True)
    (tmp_path / "maps" / "texts" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "seed").mkdir()
    (tmp_path / "seed" / "other.txt").write_text(ARTICLE, encoding="utf-8")
    texts = SourceTexts([tmp_path / "seed"])
    for file in ("texts/article.txt", "other.txt", "../seed/other.txt"):
        m = loads_map(MAP.format(file=file), str(tmp_path / "maps" / "m.yaml"))
        assert check_quotes(m, texts).files == {"art": FileStatus.FOUND}, file


def test_each_source_file_is_located_and_read_once_per_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    reads: list[object] = []
    real = quotes.read_regular_file  # type: ignore[attr-defined]

    def counted(path: object, limit: int) -> bytes:
        reads.append(path)
        return real(path, limit)  # type: ignore[arg-type]

    monkeypatch.setattr(quotes, "read_regular_file", counted)
    texts = SourceTexts()
    many = MAP.format(file="article.txt") + "".join(
        f"      - text: Q{n}.\n        quote: {{source: art, text: 'officers'}}\n"
        for n in range(50)
    )
    for name in ("a.yaml", "b.yaml"):
        m = loads_map(many, str(tmp_path / name))
        assert set(check_quotes(m, texts).quotes.values()) == {quotes.QuoteCheck.VERIFIED}
    assert len(reads) == 1


def test_show_checks_only_the_quotes_of_the_nodes_it_prints(tmp_path: Path) -> None:
    from argmap.outline import outline, outline_nodes

    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    m = loads_map(MAP.format(file="article.txt"), str(tmp_path / "m.yaml"))
    checks = check_quotes(m, nodes=outline_nodes(outline(m, "c", depth=0)))
    assert checks.quotes == {}


# --- the index gives the plain search's answers ----------------------------------------


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("the officers resisted", True),
        ("fficers resisted", True),  # starts inside a word: the plain search finds it
        ("2011 the … training", True),
        ("the training … the officers", False),  # out of order
        ("resisted the trainings", False),
        ("the", True),
    ],
)
def test_the_indexed_search_agrees_with_the_plain_one(quote: str, found: bool) -> None:
    text = SourceText(quotes.normalise(ARTICLE))
    batch = [quote] * SourceText.PLAIN_SEARCHES  # enough quotes for the index
    assert text.matches_all(batch) == [found] * len(batch)
    assert quotes.quote_matches(quote, text.text) is found


def test_the_search_of_many_quotes_does_not_scan_the_text_once_per_quote(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentences = [f"case {n} was closed in the year {1900 + n}." for n in range(2_000)]
    text = SourceText(quotes.normalise(" ".join(sentences)))
    wanted = [f"case {n} was closed" for n in range(0, 2_000, 3)] + ["case 5 was open"]
    plain_searches: list[tuple[Any, ...]] = []
    real = quotes._parts_in

    def counted(*args: Any) -> bool:
        plain_searches.append(args)
        return real(*args)

    monkeypatch.setattr(quotes, "_parts_in", counted)
    assert text.matches_all(wanted) == [True] * (len(wanted) - 1) + [False]
    assert len(plain_searches) == 1  # only the quote that is not there


def test_a_large_source_is_normalised_in_pieces_to_the_same_text() -> None:
    line = "Caf\u0065\u0301  \u201cquoted\u201d \u2014 text\u200b here\n"
    big = line * (quotes._CHUNK // len(line) + 10) + "   \n\n"
    assert quotes.normalise_large(big) == quotes.normalise(big)
