// Find All References: every mention of the actor under the cursor; for a date,
// every date with the same resolved value.
import type { Location, Position } from 'vscode-languageserver';
import type { NewsLensServerSettings } from '../protocol';
import type { DocumentAnalysis } from './documentAnalysis';
import { positionToOffset, type Span, spanToRange } from './positions';
import { shownKinds } from './shownKinds';

/** The spans that refer to the same thing as the span under `position`, in text order. */
export function relatedSpans(result: DocumentAnalysis, position: Position, settings: NewsLensServerSettings): Span[] | null {
  const { analysis, document, lookup } = result;
  if (!analysis) return null;
  const item = lookup.itemAt(positionToOffset(document, position), shownKinds(settings).itemAt);
  if (item?.kind === 'entity') {
    const mentions = lookup.mentionsOf(item.mention.actorId);
    return mentions.length ? mentions : [item.mention];
  }
  if (item?.kind === 'date') {
    const { date } = item;
    if (!date.value) return [date];
    return lookup.sortedDates().filter((d) => d.value === date.value);
  }
  return null;
}

/** `includeDeclaration: false` leaves out the first mention, where the article introduces the actor. */
export function provideReferences(
  result: DocumentAnalysis,
  position: Position,
  settings: NewsLensServerSettings,
  includeDeclaration = true,
): Location[] | null {
  const spans = relatedSpans(result, position, settings);
  if (!spans) return null;
  return (includeDeclaration ? spans : spans.slice(1)).map((s) => ({ uri: result.uri, range: spanToRange(result.document, s) }));
}
