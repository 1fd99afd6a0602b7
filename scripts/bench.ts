/**
 * `npm run bench`: how heavy the built pages are and how fast the check runs.
 *
 *   npm run bench                 build the example into a temp folder, then measure it
 *   npm run bench -- --site DIR   measure an existing build (e.g. dist)
 *
 * Each report is its own function returning lines, so more can be added (PDF size) without
 * touching the others. The page weights are also asserted by test/e2e-sites.test.ts.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';

export interface PageWeight {
  /** Path from the site root, e.g. `threats/01.html`. */
  page: string;
  html: number;
  /** Inline <style> plus linked stylesheets. */
  css: number;
  /** Inline scripts plus the files of <script src>, as loaded with the page. */
  js: number;
  /** Scripts that mark a framework runtime: module scripts and Astro's bundled `_astro/*.js`. */
  framework: string[];
}

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

function elementsOf(nodes: readonly RootContent[], found: Element[] = []): Element[] {
  for (const node of nodes) {
    if (node.type !== 'element') continue;
    found.push(node);
    elementsOf(node.children as RootContent[], found);
  }
  return found;
}

const textOf = (element: Element) => element.children.map((c) => (c.type === 'text' ? c.value : '')).join('');

async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

/** HTML, CSS and JS bytes of one built page, counting the files it loads up front. */
export async function pageWeight(siteDir: string, page: string): Promise<PageWeight> {
  const file = path.join(siteDir, page);
  const html = await readFile(file, 'utf8');
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const local = (ref: string) => path.resolve(path.dirname(file), decodeURIComponent(ref.split(/[?#]/)[0]!));
  const weight: PageWeight = { page, html: bytes(html), css: 0, js: 0, framework: [] };
  for (const el of elementsOf(tree.children)) {
    const p = el.properties ?? {};
    if (el.tagName === 'style') weight.css += bytes(textOf(el));
    if (el.tagName === 'link' && String(p.rel ?? '').includes('stylesheet') && typeof p.href === 'string') weight.css += await sizeOf(local(p.href));
    if (el.tagName !== 'script') continue;
    const type = typeof p.type === 'string' ? p.type : '';
    if (type !== '' && type !== 'module' && !type.includes('javascript')) continue; // data, e.g. JSON
    const src = typeof p.src === 'string' ? p.src : undefined;
    weight.js += src ? await sizeOf(local(src)) : bytes(textOf(el));
    if (type === 'module' || (src && /(^|\/)_astro\//.test(src))) weight.framework.push(src ?? 'inline module');
  }
  return weight;
}

/** Every page of a built site (Pagefind's own files excluded). */
export async function sitePages(siteDir: string): Promise<string[]> {
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(siteDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .filter((page) => !page.startsWith('pagefind/'))
    .sort();
}

export async function siteWeights(siteDir: string): Promise<PageWeight[]> {
  return Promise.all((await sitePages(siteDir)).map((page) => pageWeight(siteDir, page)));
}

async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) if (e.isFile()) total += await sizeOf(path.join(e.parentPath, e.name));
  return total;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export async function pageWeightReport(siteDir: string): Promise<string[]> {
  const weights = await siteWeights(siteDir);
  const width = Math.max(4, ...weights.map((w) => w.page.length));
  const lines = [`${'ページ'.padEnd(width - 1)}  ${'HTML'.padStart(9)}  ${'CSS'.padStart(9)}  ${'JS'.padStart(9)}  フレームワーク`];
  for (const w of weights) {
    lines.push(`${w.page.padEnd(width)}  ${kb(w.html).padStart(9)}  ${kb(w.css).padStart(9)}  ${kb(w.js).padStart(9)}  ${w.framework.length > 0 ? w.framework.join(', ') : 'なし'}`);
  }
  const sum = (key: 'html' | 'css' | 'js') => weights.reduce((s, w) => s + w[key], 0);
  lines.push(`${'合計'.padEnd(width - 2)}  ${kb(sum('html')).padStart(9)}  ${kb(sum('css')).padStart(9)}  ${kb(sum('js')).padStart(9)}`);
  return lines;
}

/** What only a search loads: Pagefind (over http) or the fallback index (from a file share). */
export async function searchWeightReport(siteDir: string): Promise<string[]> {
  const pagefind = path.join(siteDir, 'pagefind');
  return [
    `検索（初めて検索したときだけ読む）: Pagefind 一式 ${kb(await folderSize(pagefind))}` +
      `（うち pagefind.js ${kb(await sizeOf(path.join(pagefind, 'pagefind.js')))}、索引は必要な分だけ）、` +
      `file:// 用の索引 ${kb(await sizeOf(path.join(siteDir, 'search', 'fallback-index.js')))}`,
    `サイト全体: ${kb(await folderSize(siteDir))}`,
  ];
}

/** The binder PDF: file size and pages (the fonts inside are subsets, see test/pdf.test.ts). */
export async function pdfReport(siteDir: string): Promise<string[]> {
  const file = path.join(siteDir, 'plan.pdf');
  const size = await sizeOf(file);
  if (size === 0) return ['PDF（plan.pdf）: ありません'];
  const { PDFDocument } = await import('pdf-lib');
  const pages = (await PDFDocument.load(await readFile(file), { updateMetadata: false })).getPageCount();
  return [`PDF（plan.pdf）: ${kb(size)}、${pages} ページ（1 ページあたり ${kb(size / pages)}）`];
}

/** Median time of `bcp check` on the example answers. */
export async function checkTimingReport(cwd: string, runs = 3): Promise<string[]> {
  const { runCheck } = await import('../src/check/check.ts');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await runCheck({ cwd });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return [`bcp check: ${Math.round(times[Math.floor(runs / 2)]!)} ms（${runs} 回の中央値）`];
}

async function main() {
  const { values } = parseArgs({ options: { site: { type: 'string' } } });
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  let siteDir = values.site ? path.resolve(values.site) : undefined;
  let scratch: string | undefined;
  if (!siteDir) {
    const { buildSite } = await import('../src/build/build.ts');
    scratch = await mkdtemp(path.join(tmpdir(), 'bcp-bench-'));
    siteDir = path.join(scratch, 'site');
    const start = performance.now();
    if (!(await buildSite({ outDir: siteDir, cwd: root, log: () => {} }))) throw new Error('サイトを作れませんでした。npm run build で問題を確かめてください。');
    console.log(`bcp build: ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  }
  try {
    const reports = [pageWeightReport(siteDir), searchWeightReport(siteDir), pdfReport(siteDir), checkTimingReport(root)];
    for (const lines of reports) console.log(`${(await lines).join('\n')}\n`);
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
