/**
 * Japanese wording for the answers (and glossary) schema's problems, one sentence per
 * bad field.
 *
 * `zodErrorMap` is passed to `safeParse`, so zod only asks it for issues the schema
 * did not word itself: a message written in the schema (regex, refine, addIssue) always
 * reaches the user. `yamlMistake` then replaces the message for the mistakes people
 * make most in YAML, where the schema's sentence would miss the point (a number that
 * was meant as text, a `#` that started a comment, a date with slashes, full-width digits).
 */
import type * as z from 'zod';
import { OUTSIDE_RESPONDER_ID } from '../slots/template.ts';

const TYPE_NAMES: Record<string, string> = {
  string: '文字列',
  number: '数値',
  int: '整数',
  boolean: 'true か false',
  array: '一覧（- で始まる行の並び）',
  object: 'キーと値の組（入れ子の項目）',
};

/** `contacts[2].phone`, `slots.7`: the path as a person finds it in the YAML. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '（ファイル全体）' : out;
}

/**
 * `text` with each contact named by its id and role instead of its place in the list
 * (`contacts[4].mobile` → `contacts[id=outside-responder「外部専門家」].mobile`), the way a
 * person knows them; `contacts` is the list as read (valid or not). A contact with neither
 * keeps its number.
 */
export function nameContacts(text: string, contacts: unknown): string {
  if (!Array.isArray(contacts)) return text;
  return text.replace(/\bcontacts\[(\d+)\]/g, (whole, index: string) => {
    const contact = contacts[Number(index)] as { id?: unknown; role?: unknown } | undefined;
    const id = typeof contact?.id === 'string' && contact.id.trim() !== '' ? contact.id.trim() : undefined;
    const role = typeof contact?.role === 'string' && contact.role.trim() !== '' ? contact.role.trim() : undefined;
    if (id && role) return `contacts[id=${id}「${role}」]`;
    if (id) return `contacts[id=${id}]`;
    if (role) return `contacts[「${role}」]`;
    return whole;
  });
}

/** The per-parse error map: Japanese for every issue the schema left unworded. */
export const zodErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '必須の項目がありません。書き足してください。';
      if (issue.input === null) return '値が空です。「:」の後に値を書いてください。';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `${expected}で書いてください。`;
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `\`${k}\``).join('、');
      const atSlots = issue.path?.length === 1 && issue.path[0] === 'slots';
      if (atSlots && issue.keys.some((k) => k === '11' || k === '12')) {
        return `知らない項目 ${keys} があります。枠 11・12 は contacts の id: ${OUTSIDE_RESPONDER_ID} の organisation と phone から取るので、slots には書きません。`;
      }
      // issue 20: the backup's media, offline and offsite moved into each copy.
      if (issue.path?.at(-1) === 'backup' && issue.keys.some((k) => k === 'media' || k === 'offline' || k === 'offsite')) {
        return `知らない項目 ${keys} があります。バックアップはコピーごとに書く形になりました: copies を一覧にし、各コピーに kind（媒体）・offline・offsite・place（置き場所）を書いてください（例: - { kind: 外付けHDD, offline: true, offsite: true, place: 本社の金庫 }）。`;
      }
      return `知らない項目 ${keys} があります。綴りを確かめるか、消してください。`;
    }
    case 'too_small':
      if (issue.origin === 'string') return '空です。値を書いてください。';
      if (issue.origin === 'array') return `${String(issue.minimum)}件以上書いてください。`;
      return `${String(issue.minimum)}以上にしてください。`;
    case 'too_big':
      if (issue.origin === 'string') return `長すぎます（${String(issue.maximum)}文字まで）。`;
      if (issue.origin === 'array') return `${String(issue.maximum)}件までにしてください。`;
      return `${String(issue.maximum)}以下にしてください。`;
    case 'invalid_value':
      return `次のどれかにしてください: ${issue.values.map(String).join('、')}`;
    case 'invalid_format':
      return '書き方が正しくありません。ファイルの先頭のコメントと見本の回答を見て直してください。';
    default:
      return '値の形が正しくありません。見本の回答と同じ形で書いてください。';
  }
};

/** What the YAML file holds at an issue's path, beyond the parsed value. */
export interface YamlValue {
  /** The value as parsed. */
  value: unknown;
  /** The value's text as written (plain or quoted scalars only). */
  source?: string;
  /** The rest of the key's line after `key:`, when the value is empty (`# 内線なし`). */
  afterKey?: string;
}

const FULL_WIDTH = /[０-９Ａ-Ｚａ-ｚ－．／：]/;
const SLASH_DATE = /^(\d{4})\s*[/.年]\s*(\d{1,2})\s*[/.月]\s*(\d{1,2})日?$/;
const PHONE_KEY = /^(phone|mobile)$/;

/**
 * The one message for a common YAML mistake at an issue's field, or undefined when the
 * issue is not one of them.
 */
export function yamlMistake(issue: z.core.$ZodIssue, at: YamlValue): string | undefined {
  const key = issue.path.at(-1);
  if (issue.code === 'invalid_type' && issue.expected === 'string') {
    if (at.value === null && at.afterKey?.startsWith('#')) {
      const text = at.afterKey.trim();
      return `「#」から後ろはコメントとして読まれるため、値が空になっています。「#」で始まる値は "${text}" のように引用符で囲んでください。`;
    }
    if (typeof at.value === 'number' && at.source !== undefined) {
      if (typeof key === 'string' && PHONE_KEY.test(key) && /^0\d+$/.test(at.source)) {
        return `ハイフンのない電話番号「${at.source}」は数値として読まれ、先頭の 0 が消えます。「06-1234-5678」のように市外局番・局番・番号の間にハイフンを入れてください。`;
      }
      if (/^0\d+$/.test(at.source)) {
        return `「${at.source}」は数値として読まれ、先頭の 0 が消えます。"${at.source}" のように引用符で囲んでください。`;
      }
      const read = String(at.value) === at.source ? '数値' : `数値の ${String(at.value)} `;
      return `「${at.source}」は${read}として読まれます。文字として扱うよう "${at.source}" のように引用符で囲んでください。`;
    }
  }
  // Only where the value's form was refused: a too-long name written in full width is not this mistake.
  if (typeof at.value === 'string' && issue.code === 'invalid_format') {
    const date = SLASH_DATE.exec(at.value.trim());
    if (date) {
      const iso = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
      return `日付は「/」ではなく「-」でつないで「${iso}」のように 年-月-日 で書いてください。`;
    }
    if (FULL_WIDTH.test(at.value)) {
      const half = at.value.normalize('NFKC');
      return `全角の数字や英字が入っています。「${half.trim()}」のように半角で書いてください。`;
    }
  }
  return undefined;
}
