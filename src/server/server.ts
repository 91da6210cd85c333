#!/usr/bin/env -S MALLOC_ARENA_MAX=1 node --max-semi-space-size=4
// News Lens language server: `news-lens-server --stdio` (also --node-ipc,
// --socket=N, --pipe=NAME). The only code that speaks LSP. Every handler is
// contained: a failure costs one answer, never the server.
// The first line is serverShebang() (src/protocol/serverLaunch.ts; a test keeps them equal).
import './heapSettings';
import * as path from 'node:path';
import {
  type CancellationToken,
  type ClientCapabilities,
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  type InitializeResult,
  type Position,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  FileChangeType,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import { ARTICLE_FILES_GLOB } from '../node';
import {
  AnalysisChangedNotification,
  ArticleAnalysisRequest,
  ArticleDateEditRequest,
  DEFAULT_SERVER_SETTINGS,
  EntityAtRequest,
  type NewsLensInitializationOptions,
  type NewsLensServerSettings,
  SEMANTIC_TOKENS_LEGEND,
  SETTINGS_SECTION,
  WorkspaceTrustNotification,
  CompareArticlesRequest,
  StoryChangedNotification,
  StoryRequest,
  StoryMergeRequest,
  StorySplitRequest,
  StoryOutlineRequest,
  StoryDetailRequest,
} from '../protocol';
import { AnalysisStore } from './analysisStore';
import { articleDateEdit } from './articleDateEdit';
import { prewarmAnalysis } from './scheduler';
import { LspFrameSanitizer } from './framing';
import { createGuard } from './guard';
import { registerAnnotationFeatures } from './annotations/annotationFeatures';
import { uriToPath } from './articleDetection';
import { diagnosticsFor } from './diagnostics';
import type { DocumentAnalysis } from './documentAnalysis';
import { provideDocumentHighlights } from './documentHighlight';
import { provideDocumentSymbols } from './documentSymbols';
import { entityAt } from './entityAt';
import { type HoverStyle, provideHover } from './hover';
import { provideInlayHints } from './inlayHints';
import { provideReferences } from './references';
import { provideSemanticTokens } from './semanticTokens';
import { serverSettings } from './settings';
import { countsOf, toArticleView } from './sidebarView';
import { indexedArticle, WorkspaceIndex } from './workspaceIndex';
import { StoryService } from './storyService';
import { isIndexWorker, runIndexWorker } from './indexWorker';
import { provideWorkspaceSymbols } from './workspaceSymbols';
import { errorDetail, errorMessage, LEXICON_FILE_NAME } from '../analysis';

const USAGE = `news-lens-server ${version}: the News Lens language server.
usage: news-lens-server --stdio        (also --node-ipc, --socket=PORT, --pipe=NAME)
Serves .news/.article files and .txt/.md files that open with a dateline or front matter.`;

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (argv.includes('--version') || argv.includes('-v')) {
    process.stdout.write(`${version}\n`);
    return;
  }
  const hasTransport = argv.some((a) => /^--(stdio|node-ipc|socket|pipe)/.test(a));
  // Without a transport flag, stdio is the only sensible default for a CLI-started server.
  const stdio = !hasTransport || argv.includes('--stdio');
  // Over stdio, malformed frames are dropped before the JSON-RPC reader sees them (framing.ts).
  const connection = stdio
    ? createConnection(
        ProposedFeatures.all,
        process.stdin.pipe(new LspFrameSanitizer((reason) => process.stderr.write(`News Lens: ${reason}\n`))),
        process.stdout,
      )
    : createConnection(ProposedFeatures.all);
  startServer(connection);
}

type Connection = ReturnType<typeof createConnection>;

export function startServer(connection: Connection): void {
  // stdout is the LSP channel: anything printed there would corrupt it.
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  process.on('uncaughtException', (error) => connection.console.error(`News Lens: unexpected error: ${error?.stack ?? error}`));
  process.on('unhandledRejection', (error) => connection.console.error(`News Lens: unexpected rejection: ${errorDetail(error)}`));

  const documents = new TextDocuments(TextDocument);
  let settings: NewsLensServerSettings = { ...DEFAULT_SERVER_SETTINGS };
  let capabilities: ClientCapabilities = {};
  let initOptions: NewsLensInitializationOptions = {};
  let hoverStyle: HoverStyle = { themeIcons: false, commandLinks: false };
  /** From the client (initializationOptions.workspaceTrusted, then WorkspaceTrustNotification); false: nothing is written to disk. */
  let workspaceTrusted = true;
  let workspaceFolders: string[] = [];
  const log = (message: string) => connection.console.log(message);

  const store = new AnalysisStore({
    getDocument: (uri) => documents.get(uri),
    getSettings: () => settings,
    getWorkspaceFolders: () => workspaceFolders,
    onAnalysed: (result) => publish(result),
    // Visible-range tokens were served while a long article was analysed: ask for the full ones.
    onPartialReplaced: () => {
      if (capabilities.workspace?.semanticTokens?.refreshSupport) connection.languages.semanticTokens.refresh();
      if (capabilities.workspace?.inlayHint?.refreshSupport) connection.languages.inlayHint.refresh();
    },
    getAnalysisInputs: (uri, text) => annotations.analysisInputs(uri, text),
    log,
  });
  // The user's own annotations (article.ann) and the workspace lexicon: code actions, commands, saving.
  const annotations = registerAnnotationFeatures({
    connection,
    documents,
    getAnalysis: (uri) => store.get(uri)?.analysis,
    getWorkspaceFolders: () => workspaceFolders,
    refresh: (uri) => {
      store.invalidateAll();
      store.schedule(uri, 0);
      if (capabilities.workspace?.semanticTokens?.refreshSupport) connection.languages.semanticTokens.refresh();
      if (capabilities.workspace?.inlayHint?.refreshSupport) connection.languages.inlayHint.refresh();
    },
    clientRunsPrompts: () => hoverStyle.commandLinks,
    isTrusted: () => workspaceTrusted,
    log,
  });
  // Restricted Mode: the client says whether the workspace is trusted; until it is, nothing is written.
  connection.onNotification(WorkspaceTrustNotification, (params) => {
    const trusted = params?.trusted === true;
    if (trusted === workspaceTrusted) return;
    workspaceTrusted = trusted;
    log(`News Lens: workspace ${trusted ? 'trusted: annotations and the lexicon are written to disk' : 'not trusted: nothing is written to disk'}`);
    if (trusted) annotations.store.trustGranted();
  });
  const index = new WorkspaceIndex(
    () => workspaceFolders,
    () => settings,
    log,
  );
  // Background indexing shows its progress where the client supports window/workDoneProgress.
  index.setProgress(async () => {
    if (!capabilities.window?.workDoneProgress) return null;
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('News Lens: indexing articles', 0, 'listing files…');
    return { report: (percentage, message) => progress.report(percentage, message), done: () => progress.done() };
  });

  const story = new StoryService({
    index,
    getFolders: () => workspaceFolders,
    lexiconFor: (folder) => annotations.store.lexiconFor(path.join(folder, '_')),
    editLexicon: (folder, edit, describe) => {
      const outcome = annotations.store.editLexiconFor(folder, edit, describe);
      if (outcome.ok) notifyStoryChanged();
      return outcome;
    },
    openArticle: async (uri) => {
      if (!documents.get(uri)) return null;
      const fsPath = uriToPath(uri);
      const live = fsPath ? index.get(path.resolve(fsPath)) : undefined;
      if (live && live.uri === uri) return live;
      const result = await store.getAsync(uri);
      return result?.isArticle && result.analysis ? indexedArticle(uri, fsPath ?? uri, result.document.getText(), result.analysis) : null;
    },
  });
  // Story views refresh on this, sent once the index has rebuilt the story after a change (throttled there).
  let storyChangedUri: string | null | undefined;
  index.onDidChange((fsPath) => {
    const uri = fsPath ? (index.get(fsPath)?.uri ?? null) : null;
    storyChangedUri = storyChangedUri === undefined || storyChangedUri === uri ? uri : null;
  });
  index.onStoryChanged(() => notifyStoryChanged());
  index.setStoryLexicon((folder) => {
    const dir = folder ?? workspaceFolders[0];
    return dir ? annotations.store.lexiconFor(path.join(dir, '_')) : null;
  });
  function notifyStoryChanged(): void {
    const params = { uri: storyChangedUri ?? null, indexing: index.indexing };
    storyChangedUri = undefined;
    void connection.sendNotification(StoryChangedNotification, params).catch(() => undefined);
  }

  function publish(result: DocumentAnalysis): void {
    const current = documents.get(result.uri);
    if (!current || current.version !== result.version) return; // superseded by a newer edit
    // The index takes an open article from its live analysis, so unsaved edits count and nothing is analysed twice.
    const fsPath = uriToPath(result.uri);
    if (fsPath && result.isArticle && result.analysis) index.setLive(fsPath, result.uri, result.analysis, result.document.getText());
    else if (fsPath && !result.isArticle) void index.endLive(fsPath); // no longer an article: its file decides
    void connection
      .sendDiagnostics({ uri: result.uri, version: result.version, diagnostics: [...diagnosticsFor(result), ...annotations.articleDiagnostics(result.uri)] })
      .catch(() => undefined);
    void connection
      .sendNotification(AnalysisChangedNotification, {
        uri: result.uri,
        version: result.version,
        isArticle: result.isArticle,
        counts: countsOf(result.analysis),
      })
      .catch(() => undefined);
  }

  /** Runs a handler so that no exception reaches the connection; a cancelled request answers RequestCancelled. */
  const guard = createGuard((message) => connection.console.error(message));

  const analysed = (uri: string | undefined, token?: CancellationToken) => (typeof uri === 'string' ? store.get(uri, token) : undefined);
  /** Whole-document answers: a long article is analysed in slices with the event loop free, so typing never waits. */
  const analysedAsync = (uri: string | undefined, token?: CancellationToken) =>
    typeof uri === 'string' ? store.getAsync(uri, token) : Promise.resolve(undefined);
  /** Answers about a place (hover, the visible range): while a long article is analysed, just the paragraphs there. */
  const analysedAround = (uri: string | undefined, from: Position | undefined, to: Position | undefined, token?: CancellationToken) => {
    const document = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!document || !isPosition(from) || !isPosition(to)) return analysed(uri, token);
    return store.getAround(document.uri, { start: document.offsetAt(from), end: document.offsetAt(to) }, token);
  };

  connection.onInitialize((params): InitializeResult => {
    capabilities = params.capabilities ?? {};
    initOptions = (params.initializationOptions ?? {}) as NewsLensInitializationOptions;
    // VS Code-family clients render codicons and command links once the News Lens client enables them.
    const vscodeLike = /code|codium|cursor/i.test(params.clientInfo?.name ?? '');
    hoverStyle = { themeIcons: initOptions.themeIcons ?? vscodeLike, commandLinks: initOptions.commandLinks ?? vscodeLike };
    if (initOptions.settings) settings = serverSettings({ ...DEFAULT_SERVER_SETTINGS, ...initOptions.settings });
    workspaceTrusted = initOptions.workspaceTrusted !== false;
    workspaceFolders = foldersFrom(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    return {
      capabilities: {
        // save: the user's annotations are written when the article is saved
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        ...annotations.capabilities,
        hoverProvider: true,
        documentSymbolProvider: { label: 'News Lens' },
        referencesProvider: true,
        documentHighlightProvider: true,
        inlayHintProvider: { resolveProvider: false },
        workspaceSymbolProvider: true,
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'news-lens-server', version },
    };
  });

  connection.onInitialized(() => {
    setImmediate(prewarmAnalysis);
    void (async () => {
      try {
        if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
          await connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
        }
        if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
          await connection.client.register(DidChangeWatchedFilesNotification.type, {
            watchers: [{ globPattern: ARTICLE_FILES_GLOB }, ...annotations.watchGlobs.map((globPattern) => ({ globPattern }))],
          });
        }
        if (capabilities.workspace?.workspaceFolders) {
          connection.workspace.onDidChangeWorkspaceFolders((event) => {
            const removed = new Set(foldersFrom(event.removed.map((f) => f.uri)));
            workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...foldersFrom(event.added.map((f) => f.uri))];
            void index.rescan();
          });
        }
      } catch (error) {
        log(`News Lens: a registration failed: ${errorMessage(error)}`);
      }
      await loadSettings();
      void index.rescan();
    })();
  });

  async function loadSettings(pushed?: unknown): Promise<boolean> {
    let next = settings;
    try {
      if (capabilities.workspace?.configuration) {
        next = serverSettings(await connection.workspace.getConfiguration({ section: SETTINGS_SECTION }));
      } else if (pushed && typeof pushed === 'object' && SETTINGS_SECTION in pushed) {
        next = serverSettings((pushed as Record<string, unknown>)[SETTINGS_SECTION]);
      }
    } catch (error) {
      log(`News Lens: could not read settings: ${errorMessage(error)}`);
    }
    const changed = JSON.stringify(next) !== JSON.stringify(settings);
    settings = next;
    return changed;
  }

  connection.onDidChangeConfiguration((params) => {
    void (async () => {
      const before = settings;
      if (!(await loadSettings(params?.settings))) return;
      store.invalidateAll();
      for (const doc of documents.all()) store.schedule(doc.uri, 0);
      if (capabilities.workspace?.semanticTokens?.refreshSupport) connection.languages.semanticTokens.refresh();
      if (capabilities.workspace?.inlayHint?.refreshSupport) connection.languages.inlayHint.refresh();
      if (before.articleDate !== settings.articleDate || JSON.stringify(before.articleGlobs) !== JSON.stringify(settings.articleGlobs)) void index.rescan();
    })();
  });

  connection.onDidChangeWatchedFiles((params) => {
    annotations.onWatchedFilesChanged(params.changes ?? []);
    for (const change of params.changes ?? []) {
      const fsPath = uriToPath(change.uri);
      if (!fsPath) continue;
      if (path.basename(fsPath) === LEXICON_FILE_NAME) notifyStoryChanged(); // splits and merges live there
      if (change.type === FileChangeType.Deleted) index.remove(fsPath);
      else void index.update(fsPath);
    }
  });

  documents.onDidChangeContent((event) => {
    // The first analysis of a freshly opened document runs at once; edits are debounced.
    store.schedule(event.document.uri, store.peek(event.document.uri) ? undefined : 0);
  });
  documents.onDidClose((event) => {
    store.close(event.document.uri);
    const closedPath = uriToPath(event.document.uri);
    if (closedPath) void index.endLive(closedPath);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }).catch(() => undefined);
    void connection
      .sendNotification(AnalysisChangedNotification, { uri: event.document.uri, version: event.document.version, isArticle: false, counts: countsOf(null) })
      .catch(() => undefined);
  });

  connection.onHover(
    guard('hover', null, (params, token) => {
      const result = analysedAround(params.textDocument?.uri, params.position, params.position, token);
      return result ? provideHover(result, params.position, settings, hoverStyle, (actor) => story.alsoIn(result.uri, actor)) : null;
    }),
  );
  connection.languages.semanticTokens.on(
    guard('semantic tokens', { data: [] }, async (params, token) => {
      const result = await analysedAsync(params.textDocument?.uri, token);
      return result ? provideSemanticTokens(result, settings) : { data: [] };
    }),
  );
  connection.languages.semanticTokens.onRange(
    guard('semantic tokens (range)', { data: [] }, (params, token) => {
      const result = analysedAround(params.textDocument?.uri, params.range?.start, params.range?.end, token);
      return result ? provideSemanticTokens(result, settings, params.range) : { data: [] };
    }),
  );
  connection.onDocumentSymbol(
    guard('document symbols', [], async (params, token) => {
      const result = await analysedAsync(params.textDocument?.uri, token);
      return result ? provideDocumentSymbols(result, settings) : [];
    }),
  );
  connection.onReferences(
    guard('references', null, async (params, token) => {
      const result = await analysedAsync(params.textDocument?.uri, token);
      return result ? provideReferences(result, params.position, settings, params.context?.includeDeclaration !== false) : null;
    }),
  );
  connection.onDocumentHighlight(
    guard('document highlight', null, async (params, token) => {
      const result = await analysedAsync(params.textDocument?.uri, token);
      return result ? provideDocumentHighlights(result, params.position, settings) : null;
    }),
  );
  connection.languages.inlayHint.on(
    guard('inlay hints', [], async (params, token) => {
      const result = await analysedAsync(params.textDocument?.uri, token);
      return result ? provideInlayHints(result, params.range, settings) : [];
    }),
  );
  connection.onWorkspaceSymbol(
    guard('workspace symbols', [], (params, token) => {
      const open = documents
        .all()
        .map((d) => store.get(d.uri, token))
        .filter((r): r is DocumentAnalysis => !!r);
      return provideWorkspaceSymbols(params.query ?? '', open, index, settings);
    }),
  );
  connection.onRequest(
    ArticleAnalysisRequest,
    guard('article analysis', null, async (params, token) => {
      const result = await analysedAsync(params?.uri, token);
      return result ? toArticleView(result, settings, (actor) => index.articlesMentioning(actor, uriToPath(result.uri))) : null;
    }),
  );
  connection.onRequest(
    StoryRequest,
    guard('story', { folder: null, indexing: false, articles: [], actors: [], timeline: [], speakers: [] }, (params) =>
      story.story(typeof params?.folder === 'string' ? params.folder : null),
    ),
  );
  connection.onRequest(
    StoryOutlineRequest,
    guard('story outline', { folder: null, indexing: false, articles: [], actors: [], timeline: [], days: [], eventCount: 0, speakers: [] }, (params) =>
      story.outline(typeof params?.folder === 'string' ? params.folder : null),
    ),
  );
  connection.onRequest(
    StoryDetailRequest,
    guard('story detail', {}, (params) => story.detail(params)),
  );
  connection.onRequest(
    StorySplitRequest,
    guard('split story actor', { ok: false, message: 'News Lens could not split the actor; see the output log.' }, (params) => story.split(params)),
  );
  connection.onRequest(
    StoryMergeRequest,
    guard('merge story actors', { ok: false, message: 'News Lens could not merge the actors; see the output log.' }, (params) => story.merge(params)),
  );
  connection.onRequest(
    CompareArticlesRequest,
    guard('compare articles', { error: 'News Lens could not compare the articles; see the output log.' }, (params) => story.compare(params?.a, params?.b)),
  );
  connection.onRequest(
    EntityAtRequest,
    guard('entity at', null, async (params, token) => {
      const result = await analysedAsync(params?.uri, token);
      return result ? entityAt(result, params.position, settings) : null;
    }),
  );
  connection.onRequest(
    ArticleDateEditRequest,
    guard('article date edit', { error: 'News Lens could not compute the date edit; see the output log.' }, (params) =>
      articleDateEdit(typeof params?.uri === 'string' ? documents.get(params.uri) : undefined, params),
    ),
  );

  connection.onShutdown(() => {
    store.dispose();
    index.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

function isPosition(p: unknown): p is Position {
  return !!p && typeof p === 'object' && Number.isFinite((p as Position).line) && Number.isFinite((p as Position).character);
}

function foldersFrom(uris: readonly string[]): string[] {
  return uris
    .map((u) => uriToPath(u))
    .filter((p): p is string => !!p)
    .map((p) => path.resolve(p));
}

// Started as the workspace index's worker thread (indexWorkers.ts): analyse, speak no LSP.
if (require.main === module) {
  if (isIndexWorker()) runIndexWorker();
  else main();
}
