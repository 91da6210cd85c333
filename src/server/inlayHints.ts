// Inlay hints: the resolved value after a relative date ("last year · 2023").
import { type InlayHint, type Range } from 'vscode-languageserver';
import type { NewsLensServerSettings } from '../protocol';
import type { DocumentAnalysis } from './documentAnalysis';
import { rangeToSpan } from './positions';
import { shownKinds } from './shownKinds';
import { formatTimexValue } from '../analysis';

export function provideInlayHints(result: DocumentAnalysis, range: Range, settings: NewsLensServerSettings): InlayHint[] {
  const { analysis, document } = result;
  if (!analysis) return [];
  const window = rangeToSpan(document, range);
  const hints: InlayHint[] = [];
  for (const d of shownKinds(settings).dates(analysis)) {
    if (!d.relative || !d.value || d.end < window.start || d.end > window.end) continue;
    const readable = formatTimexValue(d.value, d.type) ?? d.value;
    // A value that says what the text already says ("2016" after "in 2016") adds nothing.
    if (readable.toLowerCase() === d.text.toLowerCase()) continue;
    hints.push({
      position: document.positionAt(d.end),
      label: `· ${readable}`,
      paddingLeft: true,
      tooltip: `TIMEX3 ${d.value}${d.explanation ? ` — ${d.explanation}` : ''}`,
    });
  }
  return hints;
}
