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
import { PERSONAL_CONTACT_FIELDS, findAddresses, findPhoneNumbers, knownPersonalValues, needlesFor, type Needle } from '../personal-notations.ts';
import type { Answers } from '../schema.ts';
import { problemAt, type Rule } from './context.ts';
import { stringFields } from './fields.ts';
import { roleFields } from './roles.ts';

const HONORIFIC = /(さん|氏|君|くん|ちゃん|様)$/;
/** What may follow a name to make it a person: titles and honorifics. */
const TITLES = ['さん', '様', '氏', '君', 'くん', '課長', '部長', '係長', '主任', '社長', '会長', '専務', '常務', '取締役', '工場長', '所長', '室長', '班長', '担当', 'リーダー'];
/** Contact fields that are meant to hold these details. */
const CHANNEL_FIELDS = new Set<string>(PERSONAL_CONTACT_FIELDS);

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

/** Every phone number in a text, as written and as digits (any notation: see personal-notations.ts). */
export function phoneNumbersIn(text: string): Array<{ written: string; digits: string }> {
  return findPhoneNumbers(text);
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

/**
 * Every kind of personal data a field holds, worded for the message, all at once: the known
 * staff details in any notation (`personal-notations.ts`), then phone numbers and addresses
 * nobody listed, except a public desk's.
 */
function personalDataIn(written: string, names: NamePattern[], needles: Needle[], published: Set<string>): string[] {
  const text = normalizeText(written);
  const kinds: string[] = [];
  const add = (kind: string) => {
    if (!kinds.includes(kind)) kinds.push(kind);
  };
  for (const name of names) if (name.pattern.test(text)) add(`氏名「${name.name}」`);
  const known = new Set<string>();
  for (const needle of needles) {
    if (!needle.test(written)) continue;
    // A staff name found by both patterns is named once.
    if (needle.value.field === 'person' && kinds.includes(needle.kind)) continue;
    add(needle.kind);
    const digits = phoneDigits(needle.value.value);
    if (digits !== undefined) known.add(digits);
    known.add(needle.value.value.toLowerCase());
  }
  for (const phone of findPhoneNumbers(written)) {
    if (!published.has(phone.digits) && !known.has(phone.digits)) add(`電話番号「${phone.written}」`);
  }
  for (const address of findAddresses(written)) {
    const plain = address.replace(/\s*(?:\(at\)|\[at\]|<at>|アット|\s+at\s+)\s*/, '@').replace(/\s*(?:\(dot\)|\[dot\])\s*|\s+dot\s+/g, '.');
    if (!published.has(plain) && !known.has(plain)) add(`メールアドレス「${address}」`);
  }
  return kinds;
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
    ...desks.flatMap((c) => (c.email === undefined ? [] : [c.email.normalize('NFKC').toLowerCase()])),
  ]);
  const needles = needlesFor(knownPersonalValues(answers));
  for (const field of stringFields(answers, (path, key) => path.length === 2 && path[0] === 'contacts' && CHANNEL_FIELDS.has(key))) {
    const path = formatPath(field.path);
    if (roleProblem.has(path)) continue;
    const kinds = personalDataIn(field.value, names, needles, published);
    if (kinds.length > 0) problems.push(problemAt(context, 'personal-data-in-text', field.path, { path, kind: kinds.join('、') }));
  }
  return problems;
};
