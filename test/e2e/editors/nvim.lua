-- End-to-end check of cablewright-ls in real Neovim (0.7+, built-in LSP client).
--
--   CABLEWRIGHT_SERVER=/path/to/dist/server.js \
--   XDG_CONFIG_HOME=... XDG_DATA_HOME=... XDG_CACHE_HOME=... XDG_STATE_HOME=... \
--   nvim --headless --clean -u test/e2e/editors/nvim.lua brussels.cable
--
-- The cable must be samples/released-1994-brussels-03953.txt under a name
-- ending in .cable. The script starts the server for the buffer, waits until
-- Neovim holds its diagnostics, asks for textDocument/documentSymbol, prints
-- one JSON object per line to stdout (diagnostics, symbols, checks, result)
-- and exits 0 if every check passed, 1 if one failed, 2 on a script error.
-- Positions printed are LSP's: 0-based lines, UTF-16 characters.

local script_dir = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')
local SERVER = os.getenv('CABLEWRIGHT_SERVER') or vim.fn.simplify(script_dir .. '/../../../dist/server.js')
local NODE = os.getenv('CABLEWRIGHT_NODE') or 'node'
local WAIT_MS = tonumber(os.getenv('CABLEWRIGHT_E2E_WAIT_MS') or '') or 20000

local EXPECTED_NAME = 'CLAES ASKS SYG FOR CHANGE IN UNAMIR MANDATE; ASKS FOR USG VIEWS AND SUPPORT'

-- Nothing of ours in $HOME or next to the cable.
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.opt.more = false

local function emit(obj)
  io.stdout:write(vim.fn.json_encode(obj), '\n')
  io.stdout:flush()
end

local failures = 0
local function check(name, ok, detail)
  if not ok then
    failures = failures + 1
  end
  emit({ event = 'check', name = name, ok = ok and true or false, detail = detail })
end

local function finish(code)
  emit({ event = 'result', ok = code == 0, failures = failures, editor = 'neovim', version = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. '.' .. tostring(vim.version().patch) })
  -- Neovim shuts the server down as it exits.
  vim.cmd('cquit ' .. code)
end

local client_id
local exited -- set to the server's exit code if it dies

vim.cmd([[
  augroup cablewright_e2e
    autocmd!
    autocmd BufRead,BufNewFile *.cable setfiletype cable
  augroup END
]])

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'cable',
  callback = function(args)
    if not client_id then
      client_id = vim.lsp.start_client({
        name = 'cablewright',
        cmd = { NODE, SERVER, '--stdio' },
        root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(args.buf), ':p:h'),
        on_exit = function(code, signal)
          exited = { code = code, signal = signal }
        end,
      })
    end
    if client_id then
      vim.lsp.buf_attach_client(args.buf, client_id)
    end
  end,
})

-- UTF-16 column of a byte column on a buffer line (vim.diagnostic keeps bytes).
local function utf16_col(buf, lnum, col)
  local line = vim.api.nvim_buf_get_lines(buf, lnum, lnum + 1, false)[1] or ''
  if col > #line then
    col = #line
  end
  local _, utf16 = vim.str_utfindex(line, col)
  return utf16
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  emit({ event = 'open', file = vim.api.nvim_buf_get_name(buf), filetype = vim.bo[buf].filetype, server = SERVER })
  check('the buffer has filetype cable', vim.bo[buf].filetype == 'cable', vim.bo[buf].filetype)
  check('the client started', client_id ~= nil, SERVER)
  if not client_id then
    return finish(1)
  end

  -- Wait for a state, not a time: diagnostics in Neovim, or the server gone.
  local arrived = vim.wait(WAIT_MS, function()
    return #vim.diagnostic.get(buf) > 0 or exited ~= nil
  end, 50)
  local diags = vim.diagnostic.get(buf)
  check('diagnostics arrived', #diags > 0, exited and ('server exited: ' .. vim.fn.json_encode(exited)) or (arrived and 'ok' or ('none within ' .. WAIT_MS .. ' ms')))

  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then
      return a.lnum < b.lnum
    end
    return a.col < b.col
  end)
  local got = {}
  for _, d in ipairs(diags) do
    local item = {
      event = 'diagnostic',
      code = d.code,
      source = d.source,
      severity = d.severity,
      line = d.lnum,
      character = utf16_col(buf, d.lnum, d.col),
      endLine = d.end_lnum,
      endCharacter = utf16_col(buf, d.end_lnum, d.end_col),
      message = d.message,
    }
    emit(item)
    table.insert(got, item)
  end

  local function count(code)
    local n = 0
    for _, d in ipairs(got) do
      if d.code == code then
        n = n + 1
      end
    end
    return n
  end
  local function has(code, line, character)
    for _, d in ipairs(got) do
      if d.code == code and d.line == line and d.character == character then
        return true
      end
    end
    return false
  end
  check('two paragraph-numbering diagnostics', count('paragraph-numbering') == 2, count('paragraph-numbering'))
  check('paragraph-numbering at 28:0', has('paragraph-numbering', 28, 0))
  check('paragraph-numbering at 32:0', has('paragraph-numbering', 32, 0))
  check('one non-ascii diagnostic', count('non-ascii') == 1, count('non-ascii'))
  check('non-ascii at 40:29', has('non-ascii', 40, 29))

  local symbols
  if exited == nil then
    local params = { textDocument = vim.lsp.util.make_text_document_params(buf) }
    local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', params, 10000)
    local response = responses and responses[client_id]
    if response and response.result then
      symbols = response.result
    end
    check('documentSymbol answered', symbols ~= nil, err or (response and response.err and vim.fn.json_encode(response.err)) or nil)
  else
    check('documentSymbol answered', false, 'server exited')
  end
  symbols = symbols or {}
  for _, s in ipairs(symbols) do
    local children = {}
    for _, c in ipairs(s.children or {}) do
      table.insert(children, c.name)
    end
    emit({ event = 'symbol', name = s.name, detail = s.detail, kind = s.kind, children = children })
  end
  check('one top-level symbol', #symbols == 1, #symbols)
  local top = symbols[1] or {}
  check('the cable symbol is named after its subject', top.name == EXPECTED_NAME, top.name)
  check('the cable symbol has children', type(top.children) == 'table' and #top.children > 0, type(top.children) == 'table' and #top.children or nil)

  finish(failures == 0 and 0 or 1)
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = xpcall(run, debug.traceback)
    if not ok then
      emit({ event = 'error', message = tostring(err) })
      vim.cmd('cquit 2')
    end
  end,
})
