// A minimal LSP client over stdio for the benchmark and the fuzz tests.
// Hand-framed on purpose: the fuzz tests must be able to write raw garbage
// (broken headers, invalid JSON) that a real client library would refuse to send.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { serverEnvironment, serverNodeArguments } from '../../src/protocol/serverLaunch';

export interface LspMessage {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: any;
  result?: any;
  error?: { code: number; message: string; data?: unknown };
}

type Pending = { resolve: (m: LspMessage) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };

export class LspTestClient {
  readonly process: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners: Array<(m: LspMessage) => void> = [];
  /** Everything the server printed on stderr, for failure messages. */
  stderr = '';
  exited: { code: number | null; signal: string | null } | null = null;

  /** Starts `serverPath` with the node flags and environment every client starts it with. */
  constructor(serverPath: string, args: string[] = ['--stdio']) {
    this.process = spawn(process.execPath, serverNodeArguments(serverPath, args), { stdio: ['pipe', 'pipe', 'pipe'], env: serverEnvironment(process.env) });
    this.process.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.process.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 100_000) this.stderr += chunk.toString('utf8');
    });
    this.process.stdin.on('error', () => undefined); // the server may die mid-write; the test reports it
    this.process.on('exit', (code, signal) => {
      this.exited = { code, signal };
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(new Error(`server exited (code ${code}, signal ${signal}) before answering; stderr: ${this.stderr.slice(-2000)}`));
      }
      this.pending.clear();
    });
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) {
        this.buffer = this.buffer.subarray(headerEnd + 4);
        continue;
      }
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      let message: LspMessage;
      try {
        message = JSON.parse(body);
      } catch {
        continue;
      }
      this.dispatch(message);
    }
  }

  private dispatch(message: LspMessage): void {
    if (message.id !== undefined && message.id !== null && message.method === undefined) {
      const p = this.pending.get(Number(message.id));
      if (p) {
        this.pending.delete(Number(message.id));
        clearTimeout(p.timer);
        p.resolve(message);
      }
      return;
    }
    if (message.method !== undefined && message.id !== undefined) {
      // A server→client request (workDoneProgress/create, configuration, registerCapability…): answer it.
      const result = message.method === 'workspace/configuration' ? (message.params?.items ?? []).map(() => null) : null;
      this.send({ jsonrpc: '2.0', id: message.id, result });
    }
    for (const l of [...this.listeners]) l(message);
  }

  /** Writes raw bytes to the server's stdin, framing and all. */
  writeRaw(data: string | Buffer): void {
    this.process.stdin.write(data);
  }

  send(message: LspMessage): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Sends a request; resolves with the full response message (result or error). */
  request(method: string, params: unknown, timeoutMs = 15_000): Promise<LspMessage> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.exited) {
        reject(new Error(`server already exited; stderr: ${this.stderr.slice(-2000)}`));
        return;
      }
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no answer to ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  /** The id the next request will get, so a test can cancel it with $/cancelRequest. */
  peekNextId(): number {
    return this.nextId;
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  onMessage(listener: (m: LspMessage) => void): () => void {
    this.listeners.push(listener);
    return () => {
      const i = this.listeners.indexOf(listener);
      if (i >= 0) this.listeners.splice(i, 1);
    };
  }

  /** Resolves with the first notification matching `predicate`, or null after `timeoutMs`. */
  waitForNotification(predicate: (m: LspMessage) => boolean, timeoutMs: number): Promise<LspMessage | null> {
    return new Promise((resolve) => {
      const off = this.onMessage((m) => {
        if (m.id === undefined && predicate(m)) {
          off();
          clearTimeout(timer);
          resolve(m);
        }
      });
      const timer = setTimeout(() => {
        off();
        resolve(null);
      }, timeoutMs);
    });
  }

  async initialize(rootUri: string | null = null): Promise<any> {
    const response = await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'bench' }] : null,
      capabilities: {
        window: { workDoneProgress: true },
        textDocument: {
          hover: { contentFormat: ['markdown', 'plaintext'] },
          semanticTokens: { requests: { range: true, full: { delta: true } }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] },
          publishDiagnostics: {},
        },
        workspace: { configuration: true, workspaceFolders: true, symbol: {} },
      },
    });
    this.notify('initialized', {});
    return response.result;
  }

  /** Polite shutdown, then a kill if the server does not leave on its own. */
  async close(): Promise<void> {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, 3000);
      this.notify('exit', null);
    } catch {
      // already broken; kill below
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => {
        this.process.kill('SIGKILL');
        resolve();
      }, 2000);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** LSP position (UTF-16 line/character) of an offset. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** Resident set size of a process in MB (Linux /proc), or null elsewhere. */
export function rssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- read only when measuring, Linux only
    const status = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8') as string;
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return m ? Math.round((Number(m[1]) / 1024) * 10) / 10 : null;
  } catch {
    return null;
  }
}
