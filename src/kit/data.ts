/**
 * What the incident kit (issue 23) shows, derived from the answers once so the poster, the
 * wallet card, the phone-size plan and the offline edition agree: whom to call in which
 * order, and the plan's version.
 */
import type { Answers, Contact } from '../answers/schema.ts';
import { contactForRole as contactNamedBy, normalizeRole } from '../answers/rules/roles.ts';
import { currentRevision, outsideResponder, type SlotValues } from '../answers/values.ts';

/** The kit's files in the built site (internal build only). */
export const KIT_FILES = {
  poster: 'poster.pdf',
  card: 'card.pdf',
  pocket: 'pocket.pdf',
  offline: 'plan-offline.html',
} as const;

/** The pages the PDFs are printed from (src/pages/kit/). */
export const KIT_PAGES = {
  poster: 'kit/poster.html',
  card: 'kit/card.html',
  pocket: 'kit/pocket.html',
  offline: 'kit/offline.html',
} as const;

/** The poster's smallest type, in points: readable from about 1.5 m. Every poster style keeps to it. */
export const POSTER_MIN_FONT_PT = 20;

export interface KitVersion {
  version: string;
  date: string;
}

export function kitVersion(answers: Answers): KitVersion {
  const revision = currentRevision(answers);
  return { version: revision.version, date: revision.date };
}

/** The contact a role in the plan refers to, by the rules' own matching (aliases, bracketed notes, desks). */
export function contactForRole(answers: Answers, role: string | undefined): Contact | undefined {
  return role === undefined ? undefined : contactNamedBy(role, answers.contacts);
}

export interface KitContact {
  /** The role as the plan names it (the report route's words), else the contact's own. */
  role: string;
  contact?: Contact;
}

/**
 * The key contacts in the order a report travels: whoever is told first (slot 1), the
 * report route (slot 8) in its order, then the outside experts. A role of the route with
 * no contact of its own is kept (the card says so), and nobody appears twice.
 */
export function reportingContacts(answers: Answers): KitContact[] {
  const roles = [answers.slots[1], ...(answers.slots[8] ?? [])].filter((r): r is string => r !== undefined);
  const seen = new Set<string>();
  const list: KitContact[] = [];
  for (const role of roles) {
    const contact = contactForRole(answers, role);
    const key = contact ? `id:${contact.id}` : `role:${normalizeRole(role)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    list.push({ role, contact });
  }
  const responder = outsideResponder(answers);
  if (responder && !seen.has(`id:${responder.id}`)) list.push({ role: responder.role, contact: responder });
  if (list.length === 0) for (const contact of answers.contacts.slice(0, 4)) list.push({ role: contact.role, contact });
  return list;
}

/** Every contact: the reporting order first, then the rest as listed in the answers. */
export function allContactsInOrder(answers: Answers): KitContact[] {
  const ordered = reportingContacts(answers);
  const listed = new Set(ordered.flatMap((k) => (k.contact ? [k.contact.id] : [])));
  return [...ordered, ...answers.contacts.filter((c) => !listed.has(c.id)).map((contact) => ({ role: contact.role, contact }))];
}

export interface PosterCalls {
  first: Contact;
  second?: Contact;
}

/**
 * Whom the poster says to call: the one told first (slot 1, the person who notices reports
 * there), and a second person for when nobody answers (slot 2, else the next on the route).
 */
export function posterCalls(answers: Answers, values: SlotValues): PosterCalls {
  const order = reportingContacts(answers).flatMap((k) => (k.contact ? [k.contact] : []));
  const first = contactForRole(answers, values.get(1)) ?? order[0] ?? answers.contacts[0]!;
  const byDesk = contactForRole(answers, values.get(2));
  const second = byDesk && byDesk.id !== first.id ? byDesk : order.find((c) => c.id !== first.id);
  return { first, second };
}

/** The phone numbers of a contact, the one that works without the office network (mobile) kept too. */
export function phonesOf(contact: Contact): Array<{ kind: 'phone' | 'mobile'; number: string }> {
  return [
    ...(contact.phone ? [{ kind: 'phone' as const, number: contact.phone }] : []),
    ...(contact.mobile ? [{ kind: 'mobile' as const, number: contact.mobile }] : []),
  ];
}
