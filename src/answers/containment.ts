/**
 * The entries to close first when an attack spreads (plan 3.1 ④): the company's own order
 * (`containment`), or by default the internet exit first, then the entries rated 4 or BAD
 * (BAD counts as high until someone knows how the entry is used), then those rated 3.
 */
import { THREAT_ENTRY_NUMBERS, type Answers, type ResidualRisk, type ThreatAssessment } from './schema.ts';

/** No.8, the company's connection to the internet. */
export const INTERNET_EXIT = 8;

/** An entry's result, undefined when the answers say nothing about it. */
export function entryLevel(answers: Answers, entry: number): ResidualRisk | undefined {
  return (answers.threats as Partial<Record<number, ThreatAssessment>> | undefined)?.[entry]?.result;
}

/** 3, 4 and BAD: closed first. */
export function isHighLevel(level: ResidualRisk | 'none' | undefined): boolean {
  return level === 3 || level === 4 || level === 'BAD';
}

const RANK: Partial<Record<string, number>> = { '4': 0, BAD: 0, '3': 1 };

/** The entry numbers in the order to close them. */
export function containmentOrder(answers: Answers): number[] {
  if (answers.containment) return [...answers.containment];
  const high = THREAT_ENTRY_NUMBERS.filter((n) => n !== INTERNET_EXIT && isHighLevel(entryLevel(answers, n))).sort(
    (a, b) => RANK[String(entryLevel(answers, a))]! - RANK[String(entryLevel(answers, b))]! || a - b,
  );
  return [INTERNET_EXIT, ...high];
}
