// Actors merged across articles, with no lookup outside the articles and the lexicon.
// Each article's actors are nodes; they join (union-find, indexed by name keys, so a
// thousand articles stay linear) in this order:
//   1. the workspace lexicon: "Hoffmann<TAB>Person<TAB>Maria Hoffmann" renames a node;
//      a Rejected text is dropped;
//   2. the same normalised name (titles stripped for people): people with people,
//      organisations and places with each other (metonymy: "Niger" the state and the place);
//   3. an article's own aliases ("Lidia Varga" also written "L. Varga"), except a person's
//      one-word alias, which goes through rule 5 like any bare surname;
//   4. acronyms ↔ the initials of a full name of the same type ("OBA" ↔ "Orin Basin
//      Authority"), else a prefix of each of its words ("ECOWAS"), only when one full
//      name in the story fits;
//   5. a bare surname ↔ the one full-name person in the story with that surname; when
//      several people share it ("Brenner": Tomas, Paul, Anna) the bare name stays apart.
// A person never merges with a place or an organisation. "X<TAB>Separate<TAB>Y" in the
// lexicon forbids any join that would put a node named X and a node named Y together.
import type { LexiconEntry, EntityType } from '../types';
import type { LexiconSeparation } from '../annotations/lexicon';
import type { StoryArticleActor } from './types';
import { acronymOf, acronymSpells, initialsOf, mergeClass, nameKey, normalizeName, stripTitles, surnameOf } from './names';

/** The workspace lexicon as `parseLexicon` gives it, or just its entries. */
export type StoryLexicon = readonly LexiconEntry[] | { entries?: readonly LexiconEntry[]; separations?: readonly LexiconSeparation[] };

export interface MergedActorMember {
  /** Index of the article in the input. */
  article: number;
  actor: StoryArticleActor;
}

export interface MergedActor {
  key: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** In input order (article, then the article's actor order). */
  members: MergedActorMember[];
}

export interface ActorMerge {
  actors: MergedActor[];
  /** Key of the merged actor that the article's actor named `name` belongs to. */
  keyOf(article: number, name: string): string | undefined;
}

interface Node {
  article: number;
  actor: StoryArticleActor;
  /** The name after the lexicon (its canonical name when it has one). */
  name: string;
  type: EntityType;
  key: string;
  userMerged: boolean;
}

/** Never throws; malformed actors are skipped. */
export function mergeActors(articles: ReadonlyArray<readonly StoryArticleActor[] | null | undefined>, lexicon?: StoryLexicon): ActorMerge {
  const { entries, separations } = lexiconParts(lexicon);
  const entryByName = new Map<string, LexiconEntry>();
  for (const e of entries) if (e && typeof e.text === 'string' && e.text.trim()) entryByName.set(normalizeName(e.text), e);

  const nodes: Node[] = [];
  (Array.isArray(articles) ? articles : []).forEach((actors, article) => {
    if (!Array.isArray(actors)) return;
    for (const actor of actors) {
      if (!actor || typeof actor.name !== 'string' || !actor.name.trim() || typeof actor.type !== 'string') continue;
      const entry = entryByName.size ? entryByName.get(normalizeName(actor.name)) : undefined;
      if (entry?.label === 'rejected') continue;
      const type = (entry ? entry.label : actor.type) as EntityType;
      const name = entry?.canonical ? entry.canonical : actor.name;
      const key = nameKey(name, type);
      if (!key) continue;
      nodes.push({ article, actor, name, type, key, userMerged: !!entry?.canonical });
    }
  });

  const uf = new UnionFind(nodes.length);
  // Separation: every root knows the names of its nodes; a join that would bring two separated names together is refused.
  const separatedFrom = new Map<string, Set<string>>();
  for (const s of separations) {
    if (!s || typeof s.text !== 'string' || typeof s.from !== 'string') continue;
    for (const [x, y] of [[s.text, s.from], [s.from, s.text]]) {
      for (const kx of sepKeys(x)) for (const ky of sepKeys(y)) if (kx !== ky) getSet(separatedFrom, kx).add(ky);
    }
  }
  const namesOfRoot = separatedFrom.size ? nodes.map((n) => new Set([n.key, normalizeName(n.name)])) : null;
  const join = (a: number, b: number): boolean => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return true;
    if (namesOfRoot) {
      let small = namesOfRoot[ra];
      let large = namesOfRoot[rb];
      if (small.size > large.size) [small, large] = [large, small];
      for (const name of small) {
        const forbidden = separatedFrom.get(name);
        if (forbidden) for (const f of forbidden) if (large.has(f)) return false;
      }
      const root = uf.union(ra, rb);
      const other = root === ra ? rb : ra;
      for (const name of namesOfRoot[other]) namesOfRoot[root].add(name);
      namesOfRoot[other] = new Set();
      return true;
    }
    uf.union(ra, rb);
    return true;
  };

  // 2. Same name, compatible class.
  const byName = new Map<string, number>();
  nodes.forEach((n, i) => {
    const bucket = `${mergeClass(n.type)}|${n.key}`;
    const first = byName.get(bucket);
    if (first === undefined) byName.set(bucket, i);
    else join(first, i);
  });

  // 3. The article's own aliases.
  nodes.forEach((n, i) => {
    for (const alias of n.actor.aliases ?? []) {
      if (typeof alias !== 'string') continue;
      const key = nameKey(alias, n.type);
      if (!key || key === n.key || (n.type === 'person' && !key.includes(' '))) continue;
      const other = byName.get(`${mergeClass(n.type)}|${key}`);
      if (other !== undefined && sameKind(nodes[other].type, n.type)) join(other, i);
    }
  });

  // 4. Acronyms ↔ a full name of the same type: its initials ("UN"), else a prefix of each word ("ECOWAS").
  const byInitials = new Map<string, number[]>();
  const byFirstLetter = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    if (n.type === 'person') return;
    for (const form of [n.name, ...(n.actor.aliases ?? [])]) {
      const initials = typeof form === 'string' ? initialsOf(form) : null;
      if (!initials) continue;
      getList(byInitials, `${typeOfKind(n.type)}|${initials}`).push(i);
      getList(byFirstLetter, `${typeOfKind(n.type)}|${initials[0]}`).push(i);
    }
  });
  if (byInitials.size) {
    const spelled = new Map<string, number[]>();
    nodes.forEach((n, i) => {
      if (n.type === 'person') return;
      const acronym = acronymOf(n.name);
      if (!acronym) return;
      const kind = `${typeOfKind(n.type)}|`;
      let candidates = byInitials.get(kind + acronym);
      if (!candidates) {
        const memo = kind + acronym;
        candidates = spelled.get(memo);
        if (!candidates) {
          candidates = (byFirstLetter.get(kind + acronym[0]) ?? []).filter((c) => [nodes[c].name, ...(nodes[c].actor.aliases ?? [])].some((f) => typeof f === 'string' && acronymSpells(acronym, f)));
          spelled.set(memo, candidates);
        }
      }
      if (!candidates.length) return;
      const own = uf.find(i);
      const roots = new Set(candidates.map((c) => uf.find(c)));
      if (roots.has(own)) return; // already with its full name
      if (roots.size === 1) join(candidates[0], i);
    });
  }

  // 5. A bare surname ↔ the one full-name person with that surname.
  const bySurname = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    if (n.type === 'person' && n.key.includes(' ')) getList(bySurname, surnameOf(n.key)).push(i);
  });
  if (bySurname.size) {
    nodes.forEach((n, i) => {
      if (n.type !== 'person' || n.key.includes(' ')) return;
      const candidates = bySurname.get(n.key);
      if (!candidates) return;
      const own = uf.find(i);
      const roots = new Set(candidates.map((c) => uf.find(c)));
      if (roots.has(own)) return; // already with a full name (the lexicon said so)
      if (roots.size === 1) join(candidates[0], i);
    });
  }

  // The merged actors.
  const membersOf = new Map<number, number[]>();
  nodes.forEach((_, i) => getList(membersOf, uf.find(i)).push(i));
  const usedKeys = new Set<string>();
  const actors: MergedActor[] = [];
  const keyByArticleName = new Map<string, string>();
  for (const ids of membersOf.values()) {
    const group = ids.map((i) => nodes[i]);
    const type = majorityType(group);
    const name = canonicalName(group);
    let key = `${type}:${nameKey(name, type)}`;
    for (let n = 2; usedKeys.has(key); n++) key = `${type}:${nameKey(name, type)}#${n}`;
    usedKeys.add(key);
    const aliases: string[] = [];
    const seen = new Set([name]);
    const add = (form: unknown) => {
      if (typeof form === 'string' && form.trim() && !seen.has(form)) seen.add(form), aliases.push(form);
    };
    for (const n of group) {
      add(n.name);
      add(n.actor.name);
      for (const alias of n.actor.aliases ?? []) add(alias);
    }
    actors.push({ key, name, type, aliases, members: group.map((n) => ({ article: n.article, actor: n.actor })) });
    for (const n of group) keyByArticleName.set(`${n.article}\u0000${n.actor.name}`, key);
  }
  return { actors, keyOf: (article, name) => keyByArticleName.get(`${article}\u0000${name}`) };
}

function lexiconParts(lexicon: StoryLexicon | undefined): { entries: readonly LexiconEntry[]; separations: readonly LexiconSeparation[] } {
  if (!lexicon) return { entries: [], separations: [] };
  if (Array.isArray(lexicon)) return { entries: lexicon, separations: [] };
  const l = lexicon as { entries?: readonly LexiconEntry[]; separations?: readonly LexiconSeparation[] };
  return { entries: Array.isArray(l.entries) ? l.entries : [], separations: Array.isArray(l.separations) ? l.separations : [] };
}

/** The keys a separated name is compared under: as written, and as a person's name without titles. */
function sepKeys(name: string): string[] {
  const plain = normalizeName(name);
  const person = nameKey(name, 'person');
  return plain === person ? [plain] : [plain, person];
}

/** A nationality mention stands for its place. */
function typeOfKind(type: EntityType): EntityType {
  return type === 'nationality' ? 'place' : type;
}

/** An alias or acronym joins actors of one type only; org and place meet only under one identical name (rule 2). */
function sameKind(a: EntityType, b: EntityType): boolean {
  return typeOfKind(a) === typeOfKind(b);
}

const TYPE_ORDER: EntityType[] = ['person', 'organization', 'place', 'nationality'];

/** The type most mentions have (a nationality counts for its place). */
function majorityType(group: Node[]): EntityType {
  const votes = new Map<EntityType, number>();
  for (const n of group) {
    const t = typeOfKind(n.type);
    votes.set(t, (votes.get(t) ?? 0) + Math.max(1, n.actor.mentionCount || 0));
  }
  let best: EntityType = typeOfKind(group[0].type);
  for (const t of TYPE_ORDER) if ((votes.get(t) ?? 0) > (votes.get(best) ?? 0)) best = t;
  return best;
}

/** The user's canonical name when the lexicon gave one; else the fullest form (most words, then longest, then most used). */
function canonicalName(group: Node[]): string {
  const user = group.filter((n) => n.userMerged);
  const pool = user.length ? user : group;
  const score = new Map<string, { words: number; length: number; mentions: number; acronym: boolean }>();
  for (const n of pool) {
    const form = stripTitles(n.name, n.type).trim() || n.name;
    const s = score.get(form) ?? { words: form.split(/\s+/).length, length: form.length, mentions: 0, acronym: !!acronymOf(form) };
    s.mentions += Math.max(1, n.actor.mentionCount || 0);
    score.set(form, s);
  }
  let best = '';
  let bestScore: { words: number; length: number; mentions: number; acronym: boolean } | null = null;
  for (const [form, s] of score) {
    if (!bestScore || compareScore(s, bestScore) > 0 || (compareScore(s, bestScore) === 0 && form < best)) (best = form), (bestScore = s);
  }
  return best;
}

function compareScore(a: { words: number; length: number; mentions: number; acronym: boolean }, b: typeof a): number {
  if (a.acronym !== b.acronym) return a.acronym ? -1 : 1;
  return a.words - b.words || a.length - b.length || a.mentions - b.mentions;
}

function getList<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function getSet<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

class UnionFind {
  private parent: Int32Array;
  private size: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  /** Joins two roots; returns the new root. */
  union(a: number, b: number): number {
    if (this.size[a] < this.size[b]) [a, b] = [b, a];
    this.parent[b] = a;
    this.size[a] += this.size[b];
    return a;
  }
}
