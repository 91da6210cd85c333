// Public API of the language service. Layers above import from here only.
export { analyzeArticle, analyzeParagraph, analyzeParagraphCached, skipSpaces } from './analyzeArticle';
export { analyzeActors } from './analyzeActors';
export { splitParagraphs } from './segmentation';
export { formatTimexValue } from './dates/formatTimex';
export * from './annotations';
export { errorDetail, errorMessage } from './errors';
export { looksLikeArticle, readArticleHeader, isValidIsoDate } from './metadata';
export { NO_ARTICLE_DATE } from './articleDateProblem';
export { planArticleDateEdit, type ArticleDateEditOptions, type ArticleDateEditPlan, type TextReplacement } from './articleDateEdit';
export { LruParagraphCache } from './paragraphCache';
export * from './types';
export { digestArticle } from './story/digestArticle';
export type * from './story/types';
export { buildStory, storyActorLookup, UNATTRIBUTED_SPEAKER, type StoryOptions } from './story/buildStory';
export { compareArticles, type CompareOptions } from './story/compareArticles';
export { mergeActors, type ActorMerge, type MergedActor, type MergedActorMember, type StoryLexicon } from './story/mergeActors';
