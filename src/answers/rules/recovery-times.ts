/**
 * The recovery times fit together: the factory states when it must run again
 * (`bia.restartTarget`), every S and A system is back within it, and a system of a higher
 * priority has a shorter RTO than one of a lower priority (S before A before B), since the
 * recovery order restores it first.
 */
import { PRIORITIES, isCritical, systemPriorities } from '../../bia/matrix.ts';
import type { Problem } from '../../errors/catalogue.ts';
import { formatPath } from '../error-map.ts';
import { problemAt, type Rule } from './context.ts';
import { durationMinutes } from './timing.ts';

export const recoveryTimeRules: Rule = (context) => {
  const { bia } = context.answers;
  if (!bia) return [];
  const problems: Problem[] = [];
  const target = bia.restartTarget;
  const targetMinutes = target === undefined ? undefined : durationMinutes(target);
  if (target === undefined) problems.push(problemAt(context, 'restart-target-missing', ['bia'], { path: 'bia' }));

  const priorities = systemPriorities(bia);
  const timed = bia.systems.flatMap((system, index) => {
    const priority = priorities[index]!.priority;
    const minutes = system.rto === undefined ? undefined : durationMinutes(system.rto);
    return priority === undefined || minutes === undefined || system.rto === undefined ? [] : [{ system, index, priority, minutes, rto: system.rto }];
  });

  for (const item of timed) {
    const path = ['bia', 'systems', item.index, 'rto'];
    if (target !== undefined && targetMinutes !== undefined && isCritical(item.priority) && item.minutes > targetMinutes) {
      problems.push(problemAt(context, 'rto-beyond-restart', path, { path: formatPath(path), system: item.system.name, priority: item.priority, rto: item.rto, target }));
    }
    // Compared with the fastest system of the next lower priority that has an RTO.
    const rank = PRIORITIES.indexOf(item.priority);
    const lower = timed
      .filter((other) => PRIORITIES.indexOf(other.priority) === rank + 1)
      .sort((a, b) => a.minutes - b.minutes || a.index - b.index)[0];
    if (lower && item.minutes >= lower.minutes) {
      const otherPath = formatPath(['bia', 'systems', lower.index, 'rto']);
      problems.push(
        problemAt(context, 'rto-priority-order', path, {
          path: formatPath(path),
          system: item.system.name,
          priority: item.priority,
          rto: item.rto,
          other: lower.system.name,
          otherPriority: lower.priority,
          otherRto: lower.rto,
          otherPath,
        }),
      );
    }
  }
  return problems;
};
