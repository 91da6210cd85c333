// Regression from the server fuzz run: after a frame whose header has no usable
// Content-Length, vscode-jsonrpc's reader left the next request unanswered (and a
// header line without a colon made it deaf for good). LspFrameSanitizer drops such
// frames and passes the well-formed ones on intact.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspFrameSanitizer } from '../../src/server/framing';
import { LspTestClient } from '../bench/lspClient';

function frame(body: string): string {
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

async function through(chunks: string[]): Promise<{ out: string; dropped: string[] }> {
  const dropped: string[] = [];
  const s = new LspFrameSanitizer((reason) => dropped.push(reason));
  const parts: Buffer[] = [];
  s.on('data', (b: Buffer) => parts.push(b));
  for (const c of chunks) s.write(Buffer.from(c, 'utf8'));
  s.end();
  await new Promise((r) => s.on('end', r));
  return { out: Buffer.concat(parts).toString('utf8'), dropped };
}

describe('LSP framing on stdio', () => {
  it('drops frames without a usable Content-Length and keeps the ones around them', async () => {
    const a = frame('{"jsonrpc":"2.0","id":1,"method":"a"}');
    const b = frame('{"jsonrpc":"2.0","id":2,"method":"b","params":{"t":"é😀"}}');
    const { out, dropped } = await through([a, 'Content-Type: text/plain\r\n\r\n', 'garbage line without colon\r\n\r\n', 'Content-Length: abc\r\n\r\n', b]);
    assert.equal(out, a + b);
    assert.equal(dropped.length, 3);
  });

  it('reassembles frames split across chunks, even inside a multi-byte character', async () => {
    const body = '{"jsonrpc":"2.0","method":"x","params":{"t":"😀 Niamey"}}';
    const whole = Buffer.from(frame(body), 'utf8');
    const s = new LspFrameSanitizer();
    const parts: Buffer[] = [];
    s.on('data', (d: Buffer) => parts.push(d));
    for (let i = 0; i < whole.length; i += 7) s.write(whole.subarray(i, i + 7));
    s.end();
    await new Promise((r) => s.on('end', r));
    assert.equal(Buffer.concat(parts).toString('utf8'), frame(body));
  });

  const request = (id: number) => frame(`{"jsonrpc":"2.0","id":${id},"method":"m${id}","params":{"t":"Niamey é"}}`);
  const body = '{"jsonrpc":"2.0","method":"x","params":{"text":"The Pentagon said"}}';
  const badFrames: Array<[string, string]> = [
    ['a header without Content-Length, with a body', `Content-Type: application/json\r\n\r\n${body}`],
    ['a header line without a colon, with a body', `garbage line\r\n\r\n${body}`],
    ['100 KB of junk', 'x'.repeat(50_000) + '\r\n\r\n' + '{"y": 1}'.repeat(6_250)],
    ['a Content-Length 10 too small', `Content-Length: ${Buffer.byteLength(body) - 10}\r\n\r\n${body}`],
    ['a Content-Length 40 too large', `Content-Length: ${Buffer.byteLength(body) + 40}\r\n\r\n${body}`],
    ['a Content-Length of 9999999999', `Content-Length: 9999999999\r\n\r\n${body}`],
  ];
  for (const [what, bad] of badFrames) {
    it(`resynchronises on the next Content-Length after ${what}`, async () => {
      // in one chunk and byte by byte: the chunking must not matter
      const { out, dropped } = await through([request(1), bad, request(2), request(3)]);
      assert.equal(out, request(1) + request(2) + request(3));
      assert.ok(dropped.length >= 1, 'the drop is reported');
      const split = await through([...(request(1) + bad + request(2))].map((c) => c));
      assert.equal(split.out, request(1) + request(2));
    });
  }

  it('refuses a frame over the size limit with a clear message, without buffering its body', async () => {
    const dropped: string[] = [];
    const s = new LspFrameSanitizer((reason) => dropped.push(reason));
    const parts: Buffer[] = [];
    s.on('data', (b: Buffer) => parts.push(b));
    s.write(Buffer.from('Content-Length: 9999999999\r\n\r\n'));
    const junk = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 8; i++) s.write(junk);
    const buffered = s as unknown as { head: Buffer; bodyParts: Buffer[] };
    assert.ok(buffered.head.length < 64 * 1024 && buffered.bodyParts.length === 0, `holds ${buffered.head.length} bytes`);
    s.write(Buffer.from(request(7)));
    s.end();
    await new Promise((r) => s.on('end', r));
    assert.equal(Buffer.concat(parts).toString('utf8'), request(7));
    assert.match(dropped[0], /9999999999 bytes, over the 64 MB limit/);
  });

  it('reassembles a big frame in linear work (10x the bytes copies well under 25x the bytes)', () => {
    // Work, not time (tests never assert timings): the bytes fed in plus the bytes the sanitizer
    // copies with Buffer.concat and Buffer.prototype.copy, which a quadratic reassembly multiplies
    // (the body is passed on as the chunks it came in, so today it copies none of it).
    const copied = (bytes: number) => {
      const text = 'The Pentagon said on Tuesday. '.repeat(Math.ceil(bytes / 30)).slice(0, bytes);
      const whole = Buffer.from(frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text } })));
      const concat = Buffer.concat;
      const copy = Buffer.prototype.copy;
      let work = 0;
      Buffer.concat = (list: readonly Uint8Array[], total?: number) => {
        const out = concat(list, total);
        work += out.length;
        return out;
      };
      Buffer.prototype.copy = function (this: Buffer, ...args: Parameters<Buffer['copy']>) {
        const n = copy.apply(this, args);
        work += n;
        return n;
      };
      try {
        const s = new LspFrameSanitizer();
        let out = 0;
        s.on('data', (b: Buffer) => (out += b.length));
        for (let i = 0; i < whole.length; i += 16 * 1024) {
          const chunk = whole.subarray(i, i + 16 * 1024);
          work += chunk.length;
          s.write(chunk);
        }
        assert.equal(out, whole.length);
      } finally {
        Buffer.concat = concat;
        Buffer.prototype.copy = copy;
      }
      return work;
    };
    const small = copied(2_000_000);
    const big = copied(20_000_000);
    assert.ok(big / small < 25, `2 MB: ${small} bytes fed and copied, 20 MB: ${big} (x${(big / small).toFixed(1)})`);
  });

  it('the server keeps answering after each kind of bad frame', async function () {
    this.timeout(60_000);
    const client = new LspTestClient(path.resolve(__dirname, '../../../dist/server.js'));
    try {
      await client.initialize();
      for (const [what, bad] of badFrames) {
        client.writeRaw(bad);
        const r = await client.request('workspace/symbol', { query: 'x' }, 10_000).catch((e: Error) => assert.fail(`no answer after ${what}: ${e.message}`));
        assert.ok(Array.isArray(r.result), what);
      }
    } finally {
      await client.close();
    }
  });

  it('the server answers the request right after a malformed header', async function () {
    this.timeout(60_000);
    const client = new LspTestClient(path.resolve(__dirname, '../../../dist/server.js'));
    try {
      await client.initialize();
      client.writeRaw('Content-Type: text/plain\r\n\r\n');
      const r = await client.request('workspace/symbol', { query: 'x' }, 10_000);
      assert.ok(Array.isArray(r.result));
    } finally {
      await client.close();
    }
  });
});
