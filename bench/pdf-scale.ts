/**
 * The PDF step at 1× and 5× the content, for `npm run bench`: no step may grow faster
 * than the pages it prints.
 *
 * The 5× print page repeats everything after the cover five times; the copies lose their
 * ids, so the contents and the links still point at the first copy.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { printPlanPdf, type PrintStep } from '../src/pdf/print.ts';

export interface PdfRun {
  pages: number;
  passes: number;
  steps: Partial<Record<PrintStep, number>>;
  total: number;
}

/** Writes `times`× the print page's content into a copy of the site at `copyDir`. */
export async function scaledSite(siteDir: string, copyDir: string, times: number): Promise<string> {
  await cp(siteDir, copyDir, { recursive: true });
  const file = path.join(copyDir, 'print.html');
  const html = await readFile(file, 'utf8');
  const coverEnd = html.indexOf('</section>', html.indexOf('class="cover"')) + '</section>'.length;
  const bodyEnd = html.lastIndexOf('</body>');
  const rest = html.slice(coverEnd, bodyEnd);
  const copy = rest.replace(/\sid="[^"]*"/g, '').replace(/\sdata-toc-page="[^"]*"/g, '');
  await writeFile(file, html.slice(0, bodyEnd) + copy.repeat(times - 1) + html.slice(bodyEnd));
  return copyDir;
}

export async function timePdf(siteDir: string, outFile: string, cwd: string): Promise<PdfRun> {
  const steps: Partial<Record<PrintStep, number>> = {};
  const start = performance.now();
  const result = await printPlanPdf({ siteDir, outFile, cwd, onStep: (step, ms) => (steps[step] = (steps[step] ?? 0) + ms) });
  return { pages: result.pages, passes: result.passes, steps, total: performance.now() - start };
}

export const PDF_STEPS: readonly PrintStep[] = ['launch', 'load', 'probe', 'print', 'parse', 'finish'];
