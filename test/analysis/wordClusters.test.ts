// The word-cluster table is searched in place (binary search over sorted "word path" lines),
// not loaded into a Map: every word must still find its own path, and no other word any.
import * as assert from 'node:assert/strict';
import { WORD_CLUSTERS } from '../../src/analysis/entities/data/wordClusters.generated';
import { findInSortedLines, wordCluster } from '../../src/analysis/entities/wordClusters';

describe('word clusters', () => {
  const lines = WORD_CLUSTERS.split('\n');

  it('the table is one "word path" line a word, sorted by word, each word once (what the search relies on)', () => {
    assert.ok(lines.length > 10_000, `${lines.length} words`);
    for (let i = 0; i < lines.length; i++) {
      assert.match(lines[i], /^[^ ]+ [0-9a-f]+$/, lines[i]);
      if (i > 0) assert.ok(lines[i - 1].split(' ')[0] < lines[i].split(' ')[0], `${lines[i - 1]} before ${lines[i]}`);
    }
  });

  it('finds the path of every word in the table', () => {
    for (const line of lines) {
      const [word, path] = line.split(' ');
      assert.equal(wordCluster(word), path, word);
    }
  });

  it("gives '' for words not in the table, before, between and after its words", () => {
    const words = new Set(lines.map((line) => line.split(' ')[0]));
    const probes = ['', ' ', '0', 'a', 'aa', 'zzzzzzzz', '~', 'nairobix', 'xnairobi', 'nairob', 'the ', ' the', 'new york'];
    for (const line of lines.slice(0, 2000)) probes.push(`${line.split(' ')[0]}q`);
    for (const probe of probes) if (!words.has(probe)) assert.equal(wordCluster(probe), '', JSON.stringify(probe));
    assert.notEqual(wordCluster('the'), '');
  });

  it('searches any sorted table: one line, the first and last lines, and keys that are prefixes of others', () => {
    assert.equal(findInSortedLines('solo 1', 'solo'), '1');
    assert.equal(findInSortedLines('solo 1', 'sol'), '');
    const table = ['ab 1', 'abc 2', 'abcd 3', 'b 4', 'ba 5', 'c 6'].join('\n');
    for (const [key, value] of [
      ['ab', '1'],
      ['abc', '2'],
      ['abcd', '3'],
      ['b', '4'],
      ['ba', '5'],
      ['c', '6'],
      ['a', ''],
      ['abce', ''],
      ['bb', ''],
      ['d', ''],
    ]) {
      assert.equal(findInSortedLines(table, key), value, key);
    }
    assert.equal(findInSortedLines('', 'x'), '');
  });
});
