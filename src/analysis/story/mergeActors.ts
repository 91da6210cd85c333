// Actors merged across articles, with no lookup outside the articles and the lexicon.
// Each article's actors are nodes; they join (union-find, indexed by name keys, so a
// thousand articles stay linear) in this order:
//   1. the workspace lexicon: "Brenner<TAB>Same<TAB>Tomas Brenner" (a story merge, whatever
//      the types) and "Hoffmann<TAB>Person<TAB>Maria Hoffmann" rename a node; a Rejected
//      text is dropped;
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
import { ENTITY_TYPES } from '../kinds';
import type { LexiconEntry, EntityType } from '../types';
import type { LexiconMerge, LexiconSeparation } from '../annotations/lexicon';
import type { StoryArticleActor } from './types';
import { acronymOf, acronymSpells, initialsOf, mergeClass, nameKey, normalizeName, stripTitles, surnameOf } from './names';

/** The workspace lexicon as `parseLexicon` gives it, or just its entries. */
export type StoryLexicon =
  readonly LexiconEntry[] | { entries?: readonly LexiconEntry[]; separations?: readonly LexiconSeparation[]; merges?: readonly LexiconMerge[] };

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
  userMerged: boolean;
}

/** All nodes of one name and class: rule 2 joins them anyway, so rules 3–5 work on these few. */
interface Bucket {
  key: string;
  person: boolean;
  /** Types of its nodes (a nationality counted as its place). */
  types: Set<EntityType>;
  /** Names as written and aliases of its nodes. */
  forms: Set<string>;
  nodes: number[];
}

/** Never throws; malformed actors are skipped. */
export function mergeActors(articles: ReadonlyArray<readonly StoryArticleActor[] | null | undefined>, lexicon?: StoryLexicon): ActorMerge {
  const { entries, separations, merges } = lexiconParts(lexicon);
  const entryByName = new Map<string, LexiconEntry>();
  for (const e of entries) if (e && typeof e.text === 'string' && e.text.trim()) entryByName.set(normalizeName(e.text), e);
  const mergeByName = new Map<string, string>();
  for (const m of merges)
    if (m && typeof m.text === 'string' && typeof m.into === 'string' && m.into.trim()) mergeByName.set(normalizeName(m.text), m.into.trim());
  const userBuckets: number[] = [];

  // 1 and 2: nodes, each in the bucket of its (lexicon) name and class.
  const nodes: Node[] = [];
  const buckets: Bucket[] = [];
  // One map per class ("person", "group"), so no key string is built per node.
  const bucketByName = { person: new Map<string, number>(), group: new Map<string, number>() };
  const bucketOfNode: number[] = [];
  (Array.isArray(articles) ? articles : []).forEach((actors, article) => {
    if (!Array.isArray(actors)) return;
    for (const actor of actors) {
      if (!actor || typeof actor.name !== 'string' || !actor.name.trim() || typeof actor.type !== 'string') continue;
      const entry = entryByName.size ? entryByName.get(normalizeName(actor.name)) : undefined;
      if (entry?.label === 'rejected') continue;
      const type = (entry ? entry.label : actor.type) as EntityType;
      const sameAs = mergeByName.size ? mergeByName.get(normalizeName(actor.name)) : undefined;
      const name = sameAs ?? (entry?.canonical ? entry.canonical : actor.name);
      const key = nameKey(name, type);
      if (!key) continue;
      const byName = bucketByName[mergeClass(type)];
      let b = byName.get(key);
      if (b === undefined) {
        b = buckets.length;
        byName.set(key, b);
        buckets.push({ key, person: type === 'person', types: new Set(), forms: new Set(), nodes: [] });
      }
      if (sameAs) userBuckets.push(b);
      const bucket = buckets[b];
      bucket.types.add(typeOfKind(type));
      bucket.forms.add(name);
      if (Array.isArray(actor.aliases)) for (const alias of actor.aliases) if (typeof alias === 'string') bucket.forms.add(alias);
      bucket.nodes.push(nodes.length);
      bucketOfNode.push(b);
      nodes.push({ article, actor, name, type, userMerged: !!sameAs || !!entry?.canonical });
    }
  });

  const uf = new UnionFind(buckets.length);
  // Separation: every root knows the names of its buckets; a join that would bring two separated names together is refused.
  const separatedFrom = new Map<string, Set<string>>();
  for (const s of separations) {
    if (!s || typeof s.text !== 'string' || typeof s.from !== 'string') continue;
    for (const [x, y] of [
      [s.text, s.from],
      [s.from, s.text],
    ]) {
      for (const kx of sepKeys(x)) for (const ky of sepKeys(y)) if (kx !== ky) getSet(separatedFrom, kx).add(ky);
    }
  }
  const namesOfRoot = separatedFrom.size
    ? buckets.map((b) => {
        const names = new Set([b.key]);
        for (const n of b.nodes) names.add(normalizeName(nodes[n].name));
        return names;
      })
    : null;
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

  // 1b. A Same line is the user's word: it joins the named actor whatever the types say.
  for (const b of userBuckets) {
    const key = buckets[b].key;
    for (const other of [bucketByName.person.get(key), bucketByName.group.get(key)]) if (other !== undefined && other !== b) join(other, b);
  }

  // 3. The articles' own aliases (a person's one-word alias waits for rule 5).
  buckets.forEach((bucket, i) => {
    for (const form of bucket.forms) {
      for (const type of bucket.types) {
        const key = nameKey(form, type);
        if (!key || key === bucket.key || (bucket.person && !key.includes(' '))) continue;
        const other = bucketByName[mergeClass(type)].get(key);
        if (other !== undefined && buckets[other].types.has(type)) join(other, i);
      }
    }
  });

  // 4. Acronyms ↔ a full name of the same type: its initials ("UN"), else a prefix of each word ("ECOWAS").
  const byInitials = new Map<string, number[]>();
  const byFirstLetter = new Map<string, number[]>();
  buckets.forEach((bucket, i) => {
    if (bucket.person) return;
    for (const form of bucket.forms) {
      const initials = initialsOf(form);
      if (!initials) continue;
      for (const type of bucket.types) {
        getList(byInitials, `${type}|${initials}`).push(i);
        getList(byFirstLetter, `${type}|${initials[0]}`).push(i);
      }
    }
  });
  if (byInitials.size) {
    buckets.forEach((bucket, i) => {
      if (bucket.person) return;
      for (const form of bucket.forms) {
        const acronym = acronymOf(form);
        if (!acronym || nameKey(form, 'organization') !== bucket.key) continue; // the bucket's own name, not an alias
        for (const type of bucket.types) {
          const candidates =
            byInitials.get(`${type}|${acronym}`) ??
            (byFirstLetter.get(`${type}|${acronym[0]}`) ?? []).filter((c) => [...buckets[c].forms].some((f) => acronymSpells(acronym, f)));
          if (!candidates.length) continue;
          const own = uf.find(i);
          const roots = new Set(candidates.map((c) => uf.find(c)));
          if (roots.has(own)) continue; // already with its full name
          if (roots.size === 1) join(candidates[0], i);
        }
      }
    });
  }

  // 5. A bare surname ↔ the one full-name person with that surname.
  const bySurname = new Map<string, number[]>();
  buckets.forEach((bucket, i) => {
    if (bucket.person && bucket.key.includes(' ')) getList(bySurname, surnameOf(bucket.key)).push(i);
  });
  if (bySurname.size) {
    buckets.forEach((bucket, i) => {
      if (!bucket.person || bucket.key.includes(' ')) return;
      const candidates = bySurname.get(bucket.key);
      if (!candidates) return;
      const own = uf.find(i);
      const roots = new Set(candidates.map((c) => uf.find(c)));
      if (roots.has(own)) return; // already with a full name (the lexicon said so)
      if (roots.size === 1) join(candidates[0], i);
    });
  }

  // The merged actors.
  const membersOf = new Map<number, number[]>();
  nodes.forEach((_, i) => getList(membersOf, uf.find(bucketOfNode[i])).push(i));
  const usedKeys = new Set<string>();
  const actors: MergedActor[] = [];
  const keyByName: Array<Map<string, string>> = [];
  for (const ids of membersOf.values()) {
    const group = ids.map((i) => nodes[i]);
    const type = majorityType(group);
    const name = canonicalName(group);
    let key = `${type}:${nameKey(name, type)}`;
    for (let n = 2; usedKeys.has(key); n++) key = `${type}:${nameKey(name, type)}#${n}`;
    usedKeys.add(key);
    const seen = new Set([name]);
    for (const n of group) {
      seen.add(n.name);
      seen.add(n.actor.name);
      if (Array.isArray(n.actor.aliases)) for (const alias of n.actor.aliases) if (typeof alias === 'string' && alias.trim()) seen.add(alias);
    }
    seen.delete(name);
    actors.push({ key, name, type, aliases: [...seen], members: group });
    for (const n of group) (keyByName[n.article] ??= new Map()).set(n.actor.name, key);
  }
  return { actors, keyOf: (article, name) => keyByName[article]?.get(name) };
}

function lexiconParts(lexicon: StoryLexicon | undefined): {
  entries: readonly LexiconEntry[];
  separations: readonly LexiconSeparation[];
  merges: readonly LexiconMerge[];
} {
  if (!lexicon) return { entries: [], separations: [], merges: [] };
  if (Array.isArray(lexicon)) return { entries: lexicon, separations: [], merges: [] };
  const l = lexicon as { entries?: readonly LexiconEntry[]; separations?: readonly LexiconSeparation[]; merges?: readonly LexiconMerge[] };
  return {
    entries: Array.isArray(l.entries) ? l.entries : [],
    separations: Array.isArray(l.separations) ? l.separations : [],
    merges: Array.isArray(l.merges) ? l.merges : [],
  };
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

const TYPE_ORDER: readonly EntityType[] = ENTITY_TYPES;

/**
 * The type most mentions have (a nationality counts for its place). A group of nationality
 * mentions alone ("European", with no country behind it) stays a nationality: it is no place.
 */
function majorityType(group: Node[]): EntityType {
  if (group.every((n) => n.type === 'nationality')) return 'nationality';
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
  const mentionsByName = new Map<string, number>();
  for (const n of pool) mentionsByName.set(n.name, (mentionsByName.get(n.name) ?? 0) + Math.max(1, n.actor.mentionCount || 0));
  const type = pool[0].type;
  const score = new Map<string, { words: number; length: number; mentions: number; acronym: boolean }>();
  for (const [written, mentions] of mentionsByName) {
    const form = stripTitles(written, type).trim() || written;
    const s = score.get(form) ?? { words: form.split(/\s+/).length, length: form.length, mentions: 0, acronym: !!acronymOf(form) };
    s.mentions += mentions;
    score.set(form, s);
  }
  let best = '';
  let bestScore: { words: number; length: number; mentions: number; acronym: boolean } | null = null;
  for (const [form, s] of score) {
    if (!bestScore || compareScore(s, bestScore) > 0 || (compareScore(s, bestScore) === 0 && form < best)) {
      best = form;
      bestScore = s;
    }
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
