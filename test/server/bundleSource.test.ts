// The bundles the package runs (scripts/build.mjs escapes what esbuild leaves non-ASCII).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');

describe('the built bundles', () => {
  // V8 keeps a script's source for lazy compilation, as one byte a character only when
  // every character is Latin-1: one curly quote in a regular expression doubled it (8 MB in the server).
  for (const bundle of ['server', 'cli', 'cli-main']) {
    it(`dist/${bundle}.js is ASCII only`, () => {
      const source = fs.readFileSync(path.join(REPO, `dist/${bundle}.js`), 'utf8');
      const at = source.search(/[^\x00-\x7f]/);
      assert.equal(at, -1, `non-ASCII at ${at}: ${JSON.stringify(source.slice(Math.max(0, at - 40), at + 10))}`);
    });
  }
});
