// Background index of the articles in the workspace folders, for workspace
// symbols (actors across articles). Walks the folders once at start-up, a file
// at a time with a yield between files, and updates on file-watcher events.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver';
import { analyzeArticle, type EntityType, isValidIsoDate, looksLikeArticle } from '../analysis';
import { checkText, MAX_ANALYSED_CHARS, type NewsLensServerSettings } from '../protocol';
import { matchesArticleGlobs } from './articleDetection';
import { lineIndexFor, spanToRange } from './positions';

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
const CANDIDATE_EXTENSIONS = new Set(['.news', '.article', '.txt', '.md', '.markdown']);
const ALWAYS_ARTICLE = new Set(['.news', '.article']);
/** Bounds so a huge folder (a home directory opened by mistake) cannot eat the server. */
const MAX_FILES = 20_000;
const MAX_DEPTH = 12;

export class WorkspaceIndex {
  private readonly articles = new Map<string, IndexedArticle>();
  private generation = 0;
  private scanning: Promise<void> = Promise.resolve();

  constructor(
    private readonly getFolders: () => readonly string[],
    private readonly getSettings: () => NewsLensServerSettings,
    private readonly log: (message: string) => void,
  ) {}

  /** (Re)scan every folder in the background; an earlier scan still running stops. */
  rescan(): Promise<void> {
    const generation = ++this.generation;
    this.articles.clear();
    this.scanning = this.scan(generation).catch((error) => this.log(`workspace index failed: ${error instanceof Error ? error.message : String(error)}`));
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

  async update(fsPath: string): Promise<void> {
    try {
      const article = await this.indexFile(fsPath);
      if (article) this.articles.set(fsPath, article);
      else this.articles.delete(fsPath);
    } catch {
      this.articles.delete(fsPath);
    }
  }

  remove(fsPath: string): void {
    this.articles.delete(fsPath);
  }

  dispose(): void {
    this.generation++;
    this.articles.clear();
  }

  private async scan(generation: number): Promise<void> {
    let seen = 0;
    const stack: Array<[string, number]> = this.getFolders().map((f) => [f, 0]);
    while (stack.length) {
      if (generation !== this.generation) return;
      const [dir, depth] = stack.pop()!;
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (generation !== this.generation) return;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (depth < MAX_DEPTH && !SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) stack.push([full, depth + 1]);
          continue;
        }
        if (!entry.isFile() || ++seen > MAX_FILES) continue;
        const article = await this.indexFile(full).catch(() => null);
        if (generation !== this.generation) return;
        if (article) this.articles.set(full, article);
        // Let requests in between files.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  private async indexFile(fsPath: string): Promise<IndexedArticle | null> {
    const settings = this.getSettings();
    const ext = path.extname(fsPath).toLowerCase();
    const byGlob = matchesArticleGlobs(fsPath, settings.articleGlobs, this.getFolders());
    if (!byGlob && !CANDIDATE_EXTENSIONS.has(ext)) return null;
    const stat = await fs.stat(fsPath);
    if (!stat.isFile() || stat.size > MAX_ANALYSED_CHARS * 3) return null;
    const text = (await fs.readFile(fsPath)).toString('utf8');
    if (!byGlob && !ALWAYS_ARTICLE.has(ext) && !looksLikeArticle(text)) return null;
    if (checkText(text)) return null;
    const referenceDate = settings.articleDate && isValidIsoDate(settings.articleDate) ? settings.articleDate : undefined;
    const analysis = analyzeArticle(text, { referenceDate });
    const lines = lineIndexFor(text);
    return {
      uri: pathToFileURL(fsPath).toString(),
      fsPath,
      title: analysis.metadata.title,
      actors: analysis.actors
        .filter((a) => a.mentions.length > 0)
        .map((a) => ({ name: a.name, aliases: a.aliases, type: a.type, mentionCount: a.mentions.length, range: spanToRange(lines, a.mentions[0]) })),
    };
  }
}
