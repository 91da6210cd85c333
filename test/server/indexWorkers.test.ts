// A big scan analyses in worker threads (indexWorker.ts); the story must be the same as
// when the server's own thread analyses every file, and an open article still wins.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeArticle } from '../../src/analysis';
import { DEFAULT_SERVER_SETTINGS } from '../../src/protocol';
import { WorkspaceIndex } from '../../src/server/workspaceIndex';
import { generateArticle } from '../fixtures/generateArticle';

describe('workspace index: a big scan in worker threads', function () {
  this.timeout(180_000);
  let dir: string;
  const logs: string[] = [];

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-workers-'));
    for (let i = 0; i < 60; i++) fs.writeFileSync(path.join(dir, `a-${String(i).padStart(2, '0')}.news`), generateArticle({ seed: 900 + i, paragraphs: 2 }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const scan = async (workers: number, open?: { file: string; text: string }) => {
    const index = new WorkspaceIndex(
      () => [dir],
      () => DEFAULT_SERVER_SETTINGS,
      (m) => logs.push(m),
      workers,
    );
    if (open) index.setLive(open.file, pathToFileURL(open.file).toString(), analyzeArticle(open.text), open.text);
    await index.rescan();
    const used = index.scanWorkers;
    const { story } = index.story(null);
    const ranges = [...index.all()].map((a) => [a.uri, a.actors.map((x) => [x.name, x.range])]);
    index.dispose();
    return { story, ranges, workers: used };
  };

  it('gives the same story, digests and ranges as analysing in the server thread', async () => {
    const inThread = await scan(0);
    const inWorkers = await scan(2);
    assert.equal(inThread.workers, 0);
    assert.equal(inWorkers.workers, 2, 'the scan ran in two worker threads');
    assert.equal(inWorkers.story.articles.length, 60);
    assert.deepEqual(inWorkers.story, inThread.story);
    assert.deepEqual(inWorkers.ranges.sort(), inThread.ranges.sort());
    assert.ok(!logs.some((m) => /could not start/.test(m)), logs.join('\n'));
  });

  it('keeps an open article’s unsaved text over its file', async () => {
    const file = path.join(dir, 'a-00.news');
    const text = ' date 2025-06-01 Ottoline Varga-Brennan opened the new ferry terminal on Sunday.\n';
    const { story } = await scan(1, { file, text });
    const appearance = story.actors.find((a) => a.name === 'Ottoline Varga-Brennan')?.appearances;
    assert.deepEqual(
      appearance?.map((a) => a.articleId),
      [pathToFileURL(file).toString()],
    );
  });
});
