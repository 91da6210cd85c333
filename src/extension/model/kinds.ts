// Display names and codicons per kind (declared in src/protocol/presentation.ts, shared
// with the server's hovers), and helpers for the trees, the status bar and the markers.
import { EVIDENCE_LABELS, KIND_ICONS, KIND_LABELS } from '../../protocol';

export { EVIDENCE_LABELS, KIND_ICONS, KIND_LABELS };
