// The user's annotations: server commands (workspace/executeCommand, so code
// actions work in any LSP client) and custom requests, declared once for the
// server and the extension. Offsets are UTF-16 code units into the open
// document's text, like every analysis offset.
import { RequestType } from 'vscode-languageserver-protocol';
import type { UserLabel } from '../analysis/kinds';

export { USER_LABELS, type UserLabel } from '../analysis/kinds';

export type AnnotationExportFormat = 'brat' | 'conll' | 'jsonl';
export const ANNOTATION_EXPORT_FORMATS: readonly AnnotationExportFormat[] = ['brat', 'conll', 'jsonl'];

/** Server command ids. Each takes one argument object, below. */
export const AnnotationCommands = {
  /** Mark a span as a kind, or reject it ("not an entity"). */
  mark: 'newsLens.annotations.mark',
  /** Remove one of the user's annotations (back to automatic). */
  remove: 'newsLens.annotations.remove',
  /** Move a stale annotation to where its text is now. */
  relocate: 'newsLens.annotations.relocate',
  mergeActor: 'newsLens.annotations.mergeActor',
  renameActor: 'newsLens.annotations.renameActor',
  /** "Always treat '…' as …": add to the workspace lexicon. */
  addToLexicon: 'newsLens.annotations.addToLexicon',
} as const;
export const ANNOTATION_COMMAND_IDS: readonly string[] = Object.values(AnnotationCommands);

/** Client-side command (VS Code) that asks for a new canonical name, then runs renameActor. */
export const RENAME_ACTOR_PROMPT_COMMAND = 'newsLens.renameActorPrompt';

/** VS Code command ids the extension registers and package.json contributes (keyboard shortcuts, palette, context menu). */
export const ANNOTATION_EDITOR_COMMANDS = {
  markAsPerson: 'newsLens.markAsPerson',
  markAsOrganization: 'newsLens.markAsOrganization',
  markAsPlace: 'newsLens.markAsPlace',
  markAsNationality: 'newsLens.markAsNationality',
  markAsDate: 'newsLens.markAsDate',
  rejectEntity: 'newsLens.rejectEntity',
  renameActor: 'newsLens.renameActor',
  mergeActor: 'newsLens.mergeActor',
  exportAnnotations: 'newsLens.exportAnnotations',
  importAnnotations: 'newsLens.importAnnotations',
} as const;

export interface MarkArgs {
  uri: string;
  start: number;
  end: number;
  label: UserLabel;
}
export interface RemoveAnnotationArgs {
  uri: string;
  id: string;
}
export interface RelocateAnnotationArgs {
  uri: string;
  id: string;
  start: number;
  end: number;
}
export interface MergeActorArgs {
  uri: string;
  actorId: string;
  intoActorId: string;
}
export interface RenameActorArgs {
  uri: string;
  actorId: string;
  name: string;
}
export interface AddToLexiconArgs {
  uri: string;
  text: string;
  label: Exclude<UserLabel, 'date'>;
  canonical?: string;
}

/** What a command did, so a client can show it. */
export interface AnnotationCommandResult {
  ok: boolean;
  message: string;
  /** The file written, when one was. */
  file?: string;
}

export interface ExportAnnotationsParams {
  uri: string;
  format: AnnotationExportFormat;
}
export interface ExportAnnotationsResult {
  content: string;
  /** Suggested file name: article.ann, article.conll, article.jsonl. */
  fileName: string;
}
export const ExportAnnotationsRequest = new RequestType<ExportAnnotationsParams, ExportAnnotationsResult | null, void>('newsLens/exportAnnotations');

/** Import a brat .ann made elsewhere for this article. Written beside the article only when it has no annotations yet. */
export interface ImportAnnotationsParams {
  uri: string;
  content: string;
}
export const ImportAnnotationsRequest = new RequestType<ImportAnnotationsParams, AnnotationCommandResult, void>('newsLens/importAnnotations');
