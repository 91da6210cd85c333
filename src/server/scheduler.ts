// Keeps the server responsive on long articles. The paragraph-level analysis
// (the expensive part) runs in small time slices with the event loop free in
// between, so requests and edits get in; a run stops as soon as its document
// version is stale. The visible range is answered first by analysing only the
// paragraphs it covers. Both fill the document's paragraph cache, so the full
// analysis that follows reuses every paragraph already done.
import {
  type AnalysisOptions,
  analyzeArticle,
  analyzeParagraphJob,
  type ArticleAnalysis,
  LruParagraphCache,
  type ParagraphCache,
  planParagraphs,
  type Span,
} from '../analysis';

import { PARAGRAPH_CACHE_SLACK, SLICE_MS } from './limits';

export { BACKGROUND_THRESHOLD_CHARS, WINDOW_BUDGET_MS } from './limits';

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface WarmOptions {
  referenceDate?: string;
  cache: ParagraphCache;
  /** True once the work is no longer wanted (a newer version, a closed document, a cancelled request). */
  isStale: () => boolean;
  /** Paragraphs overlapping this span are analysed first (the visible range). */
  priority?: Span;
  /** Only the paragraphs overlapping this span (finishing the visible range after a partial answer). */
  only?: Span;
  /** The clock that cuts the work into slices (tests pass their own). */
  now?: () => number;
}

const overlaps = (s: Span, window: Span) => s.end >= window.start && s.start <= window.end;

/**
 * Analyses every paragraph of `text` into `cache`, a few at a time, yielding to
 * the event loop between slices. Resolves true when done, false when stopped as stale.
 */
export async function warmParagraphCache(text: string, options: WarmOptions): Promise<boolean> {
  if (options.cache instanceof LruParagraphCache) options.cache.ensureCapacity(2 * countParagraphs(text) + PARAGRAPH_CACHE_SLACK);
  const plan = planParagraphs(text, { referenceDate: options.referenceDate });
  const only = options.only;
  const jobs = only ? plan.jobs.filter((j) => overlaps(j.span, only)) : [...plan.jobs];
  if (options.priority) {
    const p = options.priority;
    jobs.sort((a, b) => Number(overlaps(b.span, p)) - Number(overlaps(a.span, p)));
  }
  const now = options.now ?? (() => performance.now());
  let sliceStart = now();
  for (const job of jobs) {
    if (now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      if (options.isStale()) return false;
      sliceStart = now();
    }
    analyzeParagraphJob(plan, job, { cache: options.cache });
  }
  return !options.isStale();
}

/** The analysis of a window of a long article, and whether it covers the whole window. */
export interface WindowAnalysis {
  analysis: ArticleAnalysis;
  /** False when the time budget ran out before every paragraph of the window was analysed. */
  complete: boolean;
}

/**
 * The analysis of just the paragraphs overlapping `window` (plus the header, for
 * the article date), with offsets into the full text: everything else is blanked
 * to spaces of the same length, line breaks kept, and the text after the window is
 * left off. Document-level steps (actors,
 * quotes) then see only the window; the full analysis replaces this result.
 * With `budgetMs`, paragraphs are analysed from the top of the window until the
 * budget is spent (at least one), so the first highlights never wait for a whole
 * screenful on a cold start; the caller finishes the rest and asks for a refresh.
 */
export function analyseWindow(text: string, window: Span, options: AnalysisOptions, budgetMs = Infinity): WindowAnalysis {
  const plan = planParagraphs(text, options);
  // The header (and any paragraph wholly inside it) is always kept, for the article date.
  const keep: Span[] = [{ start: 0, end: plan.metadata.bodyStart }];
  const started = performance.now();
  let complete = true;
  for (const job of plan.jobs) {
    if (job.span.start > window.end) break;
    if (job.span.end < window.start) continue;
    if (keep.length > 1 && performance.now() - started > budgetMs) {
      complete = false;
      break;
    }
    // Fill the cache now, so the time spent counts against the budget; the analysis below reuses it.
    analyzeParagraphJob(plan, job, options);
    keep.push(job.span);
  }
  let out = '';
  let at = 0;
  for (const k of keep) {
    if (k.start > at) out += blank(text.slice(at, k.start));
    const from = Math.max(at, k.start);
    if (k.end > from) out += text.slice(from, k.end);
    at = Math.max(at, k.end);
  }
  // Nothing after the window: a prefix keeps every offset, and a 1 MB tail of blanks costs time to build and scan.
  return { analysis: analyzeArticle(out, options), complete };
}

/** Same length, line breaks kept, everything else a space (runs of a line at a time: fast on 1 MB). */
function blank(s: string): string {
  return s.replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length));
}

function countParagraphs(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * compromise builds its lexicon, and the recognisers their tables, on first use
 * (a second or more). Doing that once at start-up keeps it off the first hover.
 */
export function prewarmAnalysis(): void {
  try {
    analyzeArticle(' date 2024-01-02 The minister of Ruritania, Anna Example, said on Monday that the talks in Geneva would resume next week.\n');
  } catch {
    // analyzeArticle never throws; nothing to do if it somehow did
  }
}
