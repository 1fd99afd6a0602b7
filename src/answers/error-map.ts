/**
 * Turns zod issues into one Japanese sentence per bad field. Messages written in the
 * schema itself (regex, refine) pass through; zod's own English ones are replaced here.
 */
import type * as z from 'zod';
import { OUTSIDE_RESPONDER_ID } from '../template/slots.ts';

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

/** `present`: whether the file has a value at the issue's path (zod does not echo inputs). */
export function describeIssue(issue: z.core.$ZodIssue, present: boolean): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (!present) return '必須の項目がありません。書き足してください。';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `${expected}で書いてください。`;
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map((k) => `\`${k}\``).join('、');
      const atSlots = issue.path.length === 1 && issue.path[0] === 'slots';
      if (atSlots && issue.keys.some((k) => k === '11' || k === '12')) {
        return `知らない項目 ${keys} があります。枠 11・12 は contacts の id: ${OUTSIDE_RESPONDER_ID} の organisation と phone から取るので、slots には書きません。`;
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
    default:
      // Schema-authored messages are already Japanese; zod's defaults start in English.
      return /^[\x00-\x7f]/.test(issue.message) ? '値の形が正しくありません。' : issue.message;
  }
}
