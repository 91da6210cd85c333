// The WordNet name table is searched in place (binary search over sorted "name<TAB>classes"
// lines), not loaded into a Map: the names that start with a word must be exactly the table's.
import * as assert from 'node:assert/strict';
import { WORDNET_NAMES } from '../../src/analysis/entities/data/wordnetNames.generated';
import { findNames, matchNames } from '../../src/analysis/entities/nameGazetteer';

describe('WordNet name table', () => {
  const lines = WORDNET_NAMES.split('\n').map((line) => line.split('\t'));

  it('is one "name<TAB>classes" line a name, sorted by name, each name once (what the search relies on)', () => {
    assert.ok(lines.length > 10_000, `${lines.length} names`);
    for (let i = 0; i < lines.length; i++) {
      assert.equal(lines[i].length, 2, lines[i].join('\t'));
      assert.match(lines[i][1], /^l?o?p?$/, lines[i][0]);
      assert.match(lines[i][0], /^[^ ]+( [^ ]+)*$/, JSON.stringify(lines[i][0]));
      if (i > 0) assert.ok(lines[i - 1][0] < lines[i][0], `${lines[i - 1][0]} before ${lines[i][0]}`);
    }
  });

  it('finds, for every first word, exactly the names that start with it, longest first', () => {
    const byFirstWord = new Map<string, Array<{ words: string[]; classes: string }>>();
    for (const [name, classes] of lines) {
      const words = name.split(' ');
      byFirstWord.set(words[0], [...(byFirstWord.get(words[0]) ?? []), { words, classes }]);
    }
    for (const [word, expected] of byFirstWord) {
      const found = findNames(WORDNET_NAMES, word);
      const key = (e: { words: string[]; classes: string }) => `${e.words.join(' ')}\t${e.classes}`;
      assert.deepEqual(found.map(key).sort(), expected.map(key).sort(), word);
      for (let k = 1; k < found.length; k++) assert.ok(found[k - 1].words.length >= found[k].words.length, word);
    }
    for (const absent of ['', 'zzzzzz', 'aaaaaa', 'washingtonx']) assert.deepEqual(findNames(WORDNET_NAMES, absent), []);
  });

  it('marks the longest name at a capitalised word', () => {
    const words = ['the', 'united', 'nations', 'met'];
    const names = new Set(lines.map(([name]) => name));
    assert.ok(names.has('united nations'), 'the table has "united nations"');
    assert.deepEqual(matchNames(words, [false, true, true, false]).slice(1, 3), ['B-o', 'I-o']);
  });
});
