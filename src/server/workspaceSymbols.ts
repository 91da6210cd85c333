// Workspace symbols: actors across the workspace's articles. Open documents
// answer from their live analysis; the rest from the background index.
import * as path from 'node:path';
import type { SymbolInformation } from 'vscode-languageserver';
import type { NewsLensServerSettings } from '../protocol';
import type { DocumentAnalysis } from './documentAnalysis';
import { uriToPath } from './articleDetection';
import { SYMBOL_KINDS } from './documentSymbols';
import { spanToRange } from './positions';
import { MAX_WORKSPACE_SYMBOLS } from './limits';
import { shownKinds } from './shownKinds';
import type { IndexedActor, WorkspaceIndex } from './workspaceIndex';

const MAX_RESULTS = MAX_WORKSPACE_SYMBOLS;

/** Subsequence match, like the editor's own quick-open filter, over the name and aliases. */
export function matchesQuery(query: string, candidates: readonly string[]): boolean {
  const q = query.toLowerCase().replace(/\s+/g, '');
  if (!q) return true;
  return candidates.some((c) => {
    const s = c.toLowerCase();
    let i = 0;
    for (const ch of s) if (ch === q[i]) i++;
    return i === q.length;
  });
}

export function provideWorkspaceSymbols(
  query: string,
  openDocs: readonly DocumentAnalysis[],
  index: WorkspaceIndex,
  settings: NewsLensServerSettings,
): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const shown = shownKinds(settings);
  const openPaths = new Set<string>();
  const push = (actor: Pick<IndexedActor, 'name' | 'aliases' | 'type'>, uri: string, range: IndexedActor['range'], container: string) => {
    if (out.length >= MAX_RESULTS || !shown.shows(actor.type) || !matchesQuery(query, [actor.name, ...actor.aliases])) return;
    out.push({ name: actor.name, kind: SYMBOL_KINDS[actor.type], location: { uri, range }, containerName: container });
  };
  for (const doc of openDocs) {
    const fsPath = uriToPath(doc.uri);
    if (fsPath) openPaths.add(fsPath);
    if (!doc.analysis) continue;
    const container = doc.analysis.metadata.title ?? (fsPath ? path.basename(fsPath) : doc.uri);
    for (const a of doc.analysis.actors) if (a.mentions.length) push(a, doc.uri, spanToRange(doc.document, a.mentions[0]), container);
  }
  for (const article of index.all()) {
    if (openPaths.has(article.fsPath)) continue;
    const container = article.title ?? path.basename(article.fsPath);
    for (const a of article.actors) push(a, article.uri, a.range, container);
  }
  return out;
}
