// The line table the workspace index and the story CLI turn offsets into lines with.
import * as assert from 'node:assert/strict';
import { lineIndexAt, lineTable } from '../../src/analysis';

describe('analysis: line table', () => {
  it('ends lines at \\r\\n, \\n or \\r, and an offset inside \\r\\n stays on its line', () => {
    const text = 'one\r\ntwo\nthree\rfour';
    const { starts, ends } = lineTable(text);
    assert.deepEqual([...starts], [0, 5, 9, 15]);
    assert.deepEqual([...ends], [3, 8, 14, 19]);
    const lineOf = (word: string) => lineIndexAt(starts, text.indexOf(word));
    assert.deepEqual(['one', 'two', 'three', 'four'].map(lineOf), [0, 1, 2, 3]);
    assert.equal(lineIndexAt(starts, 4), 0, 'the \\n of \\r\\n');
    assert.equal(lineIndexAt(starts, text.length + 10), 3, 'past the end: the last line');
  });

  it('a text without line breaks, and an empty text, are one line', () => {
    assert.deepEqual([...lineTable('no breaks').starts], [0]);
    assert.deepEqual([...lineTable('').ends], [0]);
    assert.equal(lineIndexAt(lineTable('').starts, 0), 0);
  });
});
