// Paragraph-level temporal tagging: rule-based recognition (patterns.ts) on the
// paragraph text, then TIMEX3 normalisation against the article date with the
// tense of the surrounding clause read from the shared compromise parse.
// Pure function of (paragraph, reference date); never throws.
import type { ParsedParagraph } from '../parse';
import type { TemporalExpression } from '../types';
import { parseIsoDate } from './calendar';
import { normaliseSpec, type Normalised } from './normalize';
import { findCandidates } from './patterns';
import type { Candidate } from './spec';
import { tenseAround, type Tense } from './tense';

export interface DateContext {
  /** The article date (YYYY-MM-DD) or null when unknown. */
  referenceDate: string | null;
}

/** Longer paragraphs are cut into windows so a pathological input cannot stall the regexes. */
const MAX_WINDOW = 50_000;

export function recognizeTemporalExpressions(parsed: ParsedParagraph, context: DateContext): TemporalExpression[] {
  const text = typeof parsed?.text === 'string' ? parsed.text : '';
  if (!text) return [];
  const ref = parseIsoDate(context?.referenceDate ?? null);
  const out: TemporalExpression[] = [];
  for (let offset = 0; offset < text.length; offset += MAX_WINDOW) {
    let candidates: Candidate[];
    try {
      candidates = findCandidates(text.slice(offset, offset + MAX_WINDOW)).map((c) => ({ ...c, start: c.start + offset, end: c.end + offset }));
    } catch {
      continue; // a rule failing on odd input costs this window its dates, nothing more
    }
    for (const candidate of candidates) {
      const expression = toExpression(candidate, text, parsed, ref);
      if (expression) out.push(expression);
    }
  }
  try {
    attachClockTimesToDays(out, parsed);
  } catch {
    // keep the times on the article date rather than lose the paragraph's dates
  }
  return out;
}

/** "stays a month" is a stay's length; "shifts a day" a rate. Only the parse knows "stays" is a verb. */
function rateAfterVerb(candidate: Candidate, text: string, parsed: ParsedParagraph): boolean {
  if (candidate.spec.kind !== 'set' || !/^an?\s/i.test(text.slice(candidate.start, candidate.end))) return false;
  let previous: ParsedParagraph['tokens'][number] | undefined;
  for (const token of parsed.tokens) {
    if (token.end > candidate.start) break;
    previous = token;
  }
  return !!previous && previous.tags.has('Verb') && !previous.tags.has('Noun');
}

function toExpression(candidate: Candidate, text: string, parsed: ParsedParagraph, ref: ReturnType<typeof parseIsoDate>): TemporalExpression | null {
  if (rateAfterVerb(candidate, text, parsed)) candidate = { ...candidate, spec: { kind: 'duration', value: (candidate.spec as { value: string }).value } };
  let tense: Tense | undefined;
  const tenseOf = () => (tense ??= safeTense(parsed, candidate.start, candidate.end));
  let normalised: Normalised;
  try {
    normalised = normaliseSpec(candidate.spec, { ref, tense: tenseOf });
  } catch {
    return null;
  }
  const expression: TemporalExpression = {
    start: candidate.start,
    end: candidate.end,
    text: text.slice(candidate.start, candidate.end),
    type: normalised.type,
    value: normalised.value,
    relative: normalised.relative,
    explanation: normalised.explanation,
  };
  if (normalised.mod) expression.mod = normalised.mod;
  if (normalised.anchorRequest) expression.anchor = { ...normalised.anchorRequest };
  return expression;
}

function safeTense(parsed: ParsedParagraph, start: number, end: number): Tense {
  try {
    return tenseAround(parsed, start, end);
  } catch {
    return 'none';
  }
}

/**
 * A clock time with no day of its own ("at 10:35 a.m. (0735 GMT) Friday") takes the
 * day of a date in the same sentence, so "10:35 a.m." lands on Friday, not the article date.
 */
function attachClockTimesToDays(expressions: TemporalExpression[], parsed: ParsedParagraph): void {
  const sentenceOf = (offset: number) => parsed.sentences.findIndex((s) => s.start <= offset && offset < s.end);
  for (const time of expressions) {
    if (time.type !== 'TIME' || !time.value || !/T\d\d:\d\d$/.test(time.value) || !/on the article date/.test(time.explanation)) continue;
    const sentence = sentenceOf(time.start);
    let best: TemporalExpression | null = null;
    for (const other of expressions) {
      if (other === time || !other.value || !/^\d{4}-\d\d-\d\d/.test(other.value) || other.type === 'DURATION') continue;
      if (sentenceOf(other.start) !== sentence) continue;
      if (!best || Math.abs(other.start - time.start) < Math.abs(best.start - time.start)) best = other;
    }
    if (best?.value) {
      const day = best.value.slice(0, 10);
      time.value = `${day}${time.value.slice(10)}`;
      time.explanation = `${time.value.slice(11)} on ${day}, the day of "${best.text}" in the same sentence`;
    }
  }
}
