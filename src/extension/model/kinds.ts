// Display names and codicons per kind (declared in src/protocol/presentation.ts, shared
// with the server's hovers), and helpers for the trees, the status bar and the markers.
import { type EntityKind, EVIDENCE_LABELS, type HighlightKind, KIND_ICONS, KIND_LABELS } from '../../protocol';

export { EVIDENCE_LABELS, KIND_ICONS, KIND_LABELS };

export function kindLabel(kind: HighlightKind, count = 1): string {
  return count === 1 ? KIND_LABELS[kind].singular : KIND_LABELS[kind].plural;
}

export function isEntityKind(kind: string): kind is EntityKind {
  return kind === 'person' || kind === 'organization' || kind === 'place' || kind === 'nationality';
}
