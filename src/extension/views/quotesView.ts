// Quotes: quotations in text order with their speakers; each reveals its text.
import * as vscode from 'vscode';
import type { ArticleStore } from '../articleStore';
import { buildQuotesList, QuoteItemNode, shortenForLabel, speakerLabel } from '../model/quotesList';
import { md, revealCommand } from './common';

export class QuotesView implements vscode.TreeDataProvider<QuoteItemNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<QuoteItemNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<QuoteItemNode>;
  private items: QuoteItemNode[] = [];
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly store: ArticleStore) {
    this.treeView = vscode.window.createTreeView('newsLens.quotes', { treeDataProvider: this });
    this.disposables.push(
      this.treeView,
      store.onDidChange(() => this.rebuild()),
    );
    this.rebuild();
  }

  rebuild(): void {
    this.items = buildQuotesList(this.store.active);
    this.changed.fire(undefined);
  }

  getChildren(node?: QuoteItemNode): QuoteItemNode[] {
    return node ? [] : this.items;
  }

  getParent(): undefined {
    return undefined;
  }

  getTreeItem(node: QuoteItemNode): vscode.TreeItem {
    const uri = this.store.active?.uri ?? '';
    const q = node.quote;
    const item = new vscode.TreeItem(shortenForLabel(q.text), vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.iconPath = new vscode.ThemeIcon('quote');
    item.description = `\u2014 ${speakerLabel(q)}`;
    const tip = new vscode.MarkdownString();
    tip.appendMarkdown(`> ${md(q.text)}\n\n\u2014 ${q.speakerName ? `**${md(q.speakerName)}**` : md(q.speakerText ?? 'speaker not found')}`);
    if (q.speakerName && q.speakerText && q.speakerText !== q.speakerName) tip.appendMarkdown(` (${md(q.speakerText)})`);
    item.tooltip = tip;
    item.command = revealCommand(uri, q.range, 'Reveal Quotation');
    item.accessibilityInformation = { label: `Quotation by ${speakerLabel(q)}: ${q.text}` };
    return item;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
