// `news-lens annotate --out-dir DIR`: one output file per article instead of
// stdout, e.g. a brat collection (DIR/article.ann plus DIR/article.txt, so brat
// can open it). Never overwrites a file: the user's own article.ann beside the
// article must not be replaced by an export.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../node';
import { errorMessage } from '../analysis';

const EXTENSIONS: Record<string, string> = { brat: 'ann', conll: 'conll', jsonl: 'jsonl', json: 'json', pretty: 'txt' };

/** Writes one article's output into `dir`. Returns an error message, or null. */
export function writeToOutDir(dir: string, file: string, formatName: string, output: string, text: string): string | null {
  if (file === '-') return 'stdin has no file name; leave out --out-dir';
  const base = path.basename(file).replace(/\.[^.]*$/, '') || path.basename(file);
  const target = path.join(dir, `${base}.${EXTENSIONS[formatName] ?? formatName}`);
  if (fs.existsSync(target)) return `${target} exists; News Lens does not overwrite files (choose another --out-dir)`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    // Only inside the chosen folder, never through a link planted there.
    writeFileAtomic(target, output, { root: dir });
    // brat reads the text beside the .ann, with the same base name
    const textCopy = path.join(dir, `${base}.txt`);
    if (formatName === 'brat' && !fs.existsSync(textCopy)) writeFileAtomic(textCopy, text, { root: dir });
  } catch (error) {
    return `cannot write ${target}: ${errorMessage(error)}`;
  }
  return null;
}
