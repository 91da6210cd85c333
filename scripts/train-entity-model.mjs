#!/usr/bin/env node
// Trains the entity tagger shipped in src/analysis/entities/data/entityModel.generated.ts:
// a structured averaged perceptron (Collins 2002) over BIO labels for person, organisation,
// place and miscellaneous names, decoded with first-order Viterbi, on the features of
// src/analysis/entities/features.ts (word, shape, affixes, neighbours, compromise's tags,
// gazetteer matches, word clusters).
//
// Training data (never copied into the repo; only the learned weights are, see
// docs/model-card-entities.md and docs/DATA-SOURCES.md):
//   ../shared/data/train/conll2003-train.jsonl  CoNLL-2003 English train (Reuters news)
//   ../shared/data/train/wikigold.jsonl         wikigold (Wikipedia, CC BY 4.0)
//
// Usage:
//   npm run train:entities                        # the shipped model, deterministic
//   node scripts/train-entity-model.mjs [--data A.jsonl,B.jsonl] [--dev DEV.jsonl] [--epochs 10]
//                                       [--prune 1] [--out FILE]
//     --dev   prints the tagger's own span F1 on a dev set after each epoch (no rules)
import { loadProjectModules, optionReader } from './lib/projectModules.mjs';
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = optionReader(args);
const dataPaths = option('--data', '../shared/data/train/conll2003-train.jsonl,../shared/data/train/wikigold.jsonl').split(',');
const devPath = option('--dev');
const epochs = Number(option('--epochs', '10'));
const PRUNE = Number(option('--prune', '1'));
const outPath = option('--out', 'src/analysis/entities/data/entityModel.generated.ts');

// Bundle the project's own parse and feature code so training sees exactly the run-time features.
const lib = await loadProjectModules(
  "export * from './src/analysis/parse'; export * from './src/analysis/entities/features'; export { featureHash, transitionFeature, viterbi } from './src/analysis/entities/tagger';",
  { name: 'news-lens-train' },
);
const { parseParagraph, prepareTokens, staticFeatures, outsideAnyName, LABELS, allowed, featureHash, transitionFeature, viterbi } = lib;

const KIND = { person: 'PER', organization: 'ORG', place: 'LOC', misc: 'MISC' };
const readDocs = (path) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

/** Gold BIO labels on compromise tokens; MISC spans (nationalities, events, works) are a class of their own. */
function goldLabels(doc, tokens) {
  const labels = new Array(tokens.length).fill('O');
  const spans = doc.entities.map((e) => ({ ...e, kind: KIND[e.type] }));
  for (const g of doc.ignore ?? []) if (g.type === 'misc') spans.push({ ...g, kind: 'MISC' });
  for (const e of spans) {
    const covered = tokens.filter((t) => t.start < e.end && t.end > e.start);
    covered.forEach((t, k) => {
      labels[t.index] = `${k ? 'I' : 'B'}-${e.kind}`;
    });
  }
  return labels;
}

// Features are interned to integer ids once, so the epochs touch only typed arrays.
const featureIds = new Map();
const featureNames = [];
const intern = (f) => {
  let id = featureIds.get(f);
  if (id === undefined) {
    id = featureNames.length;
    featureIds.set(f, id);
    featureNames.push(f);
  }
  return id;
};
const L = LABELS.length;
const labelIndex = new Map(LABELS.map((l, i) => [l, i]));
const transitionIds = [...LABELS, '<s>'].map((l) => intern(transitionFeature(l)));

function prepareDoc(doc, grow) {
  const parsed = parseParagraph(doc.text);
  const prepared = prepareTokens(parsed);
  const n = parsed.tokens.length;
  const features = new Array(n);
  const forcedO = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (outsideAnyName(prepared, i)) {
      forcedO[i] = 1;
      features[i] = new Int32Array(0);
      continue;
    }
    const ids = [];
    for (const f of staticFeatures(prepared, i)) {
      const id = grow ? intern(f) : featureIds.get(f);
      if (id !== undefined) ids.push(id);
    }
    features[i] = Int32Array.from(ids);
  }
  const sentences = [];
  for (let first = 0; first < n;) {
    let last = first + 1;
    while (last < n && parsed.tokens[last].sentenceIndex === parsed.tokens[first].sentenceIndex) last++;
    sentences.push([first, last]);
    first = last;
  }
  return { doc, tokens: parsed.tokens, features, forcedO, sentences, gold: goldLabels(doc, parsed.tokens).map((l) => labelIndex.get(l)) };
}

const trainDocs = dataPaths.flatMap(readDocs);
console.error(`parsing ${trainDocs.length} training documents…`);
const train = trainDocs.map((d) => prepareDoc(d, true));
const lostGold = train.reduce((s, t) => s + t.gold.filter((g, i) => g !== 0 && t.forcedO[i]).length, 0);
console.error(`${featureNames.length} features; ${lostGold} gold entity tokens fall on words the tagger never scores`);
const dev = devPath ? readDocs(devPath).map((d) => prepareDoc(d, false)) : [];

let F = featureNames.length;
let weights = new Float64Array(F * L);
let totals = new Float64Array(F * L);
let stamps = new Float64Array(F * L);
let clock = 0;

function decode(seq, w, s) {
  const n = seq.tokens.length;
  const emission = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    if (seq.forcedO[i]) {
      for (let c = 1; c < L; c++) emission[i * L + c] = -1e9;
      continue;
    }
    for (const id of seq.features[i]) {
      const base = id * L;
      for (let c = 0; c < L; c++) emission[i * L + c] += w(base + c);
    }
  }
  const transition = new Float64Array((L + 1) * L);
  for (let prev = 0; prev <= L; prev++) {
    const base = transitionIds[prev] * L;
    for (let c = 0; c < L; c++) transition[prev * L + c] = allowed(LABELS[c], prev === L ? '<s>' : LABELS[prev]) ? w(base + c) : -Infinity;
  }
  const out = new Int32Array(n);
  for (const [first, last] of s ?? seq.sentences) out.set(viterbi(emission, transition, first, last, L), first);
  return out;
}

function update(index, delta) {
  totals[index] += (clock - stamps[index]) * weights[index];
  stamps[index] = clock;
  weights[index] += delta;
}

function updateSequence(seq, labels, delta) {
  for (const [first, last] of seq.sentences) {
    for (let i = first; i < last; i++) {
      const y = labels[i];
      if (!seq.forcedO[i]) for (const id of seq.features[i]) update(id * L + y, delta);
      const prev = i === first ? L : labels[i - 1];
      update(transitionIds[prev] * L + y, delta);
    }
  }
}

function spanSet(labels, tokens, sentences) {
  const spans = new Set();
  for (const [first, last] of sentences) {
    let i = first;
    while (i < last) {
      const l = LABELS[labels[i]];
      if (l === 'O') {
        i++;
        continue;
      }
      const kind = l.slice(2);
      let j = i + 1;
      while (j < last && LABELS[labels[j]] === `I-${kind}`) j++;
      if (kind !== 'MISC') spans.add(`${tokens[i].start}:${tokens[j - 1].end}:${kind}`);
      i = j;
    }
  }
  return spans;
}

function devScore(w) {
  let tp = 0;
  let sys = 0;
  let gold = 0;
  for (const seq of dev) {
    const predicted = spanSet(decode(seq, w), seq.tokens, seq.sentences);
    const truth = spanSet(seq.gold, seq.tokens, seq.sentences);
    sys += predicted.size;
    gold += truth.size;
    for (const s of predicted) if (truth.has(s)) tp++;
  }
  const p = tp / sys;
  const r = tp / gold;
  return (200 * p * r) / (p + r);
}

const averagedWeight = (index) => (totals[index] + (clock - stamps[index]) * weights[index]) / clock;

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (let epoch = 0; epoch < epochs; epoch++) {
  const order = train.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let wrong = 0;
  let total = 0;
  for (const k of order) {
    const seq = train[k];
    // Sentence by sentence: a perceptron update per sentence converges faster than per document.
    for (const sentence of seq.sentences) {
      clock++;
      const predicted = decode(seq, (index) => weights[index], [sentence]);
      let same = true;
      for (let i = sentence[0]; i < sentence[1]; i++)
        if (predicted[i] !== seq.gold[i]) {
          same = false;
          wrong++;
        }
      total += sentence[1] - sentence[0];
      if (same) continue;
      const sub = { ...seq, sentences: [sentence] };
      updateSequence(sub, seq.gold, 1);
      updateSequence(sub, predicted, -1);
    }
  }
  const devF = dev.length ? `, dev span F1 ${devScore(averagedWeight).toFixed(2)}` : '';
  console.error(`epoch ${epoch + 1}: token errors ${((100 * wrong) / total).toFixed(2)}%${devF}`);
}

// Average, prune features whose weights are all near zero, and write the compact format:
// labels line, base64 int16 weights (one common scale, one row per feature), base64 uint32
// feature hashes (tagger.ts featureHash).
let maxAbs = 0;
for (let index = 0; index < F * L; index++) maxAbs = Math.max(maxAbs, Math.abs(averagedWeight(index)));
const SCALE = Math.min(1000, 32767 / maxAbs);
console.error(`largest weight ${maxAbs.toFixed(2)}, scale ${SCALE.toFixed(1)}`);
const hashes = [];
const rows = [];
const seenHashes = new Map();
let collisions = 0;
for (let id = 0; id < F; id++) {
  const feature = featureNames[id];
  const row = new Array(L);
  let keep = false;
  for (let c = 0; c < L; c++) {
    const avg = averagedWeight(id * L + c);
    row[c] = Math.max(-32768, Math.min(32767, Math.round(avg * SCALE)));
    if (Math.abs(avg) >= PRUNE) keep = true;
  }
  if (!keep && !feature.startsWith('T=')) continue;
  const h = featureHash(feature);
  // Two kept features with one hash: keep the first (it was seen first, so it is more frequent).
  if (seenHashes.has(h)) {
    collisions++;
    continue;
  }
  seenHashes.set(h, feature);
  hashes.push(h);
  rows.push(row);
}
if (collisions) console.error(`warning: ${collisions} hash collisions among kept features (dropped)`);
const packedWeights = Buffer.from(new Int16Array(rows.flat()).buffer).toString('base64');
const packedHashes = Buffer.from(new Uint32Array(hashes).buffer).toString('base64');
const lines = [`labels ${LABELS.join(' ')}`, packedWeights, packedHashes];
const sources = dataPaths.map((p) => p.split('/').pop()).join(' + ');
const banner = `// GENERATED by scripts/train-entity-model.mjs; do not edit. Structured averaged perceptron weights
// trained on ${sources} (${trainDocs.length} documents, ${epochs} epochs); see docs/model-card-entities.md.
`;
writeFileSync(outPath, `${banner}export const ENTITY_MODEL = ${JSON.stringify(lines.join('\n'))};\n`);
console.error(`wrote ${outPath}: ${hashes.length} of ${F} features kept`);
