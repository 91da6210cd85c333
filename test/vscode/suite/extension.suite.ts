// Runs inside a real VS Code with the extension under development loaded and
// samples/ open. Checks what a user relies on through VS Code's own APIs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ArticleView } from '../../../src/protocol';

const EXTENSION_ID = 'news-lens.news-lens';

interface NewsLensTestApi {
  activeArticle(): ArticleView | null;
}

async function waitFor<T>(probe: () => T | undefined | null | false | PromiseLike<T | undefined | null | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function sampleArticle(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.resolve(__dirname, '../../../../samples');
  const file = fs.readdirSync(folder).find((f) => f.endsWith('.news'));
  assert.ok(file, `a .news sample in ${folder}`);
  return vscode.Uri.file(path.join(folder, file));
}

describe('News Lens in VS Code', function () {
  let api: NewsLensTestApi;
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await vscode.window.showTextDocument(sampleArticle());
    const ext = vscode.extensions.getExtension<NewsLensTestApi>(EXTENSION_ID);
    assert.ok(ext, 'the extension is installed');
    api = await ext.activate();
    await waitFor(() => api.activeArticle(), 'the article analysis');
  });

  it('gives .news files the news-article language', () => {
    assert.equal(editor.document.languageId, 'news-article');
  });

  it('registers every contributed command', async () => {
    const all = new Set(await vscode.commands.getCommands(true));
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    for (const c of pkg.contributes.commands) assert.ok(all.has(c.command), c.command);
  });

  it('lists actors in the analysis the sidebar shows', () => {
    const view = api.activeArticle()!;
    assert.ok(view.actors.length > 0);
    assert.equal(view.uri, editor.document.uri.toString());
  });

  it('provides semantic tokens, and none while highlighting is toggled off', async () => {
    const uri = editor.document.uri;
    const tokens = await waitFor(
      () =>
        vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri).then((t) => (t && t.data.length ? t : undefined)),
      'semantic tokens',
    );
    assert.ok(tokens.data.length >= 5);
    await vscode.commands.executeCommand('newsLens.toggleHighlighting');
    try {
      const off = await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', uri);
      assert.equal(off?.data.length ?? 0, 0);
    } finally {
      await vscode.commands.executeCommand('newsLens.toggleHighlighting');
    }
  });

  it('answers a hover on the most mentioned actor', async () => {
    const actor = api.activeArticle()!.actors[0];
    const at = actor.mentions[0].range.start;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      new vscode.Position(at.line, at.character + 1),
    );
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes(actor.name), text);
  });

  it('reveals an actor mention from the sidebar command', async () => {
    const actor = api.activeArticle()!.actors[0];
    const m = actor.mentions[actor.mentions.length - 1];
    await vscode.commands.executeCommand('newsLens.revealRange', editor.document.uri.toString(), m.range);
    const sel = vscode.window.activeTextEditor!.selection;
    assert.deepEqual([sel.start.line, sel.start.character], [m.range.start.line, m.range.start.character]);
  });
});
