/**
 * Matching the role names written in the slots against the contact list. People write
 * 「工場長」 in the route and 「工場長（製造担当取締役）」 in the contacts, or 「総務課の代表窓口」
 * for a desk of 総務課; both name the same contact, and the rules must say so.
 */
import type { Answers, Contact } from '../schema.ts';

/** Width-folded, without spaces: 「情報システム担当 (総務課)」 and 「情報システム担当（総務課）」 compare equal. */
export function normalizeRole(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The role without a trailing explanation in brackets: 工場長（製造担当取締役） → 工場長. */
export function baseRole(text: string): string {
  return normalizeRole(text).replace(/\([^()]*\)$/, '');
}

/** The contact a role names: the same role, the same role without its bracketed note, or a desk of it (「総務課の…」). */
export function contactForRole(role: string, contacts: readonly Contact[]): Contact | undefined {
  const full = normalizeRole(role);
  const base = baseRole(role);
  return (
    exactContactForRole(role, contacts) ??
    contacts.find((c) => baseRole(c.role) === base) ??
    contacts.find((c) => full.startsWith(`${baseRole(c.role)}の`) || full.startsWith(`${normalizeRole(c.role)}の`))
  );
}

/** The contact whose role, or one of whose declared aliases, is exactly this name (width and spaces aside). */
export function exactContactForRole(role: string, contacts: readonly Contact[]): Contact | undefined {
  const full = normalizeRole(role);
  return contacts.find((c) => normalizeRole(c.role) === full) ?? contacts.find((c) => (c.aliases ?? []).some((alias) => normalizeRole(alias) === full));
}

/** Whether two role names mean the same role (same contact, or same words). */
export function sameRole(a: string, b: string, contacts: readonly Contact[]): boolean {
  if (baseRole(a) === baseRole(b)) return true;
  const contact = contactForRole(a, contacts);
  return contact !== undefined && contact === contactForRole(b, contacts);
}

const JOINERS = /と|、|・|,|及び|および|並びに/;

/** The roles a field names: itself, or its parts when it lists several (「代表取締役と工場長」). */
export function rolesIn(text: string, contacts: readonly Contact[]): string[] {
  if (contactForRole(text, contacts)) return [text];
  const parts = text
    .split(JOINERS)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.length > 1 ? parts : [text];
}

/** A field that holds a role, with its path in the answers file. */
export interface RoleField {
  path: (string | number)[];
  value: string;
}

/** The slots whose answer is one role the plan sends reports to or asks to act. */
export const ROLE_SLOTS = [1, 2, 3, 10, 14] as const;

/** The roles the plan asks to receive reports or act: #1# #2# #3# #10# #14# and the daily report line (#13#). */
export function planRoleFields(answers: Answers): RoleField[] {
  const fields: RoleField[] = [];
  for (const id of ROLE_SLOTS) {
    const value = answers.slots[id];
    if (value !== undefined) fields.push({ path: ['slots', String(id)], value });
  }
  const daily = answers.slots[13];
  if (daily) fields.push({ path: ['slots', '13', 'from'], value: daily.from }, { path: ['slots', '13', 'to'], value: daily.to });
  return fields;
}

/** Every role-holding field of the answers: the plan's roles, the route, the contacts, the approvers. */
export function roleFields(answers: Answers): RoleField[] {
  return [
    ...planRoleFields(answers),
    ...(answers.slots[8] ?? []).map((value, index) => ({ path: ['slots', '8', index], value })),
    ...answers.contacts.map((contact, index) => ({ path: ['contacts', index, 'role'], value: contact.role })),
    ...answers.revisions.map((revision, index) => ({ path: ['revisions', index, 'approvedBy'], value: revision.approvedBy })),
  ];
}
