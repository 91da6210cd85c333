// The user's annotations over LSP: code actions (mark, reject, remove, merge,
// rename, "always treat … as …", fix a stale span), the commands they run,
// export/import requests, .ann and lexicon diagnostics, and saving with the
// document. registerAnnotationFeatures wires it into the server; the server
// passes analysisInputs() to analyzeArticle and merges articleDiagnostics().
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  DiagnosticSeverity,
  type ExecuteCommandParams,
  type FileEvent,
  type PublishDiagnosticsParams,
  type RequestType,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type Actor,
  type AnnotationIssue,
  type ArticleAnalysis,
  errorDetail,
  errorMessage,
  exportAnnotations,
  LEXICON_FILE_NAME,
  type LexiconEntry,
  spanAt,
  type UserAnnotation,
  userLabelName,
} from '../../analysis';
import {
  type AddToLexiconArgs,
  ANNOTATION_COMMAND_IDS,
  ANNOTATION_EXPORT_FORMATS,
  USER_LABELS,
  type AnnotationCommandResult,
  AnnotationCommands,
  type UserLabel,
  ExportAnnotationsRequest,
  ImportAnnotationsRequest,
  type ExportAnnotationsParams,
  type ImportAnnotationsParams,
  type MarkArgs,
  type MergeActorArgs,
  RENAME_ACTOR_PROMPT_COMMAND,
  type RelocateAnnotationArgs,
  type RemoveAnnotationArgs,
  type RenameActorArgs,
} from '../../protocol/annotations';
import { uriToPath } from '../articleDetection';
import { createGuard, type Guarded } from '../guard';
import { rangeToSpan, spanToRange } from '../positions';
import { AnnotationStore, type CommandOutcome } from './annotationStore';

export const ANNOTATION_DIAGNOSTIC_SOURCE = 'News Lens annotations';

/** Code action kinds offered: marking is a rewrite of the annotation, fixing a stale span a quick fix. */
export const MARK_ACTION_KIND = `${CodeActionKind.RefactorRewrite}.newsLens`;

/** The parts of an LSP connection this uses (any connection, with or without proposed features). */
export interface AnnotationConnection {
  onCodeAction(handler: Guarded<CodeActionParams, CodeAction[]>): unknown;
  onExecuteCommand(handler: Guarded<ExecuteCommandParams, AnnotationCommandResult>): unknown;
  onRequest<P, R>(type: RequestType<P, R, void>, handler: Guarded<P, R>): unknown;
  sendDiagnostics(params: PublishDiagnosticsParams): Promise<void>;
  window: { showWarningMessage(message: string): unknown };
}

export interface AnnotationHost {
  connection: AnnotationConnection;
  documents: TextDocuments<TextDocument>;
  /** The analysis of the document's current version, or null when it is not an article. */
  getAnalysis(uri: string): ArticleAnalysis | null | undefined;
  getWorkspaceFolders(): readonly string[];
  /** Re-analyse and re-publish a document whose annotations or lexicon changed. */
  refresh(uri: string): void;
  /** True when the client runs client-side commands that prompt (the VS Code extension). */
  clientRunsPrompts?(): boolean;
  /** False in an untrusted workspace: nothing is written to disk. */
  isTrusted?(): boolean;
  log(message: string): void;
}

export interface AnnotationFeatures {
  /** Merge into the server's InitializeResult capabilities. */
  readonly capabilities: {
    codeActionProvider: { codeActionKinds: string[]; resolveProvider: false };
    executeCommandProvider: { commands: string[] };
  };
  /** Glob patterns the server should watch besides articles; send their changes to onWatchedFilesChanged. */
  readonly watchGlobs: string[];
  /** Options for analyzeArticle: the user's annotations and the workspace lexicon. */
  analysisInputs(uri: string, text: string): { userAnnotations: UserAnnotation[]; lexicon: LexiconEntry[] };
  /** Diagnostics to show in the article (stale spans, a malformed .ann). */
  articleDiagnostics(uri: string): Diagnostic[];
  onWatchedFilesChanged(changes: readonly FileEvent[]): void;
  readonly store: AnnotationStore;
}

export function registerAnnotationFeatures(host: AnnotationHost): AnnotationFeatures {
  const { connection, documents } = host;
  const guard = createGuard(host.log);
  const commandFailed = (error: unknown): CommandOutcome => ({ ok: false, message: errorMessage(error) });
  const publishedFiles = new Set<string>();

  const store = new AnnotationStore({
    getWorkspaceFolders: host.getWorkspaceFolders,
    onChanged: (uri) => {
      publishFileDiagnostics();
      host.refresh(uri);
    },
    isTrusted: host.isTrusted,
    log: host.log,
  });

  const untracked = new Set<string>();
  const track = (document: TextDocument) => {
    const textPath = uriToPath(document.uri);
    if (!textPath || /\.ann$/i.test(textPath) || path.basename(textPath) === LEXICON_FILE_NAME || untracked.has(document.uri)) return;
    if (!store.isOpen(document.uri)) {
      store.open(document.uri, textPath, document.getText());
      if (!store.isOpen(document.uri)) untracked.add(document.uri); // its .ann belongs to another open file
      publishFileDiagnostics();
    }
  };

  documents.onDidOpen((e) => contain('open', () => track(e.document)));
  documents.onDidChangeContent((e) =>
    contain('sync', () => {
      if (store.isOpen(e.document.uri)) store.sync(e.document.uri, e.document.getText());
      else track(e.document);
    }),
  );
  documents.onDidSave((e) =>
    contain('save', () => {
      const outcome = store.saved(e.document.uri, e.document.getText());
      if (!outcome.ok && outcome.message !== 'not an open article') void connection.window.showWarningMessage(`News Lens: ${outcome.message}`);
      publishFileDiagnostics();
    }),
  );
  documents.onDidClose((e) =>
    contain('close', () => {
      untracked.delete(e.document.uri);
      store.close(e.document.uri);
      publishFileDiagnostics();
    }),
  );

  function contain(what: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      host.log(`News Lens annotations: ${what} failed: ${errorDetail(error)}`);
    }
  }

  /** Line-numbered diagnostics on the .ann files and lexicons themselves. */
  function publishFileDiagnostics(): void {
    const byFile = new Map<string, Diagnostic[]>();
    for (const document of documents.all()) {
      const ann = store.annErrors(document.uri);
      if (ann) {
        const list: Diagnostic[] = [];
        for (const e of ann.errors) list.push(lineDiagnostic(e.line, e.message, DiagnosticSeverity.Error, 'ann-malformed'));
        for (const i of ann.infos)
          list.push(lineDiagnostic(i.line, i.message, i.severity === 'info' ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning, i.code));
        byFile.set(pathToFileURL(ann.annPath).href, list);
      }
      const lexicon = store.lexiconFor(uriToPath(document.uri) ?? undefined);
      if (lexicon)
        byFile.set(
          pathToFileURL(lexicon.file).href,
          lexicon.errors.map((e) => lineDiagnostic(e.line, e.message, DiagnosticSeverity.Warning, 'lexicon-line')),
        );
    }
    for (const uri of publishedFiles) if (!byFile.has(uri)) byFile.set(uri, []);
    publishedFiles.clear();
    for (const [uri, diagnostics] of byFile) {
      if (diagnostics.length) publishedFiles.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
    }
  }

  function articleDiagnostics(uri: string): Diagnostic[] {
    const document = documents.get(uri);
    if (!document) return [];
    return store
      .issues(uri)
      .filter((i) => i.span)
      .map((i) => ({
        range: spanToRange(document, i.span!),
        severity: i.severity === 'error' ? DiagnosticSeverity.Error : i.severity === 'info' ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning,
        source: ANNOTATION_DIAGNOSTIC_SOURCE,
        code: i.code,
        message: i.message,
        data: { id: i.id, relocation: i.relocation ?? null },
      }));
  }

  // ---------------------------------------------------------------------------
  // Code actions

  connection.onCodeAction(guard('annotation code actions', [], (params: CodeActionParams) => codeActions(params)));

  function codeActions(params: CodeActionParams): CodeAction[] {
    const uri = params.textDocument?.uri;
    const document = uri ? documents.get(uri) : undefined;
    if (!document || !store.isOpen(uri)) return [];
    const actions: CodeAction[] = [];
    for (const d of params.context?.diagnostics ?? []) {
      if (d.source !== ANNOTATION_DIAGNOSTIC_SOURCE || (d.code !== 'annotation-stale' && d.code !== 'annotation-out-of-range')) continue;
      const data = (d.data ?? {}) as { id?: string; relocation?: { start: number; end: number } | null };
      if (!data.id) continue;
      if (data.relocation) {
        const at = document.positionAt(data.relocation.start).line + 1;
        actions.push(
          command(
            `Move annotation ${data.id} to "${document.getText(spanToRange(document, data.relocation))}" on line ${at}`,
            CodeActionKind.QuickFix,
            AnnotationCommands.relocate,
            { uri, id: data.id, ...data.relocation } satisfies RelocateAnnotationArgs,
            [d],
            true,
          ),
        );
      }
      actions.push(
        command(
          `Remove annotation ${data.id} from the .ann file`,
          CodeActionKind.QuickFix,
          AnnotationCommands.remove,
          { uri, id: data.id } satisfies RemoveAnnotationArgs,
          [d],
        ),
      );
    }

    const analysis = host.getAnalysis(uri);
    if (!analysis) return actions;
    const text = document.getText();
    const selection = rangeToSpan(document, params.range);
    const stored = store.annotations(uri);
    let target: { start: number; end: number } | undefined;
    let entity = undefined as ArticleAnalysis['entities'][number] | undefined;
    if (selection.end > selection.start) {
      target = trim(text, selection);
      if (target) entity = analysis.entities.find((e) => e.start === target!.start && e.end === target!.end);
    } else {
      const at = selection.start;
      entity = spanAt(analysis.entities, at);
      target = entity ?? spanAt(analysis.dates, at) ?? spanAt(stored, at);
    }
    if (!target || /[\r\n\t]/.test(text.slice(target.start, target.end))) return actions;
    const phrase = text.slice(target.start, target.end);
    const quoted = `"${short(phrase)}"`;
    const mine = stored.find((s) => s.start === target!.start && s.end === target!.end);
    const currentLabel: UserLabel | undefined =
      mine?.label ?? entity?.type ?? (analysis.dates.some((d) => d.start === target!.start && d.end === target!.end) ? 'date' : undefined);

    for (const label of USER_LABELS) {
      if (label === currentLabel && (mine || label !== 'rejected')) continue;
      if (label === 'rejected' && !currentLabel) continue; // nothing to reject
      const title = label === 'rejected' ? `Not an entity: reject ${quoted}` : `Mark ${quoted} as ${userLabelName(label)}`;
      actions.push(command(title, MARK_ACTION_KIND, AnnotationCommands.mark, { uri, start: target.start, end: target.end, label } satisfies MarkArgs));
    }
    if (mine)
      actions.push(
        command(`Remove your annotation of ${quoted} (back to automatic)`, MARK_ACTION_KIND, AnnotationCommands.remove, {
          uri,
          id: mine.id,
        } satisfies RemoveAnnotationArgs),
      );

    const actor = entity ? analysis.actors.find((a) => a.id === entity!.actorId) : undefined;
    if (actor) {
      const others = analysis.actors.filter((a) => a.id !== actor.id && a.type === actor.type).slice(0, 5);
      for (const other of others)
        actions.push(
          command(`Merge "${short(actor.name)}" into "${short(other.name)}"`, MARK_ACTION_KIND, AnnotationCommands.mergeActor, {
            uri,
            actorId: actor.id,
            intoActorId: other.id,
          } satisfies MergeActorArgs),
        );
      for (const alias of actor.aliases.filter((a) => a !== actor.name).slice(0, 3)) {
        actions.push(
          command(`Rename "${short(actor.name)}" to "${short(alias)}" (canonical name)`, MARK_ACTION_KIND, AnnotationCommands.renameActor, {
            uri,
            actorId: actor.id,
            name: alias,
          } satisfies RenameActorArgs),
        );
      }
      if (host.clientRunsPrompts?.()) {
        actions.push({
          title: `Rename actor "${short(actor.name)}"…`,
          kind: MARK_ACTION_KIND,
          command: { title: 'Rename actor…', command: RENAME_ACTOR_PROMPT_COMMAND, arguments: [uri, actor.id, actor.name] },
        });
      }
    }
    const lexiconLabel = mine?.label ?? entity?.type;
    if (lexiconLabel && lexiconLabel !== 'date') {
      const canonical = actor && actor.name !== phrase ? actor.name : undefined;
      actions.push(
        command(`Always treat ${quoted} as ${userLabelName(lexiconLabel)} (workspace lexicon)`, MARK_ACTION_KIND, AnnotationCommands.addToLexicon, {
          uri,
          text: phrase,
          label: lexiconLabel,
          ...(canonical && lexiconLabel !== 'rejected' ? { canonical } : {}),
        } satisfies AddToLexiconArgs),
      );
    }
    if (lexiconLabel && lexiconLabel !== 'rejected') {
      actions.push(
        command(`Always treat ${quoted} as not an entity (workspace lexicon)`, MARK_ACTION_KIND, AnnotationCommands.addToLexicon, {
          uri,
          text: phrase,
          label: 'rejected',
        } satisfies AddToLexiconArgs),
      );
    }
    return actions;
  }

  // ---------------------------------------------------------------------------
  // Commands

  connection.onExecuteCommand(
    guard('annotation command', commandFailed, (params: ExecuteCommandParams) => {
      let outcome: CommandOutcome;
      try {
        outcome = runCommand(params);
      } catch (error) {
        // The user asked for this: the failure is theirs to read, not only the log's.
        outcome = commandFailed(error);
      }
      if (!outcome.ok) void connection.window.showWarningMessage(`News Lens: ${outcome.message}`);
      publishFileDiagnostics();
      return outcome satisfies AnnotationCommandResult;
    }),
  );

  function runCommand(params: ExecuteCommandParams): CommandOutcome {
    const arg = (params.arguments?.[0] ?? {}) as Record<string, unknown>;
    const uri = typeof arg.uri === 'string' ? arg.uri : '';
    const document = documents.get(uri);
    if (!document) return { ok: false, message: 'Open the article first' };
    const text = document.getText();
    store.sync(uri, text);
    const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? Math.max(0, Math.min(v, text.length)) : null);
    switch (params.command) {
      case AnnotationCommands.mark: {
        const { label } = arg as unknown as MarkArgs;
        let start = int(arg.start);
        let end = int(arg.end);
        if (start === null || end === null || !USER_LABELS.includes(label)) return { ok: false, message: 'mark needs {uri, start, end, label}' };
        const analysis = host.getAnalysis(uri);
        if (start === end) {
          // A cursor, not a selection (keyboard shortcut): the entity, date or annotation under it.
          const found = spanAt(analysis?.entities ?? [], start) ?? spanAt(analysis?.dates ?? [], start) ?? spanAt(store.annotations(uri), start);
          if (!found) return { ok: false, message: 'Select the text to annotate, or put the cursor on an entity' };
          ({ start, end } = found);
        }
        const auto = label === 'date' ? (analysis?.dates.find((d) => d.start === start && d.end === end)?.value ?? null) : null;
        return store.mark(uri, start, end, label, analysis?.metadata.date ?? null, auto);
      }
      case AnnotationCommands.remove:
        return typeof arg.id === 'string' ? store.remove(uri, arg.id) : { ok: false, message: 'remove needs {uri, id}' };
      case AnnotationCommands.relocate: {
        const start = int(arg.start);
        const end = int(arg.end);
        if (typeof arg.id !== 'string' || start === null || end === null) return { ok: false, message: 'relocate needs {uri, id, start, end}' };
        return store.relocate(uri, arg.id, start, end);
      }
      case AnnotationCommands.mergeActor:
      case AnnotationCommands.renameActor: {
        const analysis = host.getAnalysis(uri);
        if (!analysis) return { ok: false, message: 'This document is not analysed as an article' };
        const actor = analysis.actors.find((a) => a.id === arg.actorId);
        if (!actor) return { ok: false, message: `No actor ${String(arg.actorId)} in this article (it may have changed); try again` };
        let into: Actor | undefined;
        if (params.command === AnnotationCommands.mergeActor) {
          into = analysis.actors.find((a) => a.id === arg.intoActorId);
          if (!into) return { ok: false, message: `No actor ${String(arg.intoActorId)} in this article` };
        }
        const name = into ? into.name : typeof arg.name === 'string' ? arg.name : '';
        const mentions = analysis.entities.filter((e) => e.actorId === actor.id && e.type === actor.type);
        const outcome = store.setCanonical(uri, mentions, into ? into.type : actor.type, name);
        return outcome.ok && into ? { ...outcome, message: `"${actor.name}" merged into "${into.name}"` } : outcome;
      }
      case AnnotationCommands.addToLexicon: {
        const { text: phrase, label, canonical } = arg as unknown as AddToLexiconArgs;
        if (typeof phrase !== 'string' || !phrase.trim() || !USER_LABELS.includes(label) || (label as string) === 'date')
          return { ok: false, message: 'addToLexicon needs {uri, text, label}' };
        const entry: LexiconEntry = { text: phrase.trim(), label: label as LexiconEntry['label'] };
        if (typeof canonical === 'string' && canonical.trim()) entry.canonical = canonical.trim();
        return store.addToLexicon(uri, entry);
      }
      default:
        return { ok: false, message: `Unknown command ${params.command}` };
    }
  }

  connection.onRequest(
    ExportAnnotationsRequest,
    guard('annotation export', null, (params: ExportAnnotationsParams) => {
      const document = params?.uri ? documents.get(params.uri) : undefined;
      const analysis = document ? host.getAnalysis(document.uri) : null;
      if (!document || !analysis || !ANNOTATION_EXPORT_FORMATS.includes(params.format)) return null;
      const text = document.getText();
      const base = path.basename(uriToPath(document.uri) ?? 'article.txt').replace(/\.[^.]*$/, '');
      const content = exportAnnotations(params.format, text, analysis, { userAnnotations: store.annotations(document.uri) });
      return { content, fileName: `${base}.${params.format === 'brat' ? 'ann' : params.format}` };
    }),
  );

  connection.onRequest(
    ImportAnnotationsRequest,
    guard('annotation import', commandFailed, (params: ImportAnnotationsParams) => {
      if (!params?.uri || typeof params.content !== 'string') return { ok: false, message: 'import needs {uri, content}' };
      const outcome = store.importAnn(params.uri, params.content);
      publishFileDiagnostics();
      return outcome;
    }),
  );

  return {
    capabilities: {
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, MARK_ACTION_KIND], resolveProvider: false },
      executeCommandProvider: { commands: [...ANNOTATION_COMMAND_IDS] },
    },
    watchGlobs: ['**/*.ann', `**/${LEXICON_FILE_NAME}`],
    analysisInputs: (uri, text) => {
      try {
        return store.analysisInputs(uri, text, uriToPath(uri) ?? undefined);
      } catch (error) {
        host.log(`News Lens annotations: reading annotations failed: ${errorMessage(error)}`);
        return { userAnnotations: [], lexicon: [] };
      }
    },
    articleDiagnostics,
    onWatchedFilesChanged: (changes) =>
      contain('watch', () => {
        for (const change of changes) {
          const file = uriToPath(change.uri);
          if (file && (/\.ann$/i.test(file) || path.basename(file) === LEXICON_FILE_NAME)) store.fileChanged(file);
        }
        publishFileDiagnostics();
      }),
    store,
  };
}

function command(title: string, kind: string, id: string, arg: object, diagnostics?: Diagnostic[], isPreferred?: boolean): CodeAction {
  const action: CodeAction = { title, kind, command: { title, command: id, arguments: [arg] } };
  if (diagnostics) action.diagnostics = diagnostics;
  if (isPreferred) action.isPreferred = true;
  return action;
}

function lineDiagnostic(line: number, message: string, severity: DiagnosticSeverity, code: string): Diagnostic {
  const l = Math.max(0, line - 1);
  return { range: { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }, severity, source: ANNOTATION_DIAGNOSTIC_SOURCE, code, message };
}

function trim(text: string, span: { start: number; end: number }) {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? { start, end } : undefined;
}

function short(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

export type { AnnotationIssue };
