/** The answers schema's errors: one Japanese message per bad field, at the field's line. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersJsonSchema, JSON_SCHEMA_FILE } from '../../src/answers/json-schema.ts';
import { parseAnswers } from '../../src/answers/load.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { slotsOf } from '../../src/slots/template.ts';
import { FIXTURES, ROOT } from '../helpers.ts';

const example = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8');
const check = (text: string, options = {}) => parseAnswers(text, 'answers.yaml', options).problems.map(formatProblem);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('answers schema', () => {
  it('accepts the example company', () => {
    expect(check(example)).toEqual([]);
  });

  it('reports a malformed duration at its line with the field path', () => {
    const text = example.replace('  7: 2時間以内', '  7: 2時間くらい');
    expect(check(text)).toEqual([
      `answers.yaml:${lineOf(text, '2時間くらい')}:6  エラー  \`slots.7\`: 時間は「2時間以内」「30分以内」「3日以内」のように、数字・単位（分・時間・日）・「以内」で書いてください。  answers-invalid`,
    ]);
  });

  it('rejects a misspelt key at the key itself', () => {
    const text = example.replace('  confidentiality: 社外秘', '  confidentiallity: 社外秘');
    const line = lineOf(text, 'confidentiallity');
    expect(check(text)).toEqual([
      `answers.yaml:${lineOf(text, 'plan:')}:1  エラー  \`plan.confidentiality\`: 必須の項目がありません。書き足してください。  answers-invalid`,
      `answers.yaml:${line}:3  エラー  \`plan.confidentiallity\`: 知らない項目 \`confidentiallity\` があります。綴りを確かめるか、消してください。  answers-invalid`,
    ]);
  });

  it('explains that slots 11 and 12 come from the contact list', () => {
    const text = example.replace('  13:\n', '  11: どこかの会社\n  13:\n');
    expect(check(text)).toEqual([
      `answers.yaml:${lineOf(text, '11: どこかの会社')}:3  エラー  \`slots.11\`: 知らない項目 \`11\` があります。枠 11・12 は contacts の id: outside-responder の organisation と phone から取るので、slots には書きません。  answers-invalid`,
    ]);
  });

  it('checks phone numbers, lists and types', () => {
    const text = example.replace('phone: 06-0000-9110', 'phone: 06-0000-911O').replace('  employees: 48', '  employees: たくさん');
    expect(check(text)).toEqual([
      `answers.yaml:${lineOf(text, 'employees:')}:14  エラー  \`company.employees\`: 数値で書いてください。  answers-invalid`,
      `answers.yaml:${lineOf(text, '911O')}:12  エラー  \`contacts[id=outside-responder「外部専門家」].phone\`: 電話番号は半角の数字とハイフンで「06-1234-5678」「090-1234-5678」のように書いてください。  answers-invalid`,
    ]);
  });

  it('names the slots added and removed when the answers are for another template version', () => {
    const v1 = slotsOf('1.0');
    const versions = { '1.0': v1, '2.0': [...v1.filter((s) => s.id !== 2), { ...v1[0]!, id: 19, label: '新しい枠' }] };
    const messages = check(example, { contentTemplateVersion: '2.0', templateVersions: versions });
    expect(messages).toEqual([
      `answers.yaml:${lineOf(example, 'templateVersion')}:18  エラー  回答はひな形 1.0 向けですが、本文はひな形 2.0 です。2.0 で増えた枠: #19#（新しい枠）。2.0 でなくなった枠: #2#（もう一つの報告先）。\`bcp migrate --to 2.0\` で回答ファイルを書き換え、空になった欄を埋めてください。  template-version-mismatch`,
    ]);
  });

  it('reports an unknown template version with the known ones', () => {
    const text = example.replace('templateVersion: "1.0"', 'templateVersion: "0.9"');
    expect(check(text)).toEqual([
      `answers.yaml:${lineOf(text, 'templateVersion')}:18  エラー  templateVersion「0.9」のひな形は知りません。対応している版: 1.0。  template-version-unknown`,
    ]);
  });

  it('keeps the committed JSON Schema in step with the zod schema', () => {
    expect(readFileSync(path.join(ROOT, JSON_SCHEMA_FILE), 'utf8'), 'run `npm run schema`').toBe(answersJsonSchema());
  });

  it('is referenced from the example answers for editors', () => {
    expect(readFileSync(path.join(ROOT, 'answers', 'answers.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\/answers\.schema\.json$/m);
  });
});
