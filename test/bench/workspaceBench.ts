// Workspace scale over real LSP: a folder of 1,000 small generated articles is the
// workspace root; time until the background index reports done (its $/progress
// "end"), then the latency of workspace/symbol queries over all their actors.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateArticle, seededRandom } from '../fixtures/generateArticle';
import { LspTestClient } from './lspClient';

export interface WorkspaceNumbers {
  workspace_index_ms: number | null;
  workspace_symbol_p50_ms: number | null;
  workspace_symbol_p95_ms: number | null;
  workspace_articles: number;
  /** From initialize until the first newsLens/story answer that covers every article (index + first story build). */
  story_index_ms: number | null;
  /** What the Story view asks (newsLens/storyOutline, then the articles of the top actor): the first time after indexing, and the p95 of repeated asks. */
  story_request_ms: number | null;
  story_request_p95_ms: number | null;
  /** The whole story in one answer (newsLens/story, every appearance, event and quote), and its size. */
  story_full_ms: number | null;
  story_full_bytes: number | null;
  /** From an edit to one open article until the outline reflects it (includes the 200 ms edit debounce and the 100 ms story rebuild delay). */
  story_update_ms: number | null;
  notes: string[];
}

const QUERIES = 200;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] * 100) / 100;
}

export async function measureWorkspace(serverPath: string, articles = 1000): Promise<WorkspaceNumbers> {
  const numbers: WorkspaceNumbers = {
    workspace_index_ms: null,
    workspace_symbol_p50_ms: null,
    workspace_symbol_p95_ms: null,
    workspace_articles: articles,
    story_index_ms: null,
    story_request_ms: null,
    story_request_p95_ms: null,
    story_full_ms: null,
    story_full_bytes: null,
    story_update_ms: null,
    notes: [],
  };
  if (!fs.existsSync(serverPath)) {
    numbers.notes.push('workspace: server not built, so the workspace measurements are n/a');
    return numbers;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-bench-workspace-'));
  let client: LspTestClient | undefined;
  try {
    // Queries: capitalised words of the articles (names, mostly), and their prefixes as typed.
    const names = new Set<string>();
    for (let i = 0; i < articles; i++) {
      const text = generateArticle({ seed: 10_000 + i, paragraphs: 3 });
      fs.writeFileSync(path.join(dir, `article-${String(i).padStart(4, '0')}.news`), text);
      if (names.size < 400) for (const w of text.match(/\b\p{Lu}\p{Ll}{3,}\b/gu) ?? []) names.add(w);
    }
    client = new LspTestClient(serverPath);
    const ended = client.waitForNotification((m) => m.method === '$/progress' && m.params?.value?.kind === 'end', 600_000);
    const t = performance.now();
    await client.initialize(pathToFileURL(dir).toString());
    if (!(await ended)) {
      numbers.notes.push('workspace: the index never reported done within 600 s');
      return numbers;
    }
    numbers.workspace_index_ms = Math.round(performance.now() - t);
    // The story as the Story view asks for it: the outline, then the articles of the top actor.
    const askStory = async () => {
      const outline = await client!.request('newsLens/storyOutline', {}, 60_000);
      const top = outline.result?.actors?.[0];
      if (top) await client!.request('newsLens/storyDetail', { actorKey: top.key }, 60_000);
      return outline.result;
    };
    const storyStarted = performance.now();
    const first = await askStory();
    numbers.story_request_ms = Math.round((performance.now() - storyStarted) * 100) / 100;
    numbers.story_index_ms = Math.round(performance.now() - t);
    const storyArticles = first?.articles?.length ?? 0;
    if (storyArticles !== articles) numbers.notes.push(`story: ${storyArticles} of ${articles} articles in the first story after indexing`);
    const storyLatencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await askStory();
      storyLatencies.push(performance.now() - started);
    }
    numbers.story_request_p95_ms = pct(storyLatencies, 95);
    const fullStarted = performance.now();
    const full = await client.request('newsLens/story', {}, 60_000);
    numbers.story_full_ms = Math.round(performance.now() - fullStarted);
    numbers.story_full_bytes = JSON.stringify(full.result ?? null).length;
    const pool = [...names];
    const rand = seededRandom(7);
    const latencies: number[] = [];
    let empty = 0;
    for (let i = 0; i < QUERIES; i++) {
      const name = pool[Math.floor(rand() * pool.length)] ?? 'a';
      const query = i % 2 ? name : name.slice(0, 3);
      const started = performance.now();
      const r = await client.request('workspace/symbol', { query });
      latencies.push(performance.now() - started);
      if (!r.result?.length) empty++;
    }
    numbers.workspace_symbol_p50_ms = pct(latencies, 50);
    numbers.workspace_symbol_p95_ms = pct(latencies, 95);
    if (empty === QUERIES) numbers.notes.push('workspace/symbol: every query came back empty');

    // An edit to one article: open it, put a new name in, and ask for the story until it has the name.
    const file = path.join(dir, 'article-0000.news');
    const uri = pathToFileURL(file).toString();
    const text = fs.readFileSync(file, 'utf8');
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'news-article', version: 1, text } });
    const hasName = async (name: string) =>
      ((await client!.request('newsLens/storyOutline', {}, 60_000)).result?.actors ?? []).some((a: { name: string }) => a.name === name);
    for (const until = Date.now() + 30_000; Date.now() < until;) {
      if ((await client.request('textDocument/documentSymbol', { textDocument: { uri } })).result) break; // analysed and published
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 500));
    const newName = 'Ottoline Varga-Brennan';
    const lines = text.split('\n');
    lines.splice(1, 0, `${newName}, a spokeswoman for the port, said on Tuesday that talks had failed.`);
    const editStarted = performance.now();
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: lines.join('\n') }] });
    for (const until = Date.now() + 30_000; Date.now() < until;) {
      if (await hasName(newName)) {
        numbers.story_update_ms = Math.round(performance.now() - editStarted);
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    if (numbers.story_update_ms === null) numbers.notes.push('story: the edited name never reached the story within 30 s');
  } catch (error) {
    numbers.notes.push(`workspace: ${error instanceof Error ? error.message : error}`.slice(0, 400));
  } finally {
    await client?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return numbers;
}
