/**
 * The company's threat-entry assessment as the site shows it: the scale's words, each
 * entry's result, which entries count as high, and where each entry's page lives.
 * Pure functions over validated answers, so tests use them without Astro.
 */
import { NOT_YET_ASSESSED, THREAT_ENTRY_NUMBERS, type Answers, type ResidualRisk, type ThreatAssessment } from '../answers/schema.ts';

/** An entry's result, or 'none' when the answers file says nothing about it. */
export type RiskLevel = ResidualRisk | 'none';

export interface LevelInfo {
  /** CSS and pattern suffix: `4`, `3`, `2`, `1`, `bad`, `none`. */
  key: string;
  /** How the level reads in lists and the legend. */
  label: string;
  /** The few characters printed next to a map hotspot (legible without colour). */
  tag: string;
  description: string;
  /** Closed first in the plan's first response. */
  high: boolean;
}

// The scale is ours: the reference example uses ①〜④ without saying what they mean.
// We read 4 as the largest residual risk, which matches the issues noted beside ④ and ③.
const LEVELS: ReadonlyMap<RiskLevel, LevelInfo> = new Map<RiskLevel, LevelInfo>([
  [4, { key: '4', label: '4（大きい）', tag: '4 大', description: '対策がほとんどなく、急いで手当てが要る', high: true }],
  [3, { key: '3', label: '3（やや大きい）', tag: '3 やや大', description: '対策に抜けがあり、攻撃されると被害につながりうる', high: true }],
  [2, { key: '2', label: '2（やや小さい）', tag: '2 やや小', description: 'おおむね対策済みだが、弱い点が残る', high: false }],
  [1, { key: '1', label: '1（小さい）', tag: '1 小', description: '対策が整っていて、残るリスクは小さい', high: false }],
  // Unknown is not safe: until someone looks, a BAD entry is closed first like a 4 or 3.
  ['BAD', { key: 'bad', label: 'BAD（不明）', tag: '? 不明', description: '実態が分からず評価できていない。分かるまでは大きいものとして扱う', high: true }],
  ['未評価', { key: 'unassessed', label: '未評価', tag: '－ 未評価', description: 'まだアセスメントをしていない', high: false }],
  ['none', { key: 'none', label: '未記入', tag: '－ 未記入', description: '回答ファイルに結果が書かれていない', high: false }],
]);

/** The levels from the largest risk down, for legends. */
export function riskLevels(): readonly LevelInfo[] {
  return [...LEVELS.values()];
}

export function levelInfo(level: RiskLevel): LevelInfo {
  return LEVELS.get(level)!;
}

export interface EntryAssessment {
  level: RiskLevel;
  info: LevelInfo;
  /** The issue the company noted (answer text). */
  issue?: string;
}

export function assessmentOf(answers: Answers, number: number): EntryAssessment {
  const found = (answers.threats as Partial<Record<number, ThreatAssessment>> | undefined)?.[number];
  const level: RiskLevel = found?.result ?? 'none';
  return { level, info: levelInfo(level), issue: found?.issue };
}

/**
 * Sort key: larger residual risk first. BAD comes after 4 and 3: those are known to be
 * large and have a known way to close, while a BAD entry may first have to be found.
 */
const RANK: Record<string, number> = { '4': 4, '3': 3, BAD: 2.5, '2': 2, '1': 1 };

/** Entries marked 4, 3 or BAD, largest risk first, then by number: the order to close them in. */
export function highRiskNumbers(answers: Answers): number[] {
  return THREAT_ENTRY_NUMBERS.filter((n) => assessmentOf(answers, n).info.high).sort(
    (a, b) => RANK[String(assessmentOf(answers, b).level)]! - RANK[String(assessmentOf(answers, a).level)]! || a - b,
  );
}

/** Entries marked BAD: nobody knows how they are used yet. */
export function unknownRiskNumbers(answers: Answers): number[] {
  return THREAT_ENTRY_NUMBERS.filter((n) => assessmentOf(answers, n).level === 'BAD');
}

/** Entries marked 未評価: the assessment has not been done yet (a plan fresh from `bcp init`). */
export function notAssessedNumbers(answers: Answers): number[] {
  return THREAT_ENTRY_NUMBERS.filter((n) => assessmentOf(answers, n).level === NOT_YET_ASSESSED);
}

/** `threats/01.html`: the site file of an entry's page. */
export function threatPage(number: number): string {
  return `threats/${String(number).padStart(2, '0')}.html`;
}

/** The handbook's two incident cases, in our words. */
export const INCIDENT_CASES: Readonly<Record<1 | 2, { title: string; summary: string }>> = {
  1: {
    title: '事例1: USBメモリーから入ったマルウェアで工場が止まった',
    summary:
      '取引先を装って郵送された USB メモリーをパソコンに挿すと、不正なプログラムが動き出した。攻撃者はそこから遠隔で工場のネットワークを渡り歩き、各システムの管理者の権限を奪って、工場のシステムをいつでも止められる状態にした。',
  },
  2: {
    title: '事例2: 保守用の接続口から入られて工場が止まった',
    summary:
      '工場のネットワークと社外を結ぶリモート接続の機器の弱点を突かれて侵入され、ランサムウェアでサーバやパソコンのデータの一部が暗号化された。受発注のシステムが止まって部品を作れなくなり、工場の復旧に数日かかった。',
  },
};
