// Display names and codicons per kind, shared by the trees, the status bar and the
// marker decorations. Plain data so the tree models stay testable without VS Code.
import type { EntityKind, HighlightKind } from '../../protocol';

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

/** Why the analysis believes a span is an entity, in words for tooltips. */
export const EVIDENCE_LABELS: Record<string, string> = {
  gazetteer: 'found in the place and organisation gazetteer',
  rule: 'matched by a rule (title, suffix, context word)',
  model: "tagged by News Lens's entity model (a perceptron over the sentence's words)",
  lexicon: "listed in the workspace's own lexicon",
  user: 'annotated by you',
};

export function kindLabel(kind: HighlightKind, count = 1): string {
  return count === 1 ? KIND_LABELS[kind].singular : KIND_LABELS[kind].plural;
}

export function isEntityKind(kind: string): kind is EntityKind {
  return kind === 'person' || kind === 'organization' || kind === 'place' || kind === 'nationality';
}
