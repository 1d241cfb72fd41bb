"""`argmap lsp` end to end: a real LSP client (pytest-lsp) drives the server over stdio.

Each test opens its own document, so the tests share one server per settings.
Positions below are 0-based lines and UTF-16 columns, as LSP counts them.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from argmap.load import load_map

ROOT = Path(__file__).parent.parent
SCOMM = ROOT / "maps" / "secure-communities.yaml"
SEED = Path("/work/shared/seed")
HAVE_SEED = (SEED / "ice-union-secure-communities.txt").is_file()
NO_SEED = "the S-Comm article (/work/shared/seed) is not on this machine: quotes stay unchecked"

SERVER = [sys.executable, "-m", "argmap", "lsp"]

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module")
async def client(lsp_client: LanguageClient) -> Any:
    """A server told by initializationOptions to look in the seed folder and to evaluate."""
    options = {"argmap": {"sources": [str(SEED)], "evaluate": True}}
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(), initialization_options=options
        )
    )
    yield
    await lsp_client.shutdown_session()


# --- helpers ----------------------------------------------------------------------------


def rng(line: int, start: int, end: int) -> types.Range:
    """A range on one line."""
    return types.Range(types.Position(line, start), types.Position(line, end))


def across(line: int, start: int, end_line: int, end: int) -> types.Range:
    return types.Range(types.Position(line, start), types.Position(end_line, end))


def pos(line: int, character: int) -> types.Position:
    return types.Position(line, character)


def find(text: str, needle: str, after: str = "") -> types.Position:
    """Where `needle` first stands in `text` (after the first `after`)."""
    offset = text.index(needle, text.index(after) if after else 0)
    line = text.count("\n", 0, offset)
    return types.Position(line, offset - (text.rfind("\n", 0, offset) + 1))


async def publish(client: LanguageClient, uri: str, send: Any) -> types.PublishDiagnosticsParams:
    """Do `send`, then wait for the diagnostics the server publishes for `uri`."""
    waiting = client.protocol.wait_for_notification_async(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    send()
    while True:
        params = await asyncio.wait_for(waiting, 20)
        if params.uri == uri:
            return params
        waiting = client.protocol.wait_for_notification_async(
            types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
        )


async def open_doc(
    client: LanguageClient, path: Path, text: str | None = None
) -> tuple[str, list[types.Diagnostic]]:
    uri = path.as_uri()
    content = path.read_text(encoding="utf-8") if text is None else text
    item = types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=content)
    params = await publish(
        client, uri, lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    )
    return uri, list(params.diagnostics)


def doc(uri: str) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=uri)


def brief(diagnostics: list[types.Diagnostic]) -> list[tuple[str, Any, types.Range, str]]:
    return [(str(d.code), d.severity, d.range, d.message) for d in diagnostics]


ERROR = types.DiagnosticSeverity.Error
WARNING = types.DiagnosticSeverity.Warning
INFO = types.DiagnosticSeverity.Information

SMALL = """\
argmap: 1
title: A small map
actors:
  crane: {name: Chris Crane, role: Union president}
  quiet: {name: Nobody}
sources:
  art:
    title: An article
    file: art.txt
claims:
  c1:
    text: The union caused the delay.
    by: crain
    con:
      - id: p1
        text: The agency wrote the training alone.
        quote: {source: art, text: "not in the article"}
      - ref: c2
  c2:
    text: The training was late anyway.
    weight: 1.5
    con:
      - ref: c1x
"""


# --- diagnostics ----------------------------------------------------------------------


async def test_every_validate_diagnostic_with_its_code_severity_and_extent(
    client: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / "art.txt").write_text("The article says the agency acted alone.\n")
    _uri, found = await open_doc(client, tmp_path / "small.yaml", SMALL)
    assert brief(found) == [
        ("W203", WARNING, rng(3, 2, 7), "actor 'crane' argues nothing in the map"),
        ("W203", WARNING, rng(4, 2, 7), "actor 'quiet' argues nothing in the map"),
        ("E106", ERROR, rng(12, 8, 13), "unknown actor 'crain'; did you mean 'crane'?"),
        ("E108", ERROR, rng(16, 35, 55), "quote not found in art.txt: 'not in the article'"),
        ("E111", ERROR, rng(20, 12, 15), "weight 1.5 is outside [0, 1]"),
        ("E102", ERROR, rng(22, 13, 16), "`ref` to unknown id 'c1x'; did you mean 'c1'?"),
    ]
    assert {d.source for d in found} == {"argmap"}


async def test_a_change_is_checked_once_after_typing_stops(
    client: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / "art.txt").write_text("The article says the agency acted alone.\n")
    uri, _ = await open_doc(client, tmp_path / "small.yaml", SMALL)

    def type_crane() -> None:
        # `crain` -> `crane` in three keystrokes: delete the `i`, type `e`, type a space and
        # delete it again.
        for version, (start, end, new) in enumerate(
            [(11, 12, ""), (12, 12, "e"), (13, 13, " "), (13, 14, "")], start=2
        ):
            change = types.TextDocumentContentChangePartial(range=rng(12, start, end), text=new)
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    types.VersionedTextDocumentIdentifier(uri=uri, version=version), [change]
                )
            )

    params = await publish(client, uri, type_crane)
    assert params.version == 5  # one check, of the last version
    codes = [d.code for d in params.diagnostics]
    assert codes == [
        "W203",
        "E108",
        "E111",
        "E102",
    ]  # crane argues c1 now: no E106, one W203  # `crane` is known now
    later = client.protocol.wait_for_notification_async(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(asyncio.shield(later), 0.6)  # and no second check follows


async def test_typing_in_a_nodes_text_is_seen_at_once(
    client: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / "art.txt").write_text("The article says the agency acted alone.\n")
    uri, found = await open_doc(client, tmp_path / "small.yaml", SMALL)

    def type_word() -> None:
        change = types.TextDocumentContentChangePartial(range=rng(11, 36, 36), text=" now")
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=2), [change]
            )
        )

    waiting = client.protocol.wait_for_notification_async(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    type_word()
    hover = await client.text_document_hover_async(types.HoverParams(doc(uri), pos(10, 3)))
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.startswith("**claim `c1`**\n\nThe union caused the delay now.")
    params = await asyncio.wait_for(waiting, 20)
    assert params.uri == uri and params.version == 2
    assert list(params.diagnostics) == found


def placed(diagnostics: list[types.Diagnostic]) -> list[tuple[Any, ...]]:
    """Each diagnostic with its related places, whatever document they are in."""
    return [
        (*brief([d])[0], [(r.location.range, r.message) for r in d.related_information or []])
        for d in diagnostics
    ]


async def test_edits_inside_a_claim_give_what_opening_the_new_text_gives(
    client: LanguageClient, tmp_path: Path
) -> None:
    (tmp_path / "art.txt").write_text("The article says the agency acted alone.\n")
    uri, _ = await open_doc(client, tmp_path / "small.yaml", SMALL)
    # Each edit stays inside one claim: the server checks that claim again at once, each
    # time from what it found after the edit before.
    edits = [
        (rng(22, 15, 16), "", "E103"),  # `ref: c1x` -> `ref: c1`: a cycle through both claims
        (rng(12, 11, 12), "n", "E106"),  # `by: crain` -> `by: crann`
        (rng(11, 37, 37), "\n", "E106"),  # a new line in c1: all below it moves down
        (rng(18, 6, 6), "  ", "E004"),  # `- ref: c2` indented under nothing: a syntax error
        (rng(18, 6, 8), "", "E103"),  # and back
        (rng(20, 4, 8), "txt", "E113"),  # `text:` misspelt: c2 does not load
        (rng(20, 4, 7), "text", "E103"),  # and back
        (rng(20, 10, 10), '"', "E004"),  # a quote opened: it runs to the end of the file
        (rng(20, 40, 40), '"', "E103"),  # and closed
    ]
    text = SMALL
    for version, (where, new, code) in enumerate(edits, start=2):
        lines = text.split("\n")
        start = sum(len(x) + 1 for x in lines[: where.start.line]) + where.start.character
        end = sum(len(x) + 1 for x in lines[: where.end.line]) + where.end.character
        text = text[:start] + new + text[end:]
        change = types.TextDocumentContentChangePartial(range=where, text=new)

        def send(version: int = version, change: Any = change) -> None:
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    types.VersionedTextDocumentIdentifier(uri=uri, version=version), [change]
                )
            )

        params = await publish(client, uri, send)
        assert params.version == version
        fresh = tmp_path / f"fresh-{version}.yaml"
        fresh_uri, opened = await open_doc(client, fresh, text)
        close = types.DidCloseTextDocumentParams(doc(fresh_uri))

        def shut(close: types.DidCloseTextDocumentParams = close) -> None:
            client.text_document_did_close(close)

        await publish(client, fresh_uri, shut)
        assert placed(list(params.diagnostics)) == placed(opened), (version, text)
        assert code in [d.code for d in opened]


async def test_saving_checks_quotes_again_against_the_source_file(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "small.yaml"
    uri, found = await open_doc(client, path, SMALL)
    assert brief(found)[2] == (
        "I301",
        INFO,
        rng(8, 10, 17),
        f"source file 'art.txt' of 'art': not found (looked beside the map and in --sources:"
        f" {SEED}); its quotes are not checked",
    )
    (tmp_path / "art.txt").write_text("It was not in the article at all.\n")
    params = await publish(
        client,
        uri,
        lambda: client.text_document_did_save(types.DidSaveTextDocumentParams(doc(uri))),
    )
    assert [d.code for d in params.diagnostics] == ["W203", "W203", "E106", "E111", "E102"]


async def test_duplicates_and_cycles_point_at_the_other_place(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = """\
argmap: 1
title: Duplicates and a cycle
claims:
  a:
    text: A.
    con:
      - id: same
        text: First.
      - id: same
        text: Second.
  b:
    text: B.
    con:
      - ref: c
  c:
    text: C.
    con:
      - ref: b
"""
    path = tmp_path / "dup.yaml"
    uri, found = await open_doc(client, path, text)
    assert brief(found) == [
        (
            "E101",
            ERROR,
            rng(8, 12, 16),
            "duplicate id 'same' (first defined at line 7); use `ref` to reuse a node",
        ),
    ]
    [duplicate] = found
    assert [
        (r.location.uri, r.location.range, r.message) for r in duplicate.related_information
    ] == [(uri, rng(6, 12, 16), "'same' first defined here")]
    path2 = tmp_path / "cycle.yaml"
    uri2, found2 = await open_doc(
        client, path2, text.replace("- id: same\n        text: Second.\n", "- Second.\n")
    )
    assert [(d.code, d.range) for d in found2] == [("E103", rng(12, 13, 14))]
    assert found2[0].message.startswith("ref cycle: b → c → b (each supports or attacks")
    assert [(r.location.range, r.message) for r in found2[0].related_information] == [
        (rng(9, 2, 3), "'b' is on the cycle"),
        (rng(13, 2, 3), "'c' is on the cycle"),
    ]
    dup_key, found3 = await open_doc(
        client, tmp_path / "key.yaml", "argmap: 1\ntitle: x\ntitle: y\nclaims: {}\n"
    )
    assert brief(found3) == [
        (
            "E011",
            ERROR,
            rng(2, 0, 5),
            "duplicate key 'title' (first at line 2); YAML would silently keep only the last",
        )
    ]
    assert [(r.location.range, r.message) for r in found3[0].related_information] == [
        (rng(1, 0, 5), "'title' first written here")
    ]


async def test_the_secure_communities_map_is_clean(client: LanguageClient) -> None:
    if not HAVE_SEED:
        pytest.skip(NO_SEED)
    _uri, found = await open_doc(client, SCOMM)
    assert brief(found) == []


# --- navigation ----------------------------------------------------------------------


async def test_definition_of_a_ref_an_actor_and_a_source(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri, _ = await open_doc(client, tmp_path / "small.yaml", SMALL)

    async def where(line: int, character: int) -> list[types.Range]:
        found = await client.text_document_definition_async(
            types.DefinitionParams(doc(uri), pos(line, character))
        )
        assert all(loc.uri == uri for loc in found)
        return [loc.range for loc in found]

    assert await where(17, 14) == [rng(18, 2, 4)]  # ref: c2 -> the claim c2
    assert await where(16, 24) == [rng(6, 2, 5)]  # source: art -> the source art
    assert await where(12, 10) == []  # crain: no such actor
    assert await where(1, 3) == []  # the title is no id


async def test_definition_in_the_secure_communities_map(client: LanguageClient) -> None:
    text = SCOMM.read_text(encoding="utf-8")
    uri, _ = await open_doc(client, SCOMM)
    by_crane = find(text, "by: crane")
    found = await client.text_document_definition_async(
        types.DefinitionParams(doc(uri), pos(by_crane.line, by_crane.character + 4))
    )
    crane = find(text, "  crane:")
    assert [loc.range for loc in found] == [rng(crane.line, 2, 7)]


async def test_references_of_a_node_and_an_actor(client: LanguageClient, tmp_path: Path) -> None:
    text = SMALL.replace("by: crain", "by: [crane, quiet]").replace("- ref: c1x", "- ref: c1")
    uri, _ = await open_doc(client, tmp_path / "small.yaml", text)

    async def refs(line: int, character: int, declaration: bool = True) -> list[types.Range]:
        found = await client.text_document_references_async(
            types.ReferenceParams(
                text_document=doc(uri),
                position=pos(line, character),
                context=types.ReferenceContext(include_declaration=declaration),
            )
        )
        return [loc.range for loc in found]

    assert await refs(10, 3) == [rng(10, 2, 4), rng(22, 13, 15)]
    assert await refs(10, 3, declaration=False) == [rng(22, 13, 15)]
    assert await refs(12, 18) == [rng(4, 2, 7), rng(12, 16, 21)]  # quiet


async def test_rename_across_the_file_and_refusals(client: LanguageClient, tmp_path: Path) -> None:
    text = SMALL.replace("- ref: c1x", "- ref: c1").replace("- id: p1\n        text", "- text")
    uri, _ = await open_doc(client, tmp_path / "small.yaml", text)

    async def rename(line: int, character: int, name: str) -> list[tuple[types.Range, str]]:
        edit = await client.text_document_rename_async(
            types.RenameParams(doc(uri), pos(line, character), name)
        )
        assert edit is not None and edit.changes is not None
        return sorted(
            ((e.range, e.new_text) for e in edit.changes[uri]),
            key=lambda e: (e[0].start.line, e[0].start.character),
        )

    assert await rename(10, 2, "union-delay") == [
        (rng(10, 2, 4), "union-delay"),
        (rng(21, 13, 15), "union-delay"),
    ]
    assert await rename(6, 3, "article") == [
        (rng(6, 2, 5), "article"),
        (rng(15, 24, 27), "article"),
    ]
    with pytest.raises(Exception, match="node id 'c2' is already taken in this map"):
        await rename(10, 2, "c2")
    with pytest.raises(Exception, match="'Not An Id' is not a valid id"):
        await rename(10, 2, "Not An Id")
    prepared = await client.text_document_prepare_rename_async(
        types.PrepareRenameParams(doc(uri), pos(16, 13))
    )
    assert prepared == rng(16, 13, 15)


# --- hover -------------------------------------------------------------------------


async def test_hover_shows_text_actors_quotes_note_and_score(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = """\
argmap: 1
title: Hover
actors:
  crane: {name: Chris Crane}
sources:
  art: {title: An article, file: art.txt}
  radio: {title: A broadcast}
claims:
  c1:
    text: The union caused the delay.
    by: crane
    note: The article's headline claim.
    quote:
      - {source: art, text: "caused the delay"}
      - {source: art, text: "never said"}
      - {source: radio, text: "on air"}
    con:
      - The agency wrote it alone.
"""
    (tmp_path / "art.txt").write_text("Some say the union caused the delay.\n")
    uri, _ = await open_doc(client, tmp_path / "hover.yaml", text)
    found = await client.text_document_hover_async(types.HoverParams(doc(uri), pos(8, 3)))
    assert found is not None and found.range == rng(8, 2, 4)
    assert isinstance(found.contents, types.MarkupContent)
    assert found.contents.value == (
        "**claim `c1`**\n\n"
        "The union caused the delay.\n\n"
        "argued by Chris Crane (`crane`)\n\n"
        "quotes:\n"
        "- “caused the delay” (art): verified\n"
        "- “never said” (art): not found in the source\n"
        "- “on air” (radio): unchecked (the source has no `file`)\n\n"
        "note: The article's headline claim.\n\n"
        "strength 0.25, falls (dfquad); computed from the map as drawn, with default base"
        " scores where none is given; not a judgement of the sources or of truth"
    )
    premise = await client.text_document_hover_async(types.HoverParams(doc(uri), pos(17, 12)))
    assert premise is not None and isinstance(premise.contents, types.MarkupContent)
    assert premise.contents.value.startswith("**premise `c1.con.1`**\n\nThe agency wrote it alone.")
    assert premise.contents.value.endswith(
        "strength 0.50, stands (dfquad); "
        + (
            "computed from the map as drawn, with default base scores where none is given;"
            " not a judgement of the sources or of truth"
        )
    )
    actor = await client.text_document_hover_async(types.HoverParams(doc(uri), pos(10, 9)))
    assert actor is not None and isinstance(actor.contents, types.MarkupContent)
    assert actor.contents.value == "**actor `crane`**: Chris Crane"
    nothing = await client.text_document_hover_async(types.HoverParams(doc(uri), pos(1, 2)))
    assert nothing is None


async def test_hover_in_the_secure_communities_map_shows_verified_quotes(
    client: LanguageClient,
) -> None:
    if not HAVE_SEED:
        pytest.skip(NO_SEED)
    text = SCOMM.read_text(encoding="utf-8")
    uri, _ = await open_doc(client, SCOMM)
    at = find(text, "opt-out-disputed")
    found = await client.text_document_hover_async(types.HoverParams(doc(uri), at))
    assert found is not None and isinstance(found.contents, types.MarkupContent)
    shown = found.contents.value
    assert "(itt): verified" in shown
    assert "not found" not in shown and "unchecked" not in shown
    assert "accepted" not in shown and "rejected" not in shown


# --- completion -----------------------------------------------------------------------


async def complete(client: LanguageClient, uri: str, at: types.Position) -> list[str]:
    found = await client.text_document_completion_async(types.CompletionParams(doc(uri), at))
    items = found.items if isinstance(found, types.CompletionList) else found or []
    return [i.label for i in items]


async def test_completion_of_ids_and_field_names(client: LanguageClient, tmp_path: Path) -> None:
    uri, _ = await open_doc(client, tmp_path / "small.yaml", SMALL)
    assert await complete(client, uri, pos(17, 13)) == ["c1", "p1", "c2"]  # after `ref: `
    assert await complete(client, uri, pos(12, 8)) == ["crane", "quiet"]  # `by: `
    assert await complete(client, uri, pos(16, 24)) == ["art"]  # `source: `
    edited = SMALL.replace("        text: The agency", "        te\n        text: The agency")

    def change() -> None:
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                [types.TextDocumentContentChangeWholeDocument(text=edited)],
            )
        )

    await publish(client, uri, change)
    labels = await complete(client, uri, pos(15, 10))
    assert labels == [
        "ref", "id", "text", "by", "implicit", "quote", "weight", "tags", "note", "url",
        "pro", "con", "undercut",
    ]  # fmt: skip
    assert await complete(client, uri, pos(2, 3)) == [
        "argmap", "title", "description", "allow-cycles", "sources", "actors", "claims"
    ]  # fmt: skip


# --- symbols and code actions ---------------------------------------------------------


async def test_document_symbols_are_the_claim_outline(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = """\
argmap: 1
title: Outline
claims:
  c1:
    text: Claim one.
    pro:
      - id: p1
        text: Because.
        undercut:
          - Not relevant.
    con:
      - Not so.
  c2:
    text: Claim two.
    con:
      - ref: c1
"""
    uri, _ = await open_doc(client, tmp_path / "outline.yaml", text)
    found = await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc(uri)))

    def tree(symbols: Any) -> list[Any]:
        return [
            (s.name, s.detail, s.range, s.selection_range, tree(s.children or [])) for s in symbols
        ]

    assert tree(found) == [
        (
            "c1",
            "Claim one.",
            across(3, 2, 11, 15),
            rng(3, 2, 4),
            [
                (
                    "pro: p1",
                    "Because.",
                    across(6, 8, 9, 25),
                    rng(6, 12, 14),
                    [
                        (
                            "undercut: c1.pro.1.undercut.1",
                            "Not relevant.",
                            rng(9, 12, 25),
                            rng(9, 12, 25),
                            [],
                        )
                    ],
                ),
                ("con: c1.con.1", "Not so.", rng(11, 8, 15), rng(11, 8, 15), []),
            ],
        ),
        (
            "c2",
            "Claim two.",
            across(12, 2, 15, 15),
            rng(12, 2, 4),
            [("con: ref c1", "Claim one.", rng(15, 8, 15), rng(15, 13, 15), [])],
        ),
    ]


async def test_code_actions_fix_a_misspelt_id_and_a_missing_version(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri, found = await open_doc(client, tmp_path / "small.yaml", SMALL)
    e106 = next(d for d in found if d.code == "E106")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(doc(uri), e106.range, types.CodeActionContext([e106]))
    )
    assert actions is not None
    [action] = actions
    assert isinstance(action, types.CodeAction)
    assert action.title == "Replace with 'crane'"
    assert action.edit is not None and action.edit.changes is not None
    assert list(action.edit.changes[uri]) == [types.TextEdit(rng(12, 8, 13), "crane")]

    nameless = "# notes\ntitle: No version\nclaims:\n  c: {text: C.}\n"
    uri2, found2 = await open_doc(client, tmp_path / "notes.argmap.yaml", nameless)
    assert brief(found2) == [
        ("E010", ERROR, rng(1, 0, 5), "not an argmap file: `argmap: 1` is missing")
    ]
    actions2 = await client.text_document_code_action_async(
        types.CodeActionParams(doc(uri2), found2[0].range, types.CodeActionContext(found2))
    )
    assert actions2 is not None
    [insert] = actions2
    assert isinstance(insert, types.CodeAction) and insert.edit and insert.edit.changes
    assert insert.title == "Add `argmap: 1`"
    assert list(insert.edit.changes[uri2]) == [types.TextEdit(rng(1, 0, 0), "argmap: 1\n")]


# --- activation and hostile input -------------------------------------------------------


async def test_other_yaml_is_left_alone(client: LanguageClient, tmp_path: Path) -> None:
    workflow = "name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
    uri, found = await open_doc(client, tmp_path / "ci.yml", workflow)
    assert found == []
    hover = await client.text_document_hover_async(types.HoverParams(doc(uri), pos(0, 1)))
    assert hover is None
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc(uri)))
    assert symbols is None


HOSTILE = [
    (
        "syntax",
        "argmap: 1\ntitle: [unclosed\nclaims: {}\n",
        [("E004", rng(2, 6, 7), "YAML syntax error: did not find expected ',' or ']'")],
    ),
    (
        "tab",
        "argmap: 1\ntitle: t\nclaims:\n\tc: x\n",
        [("E004", rng(3, 0, 1), "YAML syntax error: a tab here; YAML indents with spaces only")],
    ),
    (
        "wrong-type",
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: [a, list]\n",
        [("E114", rng(4, 10, 19), "`text` must be text, not a list")],
    ),
    (
        "deep",
        "argmap: 1\ntitle: t\nclaims: " + "[" * 300 + "]" * 300 + "\n",
        [("E008", rng(2, 263, 353), "nesting deeper than 256 levels")],  # the too-deep list
    ),
    (
        "version-only",
        "argmap: 1\n",
        [
            ("E115", rng(0, 0, 6), "the map needs `title`"),
            ("E115", rng(0, 0, 6), "the map needs `claims`"),
        ],
    ),
    (
        "list",
        "- argmap: 1\n- title: x\n",
        [],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), HOSTILE, ids=[h[0] for h in HOSTILE])
async def test_hostile_maps_get_diagnostics_and_the_server_answers_on(
    client: LanguageClient, tmp_path: Path, name: str, text: str, expected: list[Any]
) -> None:
    uri, found = await open_doc(client, tmp_path / f"{name}.yaml", text)
    assert [(d.code, d.range, d.message) for d in found] == expected
    hover = await client.text_document_hover_async(types.HoverParams(doc(uri), pos(0, 0)))
    assert hover is None
    labels = await complete(client, uri, pos(0, 0))
    assert isinstance(labels, list)
    # ... and it still answers for a good document.
    good, _ = await open_doc(client, tmp_path / "small.yaml", SMALL)
    assert await complete(client, good, pos(17, 13)) == ["c1", "p1", "c2"]


async def test_the_secure_communities_outline_lists_its_claims(client: LanguageClient) -> None:
    uri, _ = await open_doc(client, SCOMM)
    found = await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc(uri)))
    assert found is not None
    m = load_map(SCOMM)
    assert [s.name for s in found] == list(m.claims)
    first = found[0]
    assert isinstance(first, types.DocumentSymbol) and first.children
    expected = [
        f"{lk.kind.value}: ref {lk.source}" if lk.is_ref else f"{lk.kind.value}: {lk.source}"
        for lk in m.incoming(m.claims[0])
    ]
    assert [c.name for c in first.children] == expected


MORE_HOSTILE = [
    (
        "anchor",
        "argmap: 1\ntitle: &t x\nclaims: {c: {text: C.}}\n",
        [
            (
                "E006",
                rng(1, 7, 11),
                "YAML anchors are not allowed (&t): write the content out, or use `ref` to"
                " reuse a node",
            )
        ],
    ),
    (
        "tag",
        "argmap: 1\ntitle: !!python/object:os.system x\nclaims: {c: {text: C.}}\n",
        [
            (
                "E007",
                rng(1, 7, 34),
                "YAML tag 'tag:yaml.org,2002:python/object:os.system' is not allowed: maps hold"
                " plain text, numbers and lists",
            )
        ],
    ),
    (
        "weight-word",
        "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n    weight: heavy\n    con: [No.]\n",
        [("E114", rng(5, 12, 17), "`weight` must be a number, not 'heavy'")],
    ),
    (
        "empty",
        "",
        [],
    ),
    (
        "control-characters",
        "argmap: 1\ntitle: \x00\x1b[2J\nclaims: {}\n",
        None,  # whatever the loader says, the server must answer
    ),
]


@pytest.mark.parametrize(
    ("name", "text", "expected"), MORE_HOSTILE, ids=[h[0] for h in MORE_HOSTILE]
)
async def test_more_hostile_text(
    client: LanguageClient, tmp_path: Path, name: str, text: str, expected: list[Any] | None
) -> None:
    uri, found = await open_doc(client, tmp_path / f"{name}.yaml", text)
    if expected is not None:
        assert [(d.code, d.range, d.message) for d in found] == expected
    else:
        assert found and all(d.source == "argmap" and d.code for d in found)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(doc(uri)))
    assert symbols in (None, [])


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def pulling_client(lsp_client: LanguageClient) -> Any:
    """A client that answers workspace/configuration: settings come from the workspace."""
    lsp_client.set_configuration({"evaluate": True}, section="argmap")
    capabilities = types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(configuration=True)
    )
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio(loop_scope="function")
async def test_settings_from_the_workspace_turn_scores_on(
    pulling_client: LanguageClient, tmp_path: Path
) -> None:
    text = "argmap: 1\ntitle: t\nclaims:\n  c:\n    text: C.\n    con: [No.]\n"
    uri, found = await open_doc(pulling_client, tmp_path / "pulled.yaml", text)
    for _ in range(50):  # the answer to workspace/configuration may come after the open
        hover = await pulling_client.text_document_hover_async(
            types.HoverParams(doc(uri), pos(3, 2))
        )
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        if "strength" in hover.contents.value:
            break
        await asyncio.sleep(0.1)
    assert hover.contents.value.endswith(
        "strength 0.25, falls (dfquad); computed from the map as drawn, with default base"
        " scores where none is given; not a judgement of the sources or of truth"
    )


async def test_requests_out_of_range_or_for_unknown_documents_get_empty_answers(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri, _ = await open_doc(client, tmp_path / "small.yaml", SMALL)
    far = pos(5000, 5000)
    assert await client.text_document_hover_async(types.HoverParams(doc(uri), far)) is None
    assert await client.text_document_definition_async(types.DefinitionParams(doc(uri), far)) == []
    assert await complete(client, uri, far) == []
    unknown = (tmp_path / "never-opened.yaml").as_uri()
    assert (
        await client.text_document_hover_async(types.HoverParams(doc(unknown), pos(0, 0))) is None
    )
    assert await complete(client, uri, pos(17, 13)) == ["c1", "p1", "c2"]  # still answering
