// The story across articles: what one article contributes (a digest, small enough
// to keep for a thousand articles), and what the workspace makes of many digests.
// Pure data, like ../types.ts. Offsets are UTF-16 code units into the article's own
// text; a caller that shows them (server, CLI) maps them onto lines itself.
import type { EntityType, EventClass, Span, TimexType } from '../types';

/** One article, reduced to what the story needs. Built by `digestArticle`. */
export interface StoryArticleDigest {
  /** The caller's id for the article (a file URI or path); unique across the story. */
  id: string;
  title: string | null;
  /** The article's own date (YYYY-MM-DD), or null when it has none. */
  date: string | null;
  actors: StoryArticleActor[];
  /** The notable events only (see ArticleEvent.notable). */
  events: StoryArticleEvent[];
  quotes: StoryArticleQuote[];
  dates: StoryArticleDate[];
}

export interface StoryArticleActor {
  name: string;
  type: EntityType;
  aliases: string[];
  mentionCount: number;
  /** The first mention, and the sentence it is in (trimmed text, for lists and hovers). */
  first: Span;
  sentence: string;
}

export interface StoryArticleEvent extends Span {
  text: string;
  class: EventClass;
  /** The event as a clause, doer first. */
  summary: string;
  /** The event's own date (TIMEX3 value from a governing expression), else null. */
  date: string | null;
  /** Name of the doer when it is an actor of the article. */
  agent: string | null;
  sentence: Span;
}

export interface StoryArticleQuote extends Span {
  /** The quotation's words, trimmed (quote marks removed). */
  text: string;
  /** Name and kind of the speaker when it is an actor of the article. */
  speaker: string | null;
  speakerType: EntityType | null;
  /** The speaker as written, actor or not ("a spokesman"). */
  speakerText: string | null;
}

export interface StoryArticleDate extends Span {
  text: string;
  type: TimexType;
  value: string | null;
}

/** The workspace's story, built by `buildStory` from many digests. */
export interface Story {
  /** The articles, by date (undated last), then id. */
  articles: Array<{ id: string; title: string | null; date: string | null }>;
  /** Actors merged across articles, ranked by articles mentioning them, then by mentions. */
  actors: StoryActor[];
  /** Notable events of every article, by the event's own date (then the article's; undated last). */
  timeline: StoryTimelineEvent[];
  /** Quotes grouped by speaker across articles; the speaker with most quotes first. */
  speakers: StorySpeaker[];
}

export interface StoryActor {
  /** Stable key for the merged actor (type plus normalised canonical name); used to split and merge. */
  key: string;
  name: string;
  type: EntityType;
  /** Every other form seen across articles (aliases, acronyms, bare surnames). */
  aliases: string[];
  articleCount: number;
  mentionCount: number;
  /** Where the actor appears, in article date order (undated last). */
  appearances: StoryAppearance[];
}

export interface StoryAppearance {
  articleId: string;
  articleDate: string | null;
  title: string | null;
  /** The name as this article writes it. */
  name: string;
  mentionCount: number;
  first: Span;
  sentence: string;
}

export interface StoryTimelineEvent extends StoryArticleEvent {
  articleId: string;
  articleDate: string | null;
  /** The date the event is placed at: its own, or else the article's; null when neither. */
  sortDate: string | null;
}

export interface StorySpeaker {
  /** Key of the merged actor, or null for a speaker that is no actor ("a spokesman"). */
  actorKey: string | null;
  name: string;
  quotes: Array<StoryArticleQuote & { articleId: string; articleDate: string | null }>;
}

/** What differs between two articles on one story (what a fact-checker does by hand). */
export interface ArticleComparison {
  a: string;
  b: string;
  actors: { onlyInA: StoryArticleActor[]; onlyInB: StoryArticleActor[]; inBoth: Array<{ a: StoryArticleActor; b: StoryArticleActor }> };
  dates: { onlyInA: StoryArticleDate[]; onlyInB: StoryArticleDate[] };
  quotes: {
    onlyInA: StoryArticleQuote[];
    onlyInB: StoryArticleQuote[];
    /** The same speaker, quoted in both, with words that differ. */
    differing: Array<{ speaker: string; a: StoryArticleQuote; b: StoryArticleQuote }>;
  };
}
