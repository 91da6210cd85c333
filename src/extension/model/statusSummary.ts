// The status bar item's text: counts per kind for the active article.
import { HIGHLIGHT_KINDS } from '../../protocol';
import type { HighlightKind } from './protocolTypes';
import { KIND_ICONS, KIND_LABELS } from './kinds';

export interface StatusSummary {
  text: string;
  /** One line per kind, for the tooltip. */
  lines: string[];
}

export function statusSummary(
  counts: Partial<Record<HighlightKind, number>>,
  enabledKinds: ReadonlySet<HighlightKind>,
  highlightingOn: boolean,
): StatusSummary {
  const parts: string[] = [];
  const lines: string[] = [];
  for (const kind of HIGHLIGHT_KINDS) {
    const n = counts[kind] ?? 0;
    const on = enabledKinds.has(kind);
    if (on && n > 0) parts.push(`$(${KIND_ICONS[kind]}) ${n}`);
    lines.push(`${KIND_LABELS[kind].plural}: ${n}${on ? '' : ' (hidden)'}`);
  }
  const prefix = highlightingOn ? '$(eye)' : '$(eye-closed)';
  const body = parts.length ? parts.join(' ') : 'no entities';
  return { text: `${prefix} ${body}`, lines };
}
