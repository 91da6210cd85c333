// Guards the stdio channel against malformed LSP framing. vscode-jsonrpc's
// reader stops at a header without a usable Content-Length (and sticks forever
// on a header line without a colon), so one bad frame from a buggy client would
// leave the next requests unanswered. This stream passes on only well-formed
// frames, re-headed with just their Content-Length, and drops the rest.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
/** A header block this long without an end is garbage, not a header. */
const MAX_HEADER_BYTES = 8 * 1024;

export class LspFrameSanitizer extends Transform {
  private buffer: Buffer = Buffer.alloc(0);

  constructor(private readonly onDrop: (reason: string) => void = () => undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) {
        if (this.buffer.length > MAX_HEADER_BYTES) {
          this.onDrop(`dropped ${this.buffer.length} bytes that are not an LSP header`);
          this.buffer = this.buffer.subarray(this.buffer.length - HEADER_END.length);
        }
        break;
      }
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /(?:^|\r\n)\s*content-length[ \t]*:[ \t]*(\d{1,10})[ \t]*(?:\r\n|$)/i.exec(header);
      if (!m) {
        this.onDrop(`dropped a message header without a valid Content-Length: ${JSON.stringify(header.slice(0, 200))}`);
        this.buffer = this.buffer.subarray(headerEnd + HEADER_END.length);
        continue;
      }
      const length = Number(m[1]);
      const bodyStart = headerEnd + HEADER_END.length;
      if (this.buffer.length < bodyStart + length) break;
      this.push(Buffer.concat([Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii'), this.buffer.subarray(bodyStart, bodyStart + length)]));
      this.buffer = this.buffer.subarray(bodyStart + length);
    }
    callback();
  }
}
