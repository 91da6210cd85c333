// Protocol tests: start the BUILT server (dist/server.js --stdio) and talk LSP
// to it about the bundled sample articles, as an editor would. What a provider
// answers is tested in-process (features.inProcess.test.ts); these keep what only
// the wire shows: capabilities, wiring, custom messages, client detection, settings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type {
  DocumentHighlight,
  DocumentSymbol,
  Hover,
  InlayHint,
  InitializeResult,
  Location,
  SemanticTokens,
  SymbolInformation,
} from 'vscode-languageserver-protocol';
import { type ArticleView, type EntityAtResult, REVEAL_IN_SIDEBAR_COMMAND, SEMANTIC_TOKENS_LEGEND, SHOW_ALL_MENTIONS_COMMAND } from '../../src/protocol';
import { formatTimexValue } from '../../src/analysis/dates/formatTimex';
import { fileUri, REPO_ROOT, SERVER_JS, TestClient } from './lspClient';
import { decodeTokens, positionOf, rangeText } from './tokens';

const SAMPLES = path.join(REPO_ROOT, 'samples');
const NEWS = path.join(SAMPLES, 'rotterdam-dock-strike.news');
const MD = path.join(SAMPLES, 'kenya-drought-crops.md');
const TXT = path.join(SAMPLES, 'lyon-river-roads.txt');

const unionOf = (view: ArticleView) => view.actors.find((a) => a.aliases.includes('NSDU'));
const hoverText = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('language server over stdio (samples)', function () {
  // Each test spawns Node processes; on a loaded 2-core CI machine that alone can take many seconds.
  this.timeout(180_000);
  let client: TestClient;
  let init: InitializeResult;
  const newsText = fs.readFileSync(NEWS, 'utf8');
  const newsUri = fileUri(NEWS);
  let view: ArticleView;

  before(async function () {
    assert.ok(fs.existsSync(SERVER_JS), 'dist/server.js is missing: run npm run build');
    ({ client, init } = await TestClient.start({ workspaceFolder: SAMPLES, clientName: 'Visual Studio Code' }));
    await client.open(newsUri, newsText);
    view = (await client.request<ArticleView | null>('newsLens/articleAnalysis', { uri: newsUri }))!;
    assert.ok(view, 'the .news sample is an article');
  });
  after(async () => client?.stop());
  afterEach(() =>
    assert.deepEqual(
      client.logs.filter((l) => /failed|unexpected/.test(l)),
      [],
      'no handler failed',
    ),
  );

  it('declares the features and the shared semantic token legend', () => {
    const caps = init.capabilities;
    assert.ok(caps.hoverProvider);
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.referencesProvider);
    assert.ok(caps.documentHighlightProvider);
    assert.ok(caps.inlayHintProvider);
    assert.ok(caps.workspaceSymbolProvider);
    const tokens = caps.semanticTokensProvider!;
    assert.deepEqual(tokens.legend, SEMANTIC_TOKENS_LEGEND);
    assert.deepEqual(tokens.legend.tokenTypes, ['person', 'organization', 'place', 'nationality', 'date']);
    assert.equal(tokens.full, true);
    assert.equal(tokens.range, true);
  });

  it('answers the sidebar request with the article date, actors, dates and counts', () => {
    assert.equal(view.metadata.date, '2025-03-14');
    assert.equal(view.metadata.dateSource, 'dateline');
    assert.equal(rangeText(newsText, view.metadata.dateRange!), 'date 2025-03-14');
    // Server tests check the server, not the recogniser: find the union by its acronym.
    const union = unionOf(view);
    assert.ok(union, 'the acronym NSDU is an alias of an actor (its expansion)');
    assert.equal(union.type, 'organization');
    assert.match(union.name, /Dockworkers Union$/);
    for (const m of union.mentions) assert.equal(rangeText(newsText, m.range), m.text);
    assert.ok(view.actors.some((a) => a.name === 'Marieke Janssen' && a.type === 'person'));
    assert.ok(view.actors.some((a) => a.name === 'Rotterdam' && a.type === 'place'));
    const lastYear = view.dates.find((d) => d.text === 'last year');
    assert.equal(lastYear?.value, '2024');
    assert.equal(
      view.counts.organization,
      view.actors.filter((a) => a.type === 'organization').reduce((n, a) => n + a.mentions.filter((m) => m.type === 'organization').length, 0),
    );
    assert.equal(view.counts.date, view.dates.length);
    // Ranked by mentions.
    for (let i = 1; i < view.actors.length; i++) assert.ok(view.actors[i - 1].mentionCount >= view.actors[i].mentionCount);
  });

  it('notifies the client when an article has been analysed', async () => {
    const change = await client.waitFor(() => client.analysisChanges.find((c) => c.uri === newsUri), 'analysisChanged');
    assert.equal(change.isArticle, true);
    assert.ok(change.counts.organization > 0);
  });

  it('hover on an acronym shows the entity card with its expansion, mentions, first mention and command links', async () => {
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: newsUri }, position: positionOf(newsText, 'NSDU', 1, 2) });
    const md = hoverText(hover);
    assert.match(md, /\$\(organization\)/, 'codicon for the kind');
    const union = unionOf(view)!;
    assert.ok(md.includes(`**${union.name}** · Organisation`), md);
    assert.ok(md.includes(`*NSDU* = ${union.name}`), 'the acronym is spelled out');
    assert.match(md, new RegExp(`${union.mentionCount} mentions`));
    assert.ok(md.includes(`**${union.mentions[0].text}**`), 'first mention, highlighted in its sentence');
    assert.match(md, /First mention: “/);
    assert.ok(md.includes(`command:${SHOW_ALL_MENTIONS_COMMAND}?${encodeURIComponent(JSON.stringify([newsUri, union.id]))}`));
    assert.ok(md.includes(`command:${REVEAL_IN_SIDEBAR_COMMAND}?`));
    assert.equal(rangeText(newsText, hover!.range!), 'NSDU');
  });

  it('document symbols list the actors at their first mention', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: newsUri } });
    const names = symbols.map((s) => s.name);
    const union = unionOf(view)!;
    for (const name of [union.name, 'Marieke Janssen', 'Rotterdam', 'Pieter de Vries']) assert.ok(names.includes(name), name);
    assert.equal(names.length, view.actors.length, 'one symbol per actor');
    const symbol = symbols.find((s) => s.name === union.name)!;
    assert.equal(rangeText(newsText, symbol.selectionRange), union.mentions[0].text);
    assert.match(symbol.detail ?? '', new RegExp(`organisation · ${union.mentionCount} mentions`));
  });

  it('references list every mention of the actor under the cursor, aliases included', async () => {
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: newsUri },
      position: positionOf(newsText, 'NSDU', 2),
      context: { includeDeclaration: true },
    });
    const texts = refs.map((r) => rangeText(newsText, r.range));
    assert.deepEqual(
      texts,
      unionOf(view)!.mentions.map((m) => m.text),
    );
    assert.deepEqual(texts.filter((t) => t === 'NSDU').length, 3);
    assert.ok(texts[0].endsWith('Dockworkers Union'), 'the expansion comes first');
    const withoutDeclaration = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: newsUri },
      position: positionOf(newsText, 'NSDU', 2),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(
      withoutDeclaration.map((r) => rangeText(newsText, r.range)),
      texts.slice(1),
    );
    assert.ok(refs.every((r) => r.uri === newsUri));
  });

  it('references on a nationality include its country', async () => {
    const refs = await client.request<Location[]>('textDocument/references', {
      textDocument: { uri: newsUri },
      position: positionOf(newsText, 'Dutch'),
      context: { includeDeclaration: true },
    });
    const texts = refs.map((r) => rangeText(newsText, r.range));
    assert.ok(texts.includes('Dutch') && texts.includes('Netherlands'), texts.join(','));
  });

  it('document highlight marks the other mentions of the entity under the cursor', async () => {
    const highlights = await client.request<DocumentHighlight[]>('textDocument/documentHighlight', {
      textDocument: { uri: newsUri },
      position: positionOf(newsText, 'Janssen', 1),
    });
    assert.deepEqual(
      highlights.map((h) => rangeText(newsText, h.range)),
      ['Marieke Janssen', 'Janssen'],
    );
    const none = await client.request<DocumentHighlight[] | null>('textDocument/documentHighlight', {
      textDocument: { uri: newsUri },
      position: positionOf(newsText, 'walked'),
    });
    assert.equal(none, null);
  });

  it('inlay hints show resolved values after relative dates', async () => {
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: newsUri },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    });
    const lastYearEnd = positionOf(newsText, 'last year', 0, 'last year'.length);
    const hint = hints.find((h) => h.position.line === lastYearEnd.line && h.position.character === lastYearEnd.character);
    assert.equal(hint?.label, '· 2024');
    assert.ok(
      hints.some((h) => h.label === `· ${formatTimexValue('2025-03-17')}`),
      'on Monday → the Monday after the article date',
    );
    // Absolute dates ("2016", "January 2025" written out) get no hint.
    assert.ok(hints.every((h) => typeof h.label === 'string' && h.label.startsWith('· ')));
  });

  it('the custom entityAt request names the actor under the cursor', async () => {
    const at = await client.request<EntityAtResult | null>('newsLens/entityAt', { uri: newsUri, position: positionOf(newsText, 'Pieter') });
    assert.equal(at?.kind, 'person');
    assert.equal(at?.actorId, view.actors.find((a) => a.name === 'Pieter de Vries')!.id);
    const date = await client.request<EntityAtResult | null>('newsLens/entityAt', { uri: newsUri, position: positionOf(newsText, 'last year') });
    assert.equal(date?.kind, 'date');
    assert.equal(view.dates[date!.dateIndex!].text, 'last year');
  });

  it('workspace symbols find actors in open and unopened articles of the workspace', async () => {
    // The index fills in the background; ask until the unopened .txt article shows up.
    let symbols: SymbolInformation[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'morel' });
      if (symbols.length) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const morel = symbols.find((s) => s.name === 'Claire Morel');
    assert.ok(morel, `Claire Morel from the unopened .txt sample: ${JSON.stringify(symbols)}`);
    assert.equal(morel.location.uri, fileUri(TXT));
    const open = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'janssen' });
    assert.ok(open.some((s) => s.name === 'Marieke Janssen' && s.location.uri === newsUri));
    const kenya = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'wanjiru' });
    assert.ok(
      kenya.some((s) => s.location.uri === fileUri(MD)),
      'the front-matter .md article is indexed',
    );
  });

  it('re-analyses after an edit and drops the old mentions', async () => {
    const uri = fileUri(path.join(os.tmpdir(), 'news-lens-edit.news'));
    const v1 = ' date 2024-08-06 Marieke Janssen visited Rotterdam.\n';
    await client.open(uri, v1);
    const before = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(before.some((s) => s.name === 'Rotterdam'));
    await client.replace(uri, ' date 2024-08-06 Marieke Janssen visited Antwerp last year.\n');
    const after = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(!after.some((s) => s.name === 'Rotterdam'));
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } },
    });
    assert.deepEqual(
      hints.map((h) => h.label),
      ['· 2023'],
    );
    await client.close(uri);
    const closed = await client.request<ArticleView | null>('newsLens/articleAnalysis', { uri });
    assert.equal(closed, null);
  });
});

describe('language server: which documents are articles, and settings', function () {
  // Each test spawns Node processes; on a loaded 2-core CI machine that alone can take many seconds.
  this.timeout(180_000);
  let client: TestClient;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-detect-'));
  const article = ' date 2024-08-06 Officials in Lagos said last year was difficult for Nigerian farmers.\n';
  const prose = 'Shopping list: bread, milk, and a postcard from Lagos.\n';
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  before(async () => {
    ({ client } = await TestClient.start({ workspaceFolder: dir, settings: {}, clientName: 'neovim' }));
  });

  const symbolsOf = (uri: string) => client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });

  it('a .txt that opens with a dateline is an article; one without is not', async () => {
    const yes = fileUri(path.join(dir, 'dated.txt'));
    const no = fileUri(path.join(dir, 'list.txt'));
    await client.open(yes, article, 'plaintext');
    await client.open(no, prose, 'plaintext');
    assert.ok((await symbolsOf(yes)).length > 0);
    assert.deepEqual(await symbolsOf(no), []);
    assert.equal(await client.request('newsLens/articleAnalysis', { uri: no }), null);
  });

  it('opt-in globs make other files articles', async () => {
    const uri = fileUri(path.join(dir, 'notes', 'list.txt'));
    await client.open(uri, prose, 'plaintext');
    assert.deepEqual(await symbolsOf(uri), []);
    client.settings = { articleGlobs: ['notes/*.txt'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => client.analysisChanges.some((c) => c.uri === uri && c.isArticle), 're-analysis after the settings change');
    assert.ok((await symbolsOf(uri)).some((s) => s.name === 'Lagos'));
  });

  it('hovers for clients without codicon support carry no icon syntax or command links', async () => {
    const uri = fileUri(path.join(dir, 'dated.txt'));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(article, 'Lagos') });
    const md = hoverText(hover);
    assert.match(md, /\*\*Lagos\*\* · Place/);
    assert.doesNotMatch(md, /\$\(|command:/);
  });

  it('workspace symbols follow files created and deleted in the workspace', async () => {
    const file = path.join(dir, 'later.news');
    fs.writeFileSync(file, ' date 2024-08-06 The Zanzibar Ferry Cooperative cancelled sailings on Monday.\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 1 }] });
    let found: SymbolInformation[] = [];
    for (let attempt = 0; attempt < 100 && !found.length; attempt++) {
      found = (await client.request<SymbolInformation[]>('workspace/symbol', { query: 'zanzibar' })).filter((s) => s.location.uri === fileUri(file));
      if (!found.length) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(found.length > 0, 'the new article is indexed');
    fs.rmSync(file);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(file), type: 3 }] });
    const after = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'zanzibar' });
    assert.ok(!after.some((s) => s.location.uri === fileUri(file)), 'the deleted article is gone');
  });

  it('newsLens.articleDate overrides the dateline; newsLens.kinds switches kinds off', async () => {
    const uri = fileUri(path.join(dir, 'dated.txt'));
    const range = { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } };
    let hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
    assert.ok(hints.some((h) => h.label === '· 2023'));
    const seen = client.analysisChanges.length;
    client.settings = { articleDate: '2020-01-15', kinds: ['date'] };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => client.analysisChanges.slice(seen).some((c) => c.uri === uri), 're-analysis after the settings change');
    hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range });
    assert.ok(
      hints.some((h) => h.label === '· 2019'),
      JSON.stringify(hints),
    );
    const tokens = decodeTokens((await client.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).data);
    assert.ok(tokens.length > 0 && tokens.every((t) => t.type === 'date'));
    assert.deepEqual(await symbolsOf(uri), []);
    client.settings = { articleDate: 'not a date' };
    const seen2 = client.analysisChanges.length;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => client.analysisChanges.slice(seen2).some((c) => c.uri === uri), 're-analysis');
    const diagnostics = await client.diagnosticsFor(uri);
    assert.ok(diagnostics.some((d) => d.code === 'invalid-article-date-setting'));
  });
});
