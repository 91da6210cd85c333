// First honest date recogniser on chrono-node (deepened by the dates issue).
// chrono is contained: a library exception costs this paragraph its dates, nothing more.
import * as chrono from 'chrono-node';
import type { ParsedParagraph } from '../parse';
import type { TemporalExpression } from '../types';

export interface DateContext {
  /** The article date (YYYY-MM-DD) or null when unknown. */
  referenceDate: string | null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function recognizeTemporalExpressions(parsed: ParsedParagraph, context: DateContext): TemporalExpression[] {
  const ref = context.referenceDate ? new Date(`${context.referenceDate}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  let results: chrono.ParsedResult[] = [];
  try {
    results = chrono.parse(parsed.text, { instant: ref, timezone: 0 }, { forwardDate: false });
  } catch {
    return [];
  }
  return results.map((r) => {
    const c = r.start;
    const relative = !c.isCertain('year') || !c.isCertain('month');
    let value: string | null = String(c.get('year'));
    if (c.isCertain('month') || !c.isCertain('year')) value += `-${pad(c.get('month') ?? 1)}`;
    if (c.isCertain('day') || (!c.isCertain('year') && !c.isCertain('month'))) value += `-${pad(c.get('day') ?? 1)}`;
    if (relative && !context.referenceDate) value = null;
    return {
      start: r.index,
      end: r.index + r.text.length,
      text: r.text,
      type: 'DATE' as const,
      value,
      relative,
      explanation: relative
        ? context.referenceDate ? `resolved against the article date ${context.referenceDate}` : 'relative date: the article has no date to resolve it against'
        : 'written as an absolute date',
    };
  });
}
