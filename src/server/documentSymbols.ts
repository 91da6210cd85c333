// Actors as document symbols, for the Outline, breadcrumbs and Go to Symbol.
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { type EntityType, KIND_LABELS } from '../analysis';
import type { NewsLensServerSettings } from '../protocol';
import type { DocumentAnalysis } from './documentAnalysis';
import { plural } from './markdown';
import { spanToRange } from './positions';
import { shownKinds } from './shownKinds';

/** LSP has no person/place kinds; these pick distinct, stable icons. */
export const SYMBOL_KINDS: Record<EntityType, SymbolKind> = {
  person: SymbolKind.Object,
  organization: SymbolKind.Struct,
  place: SymbolKind.Namespace,
  nationality: SymbolKind.Property,
};

export function provideDocumentSymbols(result: DocumentAnalysis, settings: NewsLensServerSettings): DocumentSymbol[] {
  const { analysis, document } = result;
  if (!analysis) return [];
  const symbols: DocumentSymbol[] = [];
  for (const actor of shownKinds(settings).actors(analysis.actors)) {
    if (actor.mentions.length === 0) continue;
    const first = actor.mentions[0];
    const range = spanToRange(document, first);
    const aliases = actor.aliases.length ? ` · ${actor.aliases.join(', ')}` : '';
    symbols.push({
      name: actor.name || '(unnamed)',
      detail: `${KIND_LABELS[actor.type].singular.toLowerCase()} · ${plural(actor.mentions.length, 'mention')}${aliases}`,
      kind: SYMBOL_KINDS[actor.type] ?? SymbolKind.Object,
      range,
      selectionRange: range,
    });
  }
  // Outline shows them in text order; ranking lives in the sidebar.
  return symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
