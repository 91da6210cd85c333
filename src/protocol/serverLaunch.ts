// How the language server process (dist/server.js) is started, declared once for
// every launcher: the VS Code extension (src/extension/client.ts), the npm bin
// `news-lens-server` (the shebang of src/server/server.ts, which a test keeps equal
// to serverShebang()) and the benchmark and tests (test/bench/lspClient.ts).
// An editor keeps the server for hours beside everything else: these keep its memory
// down (npm run bench, server_rss_mb after a 1 MB article: about 160–180 → 135–140 MB)
// for more CPU in long articles (measured on a quiet machine: the 1 MB analysis about
// 10–20% more, its re-analysis after an edit about 25–35% more; hover and the first
// tokens unchanged).

/**
 * Node/V8 flags. A young generation of 4 MB semi-spaces instead of up to 16 MB: the
 * server's allocations are short-lived analysis garbage, and a larger nursery only
 * keeps more of it resident. (Also passing --optimize-for-size here, not only at run
 * time as src/server/heapSettings.ts does, saved a few MB more but cost 15–20% more CPU
 * in the analysis of a long article, the workspace scan's too.)
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * Environment. glibc's malloc gives each thread that allocates its own arena, and
 * Node's GC and compiler threads each keep one (15–20 MB resident after a large
 * article); the server has one JavaScript thread, so one arena does. Other C libraries
 * ignore it.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '1' };

/**
 * The first line of dist/server.js, so `news-lens-server` started through npm's bin
 * link (or its Windows shims, which read `env -S` and the assignments) gets the same.
 */
export function serverShebang(): string {
  const assignments = Object.entries(SERVER_ENV).map(([name, value]) => `${name}=${value}`);
  return `#!/usr/bin/env -S ${[...assignments, 'node', ...SERVER_NODE_FLAGS].join(' ')}`;
}

/** The environment to start the server in: `base` (the launcher's own) with SERVER_ENV over it. */
export function serverEnvironment<T extends Record<string, string | undefined>>(base: T): T & Record<string, string> {
  return { ...base, ...SERVER_ENV };
}

/** The arguments after `node` that start the server at `serverPath` with `args` (e.g. --stdio). */
export function serverNodeArguments(serverPath: string, args: readonly string[]): string[] {
  return [...SERVER_NODE_FLAGS, serverPath, ...args];
}
