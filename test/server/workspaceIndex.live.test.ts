// The workspace index in process: an open article counts with its unsaved text, and its
// saved file takes over again when it is closed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeArticle } from '../../src/analysis';
import { DEFAULT_SERVER_SETTINGS } from '../../src/protocol';
import { StoryService } from '../../src/server/storyService';
import { WorkspaceIndex } from '../../src/server/workspaceIndex';

describe('workspace index: open articles from their live analysis', () => {
  let dir: string;
  let file: string;
  let index: WorkspaceIndex;
  const saved = ' date 2025-03-14 Claire Morel, the mayor of Lyon, opened the new bridge on Friday.\n';
  const edited = ' date 2025-03-14 Ade Okafor, the governor of Lagos, opened the new bridge on Friday.\n';
  const mentioning = (name: string) => index.articlesMentioning({ type: 'person', name, aliases: [] });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-index-'));
    file = path.join(dir, 'bridge.news');
    fs.writeFileSync(file, saved);
    fs.writeFileSync(path.join(dir, 'other.news'), ' date 2025-03-15 Claire Morel spoke again on Saturday.\n');
    index = new WorkspaceIndex(
      () => [dir],
      () => DEFAULT_SERVER_SETTINGS,
      () => undefined,
    );
    await index.rescan();
  });
  afterEach(() => {
    index.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts an open article by its unsaved text, not by its file, and by the file again once closed', async () => {
    assert.equal(mentioning('Claire Morel'), 2);
    assert.equal(mentioning('Ade Okafor'), 0);
    index.setLive(file, pathToFileURL(file).toString(), analyzeArticle(edited), edited);
    assert.equal(mentioning('Ade Okafor'), 1, 'the unsaved edit counts');
    assert.equal(mentioning('Claire Morel'), 1, 'only the other article still names her');
    // A watcher event or a rescan while it is open leaves the live version alone.
    await index.update(file);
    await index.rescan();
    assert.equal(mentioning('Ade Okafor'), 1);
    assert.equal(mentioning('Claire Morel'), 1);
    await index.endLive(file);
    assert.equal(mentioning('Ade Okafor'), 0, 'closed without saving: the file speaks again');
    assert.equal(mentioning('Claire Morel'), 2);
  });

  it('leaves out an article opened from outside the workspace folders', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-elsewhere-'));
    const outside = path.join(elsewhere, 'note.news');
    fs.writeFileSync(outside, edited);
    try {
      index.setLive(outside, pathToFileURL(outside).toString(), analyzeArticle(edited), edited);
      assert.equal(mentioning('Ade Okafor'), 0);
      await index.endLive(outside);
      await index.update(outside);
      assert.equal(mentioning('Ade Okafor'), 0, 'nor from disk once closed');
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('story service: the story actor of an article the index does not hold', () => {
  let dir: string;
  let index: WorkspaceIndex;
  let service: StoryService;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-story-'));
    fs.writeFileSync(path.join(dir, 'bridge.news'), ' date 2025-03-14 Claire Morel, the mayor of Lyon, opened the new bridge on Friday.\n');
    fs.writeFileSync(path.join(dir, 'again.news'), ' date 2025-03-15 Claire Morel spoke again in Lyon on Saturday.\n');
    index = new WorkspaceIndex(
      () => [dir],
      () => DEFAULT_SERVER_SETTINGS,
      () => undefined,
    );
    await index.rescan();
    service = new StoryService({
      index,
      getFolders: () => [dir],
      lexiconFor: () => null,
      editLexicon: () => ({ ok: false, message: 'read-only' }),
      openArticle: async () => null,
    });
  });
  after(() => {
    index.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const elsewhere = 'file:///outside/notes.news';
  it('finds it by a name or alias written with other case and punctuation, of the same kind only', () => {
    assert.equal(service.storyActorOf(elsewhere, { type: 'person', name: 'CLAIRE  MOREL!', aliases: [] })?.name, 'Claire Morel');
    assert.equal(service.storyActorOf(elsewhere, { type: 'person', name: 'the mayor', aliases: ['claire-morel'] })?.name, 'Claire Morel');
    assert.equal(service.storyActorOf(elsewhere, { type: 'organization', name: 'Claire Morel', aliases: [] }), null);
    assert.equal(service.storyActorOf(elsewhere, { type: 'person', name: 'ClaireMorel', aliases: [] }), null, 'words stay apart');
  });
});
