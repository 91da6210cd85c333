// Moving the editor to a span of an article: used by every tree item and command.
import * as vscode from 'vscode';
import type { Range as LspRange } from 'vscode-languageserver-protocol';

import { REVEAL_RANGE_COMMAND } from '../protocol/story';

export { REVEAL_RANGE_COMMAND };

export function toVsRange(r: LspRange): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toLspPosition(p: vscode.Position): { line: number; character: number } {
  return { line: p.line, character: p.character };
}

/** Opens the document (or focuses its editor) and selects the range, centred. */
export async function revealRange(uri: string, range: LspRange, options: { preserveFocus?: boolean } = {}): Promise<vscode.TextEditor | undefined> {
  const target = vscode.Uri.parse(uri);
  const existing = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
  const selection = toVsRange(range);
  const document = existing?.document ?? (await vscode.workspace.openTextDocument(target));
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: existing?.viewColumn,
    preserveFocus: options.preserveFocus ?? false,
    preview: false,
    selection,
  });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
