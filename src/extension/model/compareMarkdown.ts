// "Compare Two Articles" as a Markdown report: what one article has that the other
// lacks (actors, dates, quotes), and the same speaker's quotes that differ. Pure, so
// the wording is tested without VS Code; the extension shows it read-only.
import type { ArticleComparisonView, Range } from './protocolTypes';
import { articleLabel } from './storyTree';

/** Escapes text so Markdown shows it literally. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|#]/g, '\\$&').replace(/\s+/g, ' ').trim();
}

/** A link that opens the article at a line (VS Code's Markdown preview understands `#L<line>`). */
function at(uri: string, range: Range, label: string): string {
  return `[${md(label)}](${uri}#L${range.start.line + 1})`;
}

function dateLabel(d: { text: string; value: string | null }): string {
  return d.value && d.value !== d.text ? `${d.text} (${d.value})` : d.text;
}

export function comparisonMarkdown(view: ArticleComparisonView): string {
  const A = articleLabel(view.a);
  const B = articleLabel(view.b);
  const side = (s: ArticleComparisonView['a'], letter: string) => `**${letter}** — ${at(s.uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, articleLabel(s))}${s.date ? ` · ${s.date}` : ' · undated'}`;
  const out: string[] = ['# Comparing two articles', '', side(view.a, 'A'), '', side(view.b, 'B'), ''];

  const section = (title: string, items: string[], none: string) => {
    out.push(`### ${title}`, '');
    if (items.length) out.push(...items.map((i) => `- ${i}`));
    else out.push(`*${none}*`);
    out.push('');
  };

  out.push('## Actors', '');
  section(`Only in A (${md(A)})`, view.actors.onlyInA.map((x) => `${at(view.a.uri, x.range, x.name)} · ${x.type}${x.mentionCount > 1 ? ` · ${x.mentionCount} mentions` : ''}`), 'none');
  section(`Only in B (${md(B)})`, view.actors.onlyInB.map((x) => `${at(view.b.uri, x.range, x.name)} · ${x.type}${x.mentionCount > 1 ? ` · ${x.mentionCount} mentions` : ''}`), 'none');
  if (view.actors.inBoth.length) out.push(`In both: ${view.actors.inBoth.map((p) => md(p.a.name === p.b.name ? p.a.name : `${p.a.name} / ${p.b.name}`)).join(', ')}`, '');

  out.push('## Dates', '');
  section('Only in A', view.dates.onlyInA.map((d) => at(view.a.uri, d.range, dateLabel(d))), 'none');
  section('Only in B', view.dates.onlyInB.map((d) => at(view.b.uri, d.range, dateLabel(d))), 'none');

  out.push('## Quotes', '');
  out.push('### The same speaker, different words', '');
  if (view.quotes.differing.length) {
    for (const d of view.quotes.differing) {
      out.push(`**${md(d.speaker)}**`, '');
      out.push(`- A: “${md(d.a.text)}” (${at(view.a.uri, d.a.range, 'open')})`);
      out.push(`- B: “${md(d.b.text)}” (${at(view.b.uri, d.b.range, 'open')})`, '');
    }
  } else out.push('*none*', '');
  const quote = (uri: string) => (q: ArticleComparisonView['quotes']['onlyInA'][number]) => `“${md(q.text)}” — ${md(q.speaker ?? q.speakerText ?? 'unattributed')} (${at(uri, q.range, 'open')})`;
  section('Only in A', view.quotes.onlyInA.map(quote(view.a.uri)), 'none');
  section('Only in B', view.quotes.onlyInB.map(quote(view.b.uri)), 'none');
  return `${out.join('\n').trimEnd()}\n`;
}
