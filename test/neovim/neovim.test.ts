// A second real LSP client: headless Neovim (Debian's 0.7) starts
// `node dist/server.js --stdio` with its built-in client, opens an article, and
// asks for a hover and the document symbols, exactly as a Neovim user would.
// Skips when `nvim` is not installed, except under CI where .ci/run installs it.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeArticle } from '../../src/analysis';

const repoRoot = resolve(__dirname, '..', '..', '..');
const serverPath = join(repoRoot, 'dist', 'server.js');
const probe = join(repoRoot, 'test', 'neovim', 'lsp-probe.lua');
const article = join(repoRoot, 'test', 'neovim', 'fixtures', 'glacier-survey.news');

interface ProbeResult {
  steps: string[];
  error?: string;
  serverPid?: number;
  capabilities?: { hover: boolean; documentSymbol: boolean };
  hover?: { contents: unknown } | null;
  hoverError?: unknown;
  symbols?: Array<{ name: string; detail?: string; kind: number; children?: unknown[] }> | null;
  symbolsError?: unknown;
}

function nvimAvailable(): boolean {
  const probeRun = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return probeRun.status === 0;
}

function hoverText(contents: unknown): string {
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map(hoverText).join('\n');
  if (contents && typeof contents === 'object' && 'value' in contents) return String((contents as { value: unknown }).value);
  return '';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs the probe in headless Neovim; kills it if it hangs, so no process outlives the test. */
function runProbe(env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${probe}`], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`nvim did not finish within ${timeoutMs / 1000} s; output:\n${output}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output });
    });
  });
}

describe('Neovim as an LSP client (news-lens-server --stdio)', function () {
  this.timeout(90_000);
  let scratch: string;
  let result: ProbeResult;
  const text = readFileSync(article, 'utf8');
  const analysis = analyzeArticle(text);

  before(async function () {
    if (!nvimAvailable()) {
      if (process.env.CI) throw new Error("nvim is not installed; .ci/run installs Debian's neovim package (apt-get install -y neovim)");
      console.log("    (skipped: nvim not found; install Debian's neovim package to run this test)");
      this.skip();
    }
    assert.ok(existsSync(serverPath), `${serverPath} is missing; run npm run build`);
    scratch = mkdtempSync(join(tmpdir(), 'news-lens-nvim-'));
    const target = mostMentionedActor();
    const position = offsetToPosition(text, target.mentions[0].start);
    const out = join(scratch, 'result.json');
    const run = await runProbe(
      {
        NEWS_LENS_SERVER: serverPath,
        NEWS_LENS_ARTICLE: article,
        NEWS_LENS_HOVER_LINE: String(position.line),
        NEWS_LENS_HOVER_CHARACTER: String(position.character),
        NEWS_LENS_OUT: out,
        // Keep Neovim's LSP log and state out of the user's home.
        XDG_STATE_HOME: scratch,
        XDG_CACHE_HOME: scratch,
        XDG_DATA_HOME: scratch,
      },
      60_000,
    );
    assert.ok(existsSync(out), `the Neovim probe wrote no result (exit ${run.code}); output:\n${run.output}`);
    result = JSON.parse(readFileSync(out, 'utf8')) as ProbeResult;
  });

  after(() => {
    if (result?.serverPid && isAlive(result.serverPid)) process.kill(result.serverPid, 'SIGKILL');
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  function mostMentionedActor() {
    const actors = [...analysis.actors].sort((a, b) => b.mentions.length - a.mentions.length);
    assert.ok(actors.length > 0, 'the analysis found no actors in the fixture, so there is nothing to hover');
    return actors[0];
  }

  it('starts the server, initializes, and the server offers hover and document symbols', () => {
    assert.equal(result.error, undefined, `probe error: ${result.error}; steps: ${result.steps.join(' → ')}`);
    assert.deepEqual(result.capabilities, { hover: true, documentSymbol: true });
  });

  it('hovering an actor shows its card with the canonical name and mention count', () => {
    const actor = mostMentionedActor();
    assert.equal(result.hoverError, undefined, `hover error: ${JSON.stringify(result.hoverError)}`);
    assert.ok(result.hover, `no hover over "${actor.name}"`);
    const markdown = hoverText(result.hover.contents);
    assert.ok(markdown.includes(actor.name), `hover does not name "${actor.name}":\n${markdown}`);
    assert.match(markdown, new RegExp(`${actor.mentions.length}\\s+mentions?`), `hover does not give the mention count:\n${markdown}`);
    // Neovim cannot run VS Code commands or draw codicons; the server must not send them raw.
    assert.doesNotMatch(markdown, /\$\([a-z-]+\)/, `hover contains VS Code codicon syntax:\n${markdown}`);
    assert.doesNotMatch(markdown, /\]\(command:/, `hover contains VS Code command links:\n${markdown}`);
  });

  it('document symbols list the actors of the article', () => {
    assert.equal(result.symbolsError, undefined, `documentSymbol error: ${JSON.stringify(result.symbolsError)}`);
    assert.ok(Array.isArray(result.symbols) && result.symbols.length > 0, 'no document symbols');
    const names = flatten(result.symbols).map((s) => s.name);
    for (const actor of analysis.actors.filter((a) => a.mentions.length > 0)) {
      assert.ok(names.includes(actor.name), `symbol "${actor.name}" missing from ${JSON.stringify(names)}`);
    }
  });

  it('the server exits when Neovim stops the client', async () => {
    assert.ok(result.steps.includes('stopped'), `steps: ${result.steps.join(' → ')}`);
    const pid = result.serverPid;
    assert.ok(pid, 'Neovim did not report the server pid');
    for (let waited = 0; waited < 5000 && isAlive(pid); waited += 100) await new Promise((r) => setTimeout(r, 100));
    assert.ok(!isAlive(pid), `server process ${pid} is still running 5 s after Neovim quit`);
  });
});

type SymbolLike = { name: string; children?: unknown[] };
function flatten(symbols: SymbolLike[]): SymbolLike[] {
  return symbols.flatMap((s) => [s, ...flatten((s.children ?? []) as SymbolLike[])]);
}

function offsetToPosition(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
