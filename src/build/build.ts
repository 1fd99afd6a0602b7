/**
 * `bcp build`: check → Astro (with the bcp integration) → publish.
 *
 * The answers are checked once and handed to Astro as values. Astro builds into this
 * build's own scratch folder inside the project (its prerender chunks included), and the
 * finished site replaces the output only when every step passed. A failure, Ctrl-C or
 * SIGTERM leaves the last good site exactly as it was.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { applyVisibility } from '../answers/mask.ts';
import { runCheck } from '../check/check.ts';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import { ProblemsError } from '../errors/problems-error.ts';
import { reportProblems } from '../errors/report.ts';
import { siteConfig } from '../integration/config.ts';
import type { Printer } from '../pdf/print.ts';
import { scanPublicSite } from './personal-scan.ts';
import { abandonBuild, acquireLock, buildPaths, publishSite, recoverAndSweep, refuseOutput } from './output.ts';

export interface BuildOptions {
  /** Answers file. Default: `answers/answers.yaml`. */
  answersFile?: string;
  /** Where the finished site goes. Default: `dist`. */
  outDir?: string;
  /** Project root. Default: `process.cwd()`. */
  cwd?: string;
  /** Where messages go. Default: stderr. */
  log?: (line: string) => void;
  /** The public build (`--public`): only what may be public. Default: false (internal). */
  public?: boolean;
  /** YYYY-MM-DD the due dates count from (`--today`). Default: the answers' `upkeep.asOf`, else today in Japan. */
  today?: string;
  /** Print the binder PDF too. Default: true. */
  pdf?: boolean;
  /** A browser already started, shared by the builds of several plans (src/plans/build.ts); left open. */
  printer?: Promise<Printer>;
  /** Called with the check's result (the multi-plan overview counts its problems). */
  onCheck?: (result: Awaited<ReturnType<typeof runCheck>>) => void;
}

/** 0: built; 1: the answers, content or a step failed; 2: refused before touching anything. */
export type BuildExit = 0 | 1 | 2;

export async function buildSite(options: BuildOptions = {}): Promise<boolean> {
  return (await runBuild(options)) === 0;
}

export async function runBuild(options: BuildOptions = {}): Promise<BuildExit> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const log = options.log ?? ((line: string) => console.error(line));
  const outArg = options.outDir ?? 'dist';
  const stop = (problems: readonly Problem[], code: BuildExit): BuildExit => {
    reportProblems(problems, log);
    log(code === 2 ? '何も変えずに終了しました。' : 'サイトは更新しませんでした。上の問題を直してから、もう一度 build してください。');
    return code;
  };

  const refused = refuseOutput(cwd, outArg);
  if (refused) return stop([refused], 2);
  const out = path.resolve(cwd, outArg);
  const paths = buildPaths(cwd, out);
  mkdirSync(path.dirname(out), { recursive: true });
  const locked = acquireLock(paths, outArg);
  if (locked) return stop([locked], 2);

  // From here on every exit path, a signal included, puts things back as they were.
  let killBrowsers: (() => void) | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    // Chromium runs in a process group of its own, which the signal did not reach.
    killBrowsers?.();
    abandonBuild(paths);
    log(ruleMessage('build-interrupted', { signal }));
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let printer: Promise<Printer> | undefined;
  try {
    recoverAndSweep(cwd, out);
    const check = await runCheck({ answersFile: options.answersFile, cwd, today: options.today });
    options.onCheck?.(check);
    if (check.errorCount > 0 || !check.answers) return stop(check.problems, 1);
    reportProblems(check.problems, log);
    // Chromium starts and loads its fonts while Astro builds the pages (a second core's work).
    // No browser where one is named or usually installed stops the build before Astro starts;
    // a browser that fails to start is reported by the PDF step, after the pages.
    if (options.pdf !== false && options.printer) {
      printer = options.printer;
    } else if (options.pdf !== false) {
      const [{ openPrinter, killBrowsers: kill }, { findBrowser }, { PdfError }] = await Promise.all([
        import('../pdf/print.ts'),
        import('../pdf/browser.ts'),
        import('../pdf/error.ts'),
      ]);
      let executablePath: string;
      try {
        executablePath = await findBrowser();
      } catch (error) {
        if (!(error instanceof PdfError)) throw error;
        return stop([error.at(outArg)], 1);
      }
      killBrowsers = kill;
      printer = openPrinter({ cwd, executablePath });
      printer.catch(() => undefined);
    }

    const visibility = options.public ? 'public' : 'internal';
    const site = path.join(paths.scratch, 'site');
    const config = siteConfig({
      root: cwd,
      outDir: site,
      cacheDir: path.join(paths.scratch, 'cache'),
      site: { answers: applyVisibility(check.answers, visibility), visibility, today: check.today, answersFile: check.loaded.file, problems: [] },
      pdf: options.pdf,
      printer,
      outLabel: outArg,
      log,
    });
    try {
      const { build } = await import('astro');
      await build({ ...config, configFile: false, logLevel: 'silent' });
    } catch (error) {
      return stop(astroProblems(error, cwd), 1);
    }
    // Astro leaves its prerender chunks beside the pages.
    rmSync(path.join(site, '.prerender'), { recursive: true, force: true });
    // Public: no staff detail in any file, in any notation (the pages only saw masked answers).
    if (options.public) {
      const leaks = await scanPublicSite(site, check.answers, outArg);
      if (leaks.length > 0) return stop(leaks, 1);
    }
    const foreign = publishSite(site, paths, outArg);
    if (foreign) return stop([foreign], 2);
    const kind = options.public ? '公開版（公開してよいものだけ）の' : '';
    log(`${outArg} に${kind}サイトを作りました${check.warningCount > 0 ? `（警告 ${check.warningCount} 件）` : ''}。`);
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (printer !== options.printer)
      await printer?.then(
        (opened) => opened.close(),
        () => undefined,
      );
    abandonBuild(paths);
  }
}

/** Astro's own failure as a problem at the file it names, without its stack. */
function astroProblems(error: unknown, cwd: string): Problem[] {
  if (error instanceof ProblemsError) return [...error.problems];
  const cause = (error as { cause?: unknown })?.cause;
  if (cause instanceof ProblemsError) return [...cause.problems];
  const loc = (error as { loc?: { file?: string; line?: number; column?: number } })?.loc;
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
  return [
    {
      file: loc?.file ? path.relative(cwd, loc.file) : 'astro',
      line: loc?.line ?? 1,
      column: loc?.column ?? 1,
      ruleId: 'site-build-failed',
      severity: 'error',
      message: ruleMessage('site-build-failed', { detail }),
    },
  ];
}
