// The npm package: `npm pack` gives a tarball that `npm install -g` installs with
// no network and no npm cache (everything is bundled into dist/), putting
// `news-lens` and `news-lens-server` on the PATH.
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertServerLaunch } from '../server/launchCheck';

const REPO = path.resolve(__dirname, '..', '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm package (npm pack, npm install -g offline)', function () {
  this.timeout(300_000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-install-'));
  const prefix = path.join(tmp, 'prefix');
  const bin = process.platform === 'win32' ? prefix : path.join(prefix, 'bin');
  // An empty cache: nothing can come from packages fetched earlier.
  const npmEnv = {
    ...process.env,
    npm_config_cache: path.join(tmp, 'empty-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  let tarball = '';
  // A PATH with the installed commands and node, nothing from the repository.
  const userEnv = { ...process.env, PATH: [bin, path.dirname(process.execPath), '/usr/bin', '/bin'].join(path.delimiter), NO_COLOR: '1' };

  before(function () {
    assert.ok(fs.existsSync(path.join(REPO, 'dist', 'cli.js')), 'dist/cli.js is missing: run npm run build');
    const version = spawnSync(NPM, ['--version'], { encoding: 'utf8', env: npmEnv });
    if (version.status !== 0) {
      console.log(`      (skipped: npm is not runnable here: ${version.error?.message ?? version.stderr})`);
      this.skip();
    }
    // --ignore-scripts: pack the dist/ this test run built (prepack would rebuild it).
    const packed = spawnSync(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], { cwd: REPO, encoding: 'utf8', env: npmEnv });
    if (packed.status !== 0) {
      console.log(`      (skipped: npm pack cannot run here: ${packed.stderr.trim().split('\n').pop()})`);
      this.skip();
    }
    const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = path.join(tmp, info.filename);
    const files = info.files.map((f) => f.path).sort();
    assert.ok(files.includes('dist/cli.js') && files.includes('dist/server.js'), files.join(' '));
    assert.ok(
      !files.some((f) => f.endsWith('.map') || f.startsWith('src/') || f.startsWith('test/') || f === 'dist/extension.js'),
      `only what the commands need: ${files.join(' ')}`,
    );
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('installs offline into a fresh prefix with nothing to fetch, and news-lens annotates from any folder', () => {
    const installed = spawnSync(NPM, ['install', '-g', '--offline', '--prefix', prefix, tarball], { cwd: tmp, encoding: 'utf8', env: npmEnv });
    assert.equal(installed.status, 0, installed.stderr);
    for (const name of ['news-lens', 'news-lens-server']) assert.ok(fs.existsSync(path.join(bin, name)), `${name} on the PATH`);

    const version = spawnSync('news-lens', ['--version'], { cwd: tmp, encoding: 'utf8', env: userEnv });
    assert.equal(version.status, 0, version.stderr);
    assert.equal(version.stdout.trim(), JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);

    const article = path.join(tmp, 'harbour.news');
    fs.writeFileSync(article, ' date 2024-08-06 The mayor of Lisbon spoke last year.\n');
    const annotated = spawnSync('news-lens', ['annotate', 'harbour.news'], { cwd: tmp, encoding: 'utf8', env: userEnv });
    assert.equal(annotated.status, 0, annotated.stderr);
    const record = JSON.parse(annotated.stdout);
    assert.equal(record.dates.find((d: { text: string }) => d.text === 'last year')?.value, '2023');
    assert.ok(record.entities.some((e: { text: string }) => e.text === 'Lisbon'));

    const streamed = spawnSync('news-lens', ['annotate', '--stdin'], {
      cwd: tmp,
      encoding: 'utf8',
      env: userEnv,
      input: '{"id": 1, "text": "Officials in Nairobi met."}\n',
    });
    assert.equal(streamed.status, 0, streamed.stderr);
    assert.equal(JSON.parse(streamed.stdout).id, 1);
  });

  it("news-lens-server --stdio answers an LSP initialize, started with the server's node flags and environment", async () => {
    assert.ok(fs.existsSync(path.join(bin, 'news-lens-server')), 'installed by the previous test');
    const server = spawn('news-lens-server', ['--stdio'], { cwd: tmp, env: userEnv, stdio: ['pipe', 'pipe', 'pipe'] });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    let out = '';
    const reply = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no initialize answer; got ${out}`)), 60_000);
      server.stdout.on('data', (d) => {
        out += d;
        const m = /Content-Length: (\d+)\r\n\r\n/.exec(out);
        if (m && Buffer.byteLength(out.slice(m.index + m[0].length)) >= Number(m[1])) {
          clearTimeout(timer);
          resolve(out.slice(m.index + m[0].length));
        }
      });
    });
    // The installed bin runs the shebang: the server's node flags and environment (src/protocol/serverLaunch.ts).
    try {
      assertServerLaunch(server.pid!);
    } finally {
      server.kill();
    }
    const message = JSON.parse(reply);
    assert.equal(message.id, 1);
    assert.ok(message.result.capabilities.hoverProvider, reply.slice(0, 300));
  });
});
