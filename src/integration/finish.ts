/**
 * The steps over the finished HTML, in one place and one order: browser scripts, the
 * slot guard, the public allowlist (or, internal, the guideline evidence), then the search
 * index and the PDF side by side (they only read the pages). Each step returns problems; the first failing stage stops the rest.
 * An internal build starts the PDF with the checks, as they only read the pages too.
 */
import path from 'node:path';
import type { Visibility } from '../answers/mask.ts';
import { bundleBrowserScripts } from '../browser/bundle.ts';
import { guardSite } from '../build/html-guard.ts';
import { applyPublicAllowlist } from '../build/public-allowlist.ts';
import type { Problem } from '../errors/catalogue.ts';
import { PdfError } from '../pdf/error.ts';
import { PDF_FILE, type Printer } from '../pdf/print.ts';
import { printPlanAndKit } from '../kit/print.ts';
import { writeOfflineEdition } from '../kit/offline.ts';
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
  const internal = options.visibility === 'internal';
  const print = () => (options.pdf ? printPdf(siteDir, root, label, options.printer, options.log, internal) : Promise.resolve([]));
  await bundleBrowserScripts(siteDir);
  // Issue 23: the one-file offline edition, internal only (it carries the phone numbers), before the guard reads it.
  if (internal) await writeOfflineEdition(siteDir);
  // Internal: the checks below change no page, so Chromium prints on the other core while
  // they run; if one fails, the print's output goes with the staging folder.
  // Public: the allowlist cuts the print page first.
  const early = options.visibility === 'internal' ? print() : undefined;
  early?.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const checked = await checkPages(options, label);
  if (checked.length > 0) {
    // The print goes with the staging folder; its printer is closed by whoever opened it.
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

async function printPdf(
  siteDir: string,
  root: string,
  label: string,
  printer?: Promise<Printer>,
  log?: (line: string) => void,
  kit = false,
): Promise<Problem[]> {
  try {
    const { plan: pdf, kit: printed } = await printPlanAndKit({ siteDir, cwd: root, printer, kit });
    log?.(`${PDF_FILE} を作りました（${pdf.pages} ページ、${Math.round(pdf.bytes / 1024)} KB）。`);
    if (printed.length > 0) log?.(`緊急時キット ${printed.map((k) => `${path.basename(k.file)}（${k.pages} ページ）`).join('、')} を作りました。`);
    return [];
  } catch (error) {
    if (!(error instanceof PdfError)) throw error;
    return [error.at(label)];
  }
}
