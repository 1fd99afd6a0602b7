/**
 * The one way a failure travels when it has to be thrown: it carries the same `Problem`s
 * that loaders return, so the CLI and the integration format every failure alike (and
 * GitHub shows each as an annotation), whatever step it came from.
 */
import type { Problem } from './catalogue.ts';

export class ProblemsError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    // The message is the first problem's text alone, so code that shows `error.message` shows Japanese.
    super(problems[0]?.message ?? '');
    this.name = 'ProblemsError';
    this.problems = problems;
  }
}
