/**
 * The public view of the answers, made once from the allowlist in `visibility.ts`:
 * fields listed there stay as written, every other string reads 「非公開」 and every other
 * value or section (the threat assessment, upkeep dates, waivers) is left out. The pages,
 * the search indexes and the PDF of a public build only ever receive this view, so they
 * cannot leak what they never saw, and a field added to the schema later starts masked.
 */
import type { Answers } from './schema.ts';
import { isPublicAnswerPath, leadsToPublicAnswer } from './visibility.ts';

/** What a public build shows instead of a confidential value. */
export const MASK = '非公開';

/** `internal`: everything as written (the default). `public`: confidential fields masked. */
export type Visibility = 'internal' | 'public';

export function isMasked(value: unknown): boolean {
  return value === MASK;
}

type Path = (string | number)[];

/**
 * The public form of `node` at `path`: itself when public, its public parts when some lie
 * inside, 「非公開」 for an internal string, undefined (left out) for anything else.
 * `visitInternal` sees every internal string, as written.
 */
function publicForm(node: unknown, path: Path, holders: unknown[], visitInternal: (value: string) => void): unknown {
  if (isPublicAnswerPath(path, holders)) return node;
  if (node !== null && typeof node === 'object' && leadsToPublicAnswer(path, holders)) {
    const inner = [...holders, node];
    if (Array.isArray(node)) {
      return node.map((item, index) => publicForm(item, [...path, index], inner, visitInternal)).filter((item) => item !== undefined);
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      const form = publicForm(value, [...path, key], inner, visitInternal);
      if (form !== undefined) out[key] = form;
    }
    return out;
  }
  const strings: string[] = [];
  collectStrings(node, strings);
  strings.forEach(visitInternal);
  return typeof node === 'string' ? MASK : undefined;
}

function collectStrings(node: unknown, into: string[]): void {
  if (typeof node === 'string') into.push(node);
  else if (node !== null && typeof node === 'object') for (const value of Object.values(node)) collectStrings(value, into);
}

/** A copy of the answers holding only what may be public; every other string reads `MASK`. */
export function maskAnswers(answers: Answers): Answers {
  return publicForm(structuredClone(answers), [], [], () => {}) as Answers;
}

export function applyVisibility(answers: Answers, visibility: Visibility = 'internal'): Answers {
  return visibility === 'public' ? maskAnswers(answers) : answers;
}

/**
 * Every value a public build must not contain, as written: each internal string that no
 * public field repeats (a revision date is public even when an upkeep date equals it).
 */
export function confidentialValues(answers: Answers): string[] {
  const internal: string[] = [];
  const masked = publicForm(answers, [], [], (value) => internal.push(value));
  const shown: string[] = [];
  collectStrings(masked, shown);
  const published = new Set(shown);
  return [...new Set(internal)].filter((value) => !published.has(value) && value !== MASK);
}

/** The staff details of the contacts (name, its readings, phone, mobile, email), except those of a `public: true` desk. */
export function personalValues(answers: Answers): string[] {
  const values = answers.contacts
    .filter((contact) => contact.public !== true)
    .flatMap((contact) => [contact.person, contact.reading, contact.romaji, contact.phone, contact.mobile, contact.email])
    .filter((value): value is string => value !== undefined);
  return [...new Set(values)];
}
