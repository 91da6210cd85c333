// `--format pretty`: the article for people, in a terminal. Entities coloured by
// kind (displaCy-like), then the actors ranked by mentions, then the dates.
import type { ArticleAnalysis, EntityType } from '../../analysis';
import type { AnnotatedFile, FormatContext, OutputFormat } from './types';

type Kind = EntityType | 'date';
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

interface Marked {
  start: number;
  end: number;
  kind: Kind;
}

export const prettyFormat: OutputFormat = {
  name: 'pretty',
  description: 'the text with entities coloured by kind, then the actors and dates (for terminals)',
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
    if (analysis.problems.length) {
      out.push('');
      out.push(c(BOLD, 'Problems'));
      for (const p of analysis.problems) out.push(`  ${p.severity}: ${p.message}`);
    }
    if (context.color) {
      out.push('');
      out.push(c(DIM, 'Legend: ') + (Object.keys(LABELS) as Kind[]).map((k) => c(COLORS[k], ` ${LABELS[k]} `)).join(' '));
    }
    return `${out.join('\n')}\n`;
  },
};

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
