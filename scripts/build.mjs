// Bundles the extension, the language server, the CLI and the dev tools with esbuild.
// One bundle per process; `vscode` is provided by the editor at run time.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const entries = [
  { in: 'src/extension/extension.ts', out: 'extension' },
  { in: 'src/server/server.ts', out: 'server' },
  { in: 'src/cli/cli.ts', out: 'cli' },
  { in: 'test/bench/bench.ts', out: 'bench' },
].filter((e) => existsSync(e.in));

await build({
  entryPoints: entries,
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
});
