// The incremental analysis API: plan the paragraphs of a text, then analyse one
// job at a time. The full analysis, the actors-only analysis and the server's
// time-sliced scheduler all cut paragraphs here, so a paragraph warmed ahead
// of time is found under the one key the full analysis looks up.
import { type EntityCandidate, recognizeEntities } from './entities/recognizeEntities';
import { compactWordList, emptyWordList, isWordBoundary, scanWords, surfaceWords, type WordList } from './entities/surfaceWords';
import { recognizeTemporalExpressions } from './dates/recognizeDates';
import { detectEvents, type EventCandidate } from './events/detectEvents';
import { readArticleHeader } from './metadata';
import { parseParagraph } from './parse';
import { splitParagraphs } from './segmentation';
import { step } from './step';
import type { AnalysisOptions, AnalysisProblem, ArticleMetadata, Span, TemporalExpression } from './types';

/** What one paragraph contributes; offsets relative to the job's `bodyStart`. */
export interface ParagraphAnalysis {
  sentences: Span[];
  entities: EntityCandidate[];
  dates: TemporalExpression[];
  events: EventCandidate[];
  problems: AnalysisProblem[];
  /** The paragraph's words as the document-level name propagation reads them (see documentWords). */
  words: WordList;
}

/** One paragraph to analyse. */
export interface ParagraphJob {
  /** The paragraph as split. */
  span: Span;
  /** Where its analysed text starts: after the dateline for a lead that shares its line, else `span.start`. */
  bodyStart: number;
}

/** A text cut into paragraphs, as every analysis of it cuts them. */
export interface ParagraphPlan {
  text: string;
  metadata: ArticleMetadata;
  /** Problems found reading the header. */
  problems: AnalysisProblem[];
  /** Paragraphs wholly inside the header (front matter, a bare dateline): nothing to analyse. They precede every job. */
  headerOnly: Span[];
  /** The paragraphs to analyse, in text order. */
  jobs: ParagraphJob[];
}

/** Bump when paragraph-level output changes shape, so injected caches never serve stale parts. */
const PARAGRAPH_ANALYSIS_VERSION = 5;

export function planParagraphs(text: string, options: Pick<AnalysisOptions, 'referenceDate'> = {}): ParagraphPlan {
  const { metadata, problems } = readArticleHeader(text, options);
  const headerOnly: Span[] = [];
  const jobs: ParagraphJob[] = [];
  for (const span of splitParagraphs(text, 0)) {
    if (span.end <= metadata.bodyStart) headerOnly.push(span);
    // The dateline shares the lead's line; analyse the lead from after it.
    else jobs.push({ span, bodyStart: span.start < metadata.bodyStart ? skipSpaces(text, metadata.bodyStart, span.end) : span.start });
  }
  return { text, metadata, problems, headerOnly, jobs };
}

/** The text a job analyses. */
export function jobText(plan: ParagraphPlan, job: ParagraphJob): string {
  return plan.text.slice(job.bodyStart, job.span.end);
}

/** One job through the cache (when given): the same key wherever the job is analysed. */
export function analyzeParagraphJob(plan: ParagraphPlan, job: ParagraphJob, options: Pick<AnalysisOptions, 'cache'> = {}): ParagraphAnalysis {
  const paragraphText = jobText(plan, job);
  const referenceDate = plan.metadata.date;
  const key = `${PARAGRAPH_ANALYSIS_VERSION}\u0000${referenceDate ?? ''}\u0000${paragraphText}`;
  const cached = options.cache?.get(key) as ParagraphAnalysis | undefined;
  if (cached) return cached;
  const result = analyzeParagraph(paragraphText, referenceDate);
  options.cache?.set(key, result);
  return result;
}

/** Paragraph-level analysis: pure function of the paragraph text and the reference date. */
export function analyzeParagraph(paragraphText: string, referenceDate: string | null): ParagraphAnalysis {
  const problems: AnalysisProblem[] = [];
  const parsed = step('parse', problems, () => parseParagraph(paragraphText), {
    text: paragraphText,
    tokens: [],
    sentences: [{ start: 0, end: paragraphText.length }],
    sentenceTokens: [[0, 0]] as Array<[number, number]>,
  });
  return {
    sentences: parsed.sentences,
    entities: step('entities', problems, () => recognizeEntities(parsed), []),
    dates: step('dates', problems, () => recognizeTemporalExpressions(parsed, { referenceDate }), []),
    events: step('events', problems, () => detectEvents(parsed), []),
    problems,
    words: compactWordList(surfaceWords(paragraphText)),
  };
}

/**
 * The words of the whole text, as surfaceWords(plan.text) reads them, from the
 * jobs' cached words plus a scan of the text between jobs (a header, blank
 * lines). Undefined when a job's edge might cut a word (a piece of an
 * over-long paragraph cut inside one): then only a scan of the whole text is right.
 */
export function documentWords(plan: ParagraphPlan, parts: ParagraphAnalysis[]): WordList | undefined {
  const { text, jobs } = plan;
  // Built on every re-analysis: the text between jobs is scanned first, so the list is
  // allocated once at its full size instead of grown word by word.
  const between: WordList[] = [];
  let total = 0;
  let scanned = 0;
  for (let j = 0; j < jobs.length; j++) {
    const { bodyStart, span } = jobs[j];
    const words = parts[j]?.words;
    if (!words || !isWordBoundary(text, bodyStart) || !isWordBoundary(text, span.end)) return undefined;
    const gap = scanWords(text, scanned, bodyStart, emptyWordList());
    between.push(gap);
    total += gap.lower.length + words.lower.length;
    scanned = span.end;
  }
  const tail = scanWords(text, scanned, text.length, emptyWordList());
  total += tail.lower.length;
  const out = { lower: new Array<string>(total), start: new Int32Array(total), end: new Int32Array(total) };
  let at = 0;
  for (let j = 0; j < jobs.length; j++) {
    at = copyWords(out, at, between[j], 0);
    at = copyWords(out, at, parts[j].words, jobs[j].bodyStart);
  }
  copyWords(out, at, tail, 0);
  return out;
}

function copyWords(out: { lower: string[]; start: Int32Array; end: Int32Array }, at: number, words: WordList, shift: number): number {
  const { lower, start, end } = words;
  for (let i = 0; i < lower.length; i++, at++) {
    out.lower[at] = lower[i];
    out.start[at] = start[i] + shift;
    out.end[at] = end[i] + shift;
  }
  return at;
}

function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}
