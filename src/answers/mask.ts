/**
 * The public view of the answers: every confidential field (`CONFIDENTIAL_PATHS`) is
 * replaced by 「非公開」 here, once, so the pages, the search indexes and the PDF of a
 * public build only ever receive masked answers and cannot leak what they never saw.
 */
import { CONFIDENTIAL_PATHS, type Answers } from './schema.ts';

/** What a public build shows instead of a confidential value. */
export const MASK = '非公開';

/** `internal`: everything as written (the default). `public`: confidential fields masked. */
export type Visibility = 'internal' | 'public';

export function isMasked(value: unknown): boolean {
  return value === MASK;
}

type Segment = { key: string; each: boolean };

/** `contacts[].phone` → [{key: 'contacts', each: true}, {key: 'phone', each: false}]. */
function segments(pattern: string): Segment[] {
  return pattern.split('.').map((part) => ({ key: part.replace(/\[\]$/, ''), each: part.endsWith('[]') }));
}

/** Calls `visit` with the object holding each confidential field and the field's key. */
function forEachConfidential(answers: unknown, visit: (holder: Record<string, unknown>, key: string) => void) {
  for (const pattern of CONFIDENTIAL_PATHS) {
    const walk = (node: unknown, rest: Segment[]) => {
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      // An entry marked `public: true` is a company desk, published as written.
      if (record.public === true) return;
      const [head, ...tail] = rest;
      if (!head) return;
      if (tail.length === 0 && !head.each) {
        if (typeof record[head.key] === 'string') visit(record, head.key);
        return;
      }
      const child = record[head.key];
      if (head.each) {
        if (Array.isArray(child)) for (const item of child) walk(item, tail);
      } else {
        walk(child, tail);
      }
    };
    walk(answers, segments(pattern));
  }
}

/** A deep copy of the answers with every confidential value replaced by `MASK`. */
export function maskAnswers(answers: Answers): Answers {
  const copy = structuredClone(answers);
  forEachConfidential(copy, (holder, key) => {
    holder[key] = MASK;
  });
  return copy;
}

export function applyVisibility(answers: Answers, visibility: Visibility = 'internal'): Answers {
  return visibility === 'public' ? maskAnswers(answers) : answers;
}

/** Every confidential value of the answers, as written: what a public build must not contain. */
export function confidentialValues(answers: Answers): string[] {
  const values: string[] = [];
  forEachConfidential(answers, (holder, key) => values.push(holder[key] as string));
  return [...new Set(values)];
}
