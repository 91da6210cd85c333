// Type-only re-exports, so model files name the protocol's view types and LSP
// positions in one place without pulling in runtime code.
export type {
  ActorView,
  ArticleView,
  DateView,
  EntityType,
  EventView,
  HighlightKind,
  MentionView,
  QuoteView,
  ArticleComparisonView,
  StoryActorView,
  StoryAppearanceView,
  StoryArticleView,
  StoryEventView,
  StoryQuoteView,
  StorySpeakerView,
  StoryView,
  StoryActorSummary,
  StoryDaySummary,
  StoryDetail,
  StoryOutline,
  StorySpeakerSummary,
  TimelineGroupView,
} from '../../protocol';
export type { Position, Range } from 'vscode-languageserver-protocol';
