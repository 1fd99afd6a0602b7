/**
 * One role decides what the company tells the outside (customers, the press, the
 * authorities): `externalCommunication.decidedBy`, the plan's 「経営層」 (ch.4, 3.2 ③, 5.2).
 * It is a contact's role (an error otherwise) and hears the first report, so it is on the
 * escalation route (#8#; a warning). Naming nobody is a warning: the plan then has no owner.
 */
import type { Problem } from '../../errors/catalogue.ts';
import { formatPath } from '../error-map.ts';
import { problemAt, type Rule } from './context.ts';
import { contactForRole, sameRole } from './roles.ts';

export const externalCommunicationRules: Rule = (context) => {
  const { answers } = context;
  const decider = answers.externalCommunication?.decidedBy;
  if (decider === undefined) {
    // Only once the plan has a route to report on: a file fresh from `bcp init` is told by the missing answers first.
    if ((answers.slots[8] ?? []).length === 0) return [];
    return [problemAt(context, 'external-decider-missing', ['externalCommunication'], { path: 'externalCommunication' })];
  }
  const problems: Problem[] = [];
  const path = ['externalCommunication', 'decidedBy'];
  if (!contactForRole(decider, answers.contacts)) {
    const known = answers.contacts.map((c) => `「${c.role}」`).join('');
    problems.push(problemAt(context, 'external-decider-unknown', path, { path: formatPath(path), role: decider, known }));
    return problems;
  }
  const route = answers.slots[8] ?? [];
  if (!route.some((role) => sameRole(role, decider, answers.contacts))) {
    problems.push(problemAt(context, 'external-decider-not-on-route', path, { path: formatPath(path), role: decider }));
  }
  return problems;
};
