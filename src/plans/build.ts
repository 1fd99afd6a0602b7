/**
 * `bcp build` in a multi-plan project: each plan's site and PDFs in `<out>/<id>/`, every
 * one through the single-plan build (src/build/build.ts, with its safe swap of the output
 * folder), one Chromium shared by all of them, then the internal overview
 * (`<out>/index.html`, `<out>/overview.csv`).
 *
 * `<out>` itself is a folder of plan folders, marked with PLANS_MARKER; a build only writes
 * into it when it is new, empty or marked.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Answers } from '../answers/schema.ts';
import { runBuild, type BuildExit, type BuildOptions } from '../build/build.ts';
import { refuseOutput } from '../build/output.ts';
import { ruleMessage, type Problem } from '../errors/catalogue.ts';
import { reportProblems } from '../errors/report.ts';
import type { Printer } from '../pdf/print.ts';
import { planRow, overviewCsv, overviewHtml, type PlanRow } from './overview.ts';
import { planAnswersFile } from './plans.ts';

export const PLANS_MARKER = '.bcp-plans';
export const OVERVIEW_HTML = 'index.html';
export const OVERVIEW_CSV = 'overview.csv';

/** A single build's options (outDir, cwd, log, public, today, pdf), for every plan named. */
export interface PlansBuildOptions extends Omit<BuildOptions, 'answersFile' | 'printer' | 'onCheck'> {
  /** The plans folder (`--plans`). */
  dir: string;
  ids: readonly string[];
}

/** Why `<out>` may not hold the plans, or undefined. */
export function refusePlansRoot(cwd: string, outArg: string): Problem | undefined {
  const out = path.resolve(cwd, outArg);
  const marked = existsSync(path.join(out, PLANS_MARKER));
  // The generic checks (project folders, links, files) with the plans' own marker standing in for a site's.
  const refused = marked ? refuseOutput(cwd, path.join(outArg, '.probe')) : refuseOutput(cwd, outArg);
  if (refused) return { ...refused, file: outArg };
  if (!marked && existsSync(out) && readdirSync(out).length > 0) {
    return {
      file: outArg,
      line: 1,
      column: 1,
      ruleId: 'output-refused',
      severity: 'error',
      message: ruleMessage('output-refused', {
        out: outArg,
        reason: '1つの計画のサイトか、ほかのファイルが入っています。複数の計画は、空のフォルダか前に複数の計画を作ったフォルダにだけ作ります',
      }),
    };
  }
  return undefined;
}

/** Writes beside, then renames: a reader never sees half a file. */
function writeAtomic(file: string, text: string): void {
  const temp = `${file}.bcp-tmp-${process.pid}`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

export async function runPlansBuild(options: PlansBuildOptions): Promise<BuildExit> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const log = options.log ?? ((line: string) => console.error(line));
  const outArg = options.outDir ?? 'dist';
  const out = path.resolve(cwd, outArg);
  const refused = refusePlansRoot(cwd, outArg);
  if (refused) {
    reportProblems([refused], log);
    log('何も変えずに終了しました。');
    return 2;
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, PLANS_MARKER), 'bcp build が複数の計画を作るフォルダです（計画ごとのフォルダと社内用の一覧）。\n');

  let printer: Promise<Printer> | undefined;
  if (options.pdf !== false) {
    const [{ openPrinter }, { findBrowser }, { PdfError }] = await Promise.all([
      import('../pdf/print.ts'),
      import('../pdf/browser.ts'),
      import('../pdf/error.ts'),
    ]);
    try {
      printer = openPrinter({ cwd, executablePath: await findBrowser() });
      printer.catch(() => undefined);
    } catch (error) {
      if (!(error instanceof PdfError)) throw error;
      reportProblems([error.at(outArg)], log);
      return 1;
    }
  }
  let worst: BuildExit = 0;
  const rows: PlanRow[] = [];
  const automotive = options.public ? undefined : (await import('../guidelines/load.ts')).loadGuidelines(cwd).guidelines?.automotive;
  let today = options.today ?? '';
  try {
    for (const id of options.ids) {
      log(`== 計画 ${id}（${planAnswersFile(id, options.dir)}） ==`);
      let answers: Answers | undefined;
      let counts = { errors: 0, warnings: 0 };
      let planToday = options.today ?? '';
      const code = await runBuild({
        answersFile: planAnswersFile(id, options.dir),
        outDir: path.join(outArg, id),
        cwd,
        log,
        public: options.public,
        today: options.today,
        pdf: options.pdf,
        // One browser for every plan: a printer handed in stays open; it is closed below.
        printer,
        onCheck: (check) => {
          answers = check.answers;
          counts = { errors: check.errorCount, warnings: check.warningCount };
          planToday = check.today.date;
          today ||= planToday;
        },
      });
      worst = Math.max(worst, code) as BuildExit;
      const built = code === 0 && existsSync(path.join(out, id)) && statSync(path.join(out, id)).isDirectory();
      rows.push(planRow(id, answers, counts, planToday, automotive, built));
    }
  } finally {
    await printer?.then(
      (opened) => opened.close(),
      () => undefined,
    );
  }

  const overview = [path.join(out, OVERVIEW_HTML), path.join(out, OVERVIEW_CSV)];
  if (options.public) {
    // A public build never carries the overview, not even one left by an internal build.
    for (const file of overview) rmSync(file, { force: true });
    return worst;
  }
  writeAtomic(overview[0]!, overviewHtml(rows, today));
  writeAtomic(overview[1]!, overviewCsv(rows));
  log(`${path.join(outArg, OVERVIEW_HTML)} に ${rows.length} 件の計画の一覧（社内用）を作りました。`);
  return worst;
}
