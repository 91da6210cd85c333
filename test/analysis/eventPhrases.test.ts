// The events code cleans phrases and reads words with hand-written loops (they run for every
// token and phrase); these tests hold them to the regular expressions that define them.
import * as assert from 'node:assert/strict';
import { cleanPhrase } from '../../src/analysis/events/detectEvents';
import { trimToLetterOrDigit } from '../../src/analysis/events/lemma';

function referenceCleanPhrase(text: string): string {
  return text
    .replace(/``|''|[“”"]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.#*>\-–—(]+|[\s,;:\-–—(]+$/g, '')
    .replace(/^(?:and|but|or|then|who|which|that)\s+/i, '')
    .trim();
}

// Characters that each step of the definition treats specially, plus ordinary ones.
const ALPHABET = [
  'a',
  'b',
  'X',
  '1',
  ' ',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  '`',
  "'",
  '"',
  '“',
  '”',
  ',',
  ';',
  ':',
  '.',
  '#',
  '*',
  '>',
  '-',
  '–',
  '—',
  '(',
  ')',
  'and ',
  'who ',
  'That\t',
  'é',
  'İ',
];

function randomTexts(count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let s = '';
    const length = Math.floor(next() * 12);
    for (let k = 0; k < length; k++) s += ALPHABET[Math.floor(next() * ALPHABET.length)];
    out.push(s);
  }
  return out;
}

describe('event phrases and words', () => {
  it('cleanPhrase equals its regular-expression definition on news phrases', () => {
    for (const text of [
      "``We will stay,'' the minister said",
      '  and the troops of the "second" brigade —',
      '(who) had left, ',
      'that  \n\n  was   all;',
      '# * > the port workers: ',
      "''''",
      "“ ” \" ''",
      '',
    ])
      assert.equal(cleanPhrase(text), referenceCleanPhrase(text), JSON.stringify(text));
  });

  it('cleanPhrase equals its regular-expression definition on 20,000 random strings of the special characters', () => {
    for (const text of randomTexts(20_000, 42)) assert.equal(cleanPhrase(text), referenceCleanPhrase(text), JSON.stringify(text));
  });

  it('trimToLetterOrDigit equals replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, "")', () => {
    for (const text of [...randomTexts(5_000, 7), 'u.s.', "don't", '--', '(reuters)', 'x', '']) {
      const lower = text.toLowerCase();
      assert.equal(trimToLetterOrDigit(lower), lower.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''), JSON.stringify(lower));
    }
  });
});
