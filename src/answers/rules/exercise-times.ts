/**
 * The tabletop exercise keeps the company's clock: the scene where the ransomware team
 * decides how to restore the first system must come before that system's RTO runs out,
 * or the exercise quotes a target the story has already missed. The timeline itself lives
 * in src/bia/exercise-timeline.ts, which the exercise kit reads too.
 */
import { ransomwareTimeline } from '../../bia/exercise-timeline.ts';
import { formatPath } from '../error-map.ts';
import { problemAt, type Rule } from './context.ts';

/** 「4時間後」「1日後」: as the exercise sheet prints it. */
export function sceneTime(minutes: number): string {
  if (minutes % (24 * 60) === 0) return `${minutes / (24 * 60)}日後`;
  if (minutes % 60 === 0) return `${minutes / 60}時間後`;
  return `${minutes}分後`;
}

export const RANSOMWARE_TITLE = 'ランサムウェアで業務の要のシステムが止まる';

export const exerciseTimeRules: Rule = (context) => {
  const timeline = ransomwareTimeline(context.answers, context.today.date);
  const first = timeline.first;
  if (!first || timeline.restoreMinutes <= first.rtoMinutes) return [];
  const path = ['bia', 'systems', first.index, 'rto'];
  return [
    problemAt(context, 'exercise-after-deadline', path, {
      path: formatPath(path),
      scenario: RANSOMWARE_TITLE,
      time: sceneTime(timeline.restoreMinutes),
      target: `「${first.name}」の目標復旧時間`,
      value: first.rto,
    }),
  ];
};
