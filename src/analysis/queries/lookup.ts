// "What is at this offset?" and "what belongs to this actor?": the questions an
// editor asks of one analysis, answered once here for hover, references, code
// actions and the sidebar's cursor-follow (through the server's entityAt request).
import type { Actor, ArticleAnalysis, EntityMention, EntityType, Quote, Span, TemporalExpression } from '../types';

/** The span under `offset`; a cursor just after a span's last character still counts. */
export function spanAt<T extends Span>(spans: readonly T[], offset: number): T | undefined {
  let touching: T | undefined;
  for (const s of spans) {
    if (s.start <= offset && offset < s.end) return s;
    if (s.end === offset && s.end > s.start && !touching) touching = s;
  }
  return touching;
}

/**
 * The spans in start order as a stable sort would give them: the list itself when it is
 * already in that order (the usual case: no copy, no sort), else a sorted copy.
 */
export function inStartOrder<T extends Span>(spans: readonly T[]): T[] {
  for (let i = 1; i < spans.length; i++) if (!(spans[i - 1].start <= spans[i].start)) return [...spans].sort((a, b) => a.start - b.start);
  return spans as T[];
}

/** Spans sorted by start, with a running maximum of ends so overlap queries can binary-search. */
export class SortedSpans<T extends Span> {
  private readonly maxEnd: number[] = [];
  constructor(private readonly spans: T[]) {
    let max = -Infinity;
    for (const s of spans) this.maxEnd.push((max = Math.max(max, s.end)));
  }

  /** Every span, in start order. */
  get all(): readonly T[] {
    return this.spans;
  }

  /** The spans that overlap `region` or touch it, in start order. */
  overlapping(region: Span): T[] {
    return this.overlappingInto(region, []);
  }

  /** overlapping(region), written into `out` (emptied first): a caller asking once per item reuses one list. */
  overlappingInto(region: Span, out: T[]): T[] {
    out.length = 0;
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.maxEnd[mid] < region.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.spans.length && this.spans[i].start <= region.end; i++) {
      if (this.spans[i].end >= region.start) out.push(this.spans[i]);
    }
    return out;
  }

  /** The span under `offset`, as spanAt finds it in the whole list (a cursor just after a span still counts). */
  at(offset: number): T | undefined {
    return spanAt(this.overlapping({ start: offset, end: offset }), offset);
  }
}

/** The sentence containing an offset, from the analysis' paragraphs (the paragraph when no sentence holds it). */
export function sentenceAt(analysis: ArticleAnalysis, offset: number): Span | null {
  for (const p of analysis.paragraphs) {
    if (offset < p.start || offset > p.end) continue;
    for (const s of p.sentences) if (s.start <= offset && offset < s.end) return s;
    return { start: p.start, end: p.end };
  }
  return null;
}

/** What sits at an offset. */
export type ItemAt =
  | { kind: 'dateline'; span: Span }
  | { kind: 'entity'; mention: EntityMention; actor: Actor | undefined }
  | { kind: 'date'; date: TemporalExpression }
  | { kind: 'quote'; quote: Quote };

export interface ItemAtOptions {
  /** The kinds the user has turned on; a mention or date of another kind is looked through. */
  shown?: (kind: EntityType | 'date') => boolean;
  /** Also the article date in the header (hover). */
  dateline?: boolean;
  /** Also the quotation around the offset when nothing else is there (hover). */
  quotes?: boolean;
}

/** One analysis with its lookups (mention at an offset, mentions of an actor) computed once. */
export class AnalysisLookup {
  readonly actorsById = new Map<string, Actor>();
  readonly mentionsByActor = new Map<string, EntityMention[]>();
  private readonly entities: SortedSpans<EntityMention>;
  private readonly dates: SortedSpans<TemporalExpression>;

  constructor(readonly analysis: ArticleAnalysis | null) {
    const entities = analysis ? [...analysis.entities].sort((a, b) => a.start - b.start) : [];
    this.entities = new SortedSpans(entities);
    this.dates = new SortedSpans(analysis ? [...analysis.dates].sort((a, b) => a.start - b.start) : []);
    for (const actor of analysis?.actors ?? []) this.actorsById.set(actor.id, actor);
    for (const e of entities) {
      let list = this.mentionsByActor.get(e.actorId);
      if (!list) this.mentionsByActor.set(e.actorId, (list = []));
      list.push(e);
    }
  }

  entityAt(offset: number): EntityMention | undefined {
    return this.entities.at(offset);
  }

  dateAt(offset: number): TemporalExpression | undefined {
    return this.dates.at(offset);
  }

  /**
   * What sits at `offset`, in the order an editor looks: the dateline (when asked),
   * an entity mention, a date, then (when asked) the quotation around it.
   */
  itemAt(offset: number, options: ItemAtOptions = {}): ItemAt | null {
    const analysis = this.analysis;
    if (!analysis) return null;
    const shown = options.shown ?? (() => true);
    const dateline = analysis.metadata.dateSpan;
    if (options.dateline && dateline && dateline.start <= offset && offset <= dateline.end && shown('date')) return { kind: 'dateline', span: dateline };
    const mention = this.entityAt(offset);
    if (mention && shown(mention.type)) return { kind: 'entity', mention, actor: this.actorsById.get(mention.actorId) };
    const date = this.dateAt(offset);
    if (date && shown('date')) return { kind: 'date', date };
    if (options.quotes) {
      // Entities and dates inside a quotation win above; anywhere else in it, the quotation.
      const quote = analysis.quotes.find((q) => q.start <= offset && offset < q.end);
      if (quote) return { kind: 'quote', quote };
    }
    return null;
  }

  /** All mentions (including linked nationality mentions) of an actor, in text order. */
  mentionsOf(actorId: string): EntityMention[] {
    return this.mentionsByActor.get(actorId) ?? [];
  }

  sortedEntities(): readonly EntityMention[] {
    return this.entities.all;
  }

  sortedDates(): readonly TemporalExpression[] {
    return this.dates.all;
  }
}

export const EMPTY_LOOKUP = new AnalysisLookup(null);
