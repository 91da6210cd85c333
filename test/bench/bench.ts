// `npm run bench` — speed and footprint of News Lens, measured in one run.
// Human output: a table plus the machine. `npm run bench -- --json`: one JSON line.
// Timings are medians of interleaved repetitions, so a busy machine skews both
// sides of a ratio alike. No test asserts these numbers; the README quotes them.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import nlp from 'compromise';
import { analyzeArticle, jobText, LruParagraphCache, planParagraphs } from '../../src/analysis';
import { recognizeTemporalExpressions } from '../../src/analysis/dates/recognizeDates';
import { resolveDocumentDates } from '../../src/analysis/dates/resolveDocumentDates';
import { buildActors } from '../../src/analysis/entities/buildActors';
import { type EntityCandidate, recognizeEntities } from '../../src/analysis/entities/recognizeEntities';
import { readArticleHeader } from '../../src/analysis/metadata';
import { parseParagraph, type ParsedParagraph } from '../../src/analysis/parse';
import type { TemporalExpression } from '../../src/analysis/types';
import { countWords, generateArticle, generateParagraph, seededRandom } from '../fixtures/generateArticle';
import { measureActivation } from './activation';
import { measurePipe, PIPE_DOCS } from './pipeBench';
import { measureServer } from './serverBench';
import { measureWorkspace } from './workspaceBench';

const ROOT = path.resolve(__dirname, '..');
const json = process.argv.includes('--json');
const log = (s: string) => {
  if (!json) process.stderr.write(s + '\n');
};

const now = () => performance.now();
function time(run: () => void): number {
  const t = now();
  run();
  return now() - t;
}
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Generated articles plus any sample articles shipped in the repo. */
function loadCorpus(): { name: string; text: string }[] {
  const corpus = [
    { name: 'generated-40', text: generateArticle({ seed: 11, paragraphs: 40 }) },
    { name: 'generated-crlf-20', text: generateArticle({ seed: 12, paragraphs: 20, newline: '\r\n' }) },
  ];
  for (const dir of ['samples', 'test/fixtures/articles', 'test/fixtures']) {
    const abs = path.join(ROOT, dir);
    if (!fs.existsSync(abs)) continue;
    for (const f of fs.readdirSync(abs).sort()) {
      if (!/\.(txt|md|news)$/.test(f) || corpus.length >= 8) continue;
      const text = fs.readFileSync(path.join(abs, f), 'utf8');
      if (text.length > 200 && text.length < 200_000) corpus.push({ name: `${dir}/${f}`, text });
    }
  }
  return corpus;
}

interface AnalysisNumbers {
  words_per_second: number;
  ratio_vs_compromise: number;
  entities_ratio: number;
  dates_overhead: number;
  full_ms: number;
  compromise_ms: number;
  words: number;
  samples: string[];
}

/** Paragraph bodies as analyzeArticle sees them (the dateline is cut off the lead). */
function paragraphTexts(text: string): string[] {
  const plan = planParagraphs(text);
  return plan.jobs.map((job) => jobText(plan, job)).filter((body) => body !== '');
}

function measureAnalysis(reps: number): AnalysisNumbers {
  const corpus = loadCorpus();
  const texts = corpus.map((c) => c.text);
  const paragraphs = texts.map(paragraphTexts);
  const words = texts.reduce((n, t) => n + countWords(t), 0);
  const bare = () => {
    for (const t of texts) nlp(t);
  };
  const full = () => {
    for (const t of texts) analyzeArticle(t);
  };
  // Components, each timed on the same parses: parse, entities (+actors), dates (+anchoring).
  let parsed: ParsedParagraph[][] = [];
  const parseOnly = () => {
    parsed = paragraphs.map((ps) => ps.map((p) => parseParagraph(p)));
  };
  const entities = () => {
    for (const doc of parsed) {
      const cands: EntityCandidate[] = [];
      for (const p of doc) cands.push(...recognizeEntities(p));
      buildActors(cands);
    }
  };
  const dates = () => {
    parsed.forEach((doc, i) => {
      const { metadata } = readArticleHeader(texts[i]);
      const found: TemporalExpression[] = [];
      for (const p of doc) found.push(...recognizeTemporalExpressions(p, { referenceDate: metadata.date }));
      resolveDocumentDates(found, metadata);
    });
  };
  // Warm up the JIT and compromise's lazy lexicon before timing anything.
  bare();
  full();
  parseOnly();
  entities();
  dates();
  const ratios: number[] = [];
  const fullTimes: number[] = [];
  const bareTimes: number[] = [];
  const entityRatios: number[] = [];
  const dateOverheads: number[] = [];
  for (let r = 0; r < reps; r++) {
    // Alternate the order so neither side always runs on a warmer heap.
    let b: number;
    let f: number;
    if (r % 2 === 0) {
      b = time(bare);
      f = time(full);
    } else {
      f = time(full);
      b = time(bare);
    }
    const p = time(parseOnly);
    const e = time(entities);
    const d = time(dates);
    ratios.push(f / b);
    fullTimes.push(f);
    bareTimes.push(b);
    entityRatios.push((p + e) / b);
    dateOverheads.push(d / b);
  }
  const fullMs = median(fullTimes);
  return {
    words_per_second: Math.round(words / (fullMs / 1000)),
    ratio_vs_compromise: round(median(ratios)),
    entities_ratio: round(median(entityRatios)),
    dates_overhead: round(median(dateOverheads), 3),
    full_ms: round(fullMs, 1),
    compromise_ms: round(median(bareTimes), 1),
    words,
    samples: corpus.map((c) => c.name),
  };
}

/** Re-analysis after a one-paragraph edit in a 100-paragraph article, with the paragraph cache. */
function measureEdit(reps: number): number {
  const base = generateArticle({ seed: 21, paragraphs: 100 });
  const rand = seededRandom(99);
  const fractions: number[] = [];
  analyzeArticle(base, { cache: new LruParagraphCache() }); // warm-up
  for (let r = 0; r < reps; r++) {
    const cache = new LruParagraphCache();
    const fullMs = time(() => analyzeArticle(base, { cache }));
    const paragraphs = base.split('\n\n');
    const target = 1 + Math.floor(rand() * (paragraphs.length - 2));
    paragraphs[target] = paragraphs[target].replace(/\.$/, '') + ' ' + generateParagraph(rand, 1);
    const edited = paragraphs.join('\n\n');
    const editMs = time(() => analyzeArticle(edited, { cache }));
    fractions.push(editMs / fullMs);
  }
  return round(median(fractions), 4);
}

function measureVsix(): { bytes: number | null; reason?: string } {
  const out = path.join(os.tmpdir(), `news-lens-bench-${process.pid}.vsix`);
  try {
    // What `npm run package` runs, minus the rebuild `npm run bench` already did.
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/@vscode/vsce/vsce'),
        'package',
        '--no-dependencies',
        '--allow-missing-repository',
        '--no-rewrite-relative-links',
        '--out',
        out,
      ],
      {
        cwd: ROOT,
        stdio: 'pipe',
        timeout: 180_000,
      },
    );
    const bytes = fs.statSync(out).size;
    return { bytes };
  } catch (error: any) {
    const detail = String(error?.stderr ?? error?.message ?? error)
      .split('\n')
      .filter(Boolean)
      .slice(-3)
      .join(' ');
    return { bytes: null, reason: `vsce package failed: ${detail.slice(0, 300)}` };
  } finally {
    fs.rmSync(out, { force: true });
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    nproc: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    model: cpus[0]?.model?.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

async function main(): Promise<void> {
  const reps = Number(process.env.NEWS_LENS_BENCH_REPS ?? 7);
  log('News Lens benchmark: analysing…');
  const analysis = measureAnalysis(reps);
  log('edit re-analysis…');
  const editFraction = measureEdit(reps);
  log('language server…');
  const server = await measureServer(path.join(ROOT, 'dist/server.js'), log);
  log('workspace of 1,000 articles…');
  const workspace =
    process.env.NEWS_LENS_BENCH_WORKSPACE === '0'
      ? null
      : await measureWorkspace(path.join(ROOT, 'dist/server.js'), Number(process.env.NEWS_LENS_BENCH_ARTICLES ?? 1000));
  log('news-lens annotate --stdin, one and two processes…');
  const pipe =
    process.env.NEWS_LENS_BENCH_PIPE === '0'
      ? null
      : await measurePipe(path.join(ROOT, 'dist/cli.js'), Number(process.env.NEWS_LENS_BENCH_PIPE_DOCS ?? PIPE_DOCS), log);
  log('extension activation…');
  const activation = await measureActivation(path.join(ROOT, 'dist/extension.js'));
  log('packaging (.vsix)…');
  const vsix = measureVsix();
  const m = machine();

  const result = {
    words_per_second: analysis.words_per_second,
    ratio_vs_compromise: analysis.ratio_vs_compromise,
    edit_fraction: editFraction,
    hover_p50_ms: server.hover_p50_ms,
    hover_p95_ms: server.hover_p95_ms,
    first_tokens_ms: server.first_tokens_ms,
    server_rss_mb: server.server_rss_mb,
    activation_ms: activation.ms,
    vsix_bytes: vsix.bytes,
    entities_ratio: analysis.entities_ratio,
    dates_overhead: analysis.dates_overhead,
    workspace_articles: workspace?.workspace_articles ?? null,
    workspace_index_ms: workspace?.workspace_index_ms ?? null,
    workspace_symbol_p50_ms: workspace?.workspace_symbol_p50_ms ?? null,
    workspace_symbol_p95_ms: workspace?.workspace_symbol_p95_ms ?? null,
    story_index_ms: workspace?.story_index_ms ?? null,
    story_request_ms: workspace?.story_request_ms ?? null,
    story_request_p95_ms: workspace?.story_request_p95_ms ?? null,
    story_full_ms: workspace?.story_full_ms ?? null,
    story_full_bytes: workspace?.story_full_bytes ?? null,
    story_update_ms: workspace?.story_update_ms ?? null,
    pipe_docs_per_second: pipe?.pipe_docs_per_second ?? null,
    pipe_words_per_second: pipe?.pipe_words_per_second ?? null,
    pipe_2proc_docs_per_second: pipe?.pipe_2proc_docs_per_second ?? null,
    pipe_2proc_words_per_second: pipe?.pipe_2proc_words_per_second ?? null,
    pipe_scaling_2proc: pipe?.pipe_scaling_2proc ?? null,
    cli_startup_ms: pipe?.cli_startup_ms ?? null,
    machine: m,
    notes: [
      ...server.notes,
      ...(workspace?.notes ?? []),
      ...(pipe?.notes ?? []),
      ...(activation.reason ? [`activation_ms: ${activation.reason}`] : []),
      ...(vsix.reason ? [`vsix_bytes: ${vsix.reason}`] : []),
    ],
  };
  // With --json, stdout carries only the JSON line; the table goes to stderr, so one run gives both.
  const print = json ? (s: string) => process.stderr.write(s + '\n') : (s: string) => process.stdout.write(s + '\n');
  if (json) process.stdout.write(JSON.stringify(result) + '\n');
  const fmt = (v: number | null, unit = '') => (v === null ? 'n/a' : `${v}${unit}`);
  const rows: Array<[string, string, string]> = [
    ['words_per_second', fmt(result.words_per_second), '—'],
    ['ratio_vs_compromise', fmt(result.ratio_vs_compromise, '×'), '≤ 1.2'],
    ['entities_ratio (parse+entities ÷ compromise)', fmt(result.entities_ratio, '×'), '≤ 1.5'],
    ['dates_overhead (dates ÷ compromise)', fmt(result.dates_overhead), '≤ 0.20'],
    ['edit_fraction', fmt(result.edit_fraction), '≤ 0.05'],
    ['hover_p50_ms', fmt(result.hover_p50_ms, ' ms'), '—'],
    ['hover_p95_ms', fmt(result.hover_p95_ms, ' ms'), '≤ 5 ms'],
    ['first_tokens_ms (1 MB article)', fmt(result.first_tokens_ms, ' ms'), '≤ 1000 ms'],
    ['server_rss_mb (1 MB article)', fmt(result.server_rss_mb, ' MB'), '≤ 150 MB'],
    [`workspace_index_ms (${result.workspace_articles ?? 'n/a'} articles)`, fmt(result.workspace_index_ms, ' ms'), '—'],
    ['workspace_symbol_p95_ms', fmt(result.workspace_symbol_p95_ms, ' ms'), '≤ 100 ms'],
    [`story_index_ms (${result.workspace_articles ?? 'n/a'} articles, index + first story)`, fmt(result.story_index_ms, ' ms'), '—'],
    ['story_request_ms (Story view: outline + top actor, first after indexing)', fmt(result.story_request_ms, ' ms'), '≤ 200 ms'],
    ['story_request_p95_ms (the same, repeated)', fmt(result.story_request_p95_ms, ' ms'), '≤ 200 ms'],
    ['story_full_ms (newsLens/story, everything)', `${fmt(result.story_full_ms, ' ms')} (${fmt(result.story_full_bytes)} bytes)`, '—'],
    ['story_update_ms (edit → outline, incl. 200 ms debounce + 100 ms rebuild delay)', fmt(result.story_update_ms, ' ms'), '—'],
    ['activation_ms', fmt(result.activation_ms, ' ms'), '—'],
    [
      `pipe_words_per_second (--stdin, 1 process, ${pipe?.pipe_docs ?? 'n/a'} docs)`,
      `${fmt(result.pipe_words_per_second)} (${fmt(result.pipe_docs_per_second)} docs/s)`,
      '—',
    ],
    ['pipe 2 processes', `${fmt(result.pipe_2proc_words_per_second)} (${fmt(result.pipe_2proc_docs_per_second)} docs/s)`, '—'],
    ['pipe_scaling_2proc (2 ÷ 1 process)', fmt(result.pipe_scaling_2proc, '×'), '—'],
    ['cli_startup_ms (one short article)', fmt(result.cli_startup_ms, ' ms'), '≤ 400 ms'],
    ['vsix_bytes', fmt(result.vsix_bytes), '≤ 3 MB'],
  ];
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const w1 = Math.max(...rows.map((r) => r[1].length));
  const lines = [`| ${'metric'.padEnd(w0)} | ${'value'.padEnd(w1)} | goal |`, `| ${'-'.repeat(w0)} | ${'-'.repeat(w1)} | ---- |`];
  for (const [k, v, g] of rows) lines.push(`| ${k.padEnd(w0)} | ${v.padEnd(w1)} | ${g} |`);
  print(lines.join('\n'));
  print(`\nmachine: ${m.nproc} cores (nproc), ${m.model}, node ${m.node}, ${m.platform}`);
  print(
    `analysis corpus: ${analysis.samples.join(', ')} — ${analysis.words} words; median of ${reps} interleaved runs: full ${analysis.full_ms} ms, bare compromise ${analysis.compromise_ms} ms`,
  );
  for (const n of result.notes) print(`note: ${n}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench failed: ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
