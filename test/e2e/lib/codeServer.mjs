// Starts code-server (VS Code 1.100.3 in a browser) with the built extension
// loaded, and guarantees it is gone afterwards. See ../shared/docs/real-vscode.md.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';

export function codeServerEntry() {
  const cache = process.env.NEWS_LENS_E2E_CACHE || join(homedir(), '.cache', 'news-lens-e2e');
  const root = join(cache, 'node_modules', 'code-server');
  const entry = join(root, 'out', 'node', 'entry.js');
  if (!existsSync(entry)) {
    throw new Error(
      `code-server is not installed in ${cache}.\n` + `Run: bash scripts/install-e2e.sh   (as root it also apt-installs Chromium and the build prerequisites)`,
    );
  }
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  if (version !== CODE_SERVER_VERSION) {
    throw new Error(`code-server ${version} in ${cache}, expected ${CODE_SERVER_VERSION}; re-run scripts/install-e2e.sh`);
  }
  return entry;
}

/**
 * Copies the extension as it would ship (what the .vsix holds) into
 * EXTENSIONS_DIR/publisher.name-version, the layout VS Code loads at start.
 */
export function stageExtension(repoRoot, extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const main = join(repoRoot, manifest.main ?? 'dist/extension.js');
  if (!existsSync(main)) throw new Error(`the extension is not built: ${main} is missing (npm run build)`);
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  mkdirSync(target, { recursive: true });
  for (const entry of [
    'package.json',
    'package.nls.json',
    'dist',
    'media',
    'syntaxes',
    'language-configuration.json',
    'README.md',
    'LICENSE',
    'CHANGELOG.md',
  ]) {
    const from = join(repoRoot, entry);
    if (existsSync(from)) cpSync(from, join(target, entry), { recursive: true });
  }
  return { id: `${manifest.publisher}.${manifest.name}`, dir: target, manifest };
}

/**
 * Packages the extension with vsce, exactly as it ships, and installs the .vsix
 * with code-server's own --install-extension: a file the .vscodeignore leaves
 * out of the package breaks this test, as it would break users.
 */
export function installVsix({ repoRoot, entry, extensionsDir, userDataDir, scratch }) {
  const vsix = join(scratch, 'news-lens.vsix');
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const run = (args, what) => {
    const result = spawnSync(process.execPath, args, {
      cwd: repoRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 180_000,
      env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'xdg-config'), XDG_DATA_HOME: join(scratch, 'xdg-data') },
    });
    if (result.status !== 0) {
      throw new Error(`${what} failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
    }
    return result.stdout;
  };
  try {
    run([vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], 'vsce package');
  } catch {
    // A file rewritten while vsce zips it ("unexpected number of bytes", e.g. a
    // concurrent build) fails the package; one retry settles it.
    spawnSync('sleep', ['3']);
    run([vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], 'vsce package');
  }
  run([entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], 'code-server --install-extension');
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const dir = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  if (!existsSync(join(dir, manifest.main ?? 'dist/extension.js'))) throw new Error(`the installed extension has no ${manifest.main}: ${dir}`);
  return { id: `${manifest.publisher}.${manifest.name}`, dir, manifest, vsix };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** User settings for a quiet, reproducible workbench (no tips, no network, hints on). */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'chat.commandCenter.enabled': false,
    'editor.semanticHighlighting.enabled': true,
    'editor.inlayHints.enabled': 'on',
    'editor.hover.delay': 300,
    'editor.minimap.enabled': false,
    'editor.wordWrap': 'on',
    'editor.fontSize': 14,
    ...extra,
  };
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * Launches code-server in its own process group (so the extension host and the
 * language server it starts die with it) and waits until it answers HTTP.
 */
export async function startCodeServer({ entry, port, userDataDir, extensionsDir, folder, scratch, log }) {
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    folder,
  ];
  // Keep code-server's own config (it writes a config.yaml with a password) out of $HOME.
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: join(scratch, 'xdg-config'),
    XDG_DATA_HOME: join(scratch, 'xdg-data'),
    XDG_CACHE_HOME: join(scratch, 'xdg-cache'),
  };
  const child = spawn(process.execPath, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  const collect = (chunk) => {
    output.push(chunk.toString());
    log?.(chunk.toString());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));

  const handle = {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => output.join(''),
    stop: () => killGroup(child),
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}):\n${handle.output()}`);
    try {
      const response = await fetch(`${handle.url}/healthz`);
      if (response.ok) return handle;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  killGroup(child);
  throw new Error(`code-server did not answer on ${handle.url} within 60 s:\n${handle.output()}`);
}

/** SIGTERM the whole process group, then SIGKILL whatever is left. Synchronous-safe. */
export function killGroup(child, graceMs = 2000) {
  if (!child?.pid) return Promise.resolve();
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
      return true;
    } catch {
      return false; // already gone
    }
  };
  if (!signalGroup('SIGTERM')) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signalGroup('SIGKILL');
      resolve();
    }, graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      // Children of the group may outlive the leader; make sure they go too.
      setTimeout(() => {
        signalGroup('SIGKILL');
        resolve();
      }, 200);
    });
  });
}
