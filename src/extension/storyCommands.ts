// Commands of the story across articles: the Story view's folder, comparing two
// articles (a read-only Markdown report), and splitting or merging a cross-article actor.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CompareArticlesRequest, errorMessage, StoryMergeRequest, StoryOutlineRequest, StorySplitRequest, type StoryEditResult } from '../protocol';
import { COMPARE_REPORTS_KEPT } from './limits';
import { comparisonMarkdown } from './model/compareMarkdown';
import { articleLabel, mergeCandidates, splitCandidates, type StoryNode } from './model/storyTree';
import { STORY_VIEW_ID, type StoryView } from './views/storyView';

export const COMPARE_SCHEME = 'news-lens-compare';

export const STORY_COMMANDS = {
  showStoryForFolder: 'newsLens.showStoryForFolder',
  showWorkspaceStory: 'newsLens.showWorkspaceStory',
  refreshStory: 'newsLens.refreshStory',
  compareArticles: 'newsLens.compareArticles',
  splitStoryActor: 'newsLens.splitStoryActor',
  mergeStoryActor: 'newsLens.mergeStoryActor',
} as const;

/** The comparison reports, served read-only under news-lens-compare: (nothing is written to disk). */
class CompareDocuments implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private count = 0;

  add(title: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: COMPARE_SCHEME, path: `/${title.replace(/[\\/]/g, '-')}.md`, query: String(++this.count) });
    this.contents.set(uri.toString(), markdown);
    if (this.contents.size > COMPARE_REPORTS_KEPT) this.contents.delete(this.contents.keys().next().value as string);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? 'This comparison is no longer available; run News Lens: Compare Two Articles again.';
  }
}

export function registerStoryCommands(client: LanguageClient, ready: Promise<void>, story: StoryView): vscode.Disposable[] {
  const compareDocs = new CompareDocuments();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- command arguments come untyped from VS Code menus
  const reg = (id: string, fn: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, fn);
  const report = (outcome: StoryEditResult) => {
    if (outcome.ok) void vscode.window.showInformationMessage(`News Lens: ${outcome.message}`);
    else void vscode.window.showWarningMessage(`News Lens: ${outcome.message}`);
  };

  return [
    vscode.workspace.registerTextDocumentContentProvider(COMPARE_SCHEME, compareDocs),
    reg(STORY_COMMANDS.showStoryForFolder, async (folder?: vscode.Uri) => {
      let target = folder instanceof vscode.Uri ? folder : undefined;
      if (!target) {
        const picked = await vscode.window.showOpenDialog({
          canSelectFolders: true,
          canSelectFiles: false,
          canSelectMany: false,
          defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
          openLabel: 'Show Story',
        });
        target = picked?.[0];
      }
      if (!target) return;
      await vscode.commands.executeCommand(`${STORY_VIEW_ID}.focus`);
      await story.showFolder(target);
    }),
    reg(STORY_COMMANDS.showWorkspaceStory, async () => {
      await vscode.commands.executeCommand(`${STORY_VIEW_ID}.focus`);
      await story.showFolder(null);
    }),
    reg(STORY_COMMANDS.refreshStory, () => story.refresh()),
    reg(STORY_COMMANDS.compareArticles, async (clicked?: vscode.Uri, selected?: vscode.Uri[]) => {
      let pair: string[] = Array.isArray(selected) && selected.length === 2 ? selected.map((u) => u.toString()) : [];
      if (!pair.length) pair = await pickTwoArticles(client, ready, clicked instanceof vscode.Uri ? clicked.toString() : undefined);
      if (pair.length !== 2) return;
      try {
        await ready;
        const result = await client.sendRequest(CompareArticlesRequest, { a: pair[0], b: pair[1] });
        if ('error' in result) {
          void vscode.window.showWarningMessage(`News Lens: ${result.error}`);
          return;
        }
        const uri = compareDocs.add(`Compare ${articleLabel(result.a)} ↔ ${articleLabel(result.b)}`, comparisonMarkdown(result));
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      } catch (error) {
        void vscode.window.showErrorMessage(`News Lens: could not compare the articles (${errorMessage(error)}).`);
      }
    }),
    reg(STORY_COMMANDS.splitStoryActor, async (node?: StoryNode) => {
      const actor = node?.nodeType === 'storyActor' ? node.actor : undefined;
      if (!actor) return void vscode.window.showInformationMessage('News Lens: right-click an actor in the Story view to split it.');
      const names = splitCandidates(actor, await story.appearancesOf(actor.key));
      if (!names.length)
        return void vscode.window.showInformationMessage(`News Lens: every article writes "${actor.name}" the same way; there is nothing to split.`);
      const name = await vscode.window.showQuickPick(names, { title: `Split from ${actor.name}…`, placeHolder: `Which name is not ${actor.name}?` });
      if (!name) return;
      report(await client.sendRequest(StorySplitRequest, { folder: story.folderUri, actorKey: actor.key, name }));
      await story.refresh();
    }),
    reg(STORY_COMMANDS.mergeStoryActor, async (node?: StoryNode) => {
      const actor = node?.nodeType === 'storyActor' ? node.actor : undefined;
      if (!actor) return void vscode.window.showInformationMessage('News Lens: right-click an actor in the Story view to merge it.');
      const candidates = mergeCandidates(story.current, actor.key);
      const picked = await vscode.window.showQuickPick(
        candidates.map((c) => ({ label: c.name, description: `${c.type} · ${c.articleCount} article${c.articleCount === 1 ? '' : 's'}`, key: c.key })),
        { title: `Merge ${actor.name} into…`, placeHolder: 'The actor it is the same as', matchOnDescription: true },
      );
      if (!picked) return;
      report(await client.sendRequest(StoryMergeRequest, { folder: story.folderUri, fromKey: actor.key, intoKey: picked.key }));
      await story.refresh();
    }),
  ];
}

/** A pick list of the workspace's articles (the story's), two to choose; the clicked file is preselected. */
async function pickTwoArticles(client: LanguageClient, ready: Promise<void>, preselected?: string): Promise<string[]> {
  await ready;
  const view = await client.sendRequest(StoryOutlineRequest, {});
  if (view.articles.length < 2) {
    void vscode.window.showInformationMessage(
      'News Lens: the workspace has fewer than two articles to compare (still indexing?). Select two files in the Explorer and choose "Compare Two Articles".',
    );
    return [];
  }
  const items = view.articles.map((a) => ({
    label: articleLabel(a),
    description: a.date ?? 'undated',
    detail: vscode.workspace.asRelativePath(vscode.Uri.parse(a.uri)),
    uri: a.uri,
    picked: a.uri === preselected,
  }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Compare Two Articles', placeHolder: 'Choose two articles' });
  if (!picked) return [];
  if (picked.length !== 2) {
    void vscode.window.showWarningMessage(`News Lens: choose exactly two articles (you chose ${picked.length}).`);
    return [];
  }
  return picked.map((p) => p.uri);
}
