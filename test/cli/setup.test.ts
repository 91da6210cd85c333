// The first five minutes: `npm test` must not print warnings that read like failures.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { minimatch } from 'minimatch';

const REPO = path.resolve(__dirname, '..', '..', '..');

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) =>
      path
        .relative(REPO, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
        .split(path.sep)
        .join('/'),
    );
}

describe('npm test set-up', () => {
  it('every spec pattern in .mocharc.json matches a compiled test (mocha warns "Cannot find any files matching pattern" otherwise)', () => {
    const config = JSON.parse(fs.readFileSync(path.join(REPO, '.mocharc.json'), 'utf8')) as { spec: string[] };
    const compiled = filesUnder(path.join(REPO, 'out', 'test'));
    assert.ok(compiled.length > 0, 'out/test is empty: run npm run compile-tests');
    for (const pattern of config.spec) {
      assert.ok(
        compiled.some((f) => minimatch(f, pattern)),
        `no file matches ${pattern}`,
      );
    }
  });
});
