/** A failure of the PDF step, carrying its rule id from the one catalogue. */
import type { RuleId } from '../errors/catalogue.ts';

export class PdfError extends Error {
  readonly ruleId: RuleId;

  constructor(ruleId: RuleId, message: string) {
    super(message);
    this.name = 'PdfError';
    this.ruleId = ruleId;
  }
}
