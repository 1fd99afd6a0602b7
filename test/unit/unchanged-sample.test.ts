/** 「見本のまま」: answers left equal to the template's sample or to the example company's value. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveToday } from '../../src/answers/due.ts';
import { parseAnswers } from '../../src/answers/load.ts';
import { unchangedSampleRules } from '../../src/answers/rules/unchanged-sample.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { FIXTURES } from '../helpers.ts';

const exampleText = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8');
const example = parseAnswers(exampleText, 'example.yaml').answers!;
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function check(text: string) {
  const loaded = parseAnswers(text, 'answers.yaml');
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  const context = { answers: loaded.answers!, file: loaded.file, locate: loaded.locate, today: resolveToday(loaded.answers, '2026-12-01') };
  return unchangedSampleRules(context, example).map(formatProblem);
}

describe('見本のまま', () => {
  it('says nothing about the example company itself (it keeps upkeep.asOf)', () => {
    expect(check(exampleText)).toEqual([]);
  });

  it('points at each answer a company copied from the example, at its line', () => {
    // A company that edited the example: own name and one phone, everything else left.
    const own = exampleText
      .replace(/ {2}# asOf[^]*$/, '')
      .replace('  name: 株式会社かもめ精工', '  name: 有限会社テスト製作所')
      .replace('    phone: 06-0000-1201', '    phone: 03-5555-0101');
    const messages = check(own);
    expect(messages).toContain(
      `answers.yaml:${lineOf(own, 'shortName:')}:14  警告  \`company.shortName\`: 「かもめ精工」は見本の会社（かもめ精工）の値のままです。自社の値に書き換えてください。  answer-unchanged-sample`,
    );
    expect(messages).toContain(
      `answers.yaml:${lineOf(own, '  7: 2時間以内')}:6  警告  \`slots.7\`: 「2時間以内」はひな形の見本のままです。自社で決めた値に書き換えてください。見本どおりが自社で選んだ値なら、回答ファイルの confirmed に 7 を足すとこの警告は消えます（例: \`confirmed: [7]\`）。  answer-unchanged-sample`,
    );
    expect(messages).toContain(
      `answers.yaml:${lineOf(own, '  1: 情報システム担当')}:6  警告  \`slots.1\`: 「情報システム担当（総務課）」は見本の会社（かもめ精工）の値のままです。自社の値に書き換えてください。見本どおりが自社で選んだ値なら、回答ファイルの confirmed に 1 を足すとこの警告は消えます（例: \`confirmed: [1]\`）。  answer-unchanged-sample`,
    );
    expect(messages).toContain(
      `answers.yaml:${lineOf(own, 'ひな形 1.0 をもとに初版を制定')}:14  警告  \`revisions[0].summary\`: 「ひな形 1.0 をもとに初版を制定」は見本の会社（かもめ精工）の値のままです。自社の値に書き換えてください。  answer-unchanged-sample`,
    );
    const threatsLine = own.split('\n').indexOf('  1:', own.split('\n').indexOf('threats:')) + 1;
    expect(messages).toContain(
      `answers.yaml:${threatsLine}:3  警告  \`threats\`: 「脅威の入口 1〜13 の評価」は見本の会社（かもめ精工）の値のままです。自社の値に書き換えてください。  answer-unchanged-sample`,
    );
    // Changed answers are not reported.
    expect(messages.join('\n')).not.toMatch(/company\.name|contacts\[id=security-officer「[^」]+」\]\.phone|03-5555-0101/);
    // Every copied contact detail is: 6 contacts' person, phone, mobile, email, organisation, note, minus the one changed.
    const contactFields = example.contacts.flatMap((c) =>
      ['organisation', 'person', 'phone', 'mobile', 'email', 'note'].filter((f) => c[f as keyof typeof c] !== undefined),
    );
    expect(messages.filter((m) => /`contacts\[id=[a-z-]+「[^」]+」\]\./.test(m))).toHaveLength(contactFields.length - 1);
  });

  // issue 21: a sample the company chose on purpose.
  it('says nothing about a slot listed in `confirmed`, and still warns about the others', () => {
    const own = exampleText.replace(/ {2}# asOf[^]*$/, '');
    const confirmed = `${own}\nconfirmed: [7, 1]\n`;
    const before = check(own).filter((m) => /`slots\.(1|7|15)`/.test(m));
    expect(before).toHaveLength(3);
    const after = check(confirmed).filter((m) => /`slots\.\d+`/.test(m));
    expect(after.some((m) => m.includes('`slots.7`') || m.includes('`slots.1`'))).toBe(false);
    expect(after.some((m) => m.includes('`slots.15`'))).toBe(true);
  });
});
