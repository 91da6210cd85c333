// Workspace scale: the background index reports progress (window/workDoneProgress),
// the Actors view says in how many other articles an actor appears, and the
// server keeps answering while a long article is analysed in the background.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeArticle } from '../../src/analysis';
import { actorKey } from '../../src/server/workspaceIndex';
import { LspTestClient, positionAt } from '../bench/lspClient';
import { generateArticle } from '../fixtures/generateArticle';

const SERVER = path.resolve(__dirname, '../../../dist/server.js');

describe('language server: workspace scale and long articles', function () {
  this.timeout(180_000);
  let dir: string;
  let client: LspTestClient;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-scale-'));
  });
  afterEach(async () => {
    await client?.close();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('indexes a folder in the background with progress, and counts the other articles naming each actor', async () => {
    const texts: string[] = [];
    for (let i = 0; i < 24; i++) {
      const text = generateArticle({ seed: 500 + i, paragraphs: 2 });
      texts.push(text);
      fs.writeFileSync(path.join(dir, `article-${String(i).padStart(2, '0')}.news`), text);
    }
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'Shopping list: milk, eggs.\n'); // not an article
    client = new LspTestClient(SERVER);
    const progress: any[] = [];
    client.onMessage((m) => {
      if (m.method === '$/progress') progress.push(m.params.value);
    });
    const ended = client.waitForNotification((m) => m.method === '$/progress' && m.params?.value?.kind === 'end', 150_000);
    await client.initialize(pathToFileURL(dir).toString());
    assert.ok(await ended, 'indexing progress never ended');
    assert.equal(progress[0]?.kind, 'begin');
    assert.match(progress[0].title, /index/i);
    assert.ok(
      progress.some((p) => p.kind === 'report' && /of 25 files/.test(p.message ?? '')),
      JSON.stringify(progress.slice(0, 5)),
    );

    const openPath = path.join(dir, 'article-00.news');
    const uri = pathToFileURL(openPath).toString();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: texts[0] } });
    const view = (await client.request('newsLens/articleAnalysis', { uri })).result;
    assert.ok(view?.actors?.length, 'no actors in the article view');
    // The expected count, from analysing every other article directly.
    const keysPerArticle = texts.map((t) => new Set(analyzeArticle(t).actors.flatMap((a) => [a.name, ...a.aliases].map((n) => actorKey(a.type, n)))));
    for (const actor of view.actors) {
      const keys = [actor.name, ...actor.aliases].map((n: string) => actorKey(actor.type, n));
      const expected = keysPerArticle.slice(1).filter((set) => keys.some((k) => set.has(k))).length;
      assert.equal(actor.otherArticles, expected, `${actor.name}: in ${actor.otherArticles} other articles, expected ${expected}`);
    }
    assert.ok(
      view.actors.some((a: any) => a.otherArticles > 0),
      'generated articles share actors, so some count must be positive',
    );

    const symbols = (await client.request('workspace/symbol', { query: view.actors[0].name })).result;
    assert.ok(
      symbols.some((s: any) => s.location.uri !== uri),
      'workspace symbols include other articles',
    );
  });

  it('answers the visible range and hovers at once while a long article is still being analysed', async () => {
    const text = generateArticle({ seed: 9, targetChars: 120_000 });
    client = new LspTestClient(SERVER);
    await client.initialize();
    const uri = pathToFileURL(path.join(dir, 'long.news')).toString();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
    const visible = await client.request('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    });
    assert.ok(visible.result?.data?.length > 0, 'no tokens for the visible range');
    // A hover far down the article is answered from its own paragraph before the full analysis is done.
    const lastStart = text.trimEnd().lastIndexOf('\n\n') + 2;
    const far = analyzeArticle(text.slice(lastStart)).entities[0];
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionAt(text, lastStart + far.start + 1) });
    assert.ok(hover.result, 'no hover on an entity at the end of the long article');
    // The full answer still comes, and agrees with the range answer on the visible lines.
    const full = await client.request('textDocument/semanticTokens/full', { textDocument: { uri } }, 170_000);
    assert.ok(full.result.data.length > visible.result.data.length);
  });
});
