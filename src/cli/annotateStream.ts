// `news-lens annotate --stdin`: the CLI as a map stage. Reads JSONL, one
// {"id", "text", "date"?} a line, and writes one JSON object a line, in input
// order, each carrying its id. A bad line or a failed document becomes an error
// object for that id and the stream goes on. Lines are handled one at a time as
// they arrive and written with backpressure, so memory stays flat however long
// the stream is (docs/cli-json-contract.md, "Streams").
import { analyzeArticle, errorMessage, type LexiconEntry, LruParagraphCache } from '../analysis';
import { checkText } from '../node';
import { toAnnotateRecord } from './jsonContract';
import { STREAM_PARAGRAPH_CACHE_ENTRIES } from './limits';

/** Longer lines are refused without being held: 2 million characters, JSON-escaped, fit well within this. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

export interface StreamIo {
  input: AsyncIterable<Buffer | string>;
  /** Writes one output line; returns a promise when the reader is behind (backpressure). */
  write: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
}

export interface StreamOptions {
  /** The article date for documents whose line has no "date". */
  date?: string;
  lexicon: LexiconEntry[];
}

export type StreamErrorCode = 'invalid-json' | 'invalid-utf8' | 'invalid-document' | 'line-too-long' | 'binary' | 'too-big' | 'analysis-failed';

/** The error object written in place of a document's result. */
export interface StreamError {
  id: string | number | null;
  /**
   * 1-based line number in this process's input, only when the line has no usable id.
   * With an id the object is the same however the stream was split (parallel --pipe, split).
   */
  line?: number;
  error: { code: StreamErrorCode; message: string };
}

/**
 * Reads the whole stream; resolves to the exit status: 0 once every line has its
 * result or error object. A bad document is data, not a failed run: schedulers
 * (Spark's RDD.pipe, xargs, parallel) would otherwise fail or retry a whole chunk
 * for one bad line. The count goes to stderr.
 */
export async function annotateStream(options: StreamOptions, io: StreamIo): Promise<number> {
  // Bounded, so a long stream cannot grow it; shared because articles of one outlet repeat boilerplate.
  const cache = new LruParagraphCache(STREAM_PARAGRAPH_CACHE_ENTRIES);
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let failed = 0;
  let lineNumber = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflowing = false;

  const handle = async (bytes: Buffer | null) => {
    lineNumber++;
    const out: StreamError | object | null =
      bytes === null
        ? errorObject(null, lineNumber, 'line-too-long', `the line is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB; not read`)
        : annotateLine(bytes, lineNumber, options, cache, decoder);
    if (out === null) return; // a blank line
    if (isStreamError(out)) {
      failed++;
      io.stderr(`news-lens annotate: stdin line ${lineNumber}${out.id !== null ? ` (id ${JSON.stringify(out.id)})` : ''}: ${out.error.message}\n`);
    }
    const written = io.write(`${JSON.stringify(out)}\n`);
    if (written) await written;
  };

  for await (const raw of io.input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let from = 0;
    for (let nl = chunk.indexOf(0x0a, from); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
      const piece = chunk.subarray(from, nl);
      from = nl + 1;
      if (overflowing) {
        overflowing = false;
        await handle(null);
      } else if (pendingBytes + piece.length > MAX_LINE_BYTES) {
        await handle(null);
      } else {
        await handle(pending.length ? Buffer.concat([...pending, piece]) : piece);
      }
      pending = [];
      pendingBytes = 0;
    }
    const rest = chunk.subarray(from);
    if (overflowing || rest.length === 0) continue;
    if (pendingBytes + rest.length > MAX_LINE_BYTES) {
      overflowing = true; // drop what we hold; report the line once it ends
      pending = [];
      pendingBytes = 0;
    } else {
      // Copy: the stream may reuse its chunk's memory.
      pending.push(Buffer.from(rest));
      pendingBytes += rest.length;
    }
  }
  if (overflowing) await handle(null);
  else if (pendingBytes > 0) await handle(Buffer.concat(pending)); // a last line without a newline
  if (failed) io.stderr(`news-lens annotate: ${failed} of ${lineNumber} lines gave an error object instead of a result\n`);
  return 0;
}

function annotateLine(bytes: Buffer, line: number, options: StreamOptions, cache: LruParagraphCache, decoder: InstanceType<typeof TextDecoder>): object | null {
  let source: string;
  try {
    source = decoder.decode(bytes);
  } catch {
    return errorObject(null, line, 'invalid-utf8', 'the line is not valid UTF-8');
  }
  if (source.trim() === '') return null;
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (error) {
    return errorObject(null, line, 'invalid-json', `not a JSON object: ${(error as Error).message}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return errorObject(null, line, 'invalid-json', 'expected a JSON object like {"id": "a1", "text": "…"}');
  }
  const { id: rawId, text, date } = doc as Record<string, unknown>;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? rawId : null;
  if (rawId !== undefined && id === null) return errorObject(null, line, 'invalid-document', '"id" must be a string or a number');
  if (typeof text !== 'string') return errorObject(id, line, 'invalid-document', '"text" is missing or not a string');
  if (date !== undefined && date !== null && typeof date !== 'string') {
    return errorObject(id, line, 'invalid-document', '"date" must be a YYYY-MM-DD string or null');
  }
  const refusal = checkText(text);
  if (refusal) return errorObject(id, line, refusal.code, refusal.message);
  try {
    // An invalid "date" string is not fatal: the analysis ignores it and says so in problems.
    const analysis = analyzeArticle(text, { referenceDate: typeof date === 'string' ? date : options.date, cache, lexicon: options.lexicon });
    return { id, ...toAnnotateRecord('-', analysis) };
  } catch (error) {
    return errorObject(id, line, 'analysis-failed', `the document could not be annotated: ${errorMessage(error)}`);
  }
}

function isStreamError(out: object): out is StreamError {
  return 'error' in out;
}

function errorObject(id: string | number | null, line: number, code: StreamErrorCode, message: string): StreamError {
  return id === null ? { id, line, error: { code, message } } : { id, error: { code, message } };
}
