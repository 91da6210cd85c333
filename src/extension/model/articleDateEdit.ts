// "Set Article Date": where to write the date so the analysis reads it, without
// destroying any text. Uses the analysis' own header reader, so the edit lands
// exactly on the date the analysis would use.
import { isValidIsoDate, readArticleHeader } from '../../analysis/metadata';

export interface TextReplacement {
  /** UTF-16 offsets into the document text; start === end for a pure insertion. */
  start: number;
  end: number;
  newText: string;
  /** What the edit does, for the confirmation message. */
  description: string;
}

export interface ArticleDateEditOptions {
  /** Markdown files get front matter when they have no header yet; other files get a dateline. */
  languageId: string;
  /** End-of-line sequence of the document. */
  eol: '\n' | '\r\n';
}

/** Returns the replacement that sets the article date, or an error message for an invalid date. */
export function planArticleDateEdit(text: string, date: string, options: ArticleDateEditOptions): TextReplacement | { error: string } {
  if (!isValidIsoDate(date)) return { error: `"${date}" is not a valid date; write it as YYYY-MM-DD, e.g. 2024-08-06.` };
  const { metadata } = readArticleHeader(text);
  const bom = text.startsWith('\uFEFF') ? 1 : 0;

  if (metadata.format === 'frontmatter') {
    if (metadata.dateSpan) {
      const old = text.slice(metadata.dateSpan.start, metadata.dateSpan.end);
      const quote = /^(['"]).*\1$/.test(old) ? old[0] : '';
      return {
        start: metadata.dateSpan.start,
        end: metadata.dateSpan.end,
        newText: `${quote}${date}${quote}`,
        description: `Changed the front-matter date from ${old} to ${date}.`,
      };
    }
    // Front matter without a date: add the key right after the opening "---" line.
    const firstLineEnd = text.indexOf('\n', bom);
    const at = firstLineEnd + 1;
    return { start: at, end: at, newText: `date: ${date}${options.eol}`, description: `Added "date: ${date}" to the front matter.` };
  }

  if (metadata.format === 'dateline' && metadata.dateSpan) {
    // dateSpan covers "date 2024-08-06"; only the value is replaced, keeping the keyword as written.
    const written = text.slice(metadata.dateSpan.start, metadata.dateSpan.end);
    const value = /\S+$/.exec(written)?.[0] ?? '';
    const start = metadata.dateSpan.end - value.length;
    return { start, end: metadata.dateSpan.end, newText: date, description: `Changed the dateline from ${value} to ${date}.` };
  }

  if (options.languageId === 'markdown') {
    return {
      start: bom,
      end: bom,
      newText: `---${options.eol}date: ${date}${options.eol}---${options.eol}`,
      description: `Added front matter with "date: ${date}".`,
    };
  }
  return { start: bom, end: bom, newText: `date ${date}${options.eol}`, description: `Added the dateline "date ${date}" at the top.` };
}

/** Today's date as YYYY-MM-DD in local time, the default offered by the command. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
