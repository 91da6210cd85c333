// An output format of `news-lens annotate`. Each format lives in its own file
// in this folder and is listed in ./index.ts.
import type { ArticleAnalysis, UserAnnotation } from '../../analysis';

export interface AnnotatedFile {
  /** The path as given on the command line ("-" for stdin). */
  file: string;
  /** The decoded text the offsets refer to. */
  text: string;
  analysis: ArticleAnalysis;
  /** The user's annotations from article.ann that apply (brat export writes their Rejected spans). */
  userAnnotations?: UserAnnotation[];
}

export interface FormatContext {
  /** Colour output allowed (TTY, no NO_COLOR); only human-oriented formats use it. */
  color: boolean;
}

export interface OutputFormat {
  name: string;
  /** One line for --help. */
  description: string;
  /** The text written to stdout for one file, including its trailing newline. */
  render(file: AnnotatedFile, context: FormatContext): string;
}
