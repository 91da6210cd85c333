// Tense of the clause around a temporal expression, read from compromise's tags on
// the shared parse. News anchors "Friday" or "in March" by it: a past-tense verb
// points to the Friday before the article date, a future one to the Friday after.
import type { ParsedParagraph, Token } from '../parse';

export type Tense = 'past' | 'present' | 'future' | 'none';

const FUTURE_WORDS = new Set(['will', "'ll", 'shall', 'wo', 'gonna']);
// "is expected to", "plans to": the event lies ahead even though the verb is present tense.
const FUTURE_LEADS = new Set(['expected', 'scheduled', 'due', 'set', 'plans', 'plan', 'planned', 'planning', 'intends', 'intend', 'going', 'slated', 'poised', 'likely', 'hopes', 'hope', 'aims', 'wants', 'want', 'ready', 'about']);
// Obligation looks ahead ("must be returned by Jan. 14").
const OBLIGATION = new Set(['must', 'should', 'ought', 'needs', 'need', 'has to', 'have to']);
// Reporting verbs say when something was told, not when it happens; they count only when nothing else does.
const REPORTING = new Set(['said', 'says', 'say', 'told', 'tells', 'announced', 'announces', 'reported', 'reports', 'added', 'adds', 'stated', 'states', 'declared', 'declares', 'confirmed', 'confirms', 'noted', 'notes', 'according']);
const PRESENT_AUX = new Set(['is', 'are', 'am', "'s", "'re", 'be', 'being', 'get', 'gets']);
const SCHEDULED = new Set(['expected', 'scheduled', 'due', 'slated', 'planned', 'set']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d"]);

interface VerbGroup {
  first: number;
  last: number;
  tense: Tense;
  reporting: boolean;
}

/** Tense of the verb group nearest to [start, end) within its sentence. */
export function tenseAround(parsed: ParsedParagraph, start: number, end: number): Tense {
  const tokens = parsed.tokens;
  if (!tokens.length) return 'none';
  const at = tokenIndexAt(tokens, start);
  if (at < 0) return 'none';
  const sentence = tokens[at].sentenceIndex;
  const range = parsed.sentenceTokens[sentence] ?? [0, tokens.length];
  const groups = verbGroups(tokens, range[0], range[1]);
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
  for (const group of groups) {
    if (group.tense === 'none') continue;
    // Tokens inside the expression itself ("next week") are not verbs of the clause.
    let distance = group.last < at ? at - group.last : group.first > endIndex ? group.first - endIndex + 0.5 : 0;
    if (group.reporting && distance > 1) distance += 6;
    if (distance < bestDistance) {
      best = group;
      bestDistance = distance;
    }
  }
  return best ? best.tense : 'none';
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

function verbGroups(tokens: Token[], from: number, to: number): VerbGroup[] {
  const groups: VerbGroup[] = [];
  let i = from;
  while (i < to) {
    const token = tokens[i];
    const leadsFuture = FUTURE_LEADS.has(token.normal) && tokens[i + 1]?.normal === 'to';
    if (!isVerbish(token) && !leadsFuture && !FUTURE_WORDS.has(token.normal)) {
      i++;
      continue;
    }
    let j = i;
    // A group runs through verbs, adverbs and "not" ("will not be", "has already been"); "to" joins "expected to".
    while (j + 1 < to) {
      const next = tokens[j + 1];
      if (isVerbish(next) || FUTURE_LEADS.has(next.normal) || next.tags.has('Adverb') || next.tags.has('Negative') || (next.normal === 'to' && j + 2 < to && isVerbish(tokens[j + 2]))) {
        if (/[,;:()]/.test(tokens[j].post)) break;
        j++;
      } else break;
    }
    // An infinitive ("to announce") has no tense of its own; after a present or perfect
    // verb ("has decided to admit … in March") it points ahead.
    const infinitive = tokens[i - 1]?.normal === 'to' && !FUTURE_LEADS.has(tokens[i - 2]?.normal ?? '');
    const reporting = i === j && REPORTING.has(token.normal);
    let tense = groupTense(tokens, i, j);
    if (infinitive) {
      const matrix = groups[groups.length - 1];
      const adjacent = matrix && matrix.last === i - 2;
      const perfectOrPresent = adjacent && (matrix.tense === 'present' || matrix.tense === 'future' || ['has', 'have'].includes(tokens[matrix.first].normal));
      tense = perfectOrPresent ? 'future' : 'none';
    }
    groups.push({ first: i, last: j, tense, reporting });
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
    if (k > first && SCHEDULED.has(word)) return 'future';
    // "has decided to admit … in March": the infinitive's event lies after a present or perfect decision.
    if (word === 'to' && k > first && k < last) return perfect || (present && !past) ? 'future' : past ? 'past' : 'none';
    if (PAST_AUX.has(word)) past = true;
    else if (PRESENT_AUX.has(word)) {
      presentAux = true;
      present = true;
    } else if ((word === 'has' || word === 'have') && k < last) past = perfect = true; // perfect: "has met"
    else if (t.tags.has('PastTense')) {
      // "is heard" is present passive; "has been heard" and "heard" are past.
      if (!presentAux) past = true;
    } else if (t.tags.has('PresentTense') || t.tags.has('Copula')) present = true;
  }
  if (past) return 'past';
  if (present) return 'present';
  return 'none';
}
