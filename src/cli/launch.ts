#!/usr/bin/env node
// `news-lens` (dist/cli.js): runs the CLI bundle (dist/cli-main.js) from the V8 code cache
// the build made beside it (dist/cli-main.code-cache), so a short run skips compiling most of
// a 4 MB bundle. A cache from another build, another Node or another V8 flag set is not used:
// V8 rejects it, or its build id does not match, and the bundle compiles as usual. Nothing
// is written at run time; the build alone asks for the cache (NEWS_LENS_WRITE_CODE_CACHE).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

const BUNDLE = path.join(__dirname, 'cli-main.js');
const CACHE = path.join(__dirname, 'cli-main.code-cache');
/** Wraps the bundle as Node wraps a CommonJS module; the cache is only valid for this exact text. */
const WRAP_START = '(function (exports, require, module, __filename, __dirname) { ';
const WRAP_END = '\n});';

/** The bundle's first line names its build (`// news-lens build <id>`); the cache starts with the same line. */
function buildIdLine(source: string): string {
  const end = source.indexOf('\n');
  const first = end < 0 ? '' : source.slice(0, end + 1);
  return first.startsWith('// news-lens build ') ? first : '';
}

function cachedDataFor(idLine: string): Buffer | undefined {
  if (!idLine) return undefined;
  try {
    const cache = fs.readFileSync(CACHE);
    const header = Buffer.from(idLine, 'utf8');
    return cache.length > header.length && cache.subarray(0, header.length).equals(header) ? cache.subarray(header.length) : undefined;
  } catch {
    return undefined; // no cache: compile as usual
  }
}

function run(): void {
  // No hashbang: cli.ts has none (this launcher is the command), and its first line is the build id.
  const source = fs.readFileSync(BUNDLE, 'utf8');
  const idLine = buildIdLine(source);
  const cachedData = cachedDataFor(idLine);
  const script = new vm.Script(WRAP_START + source + WRAP_END, { filename: BUNDLE, cachedData });
  if (process.env.NEWS_LENS_REPORT_CODE_CACHE === '1') {
    process.stderr.write(`news-lens: code cache ${cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
  }
  // The build (scripts/build.mjs) runs a sample article with this set to the cache's own path,
  // then keeps the code V8 compiled for it; the check keeps a stray setting from writing elsewhere.
  if (idLine && process.env.NEWS_LENS_WRITE_CODE_CACHE === CACHE) {
    process.on('exit', () => fs.writeFileSync(CACHE, Buffer.concat([Buffer.from(idLine, 'utf8'), script.createCachedData()])));
  }
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;
  // The bundle runs as this module (its exports are ours, `require.main === module` holds when run as a command).
  wrapper.call(module.exports, module.exports, require, module, BUNDLE, __dirname);
}

run();
