/**
 * Prints the incident kit's PDFs (issue 23) in the browser that printed plan.pdf: one
 * Chromium per build. Each kit page is opened at the print origin (the fonts go in as for
 * the binder, and only the glyphs drawn are embedded), printed at its own CSS page size,
 * and finished like the binder (the plan's date as the PDF's dates, no run-dependent ids).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer';
import { ruleMessage } from '../errors/catalogue.ts';
import { finishPdf } from '../pdf/document.ts';
import { PdfError } from '../pdf/error.ts';
import { loadFonts, openPrinter, ORIGIN, printPlanPdf, type Printer, type PrintResult } from '../pdf/print.ts';
import { KIT_FILES, KIT_PAGES } from './data.ts';

export type KitPdf = 'poster' | 'card' | 'pocket';
export const KIT_PDFS: readonly KitPdf[] = ['poster', 'card', 'pocket'];

export interface KitPrintResult {
  kind: KitPdf;
  file: string;
  pages: number;
  bytes: number;
}

/** Prints the three kit PDFs into `siteDir` with `page` (already serving `siteDir`). Their source pages stay, as screen previews. */
export async function printKit(page: Page, siteDir: string): Promise<KitPrintResult[]> {
  const results: KitPrintResult[] = [];
  for (const kind of KIT_PDFS) {
    try {
      await page.goto(`${ORIGIN}/${KIT_PAGES[kind]}`, { waitUntil: 'load' });
      await loadFonts(page);
      const bytes = await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: false,
        // Bookmarks from the headings: the phone-size plan's parts.
        outline: kind === 'pocket',
        tagged: true,
        timeout: 120_000,
      });
      const meta = await page.evaluate(() => ({
        title: document.title,
        author: document.querySelector<HTMLMetaElement>('meta[name="author"]')?.content ?? '',
        subject: document.querySelector<HTMLMetaElement>('meta[name="description"]')?.content ?? '',
        date: document.querySelector<HTMLMetaElement>('meta[name="bcp:revision-date"]')?.content ?? '',
      }));
      const finished = await finishPdf(bytes, meta);
      const out = path.join(siteDir, KIT_FILES[kind]);
      await mkdir(path.dirname(out), { recursive: true });
      const partial = `${out}.bcp-tmp-${process.pid}`;
      await writeFile(partial, finished.bytes);
      await rename(partial, out);
      results.push({ kind, file: out, pages: finished.pages, bytes: finished.bytes.byteLength });
    } catch (error) {
      if (error instanceof PdfError) throw error;
      const detail = `${KIT_FILES[kind]}: ${error instanceof Error ? error.message : String(error)}`;
      throw new PdfError('print-failed', ruleMessage('print-failed', { detail }));
    }
  }
  return results;
}

/**
 * The binder and, for the internal build, the kit, in one browser (the one handed in, or one
 * opened and closed here).
 */
export async function printPlanAndKit(options: {
  siteDir: string;
  cwd: string;
  printer?: Promise<Printer>;
  kit: boolean;
}): Promise<{ plan: PrintResult; kit: KitPrintResult[] }> {
  const shared = options.printer ?? openPrinter({ cwd: options.cwd });
  try {
    const plan = await printPlanPdf({ siteDir: options.siteDir, cwd: options.cwd, printer: shared });
    const kit = options.kit ? await printKit((await shared).page, path.resolve(options.siteDir)) : [];
    return { plan, kit };
  } finally {
    // One owner: only a printer opened here is closed here.
    if (!options.printer)
      await shared.then(
        (printer) => printer.close(),
        () => undefined,
      );
  }
}
