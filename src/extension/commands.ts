// Every "News Lens: …" command. Commands that act on an actor accept, in order:
// the hover-link arguments [uri, actorId], an Actors tree node (context menus),
// or nothing (then the entity under the cursor, else a pick list).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ArticleDateEditRequest, errorMessage, HIGHLIGHT_KINDS, REVEAL_IN_SIDEBAR_COMMAND, SHOW_ALL_MENTIONS_COMMAND } from '../protocol';
import type { ActorView, ArticleView, HighlightKind } from '../protocol';
import type { ArticleStore } from './articleStore';
import { isCandidateDocument } from './articleStore';
import { refreshEditorFeatures } from './client';
import { itemAt } from './cursor';
import { DELAYS_MS } from './limits';
import type { HighlightController } from './highlighting';
import type { ActorNode } from './model/actorsTree';
import { isCalendarDate, todayIso } from './model/articleDateEdit';
import { KIND_ICONS, KIND_LABELS } from './model/kinds';
import { rangeContains } from './model/positions';
import { HIGHLIGHT_STYLES, HighlightStyle } from './model/settings';
import { REVEAL_RANGE_COMMAND, revealRange, toLspPosition, toVsRange } from './reveal';
import { writeSetting } from './settings';
import type { ActorsView } from './views/actorsView';
import type { DatesView } from './views/datesView';
import type { EventsView } from './views/eventsView';

export interface CommandContext {
  client: LanguageClient;
  store: ArticleStore;
  highlight: HighlightController;
  actors: ActorsView;
  dates: DatesView;
  events: EventsView;
  output: vscode.OutputChannel;
}

interface ActorTarget {
  uri: string;
  view: ArticleView;
  actor: ActorView;
}

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- VS Code passes each command its own argument types
  const reg = (id: string, fn: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, fn);
  return [
    reg(REVEAL_RANGE_COMMAND, (uri: string, range) => revealRange(uri, range)),
    reg('newsLens.toggleHighlighting', () => ctx.highlight.toggle((style) => writeSetting('highlightStyle', style))),
    reg('newsLens.setHighlightStyle', () => setHighlightStyle(ctx)),
    reg('newsLens.chooseKinds', () => chooseKinds(ctx)),
    reg('newsLens.filterActors', () => filterActors(ctx)),
    reg('newsLens.clearActorFilter', () => ctx.actors.setFilter('')),
    reg('newsLens.filterEvents', () => filterEvents(ctx)),
    reg('newsLens.clearEventFilter', () => ctx.events.setFilter({ ...ctx.events.filter, classes: null, actorId: null })),
    reg('newsLens.showAllEvents', () => ctx.events.setFilter({ ...ctx.events.filter, showAll: true })),
    reg('newsLens.showNotableEvents', () => ctx.events.setFilter({ ...ctx.events.filter, showAll: false })),
    reg('newsLens.showEventsOfActor', (...args: unknown[]) => showEventsOfActor(ctx, args)),
    reg('newsLens.setArticleDate', () => setArticleDate(ctx)),
    reg(SHOW_ALL_MENTIONS_COMMAND, (...args: unknown[]) => showAllMentions(ctx, args)),
    reg(REVEAL_IN_SIDEBAR_COMMAND, (...args: unknown[]) => revealInSidebar(ctx, args)),
    reg('newsLens.focusSidebar', () => vscode.commands.executeCommand('newsLens.actors.focus')),
    reg('newsLens.refresh', () => refresh(ctx)),
    reg('newsLens.restartServer', async () => {
      await ctx.client.restart();
      ctx.store.refreshVisible();
    }),
    reg('newsLens.showOutput', () => ctx.output.show(true)),
    reg('newsLens.openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', '@ext:news-lens.news-lens')),
  ];
}

// ---------------------------------------------------------------------------
// Finding the actor a command is about

async function resolveActor(ctx: CommandContext, args: unknown[], pickTitle?: string): Promise<ActorTarget | undefined> {
  const [first, second] = args;
  if (typeof first === 'string' && typeof second === 'string') {
    const view = ctx.store.viewFor(first) ?? (await ctx.store.fetch(first));
    const actor = view?.actors.find((a) => a.id === second);
    if (view && actor) return { uri: first, view, actor };
  }
  if (first && typeof first === 'object' && (first as ActorNode).nodeType === 'actor') {
    const view = ctx.store.active;
    const actor = (first as ActorNode).actor;
    if (view) return { uri: view.uri, view, actor: view.actors.find((a) => a.id === actor.id) ?? actor };
  }
  const atCursor = await actorAtCursor(ctx);
  if (atCursor) return atCursor;
  if (!pickTitle) return undefined;
  const view = ctx.store.active;
  if (!view || view.actors.length === 0) {
    void vscode.window.showInformationMessage('News Lens: open an article with actors first.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    view.actors.map((a) => ({
      label: `$(${KIND_ICONS[a.type]}) ${a.name}`,
      description: `${a.mentionCount}\u00D7${a.aliases.length ? ` · ${a.aliases.join(', ')}` : ''}`,
      actor: a,
    })),
    { title: pickTitle, placeHolder: 'Type to find an actor', matchOnDescription: true },
  );
  return picked ? { uri: view.uri, view, actor: picked.actor } : undefined;
}

async function actorAtCursor(ctx: CommandContext): Promise<ActorTarget | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const uri = editor.document.uri.toString();
  const view = ctx.store.viewFor(uri);
  if (!view) return undefined;
  const at = await itemAt(ctx.client, uri, editor.selection.active);
  const actor = at?.actorId ? view.actors.find((a) => a.id === at.actorId) : undefined;
  return actor ? { uri, view, actor } : undefined;
}

// ---------------------------------------------------------------------------
// Commands

async function showAllMentions(ctx: CommandContext, args: unknown[]): Promise<void> {
  const target = await resolveActor(ctx, args, 'Show All Mentions of…');
  if (!target) {
    void vscode.window.showInformationMessage('News Lens: put the cursor on a highlighted name to show all its mentions.');
    return;
  }
  const { uri, actor } = target;
  const editor = vscode.window.activeTextEditor;
  const cursor = editor && editor.document.uri.toString() === uri ? toLspPosition(editor.selection.active) : undefined;
  const here = actor.mentions.find((m) => cursor && rangeContains(m.range, cursor)) ?? actor.mentions[0];
  if (!here) return;
  const docUri = vscode.Uri.parse(uri);
  const position = toVsRange(here.range).start;
  // The server's references are the source of truth; the view's mentions are the fallback.
  let locations = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', docUri, position)) ?? [];
  if (locations.length === 0) locations = actor.mentions.map((m) => new vscode.Location(docUri, toVsRange(m.range)));
  await revealRange(uri, here.range);
  await vscode.commands.executeCommand('editor.action.showReferences', docUri, position, locations);
}

async function revealInSidebar(ctx: CommandContext, args: unknown[]): Promise<void> {
  const target = await resolveActor(ctx, args);
  if (target) {
    if (ctx.store.followedDocument?.uri.toString() !== target.uri)
      await revealRange(target.uri, target.actor.mentions[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    if (await ctx.actors.revealActor(target.actor.id, true)) return;
  }
  // A date under the cursor is revealed in the Dates view.
  const editor = vscode.window.activeTextEditor;
  const view = ctx.store.active;
  if (editor && view && editor.document.uri.toString() === view.uri) {
    const at = await itemAt(ctx.client, view.uri, editor.selection.active);
    if (at?.dateIndex != null && (await ctx.dates.revealDate(at.dateIndex, true))) return;
  }
  await vscode.commands.executeCommand('newsLens.actors.focus');
  if (!target) void vscode.window.showInformationMessage('News Lens: the cursor is not on a highlighted name or date.');
}

async function showEventsOfActor(ctx: CommandContext, args: unknown[]): Promise<void> {
  const target = await resolveActor(ctx, args, 'Show Events of…');
  if (!target) return;
  ctx.events.setFilter({ ...ctx.events.filter, actorId: target.actor.id });
  await vscode.commands.executeCommand('newsLens.events.focus');
}

async function filterActors(ctx: CommandContext): Promise<void> {
  const previous = ctx.actors.currentFilter;
  const box = vscode.window.createInputBox();
  box.title = 'Filter Actors';
  box.placeholder = 'Name or alias, e.g. "qaeda" or "burkina"; empty shows all';
  box.value = previous;
  box.prompt = 'The Actors view filters as you type. Enter keeps the filter; Escape restores the previous one.';
  let accepted = false;
  box.onDidChangeValue((v) => ctx.actors.setFilter(v));
  box.onDidAccept(() => {
    accepted = true;
    box.hide();
  });
  box.onDidHide(() => {
    if (!accepted) ctx.actors.setFilter(previous);
    box.dispose();
  });
  // The box first, so typing goes into it at once; then bring the view on screen
  // without moving focus (focusing it would close the box).
  box.show();
  await ctx.actors.showWithoutFocus();
}

async function filterEvents(ctx: CommandContext): Promise<void> {
  const view = ctx.store.active;
  if (!view) {
    void vscode.window.showInformationMessage('News Lens: open an article first.');
    return;
  }
  const f = ctx.events.filter;
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(symbol-class) By class…', id: 'class', description: f.classes ? f.classes.join(', ') : 'all classes' },
      { label: '$(person) By actor…', id: 'actor', description: f.actorId ? (view.actors.find((a) => a.id === f.actorId)?.name ?? '') : 'any actor' },
      { label: f.showAll ? '$(list-filter) Notable events only' : '$(list-unordered) All events, "said" included', id: 'all' },
      { label: '$(clear-all) Clear filters', id: 'clear' },
    ],
    { title: 'Filter Events' },
  );
  if (!choice) return;
  if (choice.id === 'clear') ctx.events.setFilter({ ...f, classes: null, actorId: null });
  else if (choice.id === 'all') ctx.events.setFilter({ ...f, showAll: !f.showAll });
  else if (choice.id === 'actor') await showEventsOfActor(ctx, [undefined]);
  else {
    const classes = [...new Set(view.events.map((e) => e.class))].sort();
    const picked = await vscode.window.showQuickPick(
      classes.map((c) => ({ label: c, picked: !f.classes || f.classes.includes(c), description: `${view.events.filter((e) => e.class === c).length}` })),
      { title: 'Show events of these classes', canPickMany: true },
    );
    if (!picked) return;
    ctx.events.setFilter({ ...f, classes: picked.length === classes.length ? null : picked.map((p) => p.label) });
  }
}

async function chooseKinds(ctx: CommandContext): Promise<void> {
  const current = ctx.highlight.settings.kinds;
  const items: (vscode.QuickPickItem & { highlightKind: HighlightKind })[] = HIGHLIGHT_KINDS.map((k) => ({
    label: `$(${KIND_ICONS[k]}) ${KIND_LABELS[k].plural}`,
    highlightKind: k,
    picked: current.has(k),
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Highlighted Kinds', placeHolder: 'Kinds to highlight and list', canPickMany: true });
  if (!picked) return;
  await writeSetting(
    'kinds',
    HIGHLIGHT_KINDS.filter((k) => picked.some((p) => p.highlightKind === k)),
  );
}

async function setHighlightStyle(ctx: CommandContext): Promise<void> {
  const labels: Record<HighlightStyle, string> = {
    semantic: "Semantic: the theme's colours",
    marker: 'Marker: background marks per kind',
    both: 'Both',
    off: 'Off',
  };
  const picked = await vscode.window.showQuickPick(
    HIGHLIGHT_STYLES.map((s) => ({ label: labels[s], style: s, description: s === ctx.highlight.settings.highlightStyle ? 'current' : undefined })),
    { title: 'Highlight Style' },
  );
  if (!picked) return;
  await writeSetting('highlightStyle', picked.style);
  if (picked.style !== 'off') await ctx.highlight.enableSession();
}

async function setArticleDate(ctx: CommandContext): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isCandidateDocument(editor.document)) {
    void vscode.window.showInformationMessage('News Lens: open a text, Markdown or article file to set its date.');
    return;
  }
  const doc = editor.document;
  const view = ctx.store.viewFor(doc.uri.toString());
  const date = await vscode.window.showInputBox({
    title: 'Set Article Date',
    prompt:
      'The date relative dates ("last year", "on Friday") are resolved against. It is written into the file as a dateline or front-matter date; no other text changes.',
    value: view?.metadata.date ?? todayIso(),
    placeHolder: 'YYYY-MM-DD',
    validateInput: (v) => (isCalendarDate(v.trim()) ? undefined : 'Write a real date as YYYY-MM-DD, e.g. 2024-08-06'),
  });
  if (date === undefined) return;
  // The server plans the edit with the analysis' own header reader (the extension never imports the analysis).
  let plan;
  try {
    plan = await ctx.client.sendRequest(ArticleDateEditRequest, {
      uri: doc.uri.toString(),
      date: date.trim(),
      eol: doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
    });
  } catch (error) {
    void vscode.window.showErrorMessage(`News Lens: the date could not be computed (${errorMessage(error)}).`);
    return;
  }
  if ('error' in plan) {
    void vscode.window.showErrorMessage(`News Lens: ${plan.error}`);
    return;
  }
  // Edits are ranges in the version the server saw; typing since then would shift them.
  if (plan.version !== doc.version) {
    void vscode.window.showWarningMessage('News Lens: the document changed while the date was being computed; run Set Article Date again.');
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of plan.edits) edit.replace(doc.uri, toVsRange(e.range), e.newText);
  if (await vscode.workspace.applyEdit(edit)) {
    vscode.window.setStatusBarMessage(`News Lens: ${plan.description}`, DELAYS_MS.statusMessage);
    ctx.store.schedule(doc.uri.toString(), DELAYS_MS.dateEditRefresh);
  } else {
    void vscode.window.showErrorMessage('News Lens: the date could not be written (is the file read-only?).');
  }
}

async function refresh(ctx: CommandContext): Promise<void> {
  refreshEditorFeatures(ctx.client);
  const doc = ctx.store.followedDocument;
  if (doc) await ctx.store.fetch(doc.uri.toString());
  ctx.store.refreshVisible();
}
