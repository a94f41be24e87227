-- SPDX-License-Identifier: Apache-2.0
-- lmc lsp in Neovim's own LSP client, as a user meets it: open a model, see the finding at the
-- misspelt reference with its suggestion, apply the quick fix, see the finding go; the same
-- for a misspelt key typed into the buffer; hover, go to a definition, and rename an item.
-- Run by nvim_lsp_test.sh: nvim --headless --clean -c "luafile nvim_lsp_test.lua" (LMC and
-- MODEL in the environment).
local lmc = os.getenv('LMC')
local model = os.getenv('MODEL')
local failures = 0

local function check(ok, what)
  if not ok then
    failures = failures + 1
    io.stderr:write('FAIL: ' .. what .. '\n')
  else
    io.stdout:write('ok: ' .. what .. '\n')
  end
end

local function code_of(d)
  if d.code then return d.code end
  local lsp = d.user_data and d.user_data.lsp
  return lsp and lsp.code
end

local function findings(bufnr, code)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if code_of(d) == code then table.insert(out, d) end
  end
  return out
end

-- Applies the first quick fix lmc offers on a 1-based line, as the code-action menu would.
local function quick_fix(bufnr, line)
  vim.api.nvim_win_set_cursor(0, { line, 0 })
  local params = vim.lsp.util.make_range_params()
  params.range['end'] = { line = line - 1, character = 200 }
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr) }
  local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000) or {}
  for _, r in pairs(results) do
    for _, action in ipairs(r.result or {}) do
      if action.edit then
        vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
        return action.title
      end
    end
  end
  return nil
end

vim.cmd('edit ' .. vim.fn.fnameescape(model))
local bufnr = vim.api.nvim_get_current_buf()
local client = vim.lsp.start_client({
  name = 'lmc',
  cmd = { lmc, 'lsp', '--today', '2026-01-01' },
  root_dir = vim.fn.fnamemodify(model, ':h'),
})
check(client ~= nil, 'the client starts lmc lsp')
vim.lsp.buf_attach_client(bufnr, client)

-- 1. The unknown reference, at the reference, with the suggestion.
check(vim.wait(10000, function() return #findings(bufnr, 'unknown-reference') > 0 end, 20),
  'opening the model shows unknown-reference')
local d = findings(bufnr, 'unknown-reference')[1]
if d then
  check(d.lnum == 9 and d.col == 9, 'at the reference (line 10, column 10): ' .. d.lnum .. ':' .. d.col)
  check(d.message:find("did you mean 'fewer%-falls'%?") ~= nil, 'with the suggestion: ' .. d.message)
  check(d.severity == vim.diagnostic.severity.ERROR, 'as an error')
end
local title = quick_fix(bufnr, 10)
check(title == "Replace 'fewer-fals' with 'fewer-falls'", 'the quick fix: ' .. tostring(title))
check(vim.api.nvim_buf_get_lines(bufnr, 9, 10, false)[1] == '    to: [fewer-falls]',
  'the fix replaced the id: ' .. vim.api.nvim_buf_get_lines(bufnr, 9, 10, false)[1])
check(vim.wait(10000, function() return #findings(bufnr, 'unknown-reference') == 0 end, 20),
  'the finding goes away')

-- 2. A misspelt key typed into the buffer.
vim.api.nvim_buf_set_lines(bufnr, 1, 2, false, { 'titel: Falls prevention' })
check(vim.wait(10000, function() return #findings(bufnr, 'unknown-key') > 0 end, 20),
  'typing an unknown key shows unknown-key')
d = findings(bufnr, 'unknown-key')[1]
if d then
  check(d.lnum == 1 and d.col == 0, 'at the key: ' .. d.lnum .. ':' .. d.col)
  check(d.message:find("did you mean 'title'%?") ~= nil, 'with the suggestion: ' .. d.message)
end
title = quick_fix(bufnr, 2)
check(title == "Replace 'titel' with 'title'", 'the key fix: ' .. tostring(title))
check(vim.api.nvim_buf_get_lines(bufnr, 1, 2, false)[1] == 'title: Falls prevention', 'the key is fixed')
check(vim.wait(10000, function() return #findings(bufnr, 'unknown-key') == 0 end, 20),
  'the key finding goes away')

-- 3. Hover on a reference, and go to its definition.
vim.api.nvim_win_set_cursor(0, { 6, 12 })
local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
  vim.lsp.util.make_position_params(), 5000) or {}
local text = ''
for _, r in pairs(hover) do
  if r.result then text = r.result.contents.value end
end
check(text:find('Classes held') ~= nil, 'hover names the item: ' .. text)
vim.lsp.buf.definition()
check(vim.wait(5000, function() return vim.api.nvim_win_get_cursor(0)[1] == 8 end, 20),
  'go to definition lands on the item (line 8): ' .. vim.api.nvim_win_get_cursor(0)[1])

-- 4. Rename the item, as `vim.lsp.buf.rename('sessions-held')` does: every reference follows.
vim.api.nvim_win_set_cursor(0, { 8, 10 })
vim.lsp.buf.rename('sessions-held')
check(vim.wait(5000, function()
  return vim.api.nvim_buf_get_lines(bufnr, 7, 8, false)[1] == '  - id: sessions-held'
end, 20), 'rename changes the id: ' .. vim.api.nvim_buf_get_lines(bufnr, 7, 8, false)[1])
check(vim.api.nvim_buf_get_lines(bufnr, 5, 6, false)[1] == '    to: [sessions-held]',
  'and the link to it: ' .. vim.api.nvim_buf_get_lines(bufnr, 5, 6, false)[1])
local all = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
check(all:find('classes%-held') == nil, 'no reference to the old id is left')

-- 5. An adaptation of the red bag blueprint (SITE): hover on a core component says what the
-- blueprint has and what became of it here.
local site = os.getenv('SITE')
vim.cmd('edit! ' .. vim.fn.fnameescape(site))
local sitebuf = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(sitebuf, client)
local bags_line
for k, l in ipairs(vim.api.nvim_buf_get_lines(sitebuf, 0, -1, false)) do
  if l == '  - id: bags' then bags_line = k end
end
check(bags_line ~= nil, 'the site has its bags line')
local site_hover = ''
vim.wait(5000, function()
  vim.api.nvim_win_set_cursor(0, { bags_line, 9 })
  local replies = vim.lsp.buf_request_sync(sitebuf, 'textDocument/hover',
    vim.lsp.util.make_position_params(), 2000) or {}
  for _, r in pairs(replies) do
    if r.result then site_hover = r.result.contents.value end
  end
  return site_hover:find('In the blueprint', 1, true) ~= nil
end, 100)
check(site_hover:find('core component', 1, true) ~= nil and
  site_hover:find('Here: **replaced**', 1, true) ~= nil,
  'hover on an adaptation says what the blueprint has and what became of it: ' .. site_hover)

vim.lsp.stop_client(client)
if failures > 0 then
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end
