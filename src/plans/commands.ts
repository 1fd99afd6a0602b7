/**
 * `bcp check`, `bcp upkeep` and `bcp revisions` over the plans of a multi-plan project:
 * each plan in turn, under a heading naming it. A problem of a shared file (the base, the
 * content) is printed once, with the first plan that met it.
 */
import { annotateProblems, formatSummary, reportProblems } from '../errors/report.ts';
import type { Problem } from '../errors/catalogue.ts';
import { planAnswersFile } from './plans.ts';

const heading = (id: string, dir: string) => `== 計画 ${id}（${planAnswersFile(id, dir)}） ==`;

export async function runPlansCheck(options: {
  dir: string;
  ids: readonly string[];
  json: boolean;
  today?: string;
  paths: readonly string[];
}): Promise<number> {
  const { checkReport } = await import('../check/check.ts');
  const seen = new Set<string>();
  const results = [];
  let errors = 0;
  let warnings = 0;
  let pathMissing = false;
  for (const id of options.ids) {
    // The report cache's key covers the base the plan extends (report-cache.ts).
    const result = await checkReport({ answersFile: planAnswersFile(id, options.dir), paths: options.paths, today: options.today });
    const fresh = result.problems.filter((problem) => {
      const key = JSON.stringify(problem);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    errors += fresh.filter((p) => p.severity === 'error').length;
    warnings += fresh.filter((p) => p.severity === 'warning').length;
    pathMissing ||= result.problems.some((problem) => problem.ruleId === 'check-path-not-found');
    results.push({ plan: id, errorCount: result.errorCount, warningCount: result.warningCount, problems: result.problems, tokens: result.tokens });
    if (options.json) annotateProblems(fresh);
    else {
      console.error(heading(id, options.dir));
      reportProblems(fresh);
      console.error(formatSummary(result.errorCount, result.warningCount));
    }
  }
  if (options.json) console.log(JSON.stringify({ plans: results }, null, 2));
  else console.error(`${options.ids.length} 件の計画を確かめました。合計: ${formatSummary(errors, warnings)}`);
  if (pathMissing) return 2;
  return results.some((r) => r.errorCount > 0) ? 1 : 0;
}

export async function runPlansUpkeep(options: { dir: string; ids: readonly string[]; today?: string }): Promise<number> {
  const { runUpkeep } = await import('../cli/commands/upkeep.ts');
  let worst = 0;
  const late: string[] = [];
  for (const id of options.ids) {
    console.error(heading(id, options.dir));
    const code = runUpkeep({ answersFile: planAnswersFile(id, options.dir), today: options.today });
    if (code === 1) late.push(id);
    worst = Math.max(worst, code);
  }
  console.error(late.length > 0 ? `期限切れのある計画: ${late.join('、')}` : `${options.ids.length} 件の計画に期限切れはありません。`);
  return worst;
}

export async function runPlansRevisions(options: { dir: string; ids: readonly string[]; base: string }): Promise<number> {
  const { checkRevisions } = await import('../check/revisions.ts');
  const problems: Problem[] = [];
  for (const id of options.ids) {
    const result = checkRevisions({ base: options.base, answersFile: planAnswersFile(id, options.dir) });
    console.error(heading(id, options.dir));
    reportProblems(result.problems);
    if (result.problems.length === 0)
      console.error(result.changed.length === 0 ? `${options.base} から計画の中身は変わっていません。` : '計画の変更に合わせて改訂履歴も増えています。');
    problems.push(...result.problems);
  }
  return problems.length > 0 ? 1 : 0;
}
