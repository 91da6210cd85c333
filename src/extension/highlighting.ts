// Highlighting state and the "marker" style. Semantic tokens come from the server
// (filtered in client.ts); marker style paints per-kind backgrounds with editor
// decorations whose colours are contributed theme colours (newsLens.*Background).
import * as vscode from 'vscode';
import type { ArticleView, HighlightKind } from '../protocol';
import { HIGHLIGHT_KINDS } from '../protocol';
import type { ArticleStore } from './articleStore';
import { ExtensionSettings, highlightLayers } from './model/settings';
import { toVsRange } from './reveal';

const SESSION_KEY = 'newsLens.highlightingEnabled';

export class HighlightController implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private sessionEnabled: boolean;

  constructor(
    private readonly memento: vscode.Memento,
    private current: ExtensionSettings,
  ) {
    this.sessionEnabled = memento.get<boolean>(SESSION_KEY, true);
    void this.updateContext();
  }

  get settings(): ExtensionSettings {
    return this.current;
  }

  /** True when anything is highlighted: the session toggle is on and the style is not "off". */
  get isOn(): boolean {
    return this.sessionEnabled && this.current.highlightStyle !== 'off';
  }

  get layers(): { semantic: boolean; marker: boolean } {
    return highlightLayers(this.current.highlightStyle, this.sessionEnabled);
  }

  update(settings: ExtensionSettings): void {
    this.current = settings;
    void this.updateContext();
    this.changed.fire();
  }

  /** Turns highlighting off for this workspace, or back on (to "semantic" if the setting says "off"). */
  async toggle(writeStyle: (style: 'semantic') => Thenable<void>): Promise<void> {
    if (this.isOn) {
      this.sessionEnabled = false;
    } else {
      this.sessionEnabled = true;
      if (this.current.highlightStyle === 'off') await writeStyle('semantic');
    }
    await this.memento.update(SESSION_KEY, this.sessionEnabled);
    void this.updateContext();
    this.changed.fire();
  }

  async enableSession(): Promise<void> {
    if (this.sessionEnabled) return;
    this.sessionEnabled = true;
    await this.memento.update(SESSION_KEY, true);
    void this.updateContext();
    this.changed.fire();
  }

  private updateContext(): Thenable<unknown> {
    return vscode.commands.executeCommand('setContext', 'newsLens.highlightingOn', this.isOn);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** displaCy-like background marks, one decoration type per kind. */
export class MarkerDecorations implements vscode.Disposable {
  private readonly types: Record<HighlightKind, vscode.TextEditorDecorationType>;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly decorated = new Set<vscode.TextEditor>();

  constructor(
    private readonly store: ArticleStore,
    private readonly highlight: HighlightController,
  ) {
    this.types = Object.fromEntries(
      HIGHLIGHT_KINDS.map((kind) => [
        kind,
        vscode.window.createTextEditorDecorationType({
          backgroundColor: new vscode.ThemeColor(`newsLens.${kind}Background`),
          borderColor: new vscode.ThemeColor(`newsLens.${kind}Border`),
          borderStyle: 'solid',
          borderWidth: '1px',
          borderRadius: '3px',
          rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
        }),
      ]),
    ) as Record<HighlightKind, vscode.TextEditorDecorationType>;
    this.disposables.push(
      store.onDidChange(() => this.render()),
      highlight.onDidChange(() => this.render()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.render()),
    );
  }

  render(): void {
    const on = this.highlight.layers.marker;
    const kinds = this.highlight.settings.kinds;
    const stillVisible = new Set(vscode.window.visibleTextEditors);
    for (const editor of [...this.decorated]) if (!stillVisible.has(editor)) this.decorated.delete(editor);
    for (const editor of vscode.window.visibleTextEditors) {
      const view = on ? this.store.viewFor(editor.document.uri.toString()) : undefined;
      if (!view) {
        if (this.decorated.delete(editor)) for (const t of Object.values(this.types)) editor.setDecorations(t, []);
        continue;
      }
      const ranges = rangesByKind(view);
      for (const kind of HIGHLIGHT_KINDS) editor.setDecorations(this.types[kind], kinds.has(kind) ? ranges[kind] : []);
      this.decorated.add(editor);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const t of Object.values(this.types)) t.dispose();
  }
}

function rangesByKind(view: ArticleView): Record<HighlightKind, vscode.Range[]> {
  const out = Object.fromEntries(HIGHLIGHT_KINDS.map((kind) => [kind, [] as vscode.Range[]])) as Record<HighlightKind, vscode.Range[]>;
  for (const actor of view.actors) for (const m of actor.mentions) out[m.type]?.push(toVsRange(m.range));
  for (const d of view.dates) out.date.push(toVsRange(d.range));
  return out;
}
