// What an actor is linked to: the events it takes part in and the dates near its mentions.
import type { ArticleAnalysis, ArticleEvent, Span, TemporalExpression } from '../types';
import { sentenceAt } from './lookup';

/** Events the actor takes part in (or that happen at the place): the timeline's notable ones first, one per word and date. */
export function linkedEvents(analysis: ArticleAnalysis, actorId: string): ArticleEvent[] {
  const seen = new Set<string>();
  const linked = analysis.events.filter((e) => e.actors.includes(actorId) || e.place === actorId);
  const ordered = [...linked.filter((e) => e.notable), ...linked.filter((e) => !e.notable)];
  return ordered.filter((e) => {
    const key = `${(e.lemma ?? e.text).toLowerCase()}|${e.date ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Dates in the sentences where the mentions stand, by first appearance, one per value. */
export function linkedDates(analysis: ArticleAnalysis, mentions: readonly { start: number }[]): TemporalExpression[] {
  const sentences = mentions.map((m) => sentenceAt(analysis, m.start)).filter((s): s is Span => !!s);
  const seen = new Set<string>();
  const out: TemporalExpression[] = [];
  for (const d of analysis.dates) {
    if (!sentences.some((s) => s.start <= d.start && d.end <= s.end)) continue;
    const key = d.value ?? d.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
