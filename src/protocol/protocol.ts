// Custom News Lens LSP messages, declared once and imported by both the server
// (src/server) and the client (src/extension). Everything here is JSON-safe:
// positions are LSP line/character in UTF-16 code units, like every LSP message.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';

/** Language id contributed for `.news` and `.article` files. */
export const ARTICLE_LANGUAGE_ID = 'news-article';

import { type EntityType, HIGHLIGHT_KINDS, type HighlightKind } from '../analysis/kinds';

// The kinds and their words are declared once, in the analysis' leaf module src/analysis/kinds.ts.
export {
  ENTITY_TYPES,
  type EntityType,
  HIGHLIGHT_KINDS,
  type HighlightKind,
  isEntityLabel,
  KIND_LABELS,
  USER_LABELS,
  type UserLabel,
  userLabelName,
} from '../analysis/kinds';

/** Why the analysis believes a span is an entity of its kind. */
export type EvidenceKind = 'gazetteer' | 'rule' | 'model' | 'lexicon' | 'user';

// ---------------------------------------------------------------------------
// Semantic tokens

/**
 * The semantic token legend. Token type index = position in this array, so the
 * order is part of the protocol. The extension contributes the same names in
 * package.json `semanticTokenTypes` / `semanticTokenScopes`.
 */
export const SEMANTIC_TOKEN_TYPES = ['person', 'organization', 'place', 'nationality', 'date'] as const;
export type SemanticTokenTypeName = (typeof SEMANTIC_TOKEN_TYPES)[number];
/**
 * Modifiers (bit i = SEMANTIC_TOKEN_MODIFIERS[i]):
 * - `dateline`: the article's own date in the dateline / front matter;
 * - `relative`: a date whose value depends on the article date ("last year");
 * - `userAnnotated`: the span comes from the user's own annotations.
 */
export const SEMANTIC_TOKEN_MODIFIERS = ['dateline', 'relative', 'userAnnotated'] as const;
export type SemanticTokenModifierName = (typeof SEMANTIC_TOKEN_MODIFIERS)[number];
export const SEMANTIC_TOKENS_LEGEND = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES] as string[],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS] as string[],
};

// ---------------------------------------------------------------------------
// Commands the server puts into hover cards (command: links). The extension
// registers them. Arguments are positional, JSON-safe.

export const SHOW_ALL_MENTIONS_COMMAND = 'newsLens.showAllMentions';
export const REVEAL_IN_SIDEBAR_COMMAND = 'newsLens.revealInSidebar';

// ---------------------------------------------------------------------------
// Settings read by the server through workspace/configuration (section `newsLens`).

export const SETTINGS_SECTION = 'newsLens';
export interface NewsLensServerSettings {
  /** Overrides every article's date (YYYY-MM-DD); empty = use the dateline / front matter. */
  articleDate: string;
  /** Kinds shown as highlights, inlay hints and in symbols. */
  kinds: HighlightKind[];
  /** Opt-in globs (workspace-relative or absolute) for files that count as articles. */
  articleGlobs: string[];
}
export const DEFAULT_SERVER_SETTINGS: NewsLensServerSettings = {
  articleDate: '',
  kinds: [...HIGHLIGHT_KINDS],
  articleGlobs: [],
};

// ---------------------------------------------------------------------------
// The sidebar view of one article.

export interface MentionView {
  range: Range;
  text: string;
  /** The mention's own kind: a nationality mention of a place actor says `nationality`. */
  type: EntityType;
  source: 'auto' | 'user';
  evidence: EvidenceKind;
}

export interface ActorView {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  evidence: EvidenceKind;
  /** Mentions of the actor itself, in text order (nationality mentions are listed too, typed `nationality`). */
  mentions: MentionView[];
  mentionCount: number;
  /** For a place: how many demonym mentions point at it ("Nigerien" → Niger). */
  nationalityMentions: number;
  /** The sentence of the first mention, trimmed to a readable length. */
  firstMentionSentence: string | null;
  /** 1-based rank by mentions within the article (1 = most mentioned). */
  rank: number;
  /** Its position in the Actors view among the actors of its kind (0 first): by mentions, then by name. */
  order: number;
  /** In how many other articles of the workspace the actor appears (by name or alias); absent before the workspace is indexed. */
  otherArticles?: number;
}

export interface DateView {
  range: Range;
  text: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3 value, or null when unresolved. */
  value: string | null;
  /** The value for people: "2023", "Friday, 9 August 2024", "3 weeks". */
  readable: string | null;
  mod: string | null;
  relative: boolean;
  /** How the value was reached (shown in hovers and tooltips). */
  explanation: string;
  /** What kind of value it is (the row's icon). */
  category: 'calendar' | 'reference' | 'duration' | 'set' | 'unresolved';
  /** The Dates view's groups for it, outermost first (period, month; or a group of its own). */
  groups: TimelineGroupView[];
  /** Its position in the Dates view (0 first): groups in time order, then by value, then in text order. */
  order: number;
}

/** A group of the Dates or Events view, as the server places an item in it. */
export interface TimelineGroupView {
  id: string;
  label: string;
  kind: 'period' | 'month' | 'day' | 'reference' | 'duration' | 'set' | 'unresolved' | 'other' | 'reported' | 'undated';
}

export interface EventView {
  range: Range;
  text: string;
  class: string;
  /** The event as a short clause, doer first ("coup leaders told US forces to leave"). */
  summary: string;
  /** Actor id and name of the doer (the subject), and the doer as written. */
  agent: string | null;
  agentName: string | null;
  agentText: string | null;
  /** Actor id and name of the undergoer (the object). */
  patient: string | null;
  patientName: string | null;
  /** Actor ids, agent first. */
  actors: string[];
  /** Names of those actors, same order. */
  actorNames: string[];
  place: string | null;
  placeName: string | null;
  /** TIMEX3 value of the date expression that governs the event, or null (never the article date). */
  date: string | null;
  dateReadable: string | null;
  dateSource: 'expression' | null;
  /** The article date for a past event the text does not date: it had happened by then. */
  articleDate: string | null;
  articleDateReadable: string | null;
  tense: 'past' | 'present' | 'future' | 'none';
  sentenceRange: Range;
  sentence: string;
  /** True for the events the timeline shows by default (those a reader cares about: with an actor and an anchor, not every "said"). */
  notable: boolean;
  /** The Events view's groups for it, outermost first (year, month, day; or a group of its own). */
  groups: TimelineGroupView[];
  /** Its position in the Events view (0 first), among all events: groups in time order, then by date, then in text order. */
  order: number;
}

export interface QuoteView {
  range: Range;
  /** The quotation as written, trimmed to a readable length. */
  text: string;
  speaker: string | null;
  speakerName: string | null;
  speakerText: string | null;
}

export interface ProblemView {
  range: Range;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

export interface ArticleMetadataView {
  date: string | null;
  dateReadable: string | null;
  dateSource: 'dateline' | 'frontmatter' | 'option' | null;
  dateRange: Range | null;
  title: string | null;
  source: string | null;
  format: 'dateline' | 'frontmatter' | 'plain';
}

export interface ArticleView {
  uri: string;
  /** Document version the view was computed from. */
  version: number;
  metadata: ArticleMetadataView;
  /** Ranked by mentions (most first); only the kinds enabled in `newsLens.kinds`. */
  actors: ActorView[];
  /** In text order. */
  dates: DateView[];
  /** In text order. */
  events: EventView[];
  quotes: QuoteView[];
  /** Mention counts per kind (dates count expressions), before kind filtering. */
  counts: Record<HighlightKind, number>;
  problems: ProblemView[];
}

// ---------------------------------------------------------------------------
// Requests and notifications

export interface ArticleAnalysisParams {
  uri: string;
}
/** The sidebar view of an open document; null when the document is not (treated as) an article or not open. */
export const ArticleAnalysisRequest = new RequestType<ArticleAnalysisParams, ArticleView | null, void>('newsLens/articleAnalysis');

export interface EntityAtParams {
  uri: string;
  position: Position;
}
export interface EntityAtResult {
  kind: HighlightKind;
  /** Set for an entity mention. */
  actorId: string | null;
  /** Set for a date: its index in ArticleView.dates. */
  dateIndex: number | null;
  range: Range;
}
/** What sits under the cursor, so the sidebar can reveal the matching item. */
export const EntityAtRequest = new RequestType<EntityAtParams, EntityAtResult | null, void>('newsLens/entityAt');

export interface ArticleDateEditParams {
  uri: string;
  /** The new article date, YYYY-MM-DD. */
  date: string;
  /** End-of-line sequence for added lines (the editor's setting for the document); default: the text's own. */
  eol?: '\n' | '\r\n';
}
export type ArticleDateEditResult =
  | {
      /** Document version the edits were computed for; apply them only to that version. */
      version: number;
      /** Change only the date value when a dateline / front-matter date exists; otherwise add a header. */
      edits: TextEdit[];
      /** What the edits do, for the confirmation message. */
      description: string;
    }
  | { error: string };
/**
 * "Set Article Date": the edits that write `date` into an open document's dateline or
 * front matter (front matter is added to Markdown, a dateline to other files). No
 * other text changes; a BOM stays first.
 */
export const ArticleDateEditRequest = new RequestType<ArticleDateEditParams, ArticleDateEditResult, void>('newsLens/articleDateEdit');

export interface AnalysisChangedParams {
  uri: string;
  version: number;
  /** False when the document stopped being an article (or was closed); the sidebar should clear it. */
  isArticle: boolean;
  counts: Record<HighlightKind, number>;
}
/** Server → client: an article's analysis changed (after an edit, a settings change or on open). */
export const AnalysisChangedNotification = new NotificationType<AnalysisChangedParams>('newsLens/analysisChanged');

// ---------------------------------------------------------------------------
// Initialization options the client may pass in `initialize`.

export interface NewsLensInitializationOptions {
  /**
   * The client renders `$(codicon)` syntax in hover Markdown. vscode-languageclient
   * does not set `MarkdownString.supportThemeIcons` itself, so the VS Code client
   * sets it in a `provideHover` middleware and passes `themeIcons: true`.
   * Other editors (Neovim…) get hovers without icon syntax.
   */
  themeIcons?: boolean;
  /**
   * The client runs `command:` links in hovers (VS Code with
   * `markdown: { isTrusted: { enabledCommands: [SHOW_ALL_MENTIONS_COMMAND, REVEAL_IN_SIDEBAR_COMMAND] } }`).
   */
  commandLinks?: boolean;
  /** Settings for clients that do not answer workspace/configuration. */
  settings?: Partial<NewsLensServerSettings>;
  /**
   * False in an untrusted workspace (VS Code's Restricted Mode): the server then
   * writes nothing to disk (no .ann, no lexicon) until WorkspaceTrustNotification
   * says the workspace is trusted. Absent means trusted (editors without workspace trust).
   */
  workspaceTrusted?: boolean;
}

export interface WorkspaceTrustParams {
  trusted: boolean;
}
/** Client → server: the user granted workspace trust (VS Code `onDidGrantWorkspaceTrust`); writes are allowed from now on. */
export const WorkspaceTrustNotification = new NotificationType<WorkspaceTrustParams>('newsLens/workspaceTrust');
