/**
 * The consistency rules over validated answers, run by `bcp check` (and so by `bcp
 * build`) after the answers load without errors. Each module owns one concern; every
 * rule id and message lives in the one catalogue, src/errors/catalogue.ts.
 */
import type { Problem } from '../../errors/catalogue.ts';
import { resolveToday } from '../due.ts';
import type { LoadedAnswers } from '../load.ts';
import { backupCopyRules } from './backup-copies.ts';
import { biaRules } from './bia.ts';
import { contactRules } from './contacts.ts';
import { containmentRules } from './containment.ts';
import type { Rule, RuleContext } from './context.ts';
import { deputyRules } from './deputies.ts';
import { exerciseTimeRules } from './exercise-times.ts';
import { externalCommunicationRules } from './external-communication.ts';
import { frequencyRules } from './frequency.ts';
import { markupRules } from './markup.ts';
import { personalDataRules } from './personal-data.ts';
import { recoveryTimeRules } from './recovery-times.ts';
import { revisionRules } from './revisions.ts';
import { roleNameRules } from './role-names.ts';
import { routeRules } from './route.ts';
import { threatRules } from './threats.ts';
import { timingRules } from './timing.ts';
import { upkeepRules } from './upkeep.ts';
import { kitFreshnessRules } from '../../kit/freshness.ts';

export type { RuleContext } from './context.ts';

/** Who is reached, when, how often, what is assessed, what is published, the history, the due dates. */
export const ANSWER_RULES: readonly Rule[] = [
  routeRules,
  contactRules,
  timingRules,
  frequencyRules,
  threatRules,
  personalDataRules,
  markupRules,
  revisionRules,
  upkeepRules,
  biaRules,
  // issue 20: the plan's parts agree with each other.
  recoveryTimeRules,
  exerciseTimeRules,
  containmentRules,
  backupCopyRules,
  roleNameRules,
  deputyRules,
  externalCommunicationRules,
  // issue 23: the printed incident kit matches the plan's version.
  kitFreshnessRules,
];

export interface RuleOptions {
  /** YYYY-MM-DD to count due dates from (`--today`). Default: `upkeep.asOf`, else today in Japan. */
  today?: string;
}

/** The problems of every rule; none when the answers did not load. */
export function checkAnswerRules(loaded: LoadedAnswers, options: RuleOptions = {}): Problem[] {
  if (!loaded.answers) return [];
  const context: RuleContext = {
    answers: loaded.answers,
    file: loaded.file,
    locate: loaded.locate,
    today: resolveToday(loaded.answers, options.today),
  };
  // In file order, like every other report.
  return ANSWER_RULES.flatMap((rule) => rule(context)).sort((a, b) => a.line - b.line || a.column - b.column);
}
