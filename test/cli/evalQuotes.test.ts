// Quote attribution on the project's own quote gold (test/fixtures/quotes: invented
// articles), through the scorer and through the built CLI as a user runs it.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readQuoteGold, scoreQuotes } from '../../src/cli/evalQuotes';

const REPO = path.resolve(__dirname, '../../..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const GOLD = path.join(REPO, 'test', 'fixtures', 'quotes', 'gold.json');

function run(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

describe('news-lens eval --quotes (own quote gold)', () => {
  it('finds every gold quotation once, lists no scare quote, and gets at least 90% of the speakers right', () => {
    const scores = scoreQuotes(readQuoteGold(GOLD), path.dirname(GOLD));
    assert.equal(scores.articles, 8);
    assert.equal(scores.detection.gold, 28);
    assert.equal(scores.detection.tp, 28, `missed: ${JSON.stringify(scores.misses)}`);
    assert.equal(scores.scareQuotesListed, 0);
    assert.ok(scores.attributionAccuracy >= 0.9, `attribution ${scores.attributionAccuracy}: ${JSON.stringify(scores.misses)}`);
  });

  it('counts a wrong speaker and a missing quotation as misses', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-quotes-'));
    fs.writeFileSync(path.join(dir, 'a.news'), 'date 2025-01-02\n\n"We will not move," said Jane Doe on Monday.\n');
    const gold = [
      {
        file: 'a.news',
        quotes: [
          { contains: 'We will not move', speaker: 'John Roe' },
          { contains: 'on Monday', speaker: 'Jane Doe' },
        ],
      },
    ];
    const scores = scoreQuotes(gold, dir);
    assert.equal(scores.attributed, 0);
    assert.equal(scores.detection.tp, 1);
    assert.deepEqual(
      scores.misses.map((m) => [m.contains, m.found]),
      [
        ['We will not move', 'Jane Doe'],
        ['on Monday', undefined],
      ],
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports detection and attribution from the command line, as text and as JSON', () => {
    const text = run(['eval', '--quotes', GOLD]);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /attribution\s+\d+\.\d/);
    const json = run(['eval', '--quotes', GOLD, '--json']);
    assert.equal(json.status, 0, json.stderr);
    const parsed = JSON.parse(json.stdout);
    assert.equal(parsed.quotes.detection.gold, 28);
    assert.equal(typeof parsed.quotes.attributionAccuracy, 'number');
  });

  it('rejects a malformed gold file with a message and exit status 1', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-quotes-'));
    const bad = path.join(dir, 'gold.json');
    fs.writeFileSync(bad, '{"articles": [{"file": 3}]}');
    const r = run(['eval', '--quotes', bad]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cannot score quotes/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
