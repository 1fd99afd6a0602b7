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
import { at } from '../text-edits.ts';

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

describe('personal data in any notation (issue 21)', () => {
  // 中村 美咲 and 森 由紀 with their readings, as a company may give them.
  const withReadings = (text: string) =>
    text
      .replace('    person: 中村 美咲\n', '    person: 中村 美咲\n    reading: なかむら みさき\n    romaji: Misaki Nakamura\n')
      .replace('    person: 森 由紀\n', '    person: 森 由紀\n    reading: モリ ユキ\n');
  const message = (text: string, needle: string, path: string, kind: string) =>
    `answers.yaml:${at(text, needle)}  エラー  \`${path}\`: ${kind}が書かれています。${ADVICE}  personal-data-in-text`;
  const NOTE_PATH = 'contacts[id=outside-responder「外部専門家」].note';

  it.each([
    // A digit or a label before the number, which whitespace removal used to join to it.
    ['a list number before it', '1. 090-0000-1201', '連絡先の「090-0000-1201」'],
    ['No.1 before it', 'No.1 090-0000-1201', '連絡先の「090-0000-1201」'],
    ['a label and a digit before it', '連絡 2 06-0000-1201', '連絡先の「06-0000-1201」'],
    // Separators.
    ['slashes', '06/0000/1201', '連絡先の「06-0000-1201」'],
    ['underscores', '090_0000_1201', '連絡先の「090-0000-1201」'],
    ['middle dots', '090・0000・1201', '連絡先の「090-0000-1201」'],
    ['no separator', '09000001201', '連絡先の「090-0000-1201」'],
    // Kanji numerals, 81 without the plus.
    ['kanji numerals', '〇九〇－〇〇〇〇－一二〇一', '連絡先の「090-0000-1201」'],
    ['81 without the plus', '81-6-0000-1201', '連絡先の「06-0000-1201」'],
    ['81 with (0)', '81 (0)90 0000 1100', '連絡先の「090-0000-1100」'],
    // Addresses.
    ['an address with at', 'it at kamome-seiko.example', '連絡先の「it@kamome-seiko.example」'],
    ['an address with (at)', 'it(at)kamome-seiko.example', '連絡先の「it@kamome-seiko.example」'],
    ['an address with [at] and (dot)', 'plant[at]kamome-seiko(dot)example', '連絡先の「plant@kamome-seiko.example」'],
    ['an address with a full-width at', 'it＠kamome-seiko.example', '連絡先の「it@kamome-seiko.example」'],
    ['an unlisted address at localhost', 'admin@localhost', 'メールアドレス「admin@localhost」'],
    ['an unlisted address with (at)', 'taro(at)example.jp', 'メールアドレス「taro(at)example.jp」'],
    // A name with a role in brackets.
    ['a one-character family name before a role in brackets', '森（総務課）が記録する', '氏名「森 由紀」'],
    ['a one-character family name in brackets after a role', '総務課（森）が記録する', '氏名「森 由紀」'],
    // Generic numbers after a digit or a label.
    ['an unlisted number after a list number', '2. 072-000-1234', '電話番号「072-000-1234」'],
    ['an unlisted mobile in kanji numerals', '〇八〇・一二三四・五六七八', '電話番号「080・1234・5678」'],
  ])('%s', (_case, note, kind) => {
    const text = withNote(note);
    expect(personalData(text)).toEqual([message(text, JSON.stringify(note), NOTE_PATH, kind)]);
  });

  it.each([
    ['katakana', '担当はナカムラ', '氏名の読み「なかむら みさき」'],
    ['hiragana, spaced', '担当は なかむら みさき', '氏名の読み「なかむら みさき」'],
    ['half-width katakana with a title', 'ﾐｻｷさんに連絡', '氏名の読み「なかむら みさき」'],
    ['romaji', 'contact Misaki NAKAMURA', '氏名の読み「Misaki Nakamura」'],
    ['romaji, family name first', 'nakamura misaki', '氏名の読み「Misaki Nakamura」'],
    ['romaji family name alone', 'ask Nakamura', '氏名の読み「Misaki Nakamura」'],
    ['a two-kana family name with a title', 'もりさんが記録する', '氏名の読み「モリ ユキ」'],
  ])('a name by the reading the answers give: %s', (_case, note, kind) => {
    const text = withReadings(withNote(note));
    expect(personalData(text)).toEqual([message(text, JSON.stringify(note), NOTE_PATH, kind)]);
  });

  it('reports every hit in a field at once', () => {
    const note = '森（総務課） 1. 090-0000-1201 it(at)kamome-seiko.example 072-000-1234';
    const text = withNote(note);
    expect(personalData(text)).toEqual([
      message(
        text,
        JSON.stringify(note),
        NOTE_PATH,
        '連絡先の「090-0000-1201」、連絡先の「it@kamome-seiko.example」、氏名「森 由紀」、電話番号「072-000-1234」',
      ),
    ]);
  });

  it("catches a staff member's own mobile written into a public slot", () => {
    const text = example.replace('  2: 総務課の代表窓口', '  2: 総務課の代表窓口（090-0000-1200）');
    expect(personalData(text)).toEqual([message(text, '総務課の代表窓口（090', 'slots.2', '連絡先の「090-0000-1200」')]);
    const spaced = example.replace('  2: 総務課の代表窓口', '  2: 総務課 携帯 〇九〇 〇〇〇〇 一二〇〇');
    expect(personalData(spaced)).toEqual([message(spaced, '総務課 携帯', 'slots.2', '連絡先の「090-0000-1200」')]);
  });

  it.each([
    ['dates in a list', '2026-10-01/2026-11-01/2026-12-01 に実施'],
    ['a public desk number after a list number', '1. 06-0000-9110 に電話'],
    ['words with at', 'look at the log at 10 o’clock'],
    ['a place name ending in a one-character family name before brackets', '青森（本社）の倉庫'],
    ['a reading that is only part of a word', 'メモリの増設'],
  ])('passes %s', (_case, note) => {
    expect(personalData(withReadings(withNote(note)))).toEqual([]);
  });
});
