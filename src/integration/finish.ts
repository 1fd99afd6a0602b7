/**
 * The steps over the finished HTML, in one place and one order: browser scripts, the
 * slot guard, the public allowlist (or, internal, the guideline evidence), then the search
 * index and the PDF side by side (they only read the pages). Each step returns problems; the first failing stage stops the rest.
 * An internal build starts the PDF with the checks, as they only read the pages too.
 */
import type { Visibility } from '../answers/mask.ts';
import { bundleBrowserScripts } from '../browser/bundle.ts';
import { guardSite } from '../build/html-guard.ts';
import { applyPublicAllowlist } from '../build/public-allowlist.ts';
import type { Problem } from '../errors/catalogue.ts';
import { PdfError } from '../pdf/error.ts';
import { PDF_FILE, printPlanPdf, type Printer } from '../pdf/print.ts';
import { indexSite } from './search.ts';
import { checkEvidence } from '../guidelines/evidence.ts';
import { loadGuidelines } from '../guidelines/load.ts';

export interface FinishOptions {
  siteDir: string;
  root: string;
  visibility: Visibility;
  pdf: boolean;
  /** The printer opened while Astro built the pages. Default: one opened for the print. */
  printer?: Promise<Printer>;
  /** The output folder as the user named it, for messages (the site is still in a staging folder). */
  label?: string;
  log?: (line: string) => void;
}

export async function finishSite(options: FinishOptions): Promise<Problem[]> {
  const { siteDir, root } = options;
  const label = options.label ?? siteDir;
  const print = () => (options.pdf ? printPdf(siteDir, root, label, options.printer, options.log) : Promise.resolve([]));
  await bundleBrowserScripts(siteDir);
  // Internal: the checks below change no page, so Chromium prints on the other core while
  // they run; if one fails, the print is cut short and goes with the staging folder.
  // Public: the allowlist cuts the print page first.
  const early = options.visibility === 'internal' ? print() : undefined;
  early?.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const checked = await checkPages(options, label);
  if (checked.length > 0) {
    await options.printer?.then(
      (printer) => printer.close(),
      () => undefined,
    );
    await early?.catch(() => undefined);
    return checked;
  }
  const [search, pdf] = await Promise.all([indexSite(siteDir, label), early ?? print()]);
  return [...search, ...pdf];
}

/** The slot guard, then the public allowlist or, internal, the guideline evidence. */
async function checkPages(options: FinishOptions, label: string): Promise<Problem[]> {
  const { siteDir, root } = options;
  const guard = await guardSite(siteDir, label, root);
  if (guard.length > 0) return guard;
  // Public: only allowlisted files stay, before anything is indexed or printed from them.
  if (options.visibility === 'public') await applyPublicAllowlist(siteDir);
  // The guideline tables point into the pages: every reference must still lead somewhere.
  if (options.visibility === 'internal') {
    const loaded = loadGuidelines(root);
    return loaded.guidelines ? checkEvidence(siteDir, loaded.guidelines) : loaded.problems;
  }
  return [];
}

async function printPdf(siteDir: string, root: string, label: string, printer?: Promise<Printer>, log?: (line: string) => void): Promise<Problem[]> {
  try {
    const pdf = await printPlanPdf({ siteDir, cwd: root, printer });
    log?.(`${PDF_FILE} を作りました（${pdf.pages} ページ、${Math.round(pdf.bytes / 1024)} KB）。`);
    return [];
  } catch (error) {
    if (!(error instanceof PdfError)) throw error;
    return [error.at(label)];
  }
}
