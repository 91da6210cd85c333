// Event-trigger tagger: an averaged perceptron over eventFeatures, one decision per
// candidate token (not an event, or one of the seven TimeML classes). Weights come from
// scripts/train-event-model.mjs (trained on AQUAINT TimeML; see docs/DATA-SOURCES.md).
import { parseModel, type TaggerModel } from '../entities/tagger';
import { EVENT_MODEL } from './data/eventModel.generated';
import { eventFeatures, type PreparedEventTokens, wordnetEntry } from './eventFeatures';

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

/** The label index per token (0 = not an event); non-candidates are never scored. */
export function tagEventTokens(p: PreparedEventTokens, model: TaggerModel = getEventModel()): Uint8Array {
  const { labels, rows, weights } = model;
  const L = labels.length;
  const out = new Uint8Array(p.tokens.length);
  const scores = new Int32Array(L);
  const features: string[] = [];
  for (let i = 0; i < p.tokens.length; i++) {
    if (!p.candidate[i]) continue;
    scores.fill(0);
    for (const f of eventFeatures(p, i, features)) {
      const row = rows.get(f);
      if (row === undefined) continue;
      for (let c = 0; c < L; c++) scores[c] += weights[row + c];
    }
    let best = 0;
    for (let c = 1; c < L; c++) if (scores[c] > scores[best]) best = c;
    out[i] = best;
  }
  applyRules(p, labels, out);
  return out;
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
