// Status bar item: counts per kind for the active article; clicking toggles highlighting.
import * as vscode from 'vscode';
import type { ArticleStore } from './articleStore';
import type { HighlightController } from './highlighting';
import { statusSummary } from './model/statusSummary';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('newsLens.counts', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly store: ArticleStore,
    private readonly highlight: HighlightController,
  ) {
    this.item.name = 'News Lens';
    this.item.command = 'newsLens.toggleHighlighting';
    this.disposables.push(
      store.onDidChange(() => this.render()),
      highlight.onDidChange(() => this.render()),
    );
    this.render();
  }

  render(): void {
    const view = this.store.active;
    if (!view || !this.highlight.settings.statusBar) {
      this.item.hide();
      return;
    }
    const on = this.highlight.isOn;
    const summary = statusSummary(view.counts, this.highlight.settings.kinds, on);
    this.item.text = summary.text;
    const tip = new vscode.MarkdownString(undefined, true);
    tip.appendMarkdown(`**News Lens** · highlighting ${on ? `on (${this.highlight.settings.highlightStyle})` : 'off'}\n\n`);
    tip.appendMarkdown(summary.lines.map((l) => `- ${l}`).join('\n'));
    tip.appendMarkdown(`\n\nClick to switch highlighting ${on ? 'off' : 'on'}.`);
    this.item.tooltip = tip;
    this.item.accessibilityInformation = { label: `News Lens: ${summary.lines.join(', ')}. Highlighting ${on ? 'on' : 'off'}; activate to toggle.` };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
