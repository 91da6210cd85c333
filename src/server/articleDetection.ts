// Which documents News Lens treats as articles: the `news-article` language
// (.news, .article), any .txt/.md that opens with a dateline or front matter,
// and any file matching the opt-in `newsLens.articleGlobs`.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minimatch } from 'minimatch';
import { looksLikeArticle } from '../analysis';
import { isArticleExtension, isProseExtension } from '../node';
import { ARTICLE_LANGUAGE_ID } from '../protocol';

const PROSE_LANGUAGES = new Set(['plaintext', 'markdown', 'text', 'txt']);

export interface ArticleCandidate {
  uri: string;
  languageId: string;
  text: string;
}

export function isArticle(doc: ArticleCandidate, articleGlobs: readonly string[], workspaceFolders: readonly string[]): boolean {
  if (doc.languageId === ARTICLE_LANGUAGE_ID) return true;
  const fsPath = uriToPath(doc.uri);
  const ext = fsPath ? path.extname(fsPath).toLowerCase() : '';
  if (isArticleExtension(ext)) return true;
  if (fsPath && matchesArticleGlobs(fsPath, articleGlobs, workspaceFolders)) return true;
  const prose = PROSE_LANGUAGES.has(doc.languageId) || isProseExtension(ext) || (!ext && doc.languageId === '');
  return prose && looksLikeArticle(doc.text);
}

/** Globs without a slash match the file name anywhere; others match workspace-relative or absolute paths. */
export function matchesArticleGlobs(fsPath: string, globs: readonly string[], workspaceFolders: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const posixPath = fsPath.split(path.sep).join('/');
  const relatives = workspaceFolders
    .map((folder) => path.relative(folder, fsPath))
    .filter((rel) => rel && !rel.startsWith('..') && !path.isAbsolute(rel))
    .map((rel) => rel.split(path.sep).join('/'));
  for (const glob of globs) {
    try {
      const options = { dot: true, nocase: process.platform === 'win32', matchBase: !glob.includes('/') };
      if (minimatch(posixPath, glob, options)) return true;
      if (relatives.some((rel) => minimatch(rel, glob, options))) return true;
    } catch {
      // A malformed glob matches nothing rather than breaking detection.
    }
  }
  return false;
}

export function uriToPath(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}
