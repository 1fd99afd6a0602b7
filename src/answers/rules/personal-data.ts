/**
 * Personal data stays in the fields a public build masks (`CONFIDENTIAL_PATHS`):
 * role fields hold roles, not the people who hold them today, and no other field
 * carries a staff member's name, a phone number or an email address, which would
 * otherwise be published as written.
 */
import type { Problem } from '../../errors/catalogue.ts';
import { formatPath } from '../error-map.ts';
import { confidentialValues } from '../mask.ts';
import type { Answers } from '../schema.ts';
import { problemAt, type Rule } from './context.ts';
import { stringFields } from './fields.ts';
import { roleFields } from './roles.ts';

const HONORIFIC = /(さん|氏|君|くん|ちゃん)$/;
const PHONE = /(?:\+81-?|0)\d{1,4}-\d{1,4}-\d{3,4}|(?<!\d)0\d{9,10}(?!\d)/;
const EMAIL = /[^\s@<>()（）「」]+@[^\s@<>()（）「」]+\.[a-z]{2,}/i;
/** Contact fields that are meant to hold these details. */
const CHANNEL_FIELDS = new Set(['person', 'phone', 'mobile', 'email']);

function squash(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** The staff names to look for: each full name, and each part of two characters or more (a family name). */
function staffNames(answers: Answers): Array<{ name: string; needle: string }> {
  const names: Array<{ name: string; needle: string }> = [];
  for (const contact of answers.contacts) {
    if (contact.public === true || contact.person === undefined) continue;
    const parts = contact.person.normalize('NFKC').split(/\s+/).filter((part) => part.length >= 2);
    for (const needle of new Set([squash(contact.person), ...parts])) names.push({ name: contact.person, needle });
  }
  return names;
}

/** What kind of personal data a text holds, worded for the message; undefined when none. */
function personalDataIn(text: string, names: Array<{ name: string; needle: string }>, secrets: string[], published: Set<string>) {
  // Two-character family names alone are too common in other words to flag in free text.
  const name = names.find((n) => n.needle.length >= 3 && text.includes(n.needle));
  if (name) return `氏名「${name.name}」`;
  const secret = secrets.find((s) => s.length >= 3 && text.includes(s));
  if (secret) return `連絡先の「${secret}」`;
  const phone = PHONE.exec(text)?.[0];
  if (phone !== undefined && !published.has(phone)) return `電話番号「${phone}」`;
  const email = EMAIL.exec(text)?.[0];
  if (email !== undefined && !published.has(email)) return `メールアドレス「${email}」`;
  return undefined;
}

export const personalDataRules: Rule = (context) => {
  const { answers } = context;
  const problems: Problem[] = [];
  const names = staffNames(answers);

  const roleProblem = new Set<string>();
  for (const field of roleFields(answers)) {
    const text = squash(field.value);
    const hit = names.find((n) => text.includes(n.needle));
    if (!hit && !HONORIFIC.test(text)) continue;
    roleProblem.add(formatPath(field.path));
    problems.push(problemAt(context, 'role-is-personal-name', field.path, { path: formatPath(field.path), value: field.value, name: hit?.needle }));
  }

  // Phone numbers and addresses of `public: true` contacts may be repeated anywhere.
  const published = new Set(
    answers.contacts.filter((c) => c.public === true).flatMap((c) => [c.phone, c.mobile, c.email].filter((v) => v !== undefined).map(squash)),
  );
  const secrets = confidentialValues(answers).map(squash);
  for (const field of stringFields(answers, (path, key) => path.length === 2 && path[0] === 'contacts' && CHANNEL_FIELDS.has(key))) {
    const path = formatPath(field.path);
    if (roleProblem.has(path)) continue;
    const text = squash(field.value);
    const kind = personalDataIn(text, names, secrets, published);
    if (kind) problems.push(problemAt(context, 'personal-data-in-text', field.path, { path, kind }));
  }
  return problems;
};
