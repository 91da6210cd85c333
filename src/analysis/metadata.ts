// Reads the article header: a dateline (" date 2024-08-06 The US military…")
// or YAML-style front matter (date:, title:, source:). Never throws; a date that
// is written but invalid becomes a problem, not an exception.
import type { AnalysisProblem, ArticleMetadata, Span } from './types';

const DATELINE = /^(\uFEFF?[ \t]*)(date)[ \t]+(\S+)/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRONT_MATTER_OPEN = /^\uFEFF?---[ \t]*\r?\n/;

export interface HeaderResult {
  metadata: ArticleMetadata;
  problems: AnalysisProblem[];
}

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/** True when the text opens with a dateline or front matter, i.e. it is a News Lens article. */
export function looksLikeArticle(text: string): boolean {
  return DATELINE.test(text.slice(0, 200)) || /^\uFEFF?---[ \t]*\r?\n(?:.*\r?\n){0,20}?date:/i.test(text.slice(0, 2000));
}

export function readArticleHeader(text: string, options: { referenceDate?: string } = {}): HeaderResult {
  const problems: AnalysisProblem[] = [];
  const metadata: ArticleMetadata = {
    date: null,
    dateSource: null,
    dateSpan: null,
    title: null,
    source: null,
    bodyStart: 0,
    format: 'plain',
  };

  const front = readFrontMatter(text, metadata, problems);
  if (!front) readDateline(text, metadata, problems);

  if (options.referenceDate !== undefined) {
    if (isValidIsoDate(options.referenceDate)) {
      metadata.date = options.referenceDate;
      metadata.dateSource = 'option';
    } else {
      problems.push({
        start: 0,
        end: 0,
        severity: 'warning',
        code: 'invalid-reference-date',
        message: `The article date override "${options.referenceDate}" is not a valid YYYY-MM-DD date; it was ignored.`,
      });
    }
  }
  return { metadata, problems };
}

function readDateline(text: string, metadata: ArticleMetadata, problems: AnalysisProblem[]): void {
  const m = DATELINE.exec(text);
  if (!m) return;
  const valueStart = m[0].length - m[3].length;
  const span: Span = { start: m[1].length, end: valueStart + m[3].length };
  const value = m[3];
  // Only "date <something date-like>" is a dateline; "Date night was fun" is prose.
  if (!/^\d{2,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(value)) return;
  metadata.format = 'dateline';
  metadata.dateSpan = span;
  metadata.bodyStart = span.end;
  if (isValidIsoDate(value)) {
    metadata.date = value;
    metadata.dateSource = 'dateline';
  } else {
    problems.push({
      ...span,
      severity: 'warning',
      code: 'malformed-dateline',
      message: `The dateline "${value}" is not a valid YYYY-MM-DD date, so relative dates stay unresolved. Write it as "date 2024-08-06", or set newsLens.articleDate.`,
    });
  }
}

function readFrontMatter(text: string, metadata: ArticleMetadata, problems: AnalysisProblem[]): boolean {
  const open = FRONT_MATTER_OPEN.exec(text);
  if (!open) return false;
  const rest = text.slice(open[0].length);
  const close = /(^|\n)---[ \t]*(\r?\n|$)/.exec(rest);
  if (!close) {
    problems.push({
      start: 0,
      end: open[0].length,
      severity: 'warning',
      code: 'unclosed-front-matter',
      message: 'Front matter opened with "---" is never closed; it is read as article text.',
    });
    return false;
  }
  metadata.format = 'frontmatter';
  const blockStart = open[0].length;
  const blockEnd = blockStart + close.index + close[1].length;
  metadata.bodyStart = blockStart + close.index + close[0].length;
  const lineRe = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*\r?$/gm;
  const block = text.slice(blockStart, blockEnd);
  for (let m = lineRe.exec(block); m; m = lineRe.exec(block)) {
    const key = m[1].toLowerCase();
    const raw = unquote(m[2]);
    // Searched after the colon: an empty value, or one that repeats the key ("date: date"), is not found in the key.
    const valueStart = blockStart + m.index + m[0].indexOf(m[2], m[0].indexOf(':') + 1);
    if (key === 'title') metadata.title = raw || null;
    else if (key === 'source') metadata.source = raw || null;
    else if (key === 'date') {
      const span = { start: valueStart, end: valueStart + m[2].length };
      metadata.dateSpan = span;
      const iso = raw.slice(0, 10);
      if (isValidIsoDate(iso)) {
        metadata.date = iso;
        metadata.dateSource = 'frontmatter';
      } else {
        problems.push({
          ...span,
          severity: 'warning',
          code: 'malformed-date',
          message: `The front-matter date "${raw}" is not a valid YYYY-MM-DD date, so relative dates stay unresolved.`,
        });
      }
    }
  }
  return true;
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && ((t[0] === '"' && t.endsWith('"')) || (t[0] === "'" && t.endsWith("'")))) return t.slice(1, -1);
  return t;
}
