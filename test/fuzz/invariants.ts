// The invariants every analysis must keep, whatever the input. Returns the
// violations as readable lines (empty when all hold) so a failing property
// shows exactly which span broke which rule.
import type { ArticleAnalysis, Span } from '../../src/analysis';

interface Named extends Span {
  text?: string;
}

export function analysisViolations(text: string, a: ArticleAnalysis): string[] {
  const problems: string[] = [];
  const check = (layer: string, spans: readonly Named[] | undefined, requireText: boolean) => {
    if (!Array.isArray(spans)) {
      problems.push(`${layer}: not an array`);
      return;
    }
    spans.forEach((s, i) => {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end < s.start || s.end > text.length) {
        problems.push(`${layer}[${i}] = [${s.start}, ${s.end}) lies outside the text (length ${text.length})`);
        return;
      }
      if (requireText && typeof s.text === 'string' && text.slice(s.start, s.end) !== s.text) {
        problems.push(
          `${layer}[${i}] = [${s.start}, ${s.end}) has text ${JSON.stringify(s.text)} but the text there is ${JSON.stringify(text.slice(s.start, s.end))}`,
        );
      }
    });
  };
  const noOverlap = (layer: string, spans: readonly Span[]) => {
    const sorted = [...spans].sort((x, y) => x.start - y.start || x.end - y.end);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i].start < sorted[i - 1].end) {
        problems.push(`${layer}: [${sorted[i - 1].start}, ${sorted[i - 1].end}) overlaps [${sorted[i].start}, ${sorted[i].end})`);
      }
    }
  };

  check('paragraphs', a.paragraphs, false);
  a.paragraphs?.forEach((p, i) => check(`paragraphs[${i}].sentences`, p.sentences, false));
  check('entities', a.entities, true);
  check('dates', a.dates, true);
  check('events', a.events, true);
  a.events?.forEach((e, i) => e.sentence && check(`events[${i}].sentence`, [e.sentence], false));
  check('quotes', a.quotes, false);
  check('problems', a.problems, false);
  a.actors?.forEach((actor, i) => check(`actors[${i}].mentions`, actor.mentions, false));
  if (a.metadata?.dateSpan) check('metadata.dateSpan', [a.metadata.dateSpan], false);
  if (a.metadata && (a.metadata.bodyStart < 0 || a.metadata.bodyStart > text.length))
    problems.push(`metadata.bodyStart ${a.metadata.bodyStart} outside the text`);
  if (Array.isArray(a.entities)) noOverlap('entities', a.entities);
  if (Array.isArray(a.dates)) noOverlap('dates', a.dates);
  if (Array.isArray(a.paragraphs)) noOverlap('paragraphs', a.paragraphs);
  // An entity's actor must exist, or hover cards and the Actors view dangle.
  if (Array.isArray(a.entities) && Array.isArray(a.actors)) {
    const ids = new Set(a.actors.map((x) => x.id));
    a.entities.forEach((e, i) => {
      if (!ids.has(e.actorId)) problems.push(`entities[${i}] "${e.text}" points at unknown actor ${e.actorId}`);
    });
  }
  return problems;
}

/** The analysis as plain JSON, for comparing a cached re-analysis with a fresh one. */
export function comparable(a: ArticleAnalysis): string {
  return JSON.stringify(a);
}
