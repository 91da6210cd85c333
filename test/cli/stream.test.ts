// `news-lens annotate --stdin`: JSONL in, JSONL out, one object a line with the
// same id, in input order; bad lines become error objects and the stream goes
// on; memory stays flat over a long stream. Spawns the built dist/cli.js.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateSentence, seededRandom } from '../fixtures/generateArticle';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

type Json = any;

function runStream(input: string | Buffer, args: string[] = []) {
  const r = spawnSync(process.execPath, [CLI, 'annotate', '--stdin', ...args], { cwd: REPO, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return {
    code: r.status,
    stderr: r.stderr,
    stdout: r.stdout,
    records: r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Json),
  };
}

describe('news-lens annotate --stdin (JSONL stream)', function () {
  this.timeout(300_000);
  before(() => assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run npm run build'));

  it('one output object a line, the same ids in input order, each the file contract plus "id"', () => {
    const docs = [
      { id: 'a1', text: 'The mayor of Lisbon spoke last year.', date: '2024-08-06' },
      { id: 7, text: 'Dock workers in Rotterdam walked out on Friday.' },
      { id: 'c3', text: '' },
    ];
    const r = runStream(docs.map((d) => JSON.stringify(d)).join('\n') + '\n', ['--date', '2025-03-14']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(
      r.records.map((x) => x.id),
      ['a1', 7, 'c3'],
    );
    for (const record of r.records) {
      assert.deepEqual(Object.keys(record), ['id', 'file', 'date', 'title', 'entities', 'actors', 'dates', 'events', 'quotes', 'problems']);
    }
    const [lisbon, rotterdam] = r.records;
    assert.equal(lisbon.date, '2024-08-06', "the line's own date wins");
    assert.equal(lisbon.dates.find((d: Json) => d.text === 'last year')?.value, '2023');
    assert.equal(lisbon.entities[0].text, 'Lisbon');
    assert.equal(docs[0].text.slice(lisbon.entities[0].start, lisbon.entities[0].end), 'Lisbon', "offsets index the line's text");
    assert.equal(rotterdam.date, '2025-03-14', '--date for lines without one');
    assert.equal(rotterdam.dates[0].value, '2025-03-14');
  });

  it('a malformed line or a failed document gives an error object for it, and the stream goes on', () => {
    const lines = [
      JSON.stringify({ id: 'ok1', text: 'Officials in Nairobi met on Monday.', date: '2024-08-06' }),
      '{"id": "broken", "text": "unterminated',
      '',
      '[1, 2]',
      JSON.stringify({ id: 'no-text' }),
      JSON.stringify({ id: 'nul', text: 'binary\u0000junk' }),
      JSON.stringify({ id: { nested: true }, text: 'An object is no id.' }),
      JSON.stringify({ id: 'bad-date-type', text: 'Lagos.', date: 20240806 }),
      JSON.stringify({ id: 'ok2', text: 'The union in Geneva agreed.', extra: 'ignored' }),
    ];
    const invalidUtf8 = Buffer.concat([Buffer.from('{"id": "latin1", "text": "Caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]);
    const r = runStream(Buffer.concat([Buffer.from(lines.join('\n') + '\n'), invalidUtf8, Buffer.from(JSON.stringify({ id: 'last', text: 'Cairo.' }))]));
    assert.equal(r.code, 0, 'bad lines are data (error objects), not a failed run');
    const summary = r.records.map((x) => (x.error ? `${x.id}@${x.line ?? ''}:${x.error.code}` : `${x.id}`));
    assert.deepEqual(summary, [
      'ok1',
      'null@2:invalid-json',
      // line 3 is blank: skipped, no output
      'null@4:invalid-json',
      'no-text@:invalid-document',
      'nul@:binary',
      'null@7:invalid-document',
      'bad-date-type@:invalid-document',
      'ok2',
      'null@10:invalid-utf8',
      'last',
    ]);
    for (const x of r.records.filter((x) => x.error)) {
      // The line number only where there is no id: with one, the object is the same however the stream was split.
      assert.deepEqual(Object.keys(x), x.id === null ? ['id', 'line', 'error'] : ['id', 'error']);
      assert.deepEqual(Object.keys(x.error), ['code', 'message']);
      assert.ok(x.error.message.length > 10);
    }
    assert.equal(r.stderr.trim().split('\n').length, 8, 'one stderr line per error, then the count');
    assert.match(r.stderr, /7 of 11 lines gave an error object/);
    assert.match(r.stderr, /stdin line 5 \(id "no-text"\): "text" is missing/);
  });

  it('an invalid "date" string is not fatal: annotated without it, with a problem saying so', () => {
    const r = runStream(JSON.stringify({ id: 'd', text: 'Officials in Lagos met last week.', date: '2024-13-45' }) + '\n');
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.records[0].problems.some((p: Json) => p.code === 'invalid-reference-date'));
  });

  it('usage: --stdin takes no files, --out-dir or other formats', () => {
    for (const args of [['x.news'], ['--format', 'pretty'], ['--out-dir', 'out']]) {
      const r = spawnSync(process.execPath, [CLI, 'annotate', '--stdin', ...args], { cwd: REPO, input: '', encoding: 'utf8' });
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /--stdin/);
    }
  });

  it('memory stays flat over a long stream (20,000 documents, 320 MB in), and results come out while input goes in', async function () {
    if (!fs.existsSync('/proc/self/status')) this.skip(); // RSS is read from /proc (Linux)
    const DOCS = 20_000;
    // Few distinct texts, so the paragraph cache keeps analysis cheap; a 16 KB field the
    // CLI ignores makes any buffering of the input show up in the process's memory.
    const rand = seededRandom(11);
    const texts = Array.from({ length: 200 }, () => `${generateSentence(rand)} ${generateSentence(rand)}`);
    const pad = 'x'.repeat(16_000);
    const child = spawn(process.execPath, [CLI, 'annotate', '--stdin', '--date', '2024-08-06'], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    let written = 0;
    let writeDone = false;
    const feed = () => {
      while (written < DOCS) {
        const line = JSON.stringify({ id: `doc-${written}`, pad, text: texts[written % texts.length] }) + '\n';
        written++;
        if (!child.stdin.write(line)) return void child.stdin.once('drain', feed);
      }
      writeDone = true;
      child.stdin.end();
    };
    child.stdin.on('error', () => undefined);
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let received = 0;
    let partial = '';
    let firstOutputWhileWriting = false;
    let orderOk = true;
    const samples: Array<[number, number]> = [];
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (partial + chunk).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (received === 0) firstOutputWhileWriting = !writeDone;
        const { id } = JSON.parse(line);
        if (id !== `doc-${received}`) orderOk = false;
        received++;
        if (received % 1000 === 0) samples.push([received, rss()]);
      }
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    feed();
    const code = await exited;
    assert.equal(code, 0, stderr);
    assert.equal(received, DOCS);
    assert.ok(orderOk, 'ids come back in input order');
    assert.ok(firstOutputWhileWriting, 'the first result comes out before the input has all been written (streaming, not slurping)');
    // After a warm-up (caches filled, code compiled), RSS must not keep growing with the stream.
    const warm = samples.filter(([n]) => n >= DOCS / 4);
    const baseline = warm[0][1];
    const peak = Math.max(...warm.map(([, mb]) => mb));
    assert.ok(
      peak - baseline < 60,
      `RSS grew from ${baseline.toFixed(0)} MB at ${warm[0][0]} documents to ${peak.toFixed(0)} MB: ${samples.map(([n, mb]) => `${n}:${mb.toFixed(0)}`).join(' ')}`,
    );
  });
});
