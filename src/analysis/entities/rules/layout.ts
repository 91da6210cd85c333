// Entity rules read from the article's layout rather than the name: the dateline,
// results tables, bylines, match reports and lists.
import type { EntityType } from '../../types';
import type { PreparedTokens } from '../features';
import { allNameWords, breaksName, firstOfRunEndingAt, override, type RawSpan, sentenceRangesOf, tokensOfChars } from './spans';

const CAPITALS_WORD = /^\p{Lu}[\p{Lu}.'-]+$/u;

/**
 * A dateline opening a paragraph ("NAIROBI, Kenya (AP) —", "LONDON 1996-08-30"):
 * the capitalised place words before the comma, date or agency are places.
 */
export function applyDatelineRule(p: PreparedTokens, spans: RawSpan[]): RawSpan[] {
  const n = p.tokens.length;
  const isCaps = (k: number) => k < n && CAPITALS_WORD.test(p.tokens[k].text);
  // A line all in capitals is a headline ("TENNIS - SPAIN, U.S. TEAMS OPEN"), not a dateline.
  if (!n || p.allCaps[0]) return spans;
  let end = 0;
  while (end < 4 && isCaps(end) && (end === 0 || !breaksName(p, end))) end++;
  if (end === 0 || end >= n || (isCaps(end) && !breaksName(p, end))) return spans;
  const next = p.tokens[end];
  // What separates the place from the rest: compromise puts "(" in the next token's `pre`.
  const after = p.tokens[end - 1].post + next.pre;
  const datelike = /^\d{4}-\d\d-\d\d$/.test(next.text) || next.tags.has('Date') || next.tags.has('Month');
  if (!/^[,:]/.test(after) && !datelike && !/^\s*\(/.test(after)) return spans;
  let out = override(spans, {
    first: 0,
    last: end,
    type: 'place',
    evidence: 'rule',
    countryCode: p.gazetteerKind[0] === 'country' ? p.gazetteerIso[0] : undefined,
  });
  // "GENEVA (Reuters) -": the agency in brackets.
  if (/^\s*\($/.test(after) && p.capitalised[end] && /^\)/.test(next.post))
    out = override(out, { first: end, last: end + 1, type: 'organization', evidence: 'rule' });
  // "NAIROBI, Kenya (AP)": the region or country after the comma, and the agency.
  if (/^,/.test(after) && next && p.capitalised[end]) {
    let k = end + 1;
    while (k < n && p.capitalised[k] && !breaksName(p, k)) k++;
    out = override(out, {
      first: end,
      last: k,
      type: 'place',
      evidence: 'rule',
      countryCode: p.gazetteerKind[end] === 'country' ? p.gazetteerIso[end] : undefined,
    });
    if (k < n && /^\(/.test(p.tokens[k].pre) && /^[A-Z]{2,5}$/.test(p.tokens[k].text))
      out = override(out, { first: k, last: k + 1, type: 'organization', evidence: 'rule' });
  }
  return out;
}

const RESULT_NAME = String.raw`\p{Lu}[\p{L}.'&-]*(?: (?:\p{Lu}[\p{L}.'&-]*|de|of|and))*`;
const RESULT_LINE = new RegExp(String.raw`^\s*(${RESULT_NAME})\s+\d{1,3}\s+(${RESULT_NAME})\s+\d{1,3}\b`, 'u');
const TABLE_LINE = new RegExp(String.raw`^\s*(?:\d{1,2}\.?\s+)?(${RESULT_NAME})(?:\s+\d{1,3}){3,}\s*$`, 'u');

/**
 * Sports results and tables: "Arsenal 0 Leeds 2", "Leeds 3 2 1 0 6 2 7". The
 * names there are teams (organisations), even when named after their city.
 */
export function applyResultsRule(p: PreparedTokens, text: string, spans: RawSpan[]): RawSpan[] {
  if (!/\d/.test(text)) return spans;
  let out = spans;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const m = RESULT_LINE.exec(line) ?? TABLE_LINE.exec(line);
    if (m) {
      for (const name of m.slice(1).filter(Boolean)) {
        const at = lineStart + line.indexOf(name, name === m[1] ? 0 : line.indexOf(m[1]) + m[1].length);
        const first = p.tokens.findIndex((t) => t.start === at);
        if (first < 0) continue;
        let last = first;
        while (last < p.tokens.length && p.tokens[last].end <= at + name.length) last++;
        if (last > first) out = override(out, { first, last, type: 'organization', evidence: 'rule' });
      }
    }
    lineStart += line.length + 1;
  }
  return out;
}

// Words that make a byline's last part an organisation rather than a name or a role.
const MEDIA_WORDS =
  /\b(?:Press|News|Times|Post|Reuters|AFP|AP|Agency|Service|Journal|Herald|Tribune|Guardian|Network|Media|Wire|Gazette|Observer|Telegraph|Daily|Weekly|Radio|Television|TV|Magazine|Review|Bureau|Chronicle|Independent|Bloomberg|Xinhua|Agence|Presse)\b/u;
// A byline's role part names no one: "Staff Writers", "Special Correspondent".
const BYLINE_ROLES = /\b(?:staff|writers?|reporters?|correspondents?|editors?|special|contributors?|columnists?|photographers?|desk|in)\b/iu;
const BYLINE_NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|van|von|al|el|bin|le|la))*`;

/**
 * A byline line: "By Jane Okafor, Associated Press", "By JANE OKAFOR and Tom Reyes / Staff
 * Writers". The names are people (in capitals too); a trailing news outlet is an organisation;
 * a role ("Staff Writers") is nothing.
 */
export function applyBylineRule(p: PreparedTokens, text: string, spans: RawSpan[]): RawSpan[] {
  const line = new RegExp(String.raw`^([ \t]*By[ \t]+)(.{3,160})$`, 'gmu');
  let out = spans;
  for (const m of text.matchAll(line)) {
    const bodyStart = m.index! + m[1].length;
    const body = m[2].replace(/\s+$/u, '');
    // Parts: names joined by "and", "&" or commas, then an outlet or role after a comma, slash, bar or dash.
    const parts: Array<{ text: string; at: number; sep: string }> = [];
    const splitter = /\s*(,|\/|\||—|–|\s-\s|\band\b|&)\s*/gu;
    let from = 0;
    let sep = '';
    for (const s of body.matchAll(splitter)) {
      parts.push({ text: body.slice(from, s.index), at: from, sep });
      sep = s[1].trim();
      from = s.index! + s[0].length;
    }
    parts.push({ text: body.slice(from), at: from, sep });
    const nameOnly = new RegExp(`^${BYLINE_NAME}$`, 'u');
    if (!parts.length || !nameOnly.test(parts[0].text)) continue;
    let afterOutletSeparator = false;
    const found: RawSpan[] = [];
    let ok = true;
    for (const [k, part] of parts.entries()) {
      if (/^[/|—–-]$/.test(part.sep)) afterOutletSeparator = true;
      const trimmed = part.text.replace(/[.]$/u, '');
      if (!trimmed) continue;
      const outlet = MEDIA_WORDS.test(trimmed) || (/^[A-Z]{2,5}$/.test(trimmed) && k > 0);
      if (!outlet && (afterOutletSeparator || BYLINE_ROLES.test(trimmed))) {
        if (BYLINE_ROLES.test(trimmed)) continue;
      }
      if (!nameOnly.test(trimmed)) {
        ok = k > 0;
        break;
      }
      const range = tokensOfChars(p, bodyStart + part.at, bodyStart + part.at + trimmed.length);
      if (!range) continue;
      const words = trimmed.split(/\s+/u).length;
      if (outlet) found.push({ ...range, type: 'organization', evidence: 'rule' });
      else if (!afterOutletSeparator && words >= 2 && words <= 4) found.push({ ...range, type: 'person', evidence: 'rule' });
      else if (afterOutletSeparator || (k === parts.length - 1 && part.sep === ',')) found.push({ ...range, type: 'organization', evidence: 'rule' });
    }
    if (!ok || !found.some((s) => s.type === 'person')) continue;
    for (const s of found) out = override(out, s);
  }
  return out;
}

const MATCH_VERBS = new Set([
  'beat',
  'beats',
  'defeated',
  'defeat',
  'defeats',
  'drew',
  'draw',
  'thrashed',
  'edged',
  'routed',
  'hammered',
  'stunned',
  'edge',
  'host',
  'hosts',
  'hosted',
  'face',
  'faces',
  'faced',
  'v',
  'vs',
  'versus',
  'against',
  'overcame',
  'knocked',
  'eliminated',
  'trounced',
  'outplayed',
]);
const CLUB_WORDS = new Set([
  'manager',
  'coach',
  'striker',
  'midfielder',
  'defender',
  'goalkeeper',
  'winger',
  'captain',
  'fans',
  'supporters',
  'squad',
  'forward',
  'boss',
  'chairman',
  'club',
  'side',
  'team',
  'players',
  'player',
  'keeper',
]);
const SPORTS_CUES =
  /\b(?:\d{1,2}-\d{1,2}|goals?|league|cup|match|season|fixture|kick-off|half-time|penalty|stadium|relegation|derby|premier|championship|scored|equaliser|equalizer)\b/iu;

/**
 * Clubs named after their city in running text: "Liverpool beat Chelsea 2-1", "Leeds manager
 * Tom Reyes". In a sentence about a match, a city or unclassified name that plays or owns
 * players is a team (organisation); "in Liverpool" stays a place. Countries keep their kind
 * (national sides are conventionally places), and so do people ("Federer beat Nadal").
 */
export function applyMatchRule(p: PreparedTokens, text: string, spans: RawSpan[]): RawSpan[] {
  if (!SPORTS_CUES.test(text)) return spans;
  const n = p.tokens.length;
  const sportySentence = new Set<number>();
  for (const [first, last] of sentenceRangesOf(p)) {
    if (first >= last) continue;
    const sentence = text.slice(p.tokens[first].start, p.tokens[last - 1].end);
    if (SPORTS_CUES.test(sentence)) sportySentence.add(p.tokens[first].sentenceIndex);
  }
  const spanAt = new Map<number, RawSpan>();
  for (const s of spans) spanAt.set(s.first, s);
  const convertible = (s: RawSpan | undefined) =>
    !!s && (s.type === 'place' || s.type === 'organization') && p.gazetteerKind[s.first] !== 'country' && p.gazetteerKind[s.first] !== 'demonym';
  // A name at token i: an existing span, or a capitalised run the tagger left out.
  const nameAt = (i: number): RawSpan | undefined => {
    const s = spanAt.get(i);
    if (s) return s;
    if (i < 0 || i >= n || !p.capitalised[i] || p.allCaps[i] || (p.sentenceStart[i] && p.tags[i].some((t) => t === 'Determiner' || t === 'Pronoun')))
      return undefined;
    if (spans.some((o) => o.first <= i && i < o.last)) return undefined;
    let last = i + 1;
    while (last < n && p.capitalised[last] && !breaksName(p, last) && p.tokens[last].sentenceIndex === p.tokens[i].sentenceIndex) last++;
    return { first: i, last, type: 'organization', evidence: 'rule' };
  };
  // Known to name a city, region or club: at least one side of "X beat Y" must be.
  const clubLike = (s: RawSpan) =>
    s.type === 'place' ||
    (s.type === 'organization' && spanAt.has(s.first)) ||
    p.gazetteerKind[s.first] === 'city' ||
    p.gazetteerKind[s.first] === 'region' ||
    p.tags[s.first].includes('SportsTeam') ||
    p.tags[s.first].includes('Organization');
  const endingAt = (j: number): RawSpan | undefined =>
    spans.find((s) => s.last === j) ??
    (j > 0 && p.capitalised[j - 1] && !spans.some((o) => o.first < j && j <= o.last) ? nameAt(firstOfRunEndingAt(p, j)) : undefined);
  const teams: RawSpan[] = [];
  for (let i = 0; i < n; i++) {
    if (!sportySentence.has(p.tokens[i].sentenceIndex)) continue;
    const w = p.lower[i];
    if (MATCH_VERBS.has(w)) {
      // "X beat Y": both sides are teams when at least one of them is a city or club.
      const left = endingAt(i);
      let j = i + 1;
      if ((w === 'drew' || w === 'draw') && p.lower[j] === 'with') j++;
      const right = nameAt(j);
      if (!left || !right || p.tokens[left.first].sentenceIndex !== p.tokens[i].sentenceIndex) continue;
      const sides = [left, right];
      // A country on either side makes it a match between nations; two people, between players.
      if (sides.some((s) => s.type !== 'person' && !convertible(s) && spanAt.has(s.first))) continue;
      if (!sides.some((s) => clubLike(s))) continue;
      if (sides.some((s) => s.type === 'person' && s.last - s.first > 1)) continue;
      teams.push(...sides);
    } else if (CLUB_WORDS.has(w) && p.tokens[i - 1]?.post.trim() === '') {
      // "Leeds manager", "Arsenal's striker"
      const left = endingAt(i);
      if ((left && convertible(left)) || (left && !spanAt.has(left.first) && left.last - left.first === 1)) teams.push(left);
    }
  }
  let out = spans;
  for (const t of teams) {
    // "in Liverpool": a preposition of place before the name keeps it a place.
    const before = p.lower[t.first - 1];
    if (before && /^(?:in|at|near|from|to|into|across|outside|around)$/.test(before)) continue;
    out = override(out, { first: t.first, last: t.last, type: 'organization', evidence: 'rule', contextKind: true });
  }
  return out;
}

/**
 * Lists: bulleted or numbered lines ("- Mali") and comma lists ("Ghana, Togo and Benin").
 * Items of one list are of one kind: a capitalised item the tagger missed or typed
 * differently takes the kind the other items agree on (at least two of them, none dissenting).
 */
export function applyListRule(p: PreparedTokens, text: string, spans: RawSpan[]): RawSpan[] {
  const lists: Array<Array<{ first: number; last: number }>> = [];
  // Bulleted or numbered lines whose whole content is a short name.
  const bullet = /^[ \t]*(?:[-*•–]|\d{1,2}[.)])[ \t]+(\p{Lu}[^\n]{0,60}?)[ \t]*[.;,]?[ \t]*$/gmu;
  let current: Array<{ first: number; last: number }> = [];
  let currentCue: EntityType | undefined;
  const cues = new Map<Array<{ first: number; last: number }>, EntityType>();
  const bulleted = new Set<Array<{ first: number; last: number }>>();
  const push = () => {
    if (current.length) {
      lists.push(current);
      bulleted.add(current);
      if (currentCue) cues.set(current, currentCue);
    }
    current = [];
  };
  let lastEnd = -2;
  for (const m of text.matchAll(bullet)) {
    const start = m.index! + m[0].indexOf(m[1]);
    const range = tokensOfChars(p, start, start + m[1].length);
    const lineStart = m.index!;
    if (current.length && !/^\n\s*$/.test(text.slice(lastEnd, lineStart) || '\n')) push();
    if (!current.length) currentCue = listCue(text.slice(Math.max(0, lineStart - 80), lineStart));
    if (range && range.last - range.first <= 5 && allNameWords(p, range.first, range.last)) current.push(range);
    lastEnd = m.index! + m[0].length;
  }
  push();
  // Comma lists: three or more capitalised runs joined by commas and a final "and"/"or".
  const runs: Array<{ first: number; last: number }> = [];
  for (let i = 0; i < p.tokens.length;) {
    if (!p.capitalised[i] || p.allCaps[i]) {
      i++;
      continue;
    }
    let last = i + 1;
    while (last < p.tokens.length && p.capitalised[last] && !breaksName(p, last) && p.tokens[last].sentenceIndex === p.tokens[i].sentenceIndex) last++;
    runs.push({ first: i, last });
    i = last;
  }
  let list: Array<{ first: number; last: number }> = [];
  const close = () => {
    if (list.length >= 3) lists.push(list);
    list = [];
  };
  for (const run of runs) {
    const prev = list[list.length - 1];
    const byComma = prev && prev.last === run.first && /^,\s*$/.test(p.tokens[run.first - 1].post);
    const byAnd = prev && prev.last === run.first - 1 && /^(?:and|or)$/.test(p.lower[run.first - 1]) && /^,?\s+$/.test(p.tokens[run.first - 2].post);
    if (byComma) {
      list.push(run);
      continue;
    }
    if (byAnd) {
      list.push(run);
      close();
      continue;
    }
    close();
    list.push(run);
  }
  list = [];
  let out = spans;
  for (const items of lists) {
    // A lead-in that says what is listed ("Groups named:", "came from:") settles the kind of every item.
    const cue = cues.get(items);
    if (cue) {
      for (const it of items) out = override(out, { first: it.first, last: it.last, type: cue, evidence: 'rule' });
      continue;
    }
    // A bulleted item is one name: pieces of one kind inside it become the whole item ("Ade" + "Okafor").
    if (bulleted.has(items)) {
      for (const it of items) {
        const inside = out.filter((s) => s.first >= it.first && s.last <= it.last);
        if (
          inside.length &&
          inside.every((s) => s.type === inside[0].type) &&
          !out.some((s) => (s.first < it.first && s.last > it.first) || (s.first < it.last && s.last > it.last))
        ) {
          out = override(out, { first: it.first, last: it.last, type: inside[0].type, evidence: inside[0].evidence });
        }
      }
    }
    const found = items.map((it) => out.find((s) => s.first === it.first && s.last === it.last));
    const kinds = found.map((s) => s?.type);
    const counts = new Map<EntityType, number>();
    for (const k of kinds) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
    const [kind, agreeing] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [undefined, 0];
    if (!kind || agreeing < 2) continue;
    // A list is of one kind: a lone single-word dissenter the tagger guessed ("Bamako, Mopti and
    // Segou" with Segou as a person) follows the others; a real mix ("Merkel, Macron and Spain") has no such majority.
    if (counts.size > 1) {
      if (agreeing * 3 < items.length * 2 || items.length - agreeing > 1) continue;
      const dissenter = found.findIndex((s) => s && s.type !== kind);
      const s = found[dissenter]!;
      if (s.evidence !== 'model' || s.last - s.first !== 1) continue;
      out = override(out, { ...s, type: kind });
    }
    items.forEach((it, k) => {
      if (kinds[k]) return;
      if (out.some((s) => s.first < it.last && it.first < s.last)) return; // a partial span: do not guess
      out = override(out, { first: it.first, last: it.last, type: kind, evidence: 'rule' });
    });
  }
  return out;
}

const LIST_PLACE_PREPOSITION = /\b(?:from|in|to|at)$/iu;
const LIST_CUES: Array<[RegExp, EntityType]> = [
  [/\b(?:countries|nations|cities|towns|villages|regions|provinces|states|districts|capitals|places|destinations)\b/iu, 'place'],
  [/\b(?:groups|organi[sz]ations|parties|companies|firms|agencies|clubs|teams|banks|unions|movements|militias|outlets|sponsors)\b/iu, 'organization'],
  [
    /\b(?:people|victims|candidates|members|ministers|players|officials|speakers|winners|nominees|suspects|signatories|panellists|panelists|authors)\b/iu,
    'person',
  ],
];

/** The kind a list's lead-in line announces ("The victims came from:" → place), if any. */
function listCue(before: string): EntityType | undefined {
  const line = /([^\n]*):\s*$/u.exec(before);
  if (!line) return undefined;
  const lead = line[1].trim();
  if (LIST_PLACE_PREPOSITION.test(lead)) return 'place';
  const found = LIST_CUES.filter(([pattern]) => pattern.test(lead)).map(([, kind]) => kind);
  return found.length === 1 ? found[0] : undefined;
}
