/**
 * The escalation route (#8#): everyone on it can be called, it starts where reports
 * arrive (#1#), it reaches the head of the response office (#10#), and nobody twice.
 */
import type { Problem } from '../../errors/catalogue.ts';
import { formatPath } from '../error-map.ts';
import { problemAt, type Rule } from './context.ts';
import { contactForRole, sameRole } from './roles.ts';

export const routeRules: Rule = (context) => {
  const { answers } = context;
  const route = answers.slots[8];
  if (!route) return [];
  const contacts = answers.contacts;
  const problems: Problem[] = [];

  route.forEach((role, index) => {
    if (!contactForRole(role, contacts)) {
      const path = ['slots', '8', index];
      const known = contacts.map((c) => `「${c.role}」`).join('');
      problems.push(problemAt(context, 'route-unknown-role', path, { path: formatPath(path), role, known }));
    }
    const first = route.findIndex((other) => sameRole(other, role, contacts));
    if (first < index) {
      const path = ['slots', '8', index];
      problems.push(problemAt(context, 'route-duplicate-role', path, { path: formatPath(path), role, first: first + 1, second: index + 1 }));
    }
  });

  const receiver = answers.slots[1];
  if (receiver !== undefined && route.length > 0 && !sameRole(route[0]!, receiver, contacts)) {
    const path = ['slots', '8', 0];
    problems.push(problemAt(context, 'route-start', path, { path: formatPath(path), first: route[0]!, receiver }));
  }

  const head = answers.slots[10];
  if (head !== undefined && !route.some((role) => sameRole(role, head, contacts))) {
    const path = ['slots', '8'];
    problems.push(problemAt(context, 'route-missing-head', path, { path: formatPath(path), head }));
  }
  return problems;
};
