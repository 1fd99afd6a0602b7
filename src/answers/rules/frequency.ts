/** Review, education, drills and audits (#15#–#18#) happen at least once a year. */
import type { Problem } from '../../errors/catalogue.ts';
import { UPKEEP_ITEMS, parseFrequency } from '../due.ts';
import { formatPath } from '../error-map.ts';
import { problemAt, type Rule } from './context.ts';

export const frequencyRules: Rule = (context) => {
  const problems: Problem[] = [];
  for (const item of UPKEEP_ITEMS) {
    const value = context.answers.slots[item.slot];
    const interval = value === undefined ? undefined : parseFrequency(value);
    if (value === undefined || !interval || interval.months <= 12) continue;
    const path = ['slots', String(item.slot)];
    problems.push(problemAt(context, 'frequency-too-rare', path, { path: formatPath(path), label: item.label, value }));
  }
  return problems;
};
