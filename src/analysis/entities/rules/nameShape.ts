// Entity rules read from the shape of a name: facilities, assemblies, missions "in" a
// place, titles, lower-case edges and name particles.
import type { PreparedTokens } from '../features';
import { isTitleWord } from '../titles';
import { breaksName, NAME_PARTICLES, type RawSpan } from './spans';
import { startsLower } from '../../letters';

const FACILITY_HEADS = new Set([
  'base',
  'airbase',
  'airport',
  'airfield',
  'barracks',
  'camp',
  'prison',
  'port',
  'harbor',
  'harbour',
  'stadium',
  'dam',
  'bridge',
  'hospital',
  'station',
]);

/**
 * Named facilities ("Air Base 201", "Camp Lemonnier", "Agadez airport" stays a city):
 * capitalised words ending in a facility head, optionally numbered, are one place.
 */
export function applyFacilityRule(p: PreparedTokens, spans: RawSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  const n = p.tokens.length;
  const used = new Uint8Array(n);
  const facilities: RawSpan[] = [];
  for (let i = 0; i < n; i++) {
    if (!p.capitalised[i] || p.allCaps[i] || !FACILITY_HEADS.has(p.lower[i])) continue;
    let first = i;
    while (
      first > 0 &&
      p.capitalised[first - 1] &&
      p.tokens[first - 1].sentenceIndex === p.tokens[i].sentenceIndex &&
      !/[,;:()"]/.test(p.tokens[first - 1].post) &&
      !(p.sentenceStart[first - 1] && p.tags[first - 1].includes('Determiner'))
    )
      first--;
    let last = i + 1;
    const numbered = last < n && /^\d+[A-Za-z]?$/.test(p.tokens[last].text) && !/[,.;]/.test(p.tokens[i].post);
    if (numbered) last++;
    const named = first < i || numbered || (last < n && p.capitalised[last] && p.tokens[last].sentenceIndex === p.tokens[i].sentenceIndex);
    if (!named) continue;
    if (!numbered && first === i) {
      // "Camp Lemonnier": head first, name after.
      while (last < n && p.capitalised[last] && p.tokens[last].sentenceIndex === p.tokens[i].sentenceIndex && !/[,;:()"]/.test(p.tokens[last - 1].post)) last++;
    }
    facilities.push({ first, last, type: 'place', evidence: 'rule' });
    used.fill(1, first, last);
    i = last - 1;
  }
  for (const s of spans) {
    let overlapping = false;
    for (let k = s.first; k < s.last; k++) if (used[k]) overlapping = true;
    if (!overlapping) out.push(s);
  }
  return [...out, ...facilities].sort((a, b) => a.first - b.first);
}

// Words for a parliament or council in the languages news borrows them from ("Lok Sabha",
// "Verkhovna Rada", "Loya Jirga"): a name ending in one names a body, not the land it sits in.
const ASSEMBLY_WORDS = new Set([
  'sabha',
  'majlis',
  'knesset',
  'duma',
  'bundestag',
  'bundesrat',
  'sejm',
  'storting',
  'riksdag',
  'folketing',
  'eduskunta',
  'althing',
  'oireachtas',
  'rada',
  'jirga',
  'shura',
  'cortes',
  'khural',
  'hluttaw',
  'assembly',
  'parliament',
  'congress',
  'senate',
]);

/** A name ending in an assembly word is an organisation ("the Lok Sabha adjourned"). */
export function applyAssemblyRule(p: PreparedTokens, spans: RawSpan[]): RawSpan[] {
  return spans.map((s) => (s.type === 'place' && ASSEMBLY_WORDS.has(p.lower[s.last - 1]) ? { ...s, type: 'organization', evidence: 'rule' } : s));
}

// Heads of names that go on with "in" and a place: "United Nations Mission in South Sudan",
// "Interim Force in Lebanon", "Organization for Security and Co-operation in Europe".
const IN_PLACE_HEADS = new Set(['mission', 'force', 'cooperation', 'co-operation', 'operation']);

/** An organisation ending in a mission-like head, then "in", then a place, is one name. */
export function joinMissionNames(p: PreparedTokens, spans: RawSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const a = spans[k];
    const b = spans[k + 1];
    if (
      b &&
      a.type === 'organization' &&
      b.type === 'place' &&
      a.last - a.first >= 2 &&
      b.first === a.last + 1 &&
      p.lower[a.last] === 'in' &&
      IN_PLACE_HEADS.has(p.lower[a.last - 1]) &&
      !breaksName(p, a.last) &&
      !breaksName(p, b.first)
    ) {
      out.push({ ...a, last: b.last });
      k++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/** "President Mohamed Bazoum" → the name only; a span of titles alone is dropped. */
export function trimTitles(p: PreparedTokens, spans: RawSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  for (const s of spans) {
    if (s.type !== 'person') {
      out.push(s);
      continue;
    }
    let first = s.first;
    while (first < s.last && isTitleWord(p.words[first])) first++;
    if (first < s.last) out.push({ ...s, first });
  }
  return out;
}

const isLowerWord = (p: PreparedTokens, k: number) => startsLower(p.words[k]) && !NAME_PARTICLES.has(p.lower[k]);

/** "east Africa", "Islamic State group": lower-case words at either edge are context, not name. */
export function trimLowercaseEdges(p: PreparedTokens, spans: RawSpan[]): RawSpan[] {
  const out: RawSpan[] = [];
  for (const s of spans) {
    let first = s.first;
    let last = s.last;
    // "The" opens place names ("The Hague", "The Oval") but not organisations' ("The World Health Organization").
    while (first < last && (isLowerWord(p, first) || (p.lower[first] === 'the' && s.type === 'organization' && last - first > 1))) first++;
    // A lower-case part joined by a hyphen belongs to the name ("Kang Young-hoon").
    const hyphenated = (k: number) => k > first && p.tokens[k - 1].post === '-';
    while (
      last > first &&
      !hyphenated(last - 1) &&
      (isLowerWord(p, last - 1) || (NAME_PARTICLES.has(p.lower[last - 1]) && p.tokens[last - 1].post.trim() !== '-'))
    )
      last--;
    if (first >= last) continue;
    if (last - first === 1 && NOT_A_NAME_ALONE.has(p.lower[first])) continue;
    // Unchanged spans are kept as they are: most are, and the caller drops the old list.
    out.push(first === s.first && last === s.last ? s : { ...s, first, last });
  }
  return out;
}

// Capitalised words that qualify a name but name nothing alone ("Western nations").
const NOT_A_NAME_ALONE = new Set(['western', 'eastern', 'northern', 'southern', 'central', 'the', 'islamic', 'federal', 'national']);

/**
 * Long Arabic-origin names that the tagger cuts short ("Jama'a" of "Jama'a Nusrat
 * ul-Islam wa al-Muslimin"): carry the span over capitalised words and name
 * particles that the tagger left outside any entity, up to punctuation.
 */
export function extendOverParticles(p: PreparedTokens, labels: string[], spans: RawSpan[]): RawSpan[] {
  const extended = spans.map((s) => {
    let last = s.last;
    let sawParticle = false;
    for (;;) {
      if (last >= p.tokens.length || p.tokens[last].sentenceIndex !== p.tokens[s.first].sentenceIndex) break;
      // After a particle, a name the tagger split off belongs to this one ("Daniel arap Moi").
      if (labels[last] !== 'O' && !(sawParticle && p.capitalised[last])) break;
      if (p.tokens[last - 1].post.trim() !== '' && p.tokens[last - 1].post.trim() !== '-') break;
      if (p.tokens[last - 1].text !== p.words[last - 1]) break; // a possessive ends the name
      if (NAME_PARTICLES.has(p.lower[last]) && last + 1 < p.tokens.length && (p.capitalised[last + 1] || NAME_PARTICLES.has(p.lower[last + 1]))) {
        sawParticle = true;
        last++;
        continue;
      }
      if (p.capitalised[last] && !p.allCaps[last]) {
        last++;
        continue;
      }
      break;
    }
    // Only a run that crossed a particle is trusted as one name.
    while (last > s.last && !p.capitalised[last - 1]) last--;
    return last > s.last && sawParticle ? { ...s, last } : s;
  });
  // An extension that cuts into another span without covering it is not one name: keep the tagger's span (entities never overlap).
  const cutsInto = (s: RawSpan, k: number) =>
    extended.some((o, m) => m !== k && o.first < s.last && s.first < o.last && !(s.first <= o.first && o.last <= s.last));
  return extended
    .map((s, k) => (s !== spans[k] && cutsInto(s, k) ? spans[k] : s))
    .filter((s, k, all) => !all.some((o, m) => m !== k && o.first <= s.first && s.last <= o.last && o.last - o.first > s.last - s.first));
}
