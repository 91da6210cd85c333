// What the editor should show, computed by the language service itself
// (src/analysis, bundled on the fly): the e2e checks that the real editor
// renders it — which words, where — not how well the analysis recognises them.
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export async function loadAnalysis(repoRoot, scratch) {
  const outfile = join(scratch, 'analysis.cjs');
  await build({
    entryPoints: [join(repoRoot, 'src', 'analysis', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
  });
  return createRequire(import.meta.url)(outfile);
}

/** 1-based line and column, as VS Code's status bar shows them (no tabs in our samples). */
export function lineColumnAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Pieces any readable rendering of a YYYY-MM-DD value must contain: year, month, day. */
export function calendarPieces(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? '');
  if (!m) return null;
  return { year: m[1], monthName: MONTHS[Number(m[2]) - 1], monthNumber: m[2], day: String(Number(m[3])) };
}

export function mentionsMatch(rendered, pieces) {
  if (!pieces) return false;
  const hasMonth = rendered.includes(pieces.monthName) || rendered.includes(pieces.monthName.slice(0, 3)) || rendered.includes(`-${pieces.monthNumber}-`);
  return rendered.includes(pieces.year) && hasMonth && new RegExp(`\\b0?${pieces.day}\\b`).test(rendered);
}
