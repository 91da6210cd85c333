// Document-level date step: dates relative to other dates in the text ("two days later").
import type { ArticleMetadata, TemporalExpression } from '../types';

export function resolveDocumentDates(dates: TemporalExpression[], _metadata: ArticleMetadata): TemporalExpression[] {
  return dates;
}
