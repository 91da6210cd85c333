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
