"""`argmap lsp`: the language server. Maps checked as you type, in every editor.

- `spans`    where a value starts and ends in the text, from the loader's positions;
- `features` every editor feature as a pure function of one document's analysis
             (diagnostics, definition, references, rename, hover, completion,
             symbols, code actions): testable without a client;
- `server`   the pygls wiring: documents, settings, debouncing, stdio.

Only this package and `argmap.commands.lsp` import pygls and lsprotocol, so no
other command pays for them.
"""
