// Output formats of `news-lens annotate --format NAME`. To add one, write
// ./NAME.ts exporting an OutputFormat and list it here.
import { jsonFormat } from './json';
import { prettyFormat } from './pretty';
import type { OutputFormat } from './types';

export type { AnnotatedFile, FormatContext, OutputFormat } from './types';

export const OUTPUT_FORMATS: readonly OutputFormat[] = [jsonFormat, prettyFormat];

export function findFormat(name: string): OutputFormat | undefined {
  return OUTPUT_FORMATS.find((f) => f.name === name);
}
