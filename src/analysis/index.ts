// Public API of the language service. Layers above import from here only.
export { analyzeArticle } from './analyzeArticle';
export { analyzeParagraph, analyzeParagraphJob, jobText, planParagraphs, type ParagraphAnalysis, type ParagraphJob, type ParagraphPlan } from './incremental';
export { analyzeActors } from './analyzeActors';
export { formatTimexValue } from './dates/formatTimex';
export * from './annotations';
export { errorDetail, errorMessage } from './errors';
export { md, plural } from './markdown';
export { looksLikeArticle, readArticleHeader, isValidIsoDate } from './metadata';
export { NO_ARTICLE_DATE } from './articleDateProblem';
export { planArticleDateEdit, type ArticleDateEditOptions, type ArticleDateEditPlan, type TextReplacement } from './articleDateEdit';
export { LruParagraphCache } from './paragraphCache';
export * from './types';
export { ENTITY_TYPES, HIGHLIGHT_KINDS, isEntityLabel, KIND_LABELS, USER_LABELS, userLabelName } from './kinds';
export * from './queries';
export { calendarParts, compareTimex, datePlace, eventPlace, type TimelineGroup, timelineOrder, timexCategory, type TimexCategory } from './dates/timeline';
