// Scoring for `news-lens eval`, following the conventions of the shared
// reference scorer so the two agree on the same output:
// - entities: conlleval-style exact span + type, micro P/R/F1 over person,
//   organization and place; a system entity overlapping only an `ignore` span
//   (another kind the gold set does not score) is not counted;
// - TIMEX3 (TempEval-3 style): strict = exact span, relaxed = overlap,
//   value = overlap + same value, type accuracy over relaxed matches;
// - events (TimeML triggers): strict and relaxed F1, class accuracy over matches.

export interface GoldSpan {
  start: number;
  end: number;
  type?: string;
  value?: string;
  class?: string;
  text?: string;
}

export interface GoldDocument {
  id: string;
  text: string;
  dct?: string | null;
  entities?: GoldSpan[];
  ignore?: GoldSpan[];
  timex?: GoldSpan[];
  events?: GoldSpan[];
}

export interface SystemDocument {
  id: string;
  entities: Array<{ start: number; end: number; type: string }>;
  dates: Array<{ start: number; end: number; type: string; value: string | null }>;
  events: Array<{ start: number; end: number; class: string }>;
}

export interface Prf {
  p: number;
  r: number;
  f: number;
  tp: number;
  sys: number;
  gold: number;
}

export interface EvalScores {
  documents: number;
  ner?: Prf;
  nerByType?: Record<string, Prf>;
  timex?: { strict: Prf; relaxed: Prf; value: Prf; typeAccuracy: number };
  events?: { strict: Prf; relaxed: Prf; classAccuracy: number };
}

const SCORED_TYPES: Record<string, string> = {
  person: 'person',
  per: 'person',
  organization: 'organization',
  organisation: 'organization',
  org: 'organization',
  place: 'place',
  location: 'place',
  loc: 'place',
  gpe: 'place',
};

export function prf(tp: number, sys: number, gold: number): Prf {
  const p = sys ? tp / sys : 0;
  const r = gold ? tp / gold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, tp, sys, gold };
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Greedy one-to-one matching in gold order, preferring an exact-span match. */
function matchSpans<T extends { start: number; end: number }>(gold: GoldSpan[], system: T[], onMatch: (g: GoldSpan, s: T) => void): number {
  const sorted = system.slice().sort((a, b) => a.start - b.start);
  const used = new Set<number>();
  let matched = 0;
  for (const g of gold) {
    let best = -1;
    sorted.forEach((s, i) => {
      if (used.has(i) || !overlap(s, g)) return;
      if (best < 0 || (s.start === g.start && s.end === g.end)) best = i;
    });
    if (best < 0) continue;
    used.add(best);
    matched++;
    onMatch(g, sorted[best]);
  }
  return matched;
}

export function scoreDocuments(gold: GoldDocument[], system: Map<string, SystemDocument>): EvalScores {
  const ner = { tp: 0, sys: 0, gold: 0 };
  const byType: Record<string, { tp: number; sys: number; gold: number }> = {};
  const tx = { strict: 0, relaxed: 0, value: 0, type: 0, sys: 0, gold: 0 };
  const ev = { strict: 0, relaxed: 0, cls: 0, sys: 0, gold: 0 };
  let scoresEntities = false;
  let scoresDates = false;
  let scoresEvents = false;

  for (const g of gold) {
    const s = system.get(g.id);
    const goldEntities = g.entities ?? [];
    if (goldEntities.length) {
      scoresEntities = true;
      const ignored = (e: GoldSpan) => (g.ignore ?? []).some((i) => overlap(e, i)) && !goldEntities.some((x) => overlap(e, x));
      const goldKeys = new Set(goldEntities.map((e) => `${e.start}:${e.end}:${e.type}`));
      const seen = new Set<string>();
      for (const e of s?.entities ?? []) {
        const type = SCORED_TYPES[String(e.type).toLowerCase()];
        if (!type || ignored(e)) continue;
        const key = `${e.start}:${e.end}:${type}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const t = (byType[type] ??= { tp: 0, sys: 0, gold: 0 });
        ner.sys++;
        t.sys++;
        if (goldKeys.has(key)) {
          ner.tp++;
          t.tp++;
        }
      }
      for (const e of goldEntities) {
        ner.gold++;
        (byType[e.type ?? ''] ??= { tp: 0, sys: 0, gold: 0 }).gold++;
      }
    }
    if (g.timex) {
      scoresDates = true;
      const dates = s?.dates ?? [];
      tx.sys += dates.length;
      tx.gold += g.timex.length;
      matchSpans(g.timex, dates, (gt, d) => {
        tx.relaxed++;
        if (d.start === gt.start && d.end === gt.end) tx.strict++;
        if (String(d.value) === gt.value) tx.value++;
        if (String(d.type ?? '').toUpperCase() === gt.type) tx.type++;
      });
    }
    if (g.events && g.events.length) {
      scoresEvents = true;
      const events = s?.events ?? [];
      ev.sys += events.length;
      ev.gold += g.events.length;
      matchSpans(g.events, events, (ge, e) => {
        ev.relaxed++;
        if (e.start === ge.start && e.end === ge.end) ev.strict++;
        if (String(e.class ?? '').toUpperCase() === ge.class) ev.cls++;
      });
    }
  }

  const out: EvalScores = { documents: gold.length };
  if (scoresEntities) {
    out.ner = prf(ner.tp, ner.sys, ner.gold);
    out.nerByType = Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, prf(v.tp, v.sys, v.gold)]));
  }
  if (scoresDates && tx.gold) {
    out.timex = {
      strict: prf(tx.strict, tx.sys, tx.gold),
      relaxed: prf(tx.relaxed, tx.sys, tx.gold),
      value: prf(tx.value, tx.sys, tx.gold),
      typeAccuracy: tx.relaxed ? tx.type / tx.relaxed : 0,
    };
  }
  if (scoresEvents) {
    out.events = { strict: prf(ev.strict, ev.sys, ev.gold), relaxed: prf(ev.relaxed, ev.sys, ev.gold), classAccuracy: ev.relaxed ? ev.cls / ev.relaxed : 0 };
  }
  return out;
}

export function formatScores(scores: EvalScores, setName: string): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  const row = (name: string, v: Prf) =>
    `  ${name.padEnd(14)} P ${pct(v.p).padStart(5)}  R ${pct(v.r).padStart(5)}  F1 ${pct(v.f).padStart(5)}   (gold ${v.gold}, system ${v.sys})`;
  const lines = [`${setName}: ${scores.documents} documents`];
  if (scores.ner) {
    lines.push('Entities (exact span and type)');
    lines.push(row('all', scores.ner));
    for (const [k, v] of Object.entries(scores.nerByType ?? {}).sort()) lines.push(row(k, v));
  }
  if (scores.timex) {
    lines.push('TIMEX3');
    lines.push(row('strict', scores.timex.strict));
    lines.push(row('relaxed', scores.timex.relaxed));
    lines.push(row('value', scores.timex.value));
    lines.push(`  type accuracy  ${pct(scores.timex.typeAccuracy)}`);
  }
  if (scores.events) {
    lines.push('Events (TimeML triggers)');
    lines.push(row('strict', scores.events.strict));
    lines.push(row('relaxed', scores.events.relaxed));
    lines.push(`  class accuracy ${pct(scores.events.classAccuracy)}`);
  }
  return lines.join('\n');
}
