// Actors: kind groups → actors ranked by mentions → mentions in context.
import * as vscode from 'vscode';
import type { ArticleStore } from '../articleStore';
import { ActorNode, ActorsTree, ActorsTreeNode, buildActorsTree, childrenOf, findMention, parentOf } from '../model/actorsTree';
import { EVIDENCE_LABELS, KIND_LABELS } from '../model/kinds';
import { contextLabel, kindIcon, md, plural, revealCommand } from './common';
import type { Range } from 'vscode-languageserver-protocol';
import { DELAYS_MS } from '../limits';

export class ActorsView implements vscode.TreeDataProvider<ActorsTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ActorsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<ActorsTreeNode>;
  private tree: ActorsTree = buildActorsTree(null);
  private filter = '';
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly store: ArticleStore) {
    this.treeView = vscode.window.createTreeView('newsLens.actors', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.treeView,
      store.onDidChange(() => this.rebuild()),
    );
    this.rebuild();
  }

  get currentFilter(): string {
    return this.filter;
  }

  get currentTree(): ActorsTree {
    return this.tree;
  }

  setFilter(query: string): void {
    this.filter = query.trim();
    void vscode.commands.executeCommand('setContext', 'newsLens.actorFilterActive', this.filter.length > 0);
    this.rebuild();
  }

  rebuild(): void {
    const kindsBefore = this.tree.groups.map((g) => g.kind).join();
    this.tree = buildActorsTree(this.store.active, this.filter);
    // A kind switched back on comes back at the top, where the list may be scrolled past: show it.
    const first = this.tree.groups[0];
    if (first && kindsBefore && kindsBefore !== this.tree.groups.map((g) => g.kind).join() && this.treeView.visible) {
      setTimeout(() => void Promise.resolve(this.treeView.reveal(first, { select: false, focus: false })).catch(() => undefined), DELAYS_MS.treeReveal);
    }
    const doc = this.store.followedDocument;
    this.treeView.description = this.store.active && doc ? vscode.workspace.asRelativePath(doc.uri, false) : undefined;
    this.treeView.message =
      this.filter && this.store.active && this.tree.shownActors > 0
        ? `Filter "${this.filter}": ${this.tree.shownActors} of ${plural(this.tree.totalActors, 'actor')}`
        : undefined;
    this.changed.fire(undefined);
  }

  getChildren(node?: ActorsTreeNode): ActorsTreeNode[] {
    return childrenOf(this.tree, node);
  }

  getParent(node: ActorsTreeNode): ActorsTreeNode | undefined {
    return parentOf(node);
  }

  getTreeItem(node: ActorsTreeNode): vscode.TreeItem {
    const uri = this.store.active?.uri ?? '';
    if (node.nodeType === 'kind') {
      const item = new vscode.TreeItem(KIND_LABELS[node.kind].plural, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.iconPath = kindIcon(node.kind);
      item.description = `${node.actors.length} · ${plural(node.mentionTotal, 'mention')}`;
      item.contextValue = 'kind';
      item.accessibilityInformation = {
        label: `${KIND_LABELS[node.kind].plural}: ${plural(node.actors.length, 'actor')}, ${plural(node.mentionTotal, 'mention')}`,
      };
      return item;
    }
    if (node.nodeType === 'actor') return this.actorItem(node, uri);
    const m = node.mention;
    const item = new vscode.TreeItem(contextLabel(uri, m.range, m.text), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = `line ${m.range.start.line + 1}${m.type !== node.parent.actor.type ? ` · ${KIND_LABELS[m.type].singular.toLowerCase()}` : ''}`;
    item.tooltip = `${m.text}: ${KIND_LABELS[m.type].singular.toLowerCase()}, ${EVIDENCE_LABELS[m.evidence] ?? m.evidence}`;
    item.command = revealCommand(uri, m.range, 'Reveal Mention');
    item.contextValue = 'mention';
    item.iconPath = m.type !== node.parent.actor.type ? kindIcon(m.type) : undefined;
    item.accessibilityInformation = { label: `Mention ${node.index + 1} of ${node.parent.actor.name}, line ${m.range.start.line + 1}: ${m.text}` };
    return item;
  }

  private actorItem(node: ActorNode, uri: string): vscode.TreeItem {
    const a = node.actor;
    const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.iconPath = kindIcon(a.type);
    const extras: string[] = [];
    if (a.nationalityMentions > 0) extras.push(`+${a.nationalityMentions} demonym`);
    if (a.aliases.length) extras.push(`aka ${a.aliases.join(', ')}`);
    if (a.otherArticles) extras.push(`in ${plural(a.otherArticles, 'other article')}`);
    item.description = [`${a.mentionCount}\u00D7`, ...extras].join(' · ');
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`$(${kindIcon(a.type).id}) **${md(a.name)}** · ${KIND_LABELS[a.type].singular}\n\n`);
    if (a.aliases.length) tip.appendMarkdown(`Also written: ${a.aliases.map(md).join(', ')}\n\n`);
    tip.appendMarkdown(`${plural(a.mentionCount, 'mention')}, rank ${a.rank} in this article`);
    if (a.nationalityMentions > 0) tip.appendMarkdown(`, plus ${plural(a.nationalityMentions, 'nationality mention')}`);
    if (a.otherArticles !== undefined) tip.appendMarkdown(`\n\nAlso in ${plural(a.otherArticles, 'other article')} of the workspace`);
    tip.appendMarkdown(`\n\nWhy: ${md(EVIDENCE_LABELS[a.evidence] ?? a.evidence)}`);
    if (a.firstMentionSentence) tip.appendMarkdown(`\n\n> ${md(a.firstMentionSentence)}`);
    item.tooltip = tip;
    item.contextValue = 'actor';
    const first = a.mentions[0];
    if (first) item.command = revealCommand(uri, first.range, 'Reveal First Mention');
    item.accessibilityInformation = {
      label: `${a.name}, ${KIND_LABELS[a.type].singular}, ${plural(a.mentionCount, 'mention')}${a.aliases.length ? `, also ${a.aliases.join(', ')}` : ''}`,
    };
    return item;
  }

  /** Selects an actor's mention (the one under the cursor), expanding its actor, without taking focus. */
  async revealMention(actorId: string, range: Range): Promise<boolean> {
    if (!this.treeView.visible) return false;
    const node = findMention(this.tree, actorId, range);
    if (!node) return false;
    await this.treeView.reveal(node, { select: true, focus: false, expand: false });
    return true;
  }

  /** Brings the view on screen (e.g. while the filter box is open) without taking focus. */
  async showWithoutFocus(): Promise<void> {
    const first = this.tree.groups[0];
    if (this.treeView.visible || !first) return;
    await Promise.resolve(this.treeView.reveal(first, { select: false, focus: false, expand: true })).catch(() => undefined);
  }

  async revealActor(actorId: string, focus: boolean): Promise<boolean> {
    let node = this.tree.byActorId.get(actorId);
    if (!node && this.filter) {
      this.setFilter('');
      node = this.tree.byActorId.get(actorId);
    }
    if (!node) return false;
    await this.treeView.reveal(node, { select: true, focus, expand: true });
    return true;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
