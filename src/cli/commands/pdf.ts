/**
 * `bcp pdf`: the binder PDF alone.
 *
 * With `--site`, prints an already built site's print.html. Without it, builds the site
 * from the answers into a scratch folder first (the same checks as `bcp build`), so a
 * PDF never comes from answers that would not pass.
 */
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PdfError } from '../../pdf/error.ts';
import { PDF_FILE, printPlanPdf } from '../../pdf/print.ts';

export interface PdfCommandOptions {
  /** Answers file, used when no site is given. */
  answersFile: string;
  /** A built site folder to print from. Default: build one now. */
  siteDir?: string;
  /** Where the PDF goes. Default: `plan.pdf` in the site folder, or in the working directory when building. */
  outFile?: string;
  cwd?: string;
  log?: (line: string) => void;
}

export async function runPdfCommand(options: PdfCommandOptions): Promise<boolean> {
  const cwd = options.cwd ?? process.cwd();
  const log = options.log ?? ((line: string) => console.error(line));
  if (options.siteDir !== undefined) {
    try {
      const result = await printPlanPdf({ siteDir: path.resolve(cwd, options.siteDir), outFile: options.outFile && path.resolve(cwd, options.outFile), cwd });
      log(`${path.relative(cwd, result.file)} を作りました（${result.pages} ページ、${Math.round(result.bytes / 1024)} KB）。`);
      return true;
    } catch (error) {
      if (!(error instanceof PdfError)) throw error;
      log(`PDF を作れませんでした: ${error.message}`);
      return false;
    }
  }
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'bcp-pdf-'));
  try {
    const { buildSite } = await import('../../build/build.ts');
    log('PDF の元になるサイトを、一時フォルダに作ります。');
    const siteDir = path.join(scratch, 'site');
    if (!(await buildSite({ answersFile: options.answersFile, outDir: siteDir, cwd, log }))) return false;
    const outFile = path.resolve(cwd, options.outFile ?? PDF_FILE);
    await mkdir(path.dirname(outFile), { recursive: true });
    await copyFile(path.join(siteDir, PDF_FILE), outFile);
    log(`${path.relative(cwd, outFile)} に書きました。`);
    return true;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
