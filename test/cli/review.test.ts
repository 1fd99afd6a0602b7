/**
 * `bcp review`: an exercise record exported from the incident page becomes the answers
 * change it implies (upkeep.lastDrill, follow-ups), and a bad file a Japanese message
 * with a rule id. Fixture records are in test/fixtures/review/.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseAnswers } from '../../src/answers/load.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { runReview } from '../../src/cli/commands/review.ts';
import { ROOT, bcp } from '../helpers.ts';

const REVIEW = path.join('test', 'fixtures', 'review');
const EXAMPLE = path.join('test', 'fixtures', 'answers', 'example.yaml');
const fixture = (name: string) => path.join(REVIEW, name);
const lines = (problems: ReturnType<typeof runReview>['problems']) => problems.map(formatProblem);

/** The YAML block of the output (from `upkeep:` to the next blank line). */
function yamlBlock(output: string): string {
  const start = output.indexOf('upkeep:\n');
  expect(start, output).toBeGreaterThan(-1);
  const end = output.indexOf('\n\n', start);
  return output.slice(start, end === -1 ? undefined : end);
}

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('bcp review of an exercise record', () => {
  it('prints upkeep.lastDrill and each finding with owner and due, as YAML the answers accept', () => {
    const result = runReview({ file: fixture('exercise.json'), answersFile: EXAMPLE, cwd: ROOT });
    expect(result.problems).toEqual([]);
    const output = result.output!;
    expect(output.split('\n').slice(0, 2)).toEqual([
      `訓練の記録 ${fixture('exercise.json')}（2026-11-20、株式会社かもめ精工）から、${EXAMPLE} に次の変更を反映します。`,
      'upkeep.lastDrill を 2026-06-19 から 2026-11-20 にします。',
    ]);
    const block = yamlBlock(output);
    expect(parse(block)).toEqual({
      upkeep: {
        lastDrill: '2026-11-20',
        followUps: [
          {
            drill: '2026-11-20',
            finding: '保守業者の夜間連絡先が古かった',
            change: '緊急連絡先の保守業者の欄を直す',
            owner: '情報システム担当（総務課）',
            due: '2026-12-15',
          },
          { drill: '2026-11-20', finding: '記録係が決まっていなかった', owner: '総務課長', due: '2027-01-31' },
        ],
      },
    });
    expect(output).toContain('計画の変更が 1 件あります。');

    // Pasted over the example's upkeep block (asOf kept), the answers still validate.
    const example = readFileSync(path.join(ROOT, EXAMPLE), 'utf8');
    const pasted = example.replace(/^upkeep:\n(?: {2}last\w+: .*\n)+/m, `${block}\n`);
    expect(pasted).not.toBe(example);
    const loaded = parseAnswers(pasted, 'answers.yaml');
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(loaded.answers?.upkeep?.lastDrill).toBe('2026-11-20');
    expect(loaded.answers?.upkeep?.followUps).toHaveLength(2);
  });

  it('keeps a newer lastDrill and still lists the findings', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcp-review-'));
    temps.push(dir);
    const answers = path.join(dir, 'answers.yaml');
    writeFileSync(answers, readFileSync(path.join(ROOT, EXAMPLE), 'utf8').replace('lastDrill: 2026-06-19', 'lastDrill: 2026-11-25'));
    const result = runReview({ file: path.join(ROOT, fixture('exercise.json')), answersFile: answers, cwd: dir });
    expect(result.problems).toEqual([]);
    expect(result.output).toContain('upkeep.lastDrill（2026-11-25）はこの訓練の日より新しいので変えません。');
    const upkeep = (parse(yamlBlock(result.output!)) as { upkeep: Record<string, unknown> }).upkeep;
    expect(upkeep.lastDrill).toBeUndefined();
    expect(upkeep.followUps).toHaveLength(2);
  });

  it('warns about findings without owner or due, an empty sheet and another company', () => {
    const incomplete = runReview({ file: fixture('incomplete.json'), answersFile: EXAMPLE, cwd: ROOT });
    expect(lines(incomplete.problems)).toEqual([
      `${fixture('incomplete.json')}:1:1  警告  訓練の記録は「株式会社べつの会社」のものですが、${EXAMPLE} は「株式会社かもめ精工」の回答です。渡すファイルを確かめてください。  review-other-company`,
      `${fixture('incomplete.json')}:1:1  警告  振り返りシートの \`review.findings[0]\` に担当・期限がありません。下の YAML の空欄を埋めてから回答ファイルに貼ってください（空のままだと bcp check がエラーにします）。  review-finding-incomplete`,
    ]);
    expect(parse(yamlBlock(incomplete.output!)).upkeep.followUps).toEqual([
      { drill: '2026-11-20', finding: '手順書の場所が分からなかった', owner: '', due: '' },
    ]);

    const empty = runReview({ file: fixture('empty-review.json'), cwd: ROOT });
    expect(lines(empty.problems)).toEqual([
      `${fixture('empty-review.json')}:1:1  警告  振り返りシートに何も書かれていません。訓練の最後に、うまくいったこと・課題・計画の変更・担当・期限を書いてから保存し直してください。  review-empty`,
    ]);
    expect(parse(yamlBlock(empty.output!))).toEqual({ upkeep: { lastDrill: '2026-11-20' } });
  });
});

describe('bcp review of a file that is not an exercise record', () => {
  const cases: Array<[string, string[]]> = [
    [
      'incident.json',
      [
        'エラー  この記録は実際のインシデントの記録で、訓練の記録ではありません。bcp review は訓練モード（checklists/incident.html?mode=exercise）で保存した記録だけを読みます。  review-not-exercise',
      ],
    ],
    [
      'bad-fields.json',
      [
        'エラー  訓練の記録の `date`: 日付は「2026-04-01」のように 年-月-日 で書いてください。対応チェックリストの訓練モードで「記録を JSON で保存」し直してください。  review-invalid',
        'エラー  訓練の記録の `review.findings[0].due`: 日付は「2026-04-01」のように 年-月-日 で書いてください。対応チェックリストの訓練モードで「記録を JSON で保存」し直してください。  review-invalid',
      ],
    ],
    [
      'other.json',
      [
        'エラー  訓練の記録の `format`: 対応記録のファイルではありません（format が「bcp-incident-record」でない）。対応チェックリストの訓練モードで「記録を JSON で保存」し直してください。  review-invalid',
      ],
    ],
    [
      'truncated.json',
      [
        `エラー  ${fixture('truncated.json')} は JSON として読めません（書式の誤りがあります）。「記録を JSON で保存」で書き出したファイルを、手を加えずに渡してください。  review-not-json`,
      ],
    ],
    [
      'not-a-record.csv',
      [
        `エラー  ${fixture('not-a-record.csv')} は JSON として読めません（書式の誤りがあります）。「記録を JSON で保存」で書き出したファイルを、手を加えずに渡してください。  review-not-json`,
      ],
    ],
    [
      'missing.json',
      [
        `エラー  訓練の記録 ${fixture('missing.json')} を開けません。ファイルの場所と名前を確かめてください。対応チェックリストの訓練モード（checklists/incident.html?mode=exercise）で「記録を JSON で保存」したファイルを渡します。  review-file-unreadable`,
      ],
    ],
  ];
  it.each(cases)('%s', (name, expected) => {
    const result = runReview({ file: fixture(name), cwd: ROOT });
    expect(result.output).toBeUndefined();
    expect(lines(result.problems)).toEqual(expected.map((line) => `${fixture(name)}:1:1  ${line}`));
  });

  it('exits 1 from the command line with the message and no stack trace', async () => {
    const error = await bcp(['review', fixture('incident.json')]);
    expect(error.code).toBe(1);
    expect(error.stdout).toBe('');
    expect(error.stderr).toMatch(/^test\/fixtures\/review\/incident\.json:1:1 {2}エラー {2}この記録は実際のインシデントの記録で.*review-not-exercise\n$/);
    expect(error.stderr).not.toMatch(/\bat \S+ \(|Error:/);
  });

  it('prints the change and exits 0 from the command line', async () => {
    const { code, stdout } = await bcp(['review', fixture('exercise.json')]);
    expect(code).toBe(0);
    expect(parse(yamlBlock(stdout)).upkeep.lastDrill).toBe('2026-11-20');
  });
});
