// The icons both sides show for a kind, and the words for a reason (hover cards on the
// server, trees and the status bar in the client), declared once so they agree.
import type { HighlightKind } from './protocol';

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

/**
 * An event as a reader sees it, in the Events view and hover cards alike: its clause with
 * the doer first ("Coup leaders told US forces to leave"). When the clause does not open
 * with the doer (a passive: "France was ordered by Niger…"), the doer's name leads.
 */
export function eventClause(event: { text: string; summary?: string | null; agentName?: string | null; agentText?: string | null }): string {
  const raw = event.summary || event.text;
  const clause = raw.charAt(0).toUpperCase() + raw.slice(1);
  const doer = event.agentName ?? event.agentText ?? null;
  const opensWith = (phrase: string | null | undefined) => !!phrase && clause.toLowerCase().startsWith(phrase.toLowerCase());
  if (!doer || opensWith(event.agentText) || opensWith(event.agentName)) return clause;
  return `${doer}: ${clause}`;
}

// The Markdown escaper and plural, shared with the CLI: a leaf of the analysis.
export { md, plural } from '../analysis/markdown';
