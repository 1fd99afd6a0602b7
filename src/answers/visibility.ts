/**
 * What may be public: the one allowlist of a public build (`bcp build --public`).
 *
 * Everything not listed here is internal. A page someone adds later (a business-impact
 * page, exercise records, a CSV) is therefore left out of the public site until it is
 * added below on purpose, and an answer field added to the schema later is masked.
 * Pure data and matchers, no imports, so every stage (answers, pages, build) can read it.
 */

/**
 * Site files a public build keeps, as paths relative to the site root. `*` matches
 * within one path segment, `**` any number of segments.
 */
export const PUBLIC_FILES: readonly string[] = [
  // Pages whose content is the plan's structure, the handbook and generic knowledge.
  'index.html',
  'plan.html',
  'template.html',
  'contacts.html',
  'glossary.html',
  'handbook.html',
  'handbook/*.html',
  // The 13 entry points as knowledge; the company's results are not shown in public.
  'threats.html',
  'threats/*.html',
  'checklists.html',
  'checklists/*.html',
  // The page the binder PDF is printed from, and the PDF.
  'print.html',
  'plan.pdf',
  // Assets: bundled browser scripts at the root, Astro's assets, both search indexes (written from the allowed pages only).
  '*.js',
  '_astro/**',
  'search/**',
  'pagefind/**',
  'robots.txt',
  'favicon.*',
  // bcp build's mark that the folder is its output (src/build/output.ts), added after this list is applied.
  '.bcp-output',
];

/**
 * Answer fields a public build shows as written. `[]` is every entry of a list,
 * `[public]` only the entries marked `public: true` (a company desk), `*` any key.
 * Any other string reads 「非公開」; any other value, and a section with nothing
 * listed (threat assessment, upkeep dates, waivers), is left out.
 */
export const PUBLIC_ANSWER_FIELDS: readonly string[] = [
  'templateVersion',
  'company.name',
  'company.shortName',
  'company.industry',
  'company.employees',
  'company.address',
  'plan.title',
  'plan.confidentiality',
  // The slots are the plan's own words: roles, target times, frequencies.
  'slots.*',
  'contacts[].id',
  'contacts[].role',
  'contacts[].organisation',
  // Other names of a role and who stands in: roles, like the slots.
  'contacts[].aliases',
  'contacts[].deputy',
  'contacts[].public',
  'contacts[public].person',
  'contacts[public].phone',
  'contacts[public].mobile',
  'contacts[public].email',
  // Which role decides what is told outside: a role, like the slots.
  'externalCommunication.decidedBy',
  // Who approved which version when; the summaries are free text and stay internal.
  'revisions[].version',
  'revisions[].date',
  'revisions[].approvedBy',
];

function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('/')
    .map((part) => (part === '**' ? '.*' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')))
    .join('/');
  return new RegExp(`^${source.replace(/\/\.\*$/, '(?:/.*)?')}$`);
}

const FILE_PATTERNS = PUBLIC_FILES.map(globToRegExp);

/** Whether a site file (`threats/01.html`, `bia.html`) may be in the public build. */
export function isPublicFile(file: string): boolean {
  const normalized = file.replace(/\\/g, '/').replace(/^\.?\//, '').replace(/[?#].*$/, '');
  return FILE_PATTERNS.some((pattern) => pattern.test(normalized));
}

/** One step of an answers path: an object key, or an entry of a list (`each`), maybe only public ones. */
type Step = { key: string } | { each: 'all' | 'public' };

function stepsOf(pattern: string): Step[] {
  const steps: Step[] = [];
  for (const part of pattern.split('.')) {
    const match = /^(.*?)(\[(public)?\])?$/.exec(part)!;
    steps.push({ key: match[1]! });
    if (match[2]) steps.push({ each: match[3] ? 'public' : 'all' });
  }
  return steps;
}

const FIELD_PATTERNS = PUBLIC_ANSWER_FIELDS.map(stepsOf);

function matches(steps: readonly Step[], path: readonly (string | number)[], holders: readonly unknown[], length: number): boolean {
  for (let i = 0; i < length; i++) {
    const step = steps[i]!;
    const segment = path[i]!;
    if ('key' in step) {
      if (typeof segment !== 'string' || (step.key !== '*' && step.key !== segment)) return false;
    } else {
      if (typeof segment !== 'number') return false;
      const entry = (holders[i] as unknown[] | undefined)?.[segment];
      if (step.each === 'public' && !(entry !== null && typeof entry === 'object' && (entry as Record<string, unknown>).public === true)) return false;
    }
  }
  return true;
}

/**
 * Whether the value at `path` may be public: a listed field or anything inside one.
 * `holders[i]` is the object or list that holds `path[i]`, so `[public]` can look at the entry.
 */
export function isPublicAnswerPath(path: readonly (string | number)[], holders: readonly unknown[]): boolean {
  return FIELD_PATTERNS.some((steps) => steps.length <= path.length && matches(steps, path, holders, steps.length));
}

/** Whether some public field lies further inside `path` (so a section is walked into, not dropped). */
export function leadsToPublicAnswer(path: readonly (string | number)[], holders: readonly unknown[]): boolean {
  return FIELD_PATTERNS.some((steps) => steps.length > path.length && matches(steps, path, holders, path.length));
}
