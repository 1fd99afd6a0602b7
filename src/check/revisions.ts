/**
 * `bcp revisions --base REF`: revision discipline for pull requests. When the answers or
 * the plan content changed since REF but the revision history gained no new version,
 * fail and say what to add.
 *
 * What counts as a change: any file under `content/`, and any change of the answers'
 * meaning except `upkeep` (recording that a drill was held does not change the plan)
 * and `revisions` itself. Comments and formatting in the YAML do not count.
 */
import { execFileSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import { DEFAULT_ANSWERS_FILE, loadAnswersFile, parseAnswers } from '../answers/load.ts';
import { compareVersions } from '../answers/rules/revisions.ts';
import type { Answers } from '../answers/schema.ts';
import { nameContacts } from '../answers/error-map.ts';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import { CONTENT_DIR } from './check.ts';

export interface RevisionOptions {
  /** The git ref to compare with, e.g. `origin/main`. */
  base: string;
  /** Answers file. Default: `answers/answers.yaml`. */
  answersFile?: string;
  /** Project root inside the git work tree. Default: `process.cwd()`. */
  cwd?: string;
}

export interface RevisionResult {
  problems: Problem[];
  /** What changed since the base, for the report (`content/plan/03.mdx`, `回答の slots.7`). */
  changed: string[];
}

/** Parts of the answers whose change does not need a new revision. */
const NOT_THE_PLAN = new Set(['upkeep', 'revisions']);

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Dotted paths (as people find them in the YAML) where two answers differ, outside NOT_THE_PLAN. */
export function changedAnswerPaths(before: Answers, after: Answers): string[] {
  const changed: string[] = [];
  const walk = (a: unknown, b: unknown, at: string) => {
    if (isDeepStrictEqual(a, b)) return;
    const bothObjects = a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
    if (!bothObjects || at.split(/[.[]/).length >= 3) {
      changed.push(at);
      return;
    }
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const next = Array.isArray(a) ? `${at}[${key}]` : at === '' ? key : `${at}.${key}`;
      walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], next);
    }
  };
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!NOT_THE_PLAN.has(key)) walk((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], key);
  }
  return changed;
}

/** "1.1" → "1.2": the version to suggest for the new entry. */
export function nextVersion(version: string): string {
  const [major = '1', minor = '0'] = version.split('.');
  return `${major}.${Number(minor) + 1}`;
}

/**
 * Whether the history was restarted: it begins at 1.0 again and shares no entry with
 * the base's history (an edited or shortened old history still shares its first entry).
 */
export function isFreshHistory(before: Answers, after: Answers): boolean {
  const first = after.revisions[0];
  if (!first || compareVersions(first.version, '1.0') !== 0) return false;
  const key = (r: Answers['revisions'][number]) => `${r.version}\u0000${r.date}\u0000${r.summary}`;
  const old = new Set(before.revisions.map(key));
  return after.revisions.every((r) => !old.has(key(r)));
}

export function checkRevisions(options: RevisionOptions): RevisionResult {
  const cwd = options.cwd ?? process.cwd();
  const answersFile = options.answersFile ?? DEFAULT_ANSWERS_FILE;
  const loaded = loadAnswersFile(answersFile, { cwd });
  const fail = (problem: Omit<Problem, 'file' | 'line' | 'column'>): RevisionResult => ({
    problems: [{ file: loaded.file, line: 1, column: 1, ...problem }],
    changed: [],
  });

  let base: string;
  try {
    const ref = git(cwd, ['rev-parse', '--verify', '--quiet', `${options.base}^{commit}`]).trim();
    // Compare with where this branch left the base, so commits made on the base since do not count.
    base = git(cwd, ['merge-base', ref, 'HEAD']).trim() || ref;
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim().split('\n')[0] || 'git rev-parse が失敗しました';
    return fail({ ruleId: 'revision-base-unknown', severity: 'error', message: ruleMessage('revision-base-unknown', { base: options.base, detail }) });
  }
  if (!loaded.answers) return { problems: loaded.problems, changed: [] };

  const root = git(cwd, ['rev-parse', '--show-toplevel']).trim();
  const inRepo = (file: string) => path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/');
  const contentDir = inRepo(CONTENT_DIR);
  // Against the work tree, so uncommitted edits count too when run by hand.
  const tracked = git(cwd, ['diff', '--name-only', base, '--', contentDir]).split('\n');
  const untracked = git(cwd, ['ls-files', '--others', '--exclude-standard', '--', contentDir])
    .split('\n')
    .map((f) => inRepo(path.join(cwd, f)));
  const changedContent = [...new Set([...tracked, ...untracked])].filter(Boolean).sort();

  const answersPath = inRepo(answersFile);
  let before: Answers | undefined;
  try {
    // A plan's `extends:` base is read at the base commit too, so a change of the base counts as a change of the plan.
    const readExtends = (absolute: string) => git(root, ['show', `${base}:${inRepo(absolute)}`]);
    before = parseAnswers(git(root, ['show', `${base}:${answersPath}`]), answersPath, { cwd: root, readExtends }).answers;
  } catch {
    before = undefined; // The file is new (or unreadable) at the base: this is the first plan.
  }
  if (!before) return { problems: [], changed: changedContent };

  const after = loaded.answers;
  // A plan started over (`bcp init` over the example, or a company's first own plan)
  // is a new history, not an edit without a revision.
  if (isFreshHistory(before, after)) return { problems: [], changed: [...changedContent, '改訂履歴（1.0 から始め直した新しい計画）'] };
  const changed = [...changedContent, ...changedAnswerPaths(before, after).map((p) => `回答の ${nameContacts(p, after.contacts)}`)];
  const oldVersions = new Set(before.revisions.map((r) => r.version));
  const newest =
    before.revisions
      .map((r) => r.version)
      .sort(compareVersions)
      .at(-1) ?? '1.0';
  const added = after.revisions.some((r) => !oldVersions.has(r.version) && compareVersions(r.version, newest) > 0);
  if (changed.length === 0 || added) return { problems: [], changed };

  const shown = changed.length > 5 ? [...changed.slice(0, 5), `ほか ${changed.length - 5} 件`] : changed;
  return {
    problems: [
      {
        file: loaded.file,
        ...loaded.locate(['revisions'], true),
        ruleId: 'revision-missing',
        severity: 'error',
        message: ruleMessage('revision-missing', { changed: shown.join('、'), version: nextVersion(newest), file: loaded.file }),
      },
    ],
    changed,
  };
}
