/**
 * Upkeep due dates: frequencies read as intervals, the date is an input (`--today`, the
 * example's `upkeep.asOf`, the clock in Japan), due soon warns and overdue fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addInterval, parseFrequency, resolveToday, todayInJapan, upkeepSchedule } from '../../src/answers/due.ts';
import { parseAnswers } from '../../src/answers/load.ts';
import { checkAnswerRules } from '../../src/answers/rules/index.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { FIXTURES, bcp } from '../helpers.ts';
import { swap, at } from '../text-edits.ts';

const exampleFile = path.join(FIXTURES, 'answers', 'example.yaml');
const example = readFileSync(exampleFile, 'utf8');

function rules(text: string, today?: string): string[] {
  const loaded = parseAnswers(text, 'answers.yaml');
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  // Only what concerns upkeep: on a later date other rules (the BIA's restore tests) have their own say.
  return checkAnswerRules(loaded, { today })
    .filter((p) => p.ruleId.startsWith('upkeep-') || p.message.startsWith('`upkeep.'))
    .map(formatProblem);
}

describe('frequencies and dates', () => {
  it('reads each frequency as an interval, in months when whole, else in days', () => {
    expect(parseFrequency('年1回')).toEqual({ months: 12 });
    expect(parseFrequency('年2回以上')).toEqual({ months: 6 });
    expect(parseFrequency('半年1回')).toEqual({ months: 6 });
    expect(parseFrequency('四半期1回')).toEqual({ months: 3 });
    expect(parseFrequency('月1回')).toEqual({ months: 1 });
    expect(parseFrequency('2年1回')).toEqual({ months: 24 });
    expect(parseFrequency('年１回')).toEqual({ months: 12 });
    expect(parseFrequency('年5回')).toEqual({ months: 2.4, days: 73 });
    expect(parseFrequency('月2回')).toEqual({ months: 0.5, days: 15 });
    expect(parseFrequency('随時')).toBeUndefined();
  });

  it('adds months on the calendar, keeping to the end of short months', () => {
    expect(addInterval('2026-04-01', { months: 12 })).toBe('2027-04-01');
    expect(addInterval('2026-08-31', { months: 1 })).toBe('2026-09-30');
    expect(addInterval('2028-02-29', { months: 12 })).toBe('2029-02-28');
    expect(addInterval('2026-12-20', { months: 0.5, days: 15 })).toBe('2027-01-04');
  });

  it('counts today in Japan, whatever the machine time zone', () => {
    expect(todayInJapan(new Date('2026-03-31T15:30:00Z'))).toBe('2026-04-01');
    expect(todayInJapan(new Date('2026-03-31T14:59:00Z'))).toBe('2026-03-31');
  });

  it('takes --today first, then the example pin upkeep.asOf, then the clock', () => {
    const answers = parseAnswers(example, 'answers.yaml').answers!;
    const now = new Date('2031-05-05T03:00:00Z');
    expect(resolveToday(answers, '2027-01-02', now)).toEqual({ date: '2027-01-02', source: 'option' });
    expect(resolveToday(answers, undefined, now)).toEqual({ date: '2026-11-01', source: 'answers' });
    const own = parseAnswers(swap(example, '  asOf: 2026-11-01\n', ''), 'answers.yaml').answers!;
    expect(resolveToday(own, undefined, now)).toEqual({ date: '2031-05-05', source: 'clock' });
  });

  it('counts the review from a newer revision, and an item never done from the first revision', () => {
    const text = swap(swap(example, '  lastReview: 2026-10-01\n', '  lastReview: 2026-05-01\n'), '  lastDrill: 2026-06-19\n', '');
    const schedule = upkeepSchedule(parseAnswers(text, 'answers.yaml').answers!, '2026-11-01');
    expect(schedule.map(({ key, last, basis, next, daysLeft, status }) => ({ key, last, basis, next, daysLeft, status }))).toEqual([
      { key: 'lastReview', last: '2026-10-01', basis: 'revision', next: '2027-10-01', daysLeft: 334, status: 'ok' },
      { key: 'lastEducation', last: '2026-09-10', basis: 'upkeep', next: '2027-03-10', daysLeft: 129, status: 'ok' },
      { key: 'lastDrill', last: undefined, basis: 'plan-start', next: '2027-04-01', daysLeft: 151, status: 'ok' },
      { key: 'lastAudit', last: '2026-03-16', basis: 'upkeep', next: '2027-03-16', daysLeft: 135, status: 'ok' },
    ]);
  });
});

describe('due date checks', () => {
  it('warn within 30 days of a due date, at the date to update', () => {
    expect(rules(example, '2027-02-20')).toEqual([
      `answers.yaml:${at(example, '2026-09-10')}  警告  \`upkeep.lastEducation\`: 従業員教育の期限 2027-03-10 まであと 18 日です（頻度 年2回、前回 2026-09-10）。日程を決め、行ったら upkeep.lastEducation にその日を書いてください。  upkeep-due-soon`,
      `answers.yaml:${at(example, '2026-03-16')}  警告  \`upkeep.lastAudit\`: 内部監査の期限 2027-03-16 まであと 24 日です（頻度 年1回以上、前回 2026-03-16）。日程を決め、行ったら upkeep.lastAudit にその日を書いてください。  upkeep-due-soon`,
    ]);
  });

  it('warn, never fail, once a due date has passed: an overdue drill must not block a fix', () => {
    expect(rules(example, '2027-03-12')).toEqual([
      `answers.yaml:${at(example, '2026-09-10')}  警告  \`upkeep.lastEducation\`: 従業員教育の期限 2027-03-10 を 2 日過ぎています（頻度 年2回、前回 2026-09-10）。従業員教育を行い、行った日を upkeep.lastEducation に書いてください。  upkeep-overdue`,
      `answers.yaml:${at(example, '2026-03-16')}  警告  \`upkeep.lastAudit\`: 内部監査の期限 2027-03-16 まであと 4 日です（頻度 年1回以上、前回 2026-03-16）。日程を決め、行ったら upkeep.lastAudit にその日を書いてください。  upkeep-due-soon`,
    ]);
  });

  it('count from the first revision when nothing is recorded, pointing at the frequency', () => {
    const start = example.indexOf('\n# 見直し・教育・訓練・監査を最後に行った日');
    const text = example.slice(0, start + 1);
    expect(rules(text, '2026-11-01')).toEqual([
      `answers.yaml:${at(text, '年2回')}  警告  \`upkeep.lastEducation\`: 従業員教育の期限 2026-10-01 を 31 日過ぎています（頻度 年2回、前回 なし（初版の日付から数えました））。従業員教育を行い、行った日を upkeep.lastEducation に書いてください。  upkeep-overdue`,
    ]);
  });

  it('reject a "last done" date after today', () => {
    const text = swap(example, '  lastDrill: 2026-06-19', '  lastDrill: 2026-10-30');
    expect(rules(text, '2026-10-20')).toEqual([
      `answers.yaml:${at(text, '2026-10-30')}  エラー  \`upkeep.lastDrill\`: 2026-10-30 は今日（2026-10-20）より後の日付です。実際に行った・承認した日を書いてください。  date-in-future`,
    ]);
  });

  it('disarm the example pin once the answers record a later date, and say to remove it', () => {
    const text = swap(example, '  lastDrill: 2026-06-19', '  lastDrill: 2026-11-20');
    const answers = parseAnswers(text, 'answers.yaml').answers!;
    expect(resolveToday(answers, undefined, new Date('2026-11-25T00:00:00Z'))).toEqual({ date: '2026-11-25', source: 'clock' });
    expect(rules(text, '2026-11-25')).toEqual([
      `answers.yaml:${at(text, '2026-11-01')}  エラー  \`upkeep.asOf\`: 基準日 2026-11-01 より後の日付 2026-11-20（upkeep.lastDrill）があります。asOf は見本の会社が期限を固定するための設定なので、自社の回答ではこの行を消してください。消すと期限は今日の日付から数えます。  upkeep-as-of-stale`,
    ]);
  });
});

describe('bcp check --today', () => {
  it('passes on the example by its own calendar, and only warns on a pinned later date', async () => {
    const own = await bcp(['check', '--answers', exampleFile]);
    expect(own.code, own.stderr).toBe(0);
    const later = await bcp(['check', '--answers', exampleFile, '--today', '2027-03-12']);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stderr).toContain('警告  `upkeep.lastEducation`: 従業員教育の期限 2027-03-10 を 2 日過ぎています');
    expect(later.stderr.trim().split('\n').at(-1)).toMatch(/^エラー 0 件、警告 \d+ 件$/);
    expect(later.stderr.match(/ {2}upkeep-(overdue|due-soon)$/gm)).toHaveLength(2);
  });

  it('rejects a date that does not exist, in Japanese, before doing anything', async () => {
    const { code, stderr } = await bcp(['check', '--today', '2027-02-30']);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe('--today「2027-02-30」は日付として読めません。2026-04-01 のように 年-月-日 で書いてください。');
  });
});
