/**
 * The recovery order and the backup status of each system, derived from the BIA answers.
 *
 * Order: priority (S first), then the shorter RTO, then the order of `bia.systems`.
 * Restoring runs in two stages (BCAO): first a temporary service from the backup, on
 * reduced equipment, with the data since the last backup typed in again; then the
 * permanent one, switched back from the temporary set-up in a planned pause.
 */
import { addInterval, daysBetween } from '../answers/due.ts';
import { durationMinutes } from '../answers/rules/timing.ts';
import type { Bia, BiaSystem } from '../answers/schema.ts';
import { PRIORITIES, systemPriorities, type Priority } from './matrix.ts';

/** A restore test older than this no longer proves the backup can be restored. */
export const RESTORE_TEST_MONTHS = 12;

export interface BackupStatus {
  /** 3 copies (the original and 2 more), 2 kinds of media, 1 copy offline, 1 copy off-site at a named place. */
  meets321: boolean;
  /** What 3-2-1 lacks, in words (empty when met). */
  gaps321: string[];
  /** Copies besides the original. */
  copies: number;
  /** Distinct kinds of media among the copies. */
  kinds: number;
  offline: boolean;
  /** A copy is kept away from the original, at a named place. */
  offsite: boolean;
  lastRestoreTest?: string;
  /** Days since the last restore test (undefined: never tested). */
  restoreTestAge?: number;
  /** The restore test is within the last year. */
  restoreTestFresh: boolean;
}

export interface RecoveryStep {
  rank: number;
  system: BiaSystem;
  priority?: Priority;
  decidedBy: string[];
  rtoMinutes?: number;
  backup: BackupStatus;
}

/** Normalised kind of medium: 「外付けHDD（毎週入れ替え）」 and 「外付けHDD」 are one kind. */
function mediumKind(kind: string): string {
  return kind
    .normalize('NFKC')
    .replace(/\([^()]*\)/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
}

export interface Backup321 {
  meets: boolean;
  /** What 3-2-1 lacks, in words (empty when met). */
  gaps: string[];
  copies: number;
  kinds: number;
  offline: boolean;
  offsite: boolean;
}

/**
 * 3-2-1 read from the copies themselves, never from a claim: each part is met only when a
 * copy says so (an off-site copy counts only with its place named).
 */
export function backup321(system: BiaSystem): Backup321 {
  const list = system.backup?.copies ?? [];
  const gaps: string[] = [];
  const kinds = new Set(list.map((c) => mediumKind(c.kind))).size;
  const offline = list.some((c) => c.offline === true);
  const offsite = list.some((c) => c.offsite === true && c.place !== undefined);
  const unplaced = list.some((c) => c.offsite === true && c.place === undefined);
  if (list.length < 2) gaps.push(`本番のほかのコピーが${list.length}つ（2つ要る）`);
  if (kinds < 2) gaps.push(`コピーの媒体が${kinds}種類（2種類要る）`);
  if (!offline) gaps.push('オフラインのコピーがない');
  if (!offsite) gaps.push(unplaced ? '別の場所に置くコピーの場所（place）が書かれていない' : '別の場所に置いたコピーがない');
  return { meets: gaps.length === 0, gaps, copies: list.length, kinds, offline, offsite };
}

export function backupStatus(system: BiaSystem, today: string): BackupStatus {
  const { meets, gaps, copies, kinds, offline, offsite } = backup321(system);
  const last = system.backup?.lastRestoreTest;
  const fresh = last !== undefined && addInterval(last, { months: RESTORE_TEST_MONTHS }) >= today;
  return {
    meets321: meets,
    gaps321: gaps,
    copies,
    kinds,
    offline,
    offsite,
    lastRestoreTest: last,
    restoreTestAge: last === undefined ? undefined : daysBetween(last, today),
    restoreTestFresh: fresh,
  };
}

/** Every system in the order to restore it. Systems no process uses come last. */
export function recoveryOrder(bia: Bia, today: string): RecoveryStep[] {
  const priorities = systemPriorities(bia);
  const rank = (p: Priority | undefined) => (p === undefined ? PRIORITIES.length : PRIORITIES.indexOf(p));
  return bia.systems
    .map((system, index) => ({
      index,
      system,
      priority: priorities[index]!.priority,
      decidedBy: priorities[index]!.decidedBy,
      rtoMinutes: system.rto === undefined ? undefined : durationMinutes(system.rto),
      backup: backupStatus(system, today),
    }))
    .sort((a, b) => rank(a.priority) - rank(b.priority) || (a.rtoMinutes ?? Infinity) - (b.rtoMinutes ?? Infinity) || a.index - b.index)
    .map(({ index: _index, ...step }, i) => ({ rank: i + 1, ...step }));
}

/** Stage 1, temporary recovery: the steps BCAO lists, in the order to take them. */
export const TEMPORARY_STEPS = [
  '攻撃が収まり、広がっていないことを確かめる（戻した先がまた感染しないように）',
  '被害を調べる（どのシステムの、どのデータが使えないか）',
  'バックアップを手配する（被害の調査と並んで先に始めてよい）',
  '下の順番で、バックアップから暫定の環境に戻す（本番より小さな構成でよい）',
  '最後のバックアップ以降に入力したデータを打ち直し、業務を再開する',
] as const;

/** Stage 2, permanent recovery. */
export const PERMANENT_STEPS = [
  '被害を詳しく調べ、本番に戻す計画を立てる',
  '被害を受けた機器・ソフトを入れ替える、または直す',
  '業務をいったん計画的に止め、暫定の環境のデータをバックアップする',
  '本番の環境にアプリとデータを戻す',
  '正しく動くことを確かめる',
  '暫定の環境から本番に切り替える',
  '通常の業務に戻る',
] as const;
