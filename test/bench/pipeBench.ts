// The CLI as a map stage: throughput of `news-lens annotate --stdin` on a JSONL
// stream of generated articles, with one process and with the stream split over
// two (as `parallel --pipe -j2` does), plus the start-up for one short article.
// Wall-clock times of real processes, start-up included.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { countWords, generateParagraph, seededRandom } from '../fixtures/generateArticle';

export interface PipeNumbers {
  /** One process: documents and words per second over the whole stream. */
  pipe_docs_per_second: number | null;
  pipe_words_per_second: number | null;
  /** The stream split in two halves, two processes at once. */
  pipe_2proc_docs_per_second: number | null;
  pipe_2proc_words_per_second: number | null;
  /** Two-process throughput ÷ one-process throughput (2.0 = perfect on two free cores). */
  pipe_scaling_2proc: number | null;
  pipe_docs: number;
  pipe_words: number;
  /** `news-lens annotate FILE` on one short article, process start to exit (median). */
  cli_startup_ms: number | null;
  notes: string[];
}

/**
 * Documents in the bench's stream: each process pays about a second of CPU (start-up, then the
 * JIT) before it is warm, so the stream must be long enough for that not to decide the scaling.
 */
export const PIPE_DOCS = 2_000;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function runStdin(cli: string, input: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, 'annotate', '--stdin'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`exit ${code}: ${stderr.slice(0, 300)}`))));
    child.stdin.end(input);
  });
}

export async function measurePipe(cli: string, docs = PIPE_DOCS, log: (s: string) => void = () => undefined): Promise<PipeNumbers> {
  const numbers: PipeNumbers = {
    pipe_docs_per_second: null,
    pipe_words_per_second: null,
    pipe_2proc_docs_per_second: null,
    pipe_2proc_words_per_second: null,
    pipe_scaling_2proc: null,
    pipe_docs: docs,
    pipe_words: 0,
    cli_startup_ms: null,
    notes: [],
  };
  if (!fs.existsSync(cli)) {
    numbers.notes.push('pipe: dist/cli.js not built, so the pipe measurements are n/a');
    return numbers;
  }
  const rand = seededRandom(31);
  const lines: string[] = [];
  for (let i = 0; i < docs; i++) {
    const text = generateParagraph(rand) + '\n\n' + generateParagraph(rand);
    numbers.pipe_words += countWords(text);
    lines.push(JSON.stringify({ id: i, text, date: '2024-05-14' }));
  }
  const all = lines.join('\n') + '\n';
  const half = lines.length >> 1;
  const first = lines.slice(0, half).join('\n') + '\n';
  const second = lines.slice(half).join('\n') + '\n';
  try {
    await runStdin(cli, lines.slice(0, 5).join('\n') + '\n'); // warm the file cache
    log('  one process…');
    const oneMs = await runStdin(cli, all);
    log('  two processes…');
    const twoStarted = performance.now();
    await Promise.all([runStdin(cli, first), runStdin(cli, second)]);
    const twoMs = performance.now() - twoStarted;
    numbers.pipe_docs_per_second = round(docs / (oneMs / 1000), 1);
    numbers.pipe_words_per_second = Math.round(numbers.pipe_words / (oneMs / 1000));
    numbers.pipe_2proc_docs_per_second = round(docs / (twoMs / 1000), 1);
    numbers.pipe_2proc_words_per_second = Math.round(numbers.pipe_words / (twoMs / 1000));
    numbers.pipe_scaling_2proc = round(oneMs / twoMs);
  } catch (error) {
    numbers.notes.push(`pipe: ${error instanceof Error ? error.message : String(error)}`);
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-startup-'));
  try {
    const article = path.join(dir, 'short.news');
    fs.writeFileSync(article, ' date 2024-08-06 The mayor of Lisbon said last year that the port would reopen.\n');
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      const r = spawnSync(process.execPath, [cli, 'annotate', article], { stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`exit ${r.status}`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    numbers.cli_startup_ms = Math.round(times[times.length >> 1]);
  } catch (error) {
    numbers.notes.push(`cli_startup_ms: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return numbers;
}
