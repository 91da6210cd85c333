// Keeps the latest analysis of every open document. Edits are debounced; a
// request for a newer version than the stored one analyses on demand; results
// for superseded versions are dropped. Each document keeps its own paragraph
// cache, so an edit re-analyses only the paragraphs it touched.
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeArticle, isValidIsoDate, LruParagraphCache } from '../analysis';
import { checkText, type NewsLensServerSettings } from '../protocol';
import { isArticle } from './articleDetection';
import { AnalysisLookup, type DocumentAnalysis, EMPTY_LOOKUP } from './documentAnalysis';

export interface AnalysisStoreOptions {
  getDocument(uri: string): TextDocument | undefined;
  getSettings(): NewsLensServerSettings;
  getWorkspaceFolders(): readonly string[];
  /** Called after a version is analysed by the debounced pipeline (not on on-demand requests). */
  onAnalysed(result: DocumentAnalysis): void;
  log(message: string): void;
  debounceMs?: number;
}

interface Entry {
  cache: LruParagraphCache;
  result?: DocumentAnalysis;
  timer?: NodeJS.Timeout;
  /** Settings generation the result was computed with. */
  generation: number;
}

export class AnalysisStore {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(private readonly options: AnalysisStoreOptions) {}

  /** The analysis of the document's current version, computed now if needed. Undefined if the document is not open. */
  get(uri: string, token?: CancellationToken): DocumentAnalysis | undefined {
    const document = this.options.getDocument(uri);
    if (!document) return undefined;
    const entry = this.entry(uri);
    if (entry.result && entry.result.version === document.version && entry.generation === this.generation) return entry.result;
    if (token?.isCancellationRequested) return undefined;
    return this.analyse(document, entry);
  }

  /** The last result without triggering analysis (may be stale). */
  peek(uri: string): DocumentAnalysis | undefined {
    return this.entries.get(uri)?.result;
  }

  /** Analyse soon (after the debounce), then report through onAnalysed. */
  schedule(uri: string, delayMs = this.options.debounceMs ?? 200): void {
    const entry = this.entry(uri);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      const document = this.options.getDocument(uri);
      if (!document) return;
      const result = this.get(uri);
      if (result) this.options.onAnalysed(result);
    }, delayMs);
  }

  /** Settings changed: every result is stale. */
  invalidateAll(): void {
    this.generation++;
  }

  close(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry?.timer) clearTimeout(entry.timer);
    this.entries.delete(uri);
  }

  openUris(): string[] {
    return [...this.entries.keys()];
  }

  dispose(): void {
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
  }

  private entry(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) this.entries.set(uri, (entry = { cache: new LruParagraphCache(2000), generation: -1 }));
    return entry;
  }

  private analyse(document: TextDocument, entry: Entry): DocumentAnalysis {
    const settings = this.options.getSettings();
    const text = document.getText();
    const base = { uri: document.uri, version: document.version, document };
    let result: DocumentAnalysis;
    try {
      const article = isArticle({ uri: document.uri, languageId: document.languageId, text }, settings.articleGlobs, this.options.getWorkspaceFolders());
      const refusal = article ? checkText(text) : null;
      if (!article || refusal) {
        result = { ...base, isArticle: article, refusal, analysis: null, lookup: EMPTY_LOOKUP };
      } else {
        const referenceDate = settings.articleDate && isValidIsoDate(settings.articleDate) ? settings.articleDate : undefined;
        const analysis = analyzeArticle(text, { referenceDate, cache: entry.cache });
        if (settings.articleDate && !referenceDate) {
          analysis.problems.push({
            start: 0,
            end: 0,
            severity: 'warning',
            code: 'invalid-article-date-setting',
            message: `The setting newsLens.articleDate "${settings.articleDate}" is not a valid YYYY-MM-DD date; it was ignored.`,
          });
        }
        result = { ...base, isArticle: true, refusal: null, analysis, lookup: new AnalysisLookup(analysis) };
      }
    } catch (error) {
      // analyzeArticle never throws by contract; this guards the glue around it.
      this.options.log(`analysis of ${document.uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
      result = { ...base, isArticle: false, refusal: null, analysis: null, lookup: EMPTY_LOOKUP };
    }
    entry.result = result;
    entry.generation = this.generation;
    return result;
  }
}
