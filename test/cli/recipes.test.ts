// The README's pipeline recipes, run as written (with smaller chunks, so a small
// corpus still spreads over several processes) on a generated corpus: the output
// must equal a serial `news-lens annotate --stdin` run, byte for byte.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateParagraph, seededRandom } from '../fixtures/generateArticle';

const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const README = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');

const PARALLEL = 'parallel --pipe --keep-order -j2 --block 1M news-lens annotate --stdin < docs.jsonl > annotated.jsonl';
const SPLIT_XARGS = [
  'split -l 1000 -d -a 4 docs.jsonl chunk-',
  "printf '%s\\n' chunk-???? | xargs -P 2 -I{} sh -c 'news-lens annotate --stdin < {} > {}.out'",
  'cat chunk-????.out > annotated.jsonl',
];

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

describe('README pipeline recipes (news-lens annotate --stdin)', function () {
  this.timeout(300_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-recipes-'));
  const bin = path.join(tmp, 'bin');
  // `news-lens` as an installed package would provide it.
  const env = { ...process.env, PATH: [bin, path.dirname(process.execPath), process.env.PATH].join(path.delimiter) };
  let docs = 0;
  let serial = '';

  const sh = (dir: string, script: string) => {
    const r = spawnSync('sh', ['-c', script], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(r.status, 0, `${script}\n${r.stderr}`);
    return r;
  };
  const freshDir = (name: string) => {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir);
    fs.copyFileSync(path.join(tmp, 'docs.jsonl'), path.join(dir, 'docs.jsonl'));
    return dir;
  };

  before(function () {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is missing: run npm run build');
    if (process.platform === 'win32') this.skip();
    fs.mkdirSync(bin);
    fs.symlinkSync(CLI, path.join(bin, 'news-lens'));
    const rand = seededRandom(21);
    const lines: string[] = [];
    for (let i = 0; i < 160; i++) {
      const doc: Record<string, unknown> = { id: `wire-${String(i).padStart(4, '0')}`, text: generateParagraph(rand, 2) };
      if (i % 3 === 0) doc.date = `2024-0${1 + (i % 9)}-1${i % 10}`;
      lines.push(JSON.stringify(doc));
      // Bad documents (with an id) are part of the output too.
      if (i === 50) lines.push(JSON.stringify({ id: 'no-text', body: 'misnamed field' }));
      if (i === 120) lines.push(JSON.stringify({ id: 'binary', text: 'a\u0000b' }));
    }
    docs = lines.length;
    fs.writeFileSync(path.join(tmp, 'docs.jsonl'), lines.join('\n') + '\n');
    serial = sh(freshDir('serial'), 'news-lens annotate --stdin < docs.jsonl').stdout;
    assert.equal(serial.split('\n').filter(Boolean).length, docs);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('GNU parallel --pipe over 2 processes gives the serial output', function () {
    if (!onPath('parallel')) {
      console.log('      (skipped: GNU parallel is not installed; apt-get install parallel)');
      this.skip();
    }
    assert.ok(README.includes(PARALLEL), 'the README shows this command');
    const size = fs.statSync(path.join(tmp, 'docs.jsonl')).size;
    const block = Math.ceil(size / 6);
    const dir = freshDir('parallel');
    sh(dir, PARALLEL.replace('--block 1M', `--block ${block}`));
    const out = fs.readFileSync(path.join(dir, 'annotated.jsonl'), 'utf8');
    assert.equal(out.split('\n').filter(Boolean).length, docs);
    assert.ok(out === serial, 'the same lines in the same order as the serial run');
  });

  it('split + xargs -P 2 gives the serial output', () => {
    for (const line of SPLIT_XARGS) assert.ok(README.includes(line), `the README shows: ${line}`);
    const dir = freshDir('xargs');
    sh(dir, SPLIT_XARGS.join('\n').replace('-l 1000', '-l 40'));
    assert.ok(fs.readdirSync(dir).filter((f) => /^chunk-\d{4}$/.test(f)).length >= 4, 'several chunks');
    assert.ok(fs.readFileSync(path.join(dir, 'annotated.jsonl'), 'utf8') === serial, 'the same lines in the same order as the serial run');
  });
});
