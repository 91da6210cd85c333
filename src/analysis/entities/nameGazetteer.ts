// Proper names from WordNet (scripts/build-name-gazetteer.mjs): groups, locations and persons
// that the tagger's training news never saw. A feature for the tagger, never a decision.
import { WORDNET_NAMES } from './data/wordnetNames.generated';

export interface NameEntry {
  words: string[];
  /** Classes of the name, sorted: o (group), l (location), p (person), e.g. "lp" for "washington". */
  classes: string;
}

let byFirstWord: Map<string, NameEntry[]> | null = null;

function load(): Map<string, NameEntry[]> {
  // Lines are "class<TAB>name|name|…"; a name in several classes gets them sorted ("lop"), as in training.
  const classesOf = new Map<string, string>();
  for (const line of WORDNET_NAMES.split('\n')) {
    const tab = line.indexOf('\t');
    const cls = line.slice(0, tab);
    for (const name of line.slice(tab + 1).split('|')) if (name) classesOf.set(name, (classesOf.get(name) ?? '') + cls);
  }
  const map = new Map<string, NameEntry[]>();
  for (const [name, found] of classesOf) {
    const classes = found.length > 1 ? [...found].sort().join('') : found;
    const words = name.split(' ');
    const list = map.get(words[0]);
    if (list) list.push({ words, classes });
    else map.set(words[0], [{ words, classes }]);
  }
  for (const list of map.values()) if (list.length > 1) list.sort((a, b) => b.words.length - a.words.length);
  return map;
}

const INSIDE = new Set(['of', 'the', 'and', 'de', 'du', 'da', 'al', 'el', 'for', 'in', 'on', 'y', 'la', 'le']);

/** The WordNet names that start with normalised word `word`, longest first. */
export function nameEntriesOf(word: string): NameEntry[] | undefined {
  byFirstWord ??= load();
  return byFirstWord.get(word);
}

// "B-lp" and "I-lp" for classes "lp": the few class sets, each made once.
const positionTags = new Map<string, [string, string]>();
function positionTag(classes: string, inside: number): string {
  let tags = positionTags.get(classes);
  if (!tags) positionTags.set(classes, (tags = [`B-${classes}`, `I-${classes}`]));
  return tags[inside];
}

/**
 * Longest WordNet name matches over normalised words, left to right: "B-o", "I-o", "B-lp"…
 * per token, or ''. A match opens on a capitalised word or a name particle ("al-Qaeda").
 * `firstWordEntries[i]`, when given, is nameEntriesOf(words[i]) (a caller that keeps it per word).
 */
export function matchNames(words: string[], capitalised: boolean[], firstWordEntries?: ReadonlyArray<NameEntry[] | undefined>): string[] {
  byFirstWord ??= load();
  const out = new Array<string>(words.length).fill('');
  let i = 0;
  while (i < words.length) {
    const candidates = capitalised[i] || INSIDE.has(words[i]) ? (firstWordEntries ? firstWordEntries[i] : byFirstWord.get(words[i])) : undefined;
    let matched = 0;
    if (candidates) {
      for (const entry of candidates) {
        const n = entry.words.length;
        if (i + n > words.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) ok = words[i + k] === entry.words[k] && (capitalised[i + k] || INSIDE.has(words[i + k]));
        if (!ok || !(capitalised[i] || n > 1)) continue;
        for (let k = 0; k < n; k++) out[i + k] = positionTag(entry.classes, k ? 1 : 0);
        matched = n;
        break;
      }
    }
    i += matched || 1;
  }
  return out;
}
