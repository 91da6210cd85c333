// Output formats of `news-lens annotate --format NAME`. To add one, write
// ./NAME.ts exporting an OutputFormat and list it here.
import { bratFormat } from './brat';
import { conllFormat } from './conll';
import { jsonFormat } from './json';
import { jsonlFormat } from './jsonl';
import { prettyFormat } from './pretty';
import type { OutputFormat } from './types';

export type { AnnotatedFile, FormatContext, OutputFormat } from './types';

export const OUTPUT_FORMATS: readonly OutputFormat[] = [jsonFormat, prettyFormat, bratFormat, conllFormat, jsonlFormat];

export function findFormat(name: string): OutputFormat | undefined {
  return OUTPUT_FORMATS.find((f) => f.name === name);
}
