/**
 * A failure of the PDF step: a `ProblemsError` like every other thrown failure, so the
 * build reports it with its rule id (and GitHub shows it as an annotation).
 */
import type { Problem, RuleId } from '../errors/catalogue.ts';
import { ProblemsError } from '../errors/problems-error.ts';

export class PdfError extends ProblemsError {
  readonly ruleId: RuleId;

  constructor(ruleId: RuleId, message: string) {
    super([{ file: 'plan.pdf', line: 1, column: 1, ruleId, severity: 'error', message }]);
    this.name = 'PdfError';
    this.ruleId = ruleId;
  }

  /** The problem at the PDF of the output folder `label` (as the user named it). */
  at(label: string): Problem {
    return { ...this.problems[0]!, file: `${label}/plan.pdf` };
  }
}
