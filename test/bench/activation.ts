// Extension activation time without an editor: a child node process loads
// dist/extension.js with a stub `vscode` module (injected through
// Module._resolveFilename + the require cache), calls activate(), and stops the
// clock when the language client asks child_process to start the server (the
// "client start" point) — or when activate() settles, if no server start is seen.
// The clock includes loading the bundle, as VS Code's own activation time does.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';

const PROBE = String.raw`
const Module = require('module');
const path = require('path');
const cp = require('child_process');
const extensionPath = process.argv[1];
const root = path.dirname(path.dirname(extensionPath));
let started = null;
const t0 = performance.now();
const stopAtServerStart = (name) => function () {
  if (started === null) started = performance.now() - t0;
  throw new Error('activation bench: server start intercepted (' + name + ')');
};
cp.fork = stopAtServerStart('fork');
cp.spawn = stopAtServerStart('spawn');

// A stub that answers every property with another callable, constructible stub.
function stub(name) {
  const target = function () {};
  const assigned = new Map();
  return new Proxy(target, {
    set(_t, prop, value) { assigned.set(prop, value); return true; },
    defineProperty(_t, prop, d) { assigned.set(prop, d.value); return true; },
    get(_t, prop) {
      if (assigned.has(prop)) return assigned.get(prop);
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'toString') return () => name;
      if (prop === 'length') return 0;
      return stub(name + '.' + String(prop));
    },
    apply() { return stub(name + '()'); },
    construct() { return stub('new ' + name); },
  });
}
const disposable = { dispose() {} };
class EventEmitter { constructor() { this.event = () => disposable; } fire() {} dispose() {} }
const configuration = { get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => undefined };
const base = {
  version: '1.90.0',
  EventEmitter,
  Disposable: Object.assign(function Disposable() { return disposable; }, { from: () => disposable }),
  workspace: new Proxy({ getConfiguration: () => configuration, workspaceFolders: undefined, textDocuments: [], onDidChangeConfiguration: () => disposable, onDidOpenTextDocument: () => disposable, onDidCloseTextDocument: () => disposable, onDidChangeTextDocument: () => disposable, onDidSaveTextDocument: () => disposable, onDidChangeWorkspaceFolders: () => disposable, createFileSystemWatcher: () => stub('watcher') }, { get: (t, p) => (p in t ? t[p] : stub('workspace.' + String(p))) }),
  window: new Proxy({ activeTextEditor: undefined, visibleTextEditors: [], onDidChangeActiveTextEditor: () => disposable, onDidChangeVisibleTextEditors: () => disposable, onDidChangeTextEditorSelection: () => disposable, onDidChangeTextEditorVisibleRanges: () => disposable }, { get: (t, p) => (p in t ? t[p] : stub('window.' + String(p))) }),
  env: new Proxy({ language: 'en', appName: 'bench', machineId: 'bench', sessionId: 'bench' }, { get: (t, p) => (p in t ? t[p] : stub('env.' + String(p))) }),
  Uri: new Proxy({ file: (p) => ({ fsPath: p, path: p, scheme: 'file', toString: () => 'file://' + p, with() { return this; } }), parse: (s) => ({ fsPath: s, path: s, scheme: 'file', toString: () => s, with() { return this; } }) }, { get: (t, p) => (p in t ? t[p] : stub('Uri.' + String(p))) }),
};
// Bundles import the module through esbuild's __toESM, which copies only own
// properties, so every namespace and class the client or extension may touch
// must exist up front (each a callable, constructible stub).
const API_NAMES = 'commands languages window workspace env extensions l10n tasks debug scm comments authentication tests notebooks chat lm ' +
  'CodeAction CodeActionKind CodeActionTriggerKind CodeLens Color ColorInformation ColorPresentation CompletionItem CompletionItemKind CompletionItemTag CompletionList CompletionTriggerKind ' +
  'ConfigurationTarget DecorationRangeBehavior Diagnostic DiagnosticRelatedInformation DiagnosticSeverity DiagnosticTag DocumentHighlight DocumentHighlightKind DocumentLink DocumentSymbol ' +
  'EndOfLine FileType FoldingRange FoldingRangeKind Hover InlayHint InlayHintKind InlayHintLabelPart InlineCompletionItem InlineCompletionList InlineValueEvaluatableExpression InlineValueText ' +
  'InlineValueVariableLookup LinkedEditingRanges Location MarkdownString NotebookCellKind OverviewRulerLane ParameterInformation Position ProgressLocation Range RelativePattern Selection ' +
  'SelectionRange SemanticTokens SemanticTokensBuilder SemanticTokensEdit SemanticTokensEdits SemanticTokensLegend SignatureHelp SignatureHelpTriggerKind SignatureInformation SnippetString ' +
  'StatusBarAlignment SymbolInformation SymbolKind SymbolTag TextDocumentSaveReason TextEdit TextEditorRevealType ThemeColor ThemeIcon TreeItem TreeItemCollapsibleState TypeHierarchyItem ' +
  'ViewColumn WorkspaceEdit CallHierarchyIncomingCall CallHierarchyItem CallHierarchyOutgoingCall CancellationTokenSource CancellationError FileSystemError TabInputText QuickPickItemKind';
for (const name of API_NAMES.split(' ')) if (!(name in base)) base[name] = stub('vscode.' + name);
const vscode = new Proxy(base, { get: (t, p) => (p in t ? t[p] : stub('vscode.' + String(p))) });
const fakePath = path.join(root, 'node_modules', 'vscode', 'index.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? fakePath : resolve.call(this, request, ...rest);
};
const m = new Module(fakePath);
m.filename = fakePath;
m.loaded = true;
m.exports = vscode;
require.cache[fakePath] = m;

const storage = path.join(require('os').tmpdir(), 'news-lens-activation-' + process.pid);
const context = new Proxy({
  subscriptions: [],
  extensionPath: root,
  extensionUri: vscode.Uri.file(root),
  asAbsolutePath: (p) => path.join(root, p),
  storagePath: storage, globalStoragePath: storage, logPath: storage,
  storageUri: vscode.Uri.file(storage), globalStorageUri: vscode.Uri.file(storage), logUri: vscode.Uri.file(storage),
  extensionMode: 1,
  workspaceState: { get: (_k, d) => d, update: async () => undefined, keys: () => [] },
  globalState: { get: (_k, d) => d, update: async () => undefined, keys: () => [], setKeysForSync() {} },
  secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined, onDidChange: () => disposable },
  environmentVariableCollection: stub('environmentVariableCollection'),
}, { get: (t, p) => (p in t ? t[p] : stub('context.' + String(p))) });

(async () => {
  let error = null;
  try {
    const ext = require(extensionPath);
    const pending = ext.activate(context);
    // Don't wait on a client that never gets its server; the clock stops at server start.
    await Promise.race([pending, new Promise((r) => setTimeout(r, 5000))]);
  } catch (e) {
    if (started === null) error = String(e && e.message || e);
  }
  const settled = performance.now() - t0;
  // activate() may start the client without awaiting it: give it a moment.
  for (let i = 0; i < 40 && started === null && error === null; i++) await new Promise((r) => setTimeout(r, 50));
  process.stdout.write(JSON.stringify({ started, settled, error }) + '\n');
  process.exit(0);
})();
`;

export interface ActivationResult {
  ms: number | null;
  reason?: string;
}

export async function measureActivation(extensionPath: string, runs = 5): Promise<ActivationResult> {
  if (!fs.existsSync(extensionPath)) return { ms: null, reason: 'dist/extension.js does not exist (extension not built)' };
  const times: number[] = [];
  let viaServerStart = true;
  for (let i = 0; i < runs; i++) {
    let out: string;
    try {
      out = execFileSync(process.execPath, ['-e', PROBE, extensionPath], { encoding: 'utf8', timeout: 30_000, cwd: os.tmpdir() });
    } catch (error: any) {
      return { ms: null, reason: `the activation probe failed: ${String(error?.stderr || error?.message).slice(0, 300)}` };
    }
    const line = out.trim().split('\n').pop() ?? '';
    const r = JSON.parse(line) as { started: number | null; settled: number; error: string | null };
    if (r.error) return { ms: null, reason: `activate() threw against the stub vscode module before starting the client: ${r.error.slice(0, 300)}` };
    if (r.started === null) viaServerStart = false;
    times.push(r.started ?? r.settled);
  }
  times.sort((a, b) => a - b);
  const ms = Math.round(times[times.length >> 1] * 10) / 10;
  return viaServerStart ? { ms } : { ms, reason: 'no server start was seen, so this is the time until activate() settled' };
}
