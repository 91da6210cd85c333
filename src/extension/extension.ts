// News Lens VS Code client: starts the language server and wires the sidebar,
// the highlighting, the status bar and the commands. The analysis itself runs in
// the server process; this file only imports `vscode` and the client library.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type ArticleView, errorMessage, WorkspaceTrustNotification } from '../protocol';
import { ArticleStore, isCandidateDocument } from './articleStore';
import { createLanguageClient, refreshEditorFeatures } from './client';
import { registerAnnotationCommands } from './annotations/annotationCommands';
import { registerCommands } from './commands';
import { HighlightController, MarkerDecorations } from './highlighting';
import { itemAt } from './cursor';
import { DELAYS_MS } from './limits';
import { findMention } from './model/actorsTree';
import { readSettings } from './settings';
import { StatusBar } from './statusBar';
import { ActorsView } from './views/actorsView';
import { DatesView } from './views/datesView';
import { EventsView } from './views/eventsView';
import { QuotesView } from './views/quotesView';
import { StoryView } from './views/storyView';
import { registerStoryCommands } from './storyCommands';
import type { StoryOutline } from '../protocol';

let client: LanguageClient | undefined;

/** What activate() returns: a read-only window for tests (test/vscode, test/e2e). */
export interface NewsLensApi {
  /** The server's view of the article the sidebar shows, or null. */
  activeArticle(): ArticleView | null;
  /** The story outline the Story view shows, or null before it has loaded. */
  story(): StoryOutline | null;
}

export function activate(context: vscode.ExtensionContext): NewsLensApi {
  const output = vscode.window.createOutputChannel('News Lens');
  const highlight = new HighlightController(context.workspaceState, readSettings());
  client = createLanguageClient(context, output, {
    semanticEnabled: () => highlight.layers.semantic,
    kinds: () => highlight.settings.kinds,
    inlayHintsEnabled: () => highlight.settings.inlayHints,
  });
  // Not awaited: activation returns at once; the views fill in when the server is up.
  const ready = client.start().catch((err: unknown) => {
    const message = errorMessage(err);
    output.appendLine(`News Lens: the language server did not start: ${message}`);
    void vscode.window.showErrorMessage(`News Lens: the language server did not start (${message}).`, 'Show Output').then((a) => a && output.show());
    throw err;
  });

  const store = new ArticleStore(client, ready);
  const actors = new ActorsView(store);
  const dates = new DatesView(store);
  const events = new EventsView(store);
  const quotes = new QuotesView(store);
  const story = new StoryView(client, ready);
  const markers = new MarkerDecorations(store, highlight);
  const statusBar = new StatusBar(store, highlight);
  context.subscriptions.push(output, highlight, store, actors, dates, events, quotes, story, markers, statusBar);
  context.subscriptions.push(...registerStoryCommands(client, ready, story));
  context.subscriptions.push(...registerCommands({ client, store, highlight, actors, dates, events, output }));
  // The user's annotations: mark/reject shortcuts, rename and merge prompts, export and import.
  registerAnnotationCommands(context, client);
  // Restricted Mode: the server writes no .ann or lexicon until the workspace is trusted.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void ready.then(() => client?.sendNotification(WorkspaceTrustNotification, { trusted: true })).catch(() => undefined);
    }),
  );

  // Context keys for menus, keybindings and welcome views.
  const updateContext = () => {
    const editor = vscode.window.activeTextEditor;
    void vscode.commands.executeCommand('setContext', 'newsLens.isArticle', store.active !== null);
    void vscode.commands.executeCommand('setContext', 'newsLens.activeEditorIsText', !!editor && isCandidateDocument(editor.document));
  };
  updateContext();
  context.subscriptions.push(store.onDidChange(updateContext), vscode.window.onDidChangeActiveTextEditor(updateContext));

  // Following the cursor: the entity under it is selected in the Actors (or Dates) view.
  let cursorTimer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    { dispose: () => clearTimeout(cursorTimer) },
    vscode.window.onDidChangeTextEditorSelection((e) => {
      const view = store.active;
      if (!view || e.textEditor.document.uri.toString() !== view.uri) return;
      clearTimeout(cursorTimer);
      const uri = view.uri;
      const position = e.selections[0].active;
      cursorTimer = setTimeout(async () => {
        const at = client ? await itemAt(client, uri, position) : null;
        const onEntity = !!at?.actorId && !!findMention(actors.currentTree, at.actorId, at.range);
        void vscode.commands.executeCommand('setContext', 'newsLens.cursorOnEntity', onEntity);
        if (!highlight.settings.followCursor || !at) return;
        const revealed = at.actorId ? actors.revealMention(at.actorId, at.range) : Promise.resolve(false);
        void revealed.then((found) => (found || at.dateIndex === null ? found : dates.revealAt(at.dateIndex))).then(undefined, () => undefined);
      }, DELAYS_MS.cursorFollow);
    }),
  );

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('newsLens')) return;
      highlight.update(readSettings());
      if (client) refreshEditorFeatures(client);
      // The server re-analyses with the new settings and notifies; this catches a missed notification.
      if (e.affectsConfiguration('newsLens.kinds') || e.affectsConfiguration('newsLens.articleDate') || e.affectsConfiguration('newsLens.articleGlobs')) {
        setTimeout(() => store.refreshVisible(), DELAYS_MS.settingsRefresh);
      }
    }),
    highlight.onDidChange(() => client && refreshEditorFeatures(client)),
  );
  return { activeArticle: () => store.active, story: () => story.current };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop().catch(() => undefined);
  client = undefined;
}
