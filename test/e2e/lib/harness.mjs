// A small sequential check runner: each check is something a person would see;
// a failed check is reported and the run goes on, unless the check is marked
// `required` (nothing after it can work, e.g. the article never opened).

export function createHarness() {
  const results = [];
  return {
    results,
    async check(name, fn, { required = false, timeoutMs = 90_000 } = {}) {
      const started = Date.now();
      let timer;
      try {
        await Promise.race([
          fn(),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`check timed out after ${timeoutMs / 1000} s`)), timeoutMs);
          }),
        ]);
        results.push({ name, ok: true, ms: Date.now() - started });
        console.log(`  ✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (error) {
        results.push({ name, ok: false, error, ms: Date.now() - started });
        console.log(`  ✘ ${name}\n${indent(String(error?.stack ?? error))}`);
        if (required) throw new RequiredCheckFailed(name, error);
      } finally {
        clearTimeout(timer);
      }
    },
    summary() {
      const failed = results.filter((r) => !r.ok);
      console.log(`\n${results.length - failed.length} passing, ${failed.length} failing`);
      for (const f of failed) console.log(`  ✘ ${f.name}: ${String(f.error?.message ?? f.error).split('\n')[0]}`);
      return failed.length === 0;
    },
  };
}

export class RequiredCheckFailed extends Error {
  constructor(name, cause) {
    super(`required check failed: ${name}`);
    this.cause = cause;
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(typeof message === 'function' ? message() : message);
}

function indent(text) {
  return text
    .split('\n')
    .slice(0, 12)
    .map((l) => `      ${l}`)
    .join('\n');
}
