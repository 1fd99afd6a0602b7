/**
 * Personal data stays in the contact fields a public build masks: role fields hold
 * roles, not the people who hold them today, and no other field carries a staff
 * member's name, a phone number or an email address.
 *
 * Text is normalised before it is matched (NFKC, format characters such as zero-width
 * spaces removed, whitespace dropped), phone numbers are compared by their digits in
 * any common notation (full-width, +81, dotted, bracketed, spaced), and names are found
 * whole, by family or given name of two characters or more, and by any part followed by
 * a title or honorific (「森課長」「中村さん」).
 */
import type { Problem } from '../../errors/catalogue.ts';
import { formatPath } from '../error-map.ts';
import { personalValues } from '../mask.ts';
import type { Answers } from '../schema.ts';
import { problemAt, type Rule } from './context.ts';
import { stringFields } from './fields.ts';
import { roleFields } from './roles.ts';

const HONORIFIC = /(さん|氏|君|くん|ちゃん|様)$/;
/** What may follow a name to make it a person: titles and honorifics. */
const TITLES = ['さん', '様', '氏', '君', 'くん', '課長', '部長', '係長', '主任', '社長', '会長', '専務', '常務', '取締役', '工場長', '所長', '室長', '班長', '担当', 'リーダー'];
/** Characters a phone number may be written with between its digits, after NFKC. */
const PHONE_RUN = /\+?[\d(][\d\-.()‐‑‒–—―−ー]{8,}\d/g;
const EMAIL = /[^\s@<>()（）「」]+@[^\s@<>()（）「」]+\.[a-z]{2,}/i;
/** Contact fields that are meant to hold these details. */
const CHANNEL_FIELDS = new Set(['person', 'phone', 'mobile', 'email']);

/** NFKC, then no format characters (zero-width and the like) and no whitespace. */
export function normalizeText(text: string): string {
  return spacedText(text).replace(/\s+/g, '');
}

/** NFKC without format characters, spaces kept (they end an email address). */
function spacedText(text: string): string {
  return text.normalize('NFKC').replace(/\p{Cf}+/gu, '');
}

/** The digits of a phone number as dialled inside Japan: `+81 (0)6.0000.1201` → `0600001201`; undefined when not one. */
export function phoneDigits(text: string): string | undefined {
  let digits = text.replace(/\D/g, '');
  if (text.trimStart().startsWith('+')) {
    if (!digits.startsWith('81')) return undefined;
    digits = digits.slice(2);
    if (!digits.startsWith('0')) digits = `0${digits}`;
  }
  return /^0\d{9,10}$/.test(digits) ? digits : undefined;
}

/** Every phone number in a normalised text, as written and as digits. */
export function phoneNumbersIn(text: string): Array<{ written: string; digits: string }> {
  return [...text.matchAll(PHONE_RUN)].flatMap((match) => {
    const digits = phoneDigits(match[0]);
    return digits === undefined ? [] : [{ written: match[0], digits }];
  });
}

interface NamePattern {
  /** The contact's name as written, for the message. */
  name: string;
  /** Matches the name, or a part of it, where it names a person. */
  pattern: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How each staff name is found: whole; each part of two characters or more; any part with a title. */
function staffNames(answers: Answers): NamePattern[] {
  const titles = TITLES.map(escape).join('|');
  return answers.contacts.flatMap((contact) => {
    if (contact.public === true || contact.person === undefined) return [];
    const parts = contact.person.normalize('NFKC').split(/\s+/).filter(Boolean);
    const alone = [normalizeText(contact.person), ...parts.filter((part) => part.length >= 2)].map(escape);
    const pattern = new RegExp(`${alone.join('|')}|(?:${parts.map(escape).join('|')})(?:${titles})`);
    return [{ name: contact.person, pattern }];
  });
}

/** What kind of personal data a field holds, worded for the message; undefined when none. */
function personalDataIn(written: string, names: NamePattern[], secrets: string[], personalPhones: Map<string, string>, published: Set<string>) {
  const text = normalizeText(written);
  const name = names.find((n) => n.pattern.test(text));
  if (name) return `氏名「${name.name}」`;
  const secret = secrets.find((s) => s.length >= 3 && text.toLowerCase().includes(s.toLowerCase()));
  if (secret) return `連絡先の「${secret}」`;
  for (const phone of phoneNumbersIn(text)) {
    const own = personalPhones.get(phone.digits);
    if (own !== undefined) return `連絡先の「${own}」`;
    if (!published.has(phone.digits)) return `電話番号「${phone.written}」`;
  }
  const email = EMAIL.exec(spacedText(written))?.[0];
  if (email !== undefined && !published.has(email.toLowerCase())) return `メールアドレス「${email}」`;
  return undefined;
}

export const personalDataRules: Rule = (context) => {
  const { answers } = context;
  const problems: Problem[] = [];
  const names = staffNames(answers);

  const roleProblem = new Set<string>();
  for (const field of roleFields(answers)) {
    const text = normalizeText(field.value);
    const hit = names.find((n) => n.pattern.test(text));
    if (!hit && !HONORIFIC.test(text)) continue;
    roleProblem.add(formatPath(field.path));
    problems.push(problemAt(context, 'role-is-personal-name', field.path, { path: formatPath(field.path), value: field.value, name: hit ? normalizeText(hit.name) : undefined }));
  }

  // Phone numbers and addresses of `public: true` contacts may be repeated anywhere.
  const desks = answers.contacts.filter((c) => c.public === true);
  const published = new Set([
    ...desks.flatMap((c) => [c.phone, c.mobile].flatMap((v) => (v === undefined ? [] : [phoneDigits(v) ?? '']))),
    ...desks.flatMap((c) => (c.email === undefined ? [] : [c.email.toLowerCase()])),
  ]);
  const personal = personalValues(answers);
  const personalPhones = new Map(personal.flatMap((v) => (phoneDigits(v) === undefined ? [] : [[phoneDigits(v)!, v] as const])));
  const secrets = personal.filter((v) => phoneDigits(v) === undefined).map(normalizeText);
  for (const field of stringFields(answers, (path, key) => path.length === 2 && path[0] === 'contacts' && CHANNEL_FIELDS.has(key))) {
    const path = formatPath(field.path);
    if (roleProblem.has(path)) continue;
    const kind = personalDataIn(field.value, names, secrets, personalPhones, published);
    if (kind) problems.push(problemAt(context, 'personal-data-in-text', field.path, { path, kind }));
  }
  return problems;
};
