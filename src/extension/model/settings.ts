// The extension's view of `newsLens.*`, normalised from whatever the user wrote:
// unknown kinds are dropped, a wrong style falls back to the default.
import { HIGHLIGHT_STYLES, type HighlightStyle, normalizeSettings } from '../../protocol';
import type { HighlightKind } from './protocolTypes';

export { HIGHLIGHT_STYLES, type HighlightStyle };

export interface ExtensionSettings {
  highlightStyle: HighlightStyle;
  kinds: ReadonlySet<HighlightKind>;
  inlayHints: boolean;
  followCursor: boolean;
  statusBar: boolean;
}

/** The extension's view of the shared settings (src/protocol/settings.ts): kinds as a set. */
export function normaliseSettings(raw: unknown): ExtensionSettings {
  const s = normalizeSettings(raw);
  return { highlightStyle: s.highlightStyle, kinds: new Set(s.kinds), inlayHints: s.inlayHints, followCursor: s.followCursor, statusBar: s.statusBar };
}

/** Whether the theme-coloured semantic tokens / the background marks are shown. */
export function highlightLayers(style: HighlightStyle, sessionEnabled: boolean): { semantic: boolean; marker: boolean } {
  if (!sessionEnabled) return { semantic: false, marker: false };
  return { semantic: style === 'semantic' || style === 'both', marker: style === 'marker' || style === 'both' };
}
