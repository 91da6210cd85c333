// Holds the server's ArticleView for each visible article and tracks which one
// the sidebar follows (the active editor's). Views are fetched with the custom
// `newsLens/articleAnalysis` request and refetched on `newsLens/analysisChanged`.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AnalysisChangedNotification, ArticleAnalysisRequest, errorMessage } from '../protocol';
import type { AnalysisChangedParams, ArticleView } from '../protocol';
import { isCandidate } from './model/documents';
import { DELAYS_MS } from './limits';

export function isCandidateDocument(document: vscode.TextDocument): boolean {
  return isCandidate(document.languageId, document.uri.scheme);
}

export class ArticleStore implements vscode.Disposable {
  private readonly views = new Map<string, ArticleView>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Sequence number of the latest request per document, so late answers to old requests are dropped. */
  private readonly requestSeq = new Map<string, number>();
  private readonly changed = new vscode.EventEmitter<string>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private followed: vscode.TextDocument | undefined;

  /** Fires with the uri whose view changed (or was dropped). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshVisible()),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri.toString())),
    );
    void this.ready.then(
      () => {
        this.disposables.push(this.client.onNotification(AnalysisChangedNotification, (p) => this.onAnalysisChanged(p)));
        this.follow(vscode.window.activeTextEditor);
        this.refreshVisible();
      },
      () => undefined,
    );
  }

  /** The document the sidebar shows, if any. */
  get followedDocument(): vscode.TextDocument | undefined {
    return this.followed;
  }

  /** The view of the followed document, or null when it is not an article. */
  get active(): ArticleView | null {
    return this.followed ? (this.views.get(this.followed.uri.toString()) ?? null) : null;
  }

  viewFor(uri: string): ArticleView | undefined {
    return this.views.get(uri);
  }

  /** Fetches the view now (e.g. for a command on a document the sidebar does not show). */
  async fetch(uri: string): Promise<ArticleView | null> {
    try {
      await this.ready;
    } catch {
      return null; // the server did not start; extension.ts has told the user
    }
    const seq = (this.requestSeq.get(uri) ?? 0) + 1;
    this.requestSeq.set(uri, seq);
    let view: ArticleView | null = null;
    try {
      view = await this.client.sendRequest(ArticleAnalysisRequest, { uri });
    } catch (err) {
      // A server restart or a cancelled request: keep the last view; the next change notification refetches.
      if (!this.client.isRunning()) return this.views.get(uri) ?? null;
      this.client.warn(`News Lens: articleAnalysis failed for ${uri}`, errorMessage(err), false);
      return this.views.get(uri) ?? null;
    }
    if (this.requestSeq.get(uri) !== seq) return this.views.get(uri) ?? null;
    const before = this.views.get(uri);
    if (view) this.views.set(uri, view);
    else this.views.delete(uri);
    if (before !== view) this.changed.fire(uri);
    return view;
  }

  schedule(uri: string, delayMs: number = DELAYS_MS.viewFetch): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.fetch(uri);
      }, delayMs),
    );
  }

  refreshVisible(): void {
    const visible = new Set(vscode.window.visibleTextEditors.filter((e) => isCandidateDocument(e.document)).map((e) => e.document.uri.toString()));
    if (this.followed) visible.add(this.followed.uri.toString());
    for (const uri of visible) this.schedule(uri, 0);
    // Views of documents no longer on screen are dropped; they are refetched when shown again.
    for (const uri of [...this.views.keys()]) if (!visible.has(uri)) this.forget(uri);
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    // Focus moving to a panel, a tree or the sidebar leaves no active editor: keep following the last article.
    if (!editor) return;
    const doc = editor.document;
    if (doc === this.followed) return;
    if (!isCandidateDocument(doc)) {
      if (doc.uri.scheme === 'output' || doc.uri.scheme === 'debug') return;
      this.followed = undefined;
      this.changed.fire('');
      return;
    }
    this.followed = doc;
    this.changed.fire(doc.uri.toString());
    this.schedule(doc.uri.toString(), 0);
  }

  private onAnalysisChanged(params: AnalysisChangedParams): void {
    if (!params.isArticle) {
      if (this.views.delete(params.uri)) this.changed.fire(params.uri);
      return;
    }
    const shown = vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === params.uri) || this.followed?.uri.toString() === params.uri;
    if (shown) this.schedule(params.uri);
  }

  private forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (this.followed?.uri.toString() === uri && this.followed.isClosed) this.followed = undefined;
    if (this.views.delete(uri)) this.changed.fire(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
