// The story across articles through the built server (issue 16): newsLens/story for the
// workspace and for a folder, ranges that land on the mention, an unsaved edit updating
// the story, newsLens/compareArticles, and the hover's "also in N other articles".
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Hover, MarkupContent, Range } from 'vscode-languageserver-protocol';
import {
  type ArticleComparisonView,
  type CompareArticlesResult,
  StoryChangedNotification,
  type StoryChangedParams,
  type StoryDetail,
  type StoryEditResult,
  type StoryOutline,
  type StoryView,
} from '../../src/protocol';
import { AnnotationCommands } from '../../src/protocol/annotations';
import { fileUri, REPO_ROOT, TestClient } from './lspClient';

export const STORY_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'story-workspace');

/** A scratch copy of the invented story (three articles on a ferry strike, one unrelated), so nothing lands in the repo. */
export function copyStoryWorkspace(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(STORY_FIXTURES, dir, { recursive: true });
  return dir;
}

/** The text a range covers in a file on disk (LSP lines and UTF-16 characters). */
export function textAt(file: string, range: Range): string {
  const lines = fs.readFileSync(file, 'utf8').split(/\r\n|\n|\r/);
  if (range.start.line !== range.end.line) return `${lines[range.start.line].slice(range.start.character)}\n…`;
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

export async function indexedStory(client: TestClient, count: number, folder?: string): Promise<StoryView> {
  for (const until = Date.now() + 20_000; Date.now() < until;) {
    const story = await client.request<StoryView>('newsLens/story', folder ? { folder } : {});
    if (!story.indexing && story.articles.length === count) return story;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the story never reached ${count} articles`);
}

describe('the story across articles (built server)', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient;
  const changes: StoryChangedParams[] = [];
  const tejo = (name: string) => path.join(dir, 'tejo', name);

  before(async () => {
    dir = copyStoryWorkspace('news-lens-story-');
    ({ client } = await TestClient.start({ workspaceFolder: dir, initializationOptions: { commandLinks: true } }));
    client.connection.onNotification(StoryChangedNotification, (p) => changes.push(p));
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('merges an actor across articles (a bare surname finds the full name) and lists its articles in date order, each at its mention', async () => {
    const story = await indexedStory(client, 4);
    assert.deepEqual(
      story.articles.map((a) => path.basename(a.uri)),
      ['01-strike.news', '02-talks.news', '03-deal.news', 'storm.news'],
      'articles by date',
    );
    const ferreira = story.actors.find((a) => a.name === 'Joana Ferreira');
    assert.ok(ferreira, `no merged Joana Ferreira in ${story.actors.map((a) => a.name).join(', ')}`);
    assert.equal(ferreira.type, 'person');
    assert.equal(ferreira.articleCount, 3);
    assert.deepEqual(
      ferreira.appearances.map((a) => a.articleDate),
      ['2025-04-07', '2025-04-09', '2025-04-12'],
    );
    assert.equal(ferreira.appearances[1].name, 'Ferreira', 'the second article names her by surname only');
    for (const ap of ferreira.appearances) {
      const file = new URL(ap.uri);
      assert.equal(textAt(decodeURIComponent(file.pathname), ap.range), ap.name, `range in ${ap.uri}`);
    }
    assert.equal(story.actors[0].articleCount >= story.actors[story.actors.length - 1].articleCount, true, 'ranked by articles');
    assert.ok(story.actors.indexOf(ferreira) < story.actors.findIndex((a) => a.name === 'Paulo Mendes'), 'three articles rank above one');
  });

  it('gives a timeline ordered by the event’s own date, each event opening at its sentence, and quotes grouped by speaker', async () => {
    const story = await indexedStory(client, 4);
    assert.ok(story.timeline.length >= 3);
    const dated = story.timeline.map((e) => e.sortDate).filter((d): d is string => !!d);
    assert.deepEqual(dated, [...dated].sort(), 'timeline in date order');
    for (const e of story.timeline) {
      const file = decodeURIComponent(new URL(e.uri).pathname);
      assert.equal(textAt(file, e.range), e.text, 'the event range covers the event word');
      assert.ok(e.sentenceRange.start.line === e.range.start.line, 'the sentence is on the event’s line');
    }
    // "ended on Friday" in an article of Saturday 12 April: placed on its own date, the 11th, not the article's.
    const ended = story.timeline.find((e) => e.text === 'ended');
    assert.equal(ended?.articleDate, '2025-04-12');
    assert.equal(ended?.sortDate, '2025-04-11');
    const speaker = story.speakers.find((s) => s.name === 'Joana Ferreira');
    assert.ok(speaker, 'Joana Ferreira speaks');
    assert.equal(new Set(speaker.quotes.map((q) => q.uri)).size, 3, 'her quotes from all three articles');
    for (const q of speaker.quotes)
      assert.ok(textAt(decodeURIComponent(new URL(q.uri).pathname), q.range).includes(q.text.split(' ')[1]), 'quote range covers the quotation');
  });

  it('gives the Story view an outline, and the items under an actor, a speaker or a day when asked', async () => {
    const full = await indexedStory(client, 4);
    const outline = await client.request<StoryOutline>('newsLens/storyOutline', {});
    assert.deepEqual(
      outline.actors.map((a) => a.key),
      full.actors.map((a) => a.key),
      'the same ranking',
    );
    assert.ok(
      outline.actors.every((a) => !('appearances' in a)),
      'no appearances in the outline',
    );
    assert.deepEqual(outline.timeline, full.timeline, 'a short timeline comes whole');
    assert.equal(outline.eventCount, full.timeline.length);
    assert.equal(
      outline.days.reduce((n, d) => n + d.count, 0),
      full.timeline.length,
    );
    const joana = full.actors.find((a) => a.name === 'Joana Ferreira')!;
    const detail = await client.request<StoryDetail>('newsLens/storyDetail', { actorKey: joana.key });
    assert.deepEqual(detail.appearances, joana.appearances);
    const speaker = outline.speakers.find((s) => s.name === 'Joana Ferreira')!;
    assert.equal(speaker.quoteCount, 3);
    const quotes = await client.request<StoryDetail>('newsLens/storyDetail', { speakerId: speaker.id });
    assert.deepEqual(quotes.quotes, full.speakers.find((s) => s.name === 'Joana Ferreira')!.quotes);
    const day = outline.days[0];
    const events = await client.request<StoryDetail>('newsLens/storyDetail', { day: day.date ?? '' });
    assert.equal(events.events?.length, day.count);
    assert.ok(events.events!.every((e) => e.sortDate === day.date));
    assert.deepEqual(await client.request<StoryDetail>('newsLens/storyDetail', { actorKey: 'person:nobody' }), { appearances: [] });
  });

  it("the outline and every node's items are exactly the parts of the whole story", async () => {
    // The outline and the details are built straight from the story, not cut from the full view.
    const full = await indexedStory(client, 4);
    const outline = await client.request<StoryOutline>('newsLens/storyOutline', {});
    assert.deepEqual(outline.articles, full.articles);
    assert.deepEqual(
      outline.actors,
      full.actors.map(({ appearances: _appearances, ...actor }) => actor),
    );
    for (const actor of full.actors) {
      const detail = await client.request<StoryDetail>('newsLens/storyDetail', { actorKey: actor.key });
      assert.deepEqual(detail.appearances, actor.appearances, actor.name);
    }
    assert.equal(outline.speakers.length, full.speakers.length);
    for (const [i, speaker] of outline.speakers.entries()) {
      assert.equal(speaker.quoteCount, full.speakers[i].quotes.length);
      const detail = await client.request<StoryDetail>('newsLens/storyDetail', { speakerId: speaker.id });
      assert.deepEqual(detail.quotes, full.speakers[i].quotes, speaker.name);
    }
    for (const day of outline.days) {
      const detail = await client.request<StoryDetail>('newsLens/storyDetail', { day: day.date ?? '' });
      assert.deepEqual(
        detail.events,
        full.timeline.filter((e) => e.sortDate === day.date),
        String(day.date),
      );
    }
  });

  it('limits the story to a folder, and shows nothing for a folder outside the workspace', async () => {
    const story = await indexedStory(client, 3, fileUri(path.join(dir, 'tejo')));
    assert.ok(!story.articles.some((a) => a.uri.endsWith('storm.news')));
    assert.ok(!story.actors.some((a) => a.name === 'Rotterdam'));
    const outside = await client.request<StoryView>('newsLens/story', { folder: fileUri(os.tmpdir()) });
    assert.equal(outside.articles.length, 0);
  });

  it('updates the story from an unsaved edit, and notifies the client', async () => {
    await indexedStory(client, 4);
    const uri = fileUri(tejo('03-deal.news'));
    const text = fs.readFileSync(tejo('03-deal.news'), 'utf8').replace('Joana Ferreira called', 'Ana Lopes called').replace('Paulo Mendes', 'Rita Sousa');
    changes.length = 0;
    await client.open(uri, text);
    const story = await pollStory(client, (s) => s.actors.some((a) => a.name === 'Rita Sousa'));
    assert.ok(
      story.actors.some((a) => a.name === 'Rita Sousa'),
      'the unsaved name is in the story',
    );
    assert.ok(!story.actors.some((a) => a.name === 'Paulo Mendes'), 'the saved name is gone');
    for (const until = Date.now() + 5000; Date.now() < until && !changes.some((c) => c.uri === uri || c.uri === null);)
      await new Promise((r) => setTimeout(r, 50));
    assert.ok(
      changes.some((c) => c.uri === uri || c.uri === null),
      'newsLens/storyChanged was sent',
    );
    await client.close(uri);
    const back = await pollStory(client, (s) => s.actors.some((a) => a.name === 'Paulo Mendes'));
    assert.ok(!back.actors.some((a) => a.name === 'Rita Sousa'), 'closed unsaved: the file speaks again');
  });

  it('compares two articles: actors, dates and quotes in one and not the other, and the same speaker’s differing words', async () => {
    await indexedStory(client, 4);
    const result = await client.request<CompareArticlesResult>('newsLens/compareArticles', {
      a: fileUri(tejo('01-strike.news')),
      b: fileUri(tejo('02-talks.news')),
    });
    assert.ok(!('error' in result), JSON.stringify(result));
    const view = result as ArticleComparisonView;
    assert.ok(
      view.actors.onlyInB.some((a) => a.name === 'Ministry of Labour'),
      JSON.stringify(view.actors.onlyInB.map((a) => a.name)),
    );
    assert.ok(view.actors.onlyInA.some((a) => a.name === 'Tagus Ferry Workers Union'));
    assert.ok(
      view.actors.inBoth.some((p) => p.a.name === 'Joana Ferreira' && p.b.name === 'Ferreira'),
      'the surname is the same person',
    );
    assert.equal(textAt(tejo('02-talks.news'), view.actors.onlyInB.find((a) => a.name === 'Ministry of Labour')!.range), 'Ministry of Labour');
    // The fact-checker's case: the same remark by the same person, worded differently.
    const differing = view.quotes.differing.find((d) => d.speaker === 'Joana Ferreira');
    assert.ok(differing, `her two versions of one remark: ${JSON.stringify(view.quotes)}`);
    assert.match(differing.a.text, /will not return/);
    assert.match(differing.b.text, /will not go back/);
    assert.ok(view.dates.onlyInA.some((d) => d.value === '2025-04-07'));
    const other = await client.request<ArticleComparisonView>('newsLens/compareArticles', {
      a: fileUri(tejo('01-strike.news')),
      b: fileUri(tejo('03-deal.news')),
    });
    assert.equal(textAt(tejo('03-deal.news'), other.actors.onlyInB.find((a) => a.name === 'Paulo Mendes')!.range), 'Paulo Mendes');
    assert.equal(other.quotes.differing.length, 0, 'two different remarks are not one remark reworded');
    const bad = await client.request<CompareArticlesResult>('newsLens/compareArticles', {
      a: fileUri(tejo('01-strike.news')),
      b: fileUri(path.join(dir, 'missing.news')),
    });
    assert.ok('error' in bad && /missing\.news/.test(bad.error));
  });

  it('says in the hover where else an actor appears, through the merge, with links to each article at its mention', async () => {
    await indexedStory(client, 4);
    const file = tejo('02-talks.news');
    const text = fs.readFileSync(file, 'utf8');
    const uri = fileUri(file);
    await client.open(uri, text);
    await client.diagnosticsFor(uri);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('Ferreira said'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } });
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /Also in 2 other articles, first on 2025-04-07/);
    const link = /command:newsLens\.revealRange\?([^ )]+)/.exec(value);
    assert.ok(link, value);
    const [target, range] = JSON.parse(decodeURIComponent(link[1])) as [string, Range];
    assert.ok(target.endsWith('01-strike.news'), 'first link: the earliest article');
    assert.equal(textAt(tejo('01-strike.news'), range), 'Joana Ferreira');
    await client.close(uri);
  });
});

async function pollStory(client: TestClient, done: (s: StoryView) => boolean): Promise<StoryView> {
  let last: StoryView | null = null;
  for (const until = Date.now() + 10_000; Date.now() < until;) {
    last = await client.request<StoryView>('newsLens/story', {});
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last!;
}

describe('splitting and merging a cross-article actor writes the workspace lexicon (built server)', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient;
  const lexiconFile = () => path.join(dir, 'news-lens.lexicon.tsv');

  before(async () => {
    dir = copyStoryWorkspace('news-lens-story-edit-');
    ({ client } = await TestClient.start({ workspaceFolder: dir }));
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const ferreiraArticles = (story: StoryView) => story.actors.filter((a) => /Ferreira/.test(a.name)).map((a) => [a.name, a.articleCount]);

  it('"Split from…" keeps a name apart across the story, and "Merge into…" joins it again; both persist in the lexicon', async () => {
    const story = await indexedStory(client, 4);
    const joana = story.actors.find((a) => a.name === 'Joana Ferreira')!;
    const split = await client.request<StoryEditResult>('newsLens/storySplit', { actorKey: joana.key, name: 'Ferreira' });
    assert.ok(split.ok, split.message);
    assert.equal(split.file, lexiconFile());
    assert.match(fs.readFileSync(lexiconFile(), 'utf8'), /^Ferreira\tSeparate\tJoana Ferreira$/m);
    const apart = await pollStory(client, (s) => s.actors.some((a) => a.name === 'Ferreira'));
    assert.deepEqual(ferreiraArticles(apart).sort(), [
      ['Ferreira', 1],
      ['Joana Ferreira', 2],
    ]);

    // Splitting twice changes nothing and says so.
    const again = await client.request<StoryEditResult>('newsLens/storySplit', {
      actorKey: apart.actors.find((a) => a.name === 'Joana Ferreira')!.key,
      name: 'Ferreira',
    });
    assert.equal(again.ok, false, 'Ferreira is no longer a name of hers');

    // A Separate line is a lexicon line: "Always treat … as" still adds to the file.
    const uri = fileUri(path.join(dir, 'tejo', '02-talks.news'));
    await client.open(uri, fs.readFileSync(path.join(dir, 'tejo', '02-talks.news'), 'utf8'));
    const added = await client.request<{ ok: boolean; message: string }>('workspace/executeCommand', {
      command: AnnotationCommands.addToLexicon,
      arguments: [{ uri, text: 'Tejo Ferry Company', label: 'organization' }],
    });
    assert.ok(added.ok, added.message);
    await client.close(uri);

    const from = apart.actors.find((a) => a.name === 'Ferreira')!;
    const into = apart.actors.find((a) => a.name === 'Joana Ferreira')!;
    const merged = await client.request<StoryEditResult>('newsLens/storyMerge', { fromKey: from.key, intoKey: into.key });
    assert.ok(merged.ok, merged.message);
    const lexicon = fs.readFileSync(lexiconFile(), 'utf8');
    assert.doesNotMatch(lexicon, /Separate/, 'the merge undoes the split');
    assert.match(lexicon, /^Ferreira\tSame\tJoana Ferreira$/m);
    assert.match(lexicon, /^Tejo Ferry Company\tOrganization$/m, 'the other line is kept');
    const together = await pollStory(client, (s) => ferreiraArticles(s).length === 1);
    assert.deepEqual(ferreiraArticles(together), [['Joana Ferreira', 3]]);
  });

  it('refuses a merge of a person into an organisation, and a folder outside the workspace, writing nothing', async () => {
    const before = fs.readFileSync(lexiconFile(), 'utf8');
    const story = await indexedStory(client, 4);
    const person = story.actors.find((a) => a.type === 'person')!;
    const org = story.actors.find((a) => a.type === 'organization')!;
    const refused = await client.request<StoryEditResult>('newsLens/storyMerge', { fromKey: person.key, intoKey: org.key });
    assert.equal(refused.ok, false);
    assert.match(refused.message, /person merges only with a person/);
    const outside = await client.request<StoryEditResult>('newsLens/storySplit', { folder: fileUri(os.tmpdir()), actorKey: person.key, name: 'x' });
    assert.equal(outside.ok, false);
    assert.match(outside.message, /not inside the workspace/);
    assert.equal(fs.readFileSync(lexiconFile(), 'utf8'), before);
  });
});

describe('split and merge in Restricted Mode (built server)', function () {
  this.timeout(60_000);
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = copyStoryWorkspace('news-lens-story-untrusted-');
    ({ client } = await TestClient.start({ workspaceFolder: dir, initializationOptions: { workspaceTrusted: false } }));
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the story but writes no lexicon until the workspace is trusted', async () => {
    const story = await indexedStory(client, 4);
    const joana = story.actors.find((a) => a.name === 'Joana Ferreira')!;
    const split = await client.request<StoryEditResult>('newsLens/storySplit', { actorKey: joana.key, name: 'Ferreira' });
    assert.equal(split.ok, false);
    assert.match(split.message, /not trusted \(Restricted Mode\)/);
    const paulo = story.actors.find((a) => a.name === 'Paulo Mendes')!;
    const merge = await client.request<StoryEditResult>('newsLens/storyMerge', { fromKey: paulo.key, intoKey: joana.key });
    assert.equal(merge.ok, false);
    assert.equal(fs.existsSync(path.join(dir, 'news-lens.lexicon.tsv')), false);
    assert.equal((await indexedStory(client, 4)).actors.find((a) => a.name === 'Joana Ferreira')?.articleCount, 3, 'the story is unchanged');
  });
});
