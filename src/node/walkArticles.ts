// The article files under a folder, for the CLI's `story`: the extension list of
// articleFiles.ts; prose files count only when they open like an article (the caller
// checks, having read them). Hidden and build folders are skipped, links are not followed.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isArticleExtension, isProseExtension } from './articleFiles';

/** Folders that hold no articles of the user's (tools, builds, version control). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'dist', 'out', 'build', 'coverage', '.git', '.hg', '.svn', '.vscode-test']);

export interface ArticleCandidate {
  file: string;
  /** True for .news/.article (always articles); false for prose that must open with a dateline or front matter. */
  always: boolean;
}

/** Candidate article files under `root`, sorted; unreadable folders are skipped. */
export function listArticleCandidates(root: string, maxDepth = 32): ArticleCandidate[] {
  const out: ArticleCandidate[] = [];
  const stack: Array<[string, number]> = [[root, 0]];
  while (stack.length) {
    const [dir, depth] = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < maxDepth && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) stack.push([full, depth + 1]);
      } else if (entry.isFile()) {
        const ext = path.extname(entry.name).toLowerCase();
        if (isArticleExtension(ext)) out.push({ file: full, always: true });
        else if (isProseExtension(ext)) out.push({ file: full, always: false });
      }
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
