/**
 * When the ransomware exercise's scenes happen, so that the exercise and the rules read
 * one timeline: the first report at #9#, the overview at #7#, the call to the authorities
 * an hour later, and the decision on restoring the first system while its RTO still runs
 * (half of it, not before the authorities scene, at most the next day).
 */
import { durationMinutes } from '../answers/rules/timing.ts';
import type { Answers } from '../answers/schema.ts';
import { recoveryOrder } from './recovery.ts';

const DAY = 24 * 60;

export interface RansomwareTimeline {
  reportMinutes: number;
  graspMinutes: number;
  authoritiesMinutes: number;
  restoreMinutes: number;
  /** The system restored first and its RTO, when the BIA gives one. */
  first?: { index: number; name: string; rto: string; rtoMinutes: number };
}

export function ransomwareTimeline(answers: Answers, today: string): RansomwareTimeline {
  const { slots } = answers;
  const graspMinutes = (slots[7] && durationMinutes(slots[7])) || 120;
  const reportMinutes = (slots[9] && durationMinutes(slots[9])) || 60;
  const authoritiesMinutes = graspMinutes + 60;
  const step = answers.bia ? recoveryOrder(answers.bia, today)[0] : undefined;
  const rtoMinutes = step?.system.rto === undefined ? undefined : durationMinutes(step.system.rto);
  const first =
    step && step.system.rto !== undefined && rtoMinutes !== undefined
      ? { index: answers.bia!.systems.indexOf(step.system), name: step.system.name, rto: step.system.rto, rtoMinutes }
      : undefined;
  const half = first ? Math.round(first.rtoMinutes / 2 / 60) * 60 : DAY;
  const restoreMinutes = Math.min(DAY, Math.max(authoritiesMinutes + 60, half));
  return { reportMinutes, graspMinutes, authoritiesMinutes, restoreMinutes, first };
}
