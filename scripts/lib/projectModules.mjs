// The project's own TypeScript, bundled for a training or evaluation script, so the
// script runs exactly the code the extension ships (features, parse, scorer).
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The repository root (scripts/lib/..). */
export const projectRoot = resolve(new URL('../..', import.meta.url).pathname);

/**
 * Bundles `source` (TypeScript re-exports, paths relative to the repository root) into a
 * temporary CommonJS file and loads it. `plugins` are esbuild plugins (e.g. a model override).
 */
export async function loadProjectModules(source, { plugins = [], name = 'news-lens-script' } = {}) {
  const outfile = join(mkdtempSync(join(tmpdir(), `${name}-`)), 'lib.cjs');
  await build({
    stdin: { contents: source, resolveDir: projectRoot, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'warning',
    plugins,
  });
  return createRequire(import.meta.url)(outfile);
}

/** The value after `--name` on the command line, or `fallback`. */
export function optionReader(args) {
  return (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
}
