/**
 * The time targets: reporting to the last person on the route (#9#) should not take
 * longer than grasping the situation (#7#), or the people up the route hear nothing
 * until the picture is complete. A company may decide otherwise, but must say why.
 */
import { formatPath } from '../error-map.ts';
import { problemAt, type Rule } from './context.ts';

const UNIT_MINUTES: Record<string, number> = { 分: 1, 時間: 60, 日: 24 * 60 };

/** 「2時間以内」 → 120. Undefined when the text is not a duration. */
export function durationMinutes(text: string): number | undefined {
  const match = /^([1-9]\d{0,2})(分|時間|日)以内$/.exec(text.normalize('NFKC').trim());
  return match ? Number(match[1]) * UNIT_MINUTES[match[2]!]! : undefined;
}

export const timingRules: Rule = (context) => {
  const { slots, waivers } = context.answers;
  const grasp = slots[7];
  const report = slots[9];
  if (grasp === undefined || report === undefined) return [];
  const graspMinutes = durationMinutes(grasp);
  const reportMinutes = durationMinutes(report);
  if (graspMinutes === undefined || reportMinutes === undefined || reportMinutes <= graspMinutes) return [];
  if (waivers?.['report-slower-than-grasp'] !== undefined) return [];
  const path = ['slots', '9'];
  return [problemAt(context, 'report-slower-than-grasp', path, { path: formatPath(path), grasp, report })];
};
