// The user's annotations of every open article, kept in the editor's
// coordinates while the text is edited and written to `article.ann` in the
// coordinates of the text on disk. LSP-free, so it is tested directly.
//
// Safety rules:
//  - a malformed .ann is shown (valid lines still apply) and never written;
//  - every write is atomic (files.ts) and happens only when the content changes;
//  - before every change the .ann on disk is re-read if it changed (another tool,
//    git, a hand edit), so a write never overwrites what someone else wrote;
//  - a span whose text no longer matches is kept, at its best-known place, and
//    reported; only an explicit "remove" deletes a line.
import {
  type AnnotationIssue,
  type BratDocument,
  type BratError,
  cloneBrat,
  CodePointIndex,
  dateValueOfPhrase,
  emptyBratDocument,
  errorMessage,
  isEntityLabel,
  LEXICON_FILE_NAME,
  type LexiconEntry,
  lexiconLineKind,
  parseBrat,
  readUserAnnotations,
  removeTextBound,
  serializeBrat,
  setSpanDecision,
  shiftSpansThroughChange,
  type StoredAnnotation,
  type TextBoundRecord,
  textBounds,
  upsertLexiconEntry,
  type UserAnnotation,
  type UserLabel,
} from '../../analysis';
import * as path from 'node:path';
import {
  annPathFor,
  findLexiconFile,
  isInside,
  loadLexicon,
  type LoadedLexicon,
  readIfExists,
  readTextSnapshot,
  statIfExists,
  type TextFileSnapshot,
  writeFileAtomic,
} from '../../node';

export interface CommandOutcome {
  ok: boolean;
  message: string;
  file?: string;
}

interface DiskState {
  content: string | null;
  mtimeMs: number;
  size: number;
  /** How the file was encoded, so unchanged lines are written back byte for byte. */
  encoding: Pick<TextFileSnapshot, 'bom' | 'rawLines'> | null;
}

interface DocumentState {
  uri: string;
  textPath: string;
  annPath: string;
  /** Offsets in code points into `text`, the editor's current text. */
  doc: BratDocument;
  text: string;
  /** Non-empty: the .ann is malformed and is never written. */
  malformed: BratError[];
  disk: DiskState;
  /** A failure to read or write, shown until the next success. */
  fileProblem: string | null;
  /** Spans marked in the editor that have no place in the article on disk yet (unsaved or changed elsewhere): written once it is saved. */
  unsaved: TextBoundRecord[];
  /** Cached reading of `doc` against `text`. */
  read: { annotations: StoredAnnotation[]; issues: AnnotationIssue[] } | null;
}

export interface AnnotationStoreOptions {
  /** Folders the lexicon search stops at (the workspace folders). */
  getWorkspaceFolders(): readonly string[];
  /** Called when a document's annotations or the lexicon changed and it needs re-analysis. */
  onChanged(uri: string): void;
  /** False in an untrusted workspace: nothing is written to disk. Absent: trusted. */
  isTrusted?(): boolean;
  log(message: string): void;
}

export class AnnotationStore {
  private readonly states = new Map<string, DocumentState>();

  constructor(private readonly options: AnnotationStoreOptions) {}

  /** Starts tracking an article: loads `article.ann` beside `textPath`. */
  open(uri: string, textPath: string, editorText: string): void {
    // Two open files with one base name (article.txt and article.md) would write one .ann in two coordinate systems.
    const annPath = annPathFor(textPath);
    const sharing = [...this.states.values()].find((s) => s.uri !== uri && path.resolve(s.annPath) === path.resolve(annPath));
    if (sharing) {
      this.options.log(`News Lens: ${path.basename(annPath)} already belongs to ${sharing.textPath}; annotations of ${textPath} are not tracked`);
      return;
    }
    const state: DocumentState = {
      uri,
      textPath,
      annPath: annPathFor(textPath),
      doc: emptyBratDocument(),
      text: editorText,
      malformed: [],
      disk: { content: null, mtimeMs: 0, size: 0, encoding: null },
      fileProblem: null,
      unsaved: [],
      read: null,
    };
    this.states.set(uri, state);
    this.reload(state);
  }

  isOpen(uri: string): boolean {
    return this.states.has(uri);
  }

  close(uri: string): void {
    const state = this.states.get(uri);
    if (!state) return;
    // Spans moved by unsaved edits are written in the coordinates of the saved text.
    this.persist(state);
    this.states.delete(uri);
  }

  /** The editor text changed: move the spans with it. */
  sync(uri: string, editorText: string): void {
    const state = this.states.get(uri);
    if (!state || state.text === editorText) return;
    shiftDocument(state.doc, state.text, editorText);
    state.text = editorText;
    state.read = null;
  }

  /** The article was saved: write the spans as they now are. */
  saved(uri: string, editorText: string): CommandOutcome {
    const state = this.states.get(uri);
    if (!state) return { ok: false, message: 'not an open article' };
    this.sync(uri, editorText);
    this.ensureFresh(state);
    return this.persist(state);
  }

  /** User annotations and lexicon entries for analysing `editorText`. */
  analysisInputs(uri: string, editorText: string, textPath?: string): { userAnnotations: UserAnnotation[]; lexicon: LexiconEntry[] } {
    const state = this.states.get(uri);
    const lexicon = this.lexiconFor(textPath ?? state?.textPath)?.entries ?? [];
    if (!state) return { userAnnotations: [], lexicon };
    this.sync(uri, editorText);
    this.ensureFresh(state);
    return { userAnnotations: this.reading(state).annotations, lexicon };
  }

  /** Stored annotations that apply, in editor offsets. */
  annotations(uri: string): StoredAnnotation[] {
    const state = this.states.get(uri);
    return state ? this.reading(state).annotations : [];
  }

  issues(uri: string): AnnotationIssue[] {
    const state = this.states.get(uri);
    if (!state) return [];
    const issues = [...this.reading(state).issues];
    const name = path.basename(state.annPath);
    if (state.malformed.length) {
      const first = state.malformed[0];
      issues.unshift({
        id: null,
        line: first.line,
        severity: 'error',
        code: 'ann-malformed',
        span: { start: 0, end: 0 },
        message: `${name} line ${first.line}: ${first.message}${state.malformed.length > 1 ? ` (and ${state.malformed.length - 1} more)` : ''}. News Lens shows its valid lines and will not write the file until it is fixed.`,
      });
    }
    const editorIndex = state.unsaved.length ? new CodePointIndex(state.text) : null;
    for (const t of state.unsaved) {
      // shown where the span is in the editor (the held record keeps editor offsets in state.doc)
      const inEditor = textBounds(state.doc).find((r) => r.id === t.id)?.fragments[0];
      const start = inEditor ? editorIndex!.toUtf16(inEditor.start) : null;
      const end = inEditor ? editorIndex!.toUtf16(inEditor.end) : null;
      issues.push({
        id: t.id,
        line: 0,
        severity: 'info',
        code: 'annotation-unsaved',
        span: start !== null && end !== null ? { start, end } : null,
        message: `${t.id} ${t.type} "${t.text}" is not in ${name} yet: the article on disk has no such text there. Save the article and it is written.`,
      });
    }
    if (state.fileProblem)
      issues.unshift({ id: null, line: 0, severity: 'error', code: 'ann-malformed', span: { start: 0, end: 0 }, message: state.fileProblem });
    return issues;
  }

  /** Line-numbered errors of the .ann, for diagnostics on the .ann file itself. */
  annErrors(uri: string): { annPath: string; errors: BratError[]; infos: AnnotationIssue[] } | null {
    const state = this.states.get(uri);
    if (!state) return null;
    return { annPath: state.annPath, errors: state.malformed, infos: this.reading(state).issues.filter((i) => i.line > 0) };
  }

  lexiconFor(textPath: string | undefined): LoadedLexicon | null {
    if (!textPath) return null;
    // Never above the workspace folder (or, outside any, the article's own folder): a lexicon there is not this workspace's.
    const file = findLexiconFile(path.dirname(textPath), this.rootFor(textPath));
    try {
      return file ? loadLexicon(file) : null;
    } catch (error) {
      this.options.log(`News Lens: could not read ${file}: ${errorMessage(error)}`);
      return null;
    }
  }

  /** The folder no write for this article may leave: its workspace folder, or its own folder when it is in none. */
  rootFor(textPath: string): string {
    const dir = path.resolve(path.dirname(textPath));
    const folders = this.options
      .getWorkspaceFolders()
      .map((f) => path.resolve(f))
      .filter((f) => isInside(f, dir));
    return folders.sort((a, b) => b.length - a.length)[0] ?? dir;
  }

  /** The .ann or the lexicon changed on disk (file watcher): reload what depends on it. */
  fileChanged(file: string): void {
    const resolved = path.resolve(file);
    for (const state of this.states.values()) {
      if (path.resolve(state.annPath) === resolved) {
        if (this.ensureFresh(state)) this.options.onChanged(state.uri);
      } else if (path.basename(resolved) === LEXICON_FILE_NAME) {
        this.options.onChanged(state.uri);
      }
    }
  }

  // -------------------------------------------------------------------------
  // The user's decisions. Offsets are UTF-16 into the editor text.

  mark(uri: string, start: number, end: number, label: UserLabel, referenceDate: string | null = null, autoValue: string | null = null): CommandOutcome {
    return this.change(uri, (state) => {
      const span = trimSpan(state.text, start, end);
      if (!span) return { ok: false, message: 'Select some text to annotate' };
      const covered = state.text.slice(span.start, span.end);
      if (/[\r\n\t]/.test(covered)) return { ok: false, message: 'An annotation must stay on one line' };
      const index = new CodePointIndex(state.text);
      const value = label === 'date' ? (autoValue ?? dateValueOfPhrase(covered, referenceDate)) : undefined;
      setSpanDecision(state.doc, { start: index.toCodePoint(span.start), end: index.toCodePoint(span.end), label, text: covered, value });
      const what = label === 'rejected' ? 'not an entity' : label;
      return { ok: true, message: `"${covered}" marked as ${what}` };
    });
  }

  /** Gives mentions a canonical name (rename an actor, merge one into another). One span per distinct surface text is enough: the name follows the text. */
  setCanonical(uri: string, mentions: ReadonlyArray<{ start: number; end: number; text: string }>, label: UserLabel, name: string): CommandOutcome {
    const clean = name.replace(/[\r\n\t|]+/g, ' ').trim();
    if (!clean) return { ok: false, message: 'The name is empty' };
    if (!isEntityLabel(label)) return { ok: false, message: 'Only people, organisations, places and nationalities have canonical names' };
    return this.change(uri, (state) => {
      const index = new CodePointIndex(state.text);
      const seen = new Set<string>();
      for (const m of mentions) {
        if (seen.has(m.text) || state.text.slice(m.start, m.end) !== m.text || /[\r\n\t]/.test(m.text)) continue;
        seen.add(m.text);
        setSpanDecision(state.doc, { start: index.toCodePoint(m.start), end: index.toCodePoint(m.end), label, text: m.text, canonical: clean });
      }
      if (!seen.size) return { ok: false, message: 'No mention to annotate' };
      return { ok: true, message: `Canonical name set to "${clean}"` };
    });
  }

  remove(uri: string, id: string): CommandOutcome {
    return this.change(uri, (state) => {
      if (!textBounds(state.doc).some((t) => t.id === id)) return { ok: false, message: `${id} is not in ${path.basename(state.annPath)}` };
      if (!removeTextBound(state.doc, id))
        return { ok: false, message: `${id} is used by a relation or an attribute in ${path.basename(state.annPath)}; remove those first` };
      return { ok: true, message: `Annotation ${id} removed` };
    });
  }

  /** Moves a (stale) annotation to a place where its own text is. */
  relocate(uri: string, id: string, start: number, end: number): CommandOutcome {
    return this.change(uri, (state) => {
      const t = textBounds(state.doc).find((r) => r.id === id);
      if (!t || t.fragments.length !== 1) return { ok: false, message: `${id} is not a span News Lens can move` };
      if (state.text.slice(start, end) !== t.text) return { ok: false, message: `"${t.text}" is not at that place` };
      const index = new CodePointIndex(state.text);
      t.fragments = [{ start: index.toCodePoint(start), end: index.toCodePoint(end) }];
      t.raw = null;
      return { ok: true, message: `Annotation ${id} moved` };
    });
  }

  /** Imports a brat .ann made elsewhere. Written only when this article has no annotations file yet, or an empty one. */
  importAnn(uri: string, content: string): CommandOutcome {
    const state = this.states.get(uri);
    if (!state) return { ok: false, message: 'Open the article first' };
    const parsed = parseBrat(content);
    if (parsed.errors.length) {
      const e = parsed.errors[0];
      return { ok: false, message: `The file to import is not valid brat: line ${e.line}: ${e.message}` };
    }
    const blocked = this.writeBlocked();
    if (blocked) return { ok: false, message: blocked };
    this.ensureFresh(state);
    if (state.disk.content !== null && state.disk.content.trim() !== '') {
      return {
        ok: false,
        message: `${path.basename(state.annPath)} already holds annotations; News Lens will not overwrite it. Merge the files by hand, or move it away and import again.`,
      };
    }
    try {
      writeFileAtomic(state.annPath, content, { root: this.rootFor(state.textPath), like: state.disk.encoding });
    } catch (error) {
      return { ok: false, message: `Could not write ${state.annPath}: ${errorMessage(error)}` };
    }
    this.reload(state);
    this.options.onChanged(uri);
    const count = textBounds(state.doc).length;
    return { ok: true, message: `Imported ${count} annotation${count === 1 ? '' : 's'} into ${path.basename(state.annPath)}`, file: state.annPath };
  }

  /** "Always treat '…' as …": adds or replaces the line in the nearest lexicon, or creates one at the workspace folder. */
  addToLexicon(uri: string, entry: LexiconEntry): CommandOutcome {
    const state = this.states.get(uri);
    if (!state) return { ok: false, message: 'Open the article first' };
    const blocked = this.writeBlocked();
    if (blocked) return { ok: false, message: blocked };
    const root = this.rootFor(state.textPath);
    const file = this.lexiconFor(state.textPath)?.file ?? path.join(root, LEXICON_FILE_NAME);
    const refused = this.editLexiconFile(file, root, (before) => upsertLexiconEntry(before, entry));
    if (refused) return refused;
    const what = entry.label === 'rejected' ? 'not an entity' : entry.label;
    return { ok: true, message: `Every "${entry.text}" is now treated as ${what} (${path.basename(file)})`, file };
  }

  /**
   * A story-level change to the lexicon that applies to `folder` (split or merge a
   * cross-article actor): the nearest lexicon at or above the folder, else a new one at
   * its workspace folder. `edit` maps the file's content to the new content (pure).
   * Same rules as addToLexicon: trusted workspaces only, never outside the workspace,
   * never over a file that is not a lexicon.
   */
  editLexiconFor(folder: string, edit: (content: string) => string, describe: string): CommandOutcome {
    const blocked = this.writeBlocked();
    if (blocked) return { ok: false, message: blocked };
    const dir = path.resolve(folder);
    const inWorkspace = this.options.getWorkspaceFolders().some((f) => isInside(f, dir));
    if (!inWorkspace) return { ok: false, message: `${dir} is not inside the workspace; News Lens writes the lexicon only there.` };
    const root = this.rootFor(path.join(dir, LEXICON_FILE_NAME));
    const file = findLexiconFile(dir, root) ?? path.join(root, LEXICON_FILE_NAME);
    const refused = this.editLexiconFile(file, root, edit);
    if (refused) return refused;
    return { ok: true, message: `${describe} (${path.basename(file)})`, file };
  }

  /**
   * Rewrites the lexicon `file` with `edit` (pure: content in, content out) and re-analyses the
   * open articles. Never over a file that is not a lexicon; written atomically, inside `root`,
   * only when the content changes. Returns the refusal or failure, or null when done.
   */
  private editLexiconFile(file: string, root: string, edit: (content: string) => string): CommandOutcome | null {
    try {
      const snapshot = readTextSnapshot(file);
      const before = snapshot?.content ?? '';
      const notLexicon = firstNonLexiconLine(before);
      if (notLexicon)
        return {
          ok: false,
          message: `${file} line ${notLexicon} is not a lexicon entry; News Lens adds to a lexicon only when every line is one. Fix or move the file.`,
        };
      const after = edit(before);
      if (after === before) return null; // already so: nothing to write or re-analyse
      writeFileAtomic(file, after, { root, like: snapshot });
    } catch (error) {
      return { ok: false, message: `Could not update ${file}: ${errorMessage(error)}` };
    }
    for (const s of this.states.values()) this.options.onChanged(s.uri);
    return null;
  }

  /** Why nothing may be written now (an untrusted workspace), or null. */
  private writeBlocked(): string | null {
    if (this.options.isTrusted?.() === false) return 'This workspace is not trusted (Restricted Mode): News Lens writes nothing to disk until you trust it.';
    return null;
  }

  /** Trust was granted: write what was kept in memory while it was not. */
  trustGranted(): void {
    for (const state of this.states.values()) this.persist(state);
  }

  // -------------------------------------------------------------------------

  private change(uri: string, apply: (state: DocumentState) => CommandOutcome): CommandOutcome {
    const state = this.states.get(uri);
    if (!state) return { ok: false, message: 'Open the article first' };
    this.ensureFresh(state);
    if (state.malformed.length) {
      const e = state.malformed[0];
      return {
        ok: false,
        message: `${path.basename(state.annPath)} line ${e.line}: ${e.message}. Fix the file first; News Lens never writes a malformed .ann.`,
      };
    }
    const before = cloneBrat(state.doc);
    let outcome: CommandOutcome;
    try {
      outcome = apply(state);
    } catch (error) {
      state.doc = before;
      return { ok: false, message: errorMessage(error) };
    }
    if (!outcome.ok) {
      state.doc = before;
      return outcome;
    }
    state.read = null;
    const written = this.persist(state);
    this.options.onChanged(uri);
    if (!written.ok) return written;
    if (state.unsaved.length)
      return { ...outcome, message: `${outcome.message}; saved in ${path.basename(state.annPath)} when you save the article`, file: state.annPath };
    return { ...outcome, file: state.annPath };
  }

  private reading(state: DocumentState) {
    if (!state.read) state.read = readUserAnnotations(state.doc, state.text);
    return state.read;
  }

  /** Re-reads the .ann when it changed on disk. True when it did. */
  private ensureFresh(state: DocumentState): boolean {
    const stat = statIfExists(state.annPath);
    const known = state.disk;
    if (!stat && known.content === null) return false;
    if (stat && known.content !== null && stat.mtimeMs === known.mtimeMs && stat.size === known.size) return false;
    let snapshot;
    try {
      snapshot = readTextSnapshot(state.annPath);
    } catch (error) {
      state.fileProblem = `Could not read ${state.annPath}: ${errorMessage(error)}`;
      return false;
    }
    if ((snapshot?.content ?? null) === known.content) {
      if (snapshot) state.disk = diskStateOf(snapshot);
      return false;
    }
    this.reload(state);
    return true;
  }

  private reload(state: DocumentState): void {
    state.read = null;
    let snapshot;
    try {
      snapshot = readTextSnapshot(state.annPath);
    } catch (error) {
      // Unreadable: keep nothing in memory that could be written over it.
      state.doc = emptyBratDocument();
      state.malformed = [{ line: 0, message: `cannot be read: ${errorMessage(error)}` }];
      return;
    }
    state.fileProblem = null;
    if (!snapshot) {
      state.doc = emptyBratDocument();
      state.malformed = [];
      state.disk = { content: null, mtimeMs: 0, size: 0, encoding: null };
      return;
    }
    const parsed = parseBrat(snapshot.content);
    state.doc = parsed.doc;
    state.malformed = parsed.errors;
    state.disk = diskStateOf(snapshot);
    // The file's offsets refer to the article as saved; the editor may hold unsaved edits.
    const diskText = this.diskText(state);
    if (diskText !== null) shiftDocument(state.doc, diskText, state.text);
  }

  private diskText(state: DocumentState): string | null {
    try {
      return readIfExists(state.textPath)?.content ?? null;
    } catch {
      return null;
    }
  }

  /** Writes the annotations in the coordinates of the saved article, if they differ from the file. */
  private persist(state: DocumentState): CommandOutcome {
    // A .ann changed on disk since it was read (git, another tool) is reloaded, never written over.
    this.ensureFresh(state);
    if (state.malformed.length) return { ok: false, message: `${path.basename(state.annPath)} is malformed; it was not written` };
    const diskText = this.diskText(state);
    if (diskText === null) return { ok: false, message: `${state.textPath} is not saved yet; save it first` };
    const onDisk = cloneBrat(state.doc);
    shiftDocument(onDisk, state.text, diskText);
    state.unsaved = keepUnfittingAsWritten(onDisk, diskText, state.disk.content);
    const content = serializeBrat(onDisk);
    if (content === (state.disk.content ?? '')) return { ok: true, message: 'unchanged' };
    const blocked = this.writeBlocked();
    if (blocked) return { ok: false, message: `${blocked} Your change is kept in memory and saved once the workspace is trusted.` };
    try {
      writeFileAtomic(state.annPath, content, { root: this.rootFor(state.textPath), like: state.disk.encoding });
      const stat = statIfExists(state.annPath);
      state.disk = { content, mtimeMs: stat?.mtimeMs ?? 0, size: stat?.size ?? 0, encoding: state.disk.encoding };
      state.fileProblem = null;
      return { ok: true, message: 'saved', file: state.annPath };
    } catch (error) {
      state.fileProblem = `Could not save ${state.annPath}: ${errorMessage(error)}`;
      this.options.log(`News Lens: ${state.fileProblem}`);
      return { ok: false, message: state.fileProblem };
    }
  }
}

/** Moves every span of `doc` from `before` to `after` (code point offsets). A span an edit damaged keeps its original text, so it shows as stale. */
export function shiftDocument(doc: BratDocument, before: string, after: string): void {
  if (before === after || !doc.records.some((r) => r.kind === 'T')) return; // nothing to move: skip the text scans
  const b = new CodePointIndex(before);
  const a = new CodePointIndex(after);
  const toU = (cp: number) => b.toUtf16(Math.min(cp, b.codePointLength)) ?? before.length;
  const items: Array<{ start: number; end: number; text: string; record: ReturnType<typeof textBounds>[number]; fragment: number }> = [];
  for (const t of textBounds(doc)) {
    // A span that does not fit the text it is said to describe is kept exactly as written (and reported), never clamped.
    if (t.fragments.some((f) => f.start > f.end || f.end > b.codePointLength)) continue;
    t.fragments.forEach((f, i) => {
      const start = toU(f.start);
      const end = toU(f.end);
      // a discontinuous span's fragments are moved one by one, by their own text
      const text = t.fragments.length === 1 ? t.text : before.slice(start, end);
      items.push({ start, end, text, record: t, fragment: i });
    });
  }
  const shifted = shiftSpansThroughChange(before, after, items);
  shifted.forEach((s, i) => {
    const { record, fragment, start, end, text } = items[i];
    const matchedBefore = before.slice(start, end) === text;
    const newStart = a.toCodePoint(s.start);
    const newEnd = a.toCodePoint(s.end);
    const f = record.fragments[fragment];
    if (f.start !== newStart || f.end !== newEnd) {
      record.fragments[fragment] = { start: newStart, end: newEnd };
      record.raw = null;
    }
    // An edit inside a matching span is the user's own change to its text: follow it.
    if (s.status === 'edited' && matchedBefore && record.fragments.length === 1) {
      const now = after.slice(s.start, s.end);
      if (!/[\r\n\t]/.test(now) && now !== record.text) {
        record.text = now;
        record.raw = null;
      }
    }
  });
}

/**
 * A span that does not fit `diskText` after the shift (beyond its end, or its
 * text not there) is never saved with made-up offsets: a span the file already
 * holds keeps its line as written; a new one is left out (with its notes) and
 * returned, to be written once the article on disk has its text.
 */
export function keepUnfittingAsWritten(doc: BratDocument, diskText: string, diskContent: string | null): TextBoundRecord[] {
  const index = new CodePointIndex(diskText);
  const fits = (t: TextBoundRecord) =>
    t.fragments.every((f) => f.start <= f.end && index.toUtf16(f.start) !== null && index.toUtf16(f.end) !== null) &&
    (t.fragments.length !== 1 || diskText.slice(index.toUtf16(t.fragments[0].start)!, index.toUtf16(t.fragments[0].end)!) === t.text);
  const unfit = textBounds(doc).filter((t) => t.raw === null && !fits(t));
  if (!unfit.length) return [];
  const written = new Map(textBounds(diskContent ? parseBrat(diskContent).doc : emptyBratDocument()).map((t) => [t.id, t]));
  const held: TextBoundRecord[] = [];
  for (const t of unfit) {
    const before = written.get(t.id);
    if (before) {
      t.fragments = before.fragments.map((f) => ({ ...f }));
      t.raw = before.type === t.type && before.text === t.text ? before.raw : null;
    } else {
      held.push(t);
    }
  }
  const heldIds = new Set(held.map((t) => t.id));
  if (heldIds.size)
    doc.records = doc.records.filter(
      (r) =>
        !(r.id !== null && heldIds.has(r.id)) && !(r.kind === 'note' && heldIds.has(r.target)) && !(r.kind === 'other' && r.refs.some((id) => heldIds.has(id))),
    );
  return held;
}

function diskStateOf(snapshot: TextFileSnapshot): DiskState {
  return { content: snapshot.content, mtimeMs: snapshot.mtimeMs, size: snapshot.size, encoding: { bom: snapshot.bom, rawLines: snapshot.rawLines } };
}

/** The first line (1-based) that is neither blank, a comment, nor a lexicon entry; 0 when the text is a lexicon. */
function firstNonLexiconLine(content: string): number {
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  // The story's "X<TAB>Separate<TAB>Y" and "X<TAB>Same<TAB>Y" lines are lexicon lines too.
  for (let i = 0; i < lines.length; i++) if (lexiconLineKind(lines[i]) === 'invalid') return i + 1;
  return 0;
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return s < e ? { start: s, end: e } : null;
}
