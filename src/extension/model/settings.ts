// The extension's view of `newsLens.*`, normalised from whatever the user wrote:
// unknown kinds are dropped, a wrong style falls back to the default.
import { HIGHLIGHT_KINDS } from '../../protocol';
import type { HighlightKind } from './protocolTypes';

export type HighlightStyle = 'semantic' | 'marker' | 'both' | 'off';
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['semantic', 'marker', 'both', 'off'];

export interface ExtensionSettings {
  highlightStyle: HighlightStyle;
  kinds: ReadonlySet<HighlightKind>;
  inlayHints: boolean;
  followCursor: boolean;
  statusBar: boolean;
}

export interface RawSettings {
  highlightStyle?: unknown;
  kinds?: unknown;
  inlayHints?: unknown;
  followCursor?: unknown;
  statusBar?: unknown;
}

export function normaliseSettings(raw: RawSettings): ExtensionSettings {
  const style = HIGHLIGHT_STYLES.includes(raw.highlightStyle as HighlightStyle) ? (raw.highlightStyle as HighlightStyle) : 'semantic';
  const kinds = Array.isArray(raw.kinds)
    ? new Set(HIGHLIGHT_KINDS.filter((k) => (raw.kinds as unknown[]).includes(k)))
    : new Set(HIGHLIGHT_KINDS);
  return {
    highlightStyle: style,
    kinds,
    inlayHints: raw.inlayHints !== false,
    followCursor: raw.followCursor !== false,
    statusBar: raw.statusBar !== false,
  };
}

/** Whether the theme-coloured semantic tokens / the background marks are shown. */
export function highlightLayers(style: HighlightStyle, sessionEnabled: boolean): { semantic: boolean; marker: boolean } {
  if (!sessionEnabled) return { semantic: false, marker: false };
  return { semantic: style === 'semantic' || style === 'both', marker: style === 'marker' || style === 'both' };
}
