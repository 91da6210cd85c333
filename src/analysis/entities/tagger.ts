// Averaged-perceptron sequence tagger (BIO over person/organisation/place and
// a gpe class for demonym-like names), greedy left to right. Weights come from
// scripts/train-entity-model.mjs; see docs/DATA-SOURCES.md for the training data.
import { ENTITY_MODEL } from './data/entityModel.generated';
import { allowed, historyFeatures, type PreparedTokens, staticFeatures } from './features';

export interface TaggerModel {
  labels: string[];
  weights: Map<string, Float32Array>;
}

/** Text format: first line `labels L1 L2 …`, then `feature<TAB>labelIndex:weight,…` per line (weights ×1000). */
export function parseModel(text: string): TaggerModel {
  const lines = text.split('\n');
  const labels = lines[0].split(' ').slice(1);
  const weights = new Map<string, Float32Array>();
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const vector = new Float32Array(labels.length);
    for (const pair of line.slice(tab + 1).split(',')) {
      const colon = pair.indexOf(':');
      vector[Number(pair.slice(0, colon))] = Number(pair.slice(colon + 1)) / 1000;
    }
    weights.set(line.slice(0, tab), vector);
  }
  return { labels, weights };
}

let shipped: TaggerModel | null = null;

export function getShippedModel(): TaggerModel {
  if (!shipped) shipped = parseModel(ENTITY_MODEL);
  return shipped;
}

/** One label per token; `O` outside entities. */
export function tagTokens(p: PreparedTokens, model: TaggerModel = getShippedModel()): string[] {
  const { labels, weights } = model;
  const out: string[] = new Array(p.tokens.length);
  const scores = new Float64Array(labels.length);
  for (let i = 0; i < p.tokens.length; i++) {
    const sameSentence = (j: number) => j >= 0 && p.tokens[j].sentenceIndex === p.tokens[i].sentenceIndex;
    const prev1 = sameSentence(i - 1) ? out[i - 1] : '<s>';
    const prev2 = sameSentence(i - 2) ? out[i - 2] : '<s>';
    scores.fill(0);
    for (const feature of staticFeatures(p, i)) addWeights(weights.get(feature), scores);
    for (const feature of historyFeatures(p, i, prev1, prev2)) addWeights(weights.get(feature), scores);
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < labels.length; c++) {
      if (scores[c] > bestScore && allowed(labels[c], prev1)) { best = c; bestScore = scores[c]; }
    }
    out[i] = labels[best];
  }
  return out;
}

function addWeights(vector: Float32Array | undefined, scores: Float64Array): void {
  if (!vector) return;
  for (let c = 0; c < vector.length; c++) scores[c] += vector[c];
}
