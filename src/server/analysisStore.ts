// Keeps the latest analysis of every open document. Edits are debounced; a
// request for a newer version than the stored one analyses on demand; results
// for superseded versions are dropped. Each document keeps its own paragraph
// cache, so an edit re-analyses only the paragraphs it touched.
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  AnalysisLookup,
  type AnalysisOptions,
  analyzeArticle,
  type ArticleAnalysis,
  EMPTY_LOOKUP,
  errorDetail,
  isValidIsoDate,
  LruParagraphCache,
} from '../analysis';
import { checkText } from '../node';
import type { NewsLensServerSettings } from '../protocol';
import { isArticle } from './articleDetection';
import type { DocumentAnalysis } from './documentAnalysis';
import { ANALYSIS_DEBOUNCE_MS, BACKGROUND_THRESHOLD_CHARS, DOCUMENT_PARAGRAPH_CACHE_ENTRIES, WINDOW_BUDGET_MS } from './limits';
import { analyseWindow, warmParagraphCache } from './scheduler';

export interface AnalysisStoreOptions {
  getDocument(uri: string): TextDocument | undefined;
  getSettings(): NewsLensServerSettings;
  getWorkspaceFolders(): readonly string[];
  /** Called after a version is analysed by the debounced pipeline (not on on-demand requests). */
  onAnalysed(result: DocumentAnalysis): void;
  log(message: string): void;
  debounceMs?: number;
  /** The user's annotations and the workspace lexicon for a document (src/server/annotations). */
  getAnalysisInputs?(uri: string, text: string): Pick<AnalysisOptions, 'userAnnotations' | 'lexicon'>;
  /** A long document's full analysis has replaced the visible-range results served while it ran. */
  onPartialReplaced?(uri: string): void;
}

interface Entry {
  cache: LruParagraphCache;
  result?: DocumentAnalysis;
  timer?: NodeJS.Timeout;
  /** Settings generation the result was computed with. */
  generation: number;
  /** The background analysis of a long document, if one is running. */
  running?: { version: number; generation: number; done: Promise<boolean> };
  /** Visible-range results were served for the current version; tell the client when the full one lands. */
  partialServed?: boolean;
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

  /**
   * Like get(), but a long document is analysed in the background with the event
   * loop free between slices (see scheduler.ts). Undefined when cancelled or closed.
   */
  async getAsync(uri: string, token?: CancellationToken): Promise<DocumentAnalysis | undefined> {
    for (;;) {
      const document = this.options.getDocument(uri);
      if (!document || token?.isCancellationRequested) return undefined;
      const entry = this.entry(uri);
      if (this.isCurrent(entry, document) || document.getText().length < BACKGROUND_THRESHOLD_CHARS) return this.get(uri, token);
      // A stale run (the text changed meanwhile) resolves false: go round for the new version.
      if (await this.warm(uri, document, entry)) return this.get(uri, token);
    }
  }

  /**
   * The analysis to answer a request about `span` (a hover, the visible range): the
   * full one when ready; for a long document still being analysed, just the
   * paragraphs around the span, so the answer comes at once.
   */
  getAround(uri: string, span: { start: number; end: number }, token?: CancellationToken): DocumentAnalysis | undefined {
    const document = this.options.getDocument(uri);
    if (!document) return undefined;
    const entry = this.entry(uri);
    if (this.isCurrent(entry, document) || document.getText().length < BACKGROUND_THRESHOLD_CHARS) return this.get(uri, token);
    if (token?.isCancellationRequested) return undefined;
    void this.warm(uri, document, entry).then((done) => {
      if (done) this.finishBackground(uri);
    });
    entry.partialServed = true;
    const window = { ...span, complete: true };
    const result = this.analyse(document, entry, window);
    if (!window.complete) this.finishWindow(uri, document, entry, span);
    return result;
  }

  /**
   * A visible range answered in part (its time budget ran out): analyse the rest
   * of it ahead of the background run, then ask the client to fetch it again.
   */
  private finishWindow(uri: string, document: TextDocument, entry: Entry, span: { start: number; end: number }): void {
    const version = document.version;
    const generation = this.generation;
    const isStale = () => this.entries.get(uri) !== entry || this.options.getDocument(uri)?.version !== version || this.generation !== generation;
    const settings = this.options.getSettings();
    const referenceDate = settings.articleDate && isValidIsoDate(settings.articleDate) ? settings.articleDate : undefined;
    void warmParagraphCache(document.getText(), { referenceDate, cache: entry.cache, isStale, only: span })
      .then((done) => {
        if (done && !this.isCurrent(entry, document)) this.options.onPartialReplaced?.(uri);
      })
      .catch(() => undefined);
  }

  /** The last result without triggering analysis (may be stale). */
  peek(uri: string): DocumentAnalysis | undefined {
    return this.entries.get(uri)?.result;
  }

  /** Analyse soon (after the debounce), then report through onAnalysed. */
  schedule(uri: string, delayMs = this.options.debounceMs ?? ANALYSIS_DEBOUNCE_MS): void {
    const entry = this.entry(uri);
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      const document = this.options.getDocument(uri);
      if (!document) return;
      if (document.getText().length >= BACKGROUND_THRESHOLD_CHARS && !this.isCurrent(entry, document)) {
        void this.warm(uri, document, entry).then((done) => {
          if (done) this.finishBackground(uri);
        });
        return;
      }
      const result = this.get(uri);
      if (result) this.options.onAnalysed(result);
    }, delayMs);
  }

  private isCurrent(entry: Entry, document: TextDocument): boolean {
    return !!entry.result && entry.result.version === document.version && entry.generation === this.generation;
  }

  /** Fills the paragraph cache of a long document in slices; one run per version. False when it went stale. */
  private warm(uri: string, document: TextDocument, entry: Entry): Promise<boolean> {
    const version = document.version;
    const generation = this.generation;
    if (entry.running && entry.running.version === version && entry.running.generation === generation) return entry.running.done;
    const settings = this.options.getSettings();
    const text = document.getText();
    const referenceDate = settings.articleDate && isValidIsoDate(settings.articleDate) ? settings.articleDate : undefined;
    const isStale = () => this.entries.get(uri) !== entry || this.options.getDocument(uri)?.version !== version || this.generation !== generation;
    const article = isArticle({ uri: document.uri, languageId: document.languageId, text }, settings.articleGlobs, this.options.getWorkspaceFolders());
    const done = article && !checkText(text) ? warmParagraphCache(text, { referenceDate, cache: entry.cache, isStale }) : Promise.resolve(!isStale());
    const running = { version, generation, done: done.catch(() => false) };
    entry.running = running;
    void running.done.finally(() => {
      if (entry.running === running) entry.running = undefined;
    });
    return running.done;
  }

  /** After a background run: the full analysis (all paragraphs cached, so quick), then report it. */
  private finishBackground(uri: string): void {
    const result = this.get(uri);
    const entry = this.entries.get(uri);
    if (!result || !entry) return;
    this.options.onAnalysed(result);
    if (entry.partialServed) {
      entry.partialServed = false;
      this.options.onPartialReplaced?.(uri);
    }
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
    if (!entry) this.entries.set(uri, (entry = { cache: new LruParagraphCache(DOCUMENT_PARAGRAPH_CACHE_ENTRIES), generation: -1 }));
    return entry;
  }

  /**
   * With `window`, only the paragraphs around it, within a time budget (not stored:
   * the full result replaces it); `window.complete` says whether all of it was done.
   */
  private analyse(document: TextDocument, entry: Entry, window?: { start: number; end: number; complete: boolean }): DocumentAnalysis {
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
        const analysisOptions: AnalysisOptions = { referenceDate, cache: entry.cache, ...this.options.getAnalysisInputs?.(document.uri, text) };
        let analysis: ArticleAnalysis;
        if (window) {
          const partial = analyseWindow(text, window, analysisOptions, WINDOW_BUDGET_MS);
          window.complete = partial.complete;
          analysis = partial.analysis;
        } else analysis = analyzeArticle(text, analysisOptions);
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
      this.options.log(`analysis of ${document.uri} failed: ${errorDetail(error)}`);
      result = { ...base, isArticle: false, refusal: null, analysis: null, lookup: EMPTY_LOOKUP };
    }
    if (window) return result;
    entry.result = result;
    entry.generation = this.generation;
    return result;
  }
}
