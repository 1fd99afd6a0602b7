/**
 * The report cache of `bcp check`: `.cache/check/report.json` under the project holds the
 * last whole report (tokens and problems) of a check of the whole content, keyed on
 * everything such a check reads: every file under `content/`, the answers file, the
 * example answers, the `--answers` and `--today` options, today's date in Japan, and the
 * tool's fingerprint. When nothing of that changed, `bcp check` prints the report without
 * parsing any YAML or MDX. When something changed, the scan cache (scan-cache.ts) still
 * spares the content files that did not.
 *
 * Like the scan cache it is never required: missing, damaged or stale means a normal check.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../errors/catalogue.ts';

export const REPORT_CACHE_FILE = path.join('.cache', 'check', 'report.json');
/** Bump when the layout of the cache file changes. */
const FORMAT = 1;

export interface CheckReport {
  tokens: Array<{ id: number; file: string; line: number; column: number; resolved: boolean }>;
  problems: Problem[];
  errorCount: number;
  warningCount: number;
}

/**
 * The key of a whole-content check: a hash of all it reads. Every loader of the check
 * (answers, content, checklists, glossary, guidelines, plan sections) reads under
 * `content/` or the two answers files; a new input elsewhere must be added here.
 */
export function checkInputsKey(cwd: string, options: { tool: string; answersFile: string; exampleFile: string; today?: string }): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FORMAT, options.tool, options.answersFile, options.today ?? null, japanDate()]));
  const add = (file: string) => {
    const bytes = existsSync(file) && statSync(file).isFile() ? readFileSync(file) : undefined;
    // Name and length first, so no two different trees hash the same stream.
    hash.update(`\0${path.relative(cwd, file)}\0${bytes ? bytes.length : 'none'}\0`);
    if (bytes) hash.update(bytes);
  };
  add(path.resolve(cwd, options.answersFile));
  // A plan's shared base (`extends:`, src/answers/extends.ts) is read too.
  const answersPath = path.resolve(cwd, options.answersFile);
  const base = existsSync(answersPath) ? /^extends:\s*["']?([^"'#\n]+?)["']?\s*(?:#.*)?$/m.exec(readFileSync(answersPath, 'utf8'))?.[1] : undefined;
  if (base) add(path.resolve(path.dirname(answersPath), base));
  add(path.resolve(cwd, options.exampleFile));
  // Follows links like the check's own walk (check.ts contentFiles), which uses stat too.
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else add(full);
    }
  };
  const content = path.resolve(cwd, 'content');
  if (existsSync(content) && statSync(content).isDirectory()) walk(content);
  return hash.digest('hex');
}

/**
 * Today's date in Japan, as todayInJapan() in due.ts gives it, without Intl: setting up a
 * time zone costs more than the whole cached check. Japan keeps UTC+9 all year.
 */
function japanDate(): string {
  return new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

export function readReport(cwd: string, key: string): CheckReport | undefined {
  try {
    const data = JSON.parse(readFileSync(path.resolve(cwd, REPORT_CACHE_FILE), 'utf8')) as { key?: unknown; report?: unknown } | null;
    if (!data || data.key !== key || !isReport(data.report)) return undefined;
    return data.report;
  } catch {
    return undefined;
  }
}

/** Writes the report: temp file, then rename. Failing to write is not an error. */
export function writeReport(cwd: string, key: string, report: CheckReport): void {
  const file = path.resolve(cwd, REPORT_CACHE_FILE);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const { tokens, problems, errorCount, warningCount } = report;
    writeFileSync(temp, JSON.stringify({ key, report: { tokens, problems, errorCount, warningCount } }));
    renameSync(temp, file);
  } catch {
    rmSync(temp, { force: true });
  }
}

const located = (x: unknown) => {
  const o = x as Record<string, unknown>;
  return typeof x === 'object' && x !== null && typeof o.file === 'string' && typeof o.line === 'number' && typeof o.column === 'number';
};

export function isProblem(p: unknown): p is Problem {
  const o = p as Record<string, unknown>;
  return located(p) && typeof o.ruleId === 'string' && (o.severity === 'error' || o.severity === 'warning') && typeof o.message === 'string';
}

function isReport(value: unknown): value is CheckReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<CheckReport>;
  return (
    typeof r.errorCount === 'number' &&
    typeof r.warningCount === 'number' &&
    Array.isArray(r.tokens) &&
    r.tokens.every((t) => located(t) && typeof t.id === 'number' && typeof t.resolved === 'boolean') &&
    Array.isArray(r.problems) &&
    r.problems.every(isProblem)
  );
}
