// Background index of the articles in the workspace folders: workspace symbols,
// "also in N other articles" and the story across articles (a digest per article,
// see analysis/story). Walks the folders once at start-up, a file at a time with a
// yield between files, and updates on file-watcher events. An open article is
// indexed from its live analysis (unsaved edits included), never from disk.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver';
import {
  actorKey,
  analyzeArticle,
  type ArticleAnalysis,
  buildStory,
  digestArticle,
  type EntityType,
  errorMessage,
  isValidIsoDate,
  looksLikeArticle,
  LruParagraphCache,
  type Story,
  type StoryArticleDigest,
  type StoryLexicon,
} from '../analysis';
import { checkText, isArticleExtension, isInside, isProseExtension, MAX_ANALYSED_CHARS, SKIPPED_FOLDERS } from '../node';
import type { NewsLensServerSettings } from '../protocol';
import { matchesArticleGlobs } from './articleDetection';
import { LineStarts, type PositionMapper, spanToRange } from './positions';
import { IndexWorkerPool, scanWorkerCount } from './indexWorkers';
import { BACKGROUND_THRESHOLD_CHARS, warmParagraphCache, yieldToEventLoop } from './scheduler';
import {
  INDEX_PROGRESS_REPORT_MS,
  STORIES_KEPT,
  STORY_REBUILD_MS,
  STORY_REBUILD_WHILE_INDEXING_MS,
  WORKER_MIN_FILES,
  WORKSPACE_SCAN_MAX_DEPTH,
  WORKSPACE_SCAN_MAX_FILES,
} from './limits';

/** Shows indexing progress to the user (LSP window/workDoneProgress); null when the client cannot show it. */
export interface IndexProgress {
  report(percentage: number, message: string): void;
  done(): void;
}

export { actorKey } from '../analysis';

export interface IndexedActor {
  name: string;
  aliases: string[];
  type: EntityType;
  mentionCount: number;
  range: Range;
}

export interface IndexedArticle {
  uri: string;
  fsPath: string;
  title: string | null;
  actors: IndexedActor[];
  /** What the story needs of the article; its id is the article's URI. */
  digest: StoryArticleDigest;
  /** Maps the digest's offsets to LSP ranges without keeping the text. */
  lines: PositionMapper;
}

/** A story over some of the indexed articles, with what maps its offsets to ranges. */
export interface IndexedStory {
  story: Story;
  /** By digest id (the article's URI). */
  articles: ReadonlyMap<string, IndexedArticle>;
  /** Still scanning the folders: the story will grow. */
  indexing: boolean;
  /** Views derived from this story (protocol views), kept as long as the story is current. */
  memo: Map<string, unknown>;
}

export class WorkspaceIndex {
  private readonly articles = new Map<string, IndexedArticle>();
  /** Open articles, indexed from the editor's analysis: disk reads and rescans leave them alone. */
  private readonly live = new Map<string, IndexedArticle>();
  /** Actor key (name or alias) → the articles naming that actor, for "also in N other articles". */
  private readonly actorArticles = new Map<string, Set<string>>();
  private startProgress: () => Promise<IndexProgress | null> = async () => null;
  private generation = 0;
  private scanning: Promise<void> = Promise.resolve();
  private isScanning = false;
  /** Bumped on every change to the indexed articles: stories built before it are stale. */
  private revision = 0;
  private readonly stories = new Map<string, { revision: number; lexicon: StoryLexicon | null; result: IndexedStory }>();
  private readonly changeListeners: Array<(fsPath: string | null) => void> = [];
  private readonly storyListeners: Array<() => void> = [];
  private rebuildTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly getFolders: () => readonly string[],
    private readonly getSettings: () => NewsLensServerSettings,
    private readonly log: (message: string) => void,
    /** How many worker threads a big scan uses (0: the server's own thread); see scanWorkerCount. */
    private readonly workerCount = scanWorkerCount(),
  ) {}

  /** The lexicon a story of a folder (null: the workspace) is built with; set by the server (annotation store). */
  private storyLexicon: (folder: string | null) => StoryLexicon | null = () => null;

  setStoryLexicon(lexiconFor: (folder: string | null) => StoryLexicon | null): void {
    this.storyLexicon = lexiconFor;
  }

  /** How the index shows its progress (set by the server once it knows the client's capabilities). */
  setProgress(start: () => Promise<IndexProgress | null>): void {
    this.startProgress = start;
  }

  /** How many worker threads the last scan used (0: the server's own thread). */
  scanWorkers = 0;

  /** True while the folders are being scanned. */
  get indexing(): boolean {
    return this.isScanning;
  }

  /** Called after an article was added, changed or dropped (null: many at once, e.g. a rescan). */
  onDidChange(listener: (fsPath: string | null) => void): void {
    this.changeListeners.push(listener);
  }

  /**
   * Called when the story changed: after a background rebuild of the stories asked for
   * so far, or at once (throttled) when none was asked for yet. Views ask again then.
   */
  onStoryChanged(listener: () => void): void {
    this.storyListeners.push(listener);
  }

  private changed(fsPath: string | null): void {
    this.revision++;
    for (const listener of this.changeListeners) {
      try {
        listener(fsPath);
      } catch (error) {
        this.log(`News Lens: an index listener failed: ${errorMessage(error)}`);
      }
    }
    this.scheduleStoryRebuild();
  }

  /**
   * Rebuilds the stories asked for so far a moment after the index changed (at most every
   * STORY_REBUILD_MS, slower while indexing), so a request finds a story ready and a burst
   * of edits or files costs one build.
   */
  private scheduleStoryRebuild(): void {
    if (this.rebuildTimer) return;
    this.rebuildTimer = setTimeout(
      () => {
        this.rebuildTimer = undefined;
        try {
          for (const [key, entry] of [...this.stories]) {
            if (entry.revision !== this.revision) this.buildStoryFor(key || null, this.storyLexicon(key || null));
          }
        } catch (error) {
          this.log(`News Lens: the story could not be rebuilt: ${errorMessage(error)}`);
        }
        this.notifyStoryListeners();
      },
      this.isScanning ? STORY_REBUILD_WHILE_INDEXING_MS : STORY_REBUILD_MS,
    );
    this.rebuildTimer.unref?.();
  }

  private notifyStoryListeners(): void {
    for (const listener of this.storyListeners) {
      try {
        listener();
      } catch (error) {
        this.log(`News Lens: a story listener failed: ${errorMessage(error)}`);
      }
    }
  }

  /**
   * The story of the articles inside `folder` (every indexed article when null), merged
   * with the workspace lexicon. Built once per change of the index, so repeated requests
   * (views, hovers) cost a map lookup. With `stale`, a story built before the latest
   * change is returned at once while the rebuild is on its way (storyChanged follows).
   */
  story(folder: string | null, lexicon: StoryLexicon | null = null, options: { stale?: boolean } = {}): IndexedStory {
    const key = folder ? path.resolve(folder) : '';
    const cached = this.stories.get(key);
    if (cached && cached.lexicon === lexicon && (cached.revision === this.revision || options.stale)) {
      if (cached.revision !== this.revision) this.scheduleStoryRebuild();
      return { ...cached.result, indexing: this.isScanning };
    }
    return this.buildStoryFor(key || null, lexicon);
  }

  private buildStoryFor(folder: string | null, lexicon: StoryLexicon | null): IndexedStory {
    const key = folder ?? '';
    const articles = new Map<string, IndexedArticle>();
    for (const article of this.articles.values()) {
      if (!folder || isInside(folder, article.fsPath)) articles.set(article.digest.id, article);
    }
    // By path, so the story does not depend on the order files finished indexing.
    const digests = [...articles.values()].sort((a, b) => (a.fsPath < b.fsPath ? -1 : a.fsPath > b.fsPath ? 1 : 0)).map((a) => a.digest);
    const story = buildStory(digests, lexicon ? { lexicon } : {});
    const result: IndexedStory = { story, articles, indexing: this.isScanning, memo: new Map() };
    if (!this.stories.has(key) && this.stories.size >= STORIES_KEPT) this.stories.delete(this.stories.keys().next().value as string);
    this.stories.set(key, { revision: this.revision, lexicon, result });
    return result;
  }

  /** The indexed article at a path (the live version when it is open). */
  get(fsPath: string): IndexedArticle | undefined {
    return this.articles.get(fsPath);
  }

  /** Digest of a file that need not be indexed (compare an article from outside the folders); null when it is no article. */
  async digestOf(fsPath: string): Promise<IndexedArticle | null> {
    return this.articles.get(fsPath) ?? (await this.indexFile(fsPath).catch(() => null));
  }

  /** In how many indexed articles, other than `exceptFsPath`, an actor (by name or alias) appears. */
  articlesMentioning(actor: { type: EntityType; name: string; aliases: readonly string[] }, exceptFsPath?: string | null): number {
    const found = new Set<string>();
    for (const name of [actor.name, ...actor.aliases]) {
      for (const fsPath of this.actorArticles.get(actorKey(actor.type, name)) ?? []) if (fsPath !== exceptFsPath) found.add(fsPath);
    }
    return found.size;
  }

  private put(fsPath: string, article: IndexedArticle): void {
    this.unlink(fsPath); // one change event for the replacement, after it is in place
    this.articles.set(fsPath, article);
    for (const actor of article.actors) {
      for (const name of [actor.name, ...actor.aliases]) {
        const key = actorKey(actor.type, name);
        let set = this.actorArticles.get(key);
        if (!set) this.actorArticles.set(key, (set = new Set()));
        set.add(fsPath);
      }
    }
    this.changed(fsPath);
  }

  private drop(fsPath: string): void {
    if (this.unlink(fsPath)) this.changed(fsPath);
  }

  /** Removes an article from the maps without announcing it; false when it was not there. */
  private unlink(fsPath: string): boolean {
    const old = this.articles.get(fsPath);
    if (!old) return false;
    this.articles.delete(fsPath);
    for (const actor of old.actors) {
      for (const name of [actor.name, ...actor.aliases]) {
        const key = actorKey(actor.type, name);
        const set = this.actorArticles.get(key);
        set?.delete(fsPath);
        if (set && set.size === 0) this.actorArticles.delete(key);
      }
    }
    return true;
  }

  /** (Re)scan every folder in the background; an earlier scan still running stops. */
  rescan(): Promise<void> {
    const generation = ++this.generation;
    this.articles.clear();
    this.actorArticles.clear();
    this.changed(null);
    for (const [fsPath, article] of this.live) this.put(fsPath, article);
    this.isScanning = true;
    this.scanning = this.scan(generation)
      .catch((error) => this.log(`workspace index failed: ${errorMessage(error)}`))
      .finally(() => {
        if (generation !== this.generation) return;
        this.isScanning = false;
        // The story built at the end of the scan is current: no rebuild, but the views hear that indexing is over.
        clearTimeout(this.rebuildTimer);
        this.rebuildTimer = undefined;
        if ([...this.stories.values()].some((entry) => entry.revision !== this.revision)) this.scheduleStoryRebuild();
        else this.notifyStoryListeners();
      });
    return this.scanning;
  }

  /** Resolves when the current scan is done (tests, and the first workspace/symbol request). */
  whenReady(): Promise<void> {
    return this.scanning;
  }

  all(): IterableIterator<IndexedArticle> {
    return this.articles.values();
  }

  get size(): number {
    return this.articles.size;
  }

  /** An open article's current analysis (the server's, unsaved edits included) replaces its file's. */
  setLive(fsPath: string, uri: string, analysis: ArticleAnalysis, text: string): void {
    if (!this.inWorkspace(fsPath)) return; // an article opened from elsewhere is not the workspace's
    const article = indexedArticle(uri, fsPath, text, analysis);
    this.live.set(fsPath, article);
    this.put(fsPath, article);
  }

  /** The article was closed: its saved file is indexed again. */
  endLive(fsPath: string): Promise<void> {
    if (!this.live.delete(fsPath)) return Promise.resolve();
    return this.update(fsPath);
  }

  /** Whether a path lies in one of the workspace folders (the index holds nothing else). */
  private inWorkspace(fsPath: string): boolean {
    return this.getFolders().some((folder) => isInside(folder, fsPath));
  }

  async update(fsPath: string): Promise<void> {
    if (this.live.has(fsPath)) return; // the editor's analysis is newer than the file
    if (!this.inWorkspace(fsPath)) return;
    try {
      const article = await this.indexFile(fsPath);
      if (this.live.has(fsPath)) return; // opened meanwhile
      if (article) this.put(fsPath, article);
      else this.drop(fsPath);
    } catch {
      if (!this.live.has(fsPath)) this.drop(fsPath);
    }
  }

  remove(fsPath: string): void {
    if (this.live.has(fsPath)) return; // deleted on disk, still open: the editor's text stands
    this.drop(fsPath);
  }

  dispose(): void {
    this.generation++;
    this.articles.clear();
    this.actorArticles.clear();
    this.stories.clear();
    clearTimeout(this.rebuildTimer);
    this.rebuildTimer = undefined;
    this.changeListeners.length = 0;
    this.storyListeners.length = 0;
  }

  private async scan(generation: number): Promise<void> {
    // First list the candidate files (cheap), so progress can say "n of total".
    const files = await this.listFiles(generation);
    if (generation !== this.generation || files.length === 0) return;
    const progress = await this.startProgress().catch(() => null);
    // Many files: analysed in worker threads, a few at a time each, while this thread only reads
    // files and files the results. Few files, or no worker: here, a file at a time with a yield between.
    const pool = files.length >= WORKER_MIN_FILES ? IndexWorkerPool.start(this.workerCount, this.log) : null;
    this.scanWorkers = pool?.size ?? 0;
    if (pool) this.log(`News Lens: indexing ${files.length} files in ${pool.size} worker thread${pool.size === 1 ? '' : 's'}`);
    try {
      let lastReport = 0;
      let nextFile = 0;
      let done = 0;
      const work = async () => {
        while (nextFile < files.length) {
          if (generation !== this.generation) return;
          const file = files[nextFile++];
          // An open article is indexed from the editor already.
          if (!this.live.has(file)) {
            const article = await this.indexFile(file, () => generation !== this.generation, pool?.usable ? pool : null).catch(() => null);
            if (generation !== this.generation) return;
            if (article && !this.live.has(file)) this.put(file, article);
          }
          done++;
          if (progress && (Date.now() - lastReport > INDEX_PROGRESS_REPORT_MS || done === files.length)) {
            lastReport = Date.now();
            progress.report(Math.round((done / files.length) * 100), `${done} of ${files.length} files, ${this.articles.size} articles`);
          }
          // Let requests in between files.
          if (!pool) await yieldToEventLoop();
        }
      };
      await Promise.all(Array.from({ length: pool ? pool.size * 3 : 1 }, work));
      if (generation !== this.generation) return;
      // The workspace story is part of the index: built before "done", so the Story view and hovers find it ready.
      if (generation === this.generation && this.articles.size) {
        progress?.report(100, `${this.articles.size} articles; building the story…`);
        await yieldToEventLoop();
        if (generation === this.generation) this.story(null, this.storyLexicon(null));
      }
    } finally {
      pool?.dispose();
      progress?.done();
    }
  }

  private async listFiles(generation: number): Promise<string[]> {
    const files: string[] = [];
    let seen = 0;
    const stack: Array<[string, number]> = this.getFolders().map((f) => [f, 0]);
    while (stack.length) {
      if (generation !== this.generation) return files;
      const [dir, depth] = stack.pop()!;
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (generation !== this.generation) return files;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (depth < WORKSPACE_SCAN_MAX_DEPTH && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) stack.push([full, depth + 1]);
          continue;
        }
        if (!entry.isFile() || ++seen > WORKSPACE_SCAN_MAX_FILES) continue;
        files.push(full);
      }
    }
    return files.sort();
  }

  private async indexFile(fsPath: string, isStale: () => boolean = () => false, pool: IndexWorkerPool | null = null): Promise<IndexedArticle | null> {
    const settings = this.getSettings();
    const ext = path.extname(fsPath).toLowerCase();
    const byGlob = matchesArticleGlobs(fsPath, settings.articleGlobs, this.getFolders());
    if (!byGlob && !isArticleExtension(ext) && !isProseExtension(ext)) return null;
    const stat = await fs.stat(fsPath);
    if (!stat.isFile() || stat.size > MAX_ANALYSED_CHARS * 3) return null;
    const text = (await fs.readFile(fsPath)).toString('utf8');
    if (!byGlob && !isArticleExtension(ext) && !looksLikeArticle(text)) return null;
    if (checkText(text)) return null;
    const referenceDate = settings.articleDate && isValidIsoDate(settings.articleDate) ? settings.articleDate : undefined;
    const uri = pathToFileURL(fsPath).toString();
    if (pool) {
      const analysed = await pool.analyse(uri, text, referenceDate).catch(() => null);
      if (analysed) return fromDigest(uri, fsPath, text, analysed.digest, analysed.title);
      if (isStale()) return null;
      // The worker failed on this file: analyse it here.
    }
    let analysis;
    if (text.length < BACKGROUND_THRESHOLD_CHARS) {
      // The story needs the whole analysis: actors, dates, events and quotes.
      analysis = analyzeArticle(text, { referenceDate });
    } else {
      // A long article is analysed in slices, like an open one, so indexing never blocks requests.
      const cache = new LruParagraphCache();
      if (!(await warmParagraphCache(text, { referenceDate, cache, isStale }))) return null;
      analysis = analyzeArticle(text, { referenceDate, cache });
    }
    return indexedArticle(uri, fsPath, text, analysis);
  }
}

/** An article as the index keeps it: the digest, its actors for workspace symbols, and its line table. */
export function indexedArticle(uri: string, fsPath: string, text: string, analysis: ArticleAnalysis): IndexedArticle {
  return fromDigest(uri, fsPath, text, digestArticle(uri, text, analysis), analysis.metadata.title);
}

function fromDigest(uri: string, fsPath: string, text: string, digest: StoryArticleDigest, title: string | null): IndexedArticle {
  const lines = new LineStarts(text);
  const actors: IndexedActor[] = digest.actors.map((a) => ({
    name: a.name,
    aliases: a.aliases,
    type: a.type,
    mentionCount: a.mentionCount,
    range: spanToRange(lines, a.first),
  }));
  return { uri, fsPath, title, actors, digest, lines };
}
