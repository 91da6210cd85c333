import * as assert from 'node:assert/strict';
import { decodeSemanticTokens, filterSemanticTokenData } from '../../src/extension/model/semanticTokens';

describe('extension model: semantic token filtering', () => {
  // Absolute tokens: (line, char, length, type)
  const tokens = [
    [0, 1, 4, 4], // date on line 0
    [0, 6, 10, 4],
    [0, 20, 5, 2], // place
    [2, 3, 7, 0], // person
    [2, 15, 3, 2], // place
    [5, 0, 6, 1], // organization
  ];
  function encode(ts: number[][]): number[] {
    const out: number[] = [];
    let pl = 0;
    let pc = 0;
    for (const [l, c, len, t] of ts) {
      out.push(l - pl, l === pl ? c - pc : c, len, t, 0);
      pl = l;
      pc = c;
    }
    return out;
  }

  it('drops tokens of switched-off kinds and keeps the others at their positions', () => {
    const filtered = filterSemanticTokenData(encode(tokens), (t) => t !== 2 && t !== 4);
    assert.deepEqual(
      decodeSemanticTokens(filtered).map((t) => [t.line, t.char, t.length, t.type]),
      [
        [2, 3, 7, 0],
        [5, 0, 6, 1],
      ],
    );
  });

  it('keeps everything unchanged when every kind is on, and nothing when none is', () => {
    const data = encode(tokens);
    assert.deepEqual([...filterSemanticTokenData(data, () => true)], data);
    assert.equal(filterSemanticTokenData(data, () => false).length, 0);
  });

  it('re-encodes same-line deltas relative to the last kept token', () => {
    const filtered = filterSemanticTokenData(encode(tokens), (t) => t !== 4 || false);
    assert.deepEqual(decodeSemanticTokens(filtered)[0], { line: 0, char: 20, length: 5, type: 2, modifiers: 0 });
    const onlySecondDate = filterSemanticTokenData(encode(tokens), (t) => t === 4);
    assert.deepEqual(
      decodeSemanticTokens(onlySecondDate).map((t) => t.char),
      [1, 6],
    );
  });
});
