// The language service entry point: text in, ArticleAnalysis out.
// Paragraph-level work (parse, entities, dates, events) is cached by paragraph
// content; document-level steps (actors, date anchoring, event linking, quotes)
// run over the cached parts. Every step is contained: analyzeArticle never throws.
import { noArticleDateProblem } from './articleDateProblem';
import { applyUserAnnotations, markUserSources, mergeUserDates } from './annotations/applyUserAnnotations';
import { resolveDocumentDates } from './dates/resolveDocumentDates';
import { buildActors } from './entities/buildActors';
import type { EntityCandidate } from './entities/recognizeEntities';
import type { EventCandidate } from './events/detectEvents';
import { analyzeParagraphJob, documentWords, type ParagraphAnalysis, planParagraphs } from './incremental';
import { linkEvents } from './events/linkEvents';
import { readArticleHeader } from './metadata';
import { findQuotes } from './quotes';
import { problemFrom, step } from './step';
import type { AnalysisOptions, AnalysisProblem, ArticleAnalysis, Paragraph, Span, TemporalExpression } from './types';

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

// Paragraph results to document offsets, one function per kind: each copy site
// then sees few object shapes and stays fast (one shared site went megamorphic).
const shiftSentence = (x: Span, by: number): Span => ({ ...x, start: x.start + by, end: x.end + by });
const shiftEntity = (x: EntityCandidate, by: number): EntityCandidate => ({ ...x, start: x.start + by, end: x.end + by });
const shiftDate = (x: TemporalExpression, by: number): TemporalExpression => ({ ...x, start: x.start + by, end: x.end + by });
const shiftEvent = (x: EventCandidate, by: number): EventCandidate => ({ ...x, start: x.start + by, end: x.end + by, sentence: shiftSentence(x.sentence, by) });
const shiftProblem = (x: AnalysisProblem, by: number): AnalysisProblem => ({ ...x, start: x.start + by, end: x.end + by });

/** A paragraph's results at one document offset. */
interface ShiftedPart {
  sentences: Span[];
  entities: EntityCandidate[];
  dates: TemporalExpression[];
  events: EventCandidate[];
  problems: AnalysisProblem[];
}

// A re-analysis finds most paragraphs cached and at the offset they had last time: their
// shifted copies are kept with them rather than made again on every keystroke. The
// steps downstream read these objects and never change them.
const shiftedParts = new WeakMap<ParagraphAnalysis, Map<number, ShiftedPart>>();
/** Offsets kept per paragraph: a paragraph that recurs in a text, or moves, needs few. */
const SHIFTS_KEPT = 4;

function shiftedPart(part: ParagraphAnalysis, by: number): ShiftedPart {
  let byOffset = shiftedParts.get(part);
  let shifted = byOffset?.get(by);
  if (shifted) return shifted;
  shifted = {
    sentences: part.sentences.map((x) => shiftSentence(x, by)),
    entities: part.entities.map((e) => shiftEntity(e, by)),
    dates: part.dates.map((d) => shiftDate(d, by)),
    events: part.events.map((ev) => shiftEvent(ev, by)),
    problems: part.problems.map((p) => shiftProblem(p, by)),
  };
  if (!byOffset) shiftedParts.set(part, (byOffset = new Map()));
  else if (byOffset.size >= SHIFTS_KEPT) byOffset.clear();
  byOffset.set(by, shifted);
  return shifted;
}

function analyze(text: string, options: AnalysisOptions): ArticleAnalysis {
  const plan = planParagraphs(text, options);
  const { metadata, problems } = plan;
  const paragraphs: Paragraph[] = plan.headerOnly.map((span) => ({ ...span, sentences: [] }));
  const entityCandidates: EntityCandidate[] = [];
  const rawDates: TemporalExpression[] = [];
  const eventCandidates: EventCandidate[] = [];
  const parts: ParagraphAnalysis[] = [];

  for (const job of plan.jobs) {
    const { span, bodyStart } = job;
    const part = analyzeParagraphJob(plan, job, options);
    parts.push(part);
    const shifted = shiftedPart(part, bodyStart);
    paragraphs.push({ ...span, sentences: shifted.sentences.slice() });
    for (const e of shifted.entities) entityCandidates.push(e);
    for (const d of shifted.dates) rawDates.push(d);
    for (const ev of shifted.events) eventCandidates.push(ev);
    for (const p of shifted.problems) problems.push(p);
  }

  const userLayer = step(
    'user-annotations',
    problems,
    () =>
      applyUserAnnotations({
        text,
        bodyStart: metadata.bodyStart,
        entities: entityCandidates,
        dates: rawDates,
        user: options.userAnnotations,
        lexicon: options.lexicon,
      }),
    { entities: entityCandidates, dates: rawDates, userDates: [], problems: [] },
  );
  problems.push(...userLayer.problems);
  const { entities, actors } = step(
    'actors',
    problems,
    () => buildActors(userLayer.entities, { text, bodyStart: metadata.bodyStart, reserved: options.userAnnotations, words: documentWords(plan, parts) }),
    { entities: [], actors: [] },
  );
  markUserSources(entities);
  const dates = mergeUserDates(
    step('dates', problems, () => resolveDocumentDates(userLayer.dates, metadata), userLayer.dates),
    userLayer.userDates,
  );
  const events = step('events', problems, () => linkEvents(eventCandidates, entities, dates, metadata), []);
  const quotes = step('quotes', problems, () => findQuotes(text, paragraphs, entities, actors), []);
  const undated = noArticleDateProblem(metadata, dates);
  if (undated) problems.push(undated);

  return { metadata, paragraphs, entities, actors, dates, events, quotes, problems };
}
