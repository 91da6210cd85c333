// The user's annotations through the BUILT server over stdio, as an editor uses
// them: article.ann beside the article, code actions, commands, saving, export.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction, InitializeResult, Range } from 'vscode-languageserver-protocol';
import type { ArticleView } from '../../src/protocol';
import { AnnotationCommands } from '../../src/protocol/annotations';
import { fileUri, SERVER_JS, TestClient } from './lspClient';

// Invented text; the emoji makes brat (code point) and editor (UTF-16) offsets differ.
const ARTICLE =
  ' date 2025-02-03 🛰️ The Kettle Committee met in Tavira on Monday. Ana Quintas chaired it.\n\nThe committee said the Kettle Committee would meet again.\n';
const cp = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  return `${[...text.slice(0, i)].length} ${[...text.slice(0, i + needle.length)].length}`;
};
const rangeOf = (text: string, needle: string): Range => {
  const i = text.indexOf(needle);
  const before = text.slice(0, i).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  return { start: { line, character }, end: { line, character: character + needle.length } };
};

async function poll(done: () => boolean, ms = 5000): Promise<void> {
  for (const until = Date.now() + ms; Date.now() < until && !done();) await new Promise((r) => setTimeout(r, 20));
}

describe('annotations over LSP (built server)', function () {
  let dir: string;
  let client: TestClient;
  let init: InitializeResult;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_JS), 'dist/server.js is missing: run npm run build');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-lsp-ann-'));
    ({ client, init } = await TestClient.start({ workspaceFolder: dir }));
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const view = (uri: string) => client.request<ArticleView | null>('newsLens/articleAnalysis', { uri });

  it('declares code actions and the annotation commands', () => {
    assert.ok(init.capabilities.codeActionProvider);
    assert.deepEqual(init.capabilities.executeCommandProvider?.commands.sort(), Object.values(AnnotationCommands).sort());
    const sync = init.capabilities.textDocumentSync as { save?: unknown };
    assert.ok(sync && typeof sync === 'object' && sync.save, 'the server asks for didSave');
  });

  it('shows the annotations of article.ann beside the article', async () => {
    const txt = path.join(dir, 'committee.txt');
    fs.writeFileSync(txt, ARTICLE);
    fs.writeFileSync(
      path.join(dir, 'committee.ann'),
      `T1\tOrganization ${cp(ARTICLE, 'Kettle Committee')}\tKettle Committee\nT2\tPerson ${cp(ARTICLE, 'Ana Quintas')}\tAna Quintas\n`,
    );
    const uri = fileUri(txt);
    await client.open(uri, ARTICLE, 'plaintext');
    const v = (await view(uri))!;
    const committee = v.actors.find((a) => a.name === 'Kettle Committee');
    assert.ok(committee, JSON.stringify(v.actors.map((a) => a.name)));
    assert.equal(committee.type, 'organization');
    assert.equal(committee.evidence, 'user');
    // the user's span is applied wherever they put it; the second "Kettle Committee" stays automatic
    const person = v.actors.find((a) => a.name === 'Ana Quintas');
    assert.equal(person?.type, 'person');
    await client.close(uri);
  });

  it('reports a malformed .ann with its line number and never writes it', async () => {
    const txt = path.join(dir, 'broken.txt');
    const ann = path.join(dir, 'broken.ann');
    const bad = `T1\tOrganization ${cp(ARTICLE, 'Kettle Committee')}\tKettle Committee\nT2\tPerson twelve 14\tAna\n`;
    fs.writeFileSync(txt, ARTICLE);
    fs.writeFileSync(ann, bad);
    const uri = fileUri(txt);
    await client.open(uri, ARTICLE, 'plaintext');
    const annDiagnostics = await client.waitFor(() => client.diagnostics.get(fileUri(ann))?.diagnostics, 'diagnostics on broken.ann');
    assert.equal(annDiagnostics[0].range.start.line, 1, 'line 2 of the file');
    const articleDiagnostics = await client.diagnosticsFor(uri);
    assert.ok(
      articleDiagnostics.some((d) => d.code === 'ann-malformed' && /broken\.ann line 2/.test(d.message)),
      JSON.stringify(articleDiagnostics),
    );
    const s = ARTICLE.indexOf('Tavira');
    const result = await client.request<{ ok: boolean; message: string }>('workspace/executeCommand', {
      command: AnnotationCommands.mark,
      arguments: [{ uri, start: s, end: s + 6, label: 'place' }],
    });
    assert.equal(result.ok, false);
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await client.close(uri);
    assert.equal(fs.readFileSync(ann, 'utf8'), bad);
  });

  it('offers code actions on a selection and an entity, and runs them', async () => {
    const txt = path.join(dir, 'actions.txt');
    const ann = path.join(dir, 'actions.ann');
    fs.writeFileSync(txt, ARTICLE);
    const uri = fileUri(txt);
    await client.open(uri, ARTICLE, 'plaintext');
    // "committee" in "The committee said" is no entity: every kind is offered, and no rejection
    const selection = rangeOf(ARTICLE, 'committee said');
    selection.end.character = selection.start.character + 'committee'.length;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: selection, context: { diagnostics: [] } });
    const titles = actions.map((a) => a.title);
    for (const kind of ['Person', 'Organisation', 'Place', 'Nationality', 'Date']) assert.ok(titles.includes(`Mark "committee" as ${kind}`), titles.join('\n'));
    assert.ok(!titles.some((t) => t.startsWith('Not an entity')));
    const org = actions.find((a) => a.title === 'Mark "committee" as Organisation')!;
    const result = await client.request<{ ok: boolean; message: string }>('workspace/executeCommand', org.command!);
    assert.ok(result.ok, result.message);
    assert.equal(
      fs.readFileSync(ann, 'utf8'),
      `T1\tOrganization ${cp(ARTICLE, 'committee said').split(' ')[0]} ${Number(cp(ARTICLE, 'committee said').split(' ')[0]) + 9}\tcommittee\n`,
    );

    // on the annotated entity (cursor inside it): reject, remove, lexicon
    const cursor = {
      start: { ...selection.start, character: selection.start.character + 2 },
      end: { ...selection.start, character: selection.start.character + 2 },
    };
    const onEntity = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: cursor, context: { diagnostics: [] } });
    const entityTitles = onEntity.map((a) => a.title);
    assert.ok(entityTitles.includes('Not an entity: reject "committee"'), entityTitles.join('\n'));
    assert.ok(entityTitles.includes('Remove your annotation of "committee" (back to automatic)'));
    assert.ok(entityTitles.includes('Always treat "committee" as Organisation (workspace lexicon)'));
    assert.ok(!entityTitles.includes('Mark "committee" as Organisation'));

    // reject an automatic entity where the recogniser finds one
    const v0 = (await view(uri))!;
    const auto = v0.actors.find((a) => a.evidence !== 'user' && a.mentions.length > 0);
    if (auto) {
      const at = auto.mentions[0].range.start;
      const onAuto = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: at, end: at },
        context: { diagnostics: [] },
      });
      const reject = onAuto.find((a) => a.title.startsWith('Not an entity'))!;
      assert.ok(reject, onAuto.map((a) => a.title).join('\n'));
      assert.ok((await client.request<{ ok: boolean }>('workspace/executeCommand', reject.command!)).ok);
      assert.match(fs.readFileSync(ann, 'utf8'), /\nT2\tRejected \d+ \d+\t[^\n]+\n$/);
      const v1 = (await view(uri))!;
      const mentionsAt = (view: ArticleView) =>
        view.actors.flatMap((a) => a.mentions).filter((m) => m.range.start.line === at.line && m.range.start.character === at.character);
      assert.equal(mentionsAt(v1).length, 0, 'a rejected span is no entity');
    }
    await client.close(uri);
  });

  it('moves annotations with edits and writes them when the article is saved', async () => {
    const txt = path.join(dir, 'edits.txt');
    const ann = path.join(dir, 'edits.ann');
    fs.writeFileSync(txt, ARTICLE);
    fs.writeFileSync(ann, `T1\tPerson ${cp(ARTICLE, 'Ana Quintas')}\tAna Quintas\n`);
    const uri = fileUri(txt);
    await client.open(uri, ARTICLE, 'plaintext');
    await view(uri); // the server has read the files before the test changes them
    const edited = ARTICLE.replace('met in Tavira', 'met for two hours in Tavira');
    await client.replace(uri, edited);
    await view(uri);
    fs.writeFileSync(txt, edited); // what the editor does on save, before didSave
    await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    // the server writes on didSave, which sends no answer: ask something after it, then look
    await view(uri);
    await poll(() => fs.readFileSync(ann, 'utf8').includes(cp(edited, 'Ana Quintas')));
    assert.equal(fs.readFileSync(ann, 'utf8'), `T1\tPerson ${cp(edited, 'Ana Quintas')}\tAna Quintas\n`);
    assert.deepEqual(
      fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')),
      [],
    );
    await client.close(uri);
  });

  it('merges one actor into another and renames an actor, through canonical-name notes', async () => {
    const txt = path.join(dir, 'merge.txt');
    const ann = path.join(dir, 'merge.ann');
    const text = ' date 2025-02-03 The Kettle Committee met in Tavira. The Harbour Office agreed. Later the Harbour Office left.\n';
    fs.writeFileSync(txt, text);
    fs.writeFileSync(
      ann,
      `T1\tOrganization ${cp(text, 'Kettle Committee')}\tKettle Committee\nT2\tOrganization ${cp(text, 'Harbour Office')}\tHarbour Office\n`,
    );
    const uri = fileUri(txt);
    await client.open(uri, text, 'plaintext');
    let v = (await view(uri))!;
    const kettle = v.actors.find((a) => a.name === 'Kettle Committee')!;
    const harbour = v.actors.find((a) => a.name === 'Harbour Office')!;
    assert.ok(kettle && harbour, JSON.stringify(v.actors.map((a) => a.name)));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: harbour.mentions[0].range.start, end: harbour.mentions[0].range.start },
      context: { diagnostics: [] },
    });
    const merge = actions.find((a) => a.title === 'Merge "Harbour Office" into "Kettle Committee"');
    assert.ok(merge, actions.map((a) => a.title).join('\n'));
    assert.ok((await client.request<{ ok: boolean; message: string }>('workspace/executeCommand', merge.command!)).ok);
    assert.match(fs.readFileSync(ann, 'utf8'), /AnnotatorNotes T2\tcanonical: Kettle Committee\n/);
    v = (await view(uri))!;
    const merged = v.actors.find((a) => a.name === 'Kettle Committee')!;
    assert.ok(merged.aliases.includes('Harbour Office'), JSON.stringify(v.actors));
    // an automatic mention with the same text (if the recogniser finds one) follows the name too
    const elsewhere = v.actors
      .filter((a) => a.id !== merged.id)
      .flatMap((a) => a.mentions)
      .filter((m) => m.text === 'Harbour Office' && m.type === 'organization');
    assert.deepEqual(elsewhere, []);
    const renamed = await client.request<{ ok: boolean }>('workspace/executeCommand', {
      command: AnnotationCommands.renameActor,
      arguments: [{ uri, actorId: merged.id, name: 'Kettle Harbour Committee' }],
    });
    assert.ok(renamed.ok);
    v = (await view(uri))!;
    assert.ok(
      v.actors.some((a) => a.name === 'Kettle Harbour Committee' && a.aliases.includes('Harbour Office')),
      JSON.stringify(v.actors.map((a) => [a.name, a.aliases])),
    );
    await client.close(uri);
  });

  it('offers quick fixes for a stale span, and applies the workspace lexicon', async () => {
    const txt = path.join(dir, 'stale.txt');
    const ann = path.join(dir, 'stale.ann');
    const saved = ' date 2025-02-03 The Kettle Committee met in Tavira.\n';
    const edited = ' date 2025-02-03 On Monday, the Kettle Committee met in Tavira.\n';
    fs.writeFileSync(txt, edited); // the article changed in another program
    fs.writeFileSync(ann, `T1\tOrganization ${cp(saved, 'Kettle Committee')}\tKettle Committee\n`);
    const uri = fileUri(txt);
    await client.open(uri, edited, 'plaintext');
    await view(uri);
    const diagnostics = await client.waitFor(
      () =>
        client.diagnostics.get(uri)?.diagnostics.filter((d) => d.code === 'annotation-stale').length ? client.diagnostics.get(uri)!.diagnostics : undefined,
      'a stale-span diagnostic',
    );
    const stale = diagnostics.find((d) => d.code === 'annotation-stale')!;
    const fixes = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: stale.range,
      context: { diagnostics: [stale] },
    });
    const move = fixes.find((a) => a.title.startsWith('Move annotation T1'))!;
    assert.ok(move && fixes.some((a) => a.title.startsWith('Remove annotation T1')), fixes.map((a) => a.title).join('\n'));
    assert.ok((await client.request<{ ok: boolean }>('workspace/executeCommand', move.command!)).ok);
    assert.equal(fs.readFileSync(ann, 'utf8'), `T1\tOrganization ${cp(edited, 'Kettle Committee')}\tKettle Committee\n`);

    // "Always treat … as …" writes the lexicon at the workspace folder, and it applies
    const lexicon = await client.request<{ ok: boolean; file: string }>('workspace/executeCommand', {
      command: AnnotationCommands.addToLexicon,
      arguments: [{ uri, text: 'Tavira', label: 'organization' }],
    });
    assert.ok(lexicon.ok);
    assert.equal(lexicon.file, path.join(dir, 'news-lens.lexicon.tsv'));
    const v = (await view(uri))!;
    const tavira = v.actors.find((a) => a.name === 'Tavira');
    assert.equal(tavira?.type, 'organization');
    assert.equal(tavira?.evidence, 'lexicon');
    await client.close(uri);
  });

  it('shows a .ann copied beside an open article (file watcher)', async () => {
    const txt = path.join(dir, 'dropped.txt');
    fs.writeFileSync(txt, ARTICLE);
    const uri = fileUri(txt);
    await client.open(uri, ARTICLE, 'plaintext');
    assert.ok(!(await view(uri))!.actors.some((a) => a.name === 'Ana Quintas' && a.evidence === 'user'));
    const ann = path.join(dir, 'dropped.ann');
    fs.writeFileSync(ann, `T5\tPER ${cp(ARTICLE, 'Ana Quintas')}\tAna Quintas\n`); // made in brat
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(ann), type: 1 }] });
    let found = false;
    for (let i = 0; i < 50 && !found; i++) {
      found = !!(await view(uri))!.actors.find((a) => a.name === 'Ana Quintas' && a.type === 'person' && a.evidence === 'user');
      if (!found) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(found, 'the imported person shows');
    await client.close(uri);
  });

  it('exports brat, CoNLL and JSONL', async () => {
    const txt = path.join(dir, 'export.txt');
    fs.writeFileSync(txt, ARTICLE);
    fs.writeFileSync(path.join(dir, 'export.ann'), `T1\tOrganization ${cp(ARTICLE, 'Kettle Committee')}\tKettle Committee\n`);
    const uri = fileUri(txt);
    await client.open(uri, ARTICLE, 'plaintext');
    const brat = await client.request<{ content: string; fileName: string }>('newsLens/exportAnnotations', { uri, format: 'brat' });
    assert.equal(brat.fileName, 'export.ann');
    assert.ok(brat.content.includes(`\tOrganization ${cp(ARTICLE, 'Kettle Committee')}\tKettle Committee\n`), brat.content);
    const conll = await client.request<{ content: string; fileName: string }>('newsLens/exportAnnotations', { uri, format: 'conll' });
    assert.ok(conll.content.includes('Kettle B-ORG\nCommittee I-ORG\n'), conll.content);
    const jsonl = await client.request<{ content: string }>('newsLens/exportAnnotations', { uri, format: 'jsonl' });
    const record = JSON.parse(jsonl.content);
    assert.equal(record.text, ARTICLE);
    assert.ok(record.entities.some(([s, e, l]: [number, number, string]) => [...ARTICLE].slice(s, e).join('') === 'Kettle Committee' && l === 'ORG'));
    await client.close(uri);
  });
});
