// `--format conll`: one "token TAG" per line (BIO: B-PER, I-ORG, B-LOC, B-NAT,
// B-DATE…), blank lines between sentences, "-DOCSTART- O" before each file.
import { toConll } from '../../analysis';
import type { OutputFormat } from './types';

export const conllFormat: OutputFormat = {
  name: 'conll',
  description: 'CoNLL: one token and its BIO tag per line, blank lines between sentences',
  render: ({ text, analysis }) => toConll(text, analysis),
};
