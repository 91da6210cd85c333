// HeidelTime-style recognition rules: each rule is a regular expression composed from
// the lexicon's fragments plus a builder that says what the match means. All rules run
// over the paragraph text; overlaps are settled longest-first, so "last Friday"
// beats "Friday" and a blocker ("6-year-old") beats the duration inside it.
// The rules live in rules/, a file a family; their order here is their priority order.
import type { Candidate, TimexSpec } from './spec';
import type { Groups, Indices, MatchContext, Rule } from './rules/ruleKit';
import { CALENDAR_RULES } from './rules/calendarRules';
import { DAY_RULES } from './rules/dayRules';
import { RELATIVE_RULES } from './rules/relativeRules';
import { PERIOD_RULES } from './rules/periodRules';

export const RULES: Rule[] = [...CALENDAR_RULES, ...DAY_RULES, ...RELATIVE_RULES, ...PERIOD_RULES];

/**
 * Runs every rule over the text and keeps the longest non-overlapping matches. A rule's gate
 * skips it where it cannot yield a date; `gates: false` runs every rule anyway (for tests that
 * check the gates never change the result).
 */
export function findCandidates(text: string, options: { gates?: boolean } = {}): Candidate[] {
  const useGates = options.gates !== false;
  const found: Array<Candidate & { order: number }> = [];
  let order = 0;
  for (const rule of RULES) {
    if (useGates && rule.gate && !rule.gate.test(text)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      const ctx: MatchContext = { text, start: m.index, end: m.index + m[0].length, indices: (m.indices?.groups ?? {}) as Indices };
      const built = rule.build((m.groups ?? {}) as Groups, ctx);
      if (!built) continue;
      const items = Array.isArray(built) ? built : 'kind' in built ? [{ spec: built }] : [built];
      for (const item of items) {
        const spec = item.spec as TimexSpec;
        let start = (item as { start?: number }).start ?? ctx.start;
        let end = (item as { end?: number }).end ?? ctx.end;
        // A sentence-final "a.m." or "Feb. 4." keeps its period only when it is part of the word.
        while (end > start && /\s/.test(text[end - 1])) end--;
        while (start < end && /\s/.test(text[start])) start++;
        if (end > start) found.push({ start, end, spec, order: order++ });
      }
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order);
  const kept: Candidate[] = [];
  const taken = new Uint8Array(text.length + 1); // characters already covered by a longer match
  for (const c of found) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push({ start: c.start, end: c.end, spec: c.spec });
  }
  return kept.filter((c) => c.spec.kind !== 'block').sort((a, b) => a.start - b.start);
}
