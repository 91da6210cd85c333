// `news-lens annotate [--format NAME] [--date YYYY-MM-DD] FILE...`
// Annotates each file and writes one result per file to stdout. A file that
// cannot be read or analysed gets a message on stderr and makes the exit code
// non-zero; the other files are still annotated.
import * as fs from 'node:fs';
import { analyzeArticle, errorMessage, isValidIsoDate, LruParagraphCache, NO_ARTICLE_DATE } from '../analysis';
import { checkText, decodeUtf8Strict } from '../node';
import { annotateStream, type StreamIo } from './annotateStream';
import { findFormat, type FormatContext, OUTPUT_FORMATS } from './formats';
import { writeToOutDir } from './outDir';
import { loadLexiconOption, loadUserLayer } from './userAnnotations';
import { BATCH_PARAGRAPH_CACHE_ENTRIES } from './limits';

export const ANNOTATE_USAGE = `usage: news-lens annotate [--format NAME] [--date YYYY-MM-DD] [--lexicon FILE] [--out-dir DIR] FILE...
       news-lens annotate --stdin [--date YYYY-MM-DD] [--lexicon FILE] < docs.jsonl

Annotates news articles: people, organisations, places, nationalities, dates,
events and quotes. Use "-" to read stdin.

  --format NAME      output format (default json):
${OUTPUT_FORMATS.map((f) => `                       ${f.name.padEnd(8)} ${f.description}`).join('\n')}
  --date YYYY-MM-DD  article date for resolving relative dates ("last year"),
                     overriding the dateline or front matter
  --lexicon FILE     workspace corrections (text<TAB>kind per line); default:
                     news-lens.lexicon.tsv in the article's folder or a parent
  --out-dir DIR      one file per article in DIR (article.ann, .conll, .jsonl…;
                     brat also gets article.txt); never overwrites a file
  Your own annotations in article.ann beside article.txt are applied too;
  each entity says "source": "user" or "auto".
  --color / --no-color   force colours on or off (pretty format)
  --stdin            read JSONL, one {"id", "text", "date"?} a line, and write
                     one JSON object a line with the same "id", in input order;
                     a bad line or document gives {"id", "line", "error"} and
                     the stream goes on (for parallel, xargs, Spark, Beam)

Exit status: 0 when every file was annotated, 1 when a file could not be
read or analysed (the others are still annotated), 2 for a usage error. With
--stdin, 0 once every line has its result or error object.`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (file: string) => Buffer;
  colorDefault: boolean;
  /** The streams for --stdin (JSONL in, JSONL out, with backpressure). */
  stream?: () => Pick<StreamIo, 'input' | 'write'>;
}

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  readFile: (file) => (file === '-' ? fs.readFileSync(0) : fs.readFileSync(file)),
  colorDefault: !!process.stdout.isTTY && !process.env.NO_COLOR,
  stream: () => ({
    input: process.stdin,
    write: (s) => (process.stdout.write(s) ? undefined : new Promise<void>((resolve) => process.stdout.once('drain', resolve))),
  }),
};

export function runAnnotate(argv: string[], io: Io = processIo): number | Promise<number> {
  let formatName = 'json';
  let date: string | undefined;
  let lexiconFile: string | undefined;
  let outDir: string | undefined;
  let color = io.colorDefault;
  let stdinStream = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = (name: string) => {
      if (arg.includes('=')) return arg.slice(arg.indexOf('=') + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    try {
      if (arg === '--help' || arg === '-h') {
        io.stdout(`${ANNOTATE_USAGE}\n`);
        return 0;
      } else if (arg === '--format' || arg.startsWith('--format=') || arg === '-f') formatName = value('--format');
      else if (arg === '--date' || arg.startsWith('--date=')) date = value('--date');
      else if (arg === '--lexicon' || arg.startsWith('--lexicon=')) lexiconFile = value('--lexicon');
      else if (arg === '--out-dir' || arg.startsWith('--out-dir=')) outDir = value('--out-dir');
      else if (arg === '--stdin') stdinStream = true;
      else if (arg === '--color') color = true;
      else if (arg === '--no-color') color = false;
      else if (arg === '--') {
        files.push(...argv.slice(i + 1));
        i = argv.length;
      } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      else files.push(arg);
    } catch (error) {
      io.stderr(`news-lens annotate: ${(error as Error).message}\n${ANNOTATE_USAGE}\n`);
      return 2;
    }
  }
  const format = findFormat(formatName);
  if (!format) {
    io.stderr(`news-lens annotate: unknown format "${formatName}"; choose one of ${OUTPUT_FORMATS.map((f) => f.name).join(', ')}\n`);
    return 2;
  }
  if (date !== undefined && !isValidIsoDate(date)) {
    io.stderr(`news-lens annotate: --date "${date}" is not a valid YYYY-MM-DD date\n`);
    return 2;
  }
  if (stdinStream) {
    const conflict = files.length ? `files (${files[0]}…)` : outDir !== undefined ? '--out-dir' : formatName !== 'json' ? `--format ${formatName}` : null;
    if (conflict) {
      io.stderr(`news-lens annotate: --stdin reads the documents from stdin and writes JSON lines; it takes no ${conflict}\n`);
      return 2;
    }
  } else if (files.length === 0) {
    io.stderr(`news-lens annotate: no files given\n${ANNOTATE_USAGE}\n`);
    return 2;
  }

  let explicitLexicon;
  if (lexiconFile !== undefined) {
    try {
      const loaded = loadLexiconOption(lexiconFile);
      explicitLexicon = loaded.entries;
      for (const w of loaded.warnings) io.stderr(`news-lens annotate: warning: ${w}\n`);
    } catch (error) {
      io.stderr(`news-lens annotate: ${(error as Error).message}\n`);
      return 2;
    }
  }

  if (stdinStream) {
    // The lexicon is read once for the whole stream: --lexicon, else news-lens.lexicon.tsv here or in a parent.
    const user = explicitLexicon ? { lexicon: explicitLexicon, warnings: [] } : loadUserLayer('-', '');
    for (const w of user.warnings) io.stderr(`news-lens annotate: warning: ${w}\n`);
    if (!io.stream) {
      io.stderr('news-lens annotate: --stdin is not available here\n');
      return 2;
    }
    return annotateStream({ date, lexicon: user.lexicon }, { ...io.stream(), stderr: io.stderr });
  }

  const context: FormatContext = { color };
  // One cache for the batch: articles from one outlet share boilerplate paragraphs.
  const cache = new LruParagraphCache(BATCH_PARAGRAPH_CACHE_ENTRIES);
  let failed = 0;
  for (const file of files) {
    const text = readText(file, io);
    if (text === null) {
      failed++;
      continue;
    }
    const user = loadUserLayer(file, text, explicitLexicon);
    for (const w of user.warnings) io.stderr(`news-lens annotate: warning: ${w}\n`);
    const analysis = analyzeArticle(text, { referenceDate: date, cache, userAnnotations: user.userAnnotations, lexicon: user.lexicon });
    // A person at a terminal may not read to the Problems section; say it once where they look.
    if (format.name === 'pretty') {
      for (const p of analysis.problems) if (p.code === NO_ARTICLE_DATE) io.stderr(`news-lens annotate: ${file}: ${p.message}\n`);
    }
    try {
      const output = format.render({ file, text, analysis, userAnnotations: user.userAnnotations }, context);
      if (outDir === undefined) io.stdout(output);
      else {
        const refusal = writeToOutDir(outDir, file, format.name, output, text);
        if (refusal) {
          io.stderr(`news-lens annotate: ${file}: ${refusal}\n`);
          failed++;
        }
      }
    } catch (error) {
      io.stderr(`news-lens annotate: ${file}: could not write the ${format.name} output: ${(error as Error).message}\n`);
      failed++;
    }
  }
  return failed ? 1 : 0;
}

/** The file's text, or null after telling the user why it cannot be annotated. */
function readText(file: string, io: Io): string | null {
  let bytes: Buffer;
  try {
    bytes = io.readFile(file);
  } catch (error) {
    io.stderr(`news-lens annotate: cannot read ${file}: ${describeFsError(error)}\n`);
    return null;
  }
  const decoded = decodeUtf8Strict(bytes);
  if ('refusal' in decoded) {
    io.stderr(`news-lens annotate: ${file}: ${decoded.refusal.message}\n`);
    return null;
  }
  const refusal = checkText(decoded.text);
  if (refusal) {
    io.stderr(`news-lens annotate: ${file}: ${refusal.message}\n`);
    return null;
  }
  return decoded.text;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return errorMessage(error);
  }
}

class UsageError extends Error {}
