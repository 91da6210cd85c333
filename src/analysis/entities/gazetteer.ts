// Place knowledge from maintained data packages (countries, capitals, demonyms,
// major cities, regions), compiled by scripts/build-gazetteer.mjs. Matching is
// on normalised word sequences so it lines up with compromise's tokens.
import { GAZETTEER_JSON } from './data/gazetteer.generated';

export type GazetteerKind = 'country' | 'city' | 'region' | 'demonym';

export interface GazetteerEntry {
  kind: GazetteerKind;
  /** Normalised words of the name. */
  words: string[];
  /** ISO 3166-1 alpha-2 country code (for a demonym: its country). */
  iso2: string;
}

export interface CountryInfo {
  iso2: string;
  /** Common English name: the canonical name of the country's actor. */
  name: string;
  names: string[];
  demonyms: string[];
  capital: string;
}

interface GazetteerData {
  countries: Array<[string, string[], string[], string]>;
  cities: Array<[string, string]>;
  regions: string[];
}

export interface Gazetteer {
  /** Entries by their first normalised word, longest first. */
  byFirstWord: Map<string, GazetteerEntry[]>;
  countries: Map<string, CountryInfo>;
  /** Normalised country name or alias → iso2 ("us" → US, "united states" → US). */
  countryByName: Map<string, string>;
}

const NEEDS_REWRITE = /['’.]/;
const PLAIN_WORD = /^[A-Za-z]+$/;

/** Lower-cases and drops periods and a possessive, so "U.S." and "US" and "Niger's" meet their entries. */
export function normalizeWord(word: string): string {
  // Most words have no apostrophe or period: one test instead of three rewrites (the gazetteer's build and every token pay this).
  if (!NEEDS_REWRITE.test(word)) return word.toLowerCase();
  return stripPossessive(word).toLowerCase().replace(/[.]/g, '').replace(/[’]/g, "'");
}

export function stripPossessive(word: string): string {
  return word.replace(/(?:['’]s|(?<=s)['’])$/u, '');
}

/** Splits a name into the words compromise would make of it (spaces and hyphens). */
export function nameWords(name: string): string[] {
  // Most names are one plain word ("Nairobi"): the same result without the four arrays.
  if (PLAIN_WORD.test(name)) return [name.toLowerCase()];
  return name
    .split(/[\s-]+/u)
    .filter(Boolean)
    .map(normalizeWord)
    .filter(Boolean);
}

let cached: Gazetteer | null = null;

export function getGazetteer(): Gazetteer {
  if (cached) return cached;
  const data = JSON.parse(GAZETTEER_JSON) as GazetteerData;
  const byFirstWord = new Map<string, GazetteerEntry[]>();
  const seen = new Set<string>();
  const add = (kind: GazetteerKind, name: string, iso2: string) => {
    const words = nameWords(name);
    if (!words.length) return;
    const key = `${kind}:${words.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    const list = byFirstWord.get(words[0]) ?? [];
    list.push({ kind, words, iso2 });
    byFirstWord.set(words[0], list);
  };
  const countries = new Map<string, CountryInfo>();
  const countryByName = new Map<string, string>();
  for (const [iso2, names, demonyms, capital] of data.countries) {
    countries.set(iso2, { iso2, name: names[0], names, demonyms, capital });
    for (const name of names) {
      add('country', name, iso2);
      countryByName.set(nameWords(name).join(' '), iso2);
    }
    for (const demonym of demonyms) {
      add('demonym', demonym, iso2);
      for (const plural of demonymPlurals(demonym)) add('demonym', plural, iso2);
    }
  }
  for (const [name, iso2] of data.cities) add('city', name, iso2);
  for (const name of data.regions) add('region', name, '');
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  cached = { byFirstWord, countries, countryByName };
  return cached;
}

/** "American" → "Americans", "Iraqi" → "Iraqis"; "Chinese", "British", "Dutch" have none. */
function demonymPlurals(demonym: string): string[] {
  if (/(?:ese|ish|ch|ss|s)$/i.test(demonym)) return [];
  return [`${demonym}s`];
}

export interface GazetteerMatch {
  start: number;
  /** Token index after the match. */
  end: number;
  entry: GazetteerEntry;
}

/** The gazetteer entries whose name starts with normalised word `word`, longest first. */
export function gazetteerEntriesOf(word: string): GazetteerEntry[] | undefined {
  return getGazetteer().byFirstWord.get(word);
}

/**
 * Longest gazetteer matches over a token sequence, left to right, given each
 * token's normalised word and whether it is written as a name (capitalised).
 * `firstWordEntries[i]`, when given, is gazetteerEntriesOf(words[i]) (a caller that keeps it per word).
 */
export function matchGazetteer(words: string[], capitalised: boolean[], firstWordEntries?: ReadonlyArray<GazetteerEntry[] | undefined>): GazetteerMatch[] {
  const gazetteer = getGazetteer();
  const matches: GazetteerMatch[] = [];
  let i = 0;
  while (i < words.length) {
    const candidates = capitalised[i] ? (firstWordEntries ? firstWordEntries[i] : gazetteer.byFirstWord.get(words[i])) : undefined;
    let found: GazetteerMatch | null = null;
    if (candidates) {
      for (const entry of candidates) {
        const n = entry.words.length;
        if (i + n > words.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) {
          const w = words[i + k];
          ok = w === entry.words[k] && (capitalised[i + k] || FUNCTION_WORDS.has(w));
        }
        if (ok) {
          found = { start: i, end: i + n, entry };
          break;
        }
      }
    }
    if (found) {
      matches.push(found);
      i = found.end;
    } else i++;
  }
  return matches;
}

const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'de', 'du', 'da', 'al', 'el']);
