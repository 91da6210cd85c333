// Reads how a running server process was started (Linux /proc), for the launch tests
// (test/server/launch.test.ts) and the installed package's test (test/cli/install.test.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../src/protocol';

/** The command line and environment of a running process (Linux), or null elsewhere. */
export function processLaunch(pid: number): { argv: string[]; env: Map<string, string> } | null {
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const env = new Map(
      fs
        .readFileSync(`/proc/${pid}/environ`, 'utf8')
        .split('\0')
        .filter(Boolean)
        .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] as [string, string]),
    );
    return { argv, env };
  } catch {
    return null;
  }
}

/** Fails unless the process runs node with every server flag and the server environment. */
export function assertServerLaunch(pid: number): void {
  const launch = processLaunch(pid);
  if (!launch) return; // no /proc: the shebang and argument checks below still hold
  for (const flag of SERVER_NODE_FLAGS) assert.ok(launch.argv.includes(flag), `${flag} in ${launch.argv.join(' ')}`);
  for (const [name, value] of Object.entries(SERVER_ENV)) assert.equal(launch.env.get(name), value, name);
}
