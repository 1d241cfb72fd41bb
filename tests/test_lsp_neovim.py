"""`argmap lsp` in a real editor: headless Neovim opens a map, shows the diagnostics, and
clears one when the misspelt actor is retyped in the buffer. Skipped without `nvim`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

NVIM = shutil.which("nvim")

MAP = """\
argmap: 1
title: Tried in Neovim
actors:
  crane: {name: Chris Crane}
claims:
  c1:
    text: The union caused the delay.
    by: crain
    con:
      - ref: c2
  c2:
    text: The training was late anyway.
    con:
      - ref: c1x
"""

# Works from Neovim 0.7 (start_client + buf_attach_client; vim.lsp.start is 0.8+).
SCRIPT = """\
local out = {}
local function say(line) table.insert(out, line) end
local function show(buf)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    say(string.format("%d:%d-%d:%d %s [%s] %s", d.lnum, d.col, d.end_lnum, d.end_col,
      vim.diagnostic.severity[d.severity], d.code, d.message))
  end
end
vim.cmd("edit " .. vim.fn.fnameescape(MAP_PATH))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = "argmap", cmd = SERVER, root_dir = ROOT })
vim.lsp.buf_attach_client(buf, id)
local arrived = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
say("arrived: " .. tostring(arrived))
show(buf)
local uri = vim.uri_from_bufnr(buf)
local def = vim.lsp.buf_request_sync(buf, "textDocument/definition",
  { textDocument = { uri = uri }, position = { line = 9, character = 14 } }, 10000)
for _, r in pairs(def or {}) do
  for _, loc in ipairs(r.result or {}) do
    say(string.format("definition: %d:%d-%d:%d", loc.range.start.line, loc.range.start.character,
      loc.range["end"].line, loc.range["end"].character))
  end
end
vim.api.nvim_buf_set_text(buf, 7, 11, 7, 13, { "ne" })
say("fixed: " .. tostring(vim.wait(20000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do if d.code == "E106" then return false end end
  return true
end, 50)))
show(buf)
vim.fn.writefile(out, OUT_PATH)
vim.cmd("qa!")
"""


@pytest.mark.skipif(NVIM is None, reason="Neovim (nvim) is not installed")
def test_neovim_shows_the_diagnostics_and_updates_them_as_the_buffer_changes(
    tmp_path: Path,
) -> None:
    assert NVIM is not None
    path = tmp_path / "broken.yaml"
    path.write_text(MAP, encoding="utf-8")
    out = tmp_path / "out.txt"
    server = [sys.executable, "-m", "argmap", "lsp"]
    lua = (
        f"local MAP_PATH = {str(path)!r}\nlocal OUT_PATH = {str(out)!r}\n"
        f"local ROOT = {str(tmp_path)!r}\n"
        "local SERVER = {" + ", ".join(repr(a) for a in server) + "}\n" + SCRIPT
    )
    script = tmp_path / "check.lua"
    script.write_text(lua, encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    subprocess.run(
        [NVIM, "--headless", "--clean", "-u", "NONE", "-c", f"luafile {script}"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert out.read_text(encoding="utf-8").splitlines() == [
        "arrived: true",
        "3:2-3:7 WARN [W203] actor 'crane' argues nothing in the map",
        "7:8-7:13 ERROR [E106] unknown actor 'crain'; did you mean 'crane'?",
        "13:13-13:16 ERROR [E102] `ref` to unknown id 'c1x'; did you mean 'c1'?",
        "definition: 10:2-10:4",
        "fixed: true",
        "13:13-13:16 ERROR [E102] `ref` to unknown id 'c1x'; did you mean 'c1'?",
    ]
