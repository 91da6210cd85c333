// Tense of the clause around a temporal expression, read from compromise's tags on
// the shared parse. News anchors "Friday" or "in March" by it: a past-tense verb
// points to the Friday before the article date, a future one to the Friday after.
import type { ParsedParagraph, Token } from '../parse';

export type Tense = 'past' | 'present' | 'future' | 'none';

const FUTURE_WORDS = new Set(['will', "'ll", 'shall', 'wo', 'gonna']);
// "is expected to", "plans to": the event lies ahead even though the verb is present tense.
const FUTURE_LEADS = new Set([
  'expected',
  'scheduled',
  'due',
  'set',
  'plans',
  'plan',
  'planned',
  'planning',
  'intends',
  'intend',
  'going',
  'slated',
  'poised',
  'likely',
  'hopes',
  'hope',
  'aims',
  'wants',
  'want',
  'ready',
  'about',
]);
// Obligation looks ahead ("must be returned by Jan. 14").
const OBLIGATION = new Set(['must', 'should', 'ought', 'needs', 'need', 'has to', 'have to']);
// Reporting verbs say when something was told, not when it happens; they count only when nothing else does.
const REPORTING = new Set([
  'said',
  'says',
  'say',
  'told',
  'tells',
  'announced',
  'announces',
  'reported',
  'reports',
  'added',
  'adds',
  'stated',
  'states',
  'declared',
  'declares',
  'confirmed',
  'confirms',
  'noted',
  'notes',
  'according',
]);
const PRESENT_AUX = new Set(['is', 'are', 'am', "'s", "'re", 'be', 'being', 'get', 'gets']);
const SCHEDULED = new Set(['expected', 'scheduled', 'due', 'slated', 'planned', 'set']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d"]);
const PARTICLES = new Set(['out', 'up', 'off', 'aside', 'about', 'down', 'free', 'fire', 'forth', 'apart']);
// "Acme expects fourth-quarter sales to grow": what is expected lies ahead.
const EXPECTATION = new Set(['expects', 'expect', 'forecasts', 'predicts', 'predict', 'projects', 'anticipates', 'anticipate']);

interface VerbGroup {
  first: number;
  last: number;
  tense: Tense;
  reporting: boolean;
  /** "to cut": a verb with no tense of its own that still governs a date after it in its clause. */
  infinitive: boolean;
}

/** Tense of the verb group nearest to [start, end) within its sentence. */
export function tenseAround(parsed: ParsedParagraph, start: number, end: number): Tense {
  const tokens = parsed.tokens;
  if (!tokens.length) return 'none';
  const at = tokenIndexAt(tokens, start);
  if (at < 0) return 'none';
  const sentence = tokens[at].sentenceIndex;
  let range = parsed.sentenceTokens[sentence] ?? [0, tokens.length];
  let groups = verbGroups(tokens, range[0], range[1]);
  // A "sentence" without a verb is mostly a split after an abbreviation ("Roe vs. Wade"):
  // read it together with the next one.
  const next = parsed.sentenceTokens[sentence + 1];
  if (!groups.length && next) {
    range = [range[0], next[1]];
    groups = verbGroups(tokens, range[0], range[1]);
  }
  let best: VerbGroup | null = null;
  let bestDistance = Infinity;
  const endIndex = Math.max(at, tokenIndexAt(tokens, Math.max(start, end - 1)));
  // "as soon as Tuesday", "as early as next week": a time still to come.
  const before = parsed.text.slice(Math.max(0, start - 16), start).toLowerCase();
  if (/\bas (?:soon|early|late) as\s+$/.test(before)) return 'future';
  // A deadline pushed "until Tuesday" or given "until 9 a.m. Tuesday" lies ahead even in a past-tense report.
  if (/\b(?:until|till|by)\s+$/.test(before)) {
    const sentenceSpan = parsed.sentences[sentence];
    const clause = sentenceSpan ? parsed.text.slice(sentenceSpan.start, start).toLowerCase() : before;
    if (/\b(?:postpon\w*|delay\w*|extend\w*|adjourn\w*|defer\w*|deadline|given|gave|grant\w*|ultimatum|must|has to|have to)\b/.test(clause)) return 'future';
  }
  // The governing verb is sought in the date's own clause first: "set out the plan, which
  // will cut taxes, on Thursday" is governed by "set out", not by the nearer "will cut".
  const clauses = clauseMap(tokens, range[0], range[1]);
  const dateClause = clauses.id[at - range[0]];
  // "has scheduled a news conference Thursday to announce…": a tensed verb before the date in
  // its clause governs it, and an infinitive after the date does not.
  const tensedBefore = groups.some((g) => g.tense !== 'none' && g.last < at && clauses.id[g.first - range[0]] === dateClause);
  for (const group of groups) {
    // A tenseless infinitive counts only in the date's own clause, where it governs the date
    // ("agreed to meet on Nov. 20": when the meeting is, the past-tense "agreed" does not say).
    if (group.tense === 'none' && !(group.infinitive && (group.last < at || !tensedBefore) && clauses.id[group.first - range[0]] === dateClause)) continue;
    // Tokens inside the expression itself ("next week") are not verbs of the clause.
    let distance = group.last < at ? at - group.last : group.first > endIndex ? group.first - endIndex + 0.5 : 0;
    if (group.reporting && distance > 1) distance += 6;
    const groupClause = clauses.id[group.first - range[0]];
    if (groupClause !== dateClause) distance += clauses.subordinate.has(groupClause) ? 40 : 20;
    if (distance < bestDistance) {
      best = group;
      bestDistance = distance;
    }
  }
  return best ? best.tense : 'none';
}

// Words that open a subordinate or relative clause.
const SUBORDINATORS = new Set([
  'which',
  'who',
  'whom',
  'whose',
  'because',
  'while',
  'whereas',
  'although',
  'though',
  'if',
  'unless',
  'whether',
  'where',
  'when',
]);
const CLAUSE_PUNCTUATION = /[,;:()\u2014\u2013"\u201c\u201d]|--| - /;

/**
 * Clause numbers of a sentence's tokens: a clause ends at punctuation (comma, semicolon,
 * dash, bracket, quote mark) and a new one opens at a subordinator ("which", "that", "because").
 * `subordinate` holds the clauses opened by a subordinator.
 */
function clauseMap(tokens: Token[], from: number, to: number): { id: number[]; subordinate: Set<number> } {
  const id: number[] = [];
  const subordinate = new Set<number>();
  let clause = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    const previous = i > from ? tokens[i - 1] : undefined;
    if (previous && (CLAUSE_PUNCTUATION.test(previous.post) || CLAUSE_PUNCTUATION.test(token.pre))) clause++;
    if (i > from && opensClause(token, tokens[i + 1])) {
      if (!(previous && (CLAUSE_PUNCTUATION.test(previous.post) || CLAUSE_PUNCTUATION.test(token.pre)))) clause++;
      subordinate.add(clause);
    }
    id.push(clause);
  }
  return { id, subordinate };
}

function opensClause(token: Token, next: Token | undefined): boolean {
  if (SUBORDINATORS.has(token.normal)) return true;
  // "that" opens a clause ("said that the talks…"), except as a determiner ("that plan").
  if (token.normal === 'that') return !next || !(next.tags.has('Noun') && !next.tags.has('ProperNoun') && !next.tags.has('Pronoun'));
  return false;
}

function tokenIndexAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? 0 : found;
}

function isVerbish(token: Token): boolean {
  return token.tags.has('Verb') || token.tags.has('Modal') || token.tags.has('Auxiliary') || token.tags.has('Copula');
}

function isPlainNoun(token: Token): boolean {
  return token.tags.has('Noun') && !isVerbish(token);
}

function verbGroups(tokens: Token[], from: number, to: number): VerbGroup[] {
  const groups: VerbGroup[] = [];
  let i = from;
  while (i < to) {
    const token = tokens[i];
    // "plans to" leads a future verb; "the plan to cut taxes" is a noun and leads nothing.
    const leadsFuture = FUTURE_LEADS.has(token.normal) && tokens[i + 1]?.normal === 'to' && !isPlainNoun(token);
    if (!isVerbish(token) && !leadsFuture && !FUTURE_WORDS.has(token.normal)) {
      i++;
      continue;
    }
    let j = i;
    // A group runs through verbs, adverbs and "not" ("will not be", "has already been"); "to" joins "expected to".
    while (j + 1 < to) {
      const next = tokens[j + 1];
      if (
        isVerbish(next) ||
        (FUTURE_LEADS.has(next.normal) && !isPlainNoun(next)) ||
        next.tags.has('Adverb') ||
        next.tags.has('Negative') ||
        (next.normal === 'to' && j + 2 < to && isVerbish(tokens[j + 2]))
      ) {
        if (/[,;:()]/.test(tokens[j].post)) break;
        j++;
      } else break;
    }
    // An infinitive ("to announce") has no tense of its own; after a present or perfect
    // verb ("has decided to admit … in March") it points ahead.
    const infinitive = tokens[i - 1]?.normal === 'to' && !(FUTURE_LEADS.has(tokens[i - 2]?.normal ?? '') && !isPlainNoun(tokens[i - 2]));
    const reporting = i === j && REPORTING.has(token.normal);
    // A bare "-ing" form after a noun or date is mostly a noun or modifier ("the October slaying").
    const before = tokens[i - 1];
    const bareGerund =
      token.tags.has('Gerund') &&
      !!before &&
      !isVerbish(before) &&
      !before.tags.has('Pronoun') &&
      (before.tags.has('Noun') || before.tags.has('Determiner') || before.tags.has('Adjective') || before.tags.has('Value') || before.tags.has('Date'));
    let tense = bareGerund ? 'none' : groupTense(tokens, i, j);
    if (infinitive) {
      const matrix = groups[groups.length - 1];
      const adjacent = matrix && matrix.last === i - 2;
      const perfectOrPresent = adjacent && (matrix.tense === 'present' || matrix.tense === 'future' || ['has', 'have'].includes(tokens[matrix.first].normal));
      tense = perfectOrPresent ? 'future' : 'none';
    }
    let hasTo = false;
    for (let k = i + 1; k < j; k++) hasTo ||= tokens[k].normal === 'to';
    groups.push({ first: i, last: j, tense, reporting, infinitive: (infinitive || hasTo) && tense === 'none' });
    i = j + 1;
  }
  return groups;
}

function groupTense(tokens: Token[], first: number, last: number): Tense {
  let past = false;
  let present = false;
  let presentAux = false;
  let perfect = false;
  for (let k = first; k <= last; k++) {
    const t = tokens[k];
    const word = t.normal;
    if (FUTURE_WORDS.has(word) || /'ll$/.test(t.text) || word === 'would' || OBLIGATION.has(word)) return 'future';
    // "is expected to", "plans to": ahead; "was about to" looks ahead from a past moment.
    if (FUTURE_LEADS.has(word) && tokens[k + 1]?.normal === 'to') return past && word === 'about' ? 'past' : 'future';
    // "is expected Friday", "was scheduled for March": arranged for later.
    // ("has set out the plan" is the phrasal verb "set out", not a scheduling.)
    if (k > first && SCHEDULED.has(word) && !(word === 'set' && PARTICLES.has(tokens[k + 1]?.normal ?? ''))) return 'future';
    // "has decided to admit … in March": the infinitive's event lies after a present or perfect decision.
    // After a past verb ("agreed to meet … on Nov. 20") the infinitive's time is its own: no tense.
    if (word === 'to' && k > first && k < last) return perfect || (present && !past) ? 'future' : 'none';
    if (EXPECTATION.has(word) && !past) return 'future';
    if (PAST_AUX.has(word)) past = true;
    else if (PRESENT_AUX.has(word)) {
      presentAux = true;
      present = true;
    } else if ((word === 'has' || word === 'have') && k < last)
      past = perfect = true; // perfect: "has met"
    else if (t.tags.has('PastTense')) {
      // "is heard" is present passive; "has been heard" and "heard" are past.
      if (!presentAux) past = true;
    } else if (t.tags.has('PresentTense') || t.tags.has('Copula')) present = true;
  }
  if (past) return 'past';
  if (present) return 'present';
  return 'none';
}
