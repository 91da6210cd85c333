// `--format pretty`: the article for people, in a terminal. Entities coloured by
// kind (displaCy-like), then the actors ranked by mentions, the dates, the
// notable events and the quotes with their speakers, then a legend.
import { type ArticleAnalysis, type ArticleEvent, type HighlightKind, KIND_LABELS } from '../../analysis';
import type { AnnotatedFile, FormatContext, OutputFormat } from './types';

type Kind = HighlightKind;
const COLORS: Record<Kind, string> = {
  person: '\x1b[30;48;5;183m', // lavender
  organization: '\x1b[30;48;5;116m', // teal
  place: '\x1b[30;48;5;222m', // amber
  nationality: '\x1b[30;48;5;176m', // orchid
  date: '\x1b[30;48;5;151m', // sage
};
const LABELS: Record<Kind, string> = { person: 'PERSON', organization: 'ORG', place: 'PLACE', nationality: 'NAT', date: 'DATE' };
const RESET = '\x1b[0m';
const BOLD = '\x1b[1m';
const DIM = '\x1b[2m';
const UNDERLINE = '\x1b[4m';
/** Shown events and quotes; the JSON format lists them all. */
const MAX_LISTED = 12;

interface Marked {
  start: number;
  end: number;
  kind: Kind;
}

export const prettyFormat: OutputFormat = {
  name: 'pretty',
  description: 'the text with entities coloured by kind, then actors, dates, events and quotes (for terminals)',
  render(file: AnnotatedFile, context: FormatContext): string {
    const { analysis, text } = file;
    const c = (code: string, s: string) => (context.color ? `${code}${s}${RESET}` : s);
    const out: string[] = [];
    const meta = analysis.metadata;
    out.push(c(BOLD, `── ${file.file}${meta.title ? ` · ${meta.title}` : ''}${meta.date ? ` · ${meta.date} (${meta.dateSource})` : ' · no article date'}`));
    out.push('');
    out.push(markText(text, analysis, context));
    out.push('');
    out.push(c(BOLD, 'Actors') + c(DIM, ' (most mentioned first)'));
    if (analysis.actors.length === 0) out.push('  none found');
    analysis.actors.forEach((a, i) => {
      const aliases = a.aliases.length ? c(DIM, ` also ${a.aliases.join(', ')}`) : '';
      out.push(`  ${String(i + 1).padStart(2)}. ${c(COLORS[a.type], ` ${a.name} `)} ${LABELS[a.type].toLowerCase()} · ${a.mentions.length}×${aliases}`);
    });
    out.push('');
    out.push(c(BOLD, 'Dates') + c(DIM, meta.date ? ` (resolved against ${meta.date})` : ''));
    if (analysis.dates.length === 0) out.push('  none found');
    for (const d of analysis.dates) {
      out.push(`  ${c(COLORS.date, ` ${d.text} `)} → ${d.value ?? '?'} ${c(DIM, `${d.type}${d.relative ? ', relative' : ''}`)}`);
    }
    const names = new Map(analysis.actors.map((a) => [a.id, a.name]));
    out.push('');
    // An event the text gives no date is placed at the article date it was reported by ("≤2025-03-14").
    // Undated events (nothing in the text or the header dates them) come last.
    const when = (e: ArticleEvent) => e.date ?? e.articleDate ?? '\uffff';
    const notable = analysis.events.filter((e) => e.notable).sort((a, b) => when(a).localeCompare(when(b)) || a.start - b.start);
    out.push(c(BOLD, 'Events') + c(DIM, ' (the notable ones, in time order; ≤ a date: reported by then)'));
    if (notable.length === 0)
      out.push(`  none notable${analysis.events.length ? c(DIM, ` (${analysis.events.length} events in all; --format json lists them)`) : ''}`);
    for (const e of notable.slice(0, MAX_LISTED)) {
      const who = [...e.actors, ...(e.place && !e.actors.includes(e.place) ? [e.place] : [])].map((id) => names.get(id) ?? id);
      out.push(`  ${(e.date ?? (e.articleDate ? `≤${e.articleDate}` : 'undated')).padEnd(11)}  ${c(BOLD, e.text)}${who.length ? ` · ${who.join(', ')}` : ''}`);
      out.push(`               ${describeEvent(e, text, (s) => (context.color ? `${UNDERLINE}${s}${RESET}` : `[${s}]`))}`);
    }
    if (notable.length > MAX_LISTED) out.push(c(DIM, `  … ${notable.length - MAX_LISTED} more (--format json lists them)`));
    out.push('');
    out.push(c(BOLD, 'Quotes') + c(DIM, ' (with their speakers)'));
    if (analysis.quotes.length === 0) out.push('  none found');
    for (const q of analysis.quotes.slice(0, MAX_LISTED)) {
      const speaker = q.speaker ? (names.get(q.speaker) ?? q.speakerText) : q.speakerText;
      const unmatched = q.speakerText && !q.speaker ? c(DIM, ' (not a recognised actor)') : '';
      out.push(`  ${speaker ? c(BOLD, speaker) : c(DIM, 'speaker not found')}${unmatched}: ${excerpt(text.slice(q.start, q.end), 200)}`);
    }
    if (analysis.quotes.length > MAX_LISTED) out.push(c(DIM, `  … ${analysis.quotes.length - MAX_LISTED} more (--format json lists them)`));
    if (analysis.problems.length) {
      out.push('');
      out.push(c(BOLD, 'Problems'));
      for (const p of analysis.problems) out.push(`  ${p.severity}: ${p.message}`);
    }
    out.push('');
    out.push(legend(context));
    return `${out.join('\n')}\n`;
  },
};

/** One line saying what happened: the event's clause, its word marked (the sentence around it when there is no clause). */
function describeEvent(event: ArticleEvent, text: string, mark: (s: string) => string): string {
  if (!event.summary) return sentenceAround(event, text, mark);
  const word = new RegExp(`(?<![\\p{L}\\p{N}])${event.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
  const at = word.exec(event.summary);
  return at ? `${event.summary.slice(0, at.index)}${mark(at[0])}${event.summary.slice(at.index + at[0].length)}` : event.summary;
}

/** The event's sentence, cut to about 100 characters around the trigger. */
function sentenceAround(event: ArticleEvent, text: string, mark: (s: string) => string): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  let before = flat(text.slice(event.sentence.start, event.start));
  let after = flat(text.slice(event.end, event.sentence.end));
  if (before.length > 50) before = `…${before.slice(before.length - 49).replace(/^\S*\s/, '')}`;
  if (after.length > 60) after = `${after.slice(0, 59).replace(/\s\S*$/, '')}…`;
  return `${before}${mark(text.slice(event.start, event.end))}${after}`;
}

function excerpt(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).replace(/\s\S*$/, '')}…` : flat;
}

/** What the colours or brackets mean: printed always, as piped output has no other key. */
function legend(context: FormatContext): string {
  const kinds = (Object.keys(LABELS) as Kind[]).map((k) => (context.color ? `${COLORS[k]} ${kindName(k)} ${RESET}` : `[…]${LABELS[k]} ${kindName(k)}`));
  const event = context.color ? `${UNDERLINE}underlined${RESET} event word` : '[…] in an event line: the event word';
  const dates = "→ a date's TIMEX3 value (? when it cannot be resolved)";
  return `${context.color ? `${DIM}Legend:${RESET}` : 'Legend:'} ${kinds.join(' · ')} · ${event} · ${dates}`;
}

const kindName = (kind: Kind) => (kind === 'date' ? 'date or time' : KIND_LABELS[kind].singular.toLowerCase());

function markText(text: string, analysis: ArticleAnalysis, context: FormatContext): string {
  const dateline = analysis.metadata.dateSpan;
  const spans: Marked[] = [
    ...(dateline && dateline.end > dateline.start ? [{ ...dateline, kind: 'date' as Kind }] : []),
    ...analysis.entities.map((e) => ({ start: e.start, end: e.end, kind: e.type as Kind })),
    ...analysis.dates.map((d) => ({ start: d.start, end: d.end, kind: 'date' as Kind })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end <= s.start) continue; // overlaps: the earlier, longer span wins
    out += text.slice(at, s.start);
    const surface = text.slice(s.start, s.end);
    out += context.color ? `${COLORS[s.kind]}${surface}${RESET}` : `[${surface}]${LABELS[s.kind]}`;
    at = s.end;
  }
  return out + text.slice(at);
}
