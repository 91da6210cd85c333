// Document-level step: groups entity mentions into actors (one real-world
// actor, one entry), picks each actor's canonical name and kind, and ranks them.
// Links: country aliases (US → United States), demonyms to their country,
// acronyms to their expansions, spelling variants (al-Qaida / al Qaeda), and
// surnames to the full name mentioned earlier.
import type { Actor, EntityEvidence, EntityMention, EntityType, Span } from '../types';
import type { EntityCandidate } from './recognizeEntities';
import { surfaceWords, type WordList } from './surfaceWords';
import { startsUpper } from '../letters';
import { rememberBounded } from '../boundedCache';

// Made once: the bundler builds a `\p{…}` literal with new RegExp wherever it is written.
const MARKS = /\p{M}/gu;
const NOT_LETTERS_OR_DIGITS = /[^\p{L}\p{N}]+/gu;
const TWO_LETTERS = /\p{L}.*\p{L}/u;

export interface ActorBuildResult {
  entities: EntityMention[];
  actors: Actor[];
}

interface Group {
  mentions: EntityCandidate[];
  /** Place mentions of a country plus its demonym mentions share one group. */
  countryCode?: string;
  /** Fixed canonical name (a country's common name), if any. */
  canonical?: string;
  /** Order of opening: the earliest matching group wins a lookup. */
  order: number;
  /** Per name key, the (type, context) pairs already indexed for the spelling test, as bits. */
  spellingSeen: Map<string, number> | null;
  actor: Actor | null;
}

const nameKeys = new Map<string, string>();

/** Lower-case letters and digits only: "al-Qaida" → "al qaida", "U.S." → "us". */
export function nameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    // Called for every mention and every lookup: memoised (a pure function of the name).
    if (nameKeys.size > 50_000) nameKeys.clear();
    nameKeys.set(name, (key = computeNameKey(name)));
  }
  return key;
}

function computeNameKey(name: string): string {
  return name.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(/['’`]/g, '').replace(/\./g, '').replace(NOT_LETTERS_OR_DIGITS, ' ').trim();
}

const squashedKeys = new Map<string, string>();
/** A key without its spaces (memoised: compared against every earlier mention). */
function squashed(key: string): string {
  let x = squashedKeys.get(key);
  if (x === undefined) {
    if (squashedKeys.size > 50_000) squashedKeys.clear();
    squashedKeys.set(key, (x = key.replace(/\s+/g, '')));
  }
  return x;
}

/** A rough spelling skeleton: "al qaida" and "al qaeda" → "alqd"; only used for long names. */
function skeleton(key: string): string {
  let x = skeletons.get(key);
  if (x === undefined) {
    if (skeletons.size > 50_000) skeletons.clear();
    skeletons.set(key, (x = computeSkeleton(key)));
  }
  return x;
}
const skeletons = new Map<string, string>();

function computeSkeleton(key: string): string {
  const squashed = key.replace(/\s+/g, '');
  return (
    squashed[0] +
    squashed
      .slice(1)
      .replace(/[aeiouyhw]/g, '')
      .replace(/(.)\1+/g, '$1')
      .replace(/k/g, 'q')
  );
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** Spelling variants of one name: same skeleton, at most two edits apart, long enough not to collide. */
function spellingVariants(a: string, b: string): boolean {
  if (a === b) return true;
  const x = squashed(a);
  const y = squashed(b);
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 6 || x[0] !== y[0]) return false;
  return skeleton(a) === skeleton(b) && editDistance(x, y) <= 2;
}

/** Initials of the capitalised words and word parts: "Jama'a Nusrat ul-Islam wa al-Muslimin" → "JNIM". */
function initials(name: string, allWords: boolean): string {
  const memo = allWords ? allInitials : capitalInitials;
  let x = memo.get(name);
  if (x === undefined) {
    // memoised: read for every mention of a name of several words
    if (memo.size > 50_000) memo.clear();
    memo.set(name, (x = computeInitials(name, allWords)));
  }
  return x;
}
const allInitials = new Map<string, string>();
const capitalInitials = new Map<string, string>();

function computeInitials(name: string, allWords: boolean): string {
  const parts = name.split(/[\s-]+/u).filter(Boolean);
  return parts
    .filter((w) => allWords || startsUpper(w) || /^\d/.test(w))
    .map((w) => w[0].toUpperCase())
    .join('');
}

function isAcronym(text: string): boolean {
  return /^[A-Z][A-Z0-9&.]{1,9}$/.test(text) && /[A-Z].*[A-Z]/.test(text);
}

const nameKeyWords = new Map<string, readonly string[]>();
/** The words of a name's key (memoised: read for every mention, several times). */
function words(text: string): readonly string[] {
  let ws = nameKeyWords.get(text);
  if (ws === undefined) {
    if (nameKeyWords.size > 50_000) nameKeyWords.clear();
    nameKeyWords.set(text, (ws = nameKey(text).split(' ').filter(Boolean)));
  }
  return ws;
}

export interface BuildActorsOptions {
  /** The document text: names found once are then also found where the paragraph-level recogniser missed them. */
  text?: string;
  /** Offset where the article body starts; nothing is added before it. */
  bodyStart?: number;
  /** Spans the user has decided on (annotations, rejections): never added to. */
  reserved?: Span[];
  /** The words of `text` as surfaceWords reads them, if the caller has them cached: saves rescanning the text. */
  words?: WordList;
}

/** `candidates` carry absolute offsets. */
export function buildActors(candidates: EntityCandidate[], options: BuildActorsOptions = {}): ActorBuildResult {
  const propagated = options.text ? propagateNames(candidates, options.text, options.bodyStart ?? 0, options.reserved ?? [], options.words) : [];
  const ordered = mentionOrder(candidates, propagated);
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const byCountry = new Map<string, Group>();
  const groupOf = new Map<EntityCandidate, Group>();
  const related = new RelatedIndex();
  const join = (g: Group, c: EntityCandidate) => {
    g.mentions.push(c);
    groupOf.set(c, g);
    related.add(g, c);
  };
  const open = (c: EntityCandidate, countryCode: string | undefined, canonical: string | undefined) => {
    const g: Group = { mentions: [], countryCode, canonical, order: groups.length, spellingSeen: null, actor: null };
    groups.push(g);
    join(g, c);
    return g;
  };

  for (const c of ordered) {
    // Countries and their demonyms: one actor per country code.
    if (c.countryCode && (c.type === 'place' || c.type === 'nationality')) {
      let g = byCountry.get(c.countryCode);
      if (!g) {
        g = open(c, c.countryCode, c.canonical);
        byCountry.set(c.countryCode, g);
      } else join(g, c);
      byKey.set(nameKey(c.text), g);
      continue;
    }
    const name = nameKey(c.canonical ?? c.text);
    if (!name) continue;
    // A club named after its city is another actor than the city.
    const key = c.contextKind ? `${c.type}:${name}` : name;
    let g = byKey.get(key) ?? (c.expansion ? byKey.get(nameKey(c.expansion)) : undefined) ?? related.find(c, key);
    if (g) join(g, c);
    else g = open(c, undefined, c.canonical || undefined);
    byKey.set(key, g);
    if (c.expansion) byKey.set(nameKey(c.expansion), g);
  }

  // An acronym first seen with its expansion elsewhere, or an expansion met after its acronym.
  mergeAcronymGroups(groups, groupOf, related);
  mergeSurnamesIntoLaterNames(groups, groupOf);

  const entities: EntityMention[] = [];
  const actors: Actor[] = [];
  for (const g of groups) {
    if (!g.mentions.length) continue;
    const actor = makeActor(g);
    g.actor = actor;
    actors.push(actor);
  }
  const ranked = rankActors(actors);
  for (const c of ordered) {
    const actor = groupOf.get(c)?.actor;
    if (!actor) continue;
    const type: EntityType = c.type === 'nationality' ? 'nationality' : actor.type === 'nationality' ? c.type : actor.type;
    entities.push({ start: c.start, end: c.end, text: c.text, type, actorId: actor.id, source: c.evidence === 'user' ? 'user' : 'auto', evidence: c.evidence });
  }
  return { entities, actors: ranked };
}

const byPosition = (a: Span, b: Span) => a.start - b.start || b.end - a.end;

function inPositionOrder(spans: readonly Span[]): boolean {
  for (let i = 1; i < spans.length; i++) if (!(byPosition(spans[i - 1], spans[i]) <= 0)) return false;
  return true;
}

/**
 * `first` then `second`, stably sorted by start, longest first. Both lists are usually in
 * that order already (the paragraphs' candidates, then the names found in text order):
 * then a merge gives what the sort would, ties taken from `first` first.
 */
function mentionOrder(first: EntityCandidate[], second: EntityCandidate[]): EntityCandidate[] {
  if (!inPositionOrder(first) || !inPositionOrder(second)) return [...first, ...second].sort(byPosition);
  const out = new Array<EntityCandidate>(first.length + second.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < first.length && j < second.length) out[k++] = byPosition(second[j], first[i]) < 0 ? second[j++] : first[i++];
  while (i < first.length) out[k++] = first[i++];
  while (j < second.length) out[k++] = second[j++];
  return out;
}

/**
 * A surname met before the full name ("OKAFOR" in a headline, "Ade Okafor" in the body):
 * a group of one-word person mentions joins the one person group whose full name ends with it.
 */
function mergeSurnamesIntoLaterNames(groups: Group[], groupOf: Map<EntityCandidate, Group>): void {
  // Groups by the last word of their full person names (merging moves only one-word names, so this stays true).
  const byLastWord = new Map<string, Set<Group>>();
  for (const o of groups) for (const m of o.mentions) if (m.type === 'person' && words(m.text).length > 1) addTo(byLastWord, words(m.text).at(-1)!, o);
  for (const g of groups) {
    if (!g.mentions.length || !g.mentions.every((m) => m.type === 'person' && words(m.text).length === 1)) continue;
    const surname = words(g.mentions[0].text)[0];
    const targets = [...(byLastWord.get(surname) ?? [])].filter((o) => o !== g);
    if (targets.length !== 1) continue;
    for (const m of g.mentions) {
      targets[0].mentions.push(m);
      groupOf.set(m, targets[0]);
    }
    targets[0].mentions.sort((a, b) => a.start - b.start);
    g.mentions = [];
  }
}

/**
 * Finds the earlier group a mention belongs to: a spelling variant, a surname,
 * an expansion of the acronym. The groups are indexed by the keys these tests
 * compare (squashed name, spelling skeleton, last and first word, initials), so
 * each lookup reads only the groups that can match instead of every group: an
 * article naming thousands of actors stays linear. Returns what a scan of the
 * groups in order would: the earliest group that matches.
 */
class RelatedIndex {
  /** Squashed key → (group, mention) pairs to test with spellingVariants; then the same by spelling skeleton. */
  private readonly bySquashed = new Map<string, Array<{ g: Group; m: EntityCandidate }>>();
  private readonly bySkeleton = new Map<string, Array<{ g: Group; m: EntityCandidate }>>();
  /** Groups with a person mention of several words, by its last word and by its first word. */
  private readonly byLastWord = new Map<string, Set<Group>>();
  private readonly byFirstWord = new Map<string, Set<Group>>();
  /** Groups with a non-person, non-nationality mention of several words, by its initials. */
  readonly byInitials = new Map<string, Set<Group>>();

  add(g: Group, m: EntityCandidate): void {
    const ws = words(m.text);
    if (m.type === 'person' && ws.length > 1) {
      addTo(this.byLastWord, ws[ws.length - 1], g);
      addTo(this.byFirstWord, ws[0], g);
    }
    if (m.type !== 'nationality' && m.type !== 'person' && ws.length > 1) {
      addTo(this.byInitials, initials(m.text, false), g);
      addTo(this.byInitials, initials(m.text, true), g);
    }
    if (g.countryCode || m.type === 'nationality') return;
    const other = nameKey(m.canonical ?? m.text);
    // one entry per distinct (group, type, context, name): the spelling test reads nothing else
    const bit = signatureBit(m.type, !!m.contextKind);
    const seen = (g.spellingSeen ??= new Map()).get(other) ?? 0;
    if (seen & bit) return;
    g.spellingSeen.set(other, seen | bit);
    const entry = { g, m };
    pushTo(this.bySquashed, squashed(other), entry);
    pushTo(this.bySkeleton, skeleton(other), entry);
  }

  find(c: EntityCandidate, key: string): Group | undefined {
    let best: Group | undefined;
    let bestOrder = Infinity;
    for (const list of [this.bySquashed.get(squashed(key)), this.bySkeleton.get(skeleton(key))]) {
      if (!list) continue;
      for (const { g, m } of list) {
        const order = g.order;
        if (order >= bestOrder || !!m.contextKind !== !!c.contextKind) continue;
        if (spellingVariants(key, nameKey(m.canonical ?? m.text)) && compatible(c.type, m.type)) {
          best = g;
          bestOrder = order;
        }
      }
    }
    if (best) return best;
    // A lone surname (or given name) of a person named in full earlier.
    const mine = words(c.text);
    if (mine.length === 1 && (c.type === 'person' || c.evidence === 'model')) {
      const matches = this.byLastWord.get(mine[0]);
      if (matches?.size === 1) return [...matches][0];
      if (c.type === 'person' && !matches?.size) {
        const firstNames = this.byFirstWord.get(mine[0]);
        if (firstNames?.size === 1) return [...firstNames][0];
      }
    }
    if (isAcronym(c.text)) {
      const found = this.byInitials.get(c.text.replace(/\./g, ''));
      if (found?.size === 1) return [...found][0];
    }
    return undefined;
  }
}

function pushTo<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

// One bit per (type, in a context or not): the kinds are few.
const signatureBits = new Map<string, number>();
function signatureBit(type: string, inContext: boolean): number {
  const k = inContext ? `${type}\u0000` : type;
  let bit = signatureBits.get(k);
  if (bit === undefined) {
    // Past 30 kinds (never, with today's five) the bits would collide: then every pair counts as new, which only costs time.
    bit = signatureBits.size < 30 ? 1 << signatureBits.size : 0;
    signatureBits.set(k, bit);
  }
  return bit;
}

function addTo(map: Map<string, Set<Group>>, key: string, g: Group): void {
  const set = map.get(key);
  if (set) set.add(g);
  else map.set(key, new Set([g]));
}

/** Kinds that may name one actor; a person and a place of the same name usually differ (Jordan). */
function compatible(a: EntityType, b: EntityType): boolean {
  if (a === b) return true;
  return a !== 'person' && b !== 'person';
}

function mergeAcronymGroups(groups: Group[], groupOf: Map<EntityCandidate, Group>, related: RelatedIndex): void {
  for (const g of groups) {
    if (!g.mentions.length || g.countryCode) continue;
    if (!g.mentions.every((m) => isAcronym(m.text))) continue; // only groups named by acronym alone
    const acronym = g.mentions[0].text.replace(/\./g, '');
    // The groups whose names spell the acronym, from the index (merged-in acronyms never spell another one).
    const targets = [...(related.byInitials.get(acronym) ?? [])].filter((o) => o !== g && o.mentions.length && !o.countryCode);
    if (targets.length !== 1) continue;
    const target = targets[0];
    for (const m of g.mentions) {
      target.mentions.push(m);
      groupOf.set(m, target);
    }
    target.mentions.sort((a, b) => a.start - b.start);
    g.mentions = [];
  }
}

const EVIDENCE_RANK: Record<EntityEvidence, number> = { user: 5, lexicon: 4, gazetteer: 3, rule: 2, model: 1 };

// A rule (a results table, a dateline) knows the kind better than the tagger does.
const VOTE_WEIGHT: Record<EntityEvidence, number> = { user: 100, lexicon: 50, rule: 3, gazetteer: 2, model: 1 };

function makeActor(g: Group): Actor {
  // One pass, no Map or filtered copies per actor: this runs for every actor on every re-analysis.
  // One kind per actor: the majority of its name mentions, the strongest evidence breaking ties.
  const voteTypes: EntityType[] = [];
  const voteWeights: number[] = [];
  let nationalityMentions = 0;
  for (const m of g.mentions) {
    if (m.type === 'nationality') {
      nationalityMentions++;
      continue;
    }
    const at = voteTypes.indexOf(m.type);
    if (at < 0) {
      voteTypes.push(m.type);
      voteWeights.push(VOTE_WEIGHT[m.evidence]);
    } else voteWeights[at] += VOTE_WEIGHT[m.evidence];
  }
  let type: EntityType = g.countryCode ? 'place' : 'nationality';
  let best = -1;
  for (let i = 0; i < voteTypes.length; i++)
    if (voteWeights[i] > best) {
      best = voteWeights[i];
      type = voteTypes[i];
    }
  if (g.countryCode) type = 'place';
  const name = g.canonical ?? fullestName(g.mentions, nationalityMentions < g.mentions.length);
  const aliases: string[] = [];
  for (const m of g.mentions) {
    if (m.text !== name && !aliases.includes(m.text)) aliases.push(m.text);
  }
  const mentions: Span[] = g.mentions.map((m) => ({ start: m.start, end: m.end }));
  // Usually in order already: a sort would still copy the list.
  for (let i = 1; i < mentions.length; i++)
    if (!(mentions[i - 1].start <= mentions[i].start)) {
      mentions.sort((a, b) => a.start - b.start);
      break;
    }
  let evidence = g.mentions[0].evidence;
  for (const m of g.mentions) if (EVIDENCE_RANK[m.evidence] > EVIDENCE_RANK[evidence]) evidence = m.evidence;
  const actor: Actor = { id: '', name, type, aliases, mentions, evidence };
  if (type === 'place' && (g.countryCode || nationalityMentions)) actor.nationalityMentions = nationalityMentions;
  return actor;
}

/** The fullest form: most words, then longest, acronyms last; of the name mentions only when `namesOnly` (not the demonyms). */
function fullestName(mentions: EntityCandidate[], namesOnly: boolean): string {
  let best: string | undefined;
  let bestScore = -1;
  for (const m of mentions) {
    if (namesOnly && m.type === 'nationality') continue;
    const name = m.canonical ?? m.text;
    const score = nameScore(name);
    if (best === undefined || score > bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best!;
}

const nameScore = (s: string) => (isAcronym(s) ? 0 : 1000) + words(s).length * 100 + s.length;

/** Most-mentioned first, then first mention; ids are stable for the same text. */
export function rankActors(actors: Actor[]): Actor[] {
  const firstStart = (a: Actor) => (a.mentions.length ? a.mentions[0].start : Number.MAX_SAFE_INTEGER);
  const ranked = actors.slice().sort((a, b) => b.mentions.length - a.mentions.length || firstStart(a) - firstStart(b));
  const used = new Set<string>();
  for (const actor of ranked) {
    const base = `${actor.type}:${idName(actor.name)}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    actor.id = id;
  }
  return ranked;
}

const idNames = new Map<string, string>();
/** A name as an actor id spells it (memoised: the same names are ranked on every re-analysis). */
function idName(name: string): string {
  return idNames.get(name) ?? rememberBounded(idNames, 50_000, name, name.toLowerCase().replace(NOT_LETTERS_OR_DIGITS, '-').replace(/^-|-$/g, '') || 'actor');
}

// Words that may be tagged inside a name but never name an actor alone.
const NEVER_ALONE = new Set([
  'the',
  'western',
  'eastern',
  'northern',
  'southern',
  'central',
  'mr',
  'mrs',
  'ms',
  'dr',
  'president',
  'minister',
  'general',
  'state',
  'party',
]);

// Capitalised at a sentence start, but not part of the name that follows.
const OPENING_WORDS = new Set([
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'for',
  'from',
  'with',
  'by',
  'to',
  'and',
  'but',
  'as',
  'when',
  'after',
  'while',
  'if',
  'both',
  'neither',
  'and',
  'or',
  'since',
  'under',
  'of',
]);

/**
 * Document-level consistency: a name recognised in one place names the same
 * actor elsewhere in the article ("Islamic State" after "the Islamic State
 * group"); a person's surname alone refers back to them. Only exact,
 * capitalised matches outside existing mentions are added. `words`: the text's
 * words as surfaceWords(text) reads them, when the caller has them (from the
 * paragraph cache); else the text is scanned.
 */
export function propagateNames(
  candidates: EntityCandidate[],
  text: string,
  bodyStart = 0,
  reserved: Span[] = [],
  words: WordList = surfaceWords(text),
): EntityCandidate[] {
  const names = new Map<string, { words: readonly string[]; type: EntityType }>();
  const addName = (name: PropagatedName, type: EntityType) => {
    if (name.key !== null && !names.has(name.key)) names.set(name.key, { words: name.words, type });
  };
  for (const c of candidates) {
    if (c.type === 'nationality' || c.evidence === 'user') continue;
    const name = propagatedName(c.text);
    addName(name, c.type);
    if (c.type === 'person' && name.words.length > 1) addName(propagatedName(name.words[name.words.length - 1]), 'person');
  }
  if (!names.size) return [];
  // Keyed in lower case: a name also matches itself in capitals (a headline) or in Title Case.
  const byFirst = new Map<string, Array<{ words: readonly string[]; type: EntityType }>>();
  for (const n of names.values()) {
    const list = byFirst.get(n.words[0].toLowerCase()) ?? [];
    list.push(n);
    byFirst.set(n.words[0].toLowerCase(), list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const { takenStart, takenEnd } = spansByStart(candidates, reserved);
  const overlapsTaken = (start: number, end: number) => {
    // Binary search for the first mention ending after `start`.
    let lo = 0;
    let hi = takenStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (takenStart[mid] < end) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && k >= lo - 50; k--) if (takenEnd[k] > start) return true;
    return false;
  };
  const { lower, start: starts, end: ends } = words;
  const count = lower.length;
  const wordAt = (i: number) => text.slice(starts[i], ends[i]);
  const out: EntityCandidate[] = [];
  for (let i = 0; i < count; i++) {
    if (starts[i] < bodyStart) continue;
    const list = byFirst.get(lower[i]);
    if (!list) continue;
    const first = wordAt(i);
    for (const n of list) {
      if (i + n.words.length > count) continue;
      let ok = sameName(first, n.words[0]);
      const capitals = first !== n.words[0] && isCapitals(first);
      // A short word in capitals is too often an ordinary word ("MAY", "WILL").
      if (capitals && n.words.length === 1 && n.words[0].length < 4) ok = false;
      for (let k = 1; k < n.words.length && ok; k++) {
        const gap = text.slice(ends[i + k - 1], starts[i + k]);
        ok = sameName(wordAt(i + k), n.words[k]) && /^[\s-]*$/.test(gap) && !/\n\s*\n/.test(gap);
      }
      if (!ok) continue;
      const start = starts[i];
      const end = ends[i + n.words.length - 1];
      // Part of a longer capitalised name ("Niger Delta" is not "Niger"): leave it to the recogniser.
      // In capitals every word looks like a name, so neighbours say nothing there.
      // Most matches are mentions already found: the cheap test first (each one ends the search alike).
      if (overlapsTaken(start, end)) break;
      const before = !capitals && i > 0 && text.slice(ends[i - 1], start) === ' ' && startsUpper(wordAt(i - 1)) && !OPENING_WORDS.has(lower[i - 1]);
      const after =
        !capitals && i + n.words.length < count && /^ $/.test(text.slice(end, starts[i + n.words.length])) && startsUpper(wordAt(i + n.words.length));
      if (before || after) break;
      out.push({ start, end, text: text.slice(start, end), type: n.type, evidence: 'rule' });
      i += n.words.length - 1;
      break;
    }
  }
  return out;
}

/** The starts and ends of `candidates` and then `reserved`, stably sorted by start; no array per span (this runs on every re-analysis). */
function spansByStart(candidates: readonly Span[], reserved: readonly Span[]): { takenStart: Float64Array; takenEnd: Float64Array } {
  const count = candidates.length + reserved.length;
  const spanAt = (i: number) => (i < candidates.length ? candidates[i] : reserved[i - candidates.length]);
  const order = new Uint32Array(count);
  let sorted = true;
  for (let i = 0; i < count; i++) {
    order[i] = i;
    if (i > 0 && !(spanAt(i - 1).start <= spanAt(i).start)) sorted = false;
  }
  // Ties keep their order, as the stable sort of an array would.
  if (!sorted) order.sort((x, y) => spanAt(x).start - spanAt(y).start || x - y);
  const takenStart = new Float64Array(count);
  const takenEnd = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const span = spanAt(order[k]);
    takenStart[k] = span.start;
    takenEnd[k] = span.end;
  }
  return { takenStart, takenEnd };
}

interface PropagatedName {
  /** The name's words as they are matched in the text. */
  words: readonly string[];
  /** The words joined; null when the name is not looked for (not capitalised, a short or generic single word). */
  key: string | null;
}

const propagatedNames = new Map<string, PropagatedName>();
/** A name as propagateNames looks for it (memoised: the same names recur in every re-analysis). */
function propagatedName(name: string): PropagatedName {
  let x = propagatedNames.get(name);
  if (x === undefined) {
    if (propagatedNames.size > 50_000) propagatedNames.clear();
    const found = surfaceWords(name);
    const ws = found.lower.map((_, i) => name.slice(found.start[i], found.end[i]));
    const looked = ws.length > 0 && startsUpper(ws[0]) && !(ws.length === 1 && (ws[0].length < 3 || NEVER_ALONE.has(ws[0].toLowerCase())));
    propagatedNames.set(name, (x = { words: ws, key: looked ? ws.join(' ') : null }));
  }
  return x;
}

const isCapitals = (word: string) => TWO_LETTERS.test(word) && word === word.toUpperCase() && word !== word.toLowerCase();

/** The same name as written elsewhere: exactly, in capitals, or in Title Case ("MERKEL", "Merkel"). */
function sameName(word: string, name: string): boolean {
  if (word === name) return true;
  if (word.toLowerCase() !== name.toLowerCase()) return false;
  return isCapitals(word) || (word === word[0] + word.slice(1).toLowerCase() && startsUpper(word));
}
