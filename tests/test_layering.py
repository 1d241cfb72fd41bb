"""Imports point one way (DESIGN.md §4): parsed with ast, so a core module that imports
click, rich, yaml or graphviz, or reaches up into the CLI, fails here."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "argmap"

# Third-party libraries and the modules allowed to import them.
ALLOWED_USERS = {
    "click": {"cli", "commands"},
    "rich": {"report", "cli", "commands"},
    "yaml": {"load", "formats.yaml_writer"},
    "graphviz": {"render", "escape"},
    # The language server's libraries: a second or so of imports no other command pays.
    "pygls": {"lsp", "commands.lsp"},
    "lsprotocol": {"lsp", "commands.lsp"},
}
# Each foundation module and the argmap modules it may import.
FOUNDATION = {
    "errors": set(),
    "vocabulary": set(),
    "gcpause": set(),
    "model": {"errors", "vocabulary"},
    "load": {"errors", "gcpause", "model", "vocabulary"},
    "files": {"errors"},
    "quotes": {"errors", "model", "files"},
}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    return ".".join(rel.parts)


def imports_of(path: Path) -> set[str]:
    """Every module imported anywhere in the file, function-level imports included."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def may_use(module: str, users: set[str]) -> bool:
    return any(module == u or module.startswith(u + ".") for u in users)


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_third_party_imports_stay_in_their_modules(path: Path) -> None:
    module = module_name(path)
    for imported in imports_of(path):
        top = imported.split(".")[0]
        if top in ALLOWED_USERS:
            assert may_use(module, ALLOWED_USERS[top]), f"{module} imports {imported}"


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_core_never_reaches_up_into_the_cli(path: Path) -> None:
    module = module_name(path)
    if may_use(module, {"cli", "commands", "__main__"}):
        return
    for imported in imports_of(path):
        assert not imported.startswith(("argmap.cli", "argmap.commands")), f"{module}: {imported}"


@pytest.mark.parametrize("module", sorted(FOUNDATION))
def test_foundation_imports_only_what_is_below_it(module: str) -> None:
    ours = {
        i.removeprefix("argmap.")
        for i in imports_of(PACKAGE / f"{module}.py")
        if i.startswith("argmap.")
    }
    assert ours <= FOUNDATION[module]


def test_the_rule_catches_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    import click\n    from rich.text import Text\n")
    assert imports_of(bad) == {"click", "rich.text"}


def test_validate_does_not_import_the_language_server() -> None:
    """`argmap validate` stays fast: pygls and lsprotocol load only for `argmap lsp`."""
    example = PACKAGE.parent / "maps" / "example.yaml"
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "argmap", "validate", str(example)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert {"argmap.validate", "argmap.ci_formats"} <= imported  # the check sees the command's
    language_server = {
        m for m in imported if m.split(".")[0] in ("pygls", "lsprotocol", "cattrs")
    } | {m for m in imported if m.startswith("argmap.lsp")}
    assert language_server == set()
