#!/usr/bin/env node
// Trains the averaged-perceptron event-trigger model shipped in
// src/analysis/events/data/eventModel.generated.ts: for each candidate token, not an event
// or one of the seven TimeML event classes.
//
// Training data: the AQUAINT part of TimeBank/AQUAINT TimeML (TempEval-3 training data),
// in the dev-set JSONL format. The data never enters the repo; only the learned weights do
// (see docs/DATA-SOURCES.md).
//
// Usage:
//   node scripts/train-event-model.mjs [--data ../shared/data/dev/aquaint.jsonl] [--epochs 10] [--cv 5] [--out FILE]
//     --cv K   K-fold cross-validation by document (document i is in fold i mod K): trains K
//              models, scores each on its held-out documents through the full analysis
//              (analyzeArticle, as `news-lens eval` does) and prints the pooled scores.
//              Without --cv, trains on all documents and writes the model.
// Deterministic: fixed shuffling seed, no clock or randomness elsewhere.
import { loadProjectModules, optionReader } from './lib/projectModules.mjs';
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const option = optionReader(args);
const dataPath = option('--data', '../shared/data/dev/aquaint.jsonl');
const epochs = Number(option('--epochs', '10'));
const folds = Number(option('--cv', '0'));
const PRUNE = Number(option('--prune', '1'));
const outPath = option('--out', 'src/analysis/events/data/eventModel.generated.ts');

// Bundle the project's own parse, segmentation and feature code so training sees exactly the run-time features.
const lib = await loadProjectModules(
  [
    "export * from './src/analysis/parse';",
    "export * from './src/analysis/segmentation';",
    "export * from './src/analysis/metadata';",
    "export { analyzeArticle } from './src/analysis/analyzeArticle';",
    "export { jobText, planParagraphs } from './src/analysis/incremental';",
    "export * from './src/analysis/events/eventFeatures';",
    "export { setEventModelOverride } from './src/analysis/events/eventModel';",
    "export { featureHash } from './src/analysis/entities/tagger';",
    "export { scoreDocuments } from './src/cli/evalScoring';",
  ].join('\n'),
  { name: 'news-lens-train-events' },
);
const { parseParagraph, planParagraphs, jobText, analyzeArticle, prepareEventTokens, eventFeatures, EVENT_LABELS, setEventModelOverride, scoreDocuments } = lib;

const docs = readFileSync(dataPath, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));

/** Candidate tokens of a document with their features and gold labels, paragraph by paragraph as analyzeArticle parses. */
let missedGold = 0;
let totalGold = 0;
function examplesOf(doc) {
  const plan = planParagraphs(doc.text, {});
  const examples = [];
  const gold = [...doc.events].sort((a, b) => a.start - b.start);
  totalGold += gold.length;
  const covered = new Set();
  for (const job of plan.jobs) {
    const { bodyStart } = job;
    const parsed = parseParagraph(jobText(plan, job));
    const prepared = prepareEventTokens(parsed);
    for (let i = 0; i < parsed.tokens.length; i++) {
      const t = parsed.tokens[i];
      const start = t.start + bodyStart;
      const end = t.end + bodyStart;
      const g = gold.find((e) => e.start < end && start < e.end);
      if (g && prepared.candidate[i]) covered.add(g);
      if (!prepared.candidate[i]) continue;
      examples.push({ features: eventFeatures(prepared, i, []).slice(), label: g ? g.class : 'O', lemma: prepared.lemmas[i] });
    }
  }
  missedGold += gold.length - covered.size;
  return examples;
}

console.error(`parsing ${docs.length} documents…`);
const perDoc = docs.map(examplesOf);
console.error(`${totalGold} gold events; ${missedGold} fall on no candidate token (the recall ceiling is ${(100 * (1 - missedGold / totalGold)).toFixed(1)}%)`);

const L = EVENT_LABELS.length;
const labelIndex = new Map(EVENT_LABELS.map((l, i) => [l, i]));

/**
 * Features that name the word itself. For words seen fewer than RARE times in training they are
 * left out, so the model also learns what to do with a word it has never seen (from its
 * suffix, part of speech, context and WordNet) — the common case on new news.
 */
const RARE = Number(option('--rare', '1'));
const LEXICAL = /^(w=|l=|lp=|nwl=)|^(left|comp)=[^|]*\|[a-z]/;
function withoutRareWords(examples) {
  const counts = new Map();
  for (const e of examples) counts.set(e.lemma, (counts.get(e.lemma) ?? 0) + 1);
  return examples.map((e) =>
    (counts.get(e.lemma) ?? 0) >= RARE ? e : { ...e, features: e.features.filter((f) => !LEXICAL.test(f) || /^(left|comp)=[^|]*\|[A-Z]/.test(f)) },
  );
}

/** Averaged perceptron with lazy averaging (Collins 2002); returns the model text format of the entity tagger. */
function train(allExamples) {
  const examples = withoutRareWords(allExamples);
  const weights = new Map();
  const totals = new Map();
  const stamps = new Map();
  let clock = 0;
  const vec = (m, f) => {
    let v = m.get(f);
    if (!v) {
      v = new Float64Array(L);
      m.set(f, v);
    }
    return v;
  };
  const update = (feature, label, delta) => {
    const w = vec(weights, feature);
    const t = vec(totals, feature);
    const s = vec(stamps, feature);
    t[label] += (clock - s[label]) * w[label];
    s[label] = clock;
    w[label] += delta;
  };
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    // Fisher–Yates with the fixed-seed generator: deterministic.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const k of order) {
      const { features, label } = examples[k];
      const scores = new Float64Array(L);
      for (const f of features) {
        const w = weights.get(f);
        if (w) for (let c = 0; c < L; c++) scores[c] += w[c];
      }
      let best = 0;
      for (let c = 1; c < L; c++) if (scores[c] > scores[best]) best = c;
      clock++;
      const truth = labelIndex.get(label);
      if (best !== truth)
        for (const f of features) {
          update(f, truth, 1);
          update(f, best, -1);
        }
    }
  }
  // Average, prune near-zero rows, quantise to int16 with one scale.

  const averaged = [];
  let maxAbs = 0;
  for (const [feature, w] of weights) {
    const t = totals.get(feature);
    const s = stamps.get(feature);
    const row = new Array(L);
    let keep = false;
    for (let c = 0; c < L; c++) {
      row[c] = (t[c] + (clock - s[c]) * w[c]) / clock;
      if (Math.abs(row[c]) >= PRUNE) keep = true;
    }
    if (keep && !feature.includes('\n')) {
      averaged.push([feature, row]);
      for (const v of row) maxAbs = Math.max(maxAbs, Math.abs(v));
    }
  }
  averaged.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const scale = Math.min(1000, 32767 / maxAbs);
  const ints = new Int16Array(averaged.length * L);
  averaged.forEach(([, row], r) =>
    row.forEach((v, c) => {
      ints[r * L + c] = Math.max(-32768, Math.min(32767, Math.round(v * scale)));
    }),
  );
  const packed = Buffer.from(ints.buffer).toString('base64');
  // The entity tagger's format: rows are found by the 32-bit hash of the feature name.
  const hashes = Buffer.from(new Uint32Array(averaged.map(([f]) => lib.featureHash(f))).buffer).toString('base64');
  return { text: [`labels ${EVENT_LABELS.join(' ')}`, packed, hashes].join('\n'), features: averaged.length };
}

function systemEvents(docsToScore) {
  const system = new Map();
  for (const doc of docsToScore) {
    const analysis = analyzeArticle(doc.text, {});
    system.set(doc.id, { id: doc.id, entities: [], dates: [], events: analysis.events.map((e) => ({ start: e.start, end: e.end, class: e.class })) });
  }
  return system;
}

const pct = (x) => (100 * x).toFixed(1);
if (folds > 1) {
  const pooled = new Map();
  for (let k = 0; k < folds; k++) {
    const trainExamples = perDoc.filter((_, i) => i % folds !== k).flat();
    const testDocs = docs.filter((_, i) => i % folds === k);
    const model = train(trainExamples);
    setEventModelOverride(model.text);
    const system = systemEvents(testDocs);
    for (const [id, s] of system) pooled.set(id, s);
    const e = scoreDocuments(testDocs, system).events;
    console.log(
      `fold ${k + 1}: ${testDocs.length} documents, trigger P ${pct(e.relaxed.p)} R ${pct(e.relaxed.r)} F1 ${pct(e.relaxed.f)} (strict F1 ${pct(e.strict.f)}), class accuracy ${pct(e.classAccuracy)}`,
    );
  }
  setEventModelOverride(null);
  const e = scoreDocuments(docs, pooled).events;
  console.log(
    `pooled over ${folds} folds: trigger P ${pct(e.relaxed.p)} R ${pct(e.relaxed.r)} F1 ${pct(e.relaxed.f)} (strict F1 ${pct(e.strict.f)}), class accuracy ${pct(e.classAccuracy)}`,
  );
} else {
  const model = train(perDoc.flat());
  const banner = `// GENERATED by scripts/train-event-model.mjs (npm run train:events); do not edit. Averaged perceptron
// weights for event triggers and their TimeML classes, trained on all ${docs.length} AQUAINT TimeML documents,
// ${epochs} epochs; see docs/DATA-SOURCES.md. Format: labels line, base64 int16 weights, base64 uint32 feature hashes.
`;
  writeFileSync(outPath, `${banner}export const EVENT_MODEL = ${JSON.stringify(model.text)};\n`);
  console.error(`wrote ${outPath}: ${model.features} features`);
}
