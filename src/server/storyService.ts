// The story requests (issue 16): the story of the workspace or a folder, comparing two
// articles, "also in N other articles" for hovers, and splitting or merging a
// cross-article actor through the workspace lexicon. LSP-free apart from the
// protocol types, so tests drive it directly as well as through a server.
import * as path from 'node:path';
import { compareArticles, type EntityType, type LexiconEntry, type StoryActor } from '../analysis';
import { isInside } from '../node';
import type { CompareArticlesResult, StoryView } from '../protocol';
import { uriToPath } from './articleDetection';
import { spanToRange } from './positions';
import { toComparisonView, toStoryView } from './storyView';
import type { IndexedArticle, WorkspaceIndex } from './workspaceIndex';
import type { Range } from 'vscode-languageserver';

export interface StoryServiceOptions {
  index: WorkspaceIndex;
  getFolders(): readonly string[];
  /** The workspace lexicon that applies to a folder (nearest news-lens.lexicon.tsv, never above the workspace folder). */
  lexiconFor(folder: string): readonly LexiconEntry[];
  /** An open document as an indexed article (its live text and analysis); null when it is not open or no article. */
  openArticle(uri: string): Promise<IndexedArticle | null>;
}

/** Where else an actor appears, for the hover card. */
export interface AlsoIn {
  count: number;
  /** Date of the earliest other article that has a date, or null. */
  firstDate: string | null;
  /** Other articles, in date order, each at its first mention of the actor. */
  places: Array<{ uri: string; title: string | null; date: string | null; name: string; range: Range }>;
}

export class StoryService {
  constructor(private readonly options: StoryServiceOptions) {}

  /** The folder a request names, if it lies in the workspace; undefined: outside (nothing to show); null: the whole workspace. */
  folderOf(folderUri: string | null | undefined): string | null | undefined {
    if (!folderUri) return null;
    const fsPath = uriToPath(folderUri);
    if (!fsPath) return undefined;
    const resolved = path.resolve(fsPath);
    return this.options.getFolders().some((f) => isInside(f, resolved) || path.resolve(f) === resolved) ? resolved : undefined;
  }

  private lexiconOf(folder: string | null): readonly LexiconEntry[] {
    const dir = folder ?? this.options.getFolders()[0];
    return dir ? this.options.lexiconFor(dir) : [];
  }

  story(folderUri: string | null | undefined): StoryView {
    const folder = this.folderOf(folderUri);
    const uri = folderUri ? folderUri : null;
    if (folder === undefined) return { folder: uri, indexing: false, articles: [], actors: [], timeline: [], speakers: [] };
    return toStoryView(this.options.index.story(folder, this.lexiconOf(folder)), uri);
  }

  /** The merged actor (over the whole workspace) that `actor` of article `uri` belongs to. */
  storyActorOf(uri: string, actor: { type: EntityType; name: string; aliases: readonly string[] }): StoryActor | null {
    const { story } = this.options.index.story(null, this.lexiconOf(null));
    const own = story.actors.find((a) => a.type === actor.type && a.appearances.some((ap) => ap.articleId === uri && ap.name === actor.name));
    if (own) return own;
    // An article the index does not hold (outside the folders, not yet indexed): match by name or alias.
    const names = new Set([actor.name, ...actor.aliases].map(normalise));
    return story.actors.find((a) => a.type === actor.type && [a.name, ...a.aliases].some((n) => names.has(normalise(n)))) ?? null;
  }

  alsoIn(uri: string, actor: { type: EntityType; name: string; aliases: readonly string[] }): AlsoIn | null {
    const merged = this.storyActorOf(uri, actor);
    if (!merged) return null;
    const { articles } = this.options.index.story(null, this.lexiconOf(null));
    const others = merged.appearances.filter((ap) => ap.articleId !== uri);
    if (!others.length) return null;
    const dates = others.map((ap) => ap.articleDate).filter((d): d is string => !!d).sort();
    return {
      count: others.length,
      firstDate: dates[0] ?? null,
      places: others.map((ap) => {
        const lines = articles.get(ap.articleId)?.lines;
        return {
          uri: ap.articleId,
          title: ap.title,
          date: ap.articleDate,
          name: ap.name,
          range: lines ? spanToRange(lines, ap.first) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        };
      }),
    };
  }

  async compare(aUri: unknown, bUri: unknown): Promise<CompareArticlesResult> {
    if (typeof aUri !== 'string' || typeof bUri !== 'string' || !aUri || !bUri) return { error: 'Choose two articles to compare.' };
    if (aUri === bUri) return { error: 'Choose two different articles to compare.' };
    const [a, b] = await Promise.all([this.articleAt(aUri), this.articleAt(bUri)]);
    const missing = [!a && aUri, !b && bUri].filter((u): u is string => !!u);
    if (missing.length || !a || !b) return { error: `Not read as an article: ${missing.map(displayName).join(', ')}. News Lens compares articles (a dateline, front matter, or a .news file).` };
    const folder = this.options.getFolders().find((f) => isInside(f, a.fsPath)) ?? null;
    return toComparisonView(compareArticles(a.digest, b.digest, { lexicon: [...this.lexiconOf(folder)] }), a, b);
  }

  /** Open documents first (unsaved edits count), then the index, then the file on disk (read only). */
  private async articleAt(uri: string): Promise<IndexedArticle | null> {
    try {
      const open = await this.options.openArticle(uri);
      if (open) return open;
      const fsPath = uriToPath(uri);
      return fsPath ? await this.options.index.digestOf(path.resolve(fsPath)) : null;
    } catch {
      return null; // unreadable: reported as not an article
    }
  }
}

function displayName(uri: string): string {
  const fsPath = uriToPath(uri);
  return fsPath ? path.basename(fsPath) : uri;
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
