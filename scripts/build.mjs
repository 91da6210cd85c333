// Bundles the extension, the language server, the CLI and the dev tools with esbuild.
// One bundle per process; `vscode` is provided by the editor at run time.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

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
  plugins: [fasterCompromiseMerge],
});
