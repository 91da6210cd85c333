// newsLens/articleDateEdit: the server side of "News Lens: Set Article Date…".
// The language service plans the edit on the document text (offsets); here it
// becomes LSP ranges for the exact document version the client has open.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { planArticleDateEdit } from '../analysis';
import { looksBinary } from '../node';
import type { ArticleDateEditParams, ArticleDateEditResult } from '../protocol';
import { spanToRange } from './positions';

/** Markdown gets front matter when it has no header; any other file a dateline. */
function isMarkdown(document: TextDocument): boolean {
  return document.languageId === 'markdown' || /\.(md|markdown|mdx)$/i.test(document.uri);
}

export function articleDateEdit(document: TextDocument | undefined, params: Partial<ArticleDateEditParams> | null | undefined): ArticleDateEditResult {
  if (!document) return { error: 'The document is not open in the News Lens server; open it in the editor and try again.' };
  const text = document.getText();
  if (looksBinary(text)) return { error: 'This looks like a binary file, so News Lens does not write a date into it.' };
  const eol = params?.eol === '\r\n' || params?.eol === '\n' ? params.eol : undefined;
  const date = typeof params?.date === 'string' ? params.date.trim() : '';
  const plan = planArticleDateEdit(text, date, { newHeader: isMarkdown(document) ? 'frontmatter' : 'dateline', eol });
  if ('error' in plan) return plan;
  return {
    version: document.version,
    edits: plan.edits.map((e) => ({ range: spanToRange(document, e), newText: e.newText })),
    description: plan.description,
  };
}
