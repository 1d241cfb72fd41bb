"""argmap completion: click's scripts for bash, zsh and fish, and the completions they ask for."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import cli
from tests.conftest import Invoke


@pytest.mark.parametrize(
    ("shell", "line"),
    [
        ("bash", "complete -o nosort -F _argmap_completion argmap"),
        ("zsh", "compdef _argmap_completion argmap"),
        ("fish", 'complete --no-files --command argmap --arguments "(_argmap_completion)"'),
    ],
)
def test_each_shell_gets_a_script_that_calls_argmap_back(
    invoke: Invoke, shell: str, line: str
) -> None:
    script = invoke(["completion", shell]).stdout
    assert f"_ARGMAP_COMPLETE={shell}_complete" in script
    assert line in script


def test_an_unknown_shell_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke(["completion", "tcsh"], expect=2)
    assert "Invalid value for '{bash|zsh|fish}': 'tcsh' is not one of 'bash', 'zsh', 'fish'." in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("argmap va", "1", "plain,validate\n"),
        ("argmap diff a.yaml b.yaml --format m", "5", "plain,markdown\n"),
        ("argmap completion f", "2", "plain,fish\n"),
    ],
)
def test_the_script_s_callback_completes_commands_and_choices(
    words: str, cword: str, expected: str
) -> None:
    env = {"_ARGMAP_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": cword}
    result = CliRunner().invoke(cli, [], env=env, prog_name="argmap")
    assert result.exit_code == 0
    assert result.stdout == expected


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
@pytest.mark.slow
def test_bash_completes_with_the_installed_script() -> None:
    # The real thing: bash sources the script, which runs the installed argmap.
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "argmap").exists():
        pytest.skip("argmap is not installed beside this Python")
    script = (
        'source <(argmap completion bash); COMP_WORDS=(argmap diff a b --format ""); '
        'COMP_CWORD=5; _argmap_completion argmap; echo "${COMPREPLY[@]}"'
    )
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, env=env)
    assert done.stdout == "text markdown json\n", done.stderr
