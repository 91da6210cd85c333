// The CLI JSON for a few invented articles and a generated JSONL stream stays byte for byte
// what it was: speed work (feature hashing, caches, lazy loading, V8 flags) must not change a
// result. After a change that is meant to alter the output, regenerate with
// `node scripts/make-golden.mjs` and review the diff.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const DIR = path.join(REPO, 'test', 'fixtures', 'golden');

describe('CLI output unchanged on the golden articles', function () {
  this.timeout(120_000);
  const articles = fs
    .readdirSync(DIR)
    .filter((f) => /\.(news|md|txt)$/.test(f))
    .sort();

  it('has articles to compare', () => assert.ok(articles.length >= 3));

  for (const f of articles) {
    it(`annotate --format json ${f}`, () => {
      const actual = execFileSync(process.execPath, [CLI, 'annotate', '--format', 'json', '--date', '2025-01-15', f], { cwd: DIR, encoding: 'utf8' });
      assert.equal(actual, fs.readFileSync(path.join(DIR, 'expected', f + '.json'), 'utf8'));
    });
  }

  it('annotate --stdin on a generated stream', () => {
    const actual = execFileSync(process.execPath, [CLI, 'annotate', '--stdin'], {
      cwd: DIR,
      input: fs.readFileSync(path.join(DIR, 'stream.jsonl')),
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    const expected = fs.readFileSync(path.join(DIR, 'expected', 'stream.jsonl'), 'utf8').split('\n');
    const lines = actual.split('\n');
    assert.equal(lines.length, expected.length);
    lines.forEach((line, k) => assert.equal(line, expected[k], `line ${k + 1}`));
  });
});
