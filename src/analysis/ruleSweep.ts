// compromise's post-tagger applies ~570 match rules to every clause. Its own sweep picks the
// rules a clause may need by scanning every hook word and tag, then tries each rule at every
// word of the clause, copying the rest of the clause for each try. This finds the same matches,
// in the same order, with compromise's own matcher, but (1) picks the rules from the clause's
// words and tags, and (2) tries a rule only where its first word can match.
//
// Every shortcut here is a necessary condition read off compromise's match syntax; whatever
// is not understood exactly falls back to compromise's own loop, so the matches stay identical.
// scripts/check-parse-identity.mjs compares the two sweeps rule by rule over whole corpora.

/* eslint-disable @typescript-eslint/no-explicit-any -- compromise's internals have no types */

/** A parsed match token of compromise's match syntax (parseMatch's output). */
interface Reg {
  word?: string;
  tag?: string;
  fastOr?: Set<string>;
  choices?: unknown[];
  operator?: string;
  pos?: string;
  switch?: string;
  regex?: RegExp;
  method?: string;
  id?: unknown;
  use?: string;
  fuzzy?: boolean;
  anything?: boolean;
  optional?: boolean;
  negative?: boolean;
  greedy?: boolean;
  start?: boolean;
  end?: boolean;
  [other: string]: unknown;
}

/** A post-tagger rule as compromise's buildNet leaves it. */
interface Rule {
  match: string;
  regs: Reg[];
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  group?: string | number;
  notIf?: unknown;
  justOne?: boolean;
  unTag?: unknown;
}

export interface SweepNet {
  hooks: Record<string, Rule[]>;
  always: Rule[];
}

/** The fields of a compromise term that the start conditions read. */
interface Term {
  text: string;
  normal: string;
  machine?: string | null;
  implicit?: string;
  root?: string;
  alias?: string[];
  switch?: string;
  tags: Set<string>;
  id: string;
}

type StartTest = (term: Term) => boolean;

/**
 * What the word after a token must pass (`test`). `run`: the token is greedy (`#Noun+`) and
 * goes on over the words that pass `run`; the rest of the rule starts where it stops.
 */
interface FollowStep {
  test: StartTest;
  run: StartTest | null;
}

/** compromise's tag tree (model.one.tagSet): each tag's ancestors. */
type TagSet = Record<string, { parents?: unknown[] } | undefined>;

/** How a rule is run on a clause. */
const enum Mode {
  /** compromise's own loop over the whole clause (skipped only when no word can start it). */
  Whole,
  /** `^` rules: compromise tries them at the first word only. */
  Anchored,
  /** Tried at each word that can start it, one compromise try per such word. */
  Stepwise,
}

interface CompiledRule {
  rule: Rule;
  /** The bits (see SweepIndex.bitOf) of its hook keys, in compromise's key order, and its place in each key's list. */
  keyBits: number[];
  order: number[];
  needBits: number[];
  ifNoBits: number[];
  wantBits: number[];
  canStart: StartTest | null;
  /** Tests the words after the start pass (see followSteps). */
  follows: FollowStep[];
  mode: Mode;
  /** Non-optional, non-negative tokens: compromise stops trying when fewer words are left. */
  minLength: number;
  /** Words a try can read from its start (Infinity: unbounded); the clause is cut there. */
  reach: number;
  /** The rule anchored at its first word, without group or notIf: one try, the whole match. */
  probe: { regs: Reg[] };
  /** The same with the rule's notIf. */
  probeNotIf: { regs: Reg[]; notIf: unknown } | null;
  /** The sentence this rule was last picked for (de-duplication). */
  stamp: number;
  /** The bit of the need it is looked up through (rules with needs). */
  trigger: number;
}

interface SweepIndex {
  /** A bit for each hook key (its place in compromise's key order) and each other ifNo word. */
  bitOf: Map<string, number>;
  /** The same for `#Tag` keys by tag, and `%Noun|Verb%` keys by switch, read without building the key. */
  tagBitOf: Map<string, number>;
  switchBitOf: Map<string, number>;
  hookKeys: number;
  /** The clause's keys as bits, reused clause after clause. */
  bits: Uint32Array;
  /** Rules by the bit of the one hook key that picks them: a need, or for rules without needs each want. */
  byTrigger: Array<CompiledRule[] | undefined>;
  always: Rule[];
  stamp: number;
  rules: CompiledRule[];
  /** Per hook key, how many clauses had it: after RETUNE_AFTER clauses each rule is looked up through its rarest need. */
  clausesWith: Int32Array;
  clauses: number;
}

const RETUNE_AFTER = 300;

const indexes = new WeakMap<object, SweepIndex | null>();

/**
 * compromise's `match` on `[terms]` for `todo`: its pointers ([n, start, end, startId, endId])
 * and named groups.
 */
type Matcher = (docs: Term[][], todo: object) => { ptrs: any[][]; byGroup: Record<string, any[][]> };

/**
 * The same list compromise's bulkMatch (methods.one.bulkMatch) returns for `document`:
 * each found rule, copied, with its `pointer`, in compromise's order. `null` when this net has
 * a shape the index does not cover (then compromise's own sweep must run). `tagSet` (compromise's
 * model.one.tagSet) only helps choose how rules are looked up.
 */
export function sweepRules(document: Term[][], net: SweepNet, methods: any, tagSet?: TagSet): any[] | null {
  const index = indexFor(net, tagSet);
  if (!index) return null;
  const match: Matcher = methods.one.match;
  const results: any[] = [];
  const picked: CompiledRule[] = [];
  const orders: number[] = [];
  const present: number[] = [];
  const bits = index.bits;
  for (let n = 0; n < document.length; n++) {
    const terms = document[n];
    picked.length = 0;
    orders.length = 0;
    present.length = 0;
    setClauseBits(terms, index, present);
    if (index.clauses < RETUNE_AFTER) countKeys(index, present);
    const stamp = ++index.stamp;
    for (const bit of present) {
      const list = index.byTrigger[bit];
      if (list === undefined) continue;
      for (let r = 0; r < list.length; r++) {
        const c = list[r];
        if (c.stamp === stamp) continue;
        c.stamp = stamp;
        if (isWanted(c, bits, terms.length)) picked.push(c);
      }
    }
    // compromise concatenates the hook lists of the clause's keys in key order, keeping each
    // rule's first place: the first key it is listed under that the clause has.
    for (let i = 0; i < picked.length; i++) orders.push(firstPlace(picked[i], bits));
    const sorted = picked.length > 1 ? sortByOrder(picked, orders) : picked;
    for (const c of sorted) runRule(c, terms, n, match, results);
    for (const rule of index.always) {
      if (terms.length < rule.minWords) continue;
      collect(rule, match([terms], rule), n, results);
    }
  }
  return results;
}

/**
 * Counts the clause's keys; on the last counted clause, files each rule under its rarest need,
 * or under each of its wants when they are rarer together (a rule with wants needs one of them).
 */
function countKeys(index: SweepIndex, present: number[]): void {
  const seen = index.clausesWith;
  for (const bit of present) seen[bit]++;
  if (++index.clauses < RETUNE_AFTER) return;
  const byTrigger: Array<CompiledRule[] | undefined> = [];
  for (const c of index.rules) {
    const wants = [...new Set(c.wantBits)];
    const need = c.needBits.length > 0 ? rarest(c.needBits, seen, c.trigger) : -1;
    const throughWants = wants.length > 0 && (need < 0 || wants.reduce((sum, bit) => sum + seen[bit], 0) < seen[need]);
    for (const bit of throughWants ? wants : [need]) (byTrigger[bit] ??= []).push(c);
  }
  index.byTrigger = byTrigger;
}

/** The need fewest clauses had (`fallback` among equals). */
function rarest(needBits: number[], clausesWith: Int32Array, fallback: number): number {
  let best = fallback;
  for (const bit of needBits) if (clausesWith[bit] < clausesWith[best]) best = bit;
  return best;
}

/**
 * The clause's keys as compromise's cacheDoc collects them (each word's normal form, switch,
 * implicit, machine and root forms, aliases and `#`tags), set as bits; `present` gets the hook keys.
 */
function setClauseBits(terms: Term[], index: SweepIndex, present: number[]): void {
  const { bits, bitOf, tagBitOf, switchBitOf, hookKeys } = index;
  bits.fill(0);
  const set = (bit: number | undefined) => {
    if (bit === undefined) return;
    const word = bit >>> 5;
    const mask = 1 << (bit & 31);
    if ((bits[word] & mask) !== 0) return;
    bits[word] |= mask;
    if (bit < hookKeys) present.push(bit);
  };
  for (const term of terms) {
    if (term.normal !== '') set(bitOf.get(term.normal));
    if (term.switch) set(switchBitOf.get(term.switch));
    if (term.implicit) set(bitOf.get(term.implicit));
    if (term.machine) set(bitOf.get(term.machine));
    if (term.root) set(bitOf.get(term.root));
    if (term.alias) for (const alias of term.alias) set(bitOf.get(alias));
    for (const tag of term.tags) set(tagBitOf.get(tag));
  }
}

const has = (bits: Uint32Array, bit: number) => (bits[bit >>> 5] & (1 << (bit & 31))) !== 0;

/** compromise's trim-down: every need present, no ifNo present, enough wants, enough words. */
function isWanted(c: CompiledRule, bits: Uint32Array, words: number): boolean {
  if (words < c.rule.minWords) return false;
  for (const bit of c.needBits) if (!has(bits, bit)) return false;
  for (const bit of c.ifNoBits) if (has(bits, bit)) return false;
  if (c.wantBits.length > 0) {
    let found = 0;
    for (const bit of c.wantBits) if (has(bits, bit)) found++;
    if (found < c.rule.minWant) return false;
  }
  return true;
}

function firstPlace(c: CompiledRule, bits: Uint32Array): number {
  for (let k = 0; k < c.keyBits.length; k++) if (has(bits, c.keyBits[k])) return c.order[k];
  return Number.MAX_SAFE_INTEGER;
}

function sortByOrder(picked: CompiledRule[], orders: number[]): CompiledRule[] {
  const idx = picked.map((_, i) => i);
  idx.sort((a, b) => orders[a] - orders[b]);
  return idx.map((i) => picked[i]);
}

/** Pushes a found rule the way compromise's runMatch step does. */
function collect(rule: Rule, found: { ptrs: any[][] }, n: number, results: any[]): void {
  for (const pointer of found.ptrs) {
    pointer[0] = n;
    results.push(Object.assign({}, rule, { pointer }));
  }
}

function runRule(c: CompiledRule, terms: Term[], n: number, match: Matcher, results: any[]): void {
  const rule = c.rule;
  if (c.mode === Mode.Anchored) {
    if (couldStartAt(c, terms, 0)) collect(rule, match([terms], rule), n, results);
    return;
  }
  if (c.mode === Mode.Whole) {
    if (c.canStart === null) collect(rule, match([terms], rule), n, results);
    else for (let p = 0; p < terms.length; p++) if (couldStartAt(c, terms, p)) return collect(rule, match([terms], rule), n, results);
    return;
  }
  // Stepwise: compromise's loop, trying only the words that can start the rule. After a match
  // compromise resumes at the match's end, whatever its group, notIf or `$` filter keep.
  const total = terms.length;
  let next = 0;
  for (let p = 0; p < total; p++) {
    if (total - p < c.minLength) break;
    if (p < next || !couldStartAt(c, terms, p)) continue;
    const clause = c.reach === Infinity ? terms.slice(p) : terms.slice(p, Math.min(total, p + c.reach));
    const whole = match([clause], c.probe);
    if (whole.ptrs.length === 0) continue;
    const end = p + whole.ptrs[0][2];
    next = end;
    if (c.probeNotIf !== null && match([clause], c.probeNotIf).ptrs.length === 0) continue;
    let start = p;
    let stop = end;
    // compromise's getGroup: a number names a group too; any other falsy value means none.
    const name = typeof rule.group === 'number' ? String(rule.group) : rule.group;
    if (name) {
      const group = whole.byGroup[name];
      if (group === undefined || group.length === 0) continue;
      start = p + group[0][1];
      stop = p + group[0][2];
    }
    const pointer = [n, start, stop, terms[start].id, terms[stop - 1].id];
    results.push(Object.assign({}, rule, { pointer }));
  }
}

// ---- the index, built once per net ----

function indexFor(net: SweepNet, tagSet: TagSet | undefined): SweepIndex | null {
  let index = indexes.get(net);
  if (index === undefined) {
    index = buildIndex(net, tagSet);
    indexes.set(net, index);
  }
  return index;
}

function buildIndex(net: SweepNet, tagSet: TagSet | undefined): SweepIndex | null {
  if (!net || typeof net.hooks !== 'object' || !Array.isArray(net.always)) return null;
  const keys = Object.keys(net.hooks);
  const places = new Map<Rule, { keys: string[]; order: number[] }>();
  const byMatch = new Map<string, Rule>();
  for (let k = 0; k < keys.length; k++) {
    const list = net.hooks[keys[k]];
    if (!Array.isArray(list) || list.length >= 1 << 16) return null;
    for (let i = 0; i < list.length; i++) {
      const rule = list[i];
      if (!isRuleShape(rule)) return null;
      // compromise de-duplicates by match string; distinct rules sharing one would need its exact lists.
      const same = byMatch.get(rule.match);
      if (same !== undefined && same !== rule) return null;
      byMatch.set(rule.match, rule);
      let place = places.get(rule);
      if (place === undefined) places.set(rule, (place = { keys: [], order: [] }));
      place.keys.push(keys[k]);
      place.order.push(k * (1 << 16) + i);
    }
  }
  const depth = (tag: string) => {
    const parents = tagSet?.[tag]?.parents;
    return Array.isArray(parents) ? parents.length : 0;
  };
  const bitOf = new Map(keys.map((key, k) => [key, k]));
  for (const rule of places.keys()) for (const no of rule.ifNo ?? []) if (!bitOf.has(no)) bitOf.set(no, bitOf.size);
  const bitsOf = (words: string[]) => words.map((word) => bitOf.get(word)!);
  const tagBitOf = new Map<string, number>();
  const switchBitOf = new Map<string, number>();
  for (const [key, bit] of bitOf) {
    if (key.startsWith('#')) tagBitOf.set(key.slice(1), bit);
    if (key.length >= 2 && key.startsWith('%') && key.endsWith('%')) switchBitOf.set(key.slice(1, -1), bit);
  }
  const byTrigger: Array<CompiledRule[] | undefined> = [];
  const rules: CompiledRule[] = [];
  for (const [rule, place] of places) {
    // Needs and wants are hook keys (compromise hooks every rule on each of them).
    if (![...rule.needs, ...rule.wants].every((key) => place.keys.includes(key))) return null;
    const c = compile(rule, bitsOf(place.keys), place.order, bitsOf(rule.needs), bitsOf(rule.ifNo ?? []), bitsOf(rule.wants));
    // A rule is in compromise's list only through a key it is hooked on; a need must be present,
    // so one need is enough to find it. Rules without needs are found through each want.
    if (rule.needs.length > 0) c.trigger = bitOf.get(triggerNeed(rule.needs, depth))!;
    const triggers = rule.needs.length > 0 ? [c.trigger] : c.wantBits;
    for (const bit of new Set(triggers)) (byTrigger[bit] ??= []).push(c);
    rules.push(c);
  }
  return {
    bitOf,
    tagBitOf,
    switchBitOf,
    hookKeys: keys.length,
    bits: new Uint32Array(Math.ceil(bitOf.size / 32) + 1),
    byTrigger,
    rules,
    clausesWith: new Int32Array(keys.length),
    clauses: 0,
    always: net.always,
    stamp: 0,
  };
}

function isRuleShape(rule: any): rule is Rule {
  return (
    rule !== null &&
    typeof rule === 'object' &&
    typeof rule.match === 'string' &&
    Array.isArray(rule.regs) &&
    rule.regs.length > 0 &&
    Array.isArray(rule.needs) &&
    Array.isArray(rule.wants) &&
    typeof rule.minWant === 'number' &&
    typeof rule.minWords === 'number' &&
    (rule.ifNo === undefined || (Array.isArray(rule.ifNo) && rule.ifNo.every((no: unknown) => typeof no === 'string')))
  );
}

/** Tags most words or clauses carry: a poor way to pick the few rules a clause may need. */
const COMMON_TAGS = new Set([
  '#Noun',
  '#Singular',
  '#Plural',
  '#ProperNoun',
  '#Verb',
  '#PresentTense',
  '#PastTense',
  '#Infinitive',
  '#Adjective',
  '#Adverb',
  '#Preposition',
  '#Determiner',
  '#Conjunction',
  '#Pronoun',
  '#Value',
  '#Cardinal',
  '#TitleCase',
  '#Copula',
  '#Auxiliary',
]);

/**
 * The need that picks the rule: a word rather than a tag, a rarer tag rather than a common
 * one, a tag deeper in compromise's tag tree (#FirstName under #Person) rather than a broader
 * one. Which need is chosen changes only the work, never the rules picked.
 */
function triggerNeed(needs: string[], depth: (tag: string) => number): string {
  let best = needs[0];
  let bestScore = Infinity;
  for (const need of needs) {
    const isTag = need.startsWith('#');
    const score = !isTag ? 0 : (COMMON_TAGS.has(need) ? 200 : 100) - depth(need.slice(1));
    if (score <= bestScore) {
      best = need;
      bestScore = score;
    }
  }
  return best;
}

function compile(rule: Rule, keyBits: number[], order: number[], needBits: number[], ifNoBits: number[], wantBits: number[]): CompiledRule {
  const regs = rule.regs;
  const canStart = startTest(regs);
  const minLength = regs.filter((r) => r.optional !== true && r.negative !== true).length;
  const probe = { regs: [{ ...regs[0], start: true }, ...regs.slice(1)] };
  let mode = Mode.Whole;
  if (regs[0].start === true) mode = Mode.Anchored;
  else if (canStart !== null && rule.justOne !== true && stepwiseIsExact(regs)) mode = Mode.Stepwise;
  const anyEnd = someReg(regs, (r) => r.end === true);
  return {
    rule,
    keyBits,
    order,
    needBits,
    ifNoBits,
    wantBits,
    canStart,
    follows: followSteps(regs),
    mode,
    minLength,
    reach: anyEnd ? Infinity : reachOf(regs),
    probe,
    probeNotIf: rule.notIf ? { regs: probe.regs, notIf: rule.notIf } : null,
    stamp: 0,
    trigger: -1,
  };
}

/**
 * Trying a rule at one word through a `^`-anchored copy on the rest of the clause is exactly
 * compromise's try there when: no token tests `^` (the copy's positions are shifted), and any
 * `$` is on a last token that must match (so a found match always ends the clause and `$`
 * never drops a match compromise would have skipped over).
 */
function stepwiseIsExact(regs: Reg[]): boolean {
  if (someReg(regs, (r) => r.start === true)) return false;
  if (!someReg(regs, (r) => r.end === true)) return true;
  const last = regs[regs.length - 1];
  // Only the last token may carry `$`, and it must consume a word there: not optional, not
  // negated, not a `.` (whose {min,max} may stop short); and no earlier optional token, which
  // can let the matcher step over the last one.
  if (someReg(regs.slice(0, -1), (r) => r.end === true)) return false;
  if (Array.isArray(last.choices) && someReg(last.choices, (r) => r.end === true)) return false;
  if (last.end !== true || last.optional === true || last.negative === true || last.anything === true) return false;
  return !regs.some((r) => r.optional === true);
}

/** Calls `test` on every token, nested choices included. */
function someReg(regs: unknown[], test: (reg: Reg) => boolean): boolean {
  for (const reg of regs) {
    if (Array.isArray(reg)) {
      if (someReg(reg, test)) return true;
      continue;
    }
    if (reg === null || typeof reg !== 'object') continue;
    if (test(reg as Reg)) return true;
    const choices = (reg as Reg).choices;
    if (Array.isArray(choices) && someReg(choices, test)) return true;
  }
  return false;
}

/**
 * How many words a try from one start can read: each token takes at most its longest
 * choice (a contraction can take one more), and the matcher peeks one past. Greedy tokens are
 * unbounded.
 */
function reachOf(regs: Reg[]): number {
  let words = 0;
  for (const reg of regs) {
    const span = spanOf(reg);
    if (span === Infinity) return Infinity;
    words += 2 * span;
  }
  return words + 3;
}

function spanOf(reg: Reg): number {
  if (reg.greedy === true) return Infinity;
  if (reg.choices === undefined) return 1;
  let longest = 0;
  for (const choice of reg.choices) {
    if (!Array.isArray(choice)) return Infinity;
    let span = 0;
    for (const r of choice as Reg[]) {
      if (r === null || typeof r !== 'object' || r.greedy === true || r.choices !== undefined) return Infinity;
      span += 1;
    }
    longest = Math.max(longest, span);
  }
  return longest;
}

/**
 * A test every word a match can start at passes (null: any word may start one). The first
 * word matches the first token, or, while the leading tokens are optional, one of them or
 * the first required one.
 */
function startTest(regs: Reg[]): StartTest | null {
  const tests: StartTest[] = [];
  for (const reg of regs) {
    const test = tokenTest(reg);
    if (test === null) return null;
    tests.push(test);
    if (reg.optional !== true) break;
  }
  if (tests.length === 1) return tests[0];
  return (term) => {
    for (const test of tests) if (test(term)) return true;
    return false;
  };
}

/**
 * What the words after a match's first word must pass, as far as it can be told: while the
 * leading tokens are required and take exactly one word each, the word after each must start
 * the rest of the rule; after a plain greedy token (`#Noun+`), some word of its run, or the
 * word ending it, must. Ends where the rest is all optional (the match may end there).
 */
function followSteps(regs: Reg[]): FollowStep[] {
  const steps: FollowStep[] = [];
  for (let k = 0; k < regs.length - 1; k++) {
    const reg = regs[k];
    const rest = regs.slice(k + 1);
    if (reg.optional === true || reg.negative === true || reg.anything === true || !rest.some((r) => r.optional !== true)) break;
    const own = tokenTest(reg);
    const test = startTest(rest);
    if (own === null || test === null) break;
    if (takesOneWord(reg)) {
      steps.push({ test, run: null });
      continue;
    }
    if (reg.greedy === true && reg.choices === undefined && reg.min === undefined && reg.max === undefined && reg.end !== true) steps.push({ test, run: own });
    break;
  }
  return steps;
}

/** A plain token, or a choice (a|b), (a && b) of plain single tokens: one word. */
function takesOneWord(reg: Reg): boolean {
  if (reg.greedy === true) return false;
  if (reg.choices === undefined) return true;
  return reg.choices.every((choice) => Array.isArray(choice) && choice.length === 1 && isPlainToken(choice[0]));
}

function isPlainToken(reg: unknown): boolean {
  if (reg === null || typeof reg !== 'object' || Array.isArray(reg)) return false;
  const token = reg as Reg;
  return token.greedy !== true && token.choices === undefined;
}

/** Whether a match of the rule could start at `start` (a necessary condition, never sufficient). */
function couldStartAt(c: CompiledRule, terms: Term[], start: number): boolean {
  if (c.canStart !== null && !c.canStart(terms[start])) return false;
  const steps = c.follows;
  for (let k = 0; k < steps.length; k++) {
    const at = start + k;
    // A contraction's first half can take its second half with it: positions shift.
    if (terms[at].implicit) return true;
    const { test, run } = steps[k];
    if (run === null) {
      const next = terms[at + 1];
      if (next === undefined || !test(next)) return false;
      continue;
    }
    for (let t = at + 1; ; t++) {
      if (t >= terms.length) return false;
      if (test(terms[t])) return true;
      if (!run(terms[t])) return false;
    }
  }
  return true;
}

const KNOWN_KEYS = new Set([
  'word',
  'tag',
  'fastOr',
  'choices',
  'operator',
  'pos',
  'switch',
  'regex',
  'optional',
  'greedy',
  'start',
  'end',
  'group',
  'groupStart',
  'groupEnd',
  'min',
  'max',
]);

/**
 * What compromise's term test (doesMatch) says about one word for this token, ignoring `^`
 * and `$`; null when the token is not one of the kinds handled here (negations, `.`, fuzzy,
 * @methods, {roots}, …).
 */
function tokenTest(reg: Reg): StartTest | null {
  if (reg === null || typeof reg !== 'object' || Array.isArray(reg)) return null;
  for (const key of Object.keys(reg)) if (reg[key] !== undefined && !KNOWN_KEYS.has(key)) return null;
  if (reg.negative === true || reg.anything === true) return null;
  if (reg.word !== undefined) {
    const word = reg.word;
    return (term) =>
      (term.machine !== null && term.machine === word) ||
      (term.alias !== undefined && term.alias !== null && term.alias.some((s) => s === word)) ||
      word === term.text ||
      word === term.normal;
  }
  if (reg.tag !== undefined) {
    const tag = reg.tag;
    return (term) => term.tags.has(tag);
  }
  if (reg.regex !== undefined) {
    const regex = reg.regex;
    if (!(regex instanceof RegExp) || regex.global || regex.sticky) return null;
    return (term) => regex.test(term.normal);
  }
  if (reg.switch !== undefined) {
    const value = reg.switch;
    return (term) => term.switch === value;
  }
  if (reg.fastOr !== undefined) {
    const set = reg.fastOr;
    if (!(set instanceof Set)) return null;
    const pos = reg.pos;
    return (term) => {
      if (pos && !term.tags.has(pos)) return false;
      const form = term.root || term.implicit || term.machine || term.normal;
      return set.has(form as string) || set.has(term.text);
    };
  }
  if (reg.choices !== undefined) {
    if (!Array.isArray(reg.choices) || reg.choices.length === 0) return null;
    // (a b|c): some choice's first token matches the first word; (a && b): every block's does.
    const firsts: Array<StartTest | null> = [];
    for (const choice of reg.choices) {
      if (!Array.isArray(choice) || choice.length === 0) return null;
      firsts.push(tokenTest(choice[0] as Reg));
    }
    if (reg.operator === 'or') return firsts.includes(null) ? null : (term) => firsts.some((test) => test!(term));
    // Every block must match: the blocks understood here are enough to rule a word out.
    const known = firsts.filter((test) => test !== null);
    if (reg.operator === 'and' && known.length > 0) return (term) => known.every((test) => test(term));
    return null;
  }
  return null;
}
