// What sits under the cursor, so the sidebar can reveal the matching item.
import type { Position } from 'vscode-languageserver';
import type { EntityAtResult, NewsLensServerSettings } from '../protocol';
import type { DocumentAnalysis } from './documentAnalysis';
import { positionToOffset, spanToRange } from './positions';
import { kindEnabled } from './settings';

export function entityAt(result: DocumentAnalysis, position: Position, settings: NewsLensServerSettings): EntityAtResult | null {
  const { analysis, document, lookup } = result;
  if (!analysis || !position) return null;
  const offset = positionToOffset(document, position);
  const mention = lookup.entityAt(offset);
  if (mention && kindEnabled(settings, mention.type)) {
    return { kind: mention.type, actorId: mention.actorId, dateIndex: null, range: spanToRange(document, mention) };
  }
  const date = lookup.dateAt(offset);
  if (date && kindEnabled(settings, 'date')) {
    return { kind: 'date', actorId: null, dateIndex: analysis.dates.indexOf(date), range: spanToRange(document, date) };
  }
  return null;
}
