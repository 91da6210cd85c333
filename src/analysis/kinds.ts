// The vocabulary of News Lens, declared once: the kinds of entity, the kinds a user
// can highlight, the labels a user can give a span, and the words every view uses
// for them. Everything else (protocol, server, client, CLI) derives from these.
// A leaf module (no imports), so the extension gets it through src/protocol
// without bundling the analysis.

/** Entity kinds, in display order. */
export const ENTITY_TYPES = ['person', 'organization', 'place', 'nationality'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Every kind a user can switch on or off (`newsLens.kinds`): the entity kinds plus dates. */
export const HIGHLIGHT_KINDS = [...ENTITY_TYPES, 'date'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

/** What a user can mark a span as (annotations, code actions): a kind, or "not an entity". */
export const USER_LABELS = [...HIGHLIGHT_KINDS, 'rejected'] as const;
export type UserLabel = (typeof USER_LABELS)[number];

export function isEntityLabel(label: UserLabel): label is EntityType {
  return label !== 'date' && label !== 'rejected';
}

/** The words for a kind, in News Lens's own (British) spelling, for every view: hovers, trees, symbols, code actions, the CLI. */
export const KIND_LABELS: Readonly<Record<HighlightKind, { singular: string; plural: string }>> = {
  person: { singular: 'Person', plural: 'People' },
  organization: { singular: 'Organisation', plural: 'Organisations' },
  place: { singular: 'Place', plural: 'Places' },
  nationality: { singular: 'Nationality', plural: 'Nationalities' },
  date: { singular: 'Date', plural: 'Dates' },
};

/** The words for a label, as in "Mark … as Organisation". */
export function userLabelName(label: UserLabel): string {
  return label === 'rejected' ? 'not an entity' : KIND_LABELS[label].singular;
}
