// The `newsLens.kinds` setting (which kinds are shown), applied here once: every
// feature (semantic tokens, inlay hints, hover, references, highlights, entityAt,
// document and workspace symbols, the sidebar view) reads what it may show from
// this filter, so switching a kind off removes it from all of them alike.
import type { ArticleAnalysis, EntityMention, EntityType, ItemAtOptions, Span, TemporalExpression } from '../analysis';
import type { HighlightKind, NewsLensServerSettings } from '../protocol';

export interface ShownKinds {
  shows(kind: HighlightKind): boolean;
  /** What `AnalysisLookup.itemAt` may answer: only what is shown. */
  readonly itemAt: Pick<ItemAtOptions, 'shown'>;
  /** Actors (or anything typed like one) of the shown kinds, in their order. */
  actors<T extends { type: EntityType }>(actors: readonly T[]): T[];
  entities(analysis: ArticleAnalysis): EntityMention[];
  /** The article's dates, none when dates are hidden. */
  dates(analysis: ArticleAnalysis): readonly TemporalExpression[];
  /** The dateline's date, null when dates are hidden or there is none. */
  dateline(analysis: ArticleAnalysis): Span | null;
}

export function shownKinds(settings: NewsLensServerSettings): ShownKinds {
  const shows = (kind: HighlightKind) => settings.kinds.includes(kind);
  return {
    shows,
    itemAt: { shown: shows },
    actors: (actors) => actors.filter((a) => shows(a.type)),
    entities: (analysis) => analysis.entities.filter((e) => shows(e.type)),
    dates: (analysis) => (shows('date') ? analysis.dates : []),
    dateline: (analysis) => (shows('date') ? analysis.metadata.dateSpan : null),
  };
}
