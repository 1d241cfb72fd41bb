"""The catalogue of diagnostic codes: one line each, stable, listed in the README.

A test checks that every code argmap can emit is here and in the README.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    # reading the file
    "E001": "file cannot be read",
    "E002": "file is not UTF-8",
    "E003": "file too large",
    "E004": "YAML syntax error",
    "E005": "more than one YAML document",
    "E006": "YAML anchor or alias",
    "E007": "YAML tag not allowed",
    "E008": "nesting too deep",
    "E009": "not a mapping, or empty",
    "E010": "missing or unsupported format version",
    "E011": "duplicate key",
    "E012": "mapping key is not a plain word",
    # the map's structure
    "E101": "duplicate id",
    "E102": "ref to an unknown id",
    "E103": "ref cycle",
    "E104": "ref item with fields other than note and undercut",
    "E105": "undercut on a top-level claim",
    "E106": "unknown actor",
    "E107": "unknown source",
    "E108": "quote not found in its source",
    "E109": "empty text",
    "E110": "invalid id",
    "E111": "weight outside [0, 1]",
    "E112": "link that is not a plain http(s) address (a space, backslash, quote, angle bracket"
    " or control character in it)",
    "E113": "unknown field",
    "E114": "wrong type",
    "E115": "required field missing",
    "E116": "no claims",
    "E117": "invalid value",
    "E118": "source file outside the map's folder and --sources (not read)",
    # warnings
    "W201": "uncontested claim (no con)",
    "W202": "unused source",
    "W203": "unused actor",
    "W205": "the same link written twice",
    "W206": "ref to a premise's path id (give the premise an `id`)",
    "W207": "unquoted text cut at ` #` (YAML read the rest as a comment)",
    "W208": "--strict: a quote that cannot be checked (no source file found or readable)",
    "W210": "a premise counted more than once in one node's evaluation (two routes)",
    # information
    "I301": "source file not found: quotes not checked",
    "I302": "source has no file: quotes not checked",
    "I303": "under a directory: a YAML file that is not a map, skipped",
    # rendering
    "E401": "no Graphviz renderer found",
    "E402": "the renderer named is not runnable",
    "E403": "the renderer cannot write this format",
    "E404": "the renderer took too long",
    "E405": "the renderer failed",
    "E406": "--focus names no node in the map",
    # evaluation (E5xx)
    "E501": "evaluation of a cyclic map did not converge",
    "E502": "unknown semantics or support reading",
    "E503": "too many undecided arguments for preferred or stable extensions",
    "E504": "the map refers to a node or link it does not have",
    "E505": "too many support chains for the support reading",
    # foreign formats: import and export (E6xx, W6xx)
    "E601": "the file to import cannot be read as its format (syntax)",
    "E602": "the file to import has the wrong structure for its format",
    "E603": "nothing to import: no statements found",
    "E604": "import output exists (use --force to overwrite)",
    "E605": "the imported map does not validate",
    "E606": "unknown format, or the format cannot be guessed from the file",
    "W601": "export: a field the target format cannot hold is left out",
    "W602": "export: an undercut the target format cannot hold is left out",
    "W603": "export: text changed to fit the target format",
    "W611": "import: a construct argmap has no place for is left out",
    "W612": "import: a premise-conclusion structure or inference rule is simplified",
    "W613": "import: an argument is imported as a premise",
    "W614": "import: a relation argmap cannot hold is left out",
    "W615": "import: a contradiction is imported as two attacks",
    "W616": "import: linked premises are imported as separate links",
    "W617": "import: a reference to something that is not in the file",
    "W618": "import: a data field argmap does not know is left out",
    # the workflow: output files, diff, init (E7xx)
    "E701": "cannot write the output file",
    "E702": "output would overwrite an input",
    "E703": "cannot read a map from git (git:REV:PATH)",
    "E704": "argmap init: the file already exists",
    "E705": "--watch: nothing to watch",
    "E706": "argmap init: the file name does not end in .yaml or .yml",
    # the map in the terminal: summary, show (E72x)
    "E720": "no node with the id asked for",
    "E721": "no actor with the id asked for",
}
