// Dates: ordered by resolved value, grouped by year and month; each reveals its text.
import * as vscode from 'vscode';
import type { ArticleStore } from '../articleStore';
import { buildDatesTree, dateChildren, DatesTree, DatesTreeNode } from '../model/datesTree';
import { contextLabel, md, plural, revealCommand } from './common';

const CATEGORY_ICONS: Record<string, string> = {
  calendar: 'calendar',
  reference: 'history',
  duration: 'watch',
  set: 'sync',
  unresolved: 'question',
};

export class DatesView implements vscode.TreeDataProvider<DatesTreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DatesTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<DatesTreeNode>;
  private tree: DatesTree = buildDatesTree(null);
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly store: ArticleStore) {
    this.treeView = vscode.window.createTreeView('newsLens.dates', { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.treeView,
      store.onDidChange(() => this.rebuild()),
    );
    this.rebuild();
  }

  rebuild(): void {
    const view = this.store.active;
    this.tree = buildDatesTree(view);
    if (!view || (view.dates.length === 0 && view.metadata.date === null)) {
      this.treeView.message = undefined;
    } else if (view.metadata.date) {
      const source =
        view.metadata.dateSource === 'option'
          ? 'the newsLens.articleDate setting'
          : view.metadata.dateSource === 'frontmatter'
            ? 'the front matter'
            : 'the dateline';
      this.treeView.message = `Article date ${view.metadata.dateReadable ?? view.metadata.date} (from ${source}). ${plural(view.dates.length, 'date expression')}.`;
    } else {
      this.treeView.message = 'No article date, so relative dates stay unresolved. Run "News Lens: Set Article Date…" to add one.';
    }
    this.changed.fire(undefined);
  }

  getChildren(node?: DatesTreeNode): DatesTreeNode[] {
    return dateChildren(this.tree, node);
  }

  getParent(node: DatesTreeNode): DatesTreeNode | undefined {
    return node.parent;
  }

  getTreeItem(node: DatesTreeNode): vscode.TreeItem {
    const uri = this.store.active?.uri ?? '';
    if (node.nodeType === 'dateGroup') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = String(node.count);
      item.iconPath =
        node.groupKind === 'month' || node.groupKind === 'period' ? undefined : new vscode.ThemeIcon(CATEGORY_ICONS[node.groupKind] ?? 'calendar');
      item.accessibilityInformation = { label: `${node.label}: ${plural(node.count, 'date')}` };
      return item;
    }
    const d = node.date;
    const item = new vscode.TreeItem(d.text, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = d.readable ?? d.value ?? 'unresolved';
    item.iconPath = new vscode.ThemeIcon(CATEGORY_ICONS[d.category]);
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown(`**${md(d.text)}** → ${d.value ? `\`${d.value}\`` : '_unresolved_'}${d.readable ? ` (${md(d.readable)})` : ''}\n\n`);
    tip.appendMarkdown(`${d.type}${d.mod ? `, ${d.mod}` : ''}${d.relative ? ', relative to the article date' : ''}\n\n${md(d.explanation)}`);
    const context = contextLabel(uri, d.range, d.text).label;
    if (context !== d.text) tip.appendMarkdown(`\n\n> ${md(typeof context === 'string' ? context : d.text)}`);
    item.tooltip = tip;
    item.command = revealCommand(uri, d.range, 'Reveal Date');
    item.accessibilityInformation = { label: `${d.text}: ${d.readable ?? d.value ?? 'unresolved'}, line ${d.range.start.line + 1}` };
    return item;
  }

  /** Selects a date (the one under the cursor) without taking focus. */
  async revealAt(index: number): Promise<boolean> {
    if (!this.treeView.visible) return false;
    const node = this.tree.byIndex.get(index);
    if (!node) return false;
    await this.treeView.reveal(node, { select: true, focus: false, expand: false });
    return true;
  }

  async revealDate(index: number, focus: boolean): Promise<boolean> {
    const node = this.tree.byIndex.get(index);
    if (!node) return false;
    await this.treeView.reveal(node, { select: true, focus, expand: true });
    return true;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
