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
import { analyzeParagraphJob, planParagraphs } from './incremental';
import { linkEvents } from './events/linkEvents';
import { readArticleHeader } from './metadata';
import { findQuotes } from './quotes';
import { problemFrom, step } from './step';
import type { AnalysisOptions, ArticleAnalysis, Paragraph, Span, TemporalExpression } from './types';

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
  const plan = planParagraphs(text, options);
  const { metadata, problems } = plan;
  const paragraphs: Paragraph[] = plan.headerOnly.map((span) => ({ ...span, sentences: [] }));
  const entityCandidates: EntityCandidate[] = [];
  const rawDates: TemporalExpression[] = [];
  const eventCandidates: EventCandidate[] = [];

  for (const job of plan.jobs) {
    const { span, bodyStart } = job;
    const part = analyzeParagraphJob(plan, job, options);
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
