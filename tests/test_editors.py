"""The editor setups of docs/editors.md.

The Neovim snippet is run as written in the docs, in a headless Neovim, against a real
`newslint lsp`: it must show the finding at the right column (a 𠮷 before it: four bytes in
Neovim, two UTF-16 units on the wire) and apply the quick fix. CI installs Debian's neovim
(.ci/run); without nvim the test is skipped and says why.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "editors.md"
MARK = "-- newslint: Neovim 0.7 or later, no plugin"

PROBE = r"""
local ok = vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = { diagnostics = {}, actions = {} }
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(out.diagnostics, { code = d.code or lsp.code, message = d.message, lnum = d.lnum, col = d.col,
                                  end_col = d.end_col, severity = d.severity })
end
for _, d in ipairs(vim.diagnostic.get(0)) do
  if (d.code or (d.user_data and d.user_data.lsp or {}).code) == "typos.idiom" then
    local line = vim.api.nvim_buf_get_lines(0, d.lnum, d.lnum + 1, false)[1]
    local _, start = vim.str_utfindex(line, d.col)
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(0) },
      range = { start = { line = d.lnum, character = start }, ["end"] = { line = d.lnum, character = start } },
      context = { diagnostics = {} },
    }
    local responses = vim.lsp.buf_request_sync(0, "textDocument/codeAction", params, 60000) or {}
    for _, response in pairs(responses) do
      for _, action in ipairs(response.result or {}) do
        table.insert(out.actions, action.title)
        if action.isPreferred and action.edit then
          vim.lsp.util.apply_workspace_edit(action.edit, "utf-16")
        end
      end
    end
  end
end
out.text = vim.api.nvim_buf_get_lines(0, 0, -1, false)
local f = io.open(vim.env.NEWSLINT_PROBE_OUT, "w")
f:write(vim.fn.json_encode(out))
f:close()
vim.cmd("qa!")
"""


def documented_snippet() -> str:
    blocks = re.findall(r"```lua\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    snippet, = [block for block in blocks if block.startswith(MARK)]
    return snippet


def nvim_version(nvim: str) -> tuple[int, ...]:
    first = subprocess.run([nvim, "--version"], capture_output=True, text=True, timeout=60).stdout.splitlines()[0]
    return tuple(int(part) for part in re.search(r"v(\d+)\.(\d+)", first).groups())


@pytest.mark.slow  # Neovim and a server start
def test_neovim_snippet_shows_the_finding_and_applies_the_fix(tmp_path):
    nvim = shutil.which("nvim")
    if nvim is None:
        pytest.skip("nvim is not installed (apt-get install neovim; .ci/run installs it)")
    pytest.importorskip("pygls", reason="the lsp extra is not installed")
    if nvim_version(nvim) < (0, 7):
        pytest.skip(f"Neovim {nvim_version(nvim)} is older than 0.7, which the documented snippet needs")
    (tmp_path / "init.lua").write_text(documented_snippet(), encoding="utf-8")
    (tmp_path / "probe.lua").write_text(PROBE, encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "newslint"  # `newslint` as the docs call it, running this checkout
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m lint "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    line = "𠮷，明天阳光见缝插扎地照进来。"
    story = tmp_path / "story.txt"
    story.write_text(f"阳光\n\n记者 王某\n\n{line}\n\n责任编辑：李某\n", encoding="utf-8")
    out = tmp_path / "out.json"
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}", NEWSLINT_PROBE_OUT=str(out),
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data"))
    subprocess.run([nvim, "--headless", "--clean", "-u", str(tmp_path / "init.lua"),
                    "-c", f"luafile {tmp_path / 'probe.lua'}", str(story)],
                   cwd=tmp_path, env=env, timeout=180, stdin=subprocess.DEVNULL, capture_output=True)
    result = json.loads(out.read_text(encoding="utf-8"))
    typo, = [d for d in result["diagnostics"] if d["code"] == "typos.idiom"]
    start = len(line[:line.index("见缝插扎")].encode("utf-8"))  # Neovim counts bytes
    assert (typo["lnum"], typo["col"], typo["end_col"]) == (4, start, start + len("见缝插扎".encode("utf-8")))
    assert typo["message"] == "“见缝插扎”应为“见缝插针”" and typo["severity"] == 1
    assert "改为“见缝插针”（typos.idiom）" in result["actions"]
    assert result["text"][4] == line.replace("见缝插扎", "见缝插针")


def test_vscode_extension_manifest_and_script_parse():
    folder = ROOT / "editors" / "vscode"
    manifest = json.loads((folder / "package.json").read_text(encoding="utf-8"))
    assert manifest["main"] == "./extension.js" and "vscode-languageclient" in manifest["dependencies"]
    assert {e.split(":")[1] for e in manifest["activationEvents"]} == {"markdown", "plaintext", "html"}
    script = (folder / "extension.js").read_text(encoding="utf-8")
    assert 'args: ["lsp"]' in script
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the script's syntax is not checked")
    subprocess.run([node, "--check", str(folder / "extension.js")], check=True, timeout=60)
