// How the story compares names across articles: normalised forms, person titles,
// acronyms. Pure string functions; no lookup outside the text.
import { rememberBounded } from '../boundedCache';
import { isTitleWord } from '../entities/titles';
import type { EntityType } from '../types';

/** Titles the entity titles list does not hold but news writes before a name ("Magistrate Anna Brenner"). */
const EXTRA_TITLES = new Set([
  'magistrate',
  'energy',
  'health',
  'trade',
  'economy',
  'economic',
  'education',
  'justice',
  'labour',
  'labor',
  'transport',
  'water',
  'agriculture',
  'ceo',
  'executive',
  'dame',
  'mx',
  'madam',
  'madame',
  'mme',
  'monsieur',
  'herr',
  'frau',
  'sra',
  'sr',
  'senor',
  'señor',
]);

/** Words an acronym leaves out ("United Nations Educational, Scientific and Cultural Organization"). */
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'des', 'la', 'le', 'et', '&']);

// Names repeat across a thousand articles: each distinct one is normalised once.
const MAX_CACHED = 200_000;
const normalized = new Map<string, string>();
const keyed = new Map<string, string>();
const remember = (cache: Map<string, string>, key: string, value: string) => rememberBounded(cache, MAX_CACHED, key, value);

/** Lower case, no accents, no "the", no dots or possessive, single spaces. */
export function normalizeName(name: string): string {
  const raw = String(name ?? '');
  return normalized.get(raw) ?? remember(normalized, raw, computeNormalized(raw));
}

function computeNormalized(raw: string): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[’‘`]/g, "'")
    .replace(/'s$/i, '')
    .replace(/\./g, '')
    .replace(/[^\p{L}\p{N}'&]+/gu, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/\s+/g, ' ');
}

/** The person's name without the titles written before it ("Energy Minister Lidia Varga" → "Lidia Varga"). */
export function stripTitles(name: string, type: EntityType): string {
  if (type !== 'person') return name;
  const words = String(name ?? '')
    .trim()
    .split(/\s+/);
  let i = 0;
  while (i < words.length - 1 && (isTitleWord(words[i]) || EXTRA_TITLES.has(words[i].toLowerCase().replace(/\.$/, '')))) i++;
  return words.slice(i).join(' ');
}

/** The normalised name the story compares: titles stripped for people. */
export function nameKey(name: string, type: EntityType): string {
  const cacheKey = type === 'person' ? `p\u0000${name}` : String(name ?? '');
  return keyed.get(cacheKey) ?? remember(keyed, cacheKey, normalizeName(stripTitles(name, type)));
}

/** "ECOWAS" for a name written as an acronym (2–10 capitals, dots allowed: "U.N."), else null. */
export function acronymOf(name: string): string | null {
  const compact = String(name ?? '')
    .trim()
    .replace(/\./g, '');
  return /^\p{Lu}{2,10}$/u.test(compact) ? compact : null;
}

/** Initials of the capitalised words, skipping of/the/and/for: "United Nations" → "UN"; null when under two. */
export function initialsOf(name: string): string | null {
  const words = String(name ?? '')
    .trim()
    .split(/[\s\-–]+/)
    .filter(Boolean);
  if (words.length < 2) return null;
  let out = '';
  for (const w of words) {
    if (ACRONYM_SKIP.has(w.toLowerCase())) continue;
    const first = w.charAt(0);
    if (!/\p{Lu}/u.test(first)) return null; // "Kessler and partners": not a name an acronym stands for
    out += first;
  }
  return out.length >= 2 ? out : null;
}

/** The last word of a person's name (the surname, in the names news writes). */
export function surnameOf(key: string): string {
  return key.slice(key.lastIndexOf(' ') + 1);
}

/** Type class for merging: a nationality mention is its place; person stands alone. */
export function mergeClass(type: EntityType): 'person' | 'group' {
  return type === 'person' ? 'person' : 'group';
}

/**
 * True when `acronym` can be spelt from `name` taking a prefix of every capitalised word,
 * in order, and optionally of the small words: "ECOWAS" from "Economic Community of West
 * African States", "OPEC" from "Organization of the Petroleum Exporting Countries".
 */
export function acronymSpells(acronym: string, name: string): boolean {
  const letters = acronym.toLowerCase();
  const words = String(name ?? '')
    .trim()
    .split(/[\s\-–]+/)
    .filter(Boolean);
  if (words.length < 2 || letters.length < 2) return false;
  const optional = words.map((w) => ACRONYM_SKIP.has(w.toLowerCase()));
  if (words.some((w, i) => !optional[i] && !/^\p{Lu}/u.test(w))) return false;
  const lower = words.map((w) => w.toLowerCase());
  const memo = new Map<number, boolean>();
  const go = (w: number, at: number): boolean => {
    if (w === lower.length) return at === letters.length;
    const key = w * 64 + at;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let ok = optional[w] && go(w + 1, at);
    for (let k = 1; !ok && k <= lower[w].length && at + k <= letters.length && lower[w][k - 1] === letters[at + k - 1]; k++) ok = go(w + 1, at + k);
    memo.set(key, ok);
    return ok;
  };
  return go(0, 0);
}
