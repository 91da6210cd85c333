// The public JSON contract of `news-lens annotate` (docs/cli-json-contract.md).
// Field names and meanings are stable: add fields, never rename or remove them.
// Offsets are UTF-16 code units into the file's text as decoded (a BOM, if any,
// is kept as the first character), end exclusive.
import type { ArticleAnalysis, Story } from '../analysis';

export interface AnnotateRecord {
  file: string;
  date: string | null;
  title: string | null;
  entities: Array<{ start: number; end: number; text: string; type: string; actor: string; source: 'auto' | 'user'; evidence: string }>;
  actors: Array<{ id: string; name: string; type: string; aliases: string[]; mentions: Array<[number, number]> }>;
  dates: Array<{ start: number; end: number; text: string; type: string; value: string | null }>;
  events: Array<{
    start: number;
    end: number;
    text: string;
    class: string;
    actors: string[];
    place: string | null;
    date: string | null;
    sentence: [number, number];
    summary: string;
    agent: string | null;
    agentText: string | null;
    patient: string | null;
    patientText: string | null;
    articleDate: string | null;
    notable: boolean;
  }>;
  quotes: Array<{ start: number; end: number; speaker: string | null; speakerText: string | null }>;
  problems: Array<{ start: number; end: number; severity: string; code: string; message: string }>;
}

/** `file` is the path exactly as given on the command line. */
export function toAnnotateRecord(file: string, analysis: ArticleAnalysis): AnnotateRecord {
  return {
    file,
    date: analysis.metadata.date,
    title: analysis.metadata.title,
    entities: analysis.entities.map((e) => ({
      start: e.start,
      end: e.end,
      text: e.text,
      type: e.type,
      actor: e.actorId,
      source: e.source,
      evidence: e.evidence,
    })),
    actors: analysis.actors.map((a) => ({
      id: a.id,
      name: a.name,
      type: a.type,
      aliases: [...a.aliases],
      mentions: a.mentions.map((m) => [m.start, m.end] as [number, number]),
    })),
    dates: analysis.dates.map((d) => ({ start: d.start, end: d.end, text: d.text, type: d.type, value: d.value })),
    events: analysis.events.map((e) => ({
      start: e.start,
      end: e.end,
      text: e.text,
      class: e.class,
      actors: [...e.actors],
      place: e.place,
      date: e.date,
      sentence: [e.sentence.start, e.sentence.end] as [number, number],
      summary: e.summary,
      agent: e.agent,
      agentText: e.agentText,
      patient: e.patient,
      patientText: e.patientText,
      articleDate: e.articleDate,
      notable: e.notable,
    })),
    quotes: analysis.quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker, speakerText: q.speakerText })),
    problems: analysis.problems.map((p) => ({ start: p.start, end: p.end, severity: p.severity, code: p.code, message: p.message })),
  };
}

// The public JSON contract of `news-lens story` (docs/cli-json-contract.md): one object.
// `file` is the article's path as found under the folder given (the folder as typed, joined
// with the path below it); `line` is 1-based; offsets as for `annotate`.
export interface StoryRecord {
  articles: Array<{ file: string; date: string | null; title: string | null }>;
  actors: Array<{
    key: string;
    name: string;
    type: string;
    aliases: string[];
    articleCount: number;
    mentionCount: number;
    appearances: Array<{ file: string; date: string | null; name: string; mentionCount: number; first: [number, number]; line: number; sentence: string }>;
  }>;
  timeline: Array<{
    file: string;
    articleDate: string | null;
    sortDate: string | null;
    date: string | null;
    start: number;
    end: number;
    line: number;
    text: string;
    class: string;
    summary: string;
    agent: string | null;
    sentence: [number, number];
  }>;
  speakers: Array<{
    actor: string | null;
    name: string;
    quotes: Array<{
      file: string;
      articleDate: string | null;
      start: number;
      end: number;
      line: number;
      text: string;
      speaker: string | null;
      speakerText: string | null;
    }>;
  }>;
}

/** `lineOf(file, offset)` gives the 1-based line of an offset in that article. */
export function toStoryRecord(story: Story, lineOf: (file: string, offset: number) => number): StoryRecord {
  return {
    articles: story.articles.map((a) => ({ file: a.id, date: a.date, title: a.title })),
    actors: story.actors.map((a) => ({
      key: a.key,
      name: a.name,
      type: a.type,
      aliases: [...a.aliases],
      articleCount: a.articleCount,
      mentionCount: a.mentionCount,
      appearances: a.appearances.map((p) => ({
        file: p.articleId,
        date: p.articleDate,
        name: p.name,
        mentionCount: p.mentionCount,
        first: [p.first.start, p.first.end] as [number, number],
        line: lineOf(p.articleId, p.first.start),
        sentence: p.sentence,
      })),
    })),
    timeline: story.timeline.map((e) => ({
      file: e.articleId,
      articleDate: e.articleDate,
      sortDate: e.sortDate,
      date: e.date,
      start: e.start,
      end: e.end,
      line: lineOf(e.articleId, e.start),
      text: e.text,
      class: e.class,
      summary: e.summary,
      agent: e.agent,
      sentence: [e.sentence.start, e.sentence.end] as [number, number],
    })),
    speakers: story.speakers.map((s) => ({
      actor: s.actorKey,
      name: s.name,
      quotes: s.quotes.map((q) => ({
        file: q.articleId,
        articleDate: q.articleDate,
        start: q.start,
        end: q.end,
        line: lineOf(q.articleId, q.start),
        text: q.text,
        speaker: q.speaker,
        speakerText: q.speakerText,
      })),
    })),
  };
}
