// Server settings (`newsLens.*`), pulled with workspace/configuration and
// validated, because a hand-edited settings.json can hold anything.
import { type NewsLensServerSettings, normalizeSettings } from '../protocol';

/** The part of the shared settings the server reads, through the one normaliser in src/protocol. */
export function serverSettings(raw: unknown): NewsLensServerSettings {
  const { articleDate, kinds, articleGlobs } = normalizeSettings(raw);
  return { articleDate, kinds, articleGlobs };
}
