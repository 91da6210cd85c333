// A worker thread of the workspace index: analyses articles read by the server and
// sends back their story digests, so indexing a thousand files runs beside the
// server's event loop (hovers and tokens stay quick) and on another core.
// Bundled as dist/indexWorker.js; the server falls back to analysing in its own
// thread when the worker cannot start.
import { parentPort } from 'node:worker_threads';
import { analyzeArticle, digestArticle, errorMessage, type StoryArticleDigest } from '../analysis';

export interface IndexWorkerRequest {
  id: number;
  uri: string;
  text: string;
  referenceDate?: string;
}

export type IndexWorkerResponse = { id: number; digest: StoryArticleDigest; title: string | null } | { id: number; error: string };

parentPort?.on('message', (request: IndexWorkerRequest) => {
  try {
    const analysis = analyzeArticle(request.text, { referenceDate: request.referenceDate });
    parentPort!.postMessage({ id: request.id, digest: digestArticle(request.uri, request.text, analysis), title: analysis.metadata.title } satisfies IndexWorkerResponse);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: errorMessage(error) } satisfies IndexWorkerResponse);
  }
});
