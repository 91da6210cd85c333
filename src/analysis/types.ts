// The analysis data model. Pure data: no LSP or VS Code types, so every layer
// above (server, CLI, extension) can map it onto its own world.
// Offsets are UTF-16 code units into the text exactly as given; `end` is exclusive.

export interface Span {
  start: number;
  end: number;
}

import type { EntityType, UserLabel } from './kinds';

export type { EntityType, HighlightKind, UserLabel } from './kinds';

/** Why the analysis believes a span is an entity of its kind; shown in hover cards. */
export type EntityEvidence = 'gazetteer' | 'rule' | 'model' | 'lexicon' | 'user';

export interface EntityMention extends Span {
  text: string;
  type: EntityType;
  /** Id of the actor this mention refers to (a nationality mention points at its country). */
  actorId: string;
  /** `user` when it comes from the user's own annotations, else `auto`. */
  source: 'auto' | 'user';
  evidence: EntityEvidence;
}

export interface Actor {
  id: string;
  /** Canonical name: the fullest form used in the article. */
  name: string;
  type: EntityType;
  /** Other surface forms of the same actor (acronyms, spelling variants, surnames). */
  aliases: string[];
  /** Mentions in text order. */
  mentions: Span[];
  /** For a place: its demonym mentions are counted here too ("Nigerien" for Niger). */
  nationalityMentions?: number;
  evidence: EntityEvidence;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export interface TemporalExpression extends Span {
  text: string;
  type: TimexType;
  /** TIMEX3 value (1998-08-07, P1Y, PAST_REF, 1998-W32, …); null when it cannot be resolved. */
  value: string | null;
  /** TIMEX3 mod (BEFORE, AFTER, APPROX, …) when the text carries one. */
  mod?: string;
  /** True when the value depends on the reference date or another date in the text. */
  relative: boolean;
  /** One line saying how the value was reached, shown in hovers. */
  explanation: string;
  /** For a date counted from another date in the text ("two days later", "that same day"). */
  anchor?: TimexAnchor;
}

export interface TimexAnchor {
  unit: 'day' | 'week' | 'month' | 'year';
  /** Signed count of units from the anchor date (0 for "that same day"). */
  amount: number;
  /** Part of day, e.g. EV for "the next evening". */
  pod?: string;
  /** The earlier expression the value was counted from, once resolved (absolute offsets). */
  from?: Span & { text: string; value: string };
}

export type EventClass = 'OCCURRENCE' | 'REPORTING' | 'STATE' | 'I_ACTION' | 'I_STATE' | 'ASPECTUAL' | 'PERCEPTION';

export interface ArticleEvent extends Span {
  text: string;
  class: EventClass;
  /** The event as a short clause a reader understands, doer first ("dock workers walked off the job"). */
  summary: string;
  /** Actor id of the doer: the subject (or a passive's "by" phrase, a noun's possessor), never just any actor in the sentence. */
  agent: string | null;
  /** The doer as written ("dock workers", "the ministry"), an actor or not. */
  agentText: string | null;
  /** Actor id of the undergoer: the object (or a passive's subject, a noun's "of" phrase). */
  patient: string | null;
  patientText: string | null;
  /** Actor ids: agent first, then patient, where the sentence names them. */
  actors: string[];
  /** Actor id of a place. */
  place: string | null;
  /** TIMEX3 value of the date expression in the text that governs the event; null when the text gives it none. */
  date: string | null;
  /** Where `date` comes from: a date expression in the text, or null (never the article date). */
  dateSource: 'expression' | null;
  /** The date expression that governs the event, when there is one. */
  dateSpan: Span | null;
  /**
   * The article date, kept apart from `date`: set for a past event the text gives no date
   * of its own (it had happened by the time of writing); null otherwise.
   */
  articleDate: string | null;
  tense: 'past' | 'present' | 'future' | 'none';
  sentence: Span;
  /**
   * True for events that matter to the story: an actor or place takes part, it happened
   * (not negated or hypothetical), and it is more than a light verb ("made", "keep",
   * "comes"), an auxiliary, an attitude or bare speech ("said").
   */
  notable: boolean;
  /** Dictionary form ("withdraw" for "withdrawn"), for grouping and filters. */
  lemma?: string;
}

export interface Quote extends Span {
  /** Actor id of the speaker, when the speaker is a recognised actor. */
  speaker: string | null;
  /** The speaker phrase as written ("the joint statement"), when one is found. */
  speakerText: string | null;
  /** Where the speaker phrase is written (it may lie in a neighbouring sentence). */
  speakerSpan?: Span | null;
}

export interface ArticleMetadata {
  /** Reference date (YYYY-MM-DD) used to resolve relative dates, or null. */
  date: string | null;
  dateSource: 'dateline' | 'frontmatter' | 'option' | null;
  /** Where the date was written in the text (dateline or front-matter line). */
  dateSpan: Span | null;
  title: string | null;
  source: string | null;
  /** Offset where the article body starts, after any front matter or dateline marker. */
  bodyStart: number;
  /** The header format detected. */
  format: 'dateline' | 'frontmatter' | 'plain';
}

export interface Paragraph extends Span {
  sentences: Span[];
}

export interface AnalysisProblem extends Span {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

export interface ArticleAnalysis {
  metadata: ArticleMetadata;
  paragraphs: Paragraph[];
  entities: EntityMention[];
  actors: Actor[];
  dates: TemporalExpression[];
  events: ArticleEvent[];
  quotes: Quote[];
  /** What the analysis could not do (a malformed dateline, a failed step); never thrown. */
  problems: AnalysisProblem[];
}

/** A user's own span decision, e.g. loaded from a brat `.ann` file. Offsets are UTF-16. */
export interface UserAnnotation extends Span {
  label: UserLabel;
  text: string;
  /** Normalised value for a date annotation. */
  value?: string;
  /** Canonical actor name the user gave this mention (rename, merge). */
  canonical?: string;
}

/** Workspace-wide corrections ("always treat 'Air Base 201' as place"). */
export interface LexiconEntry {
  text: string;
  label: EntityType | 'rejected';
  canonical?: string;
}

export interface AnalysisOptions {
  /** Overrides the article's own date (YYYY-MM-DD). */
  referenceDate?: string;
  userAnnotations?: UserAnnotation[];
  lexicon?: LexiconEntry[];
  /** Reuse per-paragraph results across calls (incremental re-analysis). */
  cache?: ParagraphCache;
}

/** Minimal cache interface so callers can inject their own (see paragraphCache.ts). */
export interface ParagraphCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}
