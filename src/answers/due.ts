/**
 * Upkeep due dates: when the plan must next be reviewed, taught, drilled and audited,
 * from the dates the answers record (`upkeep`) and the frequencies answered (#15#–#18#).
 *
 * "Today" is an input: `--today` wins, then `upkeep.asOf` (the example company pins its
 * calendar so its CI stays green for years), then the clock in Japan's time zone, so a
 * build at 08:00 JST on a UTC machine counts the same day as the person reading the plan.
 */
import type { Answers } from './schema.ts';

export type UpkeepKey = 'lastReview' | 'lastEducation' | 'lastDrill' | 'lastAudit';

export interface UpkeepItem {
  key: UpkeepKey;
  /** The slot whose answer gives the frequency. */
  slot: 15 | 16 | 17 | 18;
  label: string;
}

export const UPKEEP_ITEMS: readonly UpkeepItem[] = [
  { key: 'lastReview', slot: 15, label: '計画の見直し' },
  { key: 'lastEducation', slot: 16, label: '従業員教育' },
  { key: 'lastDrill', slot: 17, label: '訓練' },
  { key: 'lastAudit', slot: 18, label: '内部監査' },
];

/** Due within this many days: a warning, so there is time to plan it. */
export const DUE_SOON_DAYS = 30;

const TIME_ZONE = 'Asia/Tokyo';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const FREQUENCY = /^(?:([1-9]\d?)年|(年|半年|四半期|月))([1-9]\d?)回(?:以上)?$/;
const PERIOD_MONTHS: Record<string, number> = { 年: 12, 半年: 6, 四半期: 3, 月: 1 };

/** How often something recurs: whole months when the frequency divides evenly, else days. */
export interface Interval {
  months: number;
  /** Set when `months` is not whole (年5回): the interval in days. */
  days?: number;
}

/** 「年2回」→ 6 months, 「2年1回」→ 24 months, 「月2回」→ 15 days. Undefined when unreadable. */
export function parseFrequency(text: string): Interval | undefined {
  const match = FREQUENCY.exec(text.normalize('NFKC').trim());
  if (!match) return undefined;
  const periodMonths = match[1] ? Number(match[1]) * 12 : PERIOD_MONTHS[match[2]!]!;
  const months = periodMonths / Number(match[3]);
  return Number.isInteger(months) ? { months } : { months, days: Math.round((months * 365.25) / 12) };
}

/** A calendar date valid as YYYY-MM-DD (not 2026-02-30). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Today's date in Japan as YYYY-MM-DD. */
export function todayInJapan(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export interface Today {
  date: string;
  /** Where the date came from: `--today`, the answers' `upkeep.asOf`, or the clock. */
  source: 'option' | 'answers' | 'clock';
}

/** The newest date the answers record (a revision or an upkeep date), with its field path. */
export function latestRecordedDate(answers: Answers): { date: string; path: string } | undefined {
  const dates = [
    ...answers.revisions.map((r, i) => ({ date: r.date, path: `revisions[${i}].date` })),
    ...UPKEEP_ITEMS.flatMap((item) => {
      const date = answers.upkeep?.[item.key];
      return date === undefined ? [] : [{ date, path: `upkeep.${item.key}` }];
    }),
  ];
  return dates.reduce<{ date: string; path: string } | undefined>((latest, d) => (latest === undefined || d.date > latest.date ? d : latest), undefined);
}

/**
 * `upkeep.asOf` pins the example company's calendar. It disarms itself: once the answers
 * record anything after it (a company that copied the example adds its own revision,
 * which `bcp revisions` demands), it no longer counts and the check reports it.
 */
export function staleAsOf(answers: Answers): { asOf: string; later: string; where: string } | undefined {
  const asOf = answers.upkeep?.asOf;
  const latest = latestRecordedDate(answers);
  if (asOf === undefined || latest === undefined || latest.date <= asOf) return undefined;
  return { asOf, later: latest.date, where: latest.path };
}

export function resolveToday(answers: Answers | undefined, explicit?: string, now?: Date): Today {
  if (explicit !== undefined) return { date: explicit, source: 'option' };
  const asOf = answers?.upkeep?.asOf;
  if (answers && asOf !== undefined && !staleAsOf(answers)) return { date: asOf, source: 'answers' };
  return { date: todayInJapan(now), source: 'clock' };
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addInterval(date: string, interval: Interval): string {
  const d = toUtc(date);
  if (interval.days !== undefined) {
    d.setUTCDate(d.getUTCDate() + interval.days);
    return d.toISOString().slice(0, 10);
  }
  // 08-31 plus one month is 09-30, not 10-01: clamp to the month's last day.
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + interval.months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

export type DueStatus = 'overdue' | 'soon' | 'ok';

export interface DueItem extends UpkeepItem {
  frequency: string;
  /** The date it was last done, or undefined when the answers record none. */
  last?: string;
  /**
   * What the due date counts from: the recorded date; for the review, a newer revision
   * (approving a revision is a review); or, when never done, the plan's first revision.
   */
  basis: 'upkeep' | 'revision' | 'plan-start';
  next: string;
  /** Days from today to `next`; negative when overdue. */
  daysLeft: number;
  status: DueStatus;
}

/** The next due date of each upkeep item whose frequency is answered and readable. */
export function upkeepSchedule(answers: Answers, today: string): DueItem[] {
  const revisions = answers.revisions;
  const planStart = revisions[0]?.date;
  const latestRevision = revisions.map((r) => r.date).sort().at(-1);
  const items: DueItem[] = [];
  for (const item of UPKEEP_ITEMS) {
    const frequency = answers.slots[item.slot];
    const interval = frequency === undefined ? undefined : parseFrequency(frequency);
    if (frequency === undefined || !interval) continue;
    let last = answers.upkeep?.[item.key];
    let basis: DueItem['basis'] = 'upkeep';
    if (item.key === 'lastReview' && latestRevision !== undefined && (last === undefined || latestRevision > last)) {
      last = latestRevision;
      basis = 'revision';
    }
    const from = last ?? planStart;
    if (from === undefined) continue;
    if (last === undefined) basis = 'plan-start';
    const next = addInterval(from, interval);
    const { daysLeft, status } = dueState(next, today);
    items.push({ ...item, frequency, last, basis, next, daysLeft, status });
  }
  return items;
}

/** The status of a due date seen on `today`: shared by the build and the home page's script. */
export function dueState(next: string, today: string): { status: DueStatus; daysLeft: number } {
  const daysLeft = daysBetween(today, next);
  return { daysLeft, status: daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'soon' : 'ok' };
}

/** 「期限切れ（3日過ぎ）」「今日が期限」「あと12日」. */
export function dueText(daysLeft: number): string {
  return daysLeft < 0 ? `期限切れ（${-daysLeft}日過ぎ）` : daysLeft === 0 ? '今日が期限' : `あと${daysLeft}日`;
}
