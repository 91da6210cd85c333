// The language server keeps answering after malformed, out-of-range and unknown
// requests: property-based, against the built dist/server.js --stdio.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyzeArticle } from '../../src/analysis';
import { LspTestClient, positionAt } from '../bench/lspClient';
import { generateArticle } from '../fixtures/generateArticle';
import { codeUnit, html, markdown, nastyChar, unicodeText, wordSalad } from './arbitraries';
import { countInput, fuzzSeed } from './inputCount';

const SERVER = path.resolve(__dirname, '../../../dist/server.js');
const RUNS = Number(process.env.FUZZ_SERVER_RUNS ?? 500);
const GOOD_URI = 'file:///tmp/news-lens-fuzz/good-article.news';

/** One hostile thing to send: raw bytes, a notification, or a request that must be answered. */
type Hostile = { kind: 'raw'; data: string } | { kind: 'notify'; method: string; params: unknown } | { kind: 'request'; method: string; params: unknown };

const anyNumber = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom(1e9, -1e9, 2 ** 31, -(2 ** 31), 2 ** 53, 0.5, -0.0),
  fc.constant(null),
  fc.constant('3'),
);
const weirdPosition = fc.oneof(fc.record({ line: anyNumber, character: anyNumber }), fc.constantFrom(null, {}, [], 'here', { line: 0 }, { character: 3 }));
const weirdRange = fc.oneof(fc.record({ start: weirdPosition, end: weirdPosition }), fc.constantFrom(null, {}, 'all'));
const uri = fc.oneof(
  fc.constant(GOOD_URI),
  fc.constantFrom('file:///does/not/exist.news', 'untitled:Untitled-1', 'not a uri', '', 'file://', 'http://example.org/x.news', 'file:///tmp/%zz.news'),
  fc.string({ unit: nastyChar, maxLength: 20 }).map((s) => `file:///tmp/${s}`),
);
const weirdText = fc.oneof(unicodeText, wordSalad, markdown, html, fc.string({ unit: codeUnit, maxLength: 2000 }));
const textDocument = fc.oneof(fc.record({ uri }), fc.constantFrom(null, {}, 'x', { uri: 42 }));

const REQUEST_METHODS = [
  'textDocument/hover',
  'textDocument/semanticTokens/full',
  'textDocument/semanticTokens/range',
  'textDocument/documentSymbol',
  'textDocument/references',
  'textDocument/documentHighlight',
  'textDocument/inlayHint',
  'newsLens/articleAnalysis',
  'newsLens/entityAt',
  'textDocument/codeAction',
];

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  // Broken JSON with correct framing.
  fc.oneof(fc.constantFrom('{', '{"jsonrpc":"2.0","id":', '[]', '42', 'null', '"x"', '{"jsonrpc":"2.0"}', '{"id":{}}'), unicodeText).map((body) => ({
    kind: 'raw' as const,
    data: `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`,
  })),
  // Broken headers (each ends with a blank line, so the stream can find the next message).
  fc.constantFrom('Content-Length: abc\r\n\r\n', 'X-Nothing: 1\r\n\r\n', 'Content-Type: text/plain\r\n\r\n').map((data) => ({ kind: 'raw' as const, data })),
  // Requests with garbage or out-of-range parameters, and unknown methods.
  fc
    .record({
      method: fc.constantFrom(...REQUEST_METHODS),
      textDocument,
      position: weirdPosition,
      range: weirdRange,
      uri,
      context: fc.constantFrom(undefined, null, { includeDeclaration: true }, 'x'),
    })
    .map(({ method, textDocument, position, range, uri, context }) => ({
      kind: 'request' as const,
      method,
      params: method.startsWith('newsLens/') ? { uri, position } : { textDocument, position, range, context },
    })),
  fc
    .oneof(fc.constantFrom(null, undefined, 'x', [], 7), fc.record({ query: fc.oneof(unicodeText, fc.constantFrom('.*', '(', '\\', 'a'.repeat(5000))) }))
    .map((params) => ({ kind: 'request' as const, method: 'workspace/symbol', params })),
  fc.string({ unit: nastyChar, maxLength: 20 }).map((m) => ({ kind: 'request' as const, method: `newsLens/${m}`, params: { uri: GOOD_URI } })),
  fc.constantFrom('textDocument/unknown', '$/unknown', 'rpc.nothing', '').map((method) => ({ kind: 'request' as const, method, params: {} })),
  // Document life cycle out of order: changes to unopened documents, out-of-range edits, odd texts.
  fc.tuple(uri, weirdText).map(([u, text]) => ({
    kind: 'notify' as const,
    method: 'textDocument/didOpen',
    params: { textDocument: { uri: u === GOOD_URI ? 'file:///tmp/news-lens-fuzz/other.news' : u, languageId: 'plaintext', version: 1, text } },
  })),
  fc.tuple(uri, weirdRange, weirdText, fc.integer({ min: -1, max: 1000 })).map(([u, range, text, version]) => ({
    kind: 'notify' as const,
    method: 'textDocument/didChange',
    params: { textDocument: { uri: u === GOOD_URI ? 'file:///tmp/news-lens-fuzz/other.news' : u, version }, contentChanges: [{ range, text }] },
  })),
  uri.map((u) => ({
    kind: 'notify' as const,
    method: 'textDocument/didClose',
    params: { textDocument: { uri: u === GOOD_URI ? 'file:///tmp/news-lens-fuzz/nothing.news' : u } },
  })),
  fc.oneof(fc.integer(), fc.constant(null), fc.constant('id')).map((id) => ({ kind: 'notify' as const, method: '$/cancelRequest', params: { id } })),
  fc
    .constantFrom(null, {}, { settings: 42 }, { settings: { newsLens: 'x' } })
    .map((params) => ({ kind: 'notify' as const, method: 'workspace/didChangeConfiguration', params })),
);

describe('fuzz: language server', function () {
  this.timeout(0);
  let client: LspTestClient;
  const good = generateArticle({ seed: 77, paragraphs: 6 });
  const entity = analyzeArticle(good).entities[0];
  const probe = positionAt(good, entity ? entity.start + 1 : 10);

  before(async function () {
    if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
    client = new LspTestClient(SERVER);
    await client.initialize();
    client.notify('textDocument/didOpen', { textDocument: { uri: GOOD_URI, languageId: 'plaintext', version: 1, text: good } });
    for (let i = 0; i < 100; i++) {
      const r = await client.request('textDocument/hover', { textDocument: { uri: GOOD_URI }, position: probe });
      if (r.result) return;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('the server never gave a hover on the good article');
  });

  after(async () => {
    await client?.close();
  });

  it(`answers every request, and still hovers, after malformed and out-of-range messages (${RUNS} sequences)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { minLength: 1, maxLength: 8 }), async (messages) => {
        const answers: Array<Promise<unknown>> = [];
        for (const m of messages) {
          countInput('server: hostile messages');
          if (m.kind === 'raw') client.writeRaw(m.data);
          else if (m.kind === 'notify') client.notify(m.method, m.params);
          else answers.push(client.request(m.method, m.params, 20_000).then((r) => assert.ok('result' in r || r.error, `no result or error for ${m.method}`)));
        }
        await Promise.all(answers);
        const hover = await client.request('textDocument/hover', { textDocument: { uri: GOOD_URI }, position: probe }, 20_000);
        assert.ok(hover.result, `the hover on the good article came back empty after ${JSON.stringify(messages).slice(0, 500)}`);
        assert.equal(client.exited, null, `the server exited: ${client.stderr.slice(-1000)}`);
      }),
      { numRuns: RUNS, seed: fuzzSeed(), endOnFailure: true },
    );
  });

  it('a cancelled request is answered (RequestCancelled or a result), and the server goes on', async () => {
    for (let i = 0; i < 50; i++) {
      countInput('server: cancelled requests');
      const id = client.peekNextId();
      const pending = client.request('textDocument/documentSymbol', { textDocument: { uri: GOOD_URI } });
      client.notify('$/cancelRequest', { id });
      const r = await pending;
      assert.ok(r.error ? r.error.code === -32800 : Array.isArray(r.result), JSON.stringify(r).slice(0, 300));
    }
    const hover = await client.request('textDocument/hover', { textDocument: { uri: GOOD_URI }, position: probe });
    assert.ok(hover.result);
  });
});
