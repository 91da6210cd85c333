// Server settings (`newsLens.*`), pulled with workspace/configuration and
// validated, because a hand-edited settings.json can hold anything.
import { DEFAULT_SERVER_SETTINGS, HIGHLIGHT_KINDS, type HighlightKind, type NewsLensServerSettings } from '../protocol';

export function normalizeSettings(raw: unknown): NewsLensServerSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const kinds = Array.isArray(r.kinds)
    ? (r.kinds.filter((k) => typeof k === 'string' && (HIGHLIGHT_KINDS as readonly string[]).includes(k)) as HighlightKind[])
    : DEFAULT_SERVER_SETTINGS.kinds;
  const articleGlobs = Array.isArray(r.articleGlobs) ? r.articleGlobs.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : [];
  const articleDate = typeof r.articleDate === 'string' ? r.articleDate.trim() : '';
  return { articleDate, kinds: [...new Set(kinds)], articleGlobs };
}

export function kindEnabled(settings: NewsLensServerSettings, kind: HighlightKind): boolean {
  return settings.kinds.includes(kind);
}
