// What counts as binary (issue 12): a NUL byte, or more than 10% U+FFFD. Scraped
// news often carries a few replacement characters (a mis-encoded accent or quote)
// and must still be analysed, in the server and the CLI alike.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkText, looksBinary } from '../../src/node';

// About 4% of the characters are U+FFFD, as in a page scraped with the wrong encoding.
const SCRAPED =
  ' date 2024-08-06 Caf\uFFFD owners in Lyon protested on Tuesday. \uFFFDWe cannot pay,\uFFFD said Ren\uFFFDe Martin. The mayor\uFFFDs office declined to comment.\n\n' +
  'In Mont\uFFFDlimar, the caf\uFFFDs stayed shut. \uFFFDIt is a strike,\uFFFD a waiter told the Dauphin\uFFFD Lib\uFFFDr\uFFFD.\n';

describe('binary input threshold', () => {
  it('analyses scraped news with a few U+FFFD', () => {
    const share = [...SCRAPED].filter((c) => c === '\uFFFD').length / SCRAPED.length;
    assert.ok(share > 0.01 && share < 0.1, `share ${share}`);
    assert.equal(looksBinary(SCRAPED), false);
    assert.equal(checkText(SCRAPED), null);
  });

  it('refuses a NUL character, and text that is more than 10% U+FFFD', () => {
    assert.equal(looksBinary('The Pentagon said\u0000 so.'), true);
    const mostlyGarbage = 'The \uFFFD\uFFFD\uFFFD Pentagon \uFFFD\uFFFD said.';
    assert.ok([...mostlyGarbage].filter((c) => c === '\uFFFD').length / mostlyGarbage.length > 0.1);
    assert.equal(checkText(mostlyGarbage)?.code, 'binary');
    assert.equal(looksBinary('x'.repeat(89) + '\uFFFD'.repeat(11)), true);
    assert.equal(looksBinary('x'.repeat(90) + '\uFFFD'.repeat(10)), false);
  });

  it('the CLI annotates a UTF-8 file holding a few U+FFFD', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-fffd-'));
    try {
      const file = path.join(dir, 'scraped.txt');
      fs.writeFileSync(file, SCRAPED, 'utf8');
      const r = spawnSync(process.execPath, [path.resolve(__dirname, '../../../dist/cli.js'), 'annotate', file], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(
        JSON.parse(r.stdout).entities.some((e: { text: string }) => e.text === 'Lyon'),
        r.stdout,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
