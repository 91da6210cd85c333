// The words and icons both sides show for a kind or a reason (hover cards on the
// server, trees and the status bar in the client), declared once so they agree.
import type { HighlightKind } from './protocol';

export const KIND_LABELS: Record<HighlightKind, { singular: string; plural: string }> = {
  person: { singular: 'Person', plural: 'People' },
  organization: { singular: 'Organisation', plural: 'Organisations' },
  place: { singular: 'Place', plural: 'Places' },
  nationality: { singular: 'Nationality', plural: 'Nationalities' },
  date: { singular: 'Date', plural: 'Dates' },
};

/** Codicon ids (https://microsoft.github.io/vscode-codicons/) per kind. */
export const KIND_ICONS: Record<HighlightKind, string> = {
  person: 'person',
  organization: 'organization',
  place: 'location',
  nationality: 'globe',
  date: 'calendar',
};

/** Why the analysis believes a span is an entity; reads after "it was" and after "Why:". */
export const EVIDENCE_LABELS: Record<string, string> = {
  gazetteer: 'found in the place gazetteer',
  rule: 'matched by a pattern rule (title, suffix, context word)',
  model: "tagged by News Lens's entity model (a perceptron over the sentence's words)",
  lexicon: "listed in the workspace's own lexicon",
  user: 'annotated by you',
};
