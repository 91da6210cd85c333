// An article without a date leaves its relative dates ("last year", "on Friday")
// with no value. Each date's hover says why; this one problem says it for the
// whole article, so batch users (whose JSON would otherwise look clean) and the
// editor's Problems panel learn it once, with the fix.
import type { AnalysisProblem, ArticleMetadata, TemporalExpression } from './types';

export const NO_ARTICLE_DATE = 'no-article-date';

/** The problem, or null when the article has a date or no relative date is left unresolved. */
export function noArticleDateProblem(metadata: ArticleMetadata, dates: readonly TemporalExpression[]): AnalysisProblem | null {
  if (metadata.date !== null) return null;
  const unresolved = dates.filter((d) => d.relative && d.value === null);
  if (unresolved.length === 0) return null;
  const first = unresolved[0];
  const examples = [...new Set(unresolved.map((d) => `"${d.text}"`))].slice(0, 3).join(', ');
  const count = unresolved.length === 1 ? '1 relative date was' : `${unresolved.length} relative dates were`;
  return {
    // On the first unresolved date, where the hover explains it too.
    start: first.start,
    end: first.end,
    severity: 'info',
    code: NO_ARTICLE_DATE,
    message:
      `The article has no date, so ${count} left unresolved (${examples}${unresolved.length > 3 ? ', …' : ''}). ` +
      'Give it a date: a dateline ("date 2024-08-06" at the start), a front-matter "date:" line, ' +
      '--date YYYY-MM-DD on the command line, or in the editor "News Lens: Set Article Date…" or the newsLens.articleDate setting.',
  };
}
