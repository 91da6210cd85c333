#!/usr/bin/env node
// Trains the averaged-perceptron entity tagger shipped in
// src/analysis/entities/data/entityModel.generated.ts.
//
// Training data: the Groningen Meaning Bank NER sample (Voice of America news,
// public domain), in the dev-set JSONL format. The data never enters the repo;
// only the learned weights do (see docs/DATA-SOURCES.md).
//
// Usage:
//   node scripts/train-entity-model.mjs --data ../shared/data/dev/gmb.jsonl [--holdout] [--epochs 12] [--prune 2] [--out FILE]
//     --holdout  train on 4 of every 5 documents and list the held-out ids in
//                /tmp/news-lens-holdout-ids.txt (to measure honestly); default trains on all.
//   Annotation convention: titles ("President", "Mr.", "Prime Minister") are not part of a
//   person's name span (CoNLL style), so they are stripped from the GMB gold before training.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const dataPath = option('--data', '../shared/data/dev/gmb.jsonl');
const epochs = Number(option('--epochs', '12'));
const holdout = args.includes('--holdout');
const outPath = option('--out', 'src/analysis/entities/data/entityModel.generated.ts');
const root = resolve(new URL('..', import.meta.url).pathname);

// Bundle the project's own parse and feature code so training sees exactly the run-time features.
const tmp = mkdtempSync(join(tmpdir(), 'news-lens-train-'));
await build({
  stdin: {
    contents: "export * from './src/analysis/parse'; export * from './src/analysis/entities/features'; export * from './src/analysis/entities/titles';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, platform: 'node', format: 'cjs', outfile: join(tmp, 'lib.cjs'), logLevel: 'warning',
});
const lib = createRequire(import.meta.url)(join(tmp, 'lib.cjs'));
const { parseParagraph, prepareTokens, staticFeatures, historyFeatures, LABELS, allowed, isTitleWord } = lib;

const KIND = { person: 'PER', organization: 'ORG', place: 'LOC' };
const docs = readFileSync(dataPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const heldOut = new Set(holdout ? docs.filter((_, i) => i % 5 === 4).map((d) => d.id) : []);
if (holdout) writeFileSync('/tmp/news-lens-holdout-ids.txt', [...heldOut].join('\n') + '\n');
const trainDocs = docs.filter((d) => !heldOut.has(d.id));

/** Gold BIO labels on compromise tokens. */
function goldLabels(doc, tokens) {
  const labels = new Array(tokens.length).fill('O');
  const spans = doc.entities.map((e) => ({ ...e, kind: KIND[e.type] }));
  for (const g of doc.ignore ?? []) {
    if (g.type === 'gpe' && !doc.entities.some((e) => e.start < g.end && g.start < e.end)) spans.push({ ...g, kind: 'GPE' });
  }
  for (const e of spans) {
    let covered = tokens.filter((t) => t.start >= e.start && t.start < e.end);
    if (e.kind === 'PER') {
      while (covered.length > 1 && isTitleWord(covered[0].text)) covered = covered.slice(1);
      if (covered.length === 1 && isTitleWord(covered[0].text)) covered = [];
    }
    covered.forEach((t, k) => { labels[t.index] = `${k ? 'I' : 'B'}-${e.kind}`; });
  }
  return labels;
}

console.error(`parsing ${trainDocs.length} training documents…`);
const sequences = trainDocs.map((doc) => {
  const parsed = parseParagraph(doc.text);
  const prepared = prepareTokens(parsed);
  return { prepared, gold: goldLabels(doc, parsed.tokens), features: parsed.tokens.map((_, i) => staticFeatures(prepared, i)) };
});

// Averaged perceptron with lazy averaging (Collins 2002; Honnibal's formulation).
const L = LABELS.length;
const labelIndex = new Map(LABELS.map((l, i) => [l, i]));
const weights = new Map();
const totals = new Map();
const stamps = new Map();
let clock = 0;
const vec = (m, f) => { let v = m.get(f); if (!v) { v = new Float64Array(L); m.set(f, v); } return v; };
function update(feature, label, delta) {
  const w = vec(weights, feature);
  const t = vec(totals, feature);
  const s = vec(stamps, feature);
  t[label] += (clock - s[label]) * w[label];
  s[label] = clock;
  w[label] += delta;
}

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
for (let epoch = 0; epoch < epochs; epoch++) {
  const order = sequences.map((_, i) => i).sort(() => random() - 0.5);
  let correct = 0;
  let total = 0;
  for (const k of order) {
    const { prepared, gold, features } = sequences[k];
    const predicted = [];
    for (let i = 0; i < gold.length; i++) {
      const same = (j) => j >= 0 && prepared.tokens[j].sentenceIndex === prepared.tokens[i].sentenceIndex;
      const prev1 = same(i - 1) ? predicted[i - 1] : '<s>';
      const prev2 = same(i - 2) ? predicted[i - 2] : '<s>';
      const feats = features[i].concat(historyFeatures(prepared, i, prev1, prev2));
      const scores = new Float64Array(L);
      for (const f of feats) { const w = weights.get(f); if (w) for (let c = 0; c < L; c++) scores[c] += w[c]; }
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < L; c++) if (scores[c] > bestScore && allowed(LABELS[c], prev1)) { best = c; bestScore = scores[c]; }
      const guess = LABELS[best];
      const truth = gold[i];
      clock++;
      if (guess !== truth) {
        for (const f of feats) { update(f, labelIndex.get(truth), 1); update(f, best, -1); }
      } else correct++;
      total++;
      predicted.push(guess);
    }
  }
  console.error(`epoch ${epoch + 1}: token accuracy ${(100 * correct / total).toFixed(2)}`);
}

// Average, drop features whose weights all round to near zero, and write the compact format:
// labels line, base64 int16 weights (one common scale, one row per feature), feature names.
const PRUNE = Number(option('--prune', '0.05'));
const averaged = (feature, c) => (totals.get(feature)[c] + (clock - stamps.get(feature)[c]) * weights.get(feature)[c]) / clock;
let maxAbs = 0;
for (const feature of weights.keys()) for (let c = 0; c < L; c++) maxAbs = Math.max(maxAbs, Math.abs(averaged(feature, c)));
// One scale for all weights (argmax does not care), as fine as int16 allows.
const SCALE = Math.min(1000, 32767 / maxAbs);
console.error(`largest weight ${maxAbs.toFixed(1)}, scale ${SCALE.toFixed(1)}`);
const names = [];
const rows = [];
for (const [feature, w] of weights) {
  if (feature.includes('\n')) continue;
  const t = totals.get(feature);
  const s = stamps.get(feature);
  const row = new Array(L);
  let keep = false;
  for (let c = 0; c < L; c++) {
    const avg = (t[c] + (clock - s[c]) * w[c]) / clock;
    row[c] = Math.max(-32768, Math.min(32767, Math.round(avg * SCALE)));
    if (Math.abs(avg) >= PRUNE) keep = true;
  }
  if (keep) { names.push(feature); rows.push(row); }
}
const clipped = rows.flat().filter((v) => Math.abs(v) >= 32767).length;
if (clipped) console.error(`warning: ${clipped} weights clipped to int16`);
const packed = Buffer.from(new Int16Array(rows.flat()).buffer).toString('base64');
const lines = [`labels ${LABELS.join(' ')}`, packed, ...names];
const banner = `// GENERATED by scripts/train-entity-model.mjs; do not edit. Averaged perceptron weights trained on the
// Groningen Meaning Bank NER sample (Voice of America news, public domain); see docs/DATA-SOURCES.md.
// ${holdout ? 'HOLD-OUT BUILD: trained on 4/5 of the documents, for measurement only.' : `Trained on all ${trainDocs.length} documents, ${epochs} epochs.`}
`;
writeFileSync(outPath, `${banner}export const ENTITY_MODEL = ${JSON.stringify(lines.join('\n'))};\n`);
console.error(`wrote ${outPath}: ${names.length} features`);
