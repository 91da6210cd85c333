// Events timeline: notable events grouped by resolved date (year → month → day);
// each reveals its sentence; filters by class and by actor.
import * as vscode from 'vscode';
import type { ArticleStore } from '../articleStore';
import { buildEventsTree, eventChildren, EventFilter, eventLabel, EventsTree, EventsTreeNode, isFilterActive, NO_EVENT_FILTER } from '../model/eventsTree';
import { md, plural, revealCommand } from './common';

export class EventsView implements vscode.TreeDataProvider<EventsTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EventsTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<EventsTreeNode>;
  private tree: EventsTree = buildEventsTree(null);
  private filterState: EventFilter = NO_EVENT_FILTER;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly store: ArticleStore) {
    this.treeView = vscode.window.createTreeView('newsLens.events', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.treeView,
      store.onDidChange(() => this.rebuild()),
    );
    this.rebuild();
  }

  get filter(): EventFilter {
    return this.filterState;
  }

  setFilter(filter: EventFilter): void {
    this.filterState = filter;
    void vscode.commands.executeCommand('setContext', 'newsLens.eventFilterActive', isFilterActive(filter));
    void vscode.commands.executeCommand('setContext', 'newsLens.showAllEvents', filter.showAll);
    this.rebuild();
  }

  rebuild(): void {
    const view = this.store.active;
    this.tree = buildEventsTree(view, this.filterState);
    // An empty tree shows the welcome view (with its Show All Events button) only without a message.
    if (!view || this.tree.shown === 0) {
      this.treeView.message = undefined;
    } else {
      const f = this.filterState;
      const parts: string[] = [];
      const actorName = f.actorId ? (view.actors.find((a) => a.id === f.actorId)?.name ?? f.actorId) : null;
      parts.push(
        f.showAll || actorName
          ? `${this.tree.shown} of ${plural(this.tree.total, 'event')}`
          : `${this.tree.shown} notable of ${plural(this.tree.total, 'event')}`,
      );
      if (actorName) parts.push(`actor: ${actorName}`);
      if (f.classes) parts.push(`class: ${f.classes.map((c) => c.toLowerCase()).join(', ')}`);
      this.treeView.message = parts.join(' · ');
    }
    this.changed.fire(undefined);
  }

  getChildren(node?: EventsTreeNode): EventsTreeNode[] {
    return eventChildren(this.tree, node);
  }

  getParent(node: EventsTreeNode): EventsTreeNode | undefined {
    return node.parent;
  }

  getTreeItem(node: EventsTreeNode): vscode.TreeItem {
    const uri = this.store.active?.uri ?? '';
    if (node.nodeType === 'eventGroup') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = String(node.count);
      item.iconPath = node.level === 'year' ? new vscode.ThemeIcon('calendar') : undefined;
      item.accessibilityInformation = { label: `${node.label}: ${plural(node.count, 'event')}` };
      if (node.id === 'events:reported') item.tooltip = 'The text gives these events no date of their own; they had happened by the article date.';
      return item;
    }
    const e = node.event;
    const item = new vscode.TreeItem(eventLabel(e), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon('symbol-event');
    const where = e.placeName ? ` · ${e.placeName}` : '';
    item.description = `${e.class.toLowerCase().replace('_', ' ')}${where}`;
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown(`**${md(eventLabel(e))}**\n\n`);
    tip.appendMarkdown(`*${md(e.text)}* · ${e.class}, ${e.tense} tense\n\n`);
    const who = e.agentName ?? e.agentText;
    if (who) tip.appendMarkdown(`Who: ${md(who)}\n\n`);
    const whom = e.patientName;
    if (whom) tip.appendMarkdown(`To whom or what: ${md(whom)}\n\n`);
    if (e.placeName) tip.appendMarkdown(`Where: ${md(e.placeName)}\n\n`);
    tip.appendMarkdown(
      `When: ${e.date ? `${md(e.dateReadable ?? e.date)} (\`${e.date}\`, from a date in the text)` : e.articleDate ? `no date in the text; reported by ${md(e.articleDateReadable ?? e.articleDate)}` : 'no date in the text'}\n\n`,
    );
    tip.appendMarkdown(`> ${md(e.sentence)}`);
    item.tooltip = tip;
    item.command = revealCommand(uri, e.sentenceRange, 'Reveal Sentence');
    item.contextValue = 'event';
    item.accessibilityInformation = { label: `${eventLabel(e)}, ${e.class.toLowerCase()}, ${e.dateReadable ?? e.date ?? 'no date in the text'}` };
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
