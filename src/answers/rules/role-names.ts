/**
 * Every role a slot names is a contact's role, or an alias declared on exactly one
 * contact: 「工場長」 on the route and 「工場長（製造担当取締役）」 in the contacts are the same
 * person only when the contacts say so. And each channel that receives reports (#1#, #2#)
 * has a number to call, which for a desk may be its landline.
 */
import type { Problem } from '../../errors/catalogue.ts';
import { formatPath } from '../error-map.ts';
import { problemAt, type Rule } from './context.ts';
import { contactForRole, exactContactForRole, normalizeRole, planRoleFields, rolesIn, type RoleField } from './roles.ts';

/** The slots whose role receives the first report of an anomaly. */
const CHANNEL_SLOTS = ['1', '2'];

export const roleNameRules: Rule = (context) => {
  const { answers } = context;
  const contacts = answers.contacts;
  const problems: Problem[] = [];

  // Each name once: a role or alias that names two contacts leaves the report without an address.
  const owner = new Map<string, string>();
  contacts.forEach((contact, c) => owner.set(normalizeRole(contact.role), formatPath(['contacts', c, 'role'])));
  contacts.forEach((contact, c) => {
    (contact.aliases ?? []).forEach((alias, a) => {
      const key = normalizeRole(alias);
      const path = ['contacts', c, 'aliases', a];
      const other = owner.get(key);
      if (other !== undefined) problems.push(problemAt(context, 'role-alias-duplicate', path, { path: formatPath(path), alias, other }));
      else owner.set(key, formatPath(path));
    });
  });

  const fields: RoleField[] = [
    ...planRoleFields(answers),
    ...(answers.slots[8] ?? []).map((value, index) => ({ path: ['slots', '8', index], value })),
    ...(answers.externalCommunication ? [{ path: ['externalCommunication', 'decidedBy'], value: answers.externalCommunication.decidedBy }] : []),
  ];
  for (const field of fields) {
    for (const role of rolesIn(field.value, contacts)) {
      if (exactContactForRole(role, contacts)) continue;
      // Only the near misses: a role with no contact at all is reported by the contact and route rules.
      const near = contactForRole(role, contacts);
      if (!near) continue;
      const contactPath = formatPath(['contacts', contacts.indexOf(near)]);
      problems.push(problemAt(context, 'role-alias-missing', field.path, { path: formatPath(field.path), role, contactRole: near.role, contactPath }));
    }
  }

  for (const id of CHANNEL_SLOTS) {
    const role = answers.slots[id as '1' | '2'];
    if (role === undefined) continue;
    const contact = contactForRole(role, contacts);
    if (!contact || contact.phone !== undefined || contact.mobile !== undefined) continue;
    const path = ['slots', id];
    problems.push(problemAt(context, 'channel-without-number', path, { path: formatPath(path), role, contactPath: formatPath(['contacts', contacts.indexOf(contact)]) }));
  }
  return problems;
};
