// Document-level event step: attaches actors, place and date to each event.
import type { ArticleEvent, ArticleMetadata, EntityMention, TemporalExpression } from '../types';
import type { EventCandidate } from './detectEvents';

export function linkEvents(
  candidates: EventCandidate[],
  entities: EntityMention[],
  dates: TemporalExpression[],
  metadata: ArticleMetadata,
): ArticleEvent[] {
  return candidates.map((c) => {
    const inSentence = <T extends { start: number; end: number }>(x: T) => x.start >= c.sentence.start && x.end <= c.sentence.end;
    const actors = [...new Set(entities.filter((e) => inSentence(e) && e.type !== 'place').map((e) => e.actorId))];
    const place = entities.find((e) => inSentence(e) && e.type === 'place')?.actorId ?? null;
    const date = dates.find((d) => inSentence(d) && d.value)?.value ?? null;
    const articleDate = !date && c.tense === 'past' ? metadata.date : null;
    return {
      start: c.start,
      end: c.end,
      text: c.text,
      class: c.class,
      actors,
      place,
      date: date ?? articleDate,
      dateSource: date ? 'expression' : articleDate ? 'article' : null,
      tense: c.tense,
      sentence: c.sentence,
    };
  });
}
