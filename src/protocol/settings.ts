// The `newsLens.*` settings: one type and one normaliser for the client and the server (as
// vscode-eslint shares its settings), so both read whatever a user wrote the same way.
import { HIGHLIGHT_KINDS, type HighlightKind } from './protocol';

export type HighlightStyle = 'semantic' | 'marker' | 'both' | 'off';
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['semantic', 'marker', 'both', 'off'];

export interface NewsLensSettings {
  highlightStyle: HighlightStyle;
  /** Kinds shown as highlights, inlay hints, symbols and tree groups, in HIGHLIGHT_KINDS order. */
  kinds: HighlightKind[];
  /** Overrides every article's date (YYYY-MM-DD); empty = the dateline / front matter. */
  articleDate: string;
  /** Opt-in globs (workspace-relative or absolute) for files that count as articles. */
  articleGlobs: string[];
  inlayHints: boolean;
  followCursor: boolean;
  statusBar: boolean;
}

const isObject = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

/**
 * The `newsLens` section as VS Code gives it (`{ inlayHints: { enabled } }`) or flattened
 * (`{ inlayHints: false }`): unknown kinds and styles are dropped, wrong types fall back to
 * the defaults, blank globs are ignored.
 */
export function normalizeSettings(raw: unknown): NewsLensSettings {
  const r = isObject(raw) ? raw : {};
  // A switch is on unless set to false, either as `inlayHints: false` or `inlayHints: { enabled: false }`.
  const on = (value: unknown, key: string) => (isObject(value) ? value[key] : value) !== false;
  const sidebar = isObject(r.sidebar) ? r.sidebar : {};
  return {
    highlightStyle: HIGHLIGHT_STYLES.includes(r.highlightStyle as HighlightStyle) ? (r.highlightStyle as HighlightStyle) : 'semantic',
    kinds: Array.isArray(r.kinds) ? HIGHLIGHT_KINDS.filter((k) => (r.kinds as unknown[]).includes(k)) : [...HIGHLIGHT_KINDS],
    articleDate: typeof r.articleDate === 'string' ? r.articleDate.trim() : '',
    articleGlobs: Array.isArray(r.articleGlobs) ? r.articleGlobs.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [],
    inlayHints: on(r.inlayHints, 'enabled'),
    followCursor: on(r.followCursor ?? sidebar.followCursor, 'followCursor'),
    statusBar: on(r.statusBar, 'enabled'),
  };
}
