// The actors of an article, without its dates, events and quotes: all the
// workspace index keeps, at about two thirds of the cost of analyzeArticle.
// The same steps as analyzeArticle's entity path (test/analysis/analyzeActors.test.ts
// checks the actors are identical), and like it this never throws.
import { applyUserAnnotations } from './annotations/applyUserAnnotations';
import { buildActors } from './entities/buildActors';
import { type EntityCandidate, recognizeEntities } from './entities/recognizeEntities';
import { jobText, type ParagraphPlan, planParagraphs } from './incremental';
import { readArticleHeader } from './metadata';
import { parseParagraph } from './parse';
import type { Actor, AnalysisOptions, ArticleMetadata } from './types';

export interface ActorsAnalysis {
  metadata: ArticleMetadata;
  actors: Actor[];
}

export function analyzeActors(text: string, options: Pick<AnalysisOptions, 'referenceDate' | 'userAnnotations' | 'lexicon'> = {}): ActorsAnalysis {
  const input = typeof text === 'string' ? text : String(text ?? '');
  let plan: ParagraphPlan;
  try {
    plan = planParagraphs(input, options);
  } catch {
    // as analyzeArticle: a header that cannot be read costs the analysis, not the caller
    return { metadata: readArticleHeader('', {}).metadata, actors: [] };
  }
  const { metadata } = plan;
  try {
    const candidates: EntityCandidate[] = [];
    for (const job of plan.jobs) {
      const { bodyStart } = job;
      try {
        for (const e of recognizeEntities(parseParagraph(jobText(plan, job)))) candidates.push({ ...e, start: e.start + bodyStart, end: e.end + bodyStart });
      } catch {
        // as analyzeArticle: a paragraph that fails contributes no entities
      }
    }
    const userLayer = applyUserAnnotations({
      text: input,
      bodyStart: metadata.bodyStart,
      entities: candidates,
      dates: [],
      user: options.userAnnotations,
      lexicon: options.lexicon,
    });
    const { actors } = buildActors(userLayer.entities, { text: input, bodyStart: metadata.bodyStart, reserved: options.userAnnotations });
    return { metadata, actors };
  } catch {
    return { metadata, actors: [] };
  }
}
