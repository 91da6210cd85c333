// Analysis problems (malformed dateline, a step that failed) and refusals
// (binary, too big) as diagnostics, so the user sees what was not done and why.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { DocumentAnalysis } from './documentAnalysis';
import { spanToRange } from './positions';

export const DIAGNOSTIC_SOURCE = 'News Lens';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function diagnosticsFor(result: DocumentAnalysis): Diagnostic[] {
  if (!result.isArticle) return [];
  const { document } = result;
  if (result.refusal) {
    return [
      {
        range: spanToRange(document, { start: 0, end: 0 }),
        severity: DiagnosticSeverity.Warning,
        source: DIAGNOSTIC_SOURCE,
        code: result.refusal.code,
        message: result.refusal.message,
      },
    ];
  }
  return (result.analysis?.problems ?? []).map((p) => ({
    range: spanToRange(document, p),
    severity: SEVERITY[p.severity] ?? DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: p.code,
    message: p.message,
  }));
}
