// Guards the stdio channel against malformed LSP framing. vscode-jsonrpc's
// reader stops at a header without a usable Content-Length (and sticks forever
// on a header line without a colon), so one bad frame from a buggy client would
// leave the next requests unanswered. This stream passes on only well-formed
// frames, re-headed with just their Content-Length, and drops the rest.
//
// After a bad frame it resynchronises on the next `Content-Length` header (the
// bad frame's body is skipped, whatever its claimed length). A frame over
// MAX_FRAME_BYTES is refused without buffering it. Bodies are collected as a
// list of chunks and passed on as they came, so reassembly is linear in the frame size.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const CONTENT_LENGTH = Buffer.from('content-length', 'ascii');
/** A header block this long without an end is garbage, not a header. */
const MAX_HEADER_BYTES = 8 * 1024;
/** Well above the biggest text the server analyses (2 million characters, JSON-escaped); a bigger frame is refused, not buffered. */
export const MAX_FRAME_BYTES = 64 * 1024 * 1024;
/** Bodies up to this size are checked with JSON.parse; bigger ones by their first and last characters. */
const PARSE_CHECK_BYTES = 64 * 1024;
const EMPTY = Buffer.alloc(0);
const HEADER_FIELD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+[ \t]*:[ \t]*([^\r\n]*)$/;

export class LspFrameSanitizer extends Transform {
  /** Unconsumed bytes while reading a header (small: a header, or junk being skipped). */
  private head: Buffer = EMPTY;
  /** While reading a body: its chunks so far and the bytes still missing. */
  private bodyParts: Buffer[] = [];
  private bodyNeed = 0;
  private bodyLength = 0;
  private readingBody = false;

  constructor(private readonly onDrop: (reason: string) => void = () => undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let data: Buffer = chunk;
    while (data.length) {
      if (this.readingBody) {
        const take = Math.min(this.bodyNeed, data.length);
        this.bodyParts.push(data.subarray(0, take));
        this.bodyNeed -= take;
        data = data.subarray(take);
        if (this.bodyNeed === 0) data = this.finishBody(data);
        continue;
      }
      // Only a header (at most MAX_HEADER_BYTES) is ever kept here, so this copy is bounded per chunk.
      this.head = this.head.length ? Buffer.concat([this.head, data]) : data;
      data = this.readHeaders();
    }
    callback();
  }

  /** Consumes headers (and skips junk) from `head`. Returns the bytes after a good header, or EMPTY when more input is needed. */
  private readHeaders(): Buffer {
    for (;;) {
      // Searched within the header size limit only, so junk costs one pass, not one per skip.
      const end = this.head.subarray(0, MAX_HEADER_BYTES + HEADER_END.length).indexOf(HEADER_END);
      if (end < 0) {
        if (this.head.length <= MAX_HEADER_BYTES) return EMPTY;
        this.skipToNextHeader(1, `${this.head.length} bytes that are not an LSP header`);
        continue;
      }
      const header = this.head.subarray(0, end).toString('latin1');
      const length = contentLengthOf(header);
      if (typeof length === 'string') {
        this.skipToNextHeader(1, `a message header ${length}: ${JSON.stringify(header.slice(0, 200))}`);
        continue;
      }
      if (length > MAX_FRAME_BYTES) {
        this.skipToNextHeader(end + HEADER_END.length, `a message of ${length} bytes, over the ${MAX_FRAME_BYTES / 1024 / 1024} MB limit`);
        continue;
      }
      const rest = this.head.subarray(end + HEADER_END.length);
      this.head = EMPTY;
      this.readingBody = true;
      this.bodyParts = [];
      this.bodyNeed = length;
      this.bodyLength = length;
      return length === 0 ? this.finishBody(rest) : rest;
    }
  }

  /** Drops `head` up to the next `Content-Length` at or after `from`; keeps a tail that may be the start of one. */
  private skipToNextHeader(from: number, what: string): void {
    const next = indexOfContentLength(this.head, from);
    const keep = next >= 0 ? next : Math.max(from, startOfPartialContentLength(this.head));
    this.onDrop(`dropped ${what} (${keep} bytes skipped up to the next Content-Length header)`);
    this.head = this.head.subarray(keep);
  }

  /** A whole body arrived: pass it on if it is JSON, else resynchronise inside it. Returns the input left to read. */
  private finishBody(rest: Buffer): Buffer {
    const parts = this.bodyParts;
    this.bodyParts = [];
    this.readingBody = false;
    if (looksLikeJsonMessage(parts, this.bodyLength)) {
      // Passed on as the chunks it came in: the JSON-RPC reader joins them once, so nothing here copies the body.
      this.push(Buffer.from(`Content-Length: ${this.bodyLength}\r\n\r\n`, 'ascii'));
      for (const part of parts) this.push(part);
      return rest;
    }
    // A wrong Content-Length: the next frame may start inside what was taken as this body.
    const body = Buffer.concat(parts, this.bodyLength);
    const next = indexOfContentLength(body, 0);
    this.onDrop(`dropped a message whose ${body.length}-byte body is not a JSON-RPC message (wrong Content-Length?)`);
    return next >= 0 ? Buffer.concat([body.subarray(next), rest]) : rest;
  }
}

/** The Content-Length of a header block, or why it has none. */
function contentLengthOf(header: string): number | string {
  let length: number | null = null;
  for (const line of header.split('\r\n')) {
    const m = HEADER_FIELD.exec(line);
    if (!m) return 'with a line that is not "Name: value"';
    if (/^content-length[ \t]*:/i.test(line)) {
      if (!/^\d+$/.test(m[1].trim())) return 'with a Content-Length that is not a number';
      length = Number(m[1].trim());
    }
  }
  return length ?? 'without a Content-Length';
}

/** Index of the next "content-length" (any case) at or after `from`, or -1. One pass over the bytes. */
function indexOfContentLength(buffer: Buffer, from: number): number {
  const last = buffer.length - CONTENT_LENGTH.length;
  outer: for (let i = from; i <= last; i++) {
    if ((buffer[i] | 0x20) !== 0x63) continue; // 'c'
    for (let j = 1; j < CONTENT_LENGTH.length; j++) {
      if (lowerAscii(buffer[i + j]) !== CONTENT_LENGTH[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/** Where a "content-length" cut off by the end of `buffer` may begin (buffer.length when none does). */
function startOfPartialContentLength(buffer: Buffer): number {
  for (let i = Math.max(0, buffer.length - CONTENT_LENGTH.length + 1); i < buffer.length; i++) {
    let j = 0;
    while (i + j < buffer.length && lowerAscii(buffer[i + j]) === CONTENT_LENGTH[j]) j++;
    if (i + j === buffer.length) return i;
  }
  return buffer.length;
}

function lowerAscii(b: number): number {
  return b >= 0x41 && b <= 0x5a ? b | 0x20 : b;
}

/** A JSON object or array: fully parsed when small, by its ends when large (a wrong length cuts one end off). */
function looksLikeJsonMessage(parts: Buffer[], length: number): boolean {
  if (length <= PARSE_CHECK_BYTES) {
    try {
      const value: unknown = JSON.parse(Buffer.concat(parts, length).toString('utf8'));
      return typeof value === 'object' && value !== null;
    } catch {
      return false;
    }
  }
  const first = firstNonSpace(parts);
  const last = lastNonSpace(parts);
  return (first === 0x7b && last === 0x7d) || (first === 0x5b && last === 0x5d);
}

function firstNonSpace(parts: Buffer[]): number {
  for (const part of parts) for (const b of part) if (!isJsonSpace(b)) return b;
  return -1;
}

function lastNonSpace(parts: Buffer[]): number {
  for (let p = parts.length - 1; p >= 0; p--) for (let i = parts[p].length - 1; i >= 0; i--) if (!isJsonSpace(parts[p][i])) return parts[p][i];
  return -1;
}

function isJsonSpace(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}
