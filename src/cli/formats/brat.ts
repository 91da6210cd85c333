// `--format brat`: brat standoff (.ann) with code point offsets, Date values as
// notes, the user's Rejected spans included. One .ann per file; for several
// files use --out-dir (outDir.ts) to get one .ann and .txt per article.
import { toBrat } from '../../analysis';
import type { OutputFormat } from './types';

export const bratFormat: OutputFormat = {
  name: 'brat',
  description: 'brat standoff (.ann): T1<TAB>Organization 120 128<TAB>Pentagon, offsets in code points',
  render: ({ text, analysis, userAnnotations }) => toBrat(text, analysis, { userAnnotations }),
};
