/**
 * The dev server's answers: read and checked anew on every change, like `bcp check`, so
 * the page shows what is wrong in Japanese instead of a stack trace. While the file has
 * errors, the last valid answers stay on screen under the list of problems.
 */
import { runCheck } from '../check/check.ts';
import { ProblemsError } from '../errors/problems-error.ts';
import type { SiteData } from './site-module.ts';

export async function loadDevSite(root: string, answersFile: string, previous: SiteData | undefined): Promise<SiteData> {
  const check = await runCheck({ answersFile, cwd: root });
  const answers = check.answers ?? previous?.answers;
  if (!answers) throw new ProblemsError(check.problems);
  return { answers, visibility: 'internal', today: check.today, answersFile, problems: check.problems };
}
