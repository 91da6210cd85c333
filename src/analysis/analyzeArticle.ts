// The language service entry point: text in, ArticleAnalysis out.
// Paragraph-level work (parse, entities, dates, events) is cached by paragraph
// content; document-level steps (actors, date anchoring, event linking, quotes)
// run over the cached parts. Every step is contained: analyzeArticle never throws.
import { noArticleDateProblem } from './articleDateProblem';
import { applyUserAnnotations, markUserSources, mergeUserDates } from './annotations/applyUserAnnotations';
import { recognizeTemporalExpressions } from './dates/recognizeDates';
import { resolveDocumentDates } from './dates/resolveDocumentDates';
import { buildActors } from './entities/buildActors';
import { type EntityCandidate, recognizeEntities } from './entities/recognizeEntities';
import { detectEvents, type EventCandidate } from './events/detectEvents';
import { linkEvents } from './events/linkEvents';
import { readArticleHeader } from './metadata';
import { parseParagraph } from './parse';
import { findQuotes } from './quotes';
import { splitParagraphs } from './segmentation';
import type { AnalysisOptions, AnalysisProblem, ArticleAnalysis, Paragraph, Span, TemporalExpression } from './types';
import { errorMessage } from './errors';

/** What one paragraph contributes; offsets relative to the paragraph start. */
export interface ParagraphAnalysis {
  sentences: Span[];
  entities: EntityCandidate[];
  dates: TemporalExpression[];
  events: EventCandidate[];
  problems: AnalysisProblem[];
}

/** Bump when paragraph-level output changes shape, so injected caches never serve stale parts. */
const PARAGRAPH_ANALYSIS_VERSION = 4;

export function analyzeArticle(text: string, options: AnalysisOptions = {}): ArticleAnalysis {
  const input = typeof text === 'string' ? text : String(text ?? '');
  try {
    return analyze(input, options);
  } catch (error) {
    // Last line of defence: a bug in a step must cost the user highlights, not the editor.
    const { metadata } = safeHeader(input, options);
    return {
      metadata,
      paragraphs: [],
      entities: [],
      actors: [],
      dates: [],
      events: [],
      quotes: [],
      problems: [problemFrom('analysis-failed', 'The analysis failed on this text', error)],
    };
  }
}

function safeHeader(text: string, options: AnalysisOptions) {
  try {
    return readArticleHeader(text, options);
  } catch {
    return readArticleHeader('', {});
  }
}

function analyze(text: string, options: AnalysisOptions): ArticleAnalysis {
  const { metadata, problems } = readArticleHeader(text, options);
  const paragraphSpans = splitParagraphs(text, 0);
  const paragraphs: Paragraph[] = [];
  const entityCandidates: EntityCandidate[] = [];
  const rawDates: TemporalExpression[] = [];
  const eventCandidates: EventCandidate[] = [];

  for (const span of paragraphSpans) {
    if (span.end <= metadata.bodyStart) {
      paragraphs.push({ ...span, sentences: [] }); // header only (front matter, a bare dateline)
      continue;
    }
    // The dateline shares the lead's line; analyse the lead from after it.
    const bodyStart = span.start < metadata.bodyStart ? skipSpaces(text, metadata.bodyStart, span.end) : span.start;
    const part = analyzeParagraphCached(text.slice(bodyStart, span.end), metadata.date, options);
    const shift = <T extends Span>(x: T): T => ({ ...x, start: x.start + bodyStart, end: x.end + bodyStart });
    paragraphs.push({ ...span, sentences: part.sentences.map(shift) });
    for (const e of part.entities) entityCandidates.push(shift(e));
    for (const d of part.dates) rawDates.push(shift(d));
    for (const ev of part.events) eventCandidates.push({ ...shift(ev), sentence: shift(ev.sentence) });
    for (const p of part.problems) problems.push(shift(p));
  }

  const userLayer = step('user-annotations', problems, () => applyUserAnnotations({ text, bodyStart: metadata.bodyStart, entities: entityCandidates, dates: rawDates, user: options.userAnnotations, lexicon: options.lexicon }), { entities: entityCandidates, dates: rawDates, userDates: [], problems: [] });
  problems.push(...userLayer.problems);
  const { entities, actors } = step('actors', problems, () => buildActors(userLayer.entities, { text, bodyStart: metadata.bodyStart, reserved: options.userAnnotations }), { entities: [], actors: [] });
  markUserSources(entities);
  const dates = mergeUserDates(step('dates', problems, () => resolveDocumentDates(userLayer.dates, metadata), userLayer.dates), userLayer.userDates);
  const events = step('events', problems, () => linkEvents(eventCandidates, entities, dates, metadata), []);
  const quotes = step('quotes', problems, () => findQuotes(text, paragraphs, entities, actors), []);
  const undated = noArticleDateProblem(metadata, dates);
  if (undated) problems.push(undated);

  return { metadata, paragraphs, entities, actors, dates, events, quotes, problems };
}

export function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && /\s/.test(text[i])) i++;
  return i;
}

/** One paragraph through the cache, with the same key the full analysis uses (the server fills the cache ahead of it). */
export function analyzeParagraphCached(paragraphText: string, referenceDate: string | null, options: AnalysisOptions): ParagraphAnalysis {
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
  };
}

function step<T>(name: string, problems: AnalysisProblem[], run: () => T, fallback: T): T {
  try {
    return run();
  } catch (error) {
    problems.push(problemFrom(`${name}-failed`, `Could not find ${name} here`, error));
    return fallback;
  }
}

function problemFrom(code: string, message: string, error: unknown): AnalysisProblem {
  const detail = errorMessage(error);
  return { start: 0, end: 0, severity: 'warning', code, message: `${message}: ${detail}` };
}
