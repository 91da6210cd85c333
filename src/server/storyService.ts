// The story requests (issue 16): the story of the workspace or a folder, comparing two
// articles, "also in N other articles" for hovers, and splitting or merging a
// cross-article actor through the workspace lexicon. LSP-free apart from the
// protocol types, so tests drive it directly as well as through a server.
import * as path from 'node:path';
import {
  actorKey,
  compareArticles,
  type EntityType,
  mergeActorLexiconEdit,
  splitActorLexiconEdit,
  type StoryActor,
  storyActorLookup,
  type StoryLexicon,
} from '../analysis';
import { isInside } from '../node';
import type {
  CompareArticlesResult,
  StoryDetail,
  StoryDetailParams,
  StoryEditResult,
  StoryMergeParams,
  StoryOutline,
  StorySplitParams,
  StoryView,
} from '../protocol';
import { uriToPath } from './articleDetection';
import { spanToRange } from './positions';
import { storyViewOf, toComparisonView, toStoryDetail, toStoryOutline } from './storyView';
import type { IndexedArticle, WorkspaceIndex } from './workspaceIndex';
import type { Range } from 'vscode-languageserver';

export interface StoryServiceOptions {
  index: WorkspaceIndex;
  getFolders(): readonly string[];
  /** The workspace lexicon that applies to a folder (nearest news-lens.lexicon.tsv, never above the workspace folder); the same object while the file is unchanged. */
  lexiconFor(folder: string): StoryLexicon | null;
  /** Writes the lexicon that applies to a folder through the annotation store (trusted workspaces, inside the workspace only). */
  editLexicon(folder: string, edit: (content: string) => string, describe: string): StoryEditResult;
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
    return this.options.getFolders().some((f) => isInside(f, resolved)) ? resolved : undefined;
  }

  private lexiconOf(folder: string | null): StoryLexicon | null {
    const dir = folder ?? this.options.getFolders()[0];
    return dir ? this.options.lexiconFor(dir) : null;
  }

  /** Answers at once: right after a change, with the story as it was until the rebuild (storyChanged follows). */
  private current(folder: string | null) {
    return this.options.index.story(folder, this.lexiconOf(folder), { stale: true });
  }

  story(folderUri: string | null | undefined): StoryView {
    const folder = this.folderOf(folderUri);
    const uri = folderUri ? folderUri : null;
    if (folder === undefined) return { folder: uri, indexing: false, articles: [], actors: [], timeline: [], speakers: [] };
    return storyViewOf(this.current(folder), uri);
  }

  outline(folderUri: string | null | undefined): StoryOutline {
    const folder = this.folderOf(folderUri);
    const uri = folderUri ? folderUri : null;
    if (folder === undefined) return { folder: uri, indexing: false, articles: [], actors: [], timeline: [], days: [], eventCount: 0, speakers: [] };
    return toStoryOutline(this.current(folder), uri);
  }

  detail(params: StoryDetailParams | undefined): StoryDetail {
    const folderUri = typeof params?.folder === 'string' ? params.folder : null;
    const folder = this.folderOf(folderUri);
    if (folder === undefined || !params) return {};
    return toStoryDetail(this.current(folder), params);
  }

  /** The merged actor (over the whole workspace) that `actor` of article `uri` belongs to. */
  storyActorOf(uri: string, actor: { type: EntityType; name: string; aliases: readonly string[] }): StoryActor | null {
    return this.storyActorIn(this.current(null), uri, actor);
  }

  private storyActorIn(
    current: ReturnType<StoryService['current']>,
    uri: string,
    actor: { type: EntityType; name: string; aliases: readonly string[] },
  ): StoryActor | null {
    const { story } = current;
    let lookup = current.memo.get('actorLookup') as ReturnType<typeof storyActorLookup> | undefined;
    if (!lookup) current.memo.set('actorLookup', (lookup = storyActorLookup(story)));
    const own = lookup(uri, actor.name);
    if (own && own.type === actor.type) return own;
    // An article the index does not hold (outside the folders, not yet indexed): match by name or alias.
    const keys = new Set([actor.name, ...actor.aliases].map((n) => actorKey(actor.type, n)));
    return story.actors.find((a) => a.type === actor.type && [a.name, ...a.aliases].some((n) => keys.has(actorKey(a.type, n)))) ?? null;
  }

  alsoIn(uri: string, actor: { type: EntityType; name: string; aliases: readonly string[] }): AlsoIn | null {
    const current = this.current(null); // one lookup of the story (and its lexicon) per hover
    const merged = this.storyActorIn(current, uri, actor);
    if (!merged) return null;
    const { articles } = current;
    const others = merged.appearances.filter((ap) => ap.articleId !== uri);
    if (!others.length) return null;
    const dates = others
      .map((ap) => ap.articleDate)
      .filter((d): d is string => !!d)
      .sort();
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
    if (missing.length || !a || !b)
      return {
        error: `Not read as an article: ${missing.map(displayName).join(', ')}. News Lens compares articles (a dateline, front matter, or a .news file).`,
      };
    const folder = this.options.getFolders().find((f) => isInside(f, a.fsPath)) ?? null;
    const lexicon = this.lexiconOf(folder);
    return toComparisonView(compareArticles(a.digest, b.digest, lexicon ? { lexicon } : {}), a, b);
  }

  /** "Split from…": the name, as some article writes it, is not the merged actor; a Separate line in the lexicon says so. */
  split(params: StorySplitParams | undefined): StoryEditResult {
    if (!params || typeof params.actorKey !== 'string' || typeof params.name !== 'string' || !params.name.trim())
      return { ok: false, message: 'Split needs an actor of the story and one of its names.' };
    const folder = this.folderOf(params.folder);
    if (folder === undefined) return { ok: false, message: 'That folder is not inside the workspace; News Lens writes the lexicon only there.' };
    const actor = this.options.index.story(folder, this.lexiconOf(folder)).story.actors.find((a) => a.key === params.actorKey);
    if (!actor) return { ok: false, message: 'That actor is no longer in the story; refresh the Story view.' };
    const name = params.name.trim();
    if (name === actor.name) return { ok: false, message: `"${name}" is the actor's own name; choose one of its other names to split off.` };
    if (!actor.appearances.some((ap) => ap.name === name) && !actor.aliases.includes(name))
      return { ok: false, message: `"${name}" is not a name of ${actor.name}.` };
    let changed = false;
    const outcome = this.editFor(
      folder,
      (content) => {
        const after = splitActorLexiconEdit(content, name, actor.name);
        changed = after !== null;
        return after ?? content;
      },
      `"${name}" is now kept apart from ${actor.name} across the story`,
    );
    return outcome.ok && !changed ? { ok: true, message: `"${name}" was already kept apart from ${actor.name}.`, file: outcome.file } : outcome;
  }

  /** "Merge into…": every name the actor is written with across the story gets the other actor's name as its canonical name. */
  merge(params: StoryMergeParams | undefined): StoryEditResult {
    if (!params || typeof params.fromKey !== 'string' || typeof params.intoKey !== 'string')
      return { ok: false, message: 'Merge needs two actors of the story.' };
    if (params.fromKey === params.intoKey) return { ok: false, message: 'Choose a different actor to merge into.' };
    const folder = this.folderOf(params.folder);
    if (folder === undefined) return { ok: false, message: 'That folder is not inside the workspace; News Lens writes the lexicon only there.' };
    const { actors } = this.options.index.story(folder, this.lexiconOf(folder)).story;
    const from = actors.find((a) => a.key === params.fromKey);
    const into = actors.find((a) => a.key === params.intoKey);
    if (!from || !into) return { ok: false, message: 'That actor is no longer in the story; refresh the Story view.' };
    if ((from.type === 'person') !== (into.type === 'person'))
      return { ok: false, message: `${from.name} (${from.type}) and ${into.name} (${into.type}): a person merges only with a person.` };
    const names = [...new Set([from.name, ...from.appearances.map((ap) => ap.name)])].filter((n) => n !== into.name);
    return this.editFor(
      folder,
      (content) => names.reduce((text, name) => mergeActorLexiconEdit(text, { name, type: from.type }, { name: into.name, type: into.type }) ?? text, content),
      `${from.name} is now merged into ${into.name} across the story`,
    );
  }

  private editFor(folder: string | null, edit: (content: string) => string, describe: string): StoryEditResult {
    const dir = folder ?? this.options.getFolders()[0];
    if (!dir) return { ok: false, message: 'Open a folder first: the lexicon is written to the workspace.' };
    return this.options.editLexicon(dir, edit, describe);
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
