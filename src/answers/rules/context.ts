/** What every consistency rule receives, and the one way it reports a problem at a YAML field. */
import { RULES, ruleMessage, ruleSeverity, type Problem, type RuleId } from '../../errors/catalogue.ts';
import type { Today } from '../due.ts';
import { nameContacts } from '../error-map.ts';
import type { LoadedAnswers } from '../load.ts';
import type { Answers } from '../schema.ts';

export type FieldPath = readonly (string | number)[];

export interface RuleContext {
  answers: Answers;
  /** The answers file as reported. */
  file: string;
  locate: LoadedAnswers['locate'];
  today: Today;
}

/** A rule module: looks at the validated answers, returns its problems (none when all is well). */
export type Rule = (context: RuleContext) => Problem[];

type ParamsOf<R extends RuleId> = Parameters<(typeof RULES)[R]['message']>[0];

export function problemAt<R extends RuleId>(context: RuleContext, ruleId: R, fieldPath: FieldPath, params: ParamsOf<R>): Problem {
  return {
    file: context.file,
    ...context.locate(fieldPath),
    ruleId,
    severity: ruleSeverity(ruleId),
    message: ruleMessage(ruleId, namedContacts(params, context.answers.contacts)),
  };
}

/** The params with every contact in a path named by id and role (`contacts[id=president「代表取締役」]`). */
function namedContacts<P>(params: P, contacts: Answers['contacts']): P {
  if (params === null || typeof params !== 'object') return params;
  const out: Record<string, unknown> = { ...(params as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) if (typeof value === 'string') out[key] = nameContacts(value, contacts);
  return out as P;
}
