// `news-lens story`: spawn the BUILT dist/cli.js on our invented story (test/fixtures/story)
// and check the JSON contract (docs/cli-json-contract.md), the Markdown and the errors.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const FIXTURES = 'test/fixtures/story';

function run(args: string[], cwd = REPO) {
  const r = spawnSync(process.execPath, [CLI, 'story', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

type Json = any;

describe('news-lens story (CLI)', function () {
  this.timeout(180_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-story-'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("json (the default): one object with the contract's fields, actors merged across the articles", () => {
    const r = run([FIXTURES]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout.trim().split('\n').length, 1, 'one line');
    const story: Json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(story), ['articles', 'actors', 'timeline', 'speakers']);
    assert.deepEqual(
      story.articles.map((a: Json) => [a.file, a.date]),
      [
        [`${FIXTURES}/01-dam-contract.news`, '2025-03-02'],
        [`${FIXTURES}/02-protest.news`, '2025-03-05'],
        [`${FIXTURES}/03-inquiry.news`, '2025-03-10'],
        [`${FIXTURES}/04-brenner.news`, '2025-03-12'],
      ],
    );
    for (const a of story.articles) assert.deepEqual(Object.keys(a), ['file', 'date', 'title']);
    for (const a of story.actors) {
      assert.deepEqual(Object.keys(a), ['key', 'name', 'type', 'aliases', 'articleCount', 'mentionCount', 'appearances']);
      for (const p of a.appearances) assert.deepEqual(Object.keys(p), ['file', 'date', 'name', 'mentionCount', 'first', 'line', 'sentence']);
    }
    for (const e of story.timeline)
      assert.deepEqual(Object.keys(e), ['file', 'articleDate', 'sortDate', 'date', 'start', 'end', 'line', 'text', 'class', 'summary', 'agent', 'sentence']);
    for (const s of story.speakers) {
      assert.deepEqual(Object.keys(s), ['actor', 'name', 'quotes']);
      for (const q of s.quotes) assert.deepEqual(Object.keys(q), ['file', 'articleDate', 'start', 'end', 'line', 'text', 'speaker', 'speakerText']);
    }
    const varga = story.actors.find((a: Json) => a.key === 'person:lidia varga');
    assert.deepEqual(
      varga.appearances.map((p: Json) => p.name),
      ['Lidia Varga', 'Varga', 'Lidia Varga'],
    );
    // Offsets and lines point into the article as a user opens it.
    const protest = fs.readFileSync(path.join(REPO, FIXTURES, '02-protest.news'), 'utf8');
    const bare = varga.appearances[1];
    assert.equal(protest.slice(bare.first[0], bare.first[1]), 'Varga');
    assert.equal(protest.split('\n')[bare.line - 1].includes('Varga defended the project'), true);
    assert.equal(story.timeline[0].summary, 'Nordvik Hydro paid a deposit');
    assert.equal(story.speakers[0].actor, 'person:lidia varga');
  });

  it('md: actors across articles, timeline and quotes by speaker, readable', () => {
    const r = run(['--format', 'md', FIXTURES]);
    assert.equal(r.code, 0, r.stderr);
    const sections = r.stdout.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(sections, ['## Articles', '## Actors across articles', '## Timeline', '## Quotes by speaker']);
    assert.match(r.stdout, /- \*\*Lidia Varga\*\* \(person; also Varga\): 3 articles, 4 mentions/);
    assert.match(r.stdout, /`test\/fixtures\/story\/02-protest\.news:5` as Varga: Varga defended the project\./);
    assert.match(r.stdout, /- 2025-02-20: Nordvik Hydro paid a deposit \(`test\/fixtures\/story\/03-inquiry\.news:5`\)/);
    assert.match(r.stdout, /### Lidia Varga \(2 quotes\)\n\n- 2025-03-02 [^\n]*“This dam will light up the north within three years”/);
  });

  it('uses the lexicon in the folder (or --lexicon): a merge written there joins the bare surname', () => {
    const dir = path.join(tmp, 'with-lexicon');
    fs.mkdirSync(dir);
    for (const f of fs.readdirSync(path.join(REPO, FIXTURES))) fs.copyFileSync(path.join(REPO, FIXTURES, f), path.join(dir, f));
    const before: Json = JSON.parse(run([dir]).stdout);
    assert.ok(before.actors.some((a: Json) => a.name === 'Brenner'));
    fs.writeFileSync(path.join(dir, 'news-lens.lexicon.tsv'), 'Brenner\tSame\tTomas Brenner\nVarga\tSeparate\tLidia Varga\n');
    const r = run([dir]);
    assert.equal(r.code, 0, r.stderr);
    const after: Json = JSON.parse(r.stdout);
    assert.ok(!after.actors.some((a: Json) => a.name === 'Brenner'));
    assert.ok(after.actors.find((a: Json) => a.name === 'Tomas Brenner').appearances.some((p: Json) => p.file.endsWith('02-protest.news')));
    // The merge is the story's: Paul and Anna Brenner keep their own names in their articles.
    assert.deepEqual(
      after.actors
        .filter((a: Json) => /Brenner/.test(a.name))
        .map((a: Json) => a.name)
        .sort(),
      ['Anna Brenner', 'Paul Brenner', 'Tomas Brenner'],
    );
    assert.deepEqual(
      after.actors.find((a: Json) => a.name === 'Varga').appearances.map((p: Json) => path.basename(p.file)),
      ['02-protest.news'],
    );
  });

  it('walks subfolders, takes prose files only with a dateline, skips hidden folders', () => {
    const dir = path.join(tmp, 'walk');
    fs.mkdirSync(path.join(dir, 'week1'), { recursive: true });
    fs.mkdirSync(path.join(dir, '.trash'));
    fs.writeFileSync(path.join(dir, 'week1', 'a.txt'), ' date 2025-01-02 Mayor Ines Duval opened the bridge in Corvel.\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'Call Duval about the bridge.\n');
    fs.writeFileSync(path.join(dir, '.trash', 'old.news'), ' date 2024-01-01 Duval resigned.\n');
    fs.writeFileSync(path.join(dir, 'b.news'), ' date 2025-01-05 Duval closed the bridge.\n');
    const r = run([dir]);
    assert.equal(r.code, 0, r.stderr);
    const story: Json = JSON.parse(r.stdout);
    assert.deepEqual(
      story.articles.map((a: Json) => path.relative(dir, a.file)),
      [path.join('week1', 'a.txt'), 'b.news'],
    );
  });

  it('--date dates the articles that have none, and only those', () => {
    const dir = path.join(tmp, 'undated');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'a.news'), 'Mayor Ines Duval opened the bridge in Corvel on Monday.\n');
    fs.writeFileSync(path.join(dir, 'b.news'), ' date 2025-01-05 Duval closed the bridge.\n');
    const story: Json = JSON.parse(run(['--date', '2025-02-01', dir]).stdout);
    assert.deepEqual(
      story.articles.map((a: Json) => [path.basename(a.file), a.date]),
      [
        ['b.news', '2025-01-05'],
        ['a.news', '2025-02-01'],
      ],
    );
  });

  it('errors: no folder, a missing folder, a folder without articles, bad options', () => {
    let r = run([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no folder given/);
    r = run([path.join(tmp, 'missing')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /missing: no such folder/);
    assert.equal(r.stdout, '');
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(empty);
    fs.writeFileSync(path.join(empty, 'readme.md'), '# Not an article\n');
    r = run([empty]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no articles in .*empty/);
    assert.equal(r.stdout, '');
    r = run(['--format', 'html', FIXTURES]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown format "html"/);
    r = run(['--date', '2025-02-30', FIXTURES]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /not a valid YYYY-MM-DD date/);
    r = run(['--lexicon', path.join(tmp, 'nope.tsv'), FIXTURES]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read the lexicon/);
    // A missing folder next to a good one: the good one's story is still printed.
    r = run([FIXTURES, path.join(tmp, 'missing')]);
    assert.equal(r.code, 1);
    assert.equal(JSON.parse(r.stdout).articles.length, 4);
  });
});
