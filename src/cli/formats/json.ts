// `--format json` (default): the public contract, one JSON object per file, one per line.
import { toAnnotateRecord } from '../jsonContract';
import type { OutputFormat } from './types';

export const jsonFormat: OutputFormat = {
  name: 'json',
  description: 'one JSON object per file, one per line (the documented contract)',
  render: ({ file, analysis }) => `${JSON.stringify(toAnnotateRecord(file, analysis))}\n`,
};
