// Writes test/fixtures/golden/expected/*: the CLI JSON for the invented articles in
// test/fixtures/golden/ and for a generated JSONL stream. Run it only when a change is
// meant to alter the output; a pure speed change must leave these files untouched
// (test/cli/golden.test.ts compares against them).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const DIR = path.join(ROOT, 'test/fixtures/golden');
const OUT = path.join(DIR, 'expected');
const cli = process.argv[2] ? path.resolve(process.argv[2]) : path.join(ROOT, 'dist/cli.js');
fs.mkdirSync(OUT, { recursive: true });
for (const f of fs
  .readdirSync(DIR)
  .filter((f) => /\.(news|md|txt)$/.test(f))
  .sort()) {
  const json = execFileSync(process.execPath, [cli, 'annotate', '--format', 'json', '--date', '2025-01-15', f], { cwd: DIR, encoding: 'utf8' });
  fs.writeFileSync(path.join(OUT, f + '.json'), json);
}
const stream = execFileSync(process.execPath, [cli, 'annotate', '--stdin'], {
  cwd: DIR,
  input: fs.readFileSync(path.join(DIR, 'stream.jsonl')),
  encoding: 'utf8',
  maxBuffer: 64 << 20,
});
fs.writeFileSync(path.join(OUT, 'stream.jsonl'), stream);
