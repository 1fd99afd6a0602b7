/**
 * The multi-plan side of the `bcp` command line: returns the exit code when the command
 * goes over plans (`--plan`, or a project with plans/ and no `--answers`), undefined when
 * the single-plan command should run as before.
 */
import { reportProblems } from '../errors/report.ts';
import { PLANS_DIR, changedPaths, listPlans, selectPlans } from './plans.ts';

export interface PlanValues {
  plan?: string[];
  plans?: string;
  changed?: string;
  json?: boolean;
  today?: string;
  out?: string;
  public?: boolean;
  pdf?: boolean;
  base?: string;
  force?: boolean;
}

const PLAN_COMMANDS = new Set(['check', 'build', 'upkeep', 'revisions', 'init']);

export async function planCommand(command: string, values: PlanValues, positionals: string[], args: readonly string[]): Promise<number | undefined> {
  if (!PLAN_COMMANDS.has(command)) {
    if (values.plan || values.plans !== undefined || values.changed !== undefined) {
      console.error(`bcp ${command} は --plan、--plans、--changed を使えません。`);
      return 2;
    }
    return undefined;
  }
  const cwd = process.cwd();
  const dir = values.plans ?? PLANS_DIR;
  if (command === 'init') {
    if (!values.plan) return undefined;
    if (values.plan.length !== 1) {
      console.error('bcp init --plan には計画を1つだけ指定してください（例: bcp init --plan east-plant）。');
      return 2;
    }
    const { runPlanInit } = await import('./init.ts');
    return runPlanInit({ dir, id: values.plan[0]!, force: values.force ?? false, cwd });
  }
  const answersGiven = args.some((arg) => arg === '--answers' || arg.startsWith('--answers='));
  if (answersGiven && (values.plan || values.plans !== undefined)) {
    console.error('--answers と --plan・--plans は一緒に使えません。計画は plans/<計画>/answers.yaml から読みます。');
    return 2;
  }
  if (values.changed !== undefined && command !== 'check') {
    console.error('--changed は bcp check だけで使えます。');
    return 2;
  }
  let changed: string[] | undefined;
  if (values.changed !== undefined) {
    try {
      changed = changedPaths(cwd, values.changed);
    } catch (error) {
      const detail = (error as { stderr?: string }).stderr?.trim().split('\n')[0] ?? String(error);
      console.error(`--changed「${values.changed}」の変更を git で調べられませんでした: ${detail}`);
      return 2;
    }
  }
  const selection = selectPlans(cwd, { plan: values.plan, answersGiven, changed, dir });
  if (values.plans !== undefined && !selection.ids && selection.problems.length === 0) {
    console.error(`${dir} に計画（<計画>/answers.yaml）がありません。`);
    return 2;
  }
  if (selection.problems.length > 0) {
    reportProblems(selection.problems);
    return 2;
  }
  if (!selection.ids) return undefined;
  const ids = selection.ids;
  if (ids.length === 0) {
    console.error(`${values.changed} の変更は、どの計画にも関わりません（${listPlans(cwd, dir).length} 件の計画は確かめませんでした）。`);
    return 0;
  }
  switch (command) {
    case 'check': {
      const { runPlansCheck } = await import('./commands.ts');
      return runPlansCheck({ dir, ids, json: values.json ?? false, today: values.today, paths: positionals });
    }
    case 'build': {
      const { runPlansBuild } = await import('./build.ts');
      return runPlansBuild({ dir, ids, outDir: values.out ?? 'dist', public: values.public, today: values.today, pdf: values.pdf });
    }
    case 'upkeep': {
      const { runPlansUpkeep } = await import('./commands.ts');
      return runPlansUpkeep({ dir, ids, today: values.today });
    }
    case 'revisions': {
      if (values.base === undefined) return undefined; // the single-plan path explains --base
      const { runPlansRevisions } = await import('./commands.ts');
      return runPlansRevisions({ dir, ids, base: values.base });
    }
  }
  return undefined;
}
