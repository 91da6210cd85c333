// A minimal LSP client for protocol tests: spawns the BUILT server
// (dist/server.js --stdio) and speaks JSON-RPC to it over stdio.
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { AnalysisChangedNotification, type AnalysisChangedParams, serverEnvironment, serverNodeArguments } from '../../src/protocol';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');

export interface ClientOptions {
  initializationOptions?: unknown;
  workspaceFolder?: string;
  /** Answer workspace/configuration with these `newsLens` settings. */
  settings?: Record<string, unknown>;
  clientName?: string;
}

export class TestClient {
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  readonly analysisChanges: AnalysisChangedParams[] = [];
  stderr = '';
  /** window/logMessage messages; handler failures are logged there. */
  readonly logs: string[] = [];
  exitCode: number | null = null;
  private readonly waiters: Array<() => void> = [];
  private versions = new Map<string, number>();

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    public settings: Record<string, unknown>,
  ) {}

  static async start(options: ClientOptions = {}): Promise<{ client: TestClient; init: InitializeResult }> {
    const child = spawn(process.execPath, serverNodeArguments(SERVER_JS, ['--stdio']), {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: serverEnvironment(process.env),
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(child, connection, options.settings ?? {});
    child.stderr!.on('data', (chunk) => (client.stderr += String(chunk)));
    child.on('exit', (code) => {
      client.exitCode = code ?? -1;
      client.notify();
      // Pending requests fail instead of hanging until the test times out.
      setImmediate(() => connection.dispose());
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      client.diagnostics.set(params.uri, params);
      client.notify();
    });
    connection.onNotification(AnalysisChangedNotification, (params) => {
      client.analysisChanges.push(params);
      client.notify();
    });
    connection.onRequest('workspace/configuration', (params: { items: Array<{ section?: string }> }) =>
      params.items.map((item) => (item.section === 'newsLens' ? client.settings : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/semanticTokens/refresh', () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.onNotification('window/logMessage', (params: { message: string }) => client.logs.push(params.message));
    connection.listen();
    const folder = options.workspaceFolder;
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).toString() : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).toString(), name: path.basename(folder) }] : null,
      clientInfo: { name: options.clientName ?? 'news-lens-test' },
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceFolders: true,
          semanticTokens: { refreshSupport: true },
        },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          semanticTokens: {
            requests: { full: true, range: true },
            tokenTypes: [],
            tokenModifiers: [],
            formats: ['relative'],
          },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, init };
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves when `predicate` holds, re-checking after every server notification. */
  async waitFor<T>(predicate: () => T | undefined | null | false, what: string, maxEvents = 200): Promise<T> {
    for (let i = 0; i < maxEvents; i++) {
      const value = predicate();
      if (value) return value;
      if (this.exitCode !== null) throw new Error(`server exited (${this.exitCode}) while waiting for ${what}\n${this.stderr}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    throw new Error(`gave up waiting for ${what}`);
  }

  async open(uri: string, text: string, languageId = 'news-article'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async replace(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Diagnostics for `uri` once the server published them for its current version. */
  async diagnosticsFor(uri: string) {
    const version = this.versions.get(uri);
    return this.waitFor(() => {
      const d = this.diagnostics.get(uri);
      return d && (d.version === undefined || d.version === version) ? d.diagnostics : undefined;
    }, `diagnostics for ${uri}`);
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** Shuts the server down politely, then by force; always returns within a few seconds. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.exitCode !== null) resolve();
      else this.process.once('exit', () => resolve());
    });
    const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
    if (this.exitCode === null) {
      void (async () => {
        try {
          await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(3000)]);
          void this.connection.sendNotification(ExitNotification.type).catch(() => undefined);
        } catch {
          // Already gone; the kill below makes sure.
        }
      })();
      await Promise.race([exited, delay(5000)]);
    }
    if (this.exitCode === null) {
      this.process.kill('SIGKILL');
      await Promise.race([exited, delay(2000)]);
    }
    this.connection.dispose();
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}
