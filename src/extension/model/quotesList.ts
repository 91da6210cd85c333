// The Quotes view as plain data: quotations in text order with their speakers.
import type { ArticleView, QuoteView } from './protocolTypes';
import { compareRanges } from './positions';

export interface QuoteItemNode {
  readonly nodeType: 'quote';
  readonly id: string;
  readonly quote: QuoteView;
  readonly index: number;
}

export function buildQuotesList(view: ArticleView | null): QuoteItemNode[] {
  if (!view) return [];
  return view.quotes
    .map((quote, index): QuoteItemNode => ({ nodeType: 'quote', id: `quote:${index}`, quote, index }))
    .sort((a, b) => compareRanges(a.quote.range, b.quote.range));
}

/** Who said it, as precisely as the analysis knows: the actor, else the phrase, else nobody. */
export function speakerLabel(quote: QuoteView): string {
  return quote.speakerName ?? quote.speakerText ?? 'unattributed';
}

/** One line of the quotation for a tree label: whitespace folded, cut at a word near `max`. */
export function shortenForLabel(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= max) return oneLine;
  const cut = oneLine.lastIndexOf(' ', max - 1);
  return `${oneLine.slice(0, cut > max * 0.6 ? cut : max - 1).trimEnd()}\u2026`;
}
