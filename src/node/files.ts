// The Node host layer's file handling, shared by the server and the CLI (plain Node, no
// LSP): where article.ann lives, atomic writes that never leave their folder, lexicon discovery.
import * as buffer from 'node:buffer';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LEXICON_FILE_NAME, type LexiconEntry, type LexiconError, type LexiconMerge, type LexiconSeparation, parseLexicon } from '../analysis';

/** `article.ann` for `article.txt` (same folder, same base name); `notes` → `notes.ann`. */
export function annPathFor(textPath: string): string {
  const ext = path.extname(textPath);
  const base = ext && ext !== path.basename(textPath) ? textPath.slice(0, -ext.length) : textPath;
  return `${base}.ann`;
}

export interface FileSnapshot {
  content: string;
  mtimeMs: number;
  size: number;
}

/** The file's text, or null when it does not exist. Other errors (permissions) throw. */
export function readIfExists(file: string): FileSnapshot | null {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return null;
    const content = fs.readFileSync(file, 'utf8');
    return { content, mtimeMs: stat.mtimeMs, size: stat.size };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
}

/** Cheap change check: mtime and size, or null when the file is gone. */
export function statIfExists(file: string): { mtimeMs: number; size: number } | null {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? { mtimeMs: stat.mtimeMs, size: stat.size } : null;
  } catch {
    return null;
  }
}

/** A .ann or lexicon as read from disk, with what a rewrite must keep byte for byte. */
export interface TextFileSnapshot extends FileSnapshot {
  /** The file started with a UTF-8 byte order mark (not part of `content`). */
  bom: boolean;
  /** Lines that are not valid UTF-8 (e.g. Latin-1 from another tool): decoded line → its original bytes. */
  rawLines: Map<string, Buffer>;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Reads a .ann or lexicon: the text without its BOM, plus what is needed to write unchanged lines back unchanged. Null when missing. */
export function readTextSnapshot(file: string): TextFileSnapshot | null {
  let stat: fs.Stats;
  let bytes: Buffer;
  try {
    stat = fs.statSync(file);
    if (!stat.isFile()) return null;
    bytes = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw error;
  }
  const bom = bytes.length >= 3 && bytes.subarray(0, 3).equals(UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  const rawLines = new Map<string, Buffer>();
  if (!isUtf8(body)) {
    let from = 0;
    while (from <= body.length) {
      const nl = body.indexOf(0x0a, from);
      const to = nl < 0 ? body.length : nl;
      const line = body.subarray(from, to);
      if (!isUtf8(line)) rawLines.set(line.toString('utf8'), Buffer.from(line));
      if (nl < 0) break;
      from = nl + 1;
    }
  }
  return { content: body.toString('utf8'), mtimeMs: stat.mtimeMs, size: stat.size, bom, rawLines };
}

function isUtf8(bytes: Buffer): boolean {
  return buffer.isUtf8(bytes);
}

/** `content` as bytes, with the BOM and the original bytes of unchanged undecodable lines of `like`. */
export function encodeLike(content: string, like?: Pick<TextFileSnapshot, 'bom' | 'rawLines'> | null): Buffer {
  const parts: Buffer[] = like?.bom ? [UTF8_BOM] : [];
  if (!like?.rawLines.size) {
    parts.push(Buffer.from(content, 'utf8'));
  } else {
    content.split('\n').forEach((line, i) => {
      if (i > 0) parts.push(NEWLINE);
      parts.push(like.rawLines.get(line) ?? Buffer.from(line, 'utf8'));
    });
  }
  return Buffer.concat(parts);
}

const NEWLINE = Buffer.from('\n', 'ascii');

/** A write News Lens refuses to make (link, outside the workspace, read-only, not a regular file). */
export class RefusedWriteError extends Error {}

export interface WriteOptions {
  /** No write may leave this folder: the workspace folder (CLI: the article's folder or the chosen output folder). */
  root: string;
  /** The file as last read: its BOM and the bytes of lines that are not UTF-8 are kept. */
  like?: Pick<TextFileSnapshot, 'bom' | 'rawLines'> | null;
}

/** True when `child` is `parent` or lies inside it (both absolute, already resolved). */
export function isInside(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  // ".." or "../…" leaves the parent; a folder named "..drafts" does not.
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * Why `target` must not be written, or null when it may: checked with lstat and
 * realpath, so neither a planted symlink nor a linked folder can redirect a write
 * outside `root`. Returns the real path to rename onto and the existing file's stats.
 */
function checkTarget(target: string, root: string): { real: string; stat: fs.Stats | null } {
  let rootReal: string;
  try {
    rootReal = fs.realpathSync(root);
  } catch (error) {
    throw new RefusedWriteError(`cannot resolve the folder ${root}: ${(error as Error).message}`);
  }
  let stat: fs.Stats | null = null;
  try {
    stat = fs.lstatSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (stat?.isSymbolicLink()) throw new RefusedWriteError(`${target} is a symbolic link; News Lens does not write through links`);
  if (stat && !stat.isFile()) throw new RefusedWriteError(`${target} is not a regular file`);
  const dirReal = fs.realpathSync(path.dirname(target));
  const real = path.join(dirReal, path.basename(target));
  if (!isInside(rootReal, real)) throw new RefusedWriteError(`${target} lies outside ${root}; News Lens writes only inside the workspace folder`);
  return { real, stat };
}

function isReadOnly(file: string, stat: fs.Stats): boolean {
  // Checked on the mode too: root passes access(W_OK) on any file, yet a 0444 file is meant to stay as it is.
  if ((stat.mode & 0o222) === 0) return true;
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return false;
  } catch {
    return true;
  }
}

/**
 * Writes through a temporary file in the same folder and renames it over the
 * target, so a crash or a full disk leaves either the old file or the new one,
 * never half of one. Refuses (RefusedWriteError) a symlink, a path whose real
 * location is outside `options.root`, and a read-only file; the checks are
 * repeated just before the rename. The existing file's mode and, where
 * allowed, owner are kept.
 */
export function writeFileAtomic(target: string, content: string, options: WriteOptions): void {
  const first = checkTarget(target, options.root);
  if (first.stat && isReadOnly(first.real, first.stat)) throw new RefusedWriteError(`${target} is read-only; News Lens leaves it unchanged`);
  const dir = path.dirname(first.real);
  const temp = path.join(dir, `.${path.basename(first.real)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  const mode = first.stat ? first.stat.mode & 0o777 : 0o644;
  const fd = fs.openSync(temp, 'wx', mode);
  try {
    try {
      fs.writeFileSync(fd, encodeLike(content, options.like));
      if (first.stat) fs.fchmodSync(fd, mode); // openSync's mode is filtered by the umask
      if (first.stat && (first.stat.uid !== process.getuid?.() || first.stat.gid !== process.getgid?.())) {
        try {
          fs.fchownSync(fd, first.stat.uid, first.stat.gid);
        } catch {
          // only root may give a file away; the content matters more than the owner
        }
      }
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // The folder may have changed while we wrote: check again right before the rename.
    const last = checkTarget(target, options.root);
    if (last.real !== first.real) throw new RefusedWriteError(`${target} moved while it was written; not replaced`);
    if (last.stat && isReadOnly(last.real, last.stat)) throw new RefusedWriteError(`${target} is read-only; News Lens leaves it unchanged`);
    fs.renameSync(temp, last.real);
  } catch (error) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
}

/** The nearest `news-lens.lexicon.tsv` in `startDir` or a parent (up to `stopAt` when given), or null. */
export function findLexiconFile(startDir: string, stopAt?: string): string | null {
  let dir = path.resolve(startDir);
  const stop = stopAt ? path.resolve(stopAt) : null;
  for (;;) {
    const candidate = path.join(dir, LEXICON_FILE_NAME);
    if (statIfExists(candidate)) return candidate;
    if (stop && dir === stop) return null;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export interface LoadedLexicon {
  file: string;
  entries: LexiconEntry[];
  errors: LexiconError[];
  /** Story-only "X<TAB>Separate<TAB>Y" lines (not applied per article). */
  separations: LexiconSeparation[];
  /** Story-only "X<TAB>Same<TAB>Y" lines (not applied per article). */
  merges: LexiconMerge[];
  mtimeMs: number;
  size: number;
}

const lexiconCache = new Map<string, LoadedLexicon>();

/** Reads and parses a lexicon, reusing the last parse while the file is unchanged. */
export function loadLexicon(file: string): LoadedLexicon | null {
  const stat = statIfExists(file);
  if (!stat) {
    lexiconCache.delete(file);
    return null;
  }
  const cached = lexiconCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
  const snapshot = readIfExists(file);
  if (!snapshot) return null;
  const { entries, errors, separations, merges } = parseLexicon(snapshot.content);
  const loaded = { file, entries, errors, separations, merges, mtimeMs: snapshot.mtimeMs, size: snapshot.size };
  lexiconCache.set(file, loaded);
  return loaded;
}
