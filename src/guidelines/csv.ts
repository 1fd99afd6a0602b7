/**
 * The self-assessment as CSV for the customer's check sheet: UTF-8 with a BOM so Excel
 * opens it in Japanese, one row per item, and one 未評価 row for every label the plan
 * does not cover, so nothing is silently counted.
 */
import type { AutomotiveTable } from './schema.ts';
import type { ScoreSheet } from './score.ts';

export const AUTOMOTIVE_CSV = 'guidelines/automotive.csv';

const HEADER = ['項目ID', '分類', 'ラベル番号', 'ラベル', '達成条件No.', 'レベル', '内容', '自己評価', '点数', '理由', '根拠', 'リンク'];

/** One CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
export function csvField(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function automotiveCsv(table: AutomotiveTable, sheet: ScoreSheet): string {
  const rows: (string | number | undefined)[][] = [HEADER];
  for (const item of sheet.items) {
    const label = table.labels[item.label - 1]!;
    rows.push([
      item.id,
      label.category,
      item.label,
      label.name,
      item.no,
      item.level,
      item.part ? `${item.part}: ${item.summary}` : item.summary,
      item.scored.verdict,
      item.scored.points,
      item.scored.reason,
      item.evidence.map((e) => e.text).join(' / '),
      item.evidence.map((e) => `${e.page}${e.anchor ? `#${e.anchor}` : ''}`).join(' '),
    ]);
  }
  for (const label of sheet.labels.filter((l) => l.items === 0)) {
    rows.push([
      `label-${label.number}`,
      label.category,
      label.number,
      label.name,
      undefined,
      undefined,
      '（この計画の範囲外）',
      '未評価',
      undefined,
      '自社で評価して記入する',
      '',
      '',
    ]);
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
