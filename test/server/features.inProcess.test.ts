// The server's features called in-process with a fake document (a TextDocument and
// its analysis), as vscode-markdown-languageservice tests its providers: hover cards,
// semantic tokens and the sidebar view mapper. The spawned-server tests (server.test.ts)
// keep what only the protocol shows: capabilities, custom messages, client detection.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Hover, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisLookup, analyzeArticle, formatTimexValue } from '../../src/analysis';
import { DEFAULT_SERVER_SETTINGS, HIGHLIGHT_KINDS, type NewsLensServerSettings } from '../../src/protocol';
import { provideDocumentHighlights } from '../../src/server/documentHighlight';
import { provideDocumentSymbols, SYMBOL_KINDS } from '../../src/server/documentSymbols';
import { entityAt } from '../../src/server/entityAt';
import { provideInlayHints } from '../../src/server/inlayHints';
import { provideReferences } from '../../src/server/references';
import type { DocumentAnalysis } from '../../src/server/documentAnalysis';
import { type HoverStyle, provideHover } from '../../src/server/hover';
import { provideSemanticTokens } from '../../src/server/semanticTokens';
import { toArticleView } from '../../src/server/sidebarView';
import { WorkspaceIndex } from '../../src/server/workspaceIndex';
import { provideWorkspaceSymbols } from '../../src/server/workspaceSymbols';
import { decodeTokens, positionOf, rangeText, tokenText } from './tokens';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const NEWS = path.join(REPO_ROOT, 'samples', 'rotterdam-dock-strike.news');

/** A document as the server holds it after analysing it. */
function fakeDocument(text: string, settings: NewsLensServerSettings = DEFAULT_SERVER_SETTINGS, uri = 'file:///articles/sample.news'): DocumentAnalysis {
  const document = TextDocument.create(uri, 'news-article', 1, text);
  const analysis = analyzeArticle(text, { referenceDate: settings.articleDate || undefined });
  return { uri, version: 1, document, isArticle: true, refusal: null, analysis, lookup: new AnalysisLookup(analysis) };
}

const VSCODE: HoverStyle = { themeIcons: true, commandLinks: true };
const PLAIN: HoverStyle = { themeIcons: false, commandLinks: false };
const hoverText = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

describe('server features in-process: hover', () => {
  const text = fs.readFileSync(NEWS, 'utf8');
  const doc = fakeDocument(text);
  const hover = (needle: string, nth = 0, delta = 1, style = VSCODE, settings = DEFAULT_SERVER_SETTINGS) =>
    provideHover(doc, positionOf(text, needle, nth, delta), settings, style);

  it('on a person: its kind, aliases and evidence', () => {
    const md = hoverText(hover('Marieke'));
    assert.match(md, /\$\(person\) \*\*Marieke Janssen\*\* · Person/);
    assert.match(md, /Also written: \*Janssen\*/);
    assert.match(md, /entity model|gazetteer|pattern rule|lexicon|annotation/);
  });

  it('on an actor: its events as clauses with the doer first, not bare trigger words', () => {
    const md = hoverText(hover('Pieter de Vries', 0, 2));
    assert.match(md, /\*\*Events\*\*/);
    assert.match(md, /- Pieter de Vries urged both sides to find a solution/, md);
  });

  it('on a relative date: its value resolved against the article date', () => {
    const md = hoverText(hover('last year', 0, 3));
    assert.match(md, /\$\(calendar\) \*\*last year\*\* · DATE/);
    assert.match(md, /TIMEX3 `2024`/);
    assert.ok(md.includes(`Resolved against the article date ${formatTimexValue('2025-03-14')} (from the dateline).`), md);
  });

  it('on the dateline: the article date and where it comes from', () => {
    const md = hoverText(provideHover(doc, { line: 0, character: 8 }, DEFAULT_SERVER_SETTINGS, VSCODE));
    assert.match(md, /Article date/);
    assert.ok(md.includes(`**${formatTimexValue('2025-03-14')}** · \`2025-03-14\``), md);
  });

  it('inside a quotation: its speaker, over the whole quotation', () => {
    const h = hover('asking for the moon', 0, 3);
    const md = hoverText(h);
    assert.match(md, /\*\*Quotation\*\*/);
    assert.match(md, /Speaker: \*\*Marieke Janssen\*\* \(Person\)/);
    assert.ok(rangeText(text, h!.range!).startsWith('"We are not asking'), 'the hover range is the quotation');
  });

  it('off any entity: null', () => {
    assert.equal(hover('walked'), null);
  });

  it('for clients without codicons or commands: no icon syntax, no command links', () => {
    const md = hoverText(hover('Marieke', 0, 1, PLAIN));
    assert.match(md, /\*\*Marieke Janssen\*\* · Person/);
    assert.doesNotMatch(md, /\$\(|command:/);
  });

  it('looks through a kind the user switched off', () => {
    const datesOnly = { ...DEFAULT_SERVER_SETTINGS, kinds: ['date' as const] };
    assert.equal(hover('Marieke', 0, 1, VSCODE, datesOnly), null);
    assert.match(hoverText(hover('last year', 0, 3, VSCODE, datesOnly)), /TIMEX3 `2024`/);
  });
});

describe('server features in-process: semantic tokens', () => {
  const text = fs.readFileSync(NEWS, 'utf8');
  const doc = fakeDocument(text);
  const view = toArticleView(doc, DEFAULT_SERVER_SETTINGS)!;

  it('marks each kind, the dateline and relative dates, in order and without overlap', () => {
    const tokens = decodeTokens(provideSemanticTokens(doc, DEFAULT_SERVER_SETTINGS).data);
    const find = (t: string) => tokens.find((x) => tokenText(text, x) === t);
    assert.equal(find('Rotterdam')?.type, 'place');
    assert.equal(find('Marieke Janssen')?.type, 'person');
    assert.equal(find('Dutch')?.type, 'nationality');
    assert.deepEqual(find('last year')?.modifiers, ['relative']);
    assert.deepEqual(find('date 2025-03-14'), { line: 0, character: 1, length: 15, type: 'date', modifiers: ['dateline'] });
    for (let i = 1; i < tokens.length; i++) {
      const [a, b] = [tokens[i - 1], tokens[i]];
      assert.ok(a.line < b.line || (a.line === b.line && a.character + a.length <= b.character), 'ordered, no overlap');
    }
    // Every entity mention the sidebar knows is highlighted, with its own kind.
    for (const m of view.actors.flatMap((a) => a.mentions)) {
      assert.ok(
        tokens.some((t) => t.line === m.range.start.line && t.character === m.range.start.character && t.type === m.type),
        `token for ${m.text}`,
      );
    }
  });

  it('for a range: only the tokens in it', () => {
    const range = { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } };
    const tokens = decodeTokens(provideSemanticTokens(doc, DEFAULT_SERVER_SETTINGS, range).data);
    assert.ok(tokens.length > 0);
    assert.ok(tokens.every((t) => t.line === 4));
    assert.ok(tokens.some((t) => tokenText(text, t) === 'Marieke Janssen'));
  });

  it('only the kinds switched on', () => {
    const datesOnly = { ...DEFAULT_SERVER_SETTINGS, kinds: ['date' as const] };
    const tokens = decodeTokens(provideSemanticTokens(doc, datesOnly).data);
    assert.ok(tokens.length > 0 && tokens.every((t) => t.type === 'date'));
  });
});

describe('server features in-process: the sidebar view mapper', () => {
  const text = [
    ' date 2024-03-15 The Lorient Harbour Authority closed the port last year, Ana Kervella said on Tuesday.',
    '',
    'Dockers in Brest went on strike in March 2024 and again for three weeks.',
    '',
  ].join('\n');
  const doc = fakeDocument(text);
  const view = toArticleView(doc, DEFAULT_SERVER_SETTINGS)!;

  it('maps offsets to ranges on the text, and counts each kind', () => {
    for (const a of view.actors) for (const m of a.mentions) assert.equal(rangeText(text, m.range), m.text);
    for (const d of view.dates) assert.equal(rangeText(text, d.range), d.text);
    assert.equal(view.counts.date, view.dates.length);
    assert.equal(view.metadata.date, '2024-03-15');
    assert.equal(rangeText(text, view.metadata.dateRange!), 'date 2024-03-15');
  });

  it('places every date on the timeline: groups outermost first and one order position each', () => {
    const byText = (t: string) => view.dates.find((d) => d.text.includes(t))!;
    assert.deepEqual(
      byText('last year').groups.map((g) => g.label),
      ['2023'],
    );
    assert.deepEqual(
      byText('March').groups.map((g) => g.label),
      ['2024', 'March'],
    );
    assert.equal(byText('three weeks').category, 'duration');
    assert.deepEqual(
      byText('three weeks').groups.map((g) => g.kind),
      ['duration'],
    );
    assert.deepEqual(
      [...view.dates.map((d) => d.order)].sort((a, b) => a - b),
      view.dates.map((_, i) => i),
      'a permutation',
    );
    assert.ok(
      byText('last year').order < byText('March').order && byText('March').order < byText('three weeks').order,
      'calendar in time order, durations after',
    );
  });

  it('sends each event its groups, order and notable mark, so the client derives none', () => {
    assert.ok(view.events.length > 0);
    for (const e of view.events) {
      assert.equal(typeof e.notable, 'boolean');
      assert.ok(e.groups.length > 0, `groups for ${e.text}`);
    }
    assert.deepEqual(
      [...view.events.map((e) => e.order)].sort((a, b) => a - b),
      view.events.map((_, i) => i),
    );
  });

  it('orders the actors of each kind for the Actors view: most mentioned first, then by name', () => {
    for (const kind of new Set(view.actors.map((a) => a.type))) {
      const ordered = view.actors.filter((a) => a.type === kind).sort((a, b) => a.order - b.order);
      assert.deepEqual(
        ordered.map((a) => a.order),
        ordered.map((_, i) => i),
        `${kind}: positions 0…n-1`,
      );
      for (let i = 1; i < ordered.length; i++) {
        const [x, y] = [ordered[i - 1], ordered[i]];
        assert.ok(x.mentionCount > y.mentionCount || (x.mentionCount === y.mentionCount && x.name.localeCompare(y.name) <= 0), `${x.name} before ${y.name}`);
      }
    }
  });

  it('leaves out actors of kinds switched off; a document that is not an article has no view', () => {
    const noPeople = toArticleView(doc, { ...DEFAULT_SERVER_SETTINGS, kinds: ['organization', 'place', 'nationality', 'date'] })!;
    assert.ok(view.actors.some((a) => a.type === 'person'));
    assert.ok(!noPeople.actors.some((a) => a.type === 'person'));
    assert.equal(toArticleView({ ...doc, isArticle: false, analysis: null }, DEFAULT_SERVER_SETTINGS), null);
  });
});

describe('server features in-process: switching a kind off (newsLens.kinds) removes it from every feature', () => {
  const text = fs.readFileSync(NEWS, 'utf8');
  const doc = fakeDocument(text);
  const all = DEFAULT_SERVER_SETTINGS;
  const whole: Range = { start: { line: 0, character: 0 }, end: doc.document.positionAt(text.length) };
  const noIndexedFiles = new WorkspaceIndex(
    () => [],
    () => all,
    () => undefined,
  );
  const sameRange = (a: Range, b: Range) => JSON.stringify(a) === JSON.stringify(b);
  const view = toArticleView(doc, all)!;
  const quoteRanges = view.quotes.map((q) => q.range);
  const inside = (r: Range, outer: Range) =>
    doc.document.offsetAt(outer.start) <= doc.document.offsetAt(r.start) && doc.document.offsetAt(r.end) <= doc.document.offsetAt(outer.end);
  /** One place of each kind, outside quotations (there the hover shows the quotation instead). */
  const placeOf = (kind: string): Range => {
    const ranges =
      kind === 'date'
        ? view.dates.map((d) => d.range)
        : view.actors
            .flatMap((a) => a.mentions)
            .filter((m) => m.type === kind)
            .map((m) => m.range);
    const range = ranges.find((r) => !quoteRanges.some((q) => inside(r, q)));
    assert.ok(range, `the sample has a ${kind} outside quotations`);
    return range;
  };
  const mid = (r: Range) => ({ line: r.start.line, character: r.start.character + 1 });

  it('the sample shows every kind with all kinds on', () => {
    const types = new Set(decodeTokens(provideSemanticTokens(doc, all).data).map((t) => t.type));
    for (const kind of HIGHLIGHT_KINDS) assert.ok(types.has(kind), `a ${kind} token`);
    assert.ok(provideInlayHints(doc, whole, all).length > 0, 'inlay hints on relative dates');
    for (const kind of HIGHLIGHT_KINDS) {
      const at = placeOf(kind);
      assert.ok(sameRange(provideHover(doc, mid(at), all, VSCODE)!.range!, at), `hover on a ${kind}`);
      assert.equal(entityAt(doc, mid(at), all)?.kind, kind);
      assert.ok(
        provideReferences(doc, mid(at), all)!.some((l) => sameRange(l.range, at)),
        `references of a ${kind}`,
      );
      assert.ok(
        provideDocumentHighlights(doc, mid(at), all)!.some((h) => sameRange(h.range, at)),
        `highlights of a ${kind}`,
      );
    }
  });

  for (const off of HIGHLIGHT_KINDS) {
    it(`${off} off: gone from tokens, hover, references, highlights, entityAt, symbols, the sidebar view and inlay hints; the others stay`, () => {
      const settings: NewsLensServerSettings = { ...all, kinds: HIGHLIGHT_KINDS.filter((k) => k !== off) };
      const tokenTypes = new Set(decodeTokens(provideSemanticTokens(doc, settings).data).map((t) => t.type));
      assert.deepEqual([...tokenTypes].sort(), HIGHLIGHT_KINDS.filter((k) => k !== off).sort(), 'semantic tokens');

      const at = placeOf(off);
      const hover = provideHover(doc, mid(at), settings, VSCODE);
      assert.ok(!hover || !sameRange(hover.range!, at), 'hover');
      assert.notEqual(entityAt(doc, mid(at), settings)?.kind, off, 'entityAt');
      assert.ok(!(provideReferences(doc, mid(at), settings) ?? []).some((l) => sameRange(l.range, at)), 'references');
      assert.ok(!(provideDocumentHighlights(doc, mid(at), settings) ?? []).some((h) => sameRange(h.range, at)), 'document highlights');

      const actorKinds = (types: string[]) => [...new Set(types)].sort();
      const shownActorKinds = actorKinds(view.actors.map((a) => a.type).filter((k) => k !== off));
      assert.deepEqual(actorKinds(toArticleView(doc, settings)!.actors.map((a) => a.type)), shownActorKinds, 'sidebar view actors');
      const symbolKind = (kind: number) => Object.entries(SYMBOL_KINDS).find(([, k]) => k === kind)![0];
      assert.deepEqual(actorKinds(provideDocumentSymbols(doc, settings).map((s) => symbolKind(s.kind))), shownActorKinds, 'document symbols');
      assert.deepEqual(
        actorKinds(provideWorkspaceSymbols('', [doc], noIndexedFiles, settings).map((s) => symbolKind(s.kind))),
        shownActorKinds,
        'workspace symbols',
      );

      const hints = provideInlayHints(doc, whole, settings);
      if (off === 'date') assert.equal(hints.length, 0, 'inlay hints');
      else assert.deepEqual(hints, provideInlayHints(doc, whole, all), 'inlay hints');
    });
  }
});
