// Bad input never takes the server down: empty, binary, 10 MB, CRLF, emoji,
// a malformed dateline, nonsense positions and parameters. Each gets an answer
// (possibly empty) and, where something was not done, a diagnostic saying why.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CancellationTokenSource,
  type Diagnostic,
  type DocumentSymbol,
  type Hover,
  type InlayHint,
  type Location,
  LSPErrorCodes,
  type SemanticTokens,
} from 'vscode-languageserver-protocol';
import type { ArticleView } from '../../src/protocol';
import { fileUri, TestClient } from './lspClient';
import { decodeTokens, positionOf, rangeText, tokenText } from './tokens';

const uriFor = (name: string) => fileUri(path.join(os.tmpdir(), 'news-lens-bad-input', name));

describe('language server: bad input', function () {
  // Each test spawns Node processes; on a loaded 2-core CI machine that alone can take many seconds.
  this.timeout(180_000);
  let client: TestClient;
  before(async () => {
    ({ client } = await TestClient.start());
  });
  after(async () => client?.stop());
  afterEach(function () {
    assert.equal(client.exitCode, null, `the server exited: ${client.stderr}`);
    assert.deepEqual(
      client.logs.filter((l) => /failed|unexpected/.test(l)),
      [],
      'no handler failed',
    );
  });

  async function stillServes(): Promise<void> {
    const uri = uriFor('canary.news');
    const text = ' date 2024-08-06 The mayor of Lisbon spoke last year.\n';
    await client.open(uri, text);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
    });
    assert.deepEqual(
      hints.map((h) => h.label),
      ['· 2023'],
      'the server still analyses a normal article',
    );
    await client.close(uri);
  }

  const allFeatures = async (uri: string) => {
    const position = { line: 0, character: 0 };
    return {
      hover: await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position }),
      tokens: await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } }),
      symbols: await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }),
      refs: await client.request<Location[] | null>('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }),
      hints: await client.request<InlayHint[]>('textDocument/inlayHint', {
        textDocument: { uri },
        range: { start: position, end: { line: 100, character: 0 } },
      }),
      view: await client.request<ArticleView | null>('newsLens/articleAnalysis', { uri }),
    };
  };

  it('an empty article: empty answers, no diagnostics', async () => {
    const uri = uriFor('empty.news');
    await client.open(uri, '');
    const r = await allFeatures(uri);
    assert.equal(r.hover, null);
    assert.deepEqual(r.tokens.data, []);
    assert.deepEqual(r.symbols, []);
    assert.deepEqual(r.hints, []);
    assert.deepEqual(r.view?.actors, []);
    assert.deepEqual(await client.diagnosticsFor(uri), []);
  });

  it('a binary file: not analysed, with a diagnostic saying so', async () => {
    const uri = uriFor('image.news');
    const binary = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00, 0x01,
    ]).toString('latin1');
    await client.open(uri, binary.repeat(50));
    const diagnostics = await client.diagnosticsFor(uri);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'binary');
    assert.match(diagnostics[0].message, /binary/);
    const r = await allFeatures(uri);
    assert.deepEqual(r.tokens.data, []);
    assert.deepEqual(r.symbols, []);
    assert.equal(r.view?.problems[0].code, 'binary');
    await stillServes();
  });

  it('a 10 MB file: refused with a diagnostic; the server keeps answering', async () => {
    const uri = uriFor('huge.txt');
    const paragraph = 'Officials in Lagos said the talks with Ghana would resume next week. ';
    const text = ` date 2024-08-06 ${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}`;
    assert.ok(text.length >= 10_000_000);
    await client.open(uri, text, 'plaintext');
    const diagnostics = await client.diagnosticsFor(uri);
    assert.equal(diagnostics[0]?.code, 'too-big');
    assert.match(diagnostics[0].message, /not analysed/);
    const r = await allFeatures(uri);
    assert.equal(r.hover, null);
    assert.deepEqual(r.symbols, []);
    await client.close(uri);
    await stillServes();
  });

  it('CRLF line endings: positions and tokens land on the right characters', async () => {
    const uri = uriFor('crlf.news');
    const text = ' date 2024-08-06 Farmers in Kenya planted early.\r\n\r\nGrace Wanjiru, an agronomist in Nairobi, said the rains came last year.\r\n';
    await client.open(uri, text);
    const view = (await client.request<ArticleView | null>('newsLens/articleAnalysis', { uri }))!;
    for (const actor of view.actors) for (const m of actor.mentions) assert.equal(rangeText(text, m.range), m.text);
    const tokens = decodeTokens((await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).data);
    const texts = tokens.map((t) => tokenText(text, t));
    assert.ok(texts.includes('Nairobi') && texts.includes('Kenya') && texts.includes('last year'), texts.join('|'));
    assert.ok(tokens.every((t) => !tokenText(text, t).includes('\r')));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'Nairobi') });
    assert.equal(rangeText(text, hover!.range!), 'Nairobi');
  });

  it('emoji and other non-ASCII text: UTF-16 positions stay exact', async () => {
    const uri = uriFor('emoji.news');
    const text = ' date 2024-08-06 🎉🇵🇹 Crowds in Lisbon cheered as José Saramago Street reopened; in Zürich, 😀 officials from Switzerland met last year.\n';
    await client.open(uri, text);
    const tokens = decodeTokens((await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).data);
    const texts = tokens.map((t) => tokenText(text, t));
    assert.ok(texts.includes('last year'), texts.join('|'));
    const view = (await client.request<ArticleView | null>('newsLens/articleAnalysis', { uri }))!;
    // Every token after the emoji covers exactly a mention or date the analysis reported.
    const known = new Set([...view.actors.flatMap((a) => a.mentions.map((m) => m.text)), ...view.dates.map((d) => d.text), 'date 2024-08-06']);
    assert.ok(tokens.length > 2);
    for (const t of texts) assert.ok(known.has(t), `token "${t}" is misplaced`);
    for (const actor of view.actors) for (const m of actor.mentions) assert.equal(rangeText(text, m.range), m.text);
    for (const d of view.dates) assert.equal(rangeText(text, d.range), d.text);
    // A position inside a surrogate pair is answered, not rejected.
    const inside = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 18 } });
    assert.equal(inside, null);
  });

  it('a malformed dateline (date 2024-13-45): a diagnostic on it, relative dates unresolved, entities still found', async () => {
    const uri = uriFor('malformed.news');
    const text = ' date 2024-13-45 Officials in Lagos said last year was hard.\n';
    await client.open(uri, text);
    const diagnostics: Diagnostic[] = await client.diagnosticsFor(uri);
    const bad = diagnostics.find((d) => d.code === 'malformed-dateline');
    assert.ok(bad, JSON.stringify(diagnostics));
    assert.equal(rangeText(text, bad.range), 'date 2024-13-45');
    const view = (await client.request<ArticleView | null>('newsLens/articleAnalysis', { uri }))!;
    assert.equal(view.metadata.date, null);
    assert.ok(view.actors.length > 0, 'entities are still found');
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
    });
    assert.deepEqual(hints, []);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'last year') });
    if (hover) assert.match((hover.contents as { value: string }).value, /no date to resolve it against|No calendar value/);
  });

  it('a cancelled request is answered (result or RequestCancelled), never crashes the server', async () => {
    const uri = uriFor('cancel.news');
    await client.open(uri, ' date 2024-08-06 Officials in Lagos said last year was hard.\n'.repeat(200));
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const source = new CancellationTokenSource();
        const pending = client.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }, source.token);
        source.cancel();
        try {
          await pending;
          return 'answered';
        } catch (error) {
          assert.equal((error as { code?: number }).code, LSPErrorCodes.RequestCancelled);
          return 'cancelled';
        }
      }),
    );
    assert.equal(outcomes.length, 5);
    await client.close(uri);
    await stillServes();
  });

  it('out-of-range and nonsense positions, unknown documents and malformed params get empty answers', async () => {
    const uri = uriFor('positions.news');
    await client.open(uri, ' date 2024-08-06 Officials in Lagos spoke.\n');
    const far = { line: 10_000, character: 10_000 };
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: far }), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: -3, character: -7 } }), null);
    assert.equal(await client.request('textDocument/references', { textDocument: { uri }, position: far, context: { includeDeclaration: true } }), null);
    const tokens = await client.request<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri },
      range: { start: far, end: { line: 0, character: 0 } },
    });
    assert.ok(Array.isArray(tokens.data));
    const unknown = uriFor('never-opened.news');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: unknown } }), []);
    assert.equal(await client.request('newsLens/articleAnalysis', { uri: unknown }), null);
    assert.equal(await client.request('newsLens/articleAnalysis', {}), null);
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri } }), null);
    assert.equal(await client.request('newsLens/entityAt', { uri }), null);
    await stillServes();
  });
});
