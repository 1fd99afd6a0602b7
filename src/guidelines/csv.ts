/**
 * The self-assessment as CSV beside the customer's check sheet: UTF-8 with a BOM so Excel
 * opens it in Japanese, one row per achievement condition (No.) we carry, and one unscored
 * row per label (or rest of a label) whose conditions are on the official sheet only.
 * Links are absolute when the answers name the site's URL (`plan.siteUrl`), so the file
 * still leads to the evidence once it is mailed away.
 */
import type { AutomotiveTable, Evidence } from './schema.ts';
import type { Row, ScoreSheet } from './score.ts';

export const AUTOMOTIVE_CSV = 'guidelines/automotive.csv';

export const CSV_HEADER = [
  '行ID',
  '分類',
  'ラベル番号',
  'ラベル',
  '達成条件No.',
  'レベル',
  '達成条件の要旨',
  '状況',
  'チェックシートの評価（案）',
  '点数',
  '理由・記録',
  '根拠',
  '根拠の回答',
  'リンク',
] as const;

/** One CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
export function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An evidence link: absolute under the site's URL when there is one, else relative to the site root. */
export function evidenceLink(evidence: Evidence, siteUrl?: string): string {
  const target = `${evidence.page}${evidence.anchor ? `#${encodeURIComponent(evidence.anchor)}` : ''}`;
  if (siteUrl === undefined) return target;
  return new URL(target, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/** The unscored text of a label row: why there is no score and where to evaluate. */
export function labelRowText(row: Extract<Row, { kind: 'label' }>): string {
  return row.rest
    ? 'このラベルの、上に挙げた No. 以外の達成条件は、本文をここに載せていない。公式のチェックシートで確かめて評価する'
    : 'このラベルの達成条件は、本文をここに載せていない。公式のチェックシートで確かめて評価する';
}

export function automotiveCsv(table: AutomotiveTable, sheet: ScoreSheet, siteUrl?: string): string {
  const rows: (string | number | undefined)[][] = [[...CSV_HEADER]];
  for (const row of sheet.rows) {
    const { label } = row;
    if (row.kind === 'condition') {
      const { condition, assessed } = row;
      const evidence = [...condition.evidence, ...condition.parts.flatMap((part) => part.evidence)];
      const unique = [...new Map(evidence.map((e) => [evidenceLink(e, siteUrl), e])).entries()];
      const parts = condition.parts.map(
        (p) => `${p.name}: ${{ covered: 'あり', partial: '一部', missing: 'なし' }[p.coverage]}${p.note ? `（${p.note}）` : ''}`,
      );
      rows.push([
        `no-${condition.no}`,
        label.category,
        label.number,
        label.name,
        condition.no,
        condition.level,
        condition.text,
        assessed.status,
        assessed.choice ?? '（自社で記入）',
        assessed.points,
        [assessed.reason, ...(parts.length > 0 ? [`計画にあるもの: ${parts.join('／')}`] : [])].join('。'),
        condition.evidence.map((e) => e.text).join(' / '),
        condition.answers.join(' '),
        unique.map(([link]) => link).join(' '),
      ]);
    } else {
      rows.push([
        row.rest ? `label-${label.number}-rest` : `label-${label.number}`,
        label.category,
        label.number,
        label.name,
        undefined,
        undefined,
        labelRowText(row),
        '未評価（チェックシートで評価）',
        undefined,
        undefined,
        [label.note, row.finding && `回答から分かること: ${row.finding}`].filter(Boolean).join('。'),
        [...label.evidence.map((e) => e.text), table.checkSheet.text].join(' / '),
        label.answers.join(' '),
        [...label.evidence.map((e) => evidenceLink(e, siteUrl)), table.checkSheet.url].join(' '),
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
