/**
 * The risk assessment: every one of the 13 threat entries has a result, and an entry
 * the plan must act on (high residual risk, or BAD: not known yet) says what the issue is.
 */
import type { Problem } from '../../errors/catalogue.ts';
import { formatPath } from '../error-map.ts';
import { NOT_YET_ASSESSED, THREAT_ENTRY_NUMBERS } from '../schema.ts';
import { problemAt, type Rule } from './context.ts';

export const threatRules: Rule = (context) => {
  const threats = context.answers.threats ?? {};
  const problems: Problem[] = [];
  const missing = THREAT_ENTRY_NUMBERS.filter((n) => threats[n] === undefined);
  if (missing.length > 0) {
    problems.push(problemAt(context, 'threat-unassessed', ['threats'], { path: 'threats', numbers: missing.join('・') }));
  }
  // 「未評価」 is what `bcp init` writes: an open decision, not a wrong answer.
  const pending = THREAT_ENTRY_NUMBERS.filter((n) => threats[n]?.result === NOT_YET_ASSESSED);
  if (pending.length > 0) {
    problems.push(problemAt(context, 'threat-not-assessed', ['threats'], { path: 'threats', numbers: pending.join('・') }));
  }
  for (const n of THREAT_ENTRY_NUMBERS) {
    const entry = threats[n];
    if (!entry || entry.issue !== undefined || entry.result === NOT_YET_ASSESSED || (entry.result !== 'BAD' && entry.result < 3)) continue;
    const path = ['threats', String(n)];
    problems.push(problemAt(context, 'threat-issue-missing', path, { path: formatPath(path), number: n, result: String(entry.result) }));
  }
  return problems;
};
