#!/usr/bin/env node
// Measures entity recognition on a gold JSONL (dev-set format) through the full
// analyzeArticle pipeline, and prints the scorer's numbers.
// Usage: node scripts/eval-entities.mjs --gold GOLD.jsonl [--ids FILE] [--out SYSTEM.jsonl] [--scorer score.mjs]
//   --ids     only documents whose id is listed (one a line), e.g. a held-out split
//   --model   a tagger model file written by train-entity-model.mjs --out (default: the shipped one)
//   --no-titles  also score against gold with titles stripped from person spans (CoNLL convention)
import { loadProjectModules, optionReader, projectRoot as root } from './lib/projectModules.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = optionReader(args);
const goldPath = option('--gold');
if (!goldPath) {
  console.error('usage: eval-entities.mjs --gold GOLD.jsonl [--ids FILE]');
  process.exit(2);
}
const tmp = mkdtempSync(join(tmpdir(), 'news-lens-eval-'));
const { analyzeArticle, isTitleWord } = await loadProjectModules(
  "export { analyzeArticle } from './src/analysis/analyzeArticle'; export { isTitleWord } from './src/analysis/entities/titles';",
  {
    name: 'news-lens-eval',
    // A held-out model is measured without replacing the shipped file in the working tree.
    plugins: option('--model')
      ? [
          {
            name: 'model',
            setup(b) {
              b.onResolve({ filter: /entityModel\.generated$/ }, () => ({ path: resolve(option('--model')) }));
            },
          },
        ]
      : [],
  },
);

let docs = readFileSync(goldPath, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
const idsPath = option('--ids');
if (idsPath) {
  const ids = new Set(readFileSync(idsPath, 'utf8').split('\n').filter(Boolean));
  docs = docs.filter((d) => ids.has(d.id));
}
const started = performance.now();
const system = docs.map((d) => {
  const a = analyzeArticle(d.text, d.dct ? { referenceDate: d.dct } : {});
  return { id: d.id, entities: a.entities.map((e) => ({ start: e.start, end: e.end, type: e.type, text: e.text })), dates: [], events: [] };
});
console.error(`analysed ${docs.length} documents in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const sysPath = option('--out', join(tmp, 'system.jsonl'));
writeFileSync(sysPath, system.map((s) => JSON.stringify(s)).join('\n') + '\n');
const goldSubset = join(tmp, 'gold.jsonl');
writeFileSync(goldSubset, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
const scorer = option('--scorer', resolve(root, '../shared/tools/score.mjs'));
if (!existsSync(scorer)) {
  console.error(`no scorer at ${scorer}; system output in ${sysPath}`);
  process.exit(0);
}
console.log(`== ${goldPath}${idsPath ? ` (ids from ${idsPath})` : ''}: ${docs.length} documents`);
console.log(
  execFileSync('node', [scorer, goldSubset, sysPath], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter((l) => !/^(TIMEX|EVENT)/.test(l))
    .join('\n'),
);
if (args.includes('--no-titles')) {
  // Same gold with leading titles removed from person spans ("President Bush" → "Bush").
  const stripped = docs.map((d) => ({
    ...d,
    entities: d.entities.map((e) => {
      if (e.type !== 'person') return e;
      let start = e.start;
      for (;;) {
        const m = /^(\S+)\s+/.exec(d.text.slice(start, e.end));
        if (!m || !isTitleWord(m[1])) break;
        start += m[0].length;
      }
      return { ...e, start, text: d.text.slice(start, e.end) };
    }),
  }));
  const strippedPath = join(tmp, 'gold-no-titles.jsonl');
  writeFileSync(strippedPath, stripped.map((d) => JSON.stringify(d)).join('\n') + '\n');
  console.log('-- against the same gold with titles stripped from person spans:');
  console.log(
    execFileSync('node', [scorer, strippedPath, sysPath], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter((l) => !/^(TIMEX|EVENT)/.test(l))
      .join('\n'),
  );
}
