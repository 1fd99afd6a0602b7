/**
 * The people the plan sends reports to must be reachable when the company network and
 * email are down: each role the plan names has a contact, each such staff contact has
 * a mobile, each outside one a phone, the desk of #2# a phone or mobile, and the outside
 * responder (#11#, #12#) a phone.
 */
import type { Problem } from '../../errors/catalogue.ts';
import { OUTSIDE_RESPONDER_ID } from '../../slots/template.ts';
import { formatPath } from '../error-map.ts';
import type { Contact } from '../schema.ts';
import { problemAt, type Rule } from './context.ts';
import { contactForRole, planRoleFields, rolesIn } from './roles.ts';

export const contactRules: Rule = (context) => {
  const { answers } = context;
  const contacts = answers.contacts;
  const problems: Problem[] = [];
  const key = new Set<Contact>();

  // The route's roles are checked by the route rule; here they only mark contacts as key.
  const fields = planRoleFields(answers);
  for (const field of fields) {
    for (const role of rolesIn(field.value, contacts)) {
      const contact = contactForRole(role, contacts);
      // The other desk (#2#) may be reached on its landline: the rule channel-without-number asks for a number there.
      if (contact && field.path.join('.') !== 'slots.2') key.add(contact);
      else if (!contact) problems.push(problemAt(context, 'role-without-contact', field.path, { path: formatPath(field.path), role }));
    }
  }
  for (const role of answers.slots[8] ?? []) {
    const contact = contactForRole(role, contacts);
    if (contact) key.add(contact);
  }

  // The desk of slot 2 (a department's window) is reached at its landline (issue 21).
  const desk = answers.slots[2] === undefined ? undefined : contactForRole(answers.slots[2], contacts);
  const channels = new Set(
    [answers.slots[1], answers.slots[2]].flatMap((role) => (role === undefined ? [] : [contactForRole(role, contacts)])).filter((c) => c !== undefined),
  );
  for (const contact of key) {
    const index = contacts.indexOf(contact);
    const path = ['contacts', index];
    // Staff need a mobile: their desk phone may run over the company network. An outside
    // firm's phone does not depend on our network, so a phone will do, and so will the
    // landline of the slot 2 desk, which is a window rather than a person.
    const outside = contact.organisation !== undefined || contact === desk;
    const reachable = outside ? contact.phone !== undefined || contact.mobile !== undefined : contact.mobile !== undefined;
    // A channel of #1#/#2# with no number at all is reported once, at the slot, by channel-without-number.
    const channelWithoutNumber = channels.has(contact) && contact.phone === undefined && contact.mobile === undefined;
    if (!reachable && !channelWithoutNumber) {
      problems.push(problemAt(context, 'key-contact-without-mobile', path, { path: formatPath(path), role: contact.role, id: contact.id, outside }));
    }
  }

  const responder = contacts.find((c) => c.id === OUTSIDE_RESPONDER_ID);
  if (responder && responder.phone === undefined && responder.mobile === undefined) {
    const path = ['contacts', contacts.indexOf(responder)];
    problems.push(problemAt(context, 'responder-without-phone', path, { path: formatPath(path) }));
  }
  return problems;
};
