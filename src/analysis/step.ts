// Runs one analysis step contained: a failure becomes an AnalysisProblem, never a throw.
import { errorMessage } from './errors';
import type { AnalysisProblem } from './types';

export function step<T>(name: string, problems: AnalysisProblem[], run: () => T, fallback: T): T {
  try {
    return run();
  } catch (error) {
    problems.push(problemFrom(`${name}-failed`, `Could not find ${name} here`, error));
    return fallback;
  }
}

export function problemFrom(code: string, message: string, error: unknown): AnalysisProblem {
  const detail = errorMessage(error);
  return { start: 0, end: 0, severity: 'warning', code, message: `${message}: ${detail}` };
}
