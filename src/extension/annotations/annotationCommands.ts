// The user's annotations in VS Code: keyboard-friendly commands for the common
// actions (they run the server's annotation commands on the selection, or on the
// entity under the cursor), a prompt for renaming an actor, a picker for merging
// actors, and Export/Import Annotations. The code actions themselves come from
// the server (src/server/annotations), so every LSP editor gets them.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { ArticleAnalysisRequest, type ArticleView, errorMessage } from '../../protocol';
import { DELAYS_MS } from '../limits';
import {
  type AnnotationCommandResult,
  AnnotationCommands,
  type AnnotationExportFormat,
  type UserLabel,
  ExportAnnotationsRequest,
  ImportAnnotationsRequest,
  ANNOTATION_EDITOR_COMMANDS,
  RENAME_ACTOR_PROMPT_COMMAND,
} from '../../protocol/annotations';

const MARKS: Array<[string, UserLabel]> = [
  [ANNOTATION_EDITOR_COMMANDS.markAsPerson, 'person'],
  [ANNOTATION_EDITOR_COMMANDS.markAsOrganization, 'organization'],
  [ANNOTATION_EDITOR_COMMANDS.markAsPlace, 'place'],
  [ANNOTATION_EDITOR_COMMANDS.markAsNationality, 'nationality'],
  [ANNOTATION_EDITOR_COMMANDS.markAsDate, 'date'],
  [ANNOTATION_EDITOR_COMMANDS.rejectEntity, 'rejected'],
];

const FORMATS: Array<{ label: string; description: string; format: AnnotationExportFormat; ext: string }> = [
  { label: 'brat standoff (.ann)', description: 'T1<TAB>Organization 120 128<TAB>Pentagon, offsets in code points', format: 'brat', ext: 'ann' },
  { label: 'CoNLL (BIO)', description: 'one token and its tag per line', format: 'conll', ext: 'conll' },
  { label: 'JSONL (doccano, Prodigy)', description: '{"text", "entities": [[start, end, label]]}', format: 'jsonl', ext: 'jsonl' },
];

export function registerAnnotationCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  const run = async (command: string, arg: object): Promise<AnnotationCommandResult | undefined> => {
    try {
      const result = (await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [arg] })) as AnnotationCommandResult | null;
      if (result?.ok) vscode.window.setStatusBarMessage(`News Lens: ${result.message}`, DELAYS_MS.annotationMessage);
      // a failure is shown by the server (window/showMessage)
      return result ?? undefined;
    } catch (error) {
      void vscode.window.showErrorMessage(`News Lens: ${errorMessage(error)}`);
      return undefined;
    }
  };

  const activeArticle = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) void vscode.window.showInformationMessage('News Lens: open an article first.');
    return editor;
  };

  const articleView = async (uri: string): Promise<ArticleView | null> => {
    try {
      return await client.sendRequest(ArticleAnalysisRequest, { uri });
    } catch {
      return null;
    }
  };

  /** The actor whose mention is under the cursor. */
  const actorAtCursor = (view: ArticleView, editor: vscode.TextEditor) => {
    const pos = editor.selection.active;
    const before = (a: { line: number; character: number }, b: vscode.Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return view.actors.find((actor) =>
      actor.mentions.some(
        (m) => before(m.range.start, pos) && before({ line: pos.line, character: pos.character }, new vscode.Position(m.range.end.line, m.range.end.character)),
      ),
    );
  };

  for (const [id, label] of MARKS) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async () => {
        const editor = activeArticle();
        if (!editor) return;
        const { document, selection } = editor;
        await run(AnnotationCommands.mark, {
          uri: document.uri.toString(),
          start: document.offsetAt(selection.start),
          end: document.offsetAt(selection.end),
          label,
        });
      }),
    );
  }

  // From the server's "Rename actor…" code action ([uri, actorId, name]) or the palette (actor under the cursor).
  const renameActor = async (uri?: string, actorId?: string, name?: string) => {
    if (!uri || !actorId) {
      const editor = activeArticle();
      if (!editor) return;
      const view = await articleView(editor.document.uri.toString());
      const actor = view && actorAtCursor(view, editor);
      if (!actor) return void vscode.window.showInformationMessage('News Lens: put the cursor on a mention of the actor to rename.');
      [uri, actorId, name] = [editor.document.uri.toString(), actor.id, actor.name];
    }
    const next = await vscode.window.showInputBox({
      title: 'News Lens: canonical name',
      prompt: `The name News Lens uses for "${name}" (stored in the article's .ann)`,
      value: name,
      validateInput: (v) => (v.trim() ? null : 'The name cannot be empty'),
    });
    if (next && next.trim() !== name) await run(AnnotationCommands.renameActor, { uri, actorId, name: next.trim() });
  };
  context.subscriptions.push(
    vscode.commands.registerCommand(RENAME_ACTOR_PROMPT_COMMAND, renameActor),
    vscode.commands.registerCommand(ANNOTATION_EDITOR_COMMANDS.renameActor, () => renameActor()),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand(ANNOTATION_EDITOR_COMMANDS.mergeActor, async () => {
      const editor = activeArticle();
      if (!editor) return;
      const uri = editor.document.uri.toString();
      const view = await articleView(uri);
      const actor = view && actorAtCursor(view, editor);
      if (!view || !actor) return void vscode.window.showInformationMessage('News Lens: put the cursor on a mention of the actor to merge.');
      const others = view.actors.filter((a) => a.id !== actor.id && a.type === actor.type);
      if (!others.length) return void vscode.window.showInformationMessage(`News Lens: no other ${actor.type} in this article.`);
      const pick = await vscode.window.showQuickPick(
        others.map((a) => ({ label: a.name, description: `${a.mentionCount} mention${a.mentionCount === 1 ? '' : 's'}`, id: a.id })),
        { title: `Merge "${actor.name}" into…` },
      );
      if (pick) await run(AnnotationCommands.mergeActor, { uri, actorId: actor.id, intoActorId: pick.id });
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand(ANNOTATION_EDITOR_COMMANDS.exportAnnotations, async () => {
      const editor = activeArticle();
      if (!editor) return;
      const pick = await vscode.window.showQuickPick(FORMATS, { title: 'News Lens: export annotations as' });
      if (!pick) return;
      const result = await client
        .sendRequest(ExportAnnotationsRequest, { uri: editor.document.uri.toString(), format: pick.format })
        .then(undefined, () => null);
      if (!result) return void vscode.window.showWarningMessage('News Lens: this document is not analysed as an article.');
      const article = editor.document.uri;
      const ownAnn = article.scheme === 'file' ? article.fsPath.replace(/\.[^./\\]*$/, '') + '.ann' : null;
      const base = result.fileName.replace(/\.[^.]*$/, '');
      const suggested = article.scheme === 'file' ? vscode.Uri.file(path.join(path.dirname(article.fsPath), `${base}.export.${pick.ext}`)) : undefined;
      const target = await vscode.window.showSaveDialog({ defaultUri: suggested, filters: { [pick.label]: [pick.ext] }, title: 'Export annotations' });
      if (!target) return;
      // The article's own .ann holds the user's decisions; an export mixes in automatic spans, so never write over it.
      if (ownAnn && target.scheme === 'file' && path.resolve(target.fsPath) === path.resolve(ownAnn)) {
        return void vscode.window.showErrorMessage(`News Lens: ${path.basename(ownAnn)} holds your own annotations; export to another file.`);
      }
      await vscode.workspace.fs.writeFile(target, Buffer.from(result.content, 'utf8'));
      void vscode.window.showInformationMessage(`News Lens: annotations exported to ${vscode.workspace.asRelativePath(target)}`);
    }),
  );

  context.subscriptions.push(
    vscode.commands.registerCommand(ANNOTATION_EDITOR_COMMANDS.importAnnotations, async () => {
      const editor = activeArticle();
      if (!editor) return;
      const [file] =
        (await vscode.window.showOpenDialog({
          canSelectMany: false,
          filters: { 'brat standoff': ['ann'] },
          title: 'Import brat annotations for this article',
        })) ?? [];
      if (!file) return;
      const content = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
      const result = await client
        .sendRequest(ImportAnnotationsRequest, { uri: editor.document.uri.toString(), content })
        .then(undefined, (e: unknown) => ({ ok: false, message: String(e) }));
      if (result.ok) void vscode.window.showInformationMessage(`News Lens: ${result.message}`);
      else void vscode.window.showWarningMessage(`News Lens: ${result.message}`);
    }),
  );
}
