// `news-lens` (dist/cli.js) runs the CLI bundle from the V8 code cache the build made beside
// it. The cache only saves compiling: with it, without it, rejected by V8 or left from another
// build, the output is the same, and the CLI never writes a cache itself.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const DIST = path.join(REPO, 'dist');
const ARTICLE = ' date 2024-08-06 The mayor of Lisbon said last year that the port would reopen, and Ana Costa welcomed it.\n';

describe('news-lens start-up from the code cache', function () {
  this.timeout(180_000);
  let tmp = '';
  let reference = '';

  function annotate(dir: string, extraEnv: Record<string, string> = {}): { stdout: string; cache: string } {
    const r = spawnSync(process.execPath, [path.join(dir, 'cli.js'), 'annotate', 'short.news'], {
      cwd: tmp,
      encoding: 'utf8',
      env: { ...process.env, NEWS_LENS_REPORT_CODE_CACHE: '1', ...extraEnv },
    });
    assert.equal(r.status, 0, r.stderr);
    const cache = /news-lens: code cache (\w+)/.exec(r.stderr)?.[1] ?? '';
    return { stdout: r.stdout, cache };
  }

  /** dist/cli.js and dist/cli-main.js copied into a folder of their own, with `cache` as the code cache (or none). */
  function copyWith(name: string, cache: Buffer | null): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir);
    for (const file of ['cli.js', 'cli-main.js']) fs.copyFileSync(path.join(DIST, file), path.join(dir, file));
    if (cache) fs.writeFileSync(path.join(dir, 'cli-main.code-cache'), cache);
    return dir;
  }

  before(() => {
    for (const file of ['cli.js', 'cli-main.js', 'cli-main.code-cache'])
      assert.ok(fs.existsSync(path.join(DIST, file)), `dist/${file} is missing: run npm run build`);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-code-cache-'));
    fs.writeFileSync(path.join(tmp, 'short.news'), ARTICLE);
    const shipped = annotate(DIST);
    reference = shipped.stdout;
    assert.equal(shipped.cache, 'used', 'the build made a cache this Node accepts');
    assert.ok(JSON.parse(reference).entities.some((e: { text: string }) => e.text === 'Lisbon'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('without a cache file the bundle compiles as usual, with the same output', () => {
    const run = annotate(copyWith('none', null));
    assert.equal(run.cache, 'absent');
    assert.equal(run.stdout, reference);
  });

  it('a cache V8 rejects (damaged, or from another Node) falls back to compiling, with the same output', () => {
    const shipped = fs.readFileSync(path.join(DIST, 'cli-main.code-cache'));
    const header = shipped.subarray(0, shipped.indexOf(10) + 1);
    const damaged = Buffer.concat([header, Buffer.alloc(shipped.length - header.length, 0x5a)]);
    const run = annotate(copyWith('damaged', damaged));
    assert.equal(run.cache, 'rejected');
    assert.equal(run.stdout, reference);
  });

  it('a cache from another build of the bundle is not used, even when V8 would take it', () => {
    const shipped = fs.readFileSync(path.join(DIST, 'cli-main.code-cache'));
    const body = shipped.subarray(shipped.indexOf(10) + 1);
    const run = annotate(copyWith('stale', Buffer.concat([Buffer.from('// news-lens build another-build\n'), body])));
    assert.equal(run.cache, 'absent');
    assert.equal(run.stdout, reference);
  });

  it('the CLI writes no cache of its own, not even when asked for a path other than its own cache', () => {
    const dir = copyWith('readonly', null);
    const elsewhere = path.join(tmp, 'elsewhere.code-cache');
    annotate(dir, { NEWS_LENS_WRITE_CODE_CACHE: elsewhere });
    assert.deepEqual(fs.readdirSync(dir).sort(), ['cli-main.js', 'cli.js']);
    assert.ok(!fs.existsSync(elsewhere));
  });
});
