// The server is started with the node flags and environment of src/protocol/serverLaunch.ts
// by every launcher: the npm bin (the shebang of dist/server.js, run as a program here as
// npm's bin link runs it), the VS Code extension and the test/bench client.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVER_ENV, SERVER_NODE_FLAGS, serverEnvironment, serverNodeArguments, serverShebang } from '../../src/protocol';
import { LspTestClient } from '../bench/lspClient';
import { assertServerLaunch } from './launchCheck';

const REPO = path.resolve(__dirname, '../../..');
const SERVER = path.join(REPO, 'dist/server.js');

const firstLine = (file: string) => fs.readFileSync(file, 'utf8').split('\n', 1)[0];

async function waitForInitialize(child: ReturnType<typeof spawn>): Promise<any> {
  const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  child.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no initialize answer; got ${out}`)), 60_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Content-Length: (\d+)\r\n\r\n/.exec(out);
      if (m && Buffer.byteLength(out.slice(m.index + m[0].length)) >= Number(m[1])) {
        clearTimeout(timer);
        resolve(JSON.parse(out.slice(m.index + m[0].length)));
      }
    });
  });
}

describe('server launch (node flags and environment, declared once)', function () {
  this.timeout(90_000);

  it('the shebang of the source and of the built server is serverShebang()', () => {
    assert.equal(firstLine(path.join(REPO, 'src/server/server.ts')), serverShebang());
    assert.equal(firstLine(SERVER), serverShebang(), 'dist/server.js is stale: npm run build');
    // env -S splits the line; npm's Windows shims read the same form (env -S, NAME=value…, node, flags).
    assert.match(serverShebang(), /^#!\/usr\/bin\/env -S (?:[A-Z_]+=\S+ )*node(?: --\S+)+$/);
  });

  it('the launch arguments put the flags before the script and keep the caller environment', () => {
    assert.deepEqual(serverNodeArguments('/x/server.js', ['--stdio']), [...SERVER_NODE_FLAGS, '/x/server.js', '--stdio']);
    const env = serverEnvironment({ PATH: '/bin', HOME: '/home/a' });
    assert.equal(env.PATH, '/bin');
    assert.equal(env.HOME, '/home/a');
    for (const [name, value] of Object.entries(SERVER_ENV)) assert.equal(env[name], value);
  });

  it('the extension starts the server with the same flags and environment, run and debug', () => {
    const client = fs.readFileSync(path.join(REPO, 'src/extension/client.ts'), 'utf8');
    const options = /const serverOptions: ServerOptions = \{([\s\S]*?)\n {2}\};/.exec(client)?.[1] ?? '';
    assert.match(options, /run: \{[^\n]*execArgv: \[\.\.\.SERVER_NODE_FLAGS\], env \}/);
    assert.match(options, /debug: \{[^\n]*execArgv: \[[^\]]*\.\.\.SERVER_NODE_FLAGS\], env \}/);
    assert.match(client, /const env = serverEnvironment\(process\.env\);/);
  });

  it('dist/server.js run as a program (as the npm bin runs it) gets the flags and environment and answers', async function () {
    if (process.platform === 'win32') this.skip();
    const bin = path.dirname(process.execPath);
    const child = spawn(SERVER, ['--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
    });
    try {
      const reply = await waitForInitialize(child);
      assert.ok(reply.result.capabilities.hoverProvider);
      assertServerLaunch(child.pid!);
    } finally {
      child.kill();
    }
  });

  it('the test and bench client starts the server the same way', async () => {
    const client = new LspTestClient(SERVER);
    try {
      await client.initialize();
      assertServerLaunch(client.pid!);
    } finally {
      await client.close();
    }
  });
});
