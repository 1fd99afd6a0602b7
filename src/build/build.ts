/**
 * `bcp build`: check → Astro build into a staging folder → HTML guard → publish.
 *
 * The output folder is emptied first and only filled when every step passed, so a
 * failed build never leaves a site (or half of one) where a deploy would pick it up.
 */
import { mkdir, rm, rename } from 'node:fs/promises';
import path from 'node:path';
import { runCheck } from '../check/check.ts';
import { formatProblem, formatReport, githubAnnotation } from '../check/report.ts';
import type { Problem } from '../errors/catalogue.ts';
import { PDF_FILE, printPlanPdf } from '../pdf/print.ts';
import { indexSite } from '../search/index-site.ts';
import { guardSite } from './html-guard.ts';
import { bundleBrowserScripts } from '../browser/bundle.ts';

export interface BuildOptions {
  /** Answers file. Default: `answers/answers.yaml`. */
  answersFile?: string;
  /** Where the finished site goes. Default: `dist`. */
  outDir?: string;
  /** Project root. Default: `process.cwd()`. */
  cwd?: string;
  /** Where messages go. Default: stderr. */
  log?: (line: string) => void;
  /** The public build (`--public`): confidential answers read 「非公開」 in every page, index and the PDF. Default: false (internal). */
  public?: boolean;
  /** YYYY-MM-DD the due dates count from (`--today`). Default: the answers' `upkeep.asOf`, else today in Japan. */
  today?: string;
}

export async function buildSite(options: BuildOptions = {}): Promise<boolean> {
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? ((line: string) => console.error(line));
  const outDir = path.resolve(cwd, options.outDir ?? 'dist');
  const answersFile = path.resolve(cwd, options.answersFile ?? 'answers/answers.yaml');
  // Staging beside the output (same disk, so the final rename is atomic) and per process,
  // so two builds into different folders never share a scratch folder.
  const scratch = `${outDir}.bcp-tmp-${process.pid}`;
  const staging = path.join(scratch, 'site');
  const cacheDir = path.join(scratch, 'astro-cache');
  const cleanUp = () => rm(scratch, { recursive: true, force: true });

  await rm(outDir, { recursive: true, force: true });
  await cleanUp();

  const outLabel = path.relative(cwd, outDir) || '.';
  // Every failure leaves no staging folder behind, whatever step it came from.
  const fail = async (problems: readonly Problem[]) => {
    await cleanUp();
    log(formatReport(problems));
    if (process.env.GITHUB_ACTIONS === 'true') for (const p of problems) console.log(githubAnnotation(p));
    log('サイトは作りませんでした。上の問題を直してから、もう一度 build してください。');
    return false;
  };

  const check = await runCheck({ answersFile: path.relative(cwd, answersFile), cwd, today: options.today });
  if (check.errorCount > 0) return fail(check.problems);
  for (const problem of check.problems) log(formatProblem(problem));

  // Astro reads these through astro.config.mjs; a fresh cache so no page is stale.
  process.env.BCP_ANSWERS = answersFile;
  process.env.BCP_OUT_DIR = staging;
  process.env.BCP_CACHE_DIR = cacheDir;
  // The pages load the answers masked (public) or not, and show due dates from the checked date.
  process.env.BCP_VISIBILITY = options.public ? 'public' : 'internal';
  process.env.BCP_TODAY = check.today.date;
  process.env.BCP_TODAY_SOURCE = check.today.source;
  try {
    const { build } = await import('astro');
    await build({ root: cwd, logLevel: 'error' });
  } catch (error) {
    await cleanUp();
    log(`サイトの組み立てに失敗しました: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }

  await bundleBrowserScripts(staging);
  const guard = await guardSite(staging, outLabel);
  if (guard.length > 0) return fail(guard);

  // Steps over the finished HTML go here, each owned by its module (search index, PDF).

  // The binder PDF, printed from the staged print.html; no browser means no site either.
  try {
    const pdf = await printPlanPdf({ siteDir: staging, cwd });
    log(`${PDF_FILE} を作りました（${pdf.pages} ページ、${Math.round(pdf.bytes / 1024)} KB）。`);
  } catch (error) {
    await cleanUp();
    log(`PDF を作れませんでした: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  const search = await indexSite(staging, outLabel);
  if (search.length > 0) return fail(search);

  await mkdir(path.dirname(outDir), { recursive: true });
  await rename(staging, outDir);
  await cleanUp();
  // One sentence: the warnings themselves were printed above.
  const warnings = check.warningCount > 0 ? `（警告 ${check.warningCount} 件）` : '';
  log(`${path.relative(cwd, outDir) || outDir} に${options.public ? '公開版（氏名・電話番号・メールアドレスは「非公開」）の' : ''}サイトを作りました${warnings}。`);
  return true;
}
