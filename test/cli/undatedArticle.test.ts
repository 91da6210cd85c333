// `news-lens annotate` on an article without a date: relative dates come out
// null, and the output says why instead of looking clean.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('news-lens annotate: an article without a date', function () {
  this.timeout(180_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-undated-'));
  const undated = path.join(tmp, 'undated.news');
  fs.writeFileSync(undated, 'Dock workers in Valdora walked out last week. The union said on Monday that talks had failed last year.\n');
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('json: date null, relative dates null, and a no-article-date problem with the count and the fix', () => {
    const r = run(['annotate', undated]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '', 'the JSON format keeps stderr for errors');
    const record = JSON.parse(r.stdout);
    assert.equal(record.date, null);
    const nulls = record.dates.filter((d: { value: string | null }) => d.value === null);
    assert.ok(nulls.length >= 2);
    const problems = record.problems.filter((p: { code: string }) => p.code === 'no-article-date');
    assert.equal(problems.length, 1);
    assert.deepEqual(Object.keys(problems[0]), ['start', 'end', 'severity', 'code', 'message']);
    assert.equal(problems[0].severity, 'info');
    assert.match(problems[0].message, new RegExp(`${nulls.length} relative dates were left unresolved`));
    assert.match(problems[0].message, /--date/);
  });

  it('--date resolves them and the problem goes away', () => {
    const record = JSON.parse(run(['annotate', '--date', '2024-08-06', undated]).stdout);
    assert.deepEqual(record.problems, []);
    assert.ok(record.dates.every((d: { value: string | null }) => d.value !== null));
  });

  it('pretty: the same said once on stderr', () => {
    const r = run(['annotate', '--format', 'pretty', undated]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /undated\.news: The article has no date, so \d+ relative dates were left unresolved.*--date/);
    const dated = run(['annotate', '--format', 'pretty', '--date', '2024-08-06', undated]);
    assert.equal(dated.stderr, '');
  });
});
