// Event-trigger tagger: an averaged perceptron over eventFeatures, one decision per
// candidate token (not an event, or one of the seven TimeML classes). Weights come from
// scripts/train-event-model.mjs (trained on AQUAINT TimeML; see docs/DATA-SOURCES.md).
import { featureHash, findRow, parseModel, rowTable, type TaggerModel } from '../entities/tagger';
import { EVENT_MODEL } from './data/eventModel.generated';
import { contextShape, lexicalFeatures, type PreparedEventTokens, shapeFeatures, wordContextHashes, wordnetEntry } from './eventFeatures';

let shipped: TaggerModel | null = null;
/** Set only by the training script's cross-validation, to score a fold's model through the real pipeline. */
let override: TaggerModel | null = null;

export function getEventModel(): TaggerModel {
  if (override) return override;
  if (!shipped) shipped = parseModel(EVENT_MODEL);
  return shipped;
}

export function setEventModelOverride(text: string | null): void {
  override = text === null ? null : parseModel(text);
}

/** The scores of one word's own features, for one lemma and part of speech of it. */
interface LexicalScores {
  lemma: string;
  pos: string;
  scores: Int32Array;
}
/**
 * Scores of the word-only features per distinct word, lemma and part of speech,
 * shared across paragraphs (bounded): by word, then among the word's few lemma and part-of-speech
 * readings, so no key string is built per token.
 */
const lexicalScores = new WeakMap<TaggerModel, Map<string, LexicalScores[]>>();
/** Scores of the context-shape features per shape key (a small set: parts of speech and roles). */
const shapeScores = new WeakMap<TaggerModel, Map<number | string, Int32Array>>();
const MAX_CACHED_WORDS = 50_000;

/** The label index per token (0 = not an event); non-candidates are never scored. */
export function tagEventTokens(p: PreparedEventTokens, model: TaggerModel = getEventModel()): Uint8Array {
  const { labels, weights } = model;
  const table = rowTable(model);
  const row = (feature: string) => findRow(table, featureHash(feature));
  const L = labels.length;
  const out = new Uint8Array(p.tokens.length);
  const scores = new Int32Array(L);
  const features: string[] = [];
  const hashes: number[] = [];
  let cache = lexicalScores.get(model);
  if (!cache) lexicalScores.set(model, (cache = new Map()));
  let shapeCache = shapeScores.get(model);
  if (!shapeCache) shapeScores.set(model, (shapeCache = new Map()));
  for (let i = 0; i < p.tokens.length; i++) {
    if (!p.candidate[i]) continue;
    const word = p.words[i];
    const lemma = p.lemmas[i];
    const pos = p.pos[i];
    let readings = cache.get(word);
    let lexical: Int32Array | undefined;
    if (readings) for (const r of readings) if (r.lemma === lemma && r.pos === pos) lexical = r.scores;
    if (!lexical) {
      lexical = new Int32Array(L);
      for (const f of lexicalFeatures(p, i, features)) addRow(row(f), weights, lexical, L);
      if (!readings) {
        if (cache.size >= MAX_CACHED_WORDS) cache.clear();
        cache.set(word, (readings = []));
      }
      readings.push({ lemma, pos, scores: lexical });
    }
    scores.set(lexical);
    const shape = contextShape(p, i);
    let shaped = shapeCache.get(shape.key);
    if (!shaped) {
      shaped = new Int32Array(L);
      for (const f of shapeFeatures(p, i, features, shape)) addRow(row(f), weights, shaped, L);
      if (shapeCache.size >= MAX_CACHED_WORDS) shapeCache.clear();
      shapeCache.set(shape.key, shaped);
    }
    for (let c = 0; c < L; c++) scores[c] += shaped[c];
    for (const hash of wordContextHashes(p, i, hashes, shape)) addRow(findRow(table, hash), weights, scores, L);
    let best = 0;
    for (let c = 1; c < L; c++) if (scores[c] > scores[best]) best = c;
    out[i] = best;
  }
  applyRules(p, labels, out);
  return out;
}

function addRow(row: number, weights: Int16Array, scores: Int32Array, L: number): void {
  if (row < 0) return;
  for (let c = 0; c < L; c++) scores[c] += weights[row + c];
}

/**
 * Rules the model cannot learn from its training news (AQUAINT has almost no business
 * reporting): a noun derived from a verb and measured by an amount is a change that
 * happened ("a loss of $2 million", "an increase of 5 percent").
 */
function applyRules(p: PreparedEventTokens, labels: string[], out: Uint8Array): void {
  const occurrence = labels.indexOf('OCCURRENCE');
  for (let i = 0; i < p.tokens.length; i++) {
    if (out[i] || !p.candidate[i]) continue;
    const pos = p.pos[i];
    if ((pos === 'N' || pos === 'N-pl') && i + 2 < p.sentenceEnd[i] && p.words[i + 1] === 'of' && p.pos[i + 2] === 'NUM') {
      const entry = wordnetEntry(p.lemmas[i], p.words[i]);
      if (entry && entry[2] === 1 && entry[1] !== 'c' && entry[0] >= 30 && occurrence > 0) out[i] = occurrence;
    }
  }
}
