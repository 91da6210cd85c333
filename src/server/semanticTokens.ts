// Semantic tokens: one token type per entity kind plus `date`; the dateline date
// carries the `dateline` modifier, relative dates `relative`, user spans `userAnnotated`.
import { type Range, SemanticTokensBuilder, type SemanticTokens } from 'vscode-languageserver';
import {
  type NewsLensServerSettings,
  SEMANTIC_TOKEN_MODIFIERS,
  SEMANTIC_TOKEN_TYPES,
  type SemanticTokenModifierName,
  type SemanticTokenTypeName,
} from '../protocol';
import type { DocumentAnalysis } from './documentAnalysis';
import { rangeToSpan, splitByLines } from './positions';
import { shownKinds } from './shownKinds';

interface TokenSpan {
  start: number;
  end: number;
  type: SemanticTokenTypeName;
  modifiers: SemanticTokenModifierName[];
}

export function collectTokenSpans(result: DocumentAnalysis, settings: NewsLensServerSettings): TokenSpan[] {
  const { analysis } = result;
  if (!analysis) return [];
  const spans: TokenSpan[] = [];
  const shown = shownKinds(settings);
  const dateline = shown.dateline(analysis);
  if (dateline && dateline.end > dateline.start) spans.push({ ...dateline, type: 'date', modifiers: ['dateline'] });
  for (const e of shown.entities(analysis)) spans.push({ start: e.start, end: e.end, type: e.type, modifiers: e.source === 'user' ? ['userAnnotated'] : [] });
  for (const d of shown.dates(analysis)) spans.push({ start: d.start, end: d.end, type: 'date', modifiers: d.relative ? ['relative'] : [] });
  // Tokens must be ordered and may not overlap: on overlap the earlier (then longer) span wins.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: TokenSpan[] = [];
  let lastEnd = -1;
  for (const s of spans) {
    if (s.end <= s.start || s.start < lastEnd) continue;
    out.push(s);
    lastEnd = s.end;
  }
  return out;
}

export function provideSemanticTokens(result: DocumentAnalysis, settings: NewsLensServerSettings, range?: Range): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const { document } = result;
  const text = document.getText();
  const window = range ? rangeToSpan(document, range) : null;
  for (const token of collectTokenSpans(result, settings)) {
    if (window && (token.end <= window.start || token.start >= window.end)) continue;
    const typeIndex = SEMANTIC_TOKEN_TYPES.indexOf(token.type);
    let modifierBits = 0;
    for (const m of token.modifiers) modifierBits |= 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf(m);
    for (const piece of splitByLines(text, token)) {
      const start = document.positionAt(piece.start);
      builder.push(start.line, start.character, piece.end - piece.start, typeIndex, modifierBits);
    }
  }
  return builder.build();
}
