// `--format jsonl`: {"text", "entities": [[start, end, label]]} per file, as
// doccano and Prodigy read it; offsets in code points, labels PER ORG LOC NAT DATE.
import { toJsonl } from '../../analysis';
import type { OutputFormat } from './types';

export const jsonlFormat: OutputFormat = {
  name: 'jsonl',
  description: 'doccano/Prodigy JSONL: {"text", "entities": [[start, end, label]]}, offsets in code points',
  render: ({ text, analysis }) => toJsonl(text, analysis),
};
