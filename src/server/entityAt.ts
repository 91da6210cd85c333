// What sits under the cursor, so the sidebar can reveal the matching item.
import type { Position } from 'vscode-languageserver';
import type { EntityAtResult, NewsLensServerSettings } from '../protocol';
import type { DocumentAnalysis } from './documentAnalysis';
import { positionToOffset, spanToRange } from './positions';
import { shownKinds } from './shownKinds';

export function entityAt(result: DocumentAnalysis, position: Position, settings: NewsLensServerSettings): EntityAtResult | null {
  const { analysis, document, lookup } = result;
  if (!analysis || !position) return null;
  const item = lookup.itemAt(positionToOffset(document, position), shownKinds(settings).itemAt);
  if (item?.kind === 'entity') return { kind: item.mention.type, actorId: item.mention.actorId, dateIndex: null, range: spanToRange(document, item.mention) };
  if (item?.kind === 'date') return { kind: 'date', actorId: null, dateIndex: analysis.dates.indexOf(item.date), range: spanToRange(document, item.date) };
  return null;
}
