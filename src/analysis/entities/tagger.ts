// Structured averaged-perceptron sequence tagger (BIO over person, organisation, place and
// miscellaneous names such as nationalities and events), decoded with Viterbi. Weights come
// from scripts/train-entity-model.mjs; see docs/model-card-entities.md for data and scores.
import { ENTITY_MODEL } from './data/entityModel.generated';
import { rememberBounded } from '../boundedCache';
import { allowed, contextFeatureHashes, featureHash, lexicalFeatureHashes, outsideAnyName, type PreparedTokens, tagMaskHashes, TagPosition } from './features';

export interface TaggerModel {
  labels: string[];
  /** Row r holds labels.length weights at r × labels.length. */
  weights: Int16Array;
  /** The feature hash (featureHash) of each row, in row order: typed arrays, not a Map of ~10^5 numbers, so loading is cheap. */
  hashes: Uint32Array;
}

// The model stores 32-bit FNV-1a hashes of feature names, not the names: a third of the
// size, and a number key is cheaper to look up. Training checks that kept features do not
// collide. The hash is defined once, beside the code that hashes features as it builds them.
export { featureHash } from './features';

/**
 * Text format: line 1 `labels L1 L2 …`, line 2 the weights as base64 of little-endian int16
 * (one common scale), one row of labels.length per feature; line 3 the rows' feature hashes
 * as base64 of little-endian uint32.
 */
export function parseModel(text: string): TaggerModel {
  const [head = '', packedWeights = '', packedHashes = ''] = text.split('\n');
  const labels = head.split(' ').slice(1);
  const weights = decodeInt16(packedWeights);
  const hashes = decodeUint32(packedHashes);
  return { labels, weights, hashes };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) BASE64_VALUE[BASE64.charCodeAt(i)] = i;

/** Base64 → bytes without Buffer or atob, so the analysis layer stays portable. */
function decodeBase64(b64: string): Uint8Array {
  let length = b64.length;
  while (length > 0 && b64.charCodeAt(length - 1) === 61 /* = */) length--;
  const bytes = new Uint8Array(Math.floor((length * 3) / 4));
  let o = 0;
  let i = 0;
  // Whole groups of four characters, then the tail.
  for (const whole = length - (length % 4); i < whole; i += 4) {
    const n =
      (BASE64_VALUE[b64.charCodeAt(i)] << 18) |
      (BASE64_VALUE[b64.charCodeAt(i + 1)] << 12) |
      (BASE64_VALUE[b64.charCodeAt(i + 2)] << 6) |
      BASE64_VALUE[b64.charCodeAt(i + 3)];
    bytes[o++] = (n >> 16) & 255;
    bytes[o++] = (n >> 8) & 255;
    bytes[o++] = n & 255;
  }
  if (i < length) {
    const a = BASE64_VALUE[b64.charCodeAt(i)];
    const b = BASE64_VALUE[b64.charCodeAt(i + 1)];
    const c = i + 2 < length ? BASE64_VALUE[b64.charCodeAt(i + 2)] : 0;
    const n = (a << 18) | (b << 12) | (c << 6);
    if (o < bytes.length) bytes[o++] = (n >> 16) & 255;
    if (o < bytes.length) bytes[o++] = (n >> 8) & 255;
  }
  return bytes;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function decodeInt16(b64: string): Int16Array {
  const bytes = decodeBase64(b64);
  const count = bytes.length >> 1;
  if (LITTLE_ENDIAN) return new Int16Array(bytes.buffer, 0, count);
  const out = new Int16Array(count);
  for (let k = 0; k < count; k++) out[k] = ((bytes[2 * k] | (bytes[2 * k + 1] << 8)) << 16) >> 16;
  return out;
}

function decodeUint32(b64: string): Uint32Array {
  const bytes = decodeBase64(b64);
  const count = bytes.length >> 2;
  if (LITTLE_ENDIAN) return new Uint32Array(bytes.buffer, 0, count);
  const out = new Uint32Array(count);
  for (let r = 0; r < count; r++) out[r] = (bytes[4 * r] | (bytes[4 * r + 1] << 8) | (bytes[4 * r + 2] << 16) | (bytes[4 * r + 3] << 24)) >>> 0;
  return out;
}

let shipped: TaggerModel | null = null;

export function getShippedModel(): TaggerModel {
  if (!shipped) shipped = parseModel(ENTITY_MODEL);
  return shipped;
}

/** The row of transition weights out of label `prev` (`<s>` at a sentence start). */
export const transitionFeature = (prev: string) => `T=${prev}`;

/**
 * One label per token (`O` outside entities): the best label sequence of each sentence under
 * the model's token and transition weights (first-order Viterbi), with I-X only after B-X or I-X.
 */
export function tagTokens(p: PreparedTokens, model: TaggerModel = getShippedModel()): string[] {
  const { labels } = model;
  const n = p.tokens.length;
  const L = labels.length;
  const out: string[] = new Array(n).fill('O');
  const outside = labels.indexOf('O');
  const { emission, forced } = tokenScores(p, model);
  const transition = transitionMatrix(model);
  for (let first = 0; first < n;) {
    let last = first + 1;
    while (last < n && p.tokens[last].sentenceIndex === p.tokens[first].sentenceIndex) last++;
    // A token forced to O splits the sentence: the runs between such tokens decode on their own,
    // entered from O (or the sentence start) and left into O, with the same result as one pass.
    for (let a = first; a < last;) {
      if (forced[a]) {
        a++;
        continue;
      }
      let b = a + 1;
      while (b < last && !forced[b]) b++;
      const best = viterbi(emission, transition, a, b, L, a === first ? L : outside, b < last ? outside : -1);
      for (let i = a; i < b; i++) out[i] = labels[best[i - a]];
      a = b;
    }
    first = last;
  }
  return out;
}

const clear = (xs: number[]) => {
  xs.length = 0;
  return xs;
};

function addRows(emission: Float64Array, at: number, table: RowTable, weights: Int16Array, L: number, hashes: number[]): void {
  for (const hash of hashes) {
    const row = findRow(table, hash);
    if (row < 0) continue;
    for (let c = 0; c < L; c++) emission[at + c] += weights[row + c];
  }
}

function addScores(emission: Float64Array, at: number, scores: Float64Array, L: number): void {
  for (let c = 0; c < L; c++) emission[at + c] += scores[c];
}

/**
 * Summed weights of feature groups that recur: a word's own features (per word: news repeats
 * its words) and a tag set's features at each position. Per model, as a held-out model may be given.
 */
interface PartialSums {
  byWord: Map<string, Float64Array>;
  byTags: [Map<number, Float64Array>, Map<number, Float64Array>, Map<number, Float64Array>];
}
const partialSumsByModel = new WeakMap<TaggerModel, PartialSums>();
const WORD_SUMS_MAX = 20_000;

function partialSums(model: TaggerModel): PartialSums {
  let sums = partialSumsByModel.get(model);
  if (!sums) {
    sums = { byWord: new Map(), byTags: [new Map(), new Map(), new Map()] };
    partialSumsByModel.set(model, sums);
  }
  return sums;
}

const scratch: number[] = [];

function sumRows(table: RowTable, weights: Int16Array, L: number, hashes: number[]): Float64Array {
  const scores = new Float64Array(L);
  addRows(scores, 0, table, weights, L, hashes);
  return scores;
}

/** Outside an all-caps line a token's lower-cased word, shape and cluster all follow from `words[i]`. */
function lexicalScores(sums: PartialSums, table: RowTable, weights: Int16Array, L: number, p: PreparedTokens, i: number): Float64Array {
  const key = p.words[i];
  const known = sums.byWord.get(key);
  if (known) return known;
  const scores = sumRows(table, weights, L, lexicalFeatureHashes(p.lower[i], p.shapes[i], p.clusters[i], clear(scratch)));
  return rememberBounded(sums.byWord, WORD_SUMS_MAX, key, scores);
}

function tagScores(sums: PartialSums, table: RowTable, weights: Int16Array, L: number, mask: number, position: TagPosition): Float64Array {
  const cache = sums.byTags[position];
  let scores = cache.get(mask);
  if (!scores) {
    scores = sumRows(table, weights, L, tagMaskHashes(mask, position, clear(scratch)));
    cache.set(mask, scores);
  }
  return scores;
}

/**
 * Each token's score for each label (n × L, the sum of its features' weights), and which tokens
 * are outside any name (outsideAnyName: not scored, forced to O).
 */
export function tokenScores(p: PreparedTokens, model: TaggerModel = getShippedModel()): { emission: Float64Array; forced: Uint8Array } {
  const { labels, weights } = model;
  const n = p.tokens.length;
  const L = labels.length;
  const emission = new Float64Array(n * L);
  const forced = new Uint8Array(n);
  const hashes: number[] = [];
  const table = rowTable(model);
  const sums = partialSums(model);
  const { tokens, tagMasks } = p;
  for (let i = 0; i < n; i++) {
    if (outsideAnyName(p, i)) {
      forced[i] = 1;
      continue;
    }
    // The features' hashes, made without the feature strings (features.ts staticFeatureHashes);
    // weights are integers, so summing them in parts and in any order gives the same scores.
    const at = i * L;
    if (p.allCaps[i]) addRows(emission, at, table, weights, L, lexicalFeatureHashes(p.lower[i], p.shapes[i], p.clusters[i], clear(hashes)));
    else addScores(emission, at, lexicalScores(sums, table, weights, L, p, i), L);
    const sentence = tokens[i].sentenceIndex;
    addScores(emission, at, tagScores(sums, table, weights, L, tagMasks[i], TagPosition.Self), L);
    if (i > 0 && tokens[i - 1].sentenceIndex === sentence) addScores(emission, at, tagScores(sums, table, weights, L, tagMasks[i - 1], TagPosition.Before), L);
    if (i + 1 < n && tokens[i + 1].sentenceIndex === sentence)
      addScores(emission, at, tagScores(sums, table, weights, L, tagMasks[i + 1], TagPosition.After), L);
    addRows(emission, at, table, weights, L, contextFeatureHashes(p, i, clear(hashes)));
  }
  return { emission, forced };
}

/**
 * The model's feature hash → row map as an open-addressing table in typed arrays: most hashes
 * are above 2^30, which a Map keys as heap numbers, and the tagger looks up ~40 per token.
 */
export interface RowTable {
  keys: Uint32Array;
  /** Row offset into weights, or -1 for an empty slot. */
  rows: Int32Array;
  mask: number;
}

const rowTables = new WeakMap<TaggerModel, RowTable>();

export function rowTable(model: TaggerModel): RowTable {
  let table = rowTables.get(model);
  if (table) return table;
  const { hashes, labels } = model;
  let size = 16;
  while (size < hashes.length * 2) size *= 2;
  table = { keys: new Uint32Array(size), rows: new Int32Array(size).fill(-1), mask: size - 1 };
  for (let r = 0; r < hashes.length; r++) {
    const hash = hashes[r];
    let k = hash & table.mask;
    // A hash seen before keeps its slot and takes the later row (training keeps hashes unique).
    while (table.rows[k] >= 0 && table.keys[k] !== hash) k = (k + 1) & table.mask;
    table.keys[k] = hash;
    table.rows[k] = r * labels.length;
  }
  rowTables.set(model, table);
  return table;
}

/** The row of feature hash `hash` (an unsigned 32-bit FNV-1a), or -1 when the model lacks it. */
export function findRow(table: RowTable, hash: number): number {
  const { keys, rows, mask } = table;
  for (let k = hash & mask; ; k = (k + 1) & mask) {
    const row = rows[k];
    if (row < 0 || keys[k] === hash) return row;
  }
}

const transitionCache = new WeakMap<TaggerModel, Float64Array>();

/** (L + 1) × L: row `prev` (row L is the sentence start) → score of each next label; disallowed = -∞. */
export function transitionMatrix(model: TaggerModel): Float64Array {
  let matrix = transitionCache.get(model);
  if (matrix) return matrix;
  const { labels, weights } = model;
  const table = rowTable(model);
  const L = labels.length;
  matrix = new Float64Array((L + 1) * L);
  for (let prev = 0; prev <= L; prev++) {
    const name = prev === L ? '<s>' : labels[prev];
    const row = findRow(table, featureHash(transitionFeature(name)));
    for (let c = 0; c < L; c++) {
      matrix[prev * L + c] = !allowed(labels[c], name) ? -Infinity : row < 0 ? 0 : weights[row + c];
    }
  }
  transitionCache.set(model, matrix);
  return matrix;
}

const VITERBI_SCRATCH = 1 << 16;
let viterbiScore = new Float64Array(0);
let viterbiBack = new Int32Array(0);

/**
 * Best label indices for tokens [first, last) given per-token scores and transitions, entered
 * from row `from` (L: the sentence start) and, when `into` ≥ 0, left into label `into`.
 */
export function viterbi(emission: ArrayLike<number>, transition: ArrayLike<number>, first: number, last: number, L: number, from = L, into = -1): Int32Array {
  const length = last - first;
  // Scratch tables reused from call to call (one run is decoded at a time), up to a size that
  // keeps memory small; a longer run gets its own.
  const size = length * L;
  const reuse = size <= VITERBI_SCRATCH;
  if (reuse && viterbiScore.length < size) {
    viterbiScore = new Float64Array(Math.min(VITERBI_SCRATCH, size * 2));
    viterbiBack = new Int32Array(viterbiScore.length);
  }
  const score = reuse ? viterbiScore : new Float64Array(size);
  const back = reuse ? viterbiBack : new Int32Array(size);
  for (let c = 0; c < L; c++) score[c] = transition[from * L + c] + emission[first * L + c];
  for (let t = 1; t < length; t++) {
    for (let c = 0; c < L; c++) {
      let bestPrev = 0;
      let bestScore = -Infinity;
      for (let q = 0; q < L; q++) {
        const s = score[(t - 1) * L + q] + transition[q * L + c];
        if (s > bestScore) {
          bestScore = s;
          bestPrev = q;
        }
      }
      score[t * L + c] = bestScore + emission[(first + t) * L + c];
      back[t * L + c] = bestPrev;
    }
  }
  const path = new Int32Array(length);
  const final = (c: number) => score[(length - 1) * L + c] + (into >= 0 ? transition[c * L + into] : 0);
  let bestLast = 0;
  for (let c = 1; c < L; c++) if (final(c) > final(bestLast)) bestLast = c;
  path[length - 1] = bestLast;
  for (let t = length - 1; t > 0; t--) path[t - 1] = back[t * L + path[t]];
  return path;
}
