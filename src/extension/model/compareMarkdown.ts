// "Compare Two Articles" as a Markdown report: what one article has that the other
// lacks (actors, dates, quotes), and the same speaker's quotes that differ. Pure, so
// the wording is tested without VS Code; the extension shows it read-only.
import { md as escapeMarkdown } from '../../protocol';
import type { ArticleComparisonView, Range } from './protocolTypes';
import { articleLabel, fileNameOf } from './storyTree';

/** Escapes text so Markdown shows it literally, on one line. */
function mdLine(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

/** A code span shows its text as is (a backslash would show), so it is only kept to one line without backticks. */
function codeSpan(text: string): string {
  return `\`${text.replace(/\s+/g, ' ').replace(/`/g, "'").trim()}\``;
}

/**
 * Where something is: its line. Not a link: the preview refuses `file:` links, and the
 * report's own URI (news-lens-compare:) gives relative ones nothing to resolve against.
 */
function at(range: Range, label: string): string {
  return `${mdLine(label)} *(line ${range.start.line + 1})*`;
}

function dateLabel(d: { text: string; value: string | null }): string {
  return d.value && d.value !== d.text ? `${d.text} (${d.value})` : d.text;
}

export function comparisonMarkdown(view: ArticleComparisonView): string {
  const A = articleLabel(view.a);
  const B = articleLabel(view.b);
  const side = (s: ArticleComparisonView['a'], letter: string) =>
    `**${letter}** — ${mdLine(articleLabel(s))} · ${s.date ?? 'undated'} · ${codeSpan(fileNameOf(s.uri))}`;
  const out: string[] = ['# Comparing two articles', '', side(view.a, 'A'), '', side(view.b, 'B'), ''];

  const section = (title: string, items: string[], none: string) => {
    out.push(`### ${title}`, '');
    if (items.length) out.push(...items.map((i) => `- ${i}`));
    else out.push(`*${none}*`);
    out.push('');
  };

  out.push('## Actors', '');
  section(
    `Only in A (${mdLine(A)})`,
    view.actors.onlyInA.map((x) => `${at(x.range, x.name)} · ${x.type}${x.mentionCount > 1 ? ` · ${x.mentionCount} mentions` : ''}`),
    'none',
  );
  section(
    `Only in B (${mdLine(B)})`,
    view.actors.onlyInB.map((x) => `${at(x.range, x.name)} · ${x.type}${x.mentionCount > 1 ? ` · ${x.mentionCount} mentions` : ''}`),
    'none',
  );
  if (view.actors.inBoth.length)
    out.push(`In both: ${view.actors.inBoth.map((p) => mdLine(p.a.name === p.b.name ? p.a.name : `${p.a.name} / ${p.b.name}`)).join(', ')}`, '');

  out.push('## Dates', '');
  section(
    'Only in A',
    view.dates.onlyInA.map((d) => at(d.range, dateLabel(d))),
    'none',
  );
  section(
    'Only in B',
    view.dates.onlyInB.map((d) => at(d.range, dateLabel(d))),
    'none',
  );

  out.push('## Quotes', '');
  out.push('### The same speaker, different words', '');
  if (view.quotes.differing.length) {
    for (const d of view.quotes.differing) {
      out.push(`**${mdLine(d.speaker)}**`, '');
      out.push(`- A: ${at(d.a.range, `“${d.a.text}”`)}`);
      out.push(`- B: ${at(d.b.range, `“${d.b.text}”`)}`, '');
    }
  } else out.push('*none*', '');
  const quote = (q: ArticleComparisonView['quotes']['onlyInA'][number]) =>
    `${at(q.range, `“${q.text}”`)} — ${mdLine(q.speaker ?? q.speakerText ?? 'unattributed')}`;
  section('Only in A', view.quotes.onlyInA.map(quote), 'none');
  section('Only in B', view.quotes.onlyInB.map(quote), 'none');
  return `${out.join('\n').trimEnd()}\n`;
}
