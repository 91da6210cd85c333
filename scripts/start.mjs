// `npm start`: show News Lens on the bundled sample articles.
// With VS Code's `code` command on PATH, open VS Code with the extension loaded
// on samples/; otherwise print the annotated sample article in this terminal.
// `npm start -- --terminal` forces the terminal view.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samples = path.join(repo, 'samples');
const sample = path.join(samples, 'rotterdam-dock-strike.news');
const cli = path.join(repo, 'dist', 'cli.js');

if (!existsSync(cli) || !existsSync(path.join(repo, 'dist', 'extension.js'))) {
  const built = spawnSync(process.execPath, [path.join(repo, 'scripts', 'build.mjs')], { cwd: repo, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const code = process.argv.includes('--terminal') ? null : findOnPath(process.platform === 'win32' ? ['code.cmd', 'code.exe'] : ['code']);
if (code) {
  console.log(`Opening VS Code with News Lens loaded on ${path.relative(process.cwd(), samples) || samples}/ …`);
  const opened = spawnSync(code, ['--new-window', `--extensionDevelopmentPath=${repo}`, samples, sample], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (opened.status === 0) process.exit(0);
  console.log('VS Code did not start; showing the sample in the terminal instead.\n');
} else if (!process.argv.includes('--terminal')) {
  console.log("VS Code's `code` command is not on PATH, so here is the sample article annotated in the terminal.");
  console.log('(Install the `code` command to see highlights, hover cards and the sidebar in VS Code.)\n');
}

const color = process.stdout.isTTY && !process.env.NO_COLOR ? '--color' : '--no-color';
const shown = spawnSync(process.execPath, [cli, 'annotate', '--format', 'pretty', color, path.relative(process.cwd(), sample) || sample], { stdio: 'inherit' });
process.exit(shown.status ?? 1);

function findOnPath(names) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}
