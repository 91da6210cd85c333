// The story across articles (issue 16), as the server sends it to the client: the
// analysis Story (src/analysis/story/types.ts) with a URI and an LSP range for every
// appearance, event and quote, so a view can open each at its sentence.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-protocol';
import type { EntityType } from './protocol';

/** Opens a document at a range: `[uri, range]`. Used by tree items and by hover command links. */
export const REVEAL_RANGE_COMMAND = 'newsLens.revealRange';

export interface StoryArticleView {
  uri: string;
  title: string | null;
  /** The article's own date, YYYY-MM-DD, or null. */
  date: string | null;
}

export interface StoryAppearanceView {
  uri: string;
  title: string | null;
  articleDate: string | null;
  /** The name as this article writes it. */
  name: string;
  mentionCount: number;
  /** The first mention in this article. */
  range: Range;
  /** The sentence of the first mention (trimmed). */
  sentence: string;
}

export interface StoryActorView {
  /** Stable key of the merged actor (split and merge name it). */
  key: string;
  name: string;
  type: EntityType;
  aliases: string[];
  articleCount: number;
  mentionCount: number;
  /** In article date order (undated last). */
  appearances: StoryAppearanceView[];
}

export interface StoryEventView {
  uri: string;
  articleDate: string | null;
  /** The date the event is placed at: its own, else the article's; null when neither. */
  sortDate: string | null;
  /** The event's own date (TIMEX3), or null. */
  date: string | null;
  text: string;
  class: string;
  summary: string;
  agent: string | null;
  range: Range;
  sentenceRange: Range;
}

export interface StoryQuoteView {
  uri: string;
  articleDate: string | null;
  text: string;
  speakerText: string | null;
  range: Range;
}

export interface StorySpeakerView {
  actorKey: string | null;
  name: string;
  quotes: StoryQuoteView[];
}

export interface StoryView {
  /** The folder the story covers (a URI), or null for the whole workspace. */
  folder: string | null;
  /** True while the workspace is still being indexed: more articles will come. */
  indexing: boolean;
  articles: StoryArticleView[];
  /** Ranked by the number of articles, then mentions. */
  actors: StoryActorView[];
  /** By the event's own date (else the article's); undated last. */
  timeline: StoryEventView[];
  /** The speaker with most quotes first. */
  speakers: StorySpeakerView[];
}

export interface StoryParams {
  /** A folder URI inside the workspace; absent for the whole workspace. */
  folder?: string | null;
}
/** The story of the workspace (or of one folder), from the background index; open articles count with their unsaved text. */
export const StoryRequest = new RequestType<StoryParams, StoryView, void>('newsLens/story');

// The outline and its details: what the Story view asks for. A thousand articles make a
// story of tens of thousands of appearances and events (megabytes); the view shows the
// actors, days and speakers first and asks for the items under one when it is expanded.

export type StoryActorSummary = Omit<StoryActorView, 'appearances'>;

export interface StorySpeakerSummary {
  /** Stable while the story is: names the speaker in a detail request. */
  id: string;
  actorKey: string | null;
  name: string;
  quoteCount: number;
  articleCount: number;
}

export interface StoryDaySummary {
  /** The events' date (their own, else their article's), YYYY-MM-DD or coarser; null: undated. */
  date: string | null;
  count: number;
}

export interface StoryOutline {
  folder: string | null;
  indexing: boolean;
  articles: StoryArticleView[];
  actors: StoryActorSummary[];
  /** The whole timeline when it is short (STORY_INLINE_EVENTS or fewer); else null, and `days` lists it by date. */
  timeline: StoryEventView[] | null;
  days: StoryDaySummary[];
  eventCount: number;
  speakers: StorySpeakerSummary[];
}
/** Up to this many events the outline carries the timeline itself. */
export const STORY_INLINE_EVENTS = 300;

export interface StoryOutlineParams {
  folder?: string | null;
}
/** The Story view's first answer: ranked actors, the timeline (or its days) and the speakers, without the items under them. */
export const StoryOutlineRequest = new RequestType<StoryOutlineParams, StoryOutline, void>('newsLens/storyOutline');

export interface StoryDetailParams {
  folder?: string | null;
  /** One of: the actor whose appearances, the day whose events ('' for undated), the speaker whose quotes. */
  actorKey?: string;
  day?: string;
  speakerId?: string;
}
export interface StoryDetail {
  appearances?: StoryAppearanceView[];
  events?: StoryEventView[];
  quotes?: StoryQuoteView[];
}
/** The items under one node of the outline; empty when it is no longer in the story. */
export const StoryDetailRequest = new RequestType<StoryDetailParams, StoryDetail, void>('newsLens/storyDetail');

export interface StoryChangedParams {
  /** The article that changed, or null when many did (a rescan, the lexicon). */
  uri: string | null;
  /** True while the workspace is still being indexed. */
  indexing: boolean;
}
/** Server → client, debounced: the story changed (an edit, a file change, indexing progress); views ask again. */
export const StoryChangedNotification = new NotificationType<StoryChangedParams>('newsLens/storyChanged');

// ---------------------------------------------------------------------------
// Comparing two articles

export interface CompareActorView {
  name: string;
  type: EntityType;
  mentionCount: number;
  range: Range;
  sentence: string;
}
export interface CompareDateView {
  text: string;
  type: string;
  value: string | null;
  range: Range;
}
export interface CompareQuoteView {
  text: string;
  speaker: string | null;
  speakerText: string | null;
  range: Range;
}
export interface CompareSideView {
  uri: string;
  title: string | null;
  date: string | null;
}
export interface ArticleComparisonView {
  a: CompareSideView;
  b: CompareSideView;
  actors: { onlyInA: CompareActorView[]; onlyInB: CompareActorView[]; inBoth: Array<{ a: CompareActorView; b: CompareActorView }> };
  dates: { onlyInA: CompareDateView[]; onlyInB: CompareDateView[] };
  quotes: {
    onlyInA: CompareQuoteView[];
    onlyInB: CompareQuoteView[];
    /** The same speaker quoted in both, with words that differ. */
    differing: Array<{ speaker: string; a: CompareQuoteView; b: CompareQuoteView }>;
  };
}
export interface CompareArticlesParams {
  a: string;
  b: string;
}
export type CompareArticlesResult = ArticleComparisonView | { error: string };
/** What one article has that the other lacks (actors, dates, quotes) and the same speaker's differing quotes. Writes nothing. */
export const CompareArticlesRequest = new RequestType<CompareArticlesParams, CompareArticlesResult, void>('newsLens/compareArticles');

// ---------------------------------------------------------------------------
// Splitting and merging a cross-article actor (written to the workspace lexicon)

export interface StorySplitParams {
  /** The folder the story was built for (URI), or null for the workspace. */
  folder?: string | null;
  /** Key of the merged actor. */
  actorKey: string;
  /** The name (as written in some article) to take out of the merged actor. */
  name: string;
}
export interface StoryMergeParams {
  folder?: string | null;
  /** Key of the actor that is merged away… */
  fromKey: string;
  /** …into this one. */
  intoKey: string;
}
export interface StoryEditResult {
  ok: boolean;
  message: string;
  /** The lexicon file written. */
  file?: string;
}
/** Takes one name out of a cross-article actor; persists in the workspace lexicon (trusted workspaces only). */
export const StorySplitRequest = new RequestType<StorySplitParams, StoryEditResult, void>('newsLens/storySplit');
/** Merges one cross-article actor into another; persists in the workspace lexicon (trusted workspaces only). */
export const StoryMergeRequest = new RequestType<StoryMergeParams, StoryEditResult, void>('newsLens/storyMerge');
