/**
 * The automotive self-assessment, row by row as the guideline is built: one row per
 * achievement condition (No.) whose text we carry, and one unscored row for a label whose
 * conditions we do not carry, pointing to the official check sheet.
 *
 * A status needs a record: 対策済 only when the answers show the measure in place (a dated
 * drill, an answer that says so); an approved plan alone is 計画あり・未実施. Where neither the
 * plan nor the answers say anything, the row is 未確認 and has no score: the company fills it in.
 * The proposed check-sheet choice follows the sheet's points: 対策完了 2, 対策中 1, 未実施 0.
 */
import { daysBetween } from '../answers/due.ts';
import type { Answers } from '../answers/schema.ts';
import { backup321 } from '../bia/recovery.ts';
import type { AutomotiveTable, Condition, GuidelineLabel } from './schema.ts';

export type Status = '対策済' | '計画あり・未実施' | '未対応' | '未確認';
export type SheetChoice = '対策完了' | '対策中' | '未実施';
const SHEET: Record<Status, SheetChoice | undefined> = { 対策済: '対策完了', '計画あり・未実施': '対策中', 未対応: '未実施', 未確認: undefined };
const POINTS: Record<SheetChoice, number> = { 対策完了: 2, 対策中: 1, 未実施: 0 };

export interface Assessed {
  status: Status;
  /** The check sheet's choice we propose, and its points (none for 未確認). */
  choice?: SheetChoice;
  points?: number;
  reason: string;
}

const assessed = (status: Status, reason: string): Assessed => {
  const choice = SHEET[status];
  return { status, choice, points: choice === undefined ? undefined : POINTS[choice], reason };
};

/** A drill older than this no longer shows the procedure in use. */
const YEAR_DAYS = 365;

export function assessCondition(condition: Condition, answers: Answers, today: string): Assessed {
  switch (condition.status) {
    case 'procedure-practised': {
      const first = answers.revisions[0]!;
      const latest = answers.revisions.at(-1)!;
      const gaps = condition.parts.filter((part) => part.required && part.coverage !== 'covered').map((part) => part.name);
      const defined = `手順は計画に定めている（第${first.version}版 ${first.date} 制定、最新は第${latest.version}版 ${latest.date}、${latest.approvedBy}承認）`;
      if (gaps.length > 0) return assessed('計画あり・未実施', `${defined}が、${gaps.join('・')}が計画に足りない`);
      const drill = answers.upkeep?.lastDrill;
      if (drill === undefined) return assessed('計画あり・未実施', `${defined}。手順を使った訓練の記録（upkeep.lastDrill）がない`);
      const age = daysBetween(drill, today);
      if (age < 0 || age > YEAR_DAYS)
        return assessed('計画あり・未実施', `${defined}。手順を使った最後の訓練は ${drill} で、1年以内の記録（upkeep.lastDrill）がない`);
      return assessed('対策済', `${defined}。${drill} の訓練（upkeep.lastDrill）で手順を実際に使った`);
    }
    case 'not-in-answers':
      return assessed('未確認', condition.reason!);
  }
}

/** What the answers show for a label we do not score (label 24's backups). */
export function labelFinding(label: GuidelineLabel, answers: Answers): string | undefined {
  if (label.check !== 'backup') return undefined;
  const systems = answers.bia?.systems.filter((system) => system.backup) ?? [];
  if (systems.length === 0) return 'バックアップの状況（bia.systems の backup）が回答にない';
  const results = systems.map((system) => ({ system, result: backup321(system) }));
  const met = results.filter((r) => r.result.meets).map((r) => r.system.name);
  const unmet = results.filter((r) => !r.result.meets).map((r) => `${r.system.name}（${r.result.gaps.join('、')}）`);
  const tests = systems.map((system) => `${system.name} ${system.backup!.lastRestoreTest ?? 'なし'}`).join('、');
  return [
    met.length > 0 ? `3-2-1 を満たす: ${met.join('・')}。` : '',
    unmet.length > 0 ? `3-2-1 を満たさない: ${unmet.join('／')}。` : '',
    `最後の復元テスト: ${tests}。`,
  ].join('');
}

export interface ConditionRow {
  kind: 'condition';
  label: GuidelineLabel;
  condition: Condition;
  assessed: Assessed;
}

/** An unscored row: a label whose conditions we do not carry, or the rest of a label we carry in part. */
export interface LabelRow {
  kind: 'label';
  label: GuidelineLabel;
  /** true: the label has carried conditions above, and this row stands for its other ones. */
  rest: boolean;
  finding?: string;
}

export type Row = ConditionRow | LabelRow;

export interface LevelSummary {
  level: 'Lv1' | 'Lv2' | 'Lv3';
  /** Conditions of this level in the whole guideline, and how many we carry. */
  total: number;
  carried: number;
  /** Points and maximum over the carried conditions that have a score. */
  points: number;
  max: number;
  unchecked: number;
}

export interface ScoreSheet {
  rows: Row[];
  levels: LevelSummary[];
}

export function scoreSheet(table: AutomotiveTable, answers: Answers, today: string): ScoreSheet {
  const rows: Row[] = [];
  for (const label of table.labels) {
    const conditions = table.conditions.filter((c) => c.label === label.number).sort((a, b) => a.no - b.no);
    for (const condition of conditions) rows.push({ kind: 'condition', label, condition, assessed: assessCondition(condition, answers, today) });
    rows.push({ kind: 'label', label, rest: conditions.length > 0, finding: labelFinding(label, answers) });
  }
  const conditionRows = rows.filter((row): row is ConditionRow => row.kind === 'condition');
  const sum = (mine: ConditionRow[]) => {
    const scored = mine.filter((row) => row.assessed.points !== undefined);
    return { points: scored.reduce((total, row) => total + row.assessed.points!, 0), max: scored.length * 2 };
  };
  const levels = (['Lv1', 'Lv2', 'Lv3'] as const).map((level) => {
    const mine = conditionRows.filter((row) => row.condition.level === level);
    return {
      level,
      total: table.levelTotals[level],
      carried: mine.length,
      unchecked: mine.filter((r) => r.assessed.points === undefined).length,
      ...sum(mine),
    };
  });
  return { rows, levels };
}
