// CLI tests: spawn the BUILT dist/cli.js as a user would and check the JSON
// contract (docs/cli-json-contract.md), exit codes and messages.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const SAMPLES = ['samples/rotterdam-dock-strike.news', 'samples/kenya-drought-crops.md', 'samples/lyon-river-roads.txt'];
const RECORD_KEYS = ['file', 'date', 'title', 'entities', 'actors', 'dates', 'events', 'quotes', 'problems'];

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stdout.split('\n').filter(Boolean) };
}

type Json = any;

describe('news-lens annotate (CLI)', function () {
  // Each test spawns Node processes; on a loaded 2-core CI machine that alone can take many seconds.
  this.timeout(180_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-cli-'));
  const write = (name: string, content: string | Buffer) => {
    const p = path.join(tmp, name);
    fs.writeFileSync(p, content);
    return p;
  };
  before(() => assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run npm run build'));
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints one JSON object per file, one per line, with the documented fields', () => {
    const r = run(['annotate', ...SAMPLES]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.lines.length, 3);
    r.lines.forEach((line, i) => {
      const record: Json = JSON.parse(line);
      assert.deepEqual(Object.keys(record), RECORD_KEYS);
      assert.equal(record.file, SAMPLES[i], 'the path as given');
      const text = fs.readFileSync(path.join(REPO, SAMPLES[i]), 'utf8');
      const actorIds = new Set(record.actors.map((a: Json) => a.id));
      assert.ok(record.entities.length > 0);
      for (const e of record.entities) {
        assert.deepEqual(Object.keys(e), ['start', 'end', 'text', 'type', 'actor', 'source', 'evidence']);
        assert.equal(text.slice(e.start, e.end), e.text, 'offsets index the text');
        assert.ok(['person', 'organization', 'place', 'nationality'].includes(e.type));
        assert.ok(actorIds.has(e.actor), `entity ${e.text} points at a listed actor`);
        assert.ok(['auto', 'user'].includes(e.source));
      }
      for (const a of record.actors) {
        assert.deepEqual(Object.keys(a), ['id', 'name', 'type', 'aliases', 'mentions']);
        assert.ok(Array.isArray(a.aliases));
        for (const m of a.mentions) assert.ok(Array.isArray(m) && m.length === 2 && m[0] < m[1]);
      }
      for (const d of record.dates) {
        assert.deepEqual(Object.keys(d), ['start', 'end', 'text', 'type', 'value']);
        assert.equal(text.slice(d.start, d.end), d.text);
        assert.ok(['DATE', 'TIME', 'DURATION', 'SET'].includes(d.type));
      }
      for (const ev of record.events) {
        assert.deepEqual(Object.keys(ev), [
          'start',
          'end',
          'text',
          'class',
          'actors',
          'place',
          'date',
          'sentence',
          'summary',
          'agent',
          'agentText',
          'patient',
          'patientText',
          'articleDate',
          'notable',
        ]);
        assert.equal(text.slice(ev.start, ev.end), ev.text);
        assert.ok(ev.sentence[0] <= ev.start && ev.end <= ev.sentence[1]);
        assert.ok(typeof ev.summary === 'string' && ev.summary.length >= ev.text.length, 'a summary holds at least its trigger');
        assert.ok(ev.agent === null || actorIds.has(ev.agent));
        assert.ok(ev.patient === null || actorIds.has(ev.patient));
        assert.ok(ev.articleDate === null || ev.date === null, 'the article date never stands in for a date of the text');
        assert.equal(typeof ev.notable, 'boolean');
      }
      for (const q of record.quotes) assert.deepEqual(Object.keys(q), ['start', 'end', 'speaker', 'speakerText']);
    });
    const [news, md, txt] = r.lines.map((l) => JSON.parse(l));
    assert.equal(news.date, '2025-03-14');
    assert.equal(md.date, '2024-11-02');
    assert.equal(md.title, 'Drought pushes Kenyan farmers from maize to sorghum');
    assert.equal(txt.date, '2023-06-20');
    assert.equal(news.dates.find((d: Json) => d.text === 'last year')?.value, '2024');
    const walked = news.events.find((e: Json) => e.text === 'walked');
    assert.ok(walked && /workers in Rotterdam walked off the job$/.test(walked.summary), `walked reads as a clause: ${walked?.summary}`);
    assert.equal(walked.date, '2025-03-14', 'governed by "on Friday"');
    // Actors are ranked by mentions, and each lists exactly the entities that point at it.
    for (let i = 1; i < news.actors.length; i++) assert.ok(news.actors[i - 1].mentions.length >= news.actors[i].mentions.length);
    for (const a of news.actors) {
      const own = news.entities.filter((e: Json) => e.actor === a.id).map((e: Json) => [e.start, e.end]);
      for (const m of a.mentions)
        assert.ok(
          own.some((o: number[]) => o[0] === m[0] && o[1] === m[1]),
          `${a.name} mention ${m}`,
        );
    }
  });

  it('--date overrides the article date for relative dates', () => {
    const r = run(['annotate', '--date', '2024-08-06', SAMPLES[0]]);
    assert.equal(r.code, 0, r.stderr);
    const record: Json = JSON.parse(r.lines[0]);
    assert.equal(record.date, '2024-08-06');
    assert.equal(record.dates.find((d: Json) => d.text === 'last year')?.value, '2023');
    const eq = run(['annotate', '--date=2030-01-01', SAMPLES[0]]);
    assert.equal(JSON.parse(eq.lines[0]).date, '2030-01-01');
  });

  it('an unreadable file: a clear message, exit 1, the other files still annotated', () => {
    const missing = path.join(tmp, 'no-such-article.news');
    const r = run(['annotate', SAMPLES[0], missing, tmp, SAMPLES[2]]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, new RegExp(`cannot read ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no such file`));
    assert.match(r.stderr, /it is a directory/);
    assert.deepEqual(
      r.lines.map((l) => JSON.parse(l).file),
      [SAMPLES[0], SAMPLES[2]],
    );
  });

  it('binary files (NUL bytes, invalid UTF-8) are refused with a message and exit 1', () => {
    const png = write('picture.news', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const latin1 = write('latin1.txt', Buffer.from(' date 2024-08-06 Caf\xe9 owners in Lyon protested.\n', 'latin1'));
    const r = run(['annotate', png, latin1, SAMPLES[2]]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /picture\.news: binary file/);
    assert.match(r.stderr, /latin1\.txt: not valid UTF-8/);
    assert.equal(r.lines.length, 1);
  });

  it('an empty file gives a valid empty result', () => {
    const empty = write('empty.news', '');
    const r = run(['annotate', empty]);
    assert.equal(r.code, 0, r.stderr);
    const record: Json = JSON.parse(r.lines[0]);
    assert.deepEqual(record, { file: empty, date: null, title: null, entities: [], actors: [], dates: [], events: [], quotes: [], problems: [] });
  });

  it('a malformed dateline is reported in problems, not fatal', () => {
    const file = write('bad-date.news', ' date 2024-13-45 Officials in Lagos said last year was hard.\n');
    const r = run(['annotate', file]);
    assert.equal(r.code, 0, r.stderr);
    const record: Json = JSON.parse(r.lines[0]);
    assert.equal(record.date, null);
    assert.ok(record.problems.some((p: Json) => p.code === 'malformed-dateline' && p.severity === 'warning'));
    assert.ok(record.entities.length > 0, 'entities are still found');
  });

  it('CRLF and emoji: offsets are UTF-16 code units into the text as given', () => {
    const text = ' date 2024-08-06 🎉 Crowds in Lisbon cheered.\r\n\r\nOfficials from Switzerland 😀 met in Zürich last year.\r\n';
    const file = write('emoji-crlf.news', text);
    const r = run(['annotate', file]);
    assert.equal(r.code, 0, r.stderr);
    const record: Json = JSON.parse(r.lines[0]);
    for (const e of record.entities) assert.equal(text.slice(e.start, e.end), e.text);
    for (const d of record.dates) assert.equal(text.slice(d.start, d.end), d.text);
    const lisbon = record.entities.find((e: Json) => e.text === 'Lisbon');
    assert.equal(lisbon?.start, text.indexOf('Lisbon'));
    assert.equal(record.dates.find((d: Json) => d.text === 'last year')?.value, '2023');
  });

  it('a 10 MB file is refused with a message, and does not stop the others', () => {
    const paragraph = 'Officials in Lagos said the talks with Ghana would resume next week. ';
    const big = write('huge.txt', ` date 2024-08-06 ${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}`);
    const r = run(['annotate', big, SAMPLES[2]]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /huge\.txt: .*not analysed/);
    assert.equal(r.lines.length, 1);
    assert.equal(JSON.parse(r.lines[0]).file, SAMPLES[2]);
  });

  it('reads stdin for "-"', () => {
    const r = run(['annotate', '-'], ' date 2024-08-06 The mayor of Lisbon spoke last year.\n');
    assert.equal(r.code, 0, r.stderr);
    const record: Json = JSON.parse(r.lines[0]);
    assert.equal(record.file, '-');
    assert.equal(record.date, '2024-08-06');
    assert.equal(record.dates.find((d: Json) => d.text === 'last year')?.value, '2023');
  });

  it('--format pretty shows the text with entities marked, then actors and dates', () => {
    const record: Json = JSON.parse(run(['annotate', SAMPLES[2]]).lines[0]);
    const r = run(['annotate', '--format', 'pretty', SAMPLES[2]]);
    assert.equal(r.code, 0, r.stderr);
    const labels: Record<string, string> = { person: 'PERSON', organization: 'ORG', place: 'PLACE', nationality: 'NAT' };
    const first = record.entities[0];
    assert.ok(r.stdout.includes(`[${first.text}]${labels[first.type]}`), 'entities marked with their kind');
    assert.ok(r.stdout.includes('[date 2023-06-20]DATE'), 'the dateline is marked');
    const [body, lists] = r.stdout.split('Actors (most mentioned first)');
    assert.ok(lists, 'an actors section follows the text');
    assert.ok(body.includes('The council will publish a detailed timetable'), 'the article text is shown');
    for (const a of record.actors) assert.ok(lists.includes(` ${a.name} `), a.name);
    for (const d of record.dates) assert.ok(lists.includes(` ${d.text}  → ${d.value ?? '?'}`), d.text);
    assert.doesNotMatch(r.stdout, /\x1b\[/, 'no colour codes when NO_COLOR is set / not a TTY');
    const colored = run(['annotate', '--format', 'pretty', '--color', SAMPLES[2]]);
    assert.ok(colored.stdout.includes(`m${first.text}\x1b[0m`), 'coloured spans with --color');
  });

  it('usage errors exit 2 with a message; --help and --version exit 0', () => {
    for (const args of [
      ['annotate'],
      ['annotate', '--date', '2024-02-30', SAMPLES[0]],
      ['annotate', '--format', 'xml', SAMPLES[0]],
      ['annotate', '--bogus', SAMPLES[0]],
      ['frobnicate'],
      [],
    ]) {
      const r = run(args);
      assert.equal(r.code, 2, `${args.join(' ')} → ${r.code}`);
      assert.ok(r.stderr.length > 0);
      assert.equal(r.stdout, '');
    }
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /news-lens annotate/);
    const annotateHelp = run(['annotate', '--help']);
    assert.equal(annotateHelp.code, 0);
    assert.match(annotateHelp.stdout, /--format NAME/);
    const version = run(['--version']);
    assert.equal(version.code, 0);
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
  });
});
