// Keeps the server responsive on long articles. The paragraph-level analysis
// (the expensive part) runs in small time slices with the event loop free in
// between, so requests and edits get in; a run stops as soon as its document
// version is stale. The visible range is answered first by analysing only the
// paragraphs it covers. Both fill the document's paragraph cache, so the full
// analysis that follows reuses every paragraph already done.
import { analyzeArticle, type AnalysisOptions, type ArticleAnalysis, LruParagraphCache, type ParagraphCache, readArticleHeader, type Span } from '../analysis';
import { splitParagraphs } from '../analysis/segmentation';

/** Articles shorter than this are analysed in one go: it takes well under a frame's worth of typing latency. */
export const BACKGROUND_THRESHOLD_CHARS = 30_000;
/** How long one slice may hold the event loop before yielding. */
const SLICE_MS = 15;

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

interface WarmOptions {
  referenceDate?: string;
  cache: ParagraphCache;
  /** True once the work is no longer wanted (a newer version, a closed document, a cancelled request). */
  isStale: () => boolean;
  /** Paragraphs overlapping this span are analysed first (the visible range). */
  priority?: Span;
}

/**
 * Analyses every paragraph of `text` into `cache`, a few at a time, yielding to
 * the event loop between slices. Resolves true when done, false when stopped as stale.
 */
export async function warmParagraphCache(text: string, options: WarmOptions): Promise<boolean> {
  const { metadata } = readArticleHeader(text, { referenceDate: options.referenceDate });
  if (options.cache instanceof LruParagraphCache) options.cache.ensureCapacity(2 * countParagraphs(text) + 100);
  const spans = splitParagraphs(text, 0).filter((s) => s.start >= metadata.bodyStart);
  if (options.priority) {
    const p = options.priority;
    const visible = (s: Span) => s.end >= p.start && s.start <= p.end;
    spans.sort((a, b) => Number(visible(b)) - Number(visible(a)));
  }
  // The same paragraph text and reference date give the same cache key as the full analysis.
  const paragraphOptions: AnalysisOptions = { referenceDate: metadata.date ?? undefined, cache: options.cache };
  let sliceStart = performance.now();
  for (const span of spans) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      if (options.isStale()) return false;
      sliceStart = performance.now();
    }
    analyzeArticle(text.slice(span.start, span.end), paragraphOptions);
  }
  return !options.isStale();
}

/**
 * The analysis of just the paragraphs overlapping `window` (plus the header, for
 * the article date), with offsets into the full text: everything else is blanked
 * to spaces of the same length, line breaks kept. Document-level steps (actors,
 * quotes) then see only the window; the full analysis replaces this result.
 */
export function analyseWindow(text: string, window: Span, options: AnalysisOptions): ArticleAnalysis {
  const { metadata } = readArticleHeader(text, options);
  const keep: Span[] = [{ start: 0, end: metadata.bodyStart }];
  for (const span of splitParagraphs(text, 0)) {
    if (span.start > window.end) break;
    if (span.end >= window.start) keep.push(span);
  }
  let out = '';
  let at = 0;
  for (const k of keep) {
    if (k.start > at) out += blank(text.slice(at, k.start));
    const from = Math.max(at, k.start);
    if (k.end > from) out += text.slice(from, k.end);
    at = Math.max(at, k.end);
  }
  if (at < text.length) out += blank(text.slice(at));
  return analyzeArticle(out, options);
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
