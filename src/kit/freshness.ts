/**
 * Freshness of the printed incident kit (issue 23): the poster on the wall and the cards in
 * wallets are paper, so a new revision of the plan does not reach them by itself. The
 * answers record the last print run (`upkeep.lastKitPrint`); when the plan's latest revision
 * is newer, `bcp check` warns (never fails) that they should be reprinted.
 */
import type { Answers } from '../answers/schema.ts';
import { currentRevision } from '../answers/values.ts';
import type { Problem } from '../errors/catalogue.ts';
import { problemAt, type Rule } from '../answers/rules/context.ts';

export interface KitPrintStatus {
  /** The plan's latest revision. */
  current: { version: string; date: string };
  /** What was last printed, when recorded. */
  printed?: { version: string; date: string };
  /** The printed kit is from an older revision than the plan's latest. */
  reprint: boolean;
}

/** Compares `x.y` versions numerically: negative when a is older than b. */
export function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/**
 * The latest revision against the last print run. Nothing recorded is not a warning: a
 * company that has not printed the kit yet has nothing on the wall to replace.
 */
export function kitPrintStatus(answers: Answers): KitPrintStatus {
  const revision = currentRevision(answers);
  const current = { version: revision.version, date: revision.date };
  const printed = answers.upkeep?.lastKitPrint;
  if (!printed) return { current, reprint: false };
  const reprint = compareVersions(printed.version, current.version) < 0 || printed.date < current.date;
  return { current, printed: { version: printed.version, date: printed.date }, reprint };
}

export const kitFreshnessRules: Rule = (context) => {
  const status = kitPrintStatus(context.answers);
  if (!status.reprint || !status.printed) return [];
  const problem: Problem = problemAt(context, 'kit-reprint-due', ['upkeep', 'lastKitPrint', 'date'], {
    printed: status.printed.version,
    printedDate: status.printed.date,
    current: status.current.version,
    currentDate: status.current.date,
  });
  return [problem];
};
