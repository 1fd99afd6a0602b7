/**
 * The automotive self-assessment mirrors the guideline: one CSV row per achievement
 * condition (No.) we carry, never twice; an unscored row for every label left to the
 * official check sheet; 対策済 only with a record; absolute links when the site's URL is set;
 * and label 24 never passes a backup whose data contradict 3-2-1.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/load.ts';
import type { Answers, BiaSystem } from '../../src/answers/schema.ts';
import { backup321 } from '../../src/bia/recovery.ts';
import { CSV_HEADER, automotiveCsv, csvField, evidenceLink } from '../../src/guidelines/csv.ts';
import { loadGuidelines, type Guidelines } from '../../src/guidelines/load.ts';
import { assessCondition, scoreSheet } from '../../src/guidelines/score.ts';
import type { AutomotiveTable, Condition } from '../../src/guidelines/schema.ts';
import { isPublishedAssessment, PUBLISHED_ASSESSMENT_NOTE } from '../../src/site/published-assessment.ts';
import { FIXTURES, ROOT } from '../helpers.ts';

const loaded = loadGuidelines(ROOT);
const table = (loaded.guidelines as Guidelines).automotive;
const example = parseAnswers(readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8'), 'example.yaml').answers as Answers;
const TODAY = '2026-11-01';
const SITE = 'https://intra.example.jp/bcp/';

/** The example with one change, through JSON so the original stays as it is. */
const variant = (change: (answers: Answers) => void): Answers => {
  const copy = JSON.parse(JSON.stringify(example)) as Answers;
  change(copy);
  return copy;
};
const condition = (no: number): Condition => {
  const found = table.conditions.find((c) => c.no === no);
  expect(found, `No.${no}`).toBeDefined();
  return found!;
};

/** RFC 4180 records: quoted fields may hold commas, quotes and line breaks. */
type CsvRow = Record<(typeof CSV_HEADER)[number], string>;

function parseCsv(text: string): CsvRow[] {
  const records: string[][] = [[]];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (records.at(-1)!.push(field), (field = ''));
    else if (c === '\r' && body[i + 1] === '\n') (records.at(-1)!.push(field), (field = ''), records.push([]), i++);
    else field += c;
  }
  records.pop();
  const [header, ...rows] = records;
  expect(header).toEqual(CSV_HEADER);
  for (const row of rows) expect(row).toHaveLength(CSV_HEADER.length);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])) as CsvRow);
}

const csvRows = (answers: Answers, t: AutomotiveTable = table, siteUrl?: string) => parseCsv(automotiveCsv(t, scoreSheet(t, answers, TODAY), siteUrl));

/** Variants that move the evidence around: no drill, an old drill, no BIA, no upkeep at all. */
const VARIANTS: [string, Answers][] = [
  ['example', example],
  ['no drill', variant((a) => delete a.upkeep!.lastDrill)],
  ['an old drill', variant((a) => (a.upkeep!.lastDrill = '2025-06-01'))],
  ['no BIA', variant((a) => delete a.bia)],
  ['no upkeep', variant((a) => delete a.upkeep)],
];

describe('the automotive table', () => {
  it('loads and follows the guideline: 24 labels in order, each No. once, levels that add up to 153', () => {
    expect(loaded.problems).toEqual([]);
    expect(table.labels.map((l) => l.number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    const nos = table.conditions.map((c) => c.no);
    expect(new Set(nos).size).toBe(nos.length);
    expect(table.levelTotals.Lv1 + table.levelTotals.Lv2 + table.levelTotals.Lv3).toBe(153);
    // The conditions whose text the project carries (JAPIA's 2024 deck): No.24 (label 6) and the label-22 sheet example.
    expect(table.conditions.map((c) => `${c.label}:${c.no}:${c.level}`).sort()).toEqual(['22:136:Lv1', '22:138:Lv3', '22:139:Lv2', '6:24:Lv1']);
  });

  it('rejects a table that lists a No. twice', () => {
    const text = readFileSync(path.join(ROOT, 'content/guidelines/automotive.yaml'), 'utf8').replace('no: 139', 'no: 136');
    expect(text).toContain('no: 136\n    level: Lv2');
    // Through the same loader, from a copy of the folder layout.
    const problems = loadGuidelinesFromText(text);
    expect(problems.some((p) => p.message.includes('No. が重なっています'))).toBe(true);
  });
});

describe('the CSV', () => {
  for (const [name, answers] of VARIANTS) {
    it(`has one row per carried No., never twice, and no score without a No. (${name})`, () => {
      const rows = csvRows(answers);
      const numbered = rows.filter((r) => r['達成条件No.'] !== '');
      expect(numbered.map((r) => Number(r['達成条件No.'])).sort((a, b) => a - b)).toEqual(table.conditions.map((c) => c.no).sort((a, b) => a - b));
      for (const row of rows.filter((r) => r['達成条件No.'] === '')) {
        expect(row['点数'], row['行ID']).toBe('');
        expect(row['チェックシートの評価（案）'], row['行ID']).toBe('');
        expect(row['リンク'], row['行ID']).toContain(table.checkSheet.url);
      }
    });

    it(`says 対策済 only with a dated record behind it, and every row links to evidence (${name})`, () => {
      for (const row of csvRows(answers)) {
        expect(row['リンク'], row['行ID']).not.toBe('');
        if (row['状況'] !== '対策済') continue;
        expect(row['理由・記録'], row['行ID']).toMatch(/\d{4}-\d{2}-\d{2} の訓練（upkeep\.lastDrill）/);
        expect(row['点数']).toBe('2');
      }
    });
  }

  it('gives a label whose conditions are not carried exactly one row, and a partly carried label one extra row', () => {
    const rows = csvRows(example);
    for (const label of table.labels) {
      const carried = table.conditions.filter((c) => c.label === label.number).length;
      const unscored = rows.filter((r) => r['ラベル番号'] === String(label.number) && r['達成条件No.'] === '');
      expect(unscored, `label ${label.number}`).toHaveLength(1);
      expect(unscored[0]!['行ID']).toBe(carried > 0 ? `label-${label.number}-rest` : `label-${label.number}`);
    }
    expect(rows).toHaveLength(24 + table.conditions.length);
  });

  it('gives label 3 chapter 7 and the internal audit, and label 12 the entry-point assessment', () => {
    const rows = csvRows(example);
    const row = (id: string) => rows.find((r) => r['行ID'] === id)!;
    expect(row('label-3')['根拠']).toContain('計画 7.2 内部監査');
    expect(row('label-3')['根拠の回答']).toContain('upkeep.lastAudit');
    expect(row('label-12')['リンク'].split(' ')).toContain('threats.html');
    // Asset register and continuous detection: the plan is neither, and says so with no score.
    for (const id of ['label-11', 'label-23']) expect(row(id)).toMatchObject({ 点数: '', 状況: '未評価（チェックシートで評価）' });
    expect(row('label-11')['理由・記録']).toContain('機器の台帳');
    expect(row('label-23')['理由・記録']).toContain('根拠にならない');
  });

  it('links absolutely under the configured site URL, relatively without one', () => {
    const relative = csvRows(example)
      .find((r) => r['行ID'] === 'no-24')!
      ['リンク'].split(' ');
    const absolute = csvRows(example, table, SITE)
      .find((r) => r['行ID'] === 'no-24')!
      ['リンク'].split(' ');
    expect(relative[0]).toBe('plan.html#chapter-3');
    expect(absolute[0]).toBe('https://intra.example.jp/bcp/plan.html#chapter-3');
    expect(absolute.every((link) => link.startsWith('https://'))).toBe(true);
    expect(evidenceLink({ page: 'plan.html', anchor: '71-関連法令', text: '' }, 'https://intra.example.jp/bcp')).toBe(
      'https://intra.example.jp/bcp/plan.html#71-%E9%96%A2%E9%80%A3%E6%B3%95%E4%BB%A4',
    );
  });

  it('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(undefined)).toBe('');
  });
});

describe('No.24, the incident procedure', () => {
  const no24 = condition(24);

  it('is 対策済 only with a drill within the year, not from the approved plan alone', () => {
    expect(assessCondition(no24, example, TODAY)).toMatchObject({ status: '対策済', choice: '対策完了', points: 2 });
    expect(assessCondition(no24, example, TODAY).reason).toContain(`${example.upkeep!.lastDrill} の訓練`);
    const noDrill = assessCondition(no24, VARIANTS[1]![1], TODAY);
    expect(noDrill).toMatchObject({ status: '計画あり・未実施', choice: '対策中', points: 1 });
    expect(noDrill.reason).toContain('訓練の記録（upkeep.lastDrill）がない');
    expect(assessCondition(no24, VARIANTS[2]![1], TODAY).status).toBe('計画あり・未実施');
  });

  it('is not 対策済 while one of the five steps is missing from the plan', () => {
    const gap: Condition = { ...no24, parts: no24.parts.map((p) => (p.name.includes('最終報告') ? { ...p, coverage: 'partial' } : p)) };
    expect(assessCondition(gap, example, TODAY)).toMatchObject({ status: '計画あり・未実施' });
    expect(assessCondition(gap, example, TODAY).reason).toContain('手順5 最終報告が計画に足りない');
  });

  it('carries the five steps as required and the seven examples as not required, monitoring after recovery only in part', () => {
    expect(no24.parts.filter((p) => p.required).map((p) => p.name.replace(/^手順\d /, ''))).toEqual(['発見報告', '初動', '調査・対応', '復旧', '最終報告']);
    expect(no24.parts.filter((p) => !p.required)).toHaveLength(7);
    expect(no24.parts.find((p) => p.name.includes('復旧後の監視'))!.coverage).not.toBe('covered');
  });
});

describe('label 24 and the 3-2-1 check it shares with the BIA page', () => {
  const system = (copies: NonNullable<BiaSystem['backup']>['copies']): BiaSystem => ({ name: 'テスト', backup: { copies } }) as BiaSystem;

  it('never scores label 24, and lists each system of the example against 3-2-1', () => {
    const sheet = scoreSheet(table, example, TODAY);
    const rows = sheet.rows.filter((r) => r.label.number === 24);
    expect(rows.map((r) => r.kind)).toEqual(['label']);
    const finding = rows[0]!.kind === 'label' ? rows[0]!.finding! : '';
    // The example keeps an offline copy at a named place elsewhere for every system.
    expect(finding).toContain('3-2-1 を満たす: ');
    expect(finding).not.toContain('3-2-1 を満たさない');
    expect(finding).toContain('最後の復元テスト: ');
    expect(csvRows(example).find((r) => r['行ID'] === 'label-24')!['点数']).toBe('');
  });

  it('counts an offline copy only where a copy says so, and wants the off-site place named', () => {
    expect(backup321(system([{ kind: 'NAS' }, { kind: 'クラウド', offsite: true, place: '事業者' }])).gaps).toEqual(['オフラインのコピーがない']);
    expect(backup321(system([{ kind: 'NAS' }, { kind: '外付けHDD', offline: true, offsite: true }])).gaps).toEqual([
      '別の場所に置くコピーの場所（place）が書かれていない',
    ]);
    expect(backup321(system([{ kind: 'NAS' }, { kind: '外付けHDD', offline: true, offsite: true, place: '社長宅の金庫' }]))).toMatchObject({
      meets: true,
      gaps: [],
    });
  });

  it('shows a system that misses 3-2-1 in label 24’s finding, still without a score', () => {
    const bad = variant((a) => {
      a.bia!.systems[0]!.backup!.copies = [{ kind: 'NAS' }, { kind: 'クラウド', offsite: true, place: '事業者' }];
    });
    const row = scoreSheet(table, bad, TODAY).rows.find((r) => r.label.number === 24)!;
    expect(row.kind === 'label' && row.finding).toContain(`3-2-1 を満たさない: ${bad.bia!.systems[0]!.name}（オフラインのコピーがない）`);
    expect(csvRows(bad).find((r) => r['行ID'] === 'label-24')!['点数']).toBe('');
  });
});

/** Loads a changed table text through the real loader, from a temp copy of the two table files. */
function loadGuidelinesFromText(automotive: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bcp-guidelines-'));
  try {
    mkdirSync(path.join(dir, 'content', 'guidelines'), { recursive: true });
    writeFileSync(path.join(dir, 'content/guidelines/automotive.yaml'), automotive);
    copyFileSync(path.join(ROOT, 'content/guidelines/ipa-response.yaml'), path.join(dir, 'content/guidelines/ipa-response.yaml'));
    return loadGuidelines(dir).problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the source of the example’s 13-entry assessment', () => {
  it('is recognised while every result is the published example’s, and not once one differs', () => {
    expect(isPublishedAssessment(example)).toBe(true);
    expect(isPublishedAssessment(variant((a) => (a.threats![8] = { result: 3 })))).toBe(false);
    expect(isPublishedAssessment(variant((a) => delete a.threats))).toBe(false);
    expect(PUBLISHED_ASSESSMENT_NOTE).toContain('今すぐ実践できる工場セキュリティ対策のポイント検討WG');
  });
});

describe('plan.siteUrl', () => {
  const withUrl = (url: string) =>
    parseAnswers(readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8').replace(/^plan:\n/m, `plan:\n  siteUrl: ${url}\n`), 'example.yaml');

  it('takes an http(s) address, and the CSV links under it', () => {
    const parsed = withUrl('https://intra.example.jp/bcp/');
    expect(parsed.answers?.plan.siteUrl).toBe('https://intra.example.jp/bcp/');
    const rows = csvRows(parsed.answers!, table, parsed.answers!.plan.siteUrl);
    expect(rows.find((r) => r['行ID'] === 'label-3')!['リンク']).toContain('https://intra.example.jp/bcp/plan.html#72-');
  });

  it('refuses another scheme at its line', () => {
    const parsed = withUrl('ftp://intra.example.jp/bcp/');
    expect(parsed.answers).toBeUndefined();
    expect(parsed.problems.map((p) => `${p.line} ${p.message}`).join('\n')).toContain('http:// か https:// で始まるサイトの URL');
  });
});
