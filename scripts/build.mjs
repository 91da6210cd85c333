// Bundles the extension, the language server, the CLI and the dev tools with esbuild.
// One bundle per process; `vscode` is provided by the editor at run time.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const production = process.argv.includes('--production');

// compromise merges each plugin's model into its world with `Object.assign(model, { [key]: value })`
// per key, a fresh object per word of its lexicon (tens of thousands): a tenth of the CLI's
// start-up. A plain assignment does the same for these plain data objects, without the garbage.
const fasterCompromiseMerge = {
  name: 'faster-compromise-merge',
  setup(b) {
    b.onLoad({ filter: /[\\/]compromise[\\/]src[\\/]API[\\/]extend\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const patched = source
        .replace('if (!model[key]) Object.assign(model, { [key]: {} })', 'if (!model[key]) model[key] = {}')
        .replace('Object.assign(model, { [key]: plugin[key] })', 'model[key] = plugin[key]');
      if (patched === source) console.warn(`build: compromise's extend.js has changed; its plugin merge is left as it is (${args.path})`);
      return { contents: patched, loader: 'js' };
    });
  },
};
const entries = [
  { in: 'src/extension/extension.ts', out: 'extension' },
  { in: 'src/server/server.ts', out: 'server' },
  // `news-lens`: a small launcher that runs cli-main.js from its code cache (below).
  { in: 'src/cli/launch.ts', out: 'cli' },
  // The CLI proper. Every bundle's first line after any hashbang names this build; the CLI's
  // code cache must carry the same line (V8 itself checks only the source's length, so a
  // stale cache could otherwise pass).
  { in: 'src/cli/cli.ts', out: 'cli-main' },
  { in: 'test/bench/bench.ts', out: 'bench' },
].filter((e) => existsSync(e.in));

const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  legalComments: 'linked',
  logLevel: 'warning',
  plugins: [fasterCompromiseMerge],
  banner: { js: `// news-lens build ${randomUUID()}` },
};

await build({ ...common, entryPoints: entries });

// esbuild's ASCII output still leaves non-ASCII characters in regular expression
// literals, String.raw templates and comments. One such character makes V8 hold the
// whole bundle source (kept for lazy compilation) as two bytes a character: 8 MB
// instead of 4 MB in the server. A \uXXXX escape means the same character in each of
// those places (the String.raw templates are RegExp sources). Before the code cache,
// which must be made from the final source.
for (const { out } of entries) {
  const file = `dist/${out}.js`;
  const source = readFileSync(file, 'utf8');
  if (/[^\x00-\x7f]/.test(source))
    writeFileSync(
      file,
      source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    );
}

// V8's code cache for the CLI, made by annotating a sample article: it holds the bytecode of
// everything a run compiles, so `news-lens annotate` skips most compiling. Made here, once;
// the CLI never writes it. A Node with another V8 rejects it and compiles as usual.
// Resolved through links as Node resolves the launcher's __dirname, which it compares with.
const codeCache = path.join(realpathSync('dist'), 'cli-main.code-cache');
rmSync(codeCache, { force: true });
const warmed = spawnSync(process.execPath, ['dist/cli.js', 'annotate', 'samples/rotterdam-dock-strike.news'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NEWS_LENS_WRITE_CODE_CACHE: codeCache },
});
if (warmed.status !== 0 || !existsSync(codeCache)) {
  console.error(
    warmed.status === 0
      ? `build: the CLI ran on a sample article but wrote no code cache at ${codeCache}`
      : `build: the CLI failed on a sample article (exit ${warmed.status}), so it has no code cache`,
  );
  process.exit(1);
}
