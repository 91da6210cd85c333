// One analysed version of one document, with the lookups every feature needs
// (AnalysisLookup, from the analysis' queries) computed once.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisLookup, ArticleAnalysis } from '../analysis';
import type { InputRefusal } from '../node';

export interface DocumentAnalysis {
  uri: string;
  version: number;
  document: TextDocument;
  /** False for documents News Lens does not treat as articles; every feature then answers empty. */
  isArticle: boolean;
  /** Set when the text was not analysed (binary, too big). */
  refusal: InputRefusal | null;
  /** Null when not an article or refused. */
  analysis: ArticleAnalysis | null;
  lookup: AnalysisLookup;
}
