// Averaged-perceptron sequence tagger (BIO over person/organisation/place and
// a gpe class for demonym-like names), greedy left to right. Weights come from
// scripts/train-entity-model.mjs; see docs/DATA-SOURCES.md for the training data.
import { ENTITY_MODEL } from './data/entityModel.generated';
import { allowed, historyFeatures, type PreparedTokens, staticFeatures } from './features';

export interface TaggerModel {
  labels: string[];
  /** Feature → row in `weights` (row r holds labels.length weights at r × labels.length). */
  rows: Map<string, number>;
  weights: Int16Array;
}

/**
 * Text format: line 1 `labels L1 L2 …`, line 2 the weights as base64 of little-endian
 * int16 (one common scale), one row of labels.length per feature; then one feature name a line.
 */
export function parseModel(text: string): TaggerModel {
  const firstBreak = text.indexOf('\n');
  const secondBreak = text.indexOf('\n', firstBreak + 1);
  const labels = text.slice(0, firstBreak).split(' ').slice(1);
  const weights = decodeInt16(text.slice(firstBreak + 1, secondBreak < 0 ? text.length : secondBreak));
  const rows = new Map<string, number>();
  if (secondBreak >= 0) {
    const names = text.slice(secondBreak + 1).split('\n');
    for (let r = 0; r < names.length; r++) rows.set(names[r], r * labels.length);
  }
  return { labels, rows, weights };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) BASE64_VALUE[BASE64.charCodeAt(i)] = i;

/** Base64 → int16 without Buffer or atob, so the analysis layer stays portable. */
function decodeInt16(b64: string): Int16Array {
  const clean = b64.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let o = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const a = BASE64_VALUE[clean.charCodeAt(i)];
    const b = BASE64_VALUE[clean.charCodeAt(i + 1)];
    const c = i + 2 < clean.length ? BASE64_VALUE[clean.charCodeAt(i + 2)] : 0;
    const d = i + 3 < clean.length ? BASE64_VALUE[clean.charCodeAt(i + 3)] : 0;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    if (o < bytes.length) bytes[o++] = (n >> 16) & 255;
    if (o < bytes.length) bytes[o++] = (n >> 8) & 255;
    if (o < bytes.length) bytes[o++] = n & 255;
  }
  const out = new Int16Array(bytes.length >> 1);
  for (let k = 0; k < out.length; k++) out[k] = (bytes[2 * k] | (bytes[2 * k + 1] << 8)) << 16 >> 16;
  return out;
}

const PLAIN_LOWER = /^\p{Ll}+$/u;
// Lower-case words that may open a name ("al Qaida", "de Gaulle", "van Gogh").
const STARTS_NAME = new Set(['al', 'el', 'ul', 'bin', 'ibn', 'de', 'da', 'di', 'dos', 'das', 'van', 'von', 'der', 'du', 'la', 'le', 'ben', 'abu', 'ter']);

let shipped: TaggerModel | null = null;

export function getShippedModel(): TaggerModel {
  if (!shipped) shipped = parseModel(ENTITY_MODEL);
  return shipped;
}

/** One label per token; `O` outside entities. */
export function tagTokens(p: PreparedTokens, model: TaggerModel = getShippedModel()): string[] {
  const { labels, rows, weights } = model;
  const out: string[] = new Array(p.tokens.length);
  const scores = new Int32Array(labels.length);
  for (let i = 0; i < p.tokens.length; i++) {
    const sameSentence = (j: number) => j >= 0 && p.tokens[j].sentenceIndex === p.tokens[i].sentenceIndex;
    const prev1 = sameSentence(i - 1) ? out[i - 1] : '<s>';
    // A plain lower-case word after no entity starts none: skip scoring it (most tokens; the tagger's main cost).
    if ((prev1 === 'O' || prev1 === '<s>') && !p.allCaps[i] && PLAIN_LOWER.test(p.tokens[i].text) && !STARTS_NAME.has(p.lower[i])) { out[i] = 'O'; continue; }
    const prev2 = sameSentence(i - 2) ? out[i - 2] : '<s>';
    scores.fill(0);
    for (const feature of staticFeatures(p, i)) addRow(rows.get(feature), weights, scores);
    for (const feature of historyFeatures(p, i, prev1, prev2)) addRow(rows.get(feature), weights, scores);
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < labels.length; c++) {
      if (scores[c] > bestScore && allowed(labels[c], prev1)) { best = c; bestScore = scores[c]; }
    }
    out[i] = labels[best];
  }
  return out;
}

function addRow(row: number | undefined, weights: Int16Array, scores: Int32Array): void {
  if (row === undefined) return;
  for (let c = 0; c < scores.length; c++) scores[c] += weights[row + c];
}
