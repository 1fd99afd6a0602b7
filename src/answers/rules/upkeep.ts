/**
 * Due dates of the upkeep (review, education, drill, audit): overdue fails the check,
 * due within 30 days warns, a "last done" date after today is a typo, and the example's
 * calendar pin (`upkeep.asOf`) left in a company's own answers is reported.
 */
import type { Problem } from '../../errors/catalogue.ts';
import { UPKEEP_ITEMS, staleAsOf, upkeepSchedule } from '../due.ts';
import { problemAt, type Rule } from './context.ts';

export const upkeepRules: Rule = (context) => {
  const { answers, today } = context;
  const problems: Problem[] = [];
  for (const item of UPKEEP_ITEMS) {
    const date = answers.upkeep?.[item.key];
    if (date !== undefined && date > today.date) {
      problems.push(problemAt(context, 'date-in-future', ['upkeep', item.key], { path: `upkeep.${item.key}`, date, today: today.date }));
    }
  }
  for (const due of upkeepSchedule(answers, today.date)) {
    if (due.status === 'ok') continue;
    // Point where the date goes: its key under `upkeep`, or the frequency when there is no `upkeep` yet.
    const path = answers.upkeep ? ['upkeep', due.key] : ['slots', String(due.slot)];
    const params = {
      path: `upkeep.${due.key}`,
      label: due.label,
      next: due.next,
      days: Math.abs(due.daysLeft),
      frequency: due.frequency,
      last: due.basis === 'plan-start' ? undefined : due.last,
    };
    problems.push(problemAt(context, due.status === 'overdue' ? 'upkeep-overdue' : 'upkeep-due-soon', path, params));
  }
  const stale = staleAsOf(answers);
  if (stale) problems.push(problemAt(context, 'upkeep-as-of-stale', ['upkeep', 'asOf'], stale));
  return problems;
};
