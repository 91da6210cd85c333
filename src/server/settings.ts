// Server settings (`newsLens.*`), pulled with workspace/configuration and
// validated, because a hand-edited settings.json can hold anything.
import { type HighlightKind, type NewsLensServerSettings, normalizeSettings } from '../protocol';

/** The part of the shared settings the server reads, through the one normaliser in src/protocol. */
export function serverSettings(raw: unknown): NewsLensServerSettings {
  const { articleDate, kinds, articleGlobs } = normalizeSettings(raw);
  return { articleDate, kinds, articleGlobs };
}

export function kindEnabled(settings: NewsLensServerSettings, kind: HighlightKind): boolean {
  return settings.kinds.includes(kind);
}
