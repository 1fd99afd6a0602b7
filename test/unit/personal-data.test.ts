/**
 * Personal data in free text, in any notation: each case is one field of the example
 * changed, and the whole `file:line:col  message  rule` that `bcp check` prints for it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/load.ts';
import { checkAnswerRules } from '../../src/answers/rules/index.ts';
import { normalizeText, phoneDigits, phoneNumbersIn } from '../../src/answers/rules/personal-data.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { FIXTURES } from '../helpers.ts';

const example = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8');
const NOTE = '    note: 保守契約あり。初動の助言は無償、現地対応は契約の単価による。';
const SUMMARY = '    summary: ひな形 1.0 をもとに初版を制定';
const ADVICE =
  '公開版で「非公開」に伏せられるよう、氏名・電話番号・メールアドレスは contacts の person・phone・mobile・email にだけ書いてください（会社の代表番号なら、その連絡先に public: true を付けます）。';

function personalData(text: string): string[] {
  const loaded = parseAnswers(text, 'answers.yaml');
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  return checkAnswerRules(loaded, { today: '2026-11-01' })
    .filter((p) => p.ruleId === 'personal-data-in-text' || p.ruleId === 'role-is-personal-name')
    .map(formatProblem);
}

function at(text: string, needle: string): string {
  const index = text.indexOf(needle);
  expect(index, `"${needle}" in the text`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/** Writes `value` into the note of the outside responder (a free-text field), as a YAML string. */
function withNote(value: string): string {
  expect(example.split(NOTE).length - 1).toBe(1);
  return example.replace(NOTE, `    note: ${JSON.stringify(value)}`);
}

describe('normalising', () => {
  it.each([
    ['０６－００００－１２０１', '06-0000-1201'],
    ['06\u200b-0000-\u200d1201', '06-0000-1201'],
    ['中村\u2060 美咲', '中村美咲'],
    ['ﾅｶﾑﾗ', 'ナカムラ'],
  ])('%j reads as %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['06-0000-1201', '0600001201'],
    ['+81-6-0000-1201', '0600001201'],
    ['+81(0)6-0000-1201', '0600001201'],
    ['(06)0000-1201', '0600001201'],
    ['06.0000.1201', '0600001201'],
    ['090-0000-1201', '09000001201'],
    ['2026-10-01', undefined],
    ['+1-212-555-0100', undefined],
  ])('phone %j has the digits %j', (input, expected) => {
    expect(phoneDigits(input)).toBe(expected);
  });

  it('finds no phone number in dates, versions and counts', () => {
    expect(phoneNumbersIn(normalizeText('2026-10-01 に第1.1版、年2回、48名'))).toEqual([]);
  });
});

describe('personal-data-in-text', () => {
  it('the example company passes', () => {
    expect(personalData(example)).toEqual([]);
  });

  it.each([
    // Phone numbers of staff in every notation: the contact is named as written in contacts.
    ['full-width digits', '直通 ０６－００００－１２０１', '連絡先の「06-0000-1201」'],
    ['zero-width inside', '直通 06-00\u200b00-1201', '連絡先の「06-0000-1201」'],
    ['+81', '直通 +81-6-0000-1201', '連絡先の「06-0000-1201」'],
    ['+81 with (0)', '直通 +81 (0)90 0000 1100', '連絡先の「090-0000-1100」'],
    ['dotted', '直通 06.0000.1000', '連絡先の「06-0000-1000」'],
    ['bracketed', '直通 (06)0000-1200', '連絡先の「06-0000-1200」'],
    ['spaced', '直通 090 0000 1201', '連絡先の「090-0000-1201」'],
    // A number nobody listed is still a phone number.
    ['an unlisted number', '代表 ０７２（０００）１２３４', '電話番号「072(000)1234」'],
    // Names: whole, with a format character, a two-character family name, name plus title.
    ['a full name', '担当は中村 美咲', '氏名「中村 美咲」'],
    ['a full name with a zero-width joiner', '担当は中\u200d村美咲', '氏名「中村 美咲」'],
    ['a two-character family name', '松本の判断で止める', '氏名「松本 健一」'],
    ['family name and title', '中村課長に連絡', '氏名「中村 美咲」'],
    ['a one-character family name with a title', '森さんが記録する', '氏名「森 由紀」'],
    ['a full-width-space name', '岡田　浩二社長', '氏名「岡田 浩二」'],
    // Addresses, in upper case and full-width.
    ['an address in full-width', 'ｐｌａｎｔ＠ｋａｍｏｍｅ－ｓｅｉｋｏ．ｅｘａｍｐｌｅ', '連絡先の「plant@kamome-seiko.example」'],
    ['an unlisted address', 'taro@example.jp', 'メールアドレス「taro@example.jp」'],
  ])('%s', (_case, note, kind) => {
    const text = withNote(note);
    expect(personalData(text)).toEqual([
      `answers.yaml:${at(text, JSON.stringify(note))}  エラー  \`contacts[id=outside-responder「外部専門家」].note\`: ${kind}が書かれています。${ADVICE}  personal-data-in-text`,
    ]);
  });

  it.each([
    ['the public desk in another notation', '窓口 ０６（００００）９１１０ support@MINATO-cyber.example'],
    ['a word that only contains a one-character name', '森林組合の倉庫'],
    ['dates and versions', '2026-10-01 に第1.1版、06時00分'],
  ])('passes %s', (_case, note) => {
    expect(personalData(withNote(note))).toEqual([]);
  });

  it('reports the field where it stands, in a revision summary too', () => {
    const text = example.replace(SUMMARY, '    summary: ひな形 1.0 をもとに岡田社長が承認');
    expect(personalData(text)).toEqual([
      `answers.yaml:${at(text, 'ひな形 1.0 をもとに岡田')}  エラー  \`revisions[0].summary\`: 氏名「岡田 浩二」が書かれています。${ADVICE}  personal-data-in-text`,
    ]);
  });

  it('role-is-personal-name: a name with a title in a role field', () => {
    const text = example.replace('    approvedBy: 代表取締役\n  - version: "1.1"', '    approvedBy: 岡田社長\n  - version: "1.1"');
    expect(personalData(text)).toEqual([
      `answers.yaml:${at(text, '岡田社長')}  エラー  \`revisions[0].approvedBy\`: 役割の欄「岡田社長」に個人名（岡田浩二）が入っています。担当が替わっても使えるよう役職名か部署名で書き、氏名は contacts の person にだけ書いてください。  role-is-personal-name`,
    ]);
  });
});
