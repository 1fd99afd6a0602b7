/**
 * The automotive guideline correspondence and IPA's response steps: the tables load, every
 * evidence reference resolves in the built site (and a broken one is reported at its line),
 * the self-scores follow the answers, and the CSV opens in Excel in Japanese.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/load.ts';
import type { Answers } from '../../src/answers/schema.ts';
import { automotiveCsv, csvField } from '../../src/guidelines/csv.ts';
import { checkEvidence } from '../../src/guidelines/evidence.ts';
import { AUTOMOTIVE_FILE, loadGuidelines, type Guidelines } from '../../src/guidelines/load.ts';
import { scoreItem, scoreSheet } from '../../src/guidelines/score.ts';
import type { AutomotiveItem } from '../../src/guidelines/schema.ts';
import { FIXTURES, ROOT } from '../helpers.ts';
import { exampleSite } from '../site-helpers.ts';

const loaded = loadGuidelines(ROOT);
const guidelines = loaded.guidelines as Guidelines;
const example = parseAnswers(readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8'), 'example.yaml').answers as Answers;
const TODAY = '2026-11-01';
const item = (id: string): AutomotiveItem => {
  const found = guidelines.automotive.items.find((i) => i.id === id);
  expect(found, id).toBeDefined();
  return found!;
};
/** The example with one change, through JSON so the original stays as it is. */
const variant = (change: (answers: Answers) => void): Answers => {
  const copy = JSON.parse(JSON.stringify(example)) as Answers;
  change(copy);
  return copy;
};

describe('the guideline tables', () => {
  it('load without problems and name the 24 labels in order', () => {
    expect(loaded.problems).toEqual([]);
    expect(guidelines.automotive.labels.map((l) => l.number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('cover the labels the plan is evidence for, and label 6’s five steps and seven points', () => {
    const labels = new Set(guidelines.automotive.items.map((i) => i.label));
    for (const label of [5, 6, 7, 11, 14, 23, 24]) expect(labels.has(label), `label ${label}`).toBe(true);
    const parts = guidelines.automotive.items.filter((i) => i.label === 6).map((i) => i.part ?? '');
    for (const step of ['発見報告', '初動', '調査・対応', '復旧', '最終報告'])
      expect(
        parts.some((p) => p.includes(step)),
        step,
      ).toBe(true);
    expect(parts.filter((p) => p.startsWith('盛り込む内容'))).toHaveLength(7);
  });

  it('lead to pages and headings that exist in the built site', () => {
    expect(checkEvidence(exampleSite(), guidelines)).toEqual([]);
  });

  it('report a reference to a heading that is gone at its line in the table', () => {
    const broken: Guidelines = {
      ...guidelines,
      automotive: {
        ...guidelines.automotive,
        items: guidelines.automotive.items.map((i, n) =>
          n === 0 ? { ...i, evidence: [{ ...i.evidence[0]!, anchor: 'no-such-heading' }, ...i.evidence.slice(1)] } : i,
        ),
      },
    };
    const text = readFileSync(path.join(ROOT, AUTOMOTIVE_FILE), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('anchor: chapter-4')) + 1;
    const problems = checkEvidence(exampleSite(), broken);
    expect(problems.map((p) => `${p.file}:${p.line}  ${p.ruleId}  ${p.message}`)).toEqual([
      `${AUTOMOTIVE_FILE}:${line}  evidence-missing  項目「incident-organisation」の根拠 \`plan.html#no-such-heading\` が、作ったサイトにありません。見出しの名前が変わったなら、対応表の page と anchor を今の見出しに合わせてください。`,
    ]);
  });
});

describe('the self-score', () => {
  it('gives the training item full marks only for a drill within the year that is not overdue', () => {
    const training = item('training');
    expect(scoreItem(training, example, TODAY)).toMatchObject({ verdict: '対策完了', points: 2 });
    expect(scoreItem(training, example, '2027-07-01')).toMatchObject({ verdict: '対策中', points: 1 });
    expect(scoreItem(training, example, '2027-07-01').reason).toContain('1年より前');
    const none = variant((a) => delete a.upkeep!.lastDrill);
    expect(scoreItem(training, none, TODAY)).toMatchObject({ verdict: '未実施', points: 0 });
    // Within the year but past the plan's own frequency (twice a year here).
    const often = variant((a) => (a.slots[17] = '年4回'));
    expect(scoreItem(training, often, TODAY)).toMatchObject({ verdict: '対策中' });
  });

  it('scores the organisation down when a role has no contact', () => {
    expect(scoreItem(item('incident-organisation'), example, TODAY).verdict).toBe('対策完了');
    const unreachable = variant((a) => (a.slots[10] = '品質保証部長'));
    expect(scoreItem(item('incident-organisation'), unreachable, TODAY)).toMatchObject({ verdict: '対策中' });
    expect(scoreItem(item('incident-organisation'), unreachable, TODAY).reason).toContain('品質保証部長の連絡先が一覧にない');
  });

  it('scores backups from the BIA, and leaves them 未評価 without one', () => {
    const backup = item('backup-restore');
    expect(scoreItem(backup, example, TODAY).verdict).toBe('対策完了');
    expect(
      scoreItem(
        backup,
        variant((a) => delete a.bia),
        TODAY,
      ),
    ).toMatchObject({ verdict: '未評価', points: undefined });
    const noOffline = variant((a) => a.bia!.systems.forEach((s) => s.backup?.copies.forEach((c) => (c.offline = false))));
    expect(scoreItem(backup, noOffline, TODAY)).toMatchObject({ verdict: '未実施', points: 0 });
  });

  it('never counts 未評価, and sums labels and levels from the items', () => {
    const sheet = scoreSheet(guidelines.automotive, example, TODAY);
    const label6 = sheet.labels.find((l) => l.number === 6)!;
    const items6 = sheet.items.filter((i) => i.label === 6);
    expect(label6.items).toBe(items6.length);
    expect(label6.max).toBe(2 * items6.filter((i) => i.scored.points !== undefined).length);
    expect(sheet.labels.find((l) => l.number === 1)).toMatchObject({ items: 0, points: 0, max: 0, unevaluated: 1 });
    // Label 6's five steps are parts of one condition, No.24 (Lv1): one condition, scored as its weakest part.
    expect(sheet.levels.find((l) => l.level === 'Lv1')).toMatchObject({ conditions: 1, points: 2, max: 2 });
  });
});

describe('the CSV for the customer’s check sheet', () => {
  const sheet = scoreSheet(guidelines.automotive, example, TODAY);
  const csv = automotiveCsv(guidelines.automotive, sheet);
  const rows = csv.slice(1).trimEnd().split('\r\n');

  it('is UTF-8 with a BOM and CRLF lines, with the agreed columns', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(rows[0]).toBe('項目ID,分類,ラベル番号,ラベル,達成条件No.,レベル,内容,自己評価,点数,理由,根拠,リンク');
  });

  it('lists every item and every label the plan does not cover as 未評価', () => {
    const uncovered = sheet.labels.filter((l) => l.items === 0);
    expect(uncovered.length).toBeGreaterThan(10);
    expect(rows).toHaveLength(1 + sheet.items.length + uncovered.length);
    for (const label of uncovered)
      expect(
        rows.some((r) => r.startsWith(`label-${label.number},`) && r.includes(',未評価,')),
        label.name,
      ).toBe(true);
  });

  it('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(undefined)).toBe('');
  });

  it('is what the built site serves, with the page linking to it', () => {
    const built = readFileSync(path.join(exampleSite(), 'guidelines', 'automotive.csv'), 'utf8');
    expect(built.split('\r\n')[0]).toBe(`\uFEFF${rows[0]}`);
    expect(built.split('\r\n').length).toBe(csv.split('\r\n').length);
    const page = readFileSync(path.join(exampleSite(), 'guidelines', 'automotive.html'), 'utf8');
    expect(page).toContain('href="../guidelines/automotive.csv"');
    expect(page).toContain('自動車産業サイバーセキュリティガイドラインとの対応');
  });

  it('has its appendix in the internal binder', () => {
    const text = execFileSync('pdftotext', ['-layout', path.join(exampleSite(), 'plan.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('付録 自動車産業サイバーセキュリティガイドラインとの対応');
    expect(text).toContain('IPA の対応手順との対応');
  });
});
