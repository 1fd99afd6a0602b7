/**
 * Personal data in any notation (issue 21): the staff details the company wrote in
 * `contacts` (names, readings, phone numbers, addresses), and generic phone numbers and
 * addresses, found in text however they are written.
 *
 * - Widths, format characters and case: NFKC, no `\p{Cf}`, lower case.
 * - Kanji numerals 〇一二三四五六七八九 (and 零) read as digits, for phone numbers only.
 * - Phone numbers by their digits across any separators (`-` `/` `_` `.` `・` spaces,
 *   brackets, dashes) with `+81`, `81` or `0` in front, also after a digit or a label
 *   (`1. 090-…`, `No.1 090-…`, `連絡 2 06-…`): each group of digits may start a number.
 * - Readings: hiragana and katakana alike; romaji in either order, any case.
 * - Addresses written `@`, `＠`, ` at `, `(at)`, `[at]`, `アット`, with `.`, ` dot `, `(dot)`,
 *   and `name@localhost`.
 *
 * Pure functions, no imports beyond the answers' types: the check and the public build
 * both use them.
 */
import type { Answers } from './schema.ts';

/** The fields of a contact that hold personal data (masked in a public build unless `public: true`). */
export const PERSONAL_CONTACT_FIELDS = ['person', 'reading', 'romaji', 'phone', 'mobile', 'email'] as const;
export type PersonalField = (typeof PERSONAL_CONTACT_FIELDS)[number];

/** One known personal value: the contact it belongs to and the field it is in. */
export interface PersonalValue {
  /** Index of the contact in `contacts`. */
  contact: number;
  field: PersonalField;
  /** As written in the answers. */
  value: string;
}

/** Every personal value of the contacts that are not a public desk. */
export function knownPersonalValues(answers: Pick<Answers, 'contacts'>): PersonalValue[] {
  return answers.contacts.flatMap((contact, index) => {
    if (contact.public === true) return [];
    const record = contact as Record<string, unknown>;
    return PERSONAL_CONTACT_FIELDS.flatMap((field) => {
      const value = record[field];
      return typeof value === 'string' && value.trim() !== '' ? [{ contact: index, field, value }] : [];
    });
  });
}

const KANJI_DIGITS: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** NFKC, no format characters (zero-width and the like). */
export function widthFolded(text: string): string {
  return text.normalize('NFKC').replace(/\p{Cf}+/gu, '');
}

/** For phone numbers: width-folded, kanji numerals as digits. */
export function digitText(text: string): string {
  return widthFolded(text).replace(/[〇零一二三四五六七八九]/g, (c) => KANJI_DIGITS[c]!);
}

/** Hiragana as katakana (readings are compared in one script), width-folded, without spaces and middle dots. */
export function kanaText(text: string): string {
  return widthFolded(text)
    .replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
    .replace(/[\s・･]+/g, '');
}

/** The national form of a Japanese phone number (`0600001201`), from digits with `81` or `0` in front; undefined when not one. */
export function nationalDigits(digits: string): string | undefined {
  let national = digits;
  if (national.startsWith('81')) {
    national = national.slice(2);
    if (!national.startsWith('0')) national = `0${national}`;
  }
  return /^0[1-9]\d{8,9}$/.test(national) ? national : undefined;
}

/** Characters that may stand between the digit groups of a phone number, after `digitText`. */
const SEPARATOR = String.raw`[\s\-/_.・･()（）\[\]「」‐‑‒–—―−ー~〜]`;
/** A run of digit groups joined by short separators, with an optional `+` in front. */
const RUN = new RegExp(String.raw`\+?\d+(?:${SEPARATOR}{1,3}\d+)*`, 'g');

export interface FoundNumber {
  /** As it stands in the text (after `digitText`), from its first digit group. */
  written: string;
  /** National digits: `0600001201`. */
  digits: string;
}

/**
 * Every phone number in `text`: any group of a run of digit groups may start one (so a
 * digit or a label before it does not hide it), which runs on to a last group of four digits
 * (the subscriber number) or is one group of 10–11 digits; `+81`, `81` or `0` in front.
 */
export function findPhoneNumbers(text: string): FoundNumber[] {
  const source = digitText(text);
  const found: FoundNumber[] = [];
  const seen = new Set<string>();
  for (const run of source.matchAll(RUN)) {
    const groups = [...run[0].matchAll(/\d+/g)].map((g) => ({ digits: g[0], start: run.index + g.index, end: run.index + g.index + g[0].length }));
    for (let i = 0; i < groups.length; i++) {
      let digits = '';
      for (let j = i; j < groups.length && digits.length <= 13; j++) {
        digits += groups[j]!.digits;
        const single = i === j;
        if (!single && groups[j]!.digits.length !== 4) continue;
        const national = nationalDigits(digits);
        if (national === undefined || (single && !/^(?:81)?0?\d{9,11}$/.test(digits))) continue;
        const plus = groups[i]!.start > 0 && source[groups[i]!.start - 1] === '+' ? 1 : 0;
        const written = source.slice(groups[i]!.start - plus, groups[j]!.end);
        if (!seen.has(national)) found.push({ written, digits: national });
        seen.add(national);
        break;
      }
    }
  }
  return found;
}

/** The digits of every run of digit groups in `text` (a number glued to a digit before it is inside one). */
function digitRuns(text: string): string[] {
  return [...digitText(text).matchAll(RUN)].map((run) => run[0].replace(/\D/g, ''));
}

const AT = String.raw`\s*(?:@|\(at\)|\[at\]|<at>|アット|\s+at\s+)\s*`;
const DOT = String.raw`(?:\.|\s*\(dot\)\s*|\s*\[dot\]\s*|\s+dot\s+)`;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches `address` in any of the notations above (the text lower-cased and width-folded first). */
function addressPattern(address: string): RegExp | undefined {
  const [local, domain] = address.toLowerCase().split('@');
  if (!local || !domain) return undefined;
  return new RegExp(`(?<![\\w.+-])${escape(local)}${AT}${domain.split('.').map(escape).join(DOT)}(?![\\w-])`);
}

/** An address nobody listed: `name@host.tld`, `name@localhost`, or `at`/`(at)`/`[at]` with a dotted domain. */
const GENERIC_ADDRESS = new RegExp(
  String.raw`[a-z0-9][\w.+-]*(?:@[a-z0-9-]+(?:\.[a-z0-9-]+)*|(?:\(at\)|\[at\]|<at>|アット)\s*[a-z0-9-]+(?:${DOT}[a-z0-9-]+)+|\s+at\s+[a-z0-9-]+(?:${DOT}[a-z0-9-]+)*${DOT}[a-z]{2,})`,
  'g',
);

/** Every address-like string in `text`, lower-cased: `@` ones with any host, `at` ones with a dotted domain. */
export function findAddresses(text: string): string[] {
  const source = widthFolded(text).toLowerCase();
  return [...source.matchAll(GENERIC_ADDRESS)].map((m) => m[0]).filter((m) => /@|\(at\)|\[at\]|<at>|アット|\sat\s/.test(m) && !/^\d+\s+at\s/.test(m));
}

/** What may follow a name to make it a person: titles and honorifics. */
export const TITLES = ['さん', '様', '氏', '君', 'くん', 'ちゃん', '課長', '部長', '係長', '主任', '社長', '会長', '専務', '常務', '取締役', '工場長', '所長', '室長', '班長', '担当', 'リーダー'];
const OPEN = '[（(【\\[「『〔]';
const CLOSE = '[）)】\\]」』〕]';

/** One way of finding a known value in text. */
export interface Needle {
  value: PersonalValue;
  /** Says what was found, for the message: `氏名「中村 美咲」`. */
  kind: string;
  /** True when `text` holds the value in some notation. */
  test: (text: string) => boolean;
}

const kindOf = (value: PersonalValue): string =>
  value.field === 'person' ? `氏名「${value.value}」` : value.field === 'reading' || value.field === 'romaji' ? `氏名の読み「${value.value}」` : `連絡先の「${value.value}」`;

/**
 * How each known value is found. Names: whole; each part of two characters or more; any
 * part with a title or next to a bracket (`森（総務課）`, `総務課（森）`). Readings: whole, and
 * parts of three kana or more (or with a title). Romaji: either order, whole words.
 */
export function needlesFor(values: readonly PersonalValue[]): Needle[] {
  return values.flatMap((value): Needle[] => {
    const kind = kindOf(value);
    if (value.field === 'phone' || value.field === 'mobile') {
      const own = nationalDigits(value.value.replace(/\D/g, '')) ?? (value.value.replace(/\D/g, '') || undefined);
      if (own === undefined) return [];
      const abroad = `81${own.slice(1)}`;
      return [{ value, kind, test: (text) => digitRuns(text).some((digits) => digits.includes(own) || digits.includes(abroad)) }];
    }
    if (value.field === 'email') {
      const pattern = addressPattern(widthFolded(value.value));
      if (!pattern) return [];
      return [{ value, kind, test: (text) => pattern.test(widthFolded(text).toLowerCase()) }];
    }
    if (value.field === 'romaji') {
      const words = widthFolded(value.value).toLowerCase().split(/[\s,.・-]+/).filter(Boolean);
      if (words.length === 0) return [];
      const orders = [words.join('\\s*'), [...words].reverse().join('\\s*')].map((order) => order.split('\\s*').map(escape).join('[\\s,.・-]*'));
      const alone = words.filter((word) => word.length >= 4).map(escape);
      const pattern = new RegExp(`(?<![a-z])(?:${[...orders, ...alone].join('|')})(?![a-z])`);
      return [{ value, kind, test: (text) => pattern.test(widthFolded(text).toLowerCase()) }];
    }
    const reading = value.field === 'reading';
    const fold = reading ? kanaText : (text: string) => widthFolded(text).replace(/\s+/g, '');
    const parts = (reading ? widthFolded(value.value).replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)) : widthFolded(value.value))
      .split(/[\s・･]+/)
      .filter(Boolean);
    const minimum = reading ? 3 : 2;
    const whole = escape(fold(value.value));
    const alone = parts.filter((part) => [...part].length >= minimum).map(escape);
    const any = parts.map(escape).join('|');
    const titled = TITLES.map((title) => escape(fold(title))).join('|');
    // A part before a bracket only where no other kanji precedes it (「森（」, not 「青森（」).
    const source = [whole, ...alone, `(?:${any})(?:${titled})`, `(?<!\\p{Script=Han})(?:${any})(?=${OPEN})`, `${OPEN}(?:${any})${CLOSE}`];
    const pattern = new RegExp(source.join('|'), 'u');
    return [{ value, kind, test: (text) => pattern.test(fold(text)) }];
  });
}
