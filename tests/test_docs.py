"""The README is the manual: every command and every diagnostic code is documented there,
and it never shows a traceback."""

from __future__ import annotations

import re

import pytest

from argmap.cli import available_commands
from argmap.codes import CODES
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", available_commands())
def test_every_command_has_a_section_with_an_example(name: str) -> None:
    match = re.search(rf"^### argmap {name}\n(.*?)(?=^##)", README, re.S | re.M)
    assert match, f"no section for argmap {name}"
    assert f"argmap {name}" in match.group(1), f"the section of argmap {name} shows no use"


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_is_in_the_codes_table(code: str) -> None:
    assert re.search(rf"^\| `?{code}`? \|", README, re.M), f"{code} is not in the README's table"


def test_every_code_argmap_emits_is_catalogued() -> None:
    package = REPO / "argmap"
    emitted = set()
    for path in package.rglob("*.py"):
        emitted |= set(re.findall(r'"([EWI]\d{3})"', path.read_text(encoding="utf-8")))
    assert emitted - set(CODES) == set()


def test_no_traceback_in_the_manual() -> None:
    assert "Traceback" not in README
