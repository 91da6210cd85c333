// Acronyms tied to the names they abbreviate ("Group for the Support of Islam and Muslims
// (JNIM)"), so both are one actor.
import type { PreparedTokens } from '../features';
import { stripPossessive } from '../gazetteer';
import type { EntityCandidate } from '../recognizeEntities';
import { breaksName, NAME_PARTICLES } from './spans';
import { startsUpper } from '../../letters';

const ACRONYM = /^[A-Z][A-Z0-9&.-]{1,9}$/;
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'de', 'du', 'des', 'la', 'le', 'et']);

/** Whether an acronym abbreviates the words of tokens [first, last): "JNIM", "ECOWAS", "IAEA". */
function abbreviates(p: PreparedTokens, first: number, last: number, acronym: string): boolean {
  const parts: string[] = [];
  for (let k = first; k < last; k++) parts.push(...p.words[k].split('-').filter(Boolean));
  const letters = acronym.replace(/[.&-]/g, '');
  const capitals = parts
    .filter((w) => startsUpper(w))
    .map((w) => w[0])
    .join('');
  const all = parts.map((w) => w[0].toUpperCase()).join('');
  return capitals === letters || all === letters;
}

/** Token index of the last word of a name that ends right before token `end` (exclusive), reading back. */
function nameStartsBefore(p: PreparedTokens, end: number, acronym: string): number | null {
  const sentence = p.tokens[end - 1]?.sentenceIndex;
  for (let first = end - 1; first >= 0 && first >= end - 12; first--) {
    const t = p.tokens[first];
    if (t.sentenceIndex !== sentence) break;
    if (first < end - 1 && breaksName(p, first + 1)) break;
    const word = p.words[first];
    const ok = startsUpper(word) || NAME_PARTICLES.has(p.lower[first]) || CONNECTORS.has(p.lower[first]);
    if (!ok) break;
    if (startsUpper(word) && abbreviates(p, first, end, acronym)) return first;
  }
  return null;
}

/**
 * "Jama'a Nusrat ul-Islam wa al-Muslimin, known as JNIM" and "… (ECOWAS)": the
 * acronym names the same actor as the full name before it. The full name is
 * completed or found from the acronym's letters when the tagger cut it short or
 * missed it, and an expansion with an acronym is no person.
 */
export function linkAcronyms(p: PreparedTokens, text: string, candidates: EntityCandidate[]): void {
  for (let i = 1; i < p.tokens.length; i++) {
    const t = p.tokens[i];
    if (!ACRONYM.test(t.text) || !/[A-Z]{2}/.test(t.text) || p.allCaps[i]) continue;
    const parenthesised = /\($/.test(t.pre) || /\(\s*$/.test(p.tokens[i - 1].post);
    const knownAs = i >= 3 && /^(?:known|called)$/.test(p.lower[i - 2]) && p.lower[i - 1] === 'as';
    if (!parenthesised && !knownAs) continue;
    const nameEnd = parenthesised ? i : i - 2; // exclusive token index
    const first = nameStartsBefore(p, nameEnd, t.text);
    let expansion: EntityCandidate | undefined;
    if (first !== null) {
      const start = p.tokens[first].start;
      const last = p.tokens[nameEnd - 1];
      const end = last.start + stripPossessive(last.text).length;
      const overlapping = candidates.filter((c) => c.start < end && start < c.end);
      const kind = overlapping.find((c) => c.type === 'place' || c.type === 'organization')?.type ?? 'organization';
      for (const c of overlapping) candidates.splice(candidates.indexOf(c), 1);
      expansion = { start, end, text: text.slice(start, end), type: kind, evidence: overlapping.length ? overlapping[0].evidence : 'rule' };
      candidates.push(expansion);
    } else {
      expansion = [...candidates].reverse().find((c) => c.end <= t.start && t.start - c.end <= 20 && c.text !== t.text);
      if (!expansion || expansion.text.split(/\s+/).length < 2) continue;
    }
    if (expansion.type === 'person' || expansion.type === 'nationality') expansion.type = 'organization';
    const existing = candidates.find((c) => c.start === t.start);
    if (existing) {
      existing.type = expansion.type;
      existing.expansion = expansion.text;
    } else {
      candidates.push({ start: t.start, end: t.end, text: t.text, type: expansion.type, evidence: 'rule', expansion: expansion.text });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
}
