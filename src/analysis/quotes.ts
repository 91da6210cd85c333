// Direct quotations and their speakers (deepened by the events issue).
import type { Actor, EntityMention, Quote, Span } from './types';

export function findQuotes(text: string, _paragraphs: Span[], _entities: EntityMention[], _actors: Actor[]): Quote[] {
  const quotes: Quote[] = [];
  const re = /["“]([^"”\n]{1,5000})["”]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    quotes.push({ start: m.index, end: m.index + m[0].length, speaker: null, speakerText: null });
  }
  return quotes;
}
