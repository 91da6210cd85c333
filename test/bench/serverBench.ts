// Language-server measurements over real LSP against the built dist/server.js --stdio:
// hover latency on an analysed article, time to the first semantic tokens of the
// visible range in a 1 MB article, and the server's memory after opening it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeArticle } from '../../src/analysis';
import { generateArticle } from '../fixtures/generateArticle';
import { LspTestClient, positionAt, rssMb } from './lspClient';

export interface ServerNumbers {
  hover_p50_ms: number | null;
  hover_p95_ms: number | null;
  first_tokens_ms: number | null;
  server_rss_mb: number | null;
  notes: string[];
}

const HOVERS = 300;
const VISIBLE_LINES = 60;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] * 100) / 100;
}

function benchUri(name: string): string {
  return pathToFileURL(path.join(os.tmpdir(), 'news-lens-bench', name)).toString();
}

/** Waits until the server has analysed `uri`: diagnostics published, or a hover answers with content. */
async function waitUntilAnalysed(client: LspTestClient, uri: string, probe: { line: number; character: number } | null, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const diagnostics = client.waitForNotification((m) => m.method === 'textDocument/publishDiagnostics' && m.params?.uri === uri, timeoutMs);
  if (!probe) return (await diagnostics) !== null;
  while (Date.now() < deadline) {
    const r = await client.request('textDocument/hover', { textDocument: { uri }, position: probe }, Math.max(1000, deadline - Date.now()));
    if (r.result) return true;
    await new Promise((res) => setTimeout(res, 50));
  }
  return false;
}

export async function measureServer(serverPath: string, log: (s: string) => void): Promise<ServerNumbers> {
  const numbers: ServerNumbers = { hover_p50_ms: null, hover_p95_ms: null, first_tokens_ms: null, server_rss_mb: null, notes: [] };
  if (!fs.existsSync(serverPath)) {
    numbers.notes.push(`${path.relative(process.cwd(), serverPath)} does not exist (server not built), so the LSP measurements are n/a`);
    return numbers;
  }
  try {
    await measureHover(serverPath, numbers);
  } catch (error) {
    numbers.notes.push(`hover: ${error instanceof Error ? error.message : error}`.slice(0, 400));
  }
  log('1 MB article…');
  try {
    await measureLargeArticle(serverPath, numbers);
  } catch (error) {
    numbers.notes.push(`1 MB article: ${error instanceof Error ? error.message : error}`.slice(0, 400));
  }
  return numbers;
}

async function measureHover(serverPath: string, numbers: ServerNumbers): Promise<void> {
  const text = generateArticle({ seed: 31, paragraphs: 40 });
  const entities = analyzeArticle(text).entities;
  if (entities.length === 0) throw new Error('the analysis found no entities to hover over');
  const client = new LspTestClient(serverPath);
  try {
    await client.initialize();
    const uri = benchUri('hover.txt');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const positions = entities.map((e) => positionAt(text, e.start + ((e.end - e.start) >> 1)));
    if (!(await waitUntilAnalysed(client, uri, positions[0], 60_000))) throw new Error('no hover content on an entity within 60 s');
    for (let i = 0; i < 20; i++) await client.request('textDocument/hover', { textDocument: { uri }, position: positions[i % positions.length] });
    const latencies: number[] = [];
    let empty = 0;
    for (let i = 0; i < HOVERS; i++) {
      const t = performance.now();
      const r = await client.request('textDocument/hover', { textDocument: { uri }, position: positions[i % positions.length] });
      latencies.push(performance.now() - t);
      if (!r.result) empty++;
    }
    numbers.hover_p50_ms = pct(latencies, 50);
    numbers.hover_p95_ms = pct(latencies, 95);
    if (empty) numbers.notes.push(`hover: ${empty} of ${HOVERS} hovers on entities came back empty`);
  } finally {
    await client.close();
  }
}

async function measureLargeArticle(serverPath: string, numbers: ServerNumbers): Promise<void> {
  const text = generateArticle({ seed: 41, targetChars: 1_000_000 });
  const client = new LspTestClient(serverPath);
  try {
    const capabilities = (await client.initialize())?.capabilities ?? {};
    const uri = benchUri('one-megabyte.txt');
    const tokens = capabilities.semanticTokensProvider;
    const range = { start: { line: 0, character: 0 }, end: { line: VISIBLE_LINES, character: 0 } };
    const t = performance.now();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    if (tokens?.range) {
      const r = await client.request('textDocument/semanticTokens/range', { textDocument: { uri }, range }, 120_000);
      numbers.first_tokens_ms = Math.round(performance.now() - t);
      if (r.error) numbers.notes.push(`semanticTokens/range answered with an error: ${r.error.message}`);
      else if (!r.result?.data?.length) numbers.notes.push('semanticTokens/range returned no tokens for the visible range');
    } else if (tokens?.full) {
      const r = await client.request('textDocument/semanticTokens/full', { textDocument: { uri } }, 120_000);
      numbers.first_tokens_ms = Math.round(performance.now() - t);
      numbers.notes.push('the server offers no semanticTokens/range; first_tokens_ms is the time to full-document tokens');
      if (!r.result?.data?.length) numbers.notes.push('semanticTokens/full returned no tokens');
    } else {
      numbers.notes.push('the server offers no semantic tokens; first_tokens_ms is n/a');
    }
    // Memory once the whole article is analysed (full tokens need the whole analysis).
    if (tokens?.full) await client.request('textDocument/semanticTokens/full', { textDocument: { uri } }, 180_000);
    else await waitUntilAnalysed(client, uri, null, 180_000);
    numbers.server_rss_mb = rssMb(client.pid);
  } finally {
    await client.close();
  }
}
