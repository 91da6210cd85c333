// The user's own layer for `news-lens annotate`: article.ann beside each file
// and the workspace lexicon (--lexicon FILE, or news-lens.lexicon.tsv found in
// the article's folder or a parent). Problems are warnings on stderr: a
// malformed .ann still applies its valid lines, a stale span is skipped and named.
import * as path from 'node:path';
import { errorMessage, type LexiconEntry, parseBrat, readUserAnnotations, type UserAnnotation } from '../analysis';
import { annPathFor, findLexiconFile, loadLexicon, readIfExists } from '../node';

export interface UserLayer {
  userAnnotations: UserAnnotation[];
  lexicon: LexiconEntry[];
  /** One line each, for stderr. */
  warnings: string[];
}

/** Loads an explicit --lexicon file; throws with a readable message when it cannot be read. */
export function loadLexiconOption(file: string): { entries: LexiconEntry[]; warnings: string[] } {
  let loaded;
  try {
    loaded = loadLexicon(path.resolve(file));
  } catch (error) {
    throw new Error(`cannot read the lexicon ${file}: ${errorMessage(error)}`);
  }
  if (!loaded) throw new Error(`cannot read the lexicon ${file}: no such file`);
  return { entries: loaded.entries, warnings: loaded.errors.map((e) => `${file}:${e.line}: ${e.message}`) };
}

const warnedLexicons = new Set<string>();

export function loadUserLayer(file: string, text: string, explicitLexicon?: LexiconEntry[]): UserLayer {
  const warnings: string[] = [];
  let lexicon: LexiconEntry[] = explicitLexicon ?? [];
  if (!explicitLexicon) {
    const found = findLexiconFile(file === '-' ? process.cwd() : path.dirname(path.resolve(file)));
    if (found) {
      try {
        const loaded = loadLexicon(found);
        lexicon = loaded?.entries ?? [];
        if (loaded && !warnedLexicons.has(found)) {
          warnedLexicons.add(found);
          for (const e of loaded.errors) warnings.push(`${found}:${e.line}: ${e.message}`);
        }
      } catch (error) {
        warnings.push(`cannot read the lexicon ${found}: ${errorMessage(error)}`);
      }
    }
  }
  if (file === '-') return { userAnnotations: [], lexicon, warnings };

  const annPath = annPathFor(file);
  let snapshot;
  try {
    snapshot = readIfExists(annPath);
  } catch (error) {
    warnings.push(`cannot read ${annPath}: ${errorMessage(error)}; annotating without it`);
    return { userAnnotations: [], lexicon, warnings };
  }
  if (!snapshot) return { userAnnotations: [], lexicon, warnings };
  const { doc, errors } = parseBrat(snapshot.content);
  for (const e of errors) warnings.push(`${annPath}:${e.line}: ${e.message}`);
  const { annotations, issues } = readUserAnnotations(doc, text);
  for (const i of issues) if (i.severity !== 'info') warnings.push(`${annPath}:${i.line}: ${i.message}`);
  return { userAnnotations: annotations, lexicon, warnings };
}
