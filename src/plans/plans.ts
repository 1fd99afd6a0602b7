/**
 * The layout of a multi-plan project: `plans/<id>/answers.yaml`, one folder per plan
 * (a plant of one company, or one client company of an advisor), each usually starting
 * with `extends: ../base.yaml` (src/answers/extends.ts). A project without `plans/` is a
 * single-plan project and nothing here applies to it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';

export const PLANS_DIR = 'plans';
export const PLAN_ANSWERS = 'answers.yaml';
/** The shared base that `bcp init --plan` points a new plan at, in the plans folder. */
export const BASE_NAME = 'base.yaml';

/** A plan id is a folder name that is safe in a URL and a file name. */
export const PLAN_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** `dir`: the plans folder (`--plans`, default `plans`). */
export function planAnswersFile(id: string, dir = PLANS_DIR): string {
  return path.join(dir, id, PLAN_ANSWERS);
}

/** The plan ids of the project, sorted; empty for a single-plan project. */
export function listPlans(cwd: string, plansDir = PLANS_DIR): string[] {
  const dir = path.resolve(cwd, plansDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((name) => PLAN_ID.test(name) && existsSync(path.join(dir, name, PLAN_ANSWERS)))
    .sort();
}

export interface Selection {
  /** The plans to work on; undefined means the single-plan layout (the `--answers` file). */
  ids?: string[];
  problems: Problem[];
}

/**
 * Which plans a command works on: the `--plan` ones; else, when `--answers` was not given
 * and the project has plans, all of them (or those `--changed` touches); else the single plan.
 */
export function selectPlans(cwd: string, options: { plan?: string[]; answersGiven: boolean; changed?: string[]; dir?: string }): Selection {
  const dir = options.dir ?? PLANS_DIR;
  const known = listPlans(cwd, dir);
  if (options.plan && options.plan.length > 0) {
    const problems = options.plan
      .filter((id) => !known.includes(id))
      .map((id): Problem => ({
        file: PLAN_ID.test(id) ? planAnswersFile(id) : '--plan',
        line: 1,
        column: 1,
        ruleId: 'plan-not-found',
        severity: 'error',
        message: ruleMessage('plan-not-found', {
          plan: id,
          file: planAnswersFile(id, dir),
          known: known.length > 0 ? known.join('、') : '（計画はまだありません）',
        }),
      }));
    return { ids: [...new Set(options.plan)], problems };
  }
  if (options.answersGiven || known.length === 0) return { problems: [] };
  if (options.changed) return { ids: plansTouchedBy(options.changed, known, dir), problems: [] };
  return { ids: known, problems: [] };
}

/**
 * The plans a set of changed paths (relative to the project, `/`-separated) can affect:
 * a path under `plans/<id>/` affects that plan only; any other path (the base, the content,
 * the tool) can affect every plan.
 */
export function plansTouchedBy(changed: readonly string[], known: readonly string[], dir = PLANS_DIR): string[] {
  const touched = new Set<string>();
  // Changed paths are relative to the project; so is the folder, however it was written.
  const relative = path.isAbsolute(dir) ? path.relative(process.cwd(), dir) : path.normalize(dir);
  const prefix = `${relative.split(path.sep).join('/').replace(/\/+$/, '')}/`;
  for (const file of changed) {
    const match = file.startsWith(prefix) ? /^([^/]+)\/./.exec(file.slice(prefix.length)) : null;
    if (match && known.includes(match[1]!)) touched.add(match[1]!);
    else if (match)
      continue; // a plan folder without answers (being removed): nothing to check
    else return [...known];
  }
  return known.filter((id) => touched.has(id));
}

/** The project-relative paths changed since `range` (`origin/main...HEAD`, or a ref: compared with the work tree). */
export function changedPaths(cwd: string, range: string): string[] {
  const git = (args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // --relative: paths from the project folder, which may sit below the repository's top.
  return git(['diff', '--name-only', '--relative', range]).split('\n').filter(Boolean);
}
