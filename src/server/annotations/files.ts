// File handling for the user's annotations, shared by the server and the CLI
// (plain Node, no LSP): where article.ann lives, atomic writes, lexicon discovery.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LEXICON_FILE_NAME, parseLexicon, type LexiconError } from '../../analysis/annotations';
import type { LexiconEntry } from '../../analysis';

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

/**
 * Writes through a temporary file in the same folder and renames it over the
 * target, so a crash or a full disk leaves either the old file or the new one,
 * never half of one. The existing file's permissions are kept.
 */
export function writeFileAtomic(target: string, content: string): void {
  // Through a symlink, replace the file it points at, not the link.
  let file = target;
  try {
    file = fs.realpathSync(target);
  } catch {
    file = target; // does not exist yet
  }
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  let mode: number | undefined;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch {
    mode = undefined;
  }
  const fd = fs.openSync(temp, 'wx', mode ?? 0o644);
  try {
    try {
      fs.writeFileSync(fd, content, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
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
  const { entries, errors } = parseLexicon(snapshot.content);
  const loaded = { file, entries, errors, mtimeMs: snapshot.mtimeMs, size: snapshot.size };
  lexiconCache.set(file, loaded);
  return loaded;
}
