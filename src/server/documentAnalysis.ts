// One analysed version of one document, with the lookups every feature needs
// (mention at a position, mentions of an actor) computed once.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Actor, ArticleAnalysis, EntityMention, TemporalExpression } from '../analysis';
import type { InputRefusal } from '../node';
import { spanAt } from './positions';

export interface DocumentAnalysis {
  uri: string;
  version: number;
  document: TextDocument;
  /** False for documents News Lens does not treat as articles; every feature then answers empty. */
  isArticle: boolean;
  /** Set when the text was not analysed (binary, too big). */
  refusal: InputRefusal | null;
  /** Null when not an article or refused. */
  analysis: ArticleAnalysis | null;
  lookup: AnalysisLookup;
}

export class AnalysisLookup {
  readonly actorsById = new Map<string, Actor>();
  readonly mentionsByActor = new Map<string, EntityMention[]>();
  private readonly entities: EntityMention[];
  private readonly dates: TemporalExpression[];

  constructor(readonly analysis: ArticleAnalysis | null) {
    this.entities = analysis ? [...analysis.entities].sort((a, b) => a.start - b.start) : [];
    this.dates = analysis ? [...analysis.dates].sort((a, b) => a.start - b.start) : [];
    for (const actor of analysis?.actors ?? []) this.actorsById.set(actor.id, actor);
    for (const e of this.entities) {
      let list = this.mentionsByActor.get(e.actorId);
      if (!list) this.mentionsByActor.set(e.actorId, (list = []));
      list.push(e);
    }
  }

  entityAt(offset: number): EntityMention | undefined {
    return spanAt(this.entities, offset);
  }

  dateAt(offset: number): TemporalExpression | undefined {
    return spanAt(this.dates, offset);
  }

  /** All mentions (including linked nationality mentions) of an actor, in text order. */
  mentionsOf(actorId: string): EntityMention[] {
    return this.mentionsByActor.get(actorId) ?? [];
  }

  sortedEntities(): readonly EntityMention[] {
    return this.entities;
  }

  sortedDates(): readonly TemporalExpression[] {
    return this.dates;
  }
}

export const EMPTY_LOOKUP = new AnalysisLookup(null);

/** The sentence containing an offset, from the analysis' paragraphs. */
export function sentenceAt(analysis: ArticleAnalysis, offset: number): { start: number; end: number } | null {
  for (const p of analysis.paragraphs) {
    if (offset < p.start || offset > p.end) continue;
    for (const s of p.sentences) if (s.start <= offset && offset < s.end) return s;
    return { start: p.start, end: p.end };
  }
  return null;
}
