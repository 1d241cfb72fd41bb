"""The pygls wiring of `argmap lsp`: documents, settings, debounced diagnostics, stdio.

Each request is answered by a pure function in `features` from the latest
analysis of the document. A document is analysed when it is opened or saved,
and a moment after the last change (typing a word re-checks once, not once a
letter). A request that arrives before that moment analyses the text it sees.
A change that only retypes a node's text cannot change what the checks find:
its analysis is brought up to date at once, without a full check; a change
inside one claim is brought up to date at once by reading that claim again
(`argmap.incremental`) and validating the whole map.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from argmap import __version__
from argmap.lsp import features
from argmap.lsp.features import Analysis, RenameRefused, Settings
from argmap.model import ArgumentMap
from argmap.quotes import SourceTexts

DEBOUNCE_SECONDS = 0.25
"""How long after the last change the document is checked again."""

logger = logging.getLogger("argmap.lsp")
F = TypeVar("F", bound=Callable[..., Any])


class RequestFailed(JsonRpcException):
    """LSP's RequestFailed: the request was understood but cannot be carried out."""

    CODE = -32803
    MESSAGE = "Request failed"


class ArgmapLanguageServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "argmap", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.settings = Settings()
        self.root: str | None = None
        self.texts = SourceTexts()
        # uri -> (document version, analysis); None for a document that is not a map
        self.analyses: dict[str, tuple[int | None, Analysis | None]] = {}
        self.last_maps: dict[str, ArgumentMap] = {}  # the last version that loaded
        # uri -> (document version, its text not yet checked): see `retext`
        self.unchecked: dict[str, tuple[int | None, Analysis]] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}

    @property
    def encoding(self) -> str:
        chosen = self.server_capabilities.position_encoding
        return str(chosen or types.PositionEncodingKind.Utf16)

    def apply_settings(self, settings: Settings) -> None:
        self.settings = settings
        self.texts = SourceTexts(settings.sources)
        self.analyses.clear()
        self.unchecked.clear()
        for uri in list(self.workspace.text_documents):
            self.publish(uri)

    def analysis(self, uri: str) -> Analysis | None:
        """The analysis of the document's current text (made now if it is stale)."""
        document = self.workspace.get_text_document(uri)
        cached = self.analyses.get(uri)
        if cached is not None and cached[0] == document.version:
            return cached[1]
        return self._analyse(uri, document)

    def _analyse(self, uri: str, document: TextDocument) -> Analysis | None:
        path = document.path
        text = document.source
        result = None
        waiting = self.unchecked.pop(uri, None)
        if features.is_map_document(path, text):
            basis = None
            if waiting is not None and waiting[0] == document.version:
                basis = features.basis_of(waiting[1])
            result = features.analyse(
                text, path, self.settings, self.texts, self.encoding, basis=basis
            )
            if result.map is not None:
                self.last_maps[uri] = result.map
        self.analyses[uri] = (document.version, result)
        return result

    def retext(self, params: types.DidChangeTextDocumentParams) -> None:
        """Bring the analysis up to date at once if the change only retypes a node's text
        (`features.retext`) or stays inside one claim (`features.recheck`); any other change
        waits for the debounced full check, and what the quick check needs to take the
        next change (`features.unchecked`) is kept until then."""
        uri = params.text_document.uri
        waiting = self.unchecked.pop(uri, None)
        changes = params.content_changes
        if len(changes) != 1 or not isinstance(changes[0], types.TextDocumentContentChangePartial):
            return
        change = changes[0]
        document = self.workspace.get_text_document(uri)
        text = document.source
        cached = self.analyses.get(uri)
        # The text this change was made to: the one waiting for its check, or the last checked.
        for previous in (waiting[1] if waiting else None, cached[1] if cached else None):
            if previous is None or change.range.end.line >= len(previous.lines):
                continue
            line, start = previous.from_lsp(change.range.start)
            end_line, end = previous.from_lsp(change.range.end)
            edit = (line, start, end_line, end, change.text)
            try:
                found = None
                if line == end_line:
                    found = features.retext(previous, text, line, start, end, change.text)
                if found is None:
                    found = features.recheck(previous, text, *edit)
                if found is None:
                    later = features.unchecked(previous, text, *edit)
                    if later is not None:
                        self.unchecked[uri] = (document.version, later)
                        return
                    continue
            except Exception:
                logger.exception("argmap lsp: the quick check of %s failed", uri)
                return
            self.analyses[uri] = (document.version, found)
            if found.map is not None:
                self.last_maps[uri] = found.map
            return

    def publish(self, uri: str, fresh: bool = False) -> None:
        """Send the document's diagnostics (none for YAML that is no map), checking it now
        unless its analysis is current; `fresh`: check it again in any case."""
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        if uri not in self.workspace.text_documents:
            return
        try:
            document = self.workspace.get_text_document(uri)
            cached = self.analyses.get(uri)
            if not fresh and cached is not None and cached[0] == document.version:
                found = cached[1]
            else:
                found = self._analyse(uri, document)
            diagnostics = features.diagnostics(found, uri) if found is not None else []
        except Exception as exc:
            logger.exception("argmap lsp: checking %s failed", uri)
            diagnostics = [_internal_error(exc)]
            document = self.workspace.get_text_document(uri)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri, diagnostics=diagnostics, version=document.version
            )
        )

    def publish_later(self, uri: str) -> None:
        handle = self.pending.pop(uri, None)
        if handle is not None:
            handle.cancel()
        loop = asyncio.get_running_loop()
        self.pending[uri] = loop.call_later(DEBOUNCE_SECONDS, self.publish, uri)


def _internal_error(exc: Exception) -> types.Diagnostic:
    at = types.Position(0, 0)
    return types.Diagnostic(
        range=types.Range(at, at),
        message=f"internal error in argmap {__version__}: {type(exc).__name__}: {exc}"
        " (this is a bug in argmap; please report it)",
        severity=types.DiagnosticSeverity.Error,
        source=features.SOURCE,
    )


def _guarded(func: F) -> F:
    """A request handler that answers null instead of failing on a bug in argmap."""

    @functools.wraps(func)
    def handler(ls: ArgmapLanguageServer, params: Any) -> Any:
        try:
            return func(ls, params)
        except JsonRpcException:
            raise
        except Exception:
            logger.exception("argmap lsp: %s failed", func.__name__)
            return None

    return handler  # type: ignore[return-value]


server = ArgmapLanguageServer()


@server.feature(types.INITIALIZE)
def initialize(ls: ArgmapLanguageServer, params: types.InitializeParams) -> None:
    folders = params.workspace_folders or []
    if folders:
        ls.root = TextDocument(folders[0].uri).path
    elif params.root_uri:
        ls.root = TextDocument(params.root_uri).path
    ls.settings = Settings.from_client(params.initialization_options, ls.root)
    ls.texts = SourceTexts(ls.settings.sources)


@server.feature(types.INITIALIZED)
async def initialized(ls: ArgmapLanguageServer, params: types.InitializedParams) -> None:
    await _pull_settings(ls)


async def _pull_settings(ls: ArgmapLanguageServer) -> None:
    workspace = ls.client_capabilities.workspace
    if workspace is None or not workspace.configuration:
        return
    try:
        values = await ls.workspace_configuration_async(
            types.ConfigurationParams(items=[types.ConfigurationItem(section="argmap")])
        )
    except Exception:
        logger.exception("argmap lsp: workspace/configuration failed")
        return
    if values and isinstance(values[0], dict) and values[0]:
        ls.apply_settings(Settings.from_client(values[0], ls.root, ls.settings))


@server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
async def did_change_configuration(
    ls: ArgmapLanguageServer, params: types.DidChangeConfigurationParams
) -> None:
    settings = params.settings
    if isinstance(settings, dict) and isinstance(settings.get("argmap"), dict):
        ls.apply_settings(Settings.from_client(settings, ls.root, ls.settings))
    else:  # many clients only say that something changed: ask
        await _pull_settings(ls)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: ArgmapLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.publish(params.text_document.uri, fresh=True)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: ArgmapLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.retext(params)
    ls.publish_later(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: ArgmapLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.texts = SourceTexts(ls.settings.sources)  # a source file may have changed too
    ls.publish(params.text_document.uri, fresh=True)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: ArgmapLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    handle = ls.pending.pop(uri, None)
    if handle is not None:
        handle.cancel()
    ls.analyses.pop(uri, None)
    ls.unchecked.pop(uri, None)
    ls.last_maps.pop(uri, None)
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
@_guarded
def definition(
    ls: ArgmapLanguageServer, params: types.DefinitionParams
) -> list[types.Location] | None:
    uri = params.text_document.uri
    found = ls.analysis(uri)
    return features.definition(found, params.position, uri) if found else None


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
@_guarded
def references(
    ls: ArgmapLanguageServer, params: types.ReferenceParams
) -> list[types.Location] | None:
    uri = params.text_document.uri
    found = ls.analysis(uri)
    if found is None:
        return None
    return features.references(found, params.position, uri, params.context.include_declaration)


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
@_guarded
def prepare_rename(
    ls: ArgmapLanguageServer, params: types.PrepareRenameParams
) -> types.Range | None:
    found = ls.analysis(params.text_document.uri)
    if found is None:
        return None
    try:
        return features.prepare_rename(found, params.position)
    except RenameRefused as exc:
        raise RequestFailed(str(exc)) from None


@server.feature(types.TEXT_DOCUMENT_RENAME)
@_guarded
def rename(ls: ArgmapLanguageServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    uri = params.text_document.uri
    found = ls.analysis(uri)
    if found is None:
        raise RequestFailed("not an argmap map")
    try:
        return features.rename(found, params.position, params.new_name, uri)
    except RenameRefused as exc:
        raise RequestFailed(str(exc)) from None


@server.feature(types.TEXT_DOCUMENT_HOVER)
@_guarded
def hover(ls: ArgmapLanguageServer, params: types.HoverParams) -> types.Hover | None:
    found = ls.analysis(params.text_document.uri)
    return features.hover(found, params.position) if found else None


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=[":", " ", "[", ","]),
)
@_guarded
def completion(
    ls: ArgmapLanguageServer, params: types.CompletionParams
) -> types.CompletionList | None:
    uri = params.text_document.uri
    found = ls.analysis(uri)
    if found is None:
        return None
    items = features.completion(found, ls.last_maps.get(uri), params.position)
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
@_guarded
def document_symbol(
    ls: ArgmapLanguageServer, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol] | None:
    found = ls.analysis(params.text_document.uri)
    return features.symbols(found) if found else None


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
@_guarded
def code_action(
    ls: ArgmapLanguageServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    found = ls.analysis(uri)
    if found is None:
        return None
    return features.code_actions(found, params.context.diagnostics, uri)


def serve() -> None:
    """Speak LSP on stdin and stdout until the client says exit."""
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(message)s")
    server.start_io()
