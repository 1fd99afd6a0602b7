/**
 * Nobody is the only one who can start the response: each contact holding a first-response
 * role (#1# first report, #3# response lead, #10# head of the response office) names a
 * deputy (a desk, #2#, is staffed by its department), another contact by id (plan ch.4). A missing deputy is the
 * company's call to make, so a warning; a deputy that is no contact, or oneself, is wrong.
 */
import type { Problem } from '../../errors/catalogue.ts';
import { formatPath } from '../error-map.ts';
import type { Contact } from '../schema.ts';
import { problemAt, type Rule } from './context.ts';
import { contactForRole } from './roles.ts';

const FIRST_RESPONSE: ReadonlyArray<[id: '1' | '3' | '10', task: string]> = [
  ['1', '#1# 最初の報告先'],
  ['3', '#3# 対応の中心'],
  ['10', '#10# 対策本部の責任者'],
];

export const deputyRules: Rule = (context) => {
  const { answers } = context;
  const contacts = answers.contacts;
  const problems: Problem[] = [];
  const ids = contacts.map((c) => c.id);

  contacts.forEach((contact, c) => {
    if (contact.deputy === undefined) return;
    const self = contact.deputy === contact.id;
    if (self || !ids.includes(contact.deputy)) {
      const path = ['contacts', c, 'deputy'];
      problems.push(problemAt(context, 'deputy-unknown', path, { path: formatPath(path), deputy: contact.deputy, known: ids.join('、'), self }));
    }
  });

  const tasks = new Map<Contact, string[]>();
  for (const [id, task] of FIRST_RESPONSE) {
    const role = answers.slots[id];
    const contact = role === undefined ? undefined : contactForRole(role, contacts);
    // An outside firm's desk is staffed by the firm; the deputy is for the company's own people.
    if (!contact || contact.organisation !== undefined) continue;
    tasks.set(contact, [...(tasks.get(contact) ?? []), task]);
  }
  for (const [contact, list] of tasks) {
    if (contact.deputy !== undefined) continue;
    const path = ['contacts', contacts.indexOf(contact)];
    problems.push(problemAt(context, 'deputy-missing', path, { path: formatPath(path), role: contact.role, tasks: list.join('、') }));
  }
  return problems;
};
