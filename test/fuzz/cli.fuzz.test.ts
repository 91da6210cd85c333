// `news-lens annotate` over a mix of good articles and files it cannot read or
// must refuse (binary, invalid UTF-8, directories, missing paths): it exits
// non-zero with a clear message naming each bad file, and still annotates the rest.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { article, html, markdown, mutatedArticle, wordSalad } from './arbitraries';
import { countInput, fuzzSeed } from './inputCount';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const RUNS = Number(process.env.FUZZ_CLI_RUNS ?? 25);

type Bad = { kind: 'binary'; bytes: Uint8Array } | { kind: 'invalid-utf8'; bytes: Uint8Array } | { kind: 'directory' } | { kind: 'missing' };

/** Text a good article file may hold: no NUL, no lone surrogates (they cannot be written as UTF-8). */
const goodText = fc
  .oneof(article, mutatedArticle, markdown, html, wordSalad)
  .map((t) => t.replace(/\u0000/g, ' ').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, ''));
const bad: fc.Arbitrary<Bad> = fc.oneof(
  fc.uint8Array({ minLength: 1, maxLength: 4000 }).map((b) => {
    const bytes = Uint8Array.from(b);
    bytes[Math.floor(bytes.length / 2)] = 0; // a NUL byte: the mark of a binary file
    return { kind: 'binary' as const, bytes };
  }),
  fc
    .tuple(fc.string({ maxLength: 200 }), fc.constantFrom([0xff], [0xc3, 0x28], [0xe2, 0x82], [0xf0, 0x28, 0x8c, 0xbc], [0xed, 0xa0, 0x80]))
    .map(([s, seq]) => ({
      kind: 'invalid-utf8' as const,
      bytes: Uint8Array.from([...Buffer.from(s.replace(/\u0000/g, ''), 'utf8'), ...seq, ...Buffer.from(' date 2024-01-01 text', 'utf8')]),
    })),
  fc.constant({ kind: 'directory' as const }),
  fc.constant({ kind: 'missing' as const }),
);

describe('fuzz: news-lens annotate', function () {
  this.timeout(0);
  let dir: string;

  before(() => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-cli-fuzz-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`exits non-zero naming each unreadable or binary file, and annotates the others (${RUNS} runs)`, () => {
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(goodText, { minLength: 1, maxLength: 4 }),
        fc.array(bad, { maxLength: 3 }),
        fc.infiniteStream(fc.boolean()),
        (goods, bads, order) => {
          const runDir = path.join(dir, String(run++));
          fs.mkdirSync(runDir);
          const files: Array<{ file: string; good: boolean }> = [];
          goods.forEach((text, i) => {
            const file = path.join(runDir, `good-${i}.news`);
            fs.writeFileSync(file, text, 'utf8');
            files.push({ file, good: true });
          });
          bads.forEach((b, i) => {
            const file = path.join(runDir, `bad-${i}-${b.kind}.news`);
            if (b.kind === 'binary' || b.kind === 'invalid-utf8') fs.writeFileSync(file, b.bytes);
            else if (b.kind === 'directory') fs.mkdirSync(file);
            files.push({ file, good: false });
          });
          // Interleave good and bad files in a generated order.
          const it = order[Symbol.iterator]();
          files.sort(() => (it.next().value ? 1 : -1));
          countInput('cli: files', files.length);

          const r = spawnSync(process.execPath, [CLI, 'annotate', '--format', 'json', ...files.map((f) => f.file)], {
            encoding: 'utf8',
            timeout: 120_000,
            maxBuffer: 256 * 1024 * 1024,
          });
          assert.equal(r.signal, null, `the CLI was killed: ${r.stderr}`);
          assert.equal(r.status, bads.length ? 1 : 0, `exit status ${r.status}; stderr: ${r.stderr.slice(0, 1000)}`);
          for (const f of files.filter((x) => !x.good)) {
            const line = r.stderr.split('\n').find((l) => l.includes(f.file));
            assert.ok(line, `no message names ${f.file}; stderr: ${r.stderr.slice(0, 1000)}`);
            assert.match(line!, /binary|UTF-8|no such file|directory|cannot read/i, `unclear message: ${line}`);
          }
          const annotated = new Set(parseRecords(r.stdout).map((rec) => rec.file));
          for (const f of files) {
            if (f.good) assert.ok(annotated.has(f.file), `${f.file} was not annotated; stderr: ${r.stderr.slice(0, 500)}`);
            else assert.ok(!annotated.has(f.file), `${f.file} was annotated although it is bad`);
          }
          for (const rec of parseRecords(r.stdout)) {
            const text = fs.readFileSync(rec.file, 'utf8');
            for (const e of rec.entities) assert.equal(text.slice(e.start, e.end), e.text, `entity offsets in ${rec.file}`);
            for (const d of rec.dates) assert.equal(text.slice(d.start, d.end), d.text, `date offsets in ${rec.file}`);
          }
        },
      ),
      { numRuns: RUNS, seed: fuzzSeed(), endOnFailure: true },
    );
  });
});

interface Rec {
  file: string;
  entities: Array<{ start: number; end: number; text: string }>;
  dates: Array<{ start: number; end: number; text: string }>;
}

/** The JSON format: one record per file, as JSON lines or a JSON array. */
function parseRecords(stdout: string): Rec[] {
  const trimmed = stdout.trim();
  if (!trimmed) return [];
  if (trimmed.startsWith('[')) return JSON.parse(trimmed);
  try {
    const one = JSON.parse(trimmed);
    return Array.isArray(one) ? one : [one];
  } catch {
    return trimmed
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  }
}
