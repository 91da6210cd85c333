-- Drives the News Lens language server from Neovim's own LSP client, the way a
-- Neovim user would configure it (see README), and writes what came back as
-- JSON for the mocha test to check. Neovim 0.7 (Debian): no vim.lsp.start yet,
-- so start_client + buf_attach_client.
--
-- Inputs (environment): NEWS_LENS_SERVER (path to dist/server.js), NEWS_LENS_ARTICLE,
-- NEWS_LENS_HOVER_LINE / NEWS_LENS_HOVER_CHARACTER (0-based LSP position, UTF-16),
-- NEWS_LENS_OUT (where to write the JSON result).
local env = vim.env
local out_path = env.NEWS_LENS_OUT
local result = { steps = {} }

local function finish()
  local file = io.open(out_path, 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qa!')
end

local function fail(message)
  result.error = message
  finish()
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'news-lens',
    cmd = { 'node', env.NEWS_LENS_SERVER, '--stdio' },
    root_dir = vim.fn.fnamemodify(env.NEWS_LENS_ARTICLE, ':h'),
    -- Neovim sends the filetype as languageId; the server's articles are `news-article`.
    get_language_id = function() return 'news-article' end,
  })
  if not client_id then return fail('start_client returned nil') end
  table.insert(result.steps, 'started')

  vim.cmd('edit ' .. vim.fn.fnameescape(env.NEWS_LENS_ARTICLE))
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, client_id)

  local client
  local ready = vim.wait(20000, function()
    client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized == true
  end, 50)
  if not ready then return fail('the server did not finish initialize within 20 s') end
  table.insert(result.steps, 'initialized')
  result.serverPid = client.rpc and client.rpc.pid
  result.serverName = client.server_capabilities and client.server_capabilities.serverInfo
  result.capabilities = {
    hover = client.server_capabilities.hoverProvider and true or false,
    documentSymbol = client.server_capabilities.documentSymbolProvider and true or false,
  }

  local uri = vim.uri_from_bufnr(buf)
  local position = { line = tonumber(env.NEWS_LENS_HOVER_LINE), character = tonumber(env.NEWS_LENS_HOVER_CHARACTER) }
  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover', { textDocument = { uri = uri }, position = position }, 20000)
  if hover and hover[client_id] then
    result.hover = hover[client_id].result
    result.hoverError = hover[client_id].err
  end
  table.insert(result.steps, 'hover')

  local symbols = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', { textDocument = { uri = uri } }, 20000)
  if symbols and symbols[client_id] then
    result.symbols = symbols[client_id].result
    result.symbolsError = symbols[client_id].err
  end
  table.insert(result.steps, 'documentSymbol')

  -- Shut the server down politely so the test sees no orphan process.
  vim.lsp.stop_client(client_id)
  vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
  table.insert(result.steps, 'stopped')
  finish()
end)
if not ok then fail('lua error: ' .. tostring(err)) end
