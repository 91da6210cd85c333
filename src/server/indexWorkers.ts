// Worker threads for the workspace scan (indexWorker.ts): started for a scan, ended
// after it, so an idle server holds one copy of the analysis. Null when no worker can
// start (the bundle is missing, worker_threads unavailable): the index then analyses
// in the server's own thread, a file at a time, as before.
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StoryArticleDigest } from '../analysis';
import { INDEX_WORKER_DATA, type IndexWorkerRequest, type IndexWorkerResponse } from './indexWorker';
import { INDEX_WORKERS_DEFAULT_MAX, INDEX_WORKERS_MAX } from './limits';

interface Pending {
  resolve(result: { digest: StoryArticleDigest; title: string | null }): void;
  reject(error: Error): void;
}

/**
 * Workers for a scan: NEWS_LENS_INDEX_WORKERS when set (0: none), else one less than the
 * cores, at most INDEX_WORKERS_DEFAULT_MAX (limits.ts), and none on a machine of two cores or fewer: there one worker only moved
 * the same work to another thread (measured: no faster, under load slower), while the
 * server thread, analysing a file at a time with a yield between, answers requests anyway.
 */
export function scanWorkerCount(): number {
  const set = process.env.NEWS_LENS_INDEX_WORKERS;
  if (set !== undefined && /^\d+$/.test(set.trim())) return Math.min(INDEX_WORKERS_MAX, Number(set.trim()));
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return cores <= 2 ? 0 : Math.min(INDEX_WORKERS_DEFAULT_MAX, cores - 1);
}

export class IndexWorkerPool {
  private readonly pending = new Map<number, Pending & { worker: Worker }>();
  private nextId = 1;
  private next = 0;
  private broken = false;

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      // The worker's stdout is piped here, never to the server's (the LSP channel); nothing should come, and nothing may pile up.
      worker.stdout?.resume();
      worker.stderr?.resume();
      worker.on('message', (response: IndexWorkerResponse) => {
        const p = this.pending.get(response.id);
        if (!p) return;
        this.pending.delete(response.id);
        if ('error' in response) p.reject(new Error(response.error));
        else p.resolve({ digest: response.digest, title: response.title });
      });
      const fail = (error: unknown) => {
        this.broken = true;
        for (const [id, p] of this.pending) {
          if (p.worker !== worker) continue;
          this.pending.delete(id);
          p.reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`index worker exited (${code})`)));
    }
  }

  /** The server's own entry beside this file (dist/server.js, or the compiled one in tests) as a worker; null when it cannot start. */
  static start(count: number, log: (message: string) => void): IndexWorkerPool | null {
    if (count < 1) return null;
    const file = path.join(__dirname, 'server.js');
    if (!existsSync(file)) return null;
    const workers: Worker[] = [];
    try {
      for (let i = 0; i < count; i++) workers.push(new Worker(file, { workerData: INDEX_WORKER_DATA, stdout: true, stderr: true }));
    } catch (error) {
      for (const w of workers) void w.terminate();
      log(`News Lens: index workers could not start (${error instanceof Error ? error.message : error}); indexing in the server thread`);
      return null;
    }
    return new IndexWorkerPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** False after a worker failed: the caller analyses the rest itself. */
  get usable(): boolean {
    return !this.broken;
  }

  analyse(uri: string, text: string, referenceDate: string | undefined): Promise<{ digest: StoryArticleDigest; title: string | null }> {
    const worker = this.workers[this.next++ % this.workers.length];
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker });
      try {
        worker.postMessage({ id, uri, text, referenceDate } satisfies IndexWorkerRequest);
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  dispose(): void {
    this.broken = true;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new Error('the scan ended'));
    }
    for (const worker of this.workers) {
      worker.removeAllListeners('exit');
      void worker.terminate();
    }
  }
}
