/**
 * The PDF step: prints the built site's print.html to one A4 PDF.
 *
 * 1. Chromium opens the page at a made-up origin whose every request we answer from
 *    disk (the site folder, and the font package for `/__fonts/`); nothing reaches the
 *    network, and the site itself never carries the fonts.
 * 2. The table of contents needs the page of every heading before the real print. A
 *    layout probe prints the page with everything hidden: the same layout, but nothing
 *    drawn, no fonts embedded, no tags, so it costs a fraction of a print, and its named
 *    destinations tell on which page each contents target lands. The numbers go into
 *    fixed-width slots (they cannot move anything), the page is printed once for real,
 *    and that PDF, parsed once, confirms the numbers and is finished.
 * 3. The clock-dependent metadata is replaced with the plan's own, so the same answers
 *    give the same PDF.
 *
 * Starting Chromium and decoding the two whole Japanese fonts (about 1 MB each) take longer
 * than printing, and need no page: `bcp build` opens the printer (`openPrinter`) while Astro
 * still builds the site, and hands it to the print step.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { ruleMessage } from '../errors/catalogue.ts';
import { PAGES } from '../site/paths.ts';
import { BROWSER_ARGS, findBrowser } from './browser.ts';
import { destinationPages, finishPdf, loadPdf } from './document.ts';
import { PdfError } from './error.ts';
import { FONT_FAMILY, FONT_URL_PATH, FONT_WEIGHTS, printFonts } from './fonts.ts';

export const PRINT_PAGE = 'print.html';
export const PDF_FILE = PAGES.pdf;

/** Never resolvable (RFC 2606), so a request we fail to answer cannot leave the machine. */
export const ORIGIN = 'https://bcp-print.invalid';
/** One real print settles the contents; more only if filling the numbers moved a heading. */
const MAX_PASSES = 3;
/** A page of only the font faces, where the printer loads the fonts before the site exists. */
const WARM_PAGE = '/__warm.html';
/** Hides everything without changing the layout (visibility never moves a box). */
const PROBE_STYLE = '*, *::before, *::after { visibility: hidden !important; }';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

export interface PrinterOptions {
  /** Project root, where the font package is installed. Default: `process.cwd()`. */
  cwd?: string;
  /** Browser executable. Default: found by `findBrowser()`. */
  executablePath?: string;
}

export interface PrintOptions extends PrinterOptions {
  /** The built site folder holding print.html. */
  siteDir: string;
  /** Where the PDF goes. Default: `plan.pdf` inside `siteDir`. */
  outFile?: string;
  /** A printer opened earlier (`openPrinter`); the print closes it. Default: one opened now. */
  printer?: Promise<Printer>;
  /** Called after each step with its name and wall time in ms (for `npm run bench`). */
  onStep?: (step: PrintStep, ms: number) => void;
}

/** Chromium with one page at the print origin and the fonts loaded: ready for one print. */
export interface Printer {
  readonly page: Page;
  /** Answers the page's requests from the site in `siteDir` from now on. */
  serve(siteDir: string): void;
  /** Closes the browser; safe to call more than once. */
  close(): Promise<void>;
}

export type PrintStep = 'launch' | 'load' | 'probe' | 'print' | 'parse' | 'finish';

export interface PrintResult {
  file: string;
  pages: number;
  bytes: number;
  /** How many times the page was printed for real (1 unless filling the numbers moved a heading). */
  passes: number;
  /** Contents target id → page number printed in the contents. */
  toc: ReadonlyMap<string, number>;
}

/** The Chromium processes this process started and has not closed yet. */
const running = new Set<ChildProcess>();

/**
 * Kills every Chromium this process started, with all of its helper processes (their
 * process group), at once and synchronously: for a build stopped by a signal, which exits
 * right after. Chromium is started in a group of its own, so it would not get the signal.
 */
export function killBrowsers(): void {
  for (const child of running) {
    running.delete(child);
    if (child.pid === undefined || child.exitCode !== null) continue;
    try {
      if (process.platform === 'win32') child.kill('SIGKILL');
      else process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
}

/**
 * Launches Chromium and loads the fonts into its memory cache, so the print page finds them
 * decoded. Throws a `PdfError` when there is no browser or no font package.
 */
export async function openPrinter(options: PrinterOptions = {}): Promise<Printer> {
  const fonts = await printFonts(ORIGIN, options.cwd);
  const executablePath = options.executablePath ?? (await findBrowser());
  const { launch } = await import('puppeteer');
  let browser: Browser;
  try {
    // Over a pipe: should this process die without a word (SIGKILL), Chromium sees the pipe
    // close and quits too.
    browser = await launch({ executablePath, headless: true, pipe: true, args: [...BROWSER_ARGS] });
  } catch (error) {
    throw new PdfError('print-failed', ruleMessage('print-failed', { detail: `${executablePath} を起動できません（${errorText(error)}）` }));
  }
  const child = browser.process();
  if (child) running.add(child);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= browser.close().finally(() => {
      if (child) running.delete(child);
    }));
  try {
    const page = await browser.newPage();
    const site = { dir: undefined as string | undefined };
    await serveFromDisk(page, site, fonts);
    await page.goto(`${ORIGIN}${WARM_PAGE}`, { waitUntil: 'load' });
    await page.evaluate(
      (family: string, weights: readonly number[]) => Promise.all(weights.map((weight) => document.fonts.load(`${weight} 16px "${family}"`, '計画'))),
      FONT_FAMILY,
      [...FONT_WEIGHTS],
    );
    return { page, serve: (siteDir) => (site.dir = path.resolve(siteDir)), close };
  } catch (error) {
    await close();
    throw new PdfError('print-failed', ruleMessage('print-failed', { detail: errorText(error) }));
  }
}

export async function printPlanPdf(options: PrintOptions): Promise<PrintResult> {
  const siteDir = path.resolve(options.siteDir);
  const outFile = path.resolve(options.outFile ?? path.join(siteDir, PDF_FILE));
  const pageFile = path.join(siteDir, PRINT_PAGE);
  if (!(await stat(pageFile).catch(() => undefined))?.isFile()) {
    throw new PdfError('print-page-missing', ruleMessage('print-page-missing', { file: pageFile }));
  }

  let clock = performance.now();
  const step = (name: PrintStep) => {
    const now = performance.now();
    options.onStep?.(name, now - clock);
    clock = now;
  };

  const printer = await (options.printer ?? openPrinter(options));
  try {
    step('launch');
    const { page } = printer;
    printer.serve(siteDir);
    await page.goto(`${ORIGIN}/${PRINT_PAGE}`, { waitUntil: 'load' });
    await loadFonts(page);
    await relinkForPrint(page);
    step('load');
    const { pdf, passes, toc } = await printWithContents(page, step);
    const meta = await page.evaluate(() => ({
      title: document.title,
      author: document.querySelector<HTMLMetaElement>('meta[name="author"]')?.content ?? '',
      subject: document.querySelector<HTMLMetaElement>('meta[name="description"]')?.content ?? '',
      date: document.querySelector<HTMLMetaElement>('meta[name="bcp:revision-date"]')?.content ?? '',
    }));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(meta.date)) {
      throw new PdfError('print-failed', ruleMessage('print-failed', { detail: `${PRINT_PAGE} に改訂日（meta bcp:revision-date）がありません` }));
    }
    const finished = await finishPdf(pdf, meta);
    step('finish');
    await mkdir(path.dirname(outFile), { recursive: true });
    // Written beside the target and renamed, so a reader never sees half a PDF.
    const partial = `${outFile}.bcp-tmp-${process.pid}`;
    await writeFile(partial, finished.bytes);
    await rename(partial, outFile).catch(async (error: unknown) => {
      await rm(partial, { force: true });
      throw error;
    });
    return { file: outFile, pages: finished.pages, bytes: finished.bytes.byteLength, passes, toc };
  } catch (error) {
    if (error instanceof PdfError) throw error;
    throw new PdfError('print-failed', ruleMessage('print-failed', { detail: errorText(error) }));
  } finally {
    // One owner: a printer handed in is closed by whoever opened it.
    if (!options.printer) await printer.close();
  }
}

/**
 * Answers every request of the page from disk; anything outside the site is refused. The
 * fonts may be kept in the memory cache: the print page then reuses the faces decoded on
 * the warm-up page instead of decoding them again.
 */
async function serveFromDisk(page: Page, site: { dir: string | undefined }, fonts: { css: string; dir: string }) {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== ORIGIN) {
      void request.abort('blockedbyclient');
      return;
    }
    const pathname = decodeURIComponent(url.pathname);
    if (pathname === WARM_PAGE) {
      void request.respond({ status: 200, contentType: CONTENT_TYPES['.html'], body: `<!doctype html><style>${fonts.css}</style>` });
      return;
    }
    const inFonts = pathname.startsWith(FONT_URL_PATH);
    const root = inFonts ? fonts.dir : site.dir;
    if (root === undefined) {
      void request.respond({ status: 404, body: '' });
      return;
    }
    const file = path.resolve(root, `.${inFonts ? pathname.slice(FONT_URL_PATH.length - 1) : pathname}`);
    if (file !== root && !file.startsWith(root + path.sep)) {
      void request.respond({ status: 404, body: '' });
      return;
    }
    readFile(file).then(
      (body) => {
        const contentType = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
        // The font faces go into the pages printed (print.html, the kit's pages) only here, while they print.
        const payload = path.extname(file) === '.html' ? Buffer.from(String(body).replace('</head>', `<style>${fonts.css}</style></head>`)) : body;
        void request.respond({ status: 200, contentType, headers: inFonts ? { 'Cache-Control': 'max-age=3600' } : {}, body: payload });
      },
      () => void request.respond({ status: 404, body: '' }),
    );
  });
}

/**
 * Waits for every font face the page needs. Margin boxes are laid out only when printing,
 * so the characters of the running header and footer are loaded explicitly: otherwise a
 * character that appears nowhere else would be drawn with a system font.
 */
export async function loadFonts(page: Page) {
  const failed = await page.evaluate(
    async (family: string, weights: readonly number[]) => {
      const root = document.documentElement;
      const running = Array.from(root.style)
        .filter((name) => name.startsWith('--bcp-'))
        .map((name) => root.style.getPropertyValue(name))
        .join('');
      const text = `${running}0123456789 /`;
      await Promise.all(weights.map((weight) => document.fonts.load(`${weight} 16px "${family}"`, text)));
      void document.body.offsetHeight;
      await document.fonts.ready;
      return Array.from(document.fonts)
        .filter((face) => face.status === 'error')
        .map((face) => face.family);
    },
    FONT_FAMILY,
    [...FONT_WEIGHTS],
  );
  if (failed.length > 0) {
    throw new PdfError('print-fonts-missing', ruleMessage('print-fonts-missing', { detail: `読めなかったフォント: ${failed.length} 件` }));
  }
}

/**
 * Links to site pages would point at the made-up origin inside the PDF. A link whose
 * target is also in the print page becomes a jump inside the PDF: by its fragment
 * (`glossary.html#term-x` → `#term-x`) or by the part that stands for the page
 * (`data-print-of="contacts.html"`); any other keeps its text and loses the link.
 */
async function relinkForPrint(page: Page) {
  await page.evaluate((origin: string) => {
    const byId = (id: string) => (id ? document.getElementById(id) : null);
    // Looked up once: the page has hundreds of links (every glossary term is one).
    const parts = new Map<string, HTMLElement>();
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-print-of][id]'))) {
      if (!parts.has(element.dataset.printOf ?? '')) parts.set(element.dataset.printOf ?? '', element);
    }
    for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'))) {
      const url = new URL(link.getAttribute('href') ?? '', document.baseURI);
      if (url.origin !== origin) continue;
      const fragment = decodeURIComponent(url.hash.slice(1));
      const file = decodeURIComponent(url.pathname.slice(1));
      const target = byId(fragment) ?? parts.get(file);
      if (target) link.setAttribute('href', `#${target.id}`);
      else link.removeAttribute('href');
    }
  }, ORIGIN);
}

const printOptions = (real: boolean) =>
  ({
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: false,
    outline: real,
    tagged: real,
    timeout: 120_000,
  }) as const;

/** Contents target → page it landed on, for every `[data-toc-page]` of the page. */
function landedPages(targets: readonly string[], destinations: ReadonlyMap<string, number>): Map<string, number> {
  const landed = new Map<string, number>();
  for (const target of targets) {
    const pageNumber = destinations.get(target);
    if (pageNumber === undefined) throw new PdfError('toc-target-missing', ruleMessage('toc-target-missing', { target }));
    landed.set(target, pageNumber);
  }
  return landed;
}

async function printWithContents(page: Page, step: (name: PrintStep) => void) {
  const targets = await page.$$eval('[data-toc-page]', (elements) => elements.map((e) => e.getAttribute('data-toc-page') ?? ''));
  let expected = new Map<string, number>();
  if (targets.length > 0) {
    const style = await page.addStyleTag({ content: PROBE_STYLE });
    expected = landedPages(targets, await destinationPages(await page.pdf(printOptions(false))));
    await style.evaluate((element) => element.remove());
    step('probe');
  }
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    await page.evaluate(
      (entries: Array<[string, number]>) => {
        const numbers = new Map(entries);
        for (const element of Array.from(document.querySelectorAll<HTMLElement>('[data-toc-page]'))) {
          element.textContent = String(numbers.get(element.dataset.tocPage ?? '') ?? '');
        }
      },
      [...expected],
    );
    const bytes = await page.pdf(printOptions(true));
    step('print');
    const pdf = await loadPdf(bytes);
    const landed = landedPages(targets, await destinationPages(pdf));
    step('parse');
    if (sameNumbers(landed, expected)) return { pdf, passes: pass, toc: landed };
    expected = landed;
  }
  throw new PdfError('toc-pages-unstable', ruleMessage('toc-pages-unstable', { passes: MAX_PASSES }));
}

function sameNumbers(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  return a.size === b.size && [...a].every(([key, value]) => b.get(key) === value);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
