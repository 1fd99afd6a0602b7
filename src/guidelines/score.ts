/**
 * The self-score of each guideline item, worked out from the answers with the reason, so a
 * supplier can defend it to a customer. Scoring follows the guideline's check sheet:
 * 対策完了 2, 対策中 1, 未実施 0; 未評価 (not covered by the plan) is never counted.
 */
import { daysBetween, upkeepSchedule, type UpkeepKey } from '../answers/due.ts';
import { outsideResponder } from '../answers/values.ts';
import type { Answers } from '../answers/schema.ts';
import { isCritical } from '../bia/matrix.ts';
import { recoveryOrder } from '../bia/recovery.ts';
import type { AutomotiveItem, AutomotiveTable } from './schema.ts';

export type Verdict = '対策完了' | '対策中' | '未実施' | '未評価';
export const POINTS: Record<Verdict, number | undefined> = { 対策完了: 2, 対策中: 1, 未実施: 0, 未評価: undefined };

export interface Score {
  verdict: Verdict;
  points?: number;
  reason: string;
}

const score = (verdict: Verdict, reason: string): Score => ({ verdict, points: POINTS[verdict], reason });

/** A drill or lesson older than this no longer counts as done "in the last year". */
const YEAR_DAYS = 365;

export function scoreItem(item: AutomotiveItem, answers: Answers, today: string): Score {
  switch (item.score) {
    case 'procedure': {
      const revision = answers.revisions.at(-1)!;
      return score('対策完了', `計画の第${revision.version}版（${revision.date}、${revision.approvedBy}承認）に定めている`);
    }
    case 'organisation': {
      const roles = [answers.slots[3], answers.slots[10]].filter((role): role is string => typeof role === 'string');
      const reachable = roles.filter((role) => answers.contacts.some((contact) => contact.role === role));
      if (roles.length < 2) return score('対策中', '対応の中心となる役割か対策本部の責任者が、回答にまだない');
      if (reachable.length < roles.length)
        return score('対策中', `役割は決めたが、${roles.filter((r) => !reachable.includes(r)).join('・')}の連絡先が一覧にない`);
      if (!outsideResponder(answers)) return score('対策中', '役割と連絡先はあるが、外部専門家を決めていない');
      return score('対策完了', `対応の中心（${roles[0]}）と対策本部の責任者（${roles[1]}）、外部専門家を決め、連絡先もある`);
    }
    case 'education':
      return recurring(answers, today, 'lastEducation', '教育');
    case 'training':
      return recurring(answers, today, 'lastDrill', '訓練');
    case 'threats-assessed': {
      const assessed = Object.values(answers.threats ?? {}).filter((t) => t.result !== 'BAD').length;
      if (assessed === 0) return score('未実施', '脅威の入口をまだ評価していない');
      const unknown = 13 - assessed;
      return score(
        '対策中',
        `13の入口のうち${assessed}を評価した${unknown > 0 ? `（${unknown}は実態不明か未記入）` : ''}。外部接続の一覧と利用状況の管理そのものは計画の範囲外`,
      );
    }
    case 'backup':
      return backupScore(answers, today);
    case 'partial':
      return score('対策中', item.reason!);
    case 'not-covered':
      return score('未評価', 'この計画は根拠にならない。自社で評価して記入する');
  }
}

/** Backups of the systems the BIA ranks S or A: offline copy and a restore test within the year. */
function backupScore(answers: Answers, today: string): Score {
  if (!answers.bia) return score('未評価', 'バックアップの状況（bia.systems）が回答にないため、自社で確かめて記入する');
  const critical = recoveryOrder(answers.bia, today).filter((step) => isCritical(step.priority));
  if (critical.length === 0) return score('未評価', '優先度 S・A のシステムが BIA にないため、判断できない');
  const ready = critical.filter((step) => step.backup.offline && step.backup.restoreTestFresh);
  const names = (steps: typeof critical) => steps.map((step) => step.system.name).join('・');
  if (ready.length === critical.length) return score('対策完了', `優先度 S・A の ${names(critical)} に、オフラインのコピーと1年以内の復元テストがある`);
  if (ready.length === 0) return score('未実施', `優先度 S・A の ${names(critical)} のどれにも、オフラインのコピーと1年以内の復元テストがそろっていない`);
  return score('対策中', `${names(critical.filter((step) => !ready.includes(step)))} に、オフラインのコピーか1年以内の復元テストが足りない`);
}

/** Education or drills: done within the year and not overdue by the plan's own frequency. */
function recurring(answers: Answers, today: string, key: UpkeepKey, what: string): Score {
  const last = answers.upkeep?.[key];
  if (last === undefined) return score('未実施', `${what}の実施日が回答（upkeep.${key}）にない`);
  const due = upkeepSchedule(answers, today).find((item) => item.key === key);
  const age = daysBetween(last, today);
  if (age > YEAR_DAYS) return score('対策中', `最後の${what}は ${last}（1年より前）。今年度の${what}を行い、upkeep.${key} に日付を書く`);
  if (due?.status === 'overdue')
    return score('対策中', `最後の${what}は ${last} だが、計画の頻度（${due.frequency}）では ${due.next} までに次を行うはずだった`);
  return score('対策完了', `最後の${what}は ${last}。計画の頻度（${due?.frequency ?? '回答なし'}）を守っている`);
}

export interface ScoredItem extends AutomotiveItem {
  scored: Score;
  labelName: string;
}

export interface LabelSummary {
  number: number;
  category: string;
  name: string;
  items: number;
  /** Points of the evaluated items, out of 2 each. */
  points: number;
  max: number;
  /** Items marked 未評価 (or labels the plan does not cover at all). */
  unevaluated: number;
}

export interface ScoreSheet {
  items: ScoredItem[];
  labels: LabelSummary[];
  /** Per level, over the numbered conditions (a condition scores as its weakest part). */
  levels: { level: string; conditions: number; points: number; max: number }[];
}

export function scoreSheet(table: AutomotiveTable, answers: Answers, today: string): ScoreSheet {
  const items = table.items.map((item) => ({ ...item, scored: scoreItem(item, answers, today), labelName: table.labels[item.label - 1]!.name }));
  const labels = table.labels.map((label) => {
    const mine = items.filter((item) => item.label === label.number);
    const evaluated = mine.filter((item) => item.scored.points !== undefined);
    return {
      ...label,
      items: mine.length,
      points: evaluated.reduce((sum, item) => sum + item.scored.points!, 0),
      max: evaluated.length * 2,
      unevaluated: mine.length === 0 ? 1 : mine.length - evaluated.length,
    };
  });
  const conditions = new Map<number, { level: string; points: number }>();
  for (const item of items) {
    if (item.no === undefined || item.level === undefined || item.scored.points === undefined) continue;
    const seen = conditions.get(item.no);
    conditions.set(item.no, { level: item.level, points: Math.min(seen?.points ?? 2, item.scored.points) });
  }
  const levels = ['Lv1', 'Lv2', 'Lv3'].map((level) => {
    const mine = [...conditions.values()].filter((c) => c.level === level);
    return { level, conditions: mine.length, points: mine.reduce((sum, c) => sum + c.points, 0), max: mine.length * 2 };
  });
  return { items, labels, levels };
}
