// "Set Article Date": where to write the date so the analysis reads it, without
// destroying any text. Uses the analysis' own header reader, so the edit lands
// exactly on the date the analysis would use. Pure: text + date in, UTF-16
// offset edits out; the server turns them into LSP ranges.
import { isValidIsoDate, readArticleHeader } from './metadata';
import { errorMessage } from './errors';

export interface TextReplacement {
  /** UTF-16 offsets into the text; start === end for a pure insertion. */
  start: number;
  end: number;
  newText: string;
}

export interface ArticleDateEditOptions {
  /** Header added when the text has none: front matter (Markdown) or a dateline (other files). */
  newHeader: 'frontmatter' | 'dateline';
  /** End-of-line sequence for added lines; by default the text's own (its first line break), else "\n". */
  eol?: '\n' | '\r\n';
}

export type ArticleDateEditPlan =
  | {
      edits: TextReplacement[];
      /** What the edit does, for the confirmation message. */
      description: string;
    }
  | { error: string };

/** The edits that set the article date to `date` (YYYY-MM-DD), or an error message. Never throws. */
export function planArticleDateEdit(text: string, date: string, options: ArticleDateEditOptions): ArticleDateEditPlan {
  if (typeof text !== 'string') return { error: 'There is no document text to set the date in.' };
  if (typeof date !== 'string' || !isValidIsoDate(date)) {
    return { error: `"${String(date)}" is not a valid date; write it as YYYY-MM-DD, e.g. 2024-08-06.` };
  }
  try {
    return plan(text, date, options.newHeader, options.eol ?? eolOf(text));
  } catch (error) {
    return { error: `The date could not be placed: ${errorMessage(error)}` };
  }
}

function plan(text: string, date: string, newHeader: ArticleDateEditOptions['newHeader'], eol: string): ArticleDateEditPlan {
  const { metadata } = readArticleHeader(text);
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const single = (start: number, end: number, newText: string, description: string) => ({ edits: [{ start, end, newText }], description });

  if (metadata.format === 'frontmatter') {
    const span = metadata.dateSpan;
    if (span) {
      const old = text.slice(span.start, span.end);
      if (old === '') {
        // "date:" with no value: YAML needs a space after the colon.
        const needsSpace = text[span.start - 1] === ':';
        return single(span.start, span.end, `${needsSpace ? ' ' : ''}${date}`, `Set the empty front-matter date to ${date}.`);
      }
      const quote = /^(['"]).*\1$/.test(old) ? old[0] : '';
      const inner = quote ? old.slice(1, -1) : old;
      // A timestamp ("2024-08-06T09:30:00Z") keeps its time: only the calendar date is replaced.
      if (/^\d{4}-\d{2}-\d{2}(?:[T ]|$)/.test(inner)) {
        const start = span.start + quote.length;
        return single(start, start + 10, date, `Changed the front-matter date from ${inner.slice(0, 10)} to ${date}.`);
      }
      return single(span.start, span.end, `${quote}${date}${quote}`, `Changed the front-matter date from ${old} to ${date}.`);
    }
    // Front matter without a date: add the key right after the opening "---" line.
    const at = text.indexOf('\n', bom) + 1;
    return single(at, at, `date: ${date}${eol}`, `Added "date: ${date}" to the front matter.`);
  }

  if (metadata.format === 'dateline' && metadata.dateSpan) {
    // dateSpan covers "date 2024-08-06"; only the value is replaced, keeping the keyword as written.
    const written = text.slice(metadata.dateSpan.start, metadata.dateSpan.end);
    const value = /\S+$/.exec(written)?.[0] ?? '';
    const start = metadata.dateSpan.end - value.length;
    return single(start, metadata.dateSpan.end, date, `Changed the dateline from ${value} to ${date}.`);
  }

  // No header yet: insert one after the BOM, so the BOM stays the first character.
  if (newHeader === 'frontmatter') {
    return single(bom, bom, `---${eol}date: ${date}${eol}---${eol}`, `Added front matter with "date: ${date}".`);
  }
  return single(bom, bom, `date ${date}${eol}`, `Added the dateline "date ${date}" at the top.`);
}

/** The text's own line ending: that of its first line break. */
function eolOf(text: string): '\n' | '\r\n' {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}
