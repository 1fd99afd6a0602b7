/**
 * The order of the entries to close first (`containment`, plan 3.1 ④): it holds every
 * entry the company rated 3, 4 or BAD (an omission contradicts the plan, so an error), the
 * internet exit (No.8, cut first to stop remote control and data theft; a warning), and
 * no high or BAD entry comes after one rated 1 or 2 (BAD counts as high until known).
 */
import type { Problem } from '../../errors/catalogue.ts';
import { INTERNET_EXIT, entryLevel, isHighLevel } from '../containment.ts';
import { THREAT_ENTRY_NUMBERS } from '../schema.ts';
import { formatPath } from '../error-map.ts';
import { problemAt, type Rule } from './context.ts';

export const containmentRules: Rule = (context) => {
  const { answers } = context;
  const order = answers.containment;
  if (order === undefined) return [];
  const problems: Problem[] = [];
  const path = ['containment'];
  for (const entry of THREAT_ENTRY_NUMBERS) {
    const level = entryLevel(answers, entry);
    if (isHighLevel(level) && !order.includes(entry)) {
      problems.push(problemAt(context, 'containment-missing-entry', path, { path: formatPath(path), entry, level: String(level) }));
    }
  }
  if (!order.includes(INTERNET_EXIT)) problems.push(problemAt(context, 'containment-missing-exit', path, { path: formatPath(path) }));

  let firstLow: number | undefined;
  order.forEach((entry, index) => {
    if (entry === INTERNET_EXIT) return;
    const level = entryLevel(answers, entry);
    if (!isHighLevel(level)) {
      firstLow ??= entry;
      return;
    }
    if (firstLow !== undefined) {
      const at = ['containment', index];
      problems.push(
        problemAt(context, 'containment-order', at, {
          path: formatPath(at),
          entry,
          level: String(level),
          before: firstLow,
          beforeLevel: String(entryLevel(answers, firstLow) ?? '未記入'),
        }),
      );
    }
  });
  return problems;
};
