// The cursor on an entity highlights its other mentions (and the entity itself).
import { type DocumentHighlight, DocumentHighlightKind, type Position } from 'vscode-languageserver';
import type { NewsLensServerSettings } from '../protocol';
import type { DocumentAnalysis } from './documentAnalysis';
import { spanToRange } from './positions';
import { relatedSpans } from './references';

export function provideDocumentHighlights(result: DocumentAnalysis, position: Position, settings: NewsLensServerSettings): DocumentHighlight[] | null {
  const spans = relatedSpans(result, position, settings);
  return spans ? spans.map((s) => ({ range: spanToRange(result.document, s), kind: DocumentHighlightKind.Read })) : null;
}
