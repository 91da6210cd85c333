// Helpers shared by the sidebar views.
import * as vscode from 'vscode';
import type { HighlightKind } from '../../protocol';
import { KIND_ICONS } from '../model/kinds';
import { mentionContext } from '../model/mentionContext';
import { REVEAL_RANGE_COMMAND } from '../reveal';
import type { Range as LspRange } from 'vscode-languageserver-protocol';

/** Kind icons tinted with the built-in chart colours, which every theme defines. */
const KIND_ICON_COLORS: Record<HighlightKind, string> = {
  person: 'charts.purple',
  organization: 'charts.blue',
  place: 'charts.orange',
  nationality: 'charts.red',
  date: 'charts.green',
};

export function kindIcon(kind: HighlightKind): vscode.ThemeIcon {
  return new vscode.ThemeIcon(KIND_ICONS[kind], new vscode.ThemeColor(KIND_ICON_COLORS[kind]));
}

export function revealCommand(uri: string, range: LspRange, title = 'Reveal in Editor'): vscode.Command {
  return { command: REVEAL_RANGE_COMMAND, title, arguments: [uri, range] };
}

export function openDocument(uri: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
}

/** The range's line with the range marked, for tree labels; falls back to the bare text. */
export function contextLabel(uri: string, range: LspRange, fallback: string): vscode.TreeItemLabel {
  const doc = openDocument(uri);
  if (!doc || range.start.line >= doc.lineCount) return { label: fallback };
  const line = doc.lineAt(range.start.line).text;
  const end = range.end.line === range.start.line ? range.end.character : line.length;
  const { label, highlight } = mentionContext(line, range.start.character, end);
  return { label, highlights: [highlight] };
}

export { md, plural } from '../../protocol';
