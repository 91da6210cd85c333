// The raw spans the entity rules pass along (token ranges with a kind), and the
// token helpers more than one rule family uses.
import type { EntityEvidence, EntityType } from '../../types';
import type { PreparedTokens } from '../features';

export interface RawSpan {
  first: number;
  /** Token index after the span. */
  last: number;
  type: EntityType;
  evidence: EntityEvidence;
  countryCode?: string;
  canonical?: string;
  contextKind?: boolean;
}

/** Punctuation between tokens j-1 and j that no name runs across ("Kenya (AP) —", "Mali, Niger"). */
export function breaksName(p: PreparedTokens, j: number): boolean {
  return /[,;:()[\]"“”!?—–/|]/.test(p.tokens[j - 1].post + p.tokens[j].pre) || /\n/.test(p.tokens[j - 1].post);
}

/** Replaces the spans that overlap tokens [first, last) with `span`. */
export function override(spans: RawSpan[], span: RawSpan): RawSpan[] {
  return [...spans.filter((s) => s.last <= span.first || s.first >= span.last), span].sort((a, b) => a.first - b.first);
}

/** Token range [first, last) exactly covering the characters [start, end) of the paragraph, or null. */
export function tokensOfChars(p: PreparedTokens, start: number, end: number): { first: number; last: number } | null {
  const first = p.tokens.findIndex((t) => t.start >= start && t.start < end);
  if (first < 0 || p.tokens[first].start !== start) return null;
  let last = first;
  while (last < p.tokens.length && p.tokens[last].start < end) last++;
  return { first, last };
}

export function firstOfRunEndingAt(p: PreparedTokens, j: number): number {
  let i = j - 1;
  while (i > 0 && p.capitalised[i - 1] && !breaksName(p, i) && p.tokens[i - 1].sentenceIndex === p.tokens[j - 1].sentenceIndex && !p.sentenceStart[i]) i--;
  return i;
}

export function sentenceRangesOf(p: PreparedTokens): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let first = 0;
  for (let i = 1; i <= p.tokens.length; i++) {
    if (i === p.tokens.length || p.tokens[i].sentenceIndex !== p.tokens[first].sentenceIndex) {
      out.push([first, i]);
      first = i;
    }
  }
  return out;
}

export function allNameWords(p: PreparedTokens, first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (!p.capitalised[k] && !NAME_PARTICLES.has(p.lower[k]) && !/^(?:of|and|the)$/.test(p.lower[k])) return false;
  return true;
}

// Name particles that may open or sit inside a name in lower case (al-Qaida, de Gaulle, van Gogh).
export const NAME_PARTICLES = new Set([
  'al',
  'el',
  'ul',
  'bin',
  'ibn',
  'de',
  'da',
  'di',
  'dos',
  'das',
  'van',
  'von',
  'der',
  'du',
  'la',
  'le',
  'ben',
  'abu',
  'wa',
  'arap',
  'ter',
]);
