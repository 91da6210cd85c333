// Hover cards: an entity card (kind, canonical name, aliases, mentions, why it
// was recognised, first-mention sentence, linked events and dates, command
// links), a date card (TIMEX3 value and how it was resolved) and a dateline card.
import { type Hover, MarkupKind, type Position } from 'vscode-languageserver';
import {
  type Actor,
  type ArticleAnalysis,
  compactName,
  type EntityMention,
  type EntityType,
  formatTimexValue,
  linkedDates,
  linkedEvents,
  sameName,
  sentenceAt,
  type TemporalExpression,
} from '../analysis';
import {
  eventClause,
  EVIDENCE_LABELS,
  KIND_ICONS,
  KIND_LABELS,
  type NewsLensServerSettings,
  REVEAL_IN_SIDEBAR_COMMAND,
  REVEAL_RANGE_COMMAND,
  SHOW_ALL_MENTIONS_COMMAND,
} from '../protocol';
import type { DocumentAnalysis } from './documentAnalysis';
import { clip, commandLink, md, plural } from './markdown';
import { positionToOffset, spanToRange } from './positions';
import { shownKinds } from './shownKinds';
import { MAX_ALSO_IN_LINKS } from './limits';
import type { AlsoIn } from './storyService';

export interface HoverStyle {
  /** Emit `$(codicon)` icons (VS Code). */
  themeIcons: boolean;
  /** Emit `command:` links (VS Code with trusted commands). */
  commandLinks: boolean;
}

const CODICONS: Record<EntityType | 'date' | 'dateline', string> = { ...KIND_ICONS, dateline: KIND_ICONS.date };
const KIND_NAME = (kind: EntityType) => KIND_LABELS[kind].singular;
const EVIDENCE = EVIDENCE_LABELS;

/** Where else in the workspace an actor appears (storyService.ts), for the "also in" line. */
export type AlsoInLookup = (actor: Actor) => AlsoIn | null;

export function provideHover(
  result: DocumentAnalysis,
  position: Position,
  settings: NewsLensServerSettings,
  style: HoverStyle,
  alsoIn?: AlsoInLookup,
): Hover | null {
  const { analysis, document, lookup } = result;
  if (!analysis) return null;
  const icon = (name: string) => (style.themeIcons ? `$(${name}) ` : '');
  const item = lookup.itemAt(positionToOffset(document, position), { ...shownKinds(settings).itemAt, dateline: true, quotes: true });
  const card = (value: string, span: { start: number; end: number }): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: spanToRange(document, span),
  });
  switch (item?.kind) {
    case 'dateline':
      return card(datelineCard(analysis, icon), item.span);
    case 'entity':
      return card(entityCard(result, item.mention, item.actor, icon, style, item.actor && alsoIn ? alsoIn(item.actor) : null), item.mention);
    case 'date':
      return card(dateCard(analysis, item.date, icon), item.date);
    // Entities and dates inside a quotation win above; anywhere else in it, say who is speaking.
    case 'quote':
      return card(quoteCard(result, item.quote, icon), item.quote);
    default:
      return null;
  }
}

function quoteCard(result: DocumentAnalysis, quote: ArticleAnalysis['quotes'][number], icon: (n: string) => string): string {
  const speaker = quote.speaker ? result.lookup.actorsById.get(quote.speaker) : undefined;
  const lines = [`${icon('quote')}**Quotation**`, ''];
  if (speaker) lines.push(`Speaker: **${md(speaker.name)}** (${KIND_NAME(speaker.type)})`);
  if (quote.speakerText && (!speaker || !sameName(quote.speakerText, speaker.name))) {
    lines.push(`${speaker ? 'Attributed to' : 'Speaker'}: “${md(quote.speakerText)}”`);
  }
  if (!speaker && !quote.speakerText) lines.push('No speaker is named near this quotation.');
  return lines.join('\n');
}

function entityCard(
  result: DocumentAnalysis,
  mention: EntityMention,
  actor: Actor | undefined,
  icon: (n: string) => string,
  style: HoverStyle,
  elsewhere: AlsoIn | null,
): string {
  const { analysis, document, lookup } = result as DocumentAnalysis & { analysis: ArticleAnalysis };
  const text = document.getText();
  const lines: string[] = [];

  if (!actor) {
    lines.push(`${icon(CODICONS[mention.type])}**${md(mention.text)}** · ${KIND_NAME(mention.type)}`);
    lines.push('', `Recognised because it was ${EVIDENCE[mention.evidence] ?? mention.evidence}.`);
    return lines.join('\n');
  }

  const mentions = lookup.mentionsOf(actor.id);
  const own = mentions.filter((m) => m.type === actor.type).length || actor.mentions.length;
  const demonyms = mentions.filter((m) => m.type === 'nationality' && actor.type !== 'nationality');

  if (mention.type === 'nationality' && actor.type !== 'nationality') {
    lines.push(`${icon(CODICONS.nationality)}**${md(mention.text)}** · Nationality of **${md(actor.name)}**`, '');
  }
  lines.push(`${icon(CODICONS[actor.type])}**${md(actor.name)}** · ${KIND_NAME(actor.type)}`);
  const spelledOut = mention.type === actor.type && !sameName(mention.text, actor.name);
  // The acronym or short form under the cursor, spelled out.
  if (spelledOut) lines.push('', `*${md(mention.text)}* = ${md(actor.name)}`);
  const demonymTexts = new Set(demonyms.map((d) => compactName(d.text)));
  const aliases = actor.aliases.filter((a) => !sameName(a, actor.name) && !demonymTexts.has(compactName(a)) && !(spelledOut && a === mention.text));
  if (aliases.length) lines.push('', `Also written: ${aliases.map((a) => `*${md(a)}*`).join(', ')}`);

  let counts = plural(own, 'mention');
  if (demonyms.length) counts += ` · ${plural(demonyms.length, 'nationality mention')} (${[...new Set(demonyms.map((d) => md(d.text)))].join(', ')})`;
  const quoted = analysis.quotes.filter((q) => q.speaker === actor.id).length;
  if (quoted) counts += ` · quoted ${quoted === 1 ? 'once' : `${quoted} times`}`;
  lines.push('', `${counts} · ${EVIDENCE[actor.evidence] ?? actor.evidence}${mention.source === 'user' ? ' · annotated by you' : ''}`);

  if (elsewhere) lines.push('', alsoInLine(elsewhere, style));

  // The links go near the top: VS Code clips tall hovers, and these are what a reader acts on.
  if (style.commandLinks) {
    const args = [result.uri, actor.id];
    lines.push(
      '',
      `${commandLink('Show all mentions', SHOW_ALL_MENTIONS_COMMAND, args)} · ${commandLink('Reveal in sidebar', REVEAL_IN_SIDEBAR_COMMAND, args)}`,
    );
  }

  const first = mentions[0] ?? actor.mentions[0];
  const sentence = first ? sentenceAt(analysis, first.start) : null;
  if (sentence) lines.push('', '---', '', `First mention: ${quoteWithHighlight(text, sentence, first)}`);

  const events = linkedEvents(analysis, actor.id);
  if (events.length) {
    lines.push('', '**Events**', '');
    for (const e of events.slice(0, 3)) {
      // The clause with its doer first; when and where only as the text gives them.
      const clause = eventClause({
        text: e.text,
        summary: e.summary,
        agentText: e.agentText,
        agentName: e.agent ? (lookup.actorsById.get(e.agent)?.name ?? null) : null,
      });
      const place = e.place ? lookup.actorsById.get(e.place)?.name : undefined;
      const where = place && !clause.includes(place) ? ` · ${md(place)}` : '';
      const when = e.date ? ` · ${md(formatTimexValue(e.date, 'DATE') ?? e.date)}` : '';
      lines.push(`- ${md(clip(clause, 120))}${where}${when}`);
    }
    if (events.length > 3) lines.push(`- … and ${events.length - 3} more`);
  }

  const dates = linkedDates(analysis, mentions.length ? mentions : actor.mentions);
  if (dates.length) {
    lines.push('', '**Dates**', '');
    for (const d of dates.slice(0, 3)) lines.push(`- ${md(d.text)}${d.value ? ` → ${md(formatTimexValue(d.value, d.type) ?? d.value)}` : ''}`);
  }

  return lines.join('\n');
}

/** "Also in 4 other articles, first on 2015-06-10", with a link to each (at its first mention) where the client runs them. */
function alsoInLine(elsewhere: AlsoIn, style: HoverStyle): string {
  const first = elsewhere.firstDate ? `, first on ${elsewhere.firstDate}` : '';
  const head = `Also in ${plural(elsewhere.count, 'other article')}${first}`;
  if (!style.commandLinks) return `${head}.`;
  const links = elsewhere.places.slice(0, MAX_ALSO_IN_LINKS).map((p) => {
    const label = `${p.title ? clip(p.title, 50) : p.uri.replace(/^.*\//, '')}${p.date ? ` (${p.date})` : ''}`;
    return commandLink(label, REVEAL_RANGE_COMMAND, [p.uri, p.range], `Open at the first mention of ${p.name}`);
  });
  const more = elsewhere.places.length > MAX_ALSO_IN_LINKS ? ` · … and ${elsewhere.places.length - MAX_ALSO_IN_LINKS} more in the Story view` : '';
  return `${head}: ${links.join(' · ')}${more}`;
}

function dateCard(analysis: ArticleAnalysis, date: TemporalExpression, icon: (n: string) => string): string {
  const lines = [`${icon(CODICONS.date)}**${md(date.text)}** · ${date.type}${date.mod ? ` (${date.mod})` : ''}`, ''];
  if (date.value) {
    const readable = formatTimexValue(date.value, date.type);
    lines.push(`**${md(readable ?? date.value)}** · TIMEX3 \`${date.value}\``);
  } else {
    lines.push('No calendar value could be given.');
  }
  const meta = analysis.metadata;
  const explanation = date.explanation ? md(date.explanation) : '';
  if (date.relative && meta.date) {
    lines.push('', `Resolved against the article date ${md(formatTimexValue(meta.date, 'DATE') ?? meta.date)} (${sourceLabel(meta.dateSource)}).`);
    if (explanation) lines.push('', `How: ${explanation}`);
  } else if (date.relative) {
    lines.push(
      '',
      `Relative, and the article has no date to resolve it against. Add a dateline ("date 2024-08-06" on the first line) or set newsLens.articleDate.`,
    );
    if (explanation) lines.push('', `How: ${explanation}`);
  } else if (explanation) {
    lines.push('', explanation);
  }
  return lines.join('\n');
}

function datelineCard(analysis: ArticleAnalysis, icon: (n: string) => string): string {
  const meta = analysis.metadata;
  const lines = [
    `${icon(CODICONS.dateline)}**Article date** · ${sourceLabel(meta.dateSource ?? (meta.format === 'frontmatter' ? 'frontmatter' : 'dateline'))}`,
    '',
  ];
  if (meta.date) {
    lines.push(`**${md(formatTimexValue(meta.date, 'DATE') ?? meta.date)}** · \`${meta.date}\``);
    const relative = analysis.dates.filter((d) => d.relative).length;
    lines.push('', `${plural(relative, 'relative date')} in this article ${relative === 1 ? 'is' : 'are'} resolved against it.`);
  } else {
    lines.push('This is not a valid YYYY-MM-DD date, so relative dates stay unresolved.');
  }
  if (meta.title) lines.push('', `Title: ${md(meta.title)}`);
  return lines.join('\n');
}

function sourceLabel(source: string | null): string {
  switch (source) {
    case 'dateline':
      return 'from the dateline';
    case 'frontmatter':
      return 'from the front matter';
    case 'option':
      return 'from the newsLens.articleDate setting';
    default:
      return 'no source';
  }
}

function quoteWithHighlight(text: string, sentence: { start: number; end: number }, mention: { start: number; end: number }): string {
  if (mention.start < sentence.start || mention.end > sentence.end) return `“${md(clip(text.slice(sentence.start, sentence.end)))}”`;
  const before = text.slice(sentence.start, mention.start);
  const inside = text.slice(mention.start, mention.end);
  const after = text.slice(mention.end, sentence.end);
  // Keep the mention visible even when the sentence is long.
  // A Markdown heading marker is layout, not part of the sentence.
  const plain = before.replace(/^\s*#{1,6}\s+/, '');
  const head = plain.length > 120 ? `…${plain.slice(plain.length - 120).replace(/^\S*\s/, '')}` : plain;
  const tail = (/^\s/.test(after) ? ' ' : '') + clip(after, 160);
  return `“${md(head.replace(/\s+/g, ' ').trimStart())}**${md(inside)}**${md(tail)}”`;
}
