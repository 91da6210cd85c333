// First honest event detector: every non-auxiliary verb (deepened by the events issue).
import type { ParsedParagraph } from '../parse';
import type { EventClass, Span } from '../types';

export interface EventCandidate extends Span {
  text: string;
  class: EventClass;
  tense: 'past' | 'present' | 'future' | 'none';
  /** Sentence span, relative to the paragraph. */
  sentence: Span;
}

const REPORTING = new Set(['say', 'said', 'says', 'report', 'reported', 'told', 'tell', 'announce', 'announced']);

export function detectEvents(parsed: ParsedParagraph): EventCandidate[] {
  const out: EventCandidate[] = [];
  for (const t of parsed.tokens) {
    if (!t.tags.has('Verb') || t.tags.has('Auxiliary') || t.tags.has('Copula')) continue;
    out.push({
      start: t.start,
      end: t.end,
      text: t.text,
      class: REPORTING.has(t.normal) ? 'REPORTING' : 'OCCURRENCE',
      tense: t.tags.has('PastTense') ? 'past' : t.tags.has('FutureTense') ? 'future' : t.tags.has('PresentTense') ? 'present' : 'none',
      sentence: parsed.sentences[t.sentenceIndex],
    });
  }
  return out;
}
