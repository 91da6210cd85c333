// A worker thread of the workspace index: analyses articles read by the server and
// sends back their story digests, so indexing a thousand files runs beside the
// server's event loop (hovers and tokens stay quick) and on another core.
// The worker runs the server's own bundle (dist/server.js started as a worker calls
// runIndexWorker), so the package ships the analysis once; the server falls back to
// analysing in its own thread when no worker can start.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeArticle, digestArticle, errorMessage, type StoryArticleDigest } from '../analysis';

export interface IndexWorkerRequest {
  id: number;
  uri: string;
  text: string;
  referenceDate?: string;
}

export type IndexWorkerResponse = { id: number; digest: StoryArticleDigest; title: string | null } | { id: number; error: string };

/** What the pool passes as workerData, so the bundle knows it was started as an index worker. */
export const INDEX_WORKER_DATA = { newsLensIndexWorker: true } as const;

export function isIndexWorker(): boolean {
  return !!parentPort && (workerData as typeof INDEX_WORKER_DATA | undefined)?.newsLensIndexWorker === true;
}

export function runIndexWorker(): void {
  parentPort?.on('message', (request: IndexWorkerRequest) => {
    try {
      const analysis = analyzeArticle(request.text, { referenceDate: request.referenceDate });
      parentPort!.postMessage({
        id: request.id,
        digest: digestArticle(request.uri, request.text, analysis),
        title: analysis.metadata.title,
      } satisfies IndexWorkerResponse);
    } catch (error) {
      parentPort!.postMessage({ id: request.id, error: errorMessage(error) } satisfies IndexWorkerResponse);
    }
  });
}
