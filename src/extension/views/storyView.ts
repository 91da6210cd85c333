// Story: the workspace (or a chosen folder) as one story — actors across articles,
// a merged timeline, quotes by speaker. Asks the server for the outline
// (newsLens/storyOutline) while the view is visible, and again when the server says
// the story changed; the items under an actor, a day or a speaker when expanded.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { errorMessage, type StoryAppearanceView, StoryChangedNotification, StoryDetailRequest, type StoryOutline, StoryOutlineRequest } from '../../protocol';
import {
  appearanceNodes,
  articleLookup,
  buildStoryTree,
  eventNodes,
  fileNameOf,
  isExpandable,
  quoteNodes,
  type StoryNode,
  type StoryTree,
} from '../model/storyTree';
import { kindIcon, md, revealCommand } from './common';

export const STORY_VIEW_ID = 'newsLens.story';

/** What a story node's tree item sets beyond its label, id, description and icon. */
type StoryItemExtras = Partial<Pick<vscode.TreeItem, 'tooltip' | 'command' | 'contextValue' | 'accessibilityInformation'>>;

export class StoryView implements vscode.TreeDataProvider<StoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<StoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<StoryNode>;
  private tree: StoryTree = { groups: [], summary: '' };
  private data: StoryOutline | null = null;
  /** Items fetched under expanded nodes, for the current outline. */
  private readonly loaded = new Map<string, Promise<StoryNode[]>>();
  private folder: vscode.Uri | null = null;
  private seq = 0;
  /** The story changed while the view was hidden: fetch when it shows. */
  private stale = true;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {
    this.treeView = vscode.window.createTreeView(STORY_VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.treeView,
      this.treeView.onDidChangeVisibility((e) => {
        if (e.visible && this.stale) void this.refresh();
      }),
    );
    void this.ready.then(
      () => {
        this.disposables.push(
          this.client.onNotification(StoryChangedNotification, () => {
            this.stale = true;
            if (this.treeView.visible) void this.refresh();
          }),
        );
        if (this.treeView.visible) void this.refresh();
      },
      () => undefined,
    );
  }

  /** The outline the view shows now (tests, and the split/merge pick lists). */
  get current(): StoryOutline | null {
    return this.data;
  }

  /** An actor's appearances (its articles), from the server. */
  async appearancesOf(actorKey: string): Promise<StoryAppearanceView[]> {
    await this.ready;
    return (await this.client.sendRequest(StoryDetailRequest, { folder: this.folderUri, actorKey })).appearances ?? [];
  }

  get folderUri(): string | null {
    return this.folder?.toString() ?? null;
  }

  /** Show the story of one folder (null: the whole workspace). */
  async showFolder(folder: vscode.Uri | null): Promise<void> {
    this.folder = folder;
    void vscode.commands.executeCommand('setContext', 'newsLens.storyForFolder', !!folder);
    await this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      await this.ready;
    } catch {
      return;
    }
    const seq = ++this.seq;
    this.stale = false;
    try {
      const data = await this.client.sendRequest(StoryOutlineRequest, { folder: this.folderUri });
      if (seq !== this.seq) return; // a newer request is on its way
      this.data = data;
      this.loaded.clear();
      this.tree = buildStoryTree(data);
      this.treeView.description = this.folder ? fileNameOf(this.folder.toString()) : undefined;
      this.treeView.message = data.articles.length
        ? data.indexing
          ? `${this.tree.summary}`
          : undefined
        : data.indexing
          ? 'Indexing the workspace…'
          : 'No articles found here.';
      this.changed.fire(undefined);
    } catch (error) {
      if (seq === this.seq) this.treeView.message = `Could not load the story: ${errorMessage(error)}`;
    }
  }

  getChildren(node?: StoryNode): StoryNode[] | Promise<StoryNode[]> {
    if (!node) return this.tree.groups;
    if (node.nodeType === 'group') return node.children;
    if (!isExpandable(node)) return [];
    let children = this.loaded.get(node.id);
    if (!children) {
      children = this.fetchChildren(node).catch((error: unknown) => {
        this.loaded.delete(node.id);
        this.treeView.message = `Could not load the story: ${errorMessage(error)}`;
        return [];
      });
      this.loaded.set(node.id, children);
    }
    return children;
  }

  private async fetchChildren(node: StoryNode): Promise<StoryNode[]> {
    await this.ready;
    const folder = this.folderUri;
    const articleOf = articleLookup(this.data?.articles ?? []);
    switch (node.nodeType) {
      case 'storyActor':
        return appearanceNodes(node.actor, (await this.client.sendRequest(StoryDetailRequest, { folder, actorKey: node.actor.key })).appearances ?? []);
      case 'day':
        return eventNodes((await this.client.sendRequest(StoryDetailRequest, { folder, day: node.day.date ?? '' })).events ?? [], articleOf);
      case 'speaker':
        return quoteNodes(node.speaker, (await this.client.sendRequest(StoryDetailRequest, { folder, speakerId: node.speaker.id })).quotes ?? [], articleOf);
      default:
        return [];
    }
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(node: StoryNode): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    /** Every story node shows its label, id, description and an icon; the rest is per node type. */
    const item = (state: vscode.TreeItemCollapsibleState, icon: string | vscode.ThemeIcon, more: StoryItemExtras = {}): vscode.TreeItem => {
      const it = new vscode.TreeItem(node.label, state);
      it.id = node.id;
      it.description = node.description;
      it.iconPath = typeof icon === 'string' ? new vscode.ThemeIcon(icon) : icon;
      return Object.assign(it, more);
    };
    switch (node.nodeType) {
      case 'group':
        return item(
          node.children.length ? (node.group === 'actors' ? C.Expanded : C.Collapsed) : C.None,
          node.group === 'actors' ? 'organization' : node.group === 'timeline' ? 'history' : 'quote',
          { contextValue: 'storyGroup' },
        );
      case 'storyActor': {
        const tip = new vscode.MarkdownString(`**${md(node.actor.name)}** · ${node.actor.type}\n\n${md(node.description)}`);
        if (node.actor.aliases.length) tip.appendMarkdown(`\n\nAlso written: ${node.actor.aliases.map((a) => `*${md(a)}*`).join(', ')}`);
        return item(C.Collapsed, kindIcon(node.actor.type), {
          contextValue: 'storyActor',
          tooltip: tip,
          accessibilityInformation: { label: `${node.actor.name}, ${node.description}` },
        });
      }
      case 'appearance':
        return item(C.None, 'file', {
          tooltip: new vscode.MarkdownString(`${md(node.appearance.sentence)}`),
          command: revealCommand(node.uri, node.range, 'Open at the First Mention'),
          contextValue: 'storyAppearance',
        });
      case 'storyEvent':
        return item(C.None, 'symbol-event', { command: revealCommand(node.uri, node.range, 'Open at the Event') });
      case 'day':
        return item(C.Collapsed, 'calendar');
      case 'speaker':
        return item(C.Collapsed, 'person');
      case 'storyQuote':
        return item(C.None, 'quote', {
          tooltip: new vscode.MarkdownString(`> ${md(node.quote.text)}`),
          command: revealCommand(node.uri, node.range, 'Open at the Quotation'),
        });
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
