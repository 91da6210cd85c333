// Background index of the articles in the workspace folders, for workspace
// symbols (actors across articles). Walks the folders once at start-up, a file
// at a time with a yield between files, and updates on file-watcher events. An open
// article is indexed from its live analysis (unsaved edits included), never from disk.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver';
import { type Actor, actorKey, analyzeActors, analyzeArticle, type ArticleAnalysis, type EntityType, errorMessage, isValidIsoDate, looksLikeArticle, LruParagraphCache } from '../analysis';
import { checkText, isArticleExtension, isInside, isProseExtension, MAX_ANALYSED_CHARS } from '../node';
import type { NewsLensServerSettings } from '../protocol';
import { matchesArticleGlobs } from './articleDetection';
import { lineIndexFor, spanToRange } from './positions';
import { BACKGROUND_THRESHOLD_CHARS, warmParagraphCache, yieldToEventLoop } from './scheduler';

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
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', 'build', '.vscode-test', 'coverage']);
/** Bounds so a huge folder (a home directory opened by mistake) cannot eat the server. */
const MAX_FILES = 20_000;
const MAX_DEPTH = 12;

export class WorkspaceIndex {
  private readonly articles = new Map<string, IndexedArticle>();
  /** Open articles, indexed from the editor's analysis: disk reads and rescans leave them alone. */
  private readonly live = new Map<string, IndexedArticle>();
  /** Actor key (name or alias) → the articles naming that actor, for "also in N other articles". */
  private readonly actorArticles = new Map<string, Set<string>>();
  private startProgress: () => Promise<IndexProgress | null> = async () => null;
  private generation = 0;
  private scanning: Promise<void> = Promise.resolve();

  constructor(
    private readonly getFolders: () => readonly string[],
    private readonly getSettings: () => NewsLensServerSettings,
    private readonly log: (message: string) => void,
  ) {}

  /** How the index shows its progress (set by the server once it knows the client's capabilities). */
  setProgress(start: () => Promise<IndexProgress | null>): void {
    this.startProgress = start;
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
    this.drop(fsPath);
    this.articles.set(fsPath, article);
    for (const actor of article.actors) {
      for (const name of [actor.name, ...actor.aliases]) {
        const key = actorKey(actor.type, name);
        let set = this.actorArticles.get(key);
        if (!set) this.actorArticles.set(key, (set = new Set()));
        set.add(fsPath);
      }
    }
  }

  private drop(fsPath: string): void {
    const old = this.articles.get(fsPath);
    if (!old) return;
    this.articles.delete(fsPath);
    for (const actor of old.actors) {
      for (const name of [actor.name, ...actor.aliases]) {
        const key = actorKey(actor.type, name);
        const set = this.actorArticles.get(key);
        set?.delete(fsPath);
        if (set && set.size === 0) this.actorArticles.delete(key);
      }
    }
  }

  /** (Re)scan every folder in the background; an earlier scan still running stops. */
  rescan(): Promise<void> {
    const generation = ++this.generation;
    this.articles.clear();
    this.actorArticles.clear();
    for (const [fsPath, article] of this.live) this.put(fsPath, article);
    this.scanning = this.scan(generation).catch((error) => this.log(`workspace index failed: ${errorMessage(error)}`));
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
  setLive(fsPath: string, uri: string, analysis: ArticleAnalysis, rangeOf: (span: Actor['mentions'][number]) => Range): void {
    if (!this.inWorkspace(fsPath)) return; // an article opened from elsewhere is not the workspace's
    const article: IndexedArticle = { uri, fsPath, title: analysis.metadata.title, actors: indexedActors(analysis.actors, rangeOf) };
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
  }

  private async scan(generation: number): Promise<void> {
    // First list the candidate files (cheap), so progress can say "n of total".
    const files = await this.listFiles(generation);
    if (generation !== this.generation || files.length === 0) return;
    const progress = await this.startProgress().catch(() => null);
    try {
      let lastReport = 0;
      for (let i = 0; i < files.length; i++) {
        if (generation !== this.generation) return;
        if (this.live.has(files[i])) continue; // indexed from the editor already
        const article = await this.indexFile(files[i], () => generation !== this.generation).catch(() => null);
        if (generation !== this.generation) return;
        if (article && !this.live.has(files[i])) this.put(files[i], article);
        if (progress && (Date.now() - lastReport > 200 || i === files.length - 1)) {
          lastReport = Date.now();
          progress.report(Math.round(((i + 1) / files.length) * 100), `${i + 1} of ${files.length} files, ${this.articles.size} articles`);
        }
        // Let requests in between files.
        await yieldToEventLoop();
      }
    } finally {
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
          if (depth < MAX_DEPTH && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) stack.push([full, depth + 1]);
          continue;
        }
        if (!entry.isFile() || ++seen > MAX_FILES) continue;
        files.push(full);
      }
    }
    return files.sort();
  }

  private async indexFile(fsPath: string, isStale: () => boolean = () => false): Promise<IndexedArticle | null> {
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
    let analysis;
    if (text.length < BACKGROUND_THRESHOLD_CHARS) {
      // The index keeps only actors: skip the dates, events and quotes (a third of the work).
      analysis = analyzeActors(text, { referenceDate });
    } else {
      // A long article is analysed in slices, like an open one, so indexing never blocks requests.
      const cache = new LruParagraphCache();
      if (!(await warmParagraphCache(text, { referenceDate, cache, isStale }))) return null;
      analysis = analyzeArticle(text, { referenceDate, cache });
    }
    const lines = lineIndexFor(text);
    return { uri: pathToFileURL(fsPath).toString(), fsPath, title: analysis.metadata.title, actors: indexedActors(analysis.actors, (span) => spanToRange(lines, span)) };
  }
}

function indexedActors(actors: readonly Actor[], rangeOf: (span: Actor['mentions'][number]) => Range): IndexedActor[] {
  return actors
    .filter((a) => a.mentions.length > 0)
    .map((a) => ({ name: a.name, aliases: a.aliases, type: a.type, mentionCount: a.mentions.length, range: rangeOf(a.mentions[0]) }));
}
