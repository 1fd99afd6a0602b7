/**
 * `npm run bench`: the project side by side with a Starlight site of the same pages, in one
 * run, printed as ratios (README: 「速さの測り方」).
 *
 *   npm run bench                  everything below (installs Starlight into a temp folder)
 *   npm run bench -- --runs 5      more paired runs per timing (default 3)
 *   npm run bench -- --tests       also the test suite's time as a multiple of one build
 *   npm run bench -- --pages       also the per-page weight table
 *   npm run bench -- --site DIR    only the weights of an existing build (e.g. dist)
 *   npm run bench -- --plans 1,10,50 [--no-pdf]   only `bcp build` over N generated plans (bench/plans.ts)
 *   npm run bench -- --search DIR  only search quality and speed on an existing build (no Starlight)
 *
 * Timings are output, never test assertions. The page weights are also asserted by
 * test/e2e-sites.test.ts.
 */
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { SEARCH_ENGINE_PATH, SEARCH_INDEX_PATH } from '../src/search/format.ts';
import { sitePages } from '../bench/starlight-peer.ts';

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
  // Root-relative references (`/_astro/x.css`, as Starlight writes them) start at the site folder.
  const local = (ref: string) => {
    const clean = decodeURIComponent(ref.split(/[?#]/)[0]!);
    return clean.startsWith('/') ? path.join(siteDir, clean) : path.resolve(path.dirname(file), clean);
  };
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
    lines.push(
      `${w.page.padEnd(width)}  ${kb(w.html).padStart(9)}  ${kb(w.css).padStart(9)}  ${kb(w.js).padStart(9)}  ${w.framework.length > 0 ? w.framework.join(', ') : 'なし'}`,
    );
  }
  const sum = (key: 'html' | 'css' | 'js') => weights.reduce((s, w) => s + w[key], 0);
  lines.push(`${'合計'.padEnd(width - 2)}  ${kb(sum('html')).padStart(9)}  ${kb(sum('css')).padStart(9)}  ${kb(sum('js')).padStart(9)}`);
  return lines;
}

/** What only a search loads: the engine, and the index of each way (file share: one script; http: Pagefind's files). */
export async function searchWeightReport(siteDir: string): Promise<string[]> {
  const index = path.join(siteDir, SEARCH_INDEX_PATH);
  const pages = (await readdir(path.join(siteDir, 'pagefind', 'fragment'))).length;
  const pagefind = (await folderSize(path.join(siteDir, 'pagefind', 'index'))) + (await folderSize(path.join(siteDir, 'pagefind', 'fragment')));
  return [
    `検索（初めて検索したときだけ読む）: エンジン ${kb(await sizeOf(path.join(siteDir, SEARCH_ENGINE_PATH)))}、` +
      `共有フォルダ用の索引 ${kb(await sizeOf(index))}（${pages} ページ、1 ページあたり ${kb((await sizeOf(index)) / pages)}）、` +
      `Pagefind の索引と断片 ${kb(pagefind)}（1 ページあたり ${kb(pagefind / pages)}）`,
    `サイト全体: ${kb(await folderSize(siteDir))}`,
  ];
}

/** The binder PDF: file size and pages (the fonts inside are subsets, see test/site/pdf.test.ts). */
export async function pdfReport(siteDir: string): Promise<string[]> {
  const file = path.join(siteDir, 'plan.pdf');
  const size = await sizeOf(file);
  if (size === 0) return ['PDF（plan.pdf）: ありません'];
  const { PDFDocument } = await import('pdf-lib');
  const pages = (await PDFDocument.load(await readFile(file), { updateMetadata: false })).getPageCount();
  return [`PDF（plan.pdf）: ${kb(size)}、${pages} ページ（1 ページあたり ${kb(size / pages)}）`];
}

/** Median and largest JS and CSS loaded up front by a page of the site. */
export async function upFront(siteDir: string) {
  const weights = await siteWeights(siteDir);
  const { median } = await import('../bench/timing.ts');
  const of = (key: 'js' | 'css') => ({ median: median(weights.map((w) => w[key])), max: Math.max(...weights.map((w) => w[key])) });
  return { pages: weights.length, js: of('js'), css: of('css') };
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0))));
  const pad = (cell: string, width: number) => cell + ' '.repeat(width - [...cell].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0));
  return rows.map((r) =>
    r
      .map((cell, i) => pad(cell, widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      site: { type: 'string' },
      runs: { type: 'string', default: '3' },
      tests: { type: 'boolean', default: false },
      pages: { type: 'boolean', default: false },
      plans: { type: 'string' },
      pdf: { type: 'boolean', default: true },
      search: { type: 'string' },
    },
    allowNegative: true,
  });
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  if (values.plans) {
    const { benchPlans } = await import('../bench/plans.ts');
    const { bundleCli } = await import('./bundle-cli.ts');
    await bundleCli();
    benchPlans(root, values.plans.split(',').map(Number), { pdf: values.pdf, log: (line = '') => console.log(line) });
    return;
  }
  if (values.search) {
    const { searchRows } = await import('../bench/search.ts');
    const { findBrowser } = await import('../src/pdf/browser.ts');
    const result = await searchRows(path.resolve(values.search), await findBrowser());
    for (const row of result.rows) console.log(row.join('  |  '));
    console.log(`\n${result.misses.join('\n')}`);
    return;
  }
  if (values.site) {
    const siteDir = path.resolve(values.site);
    for (const lines of [pageWeightReport(siteDir), searchWeightReport(siteDir), pdfReport(siteDir)]) console.log(`${(await lines).join('\n')}\n`);
    return;
  }
  const runs = Math.max(1, Number(values.runs) || 3);
  const { paired, timeCommand, ratio, seconds } = await import('../bench/timing.ts');
  const { bundleCli } = await import('./bundle-cli.ts');
  // What `npm run check|build` run: the launcher of the bundle (scripts/bcp.mjs).
  const CLI_ENTRY = path.join(root, 'scripts', 'bcp.mjs');
  const { installPeer, peerBuildCommand, writePeer, STARLIGHT_VERSION } = await import('../bench/starlight-peer.ts');
  const node = process.execPath;
  const scratch = await mkdtemp(path.join(tmpdir(), 'bcp-bench-'));
  const log = (line = '') => console.log(line);
  try {
    // The bundle is what `npm run check` runs; make sure it is there and current.
    await bundleCli();
    log(`同じマシンで交互に ${runs} 回ずつ測った中央値です（wall は経過時間、cpu は子プロセスを含む CPU 時間）。\n`);

    // 1. bcp check against a bare start of the same Node, three ways (src/check/report-cache.ts,
    //    scan-cache.ts): warm (nothing changed since the last check), after an edit of the answers
    //    (the whole report is stale, the content scans are not), and cold (no cache at all).
    const cacheDir = path.join(root, '.cache', 'check');
    const checkOnce = () => timeCommand(node, [CLI_ENTRY, 'check'], { cwd: root });
    const check = paired(runs * 3, {
      bare: () => timeCommand(node, ['-e', '0'], { cwd: root }),
      cold: () => {
        rmSync(cacheDir, { recursive: true, force: true });
        return checkOnce();
      },
      // Runs right after `cold`, which left both caches.
      warm: checkOnce,
      edited: () => {
        rmSync(path.join(cacheDir, 'report.json'), { force: true });
        return checkOnce();
      },
    });
    const rows = [['項目', '本プロジェクト', '比べる相手', '比']];
    const cases = [
      ['warm', 'キャッシュあり'],
      ['edited', '回答を直した後'],
      ['cold', 'キャッシュなし'],
    ] as const;
    for (const [key, label] of cases) {
      rows.push([`bcp check ${label}（wall）`, seconds(check[key].wall), `node -e 0: ${seconds(check.bare.wall)}`, ratio(check[key].wall, check.bare.wall)]);
      rows.push([`bcp check ${label}（cpu）`, seconds(check[key].cpu), `node -e 0: ${seconds(check.bare.cpu)}`, ratio(check[key].cpu, check.bare.cpu)]);
    }

    // 2. Builds: ours (the site alone, and in full with the PDF) against the Starlight peer.
    const site = path.join(scratch, 'site');
    timeCommand(node, [CLI_ENTRY, 'build', '--out', site], { cwd: root }); // warm-up, and the site the rest reads
    const peerDir = path.join(scratch, 'starlight');
    await mkdir(peerDir, { recursive: true });
    const peerPages = await writePeer(site, peerDir);
    const installStart = performance.now();
    installPeer(peerDir);
    log(
      `Starlight ${STARLIGHT_VERSION} を一時フォルダに入れました（${seconds((performance.now() - installStart) / 1000)}、測定には含めません）。${peerPages} ページ。\n`,
    );
    const [peerCommand, peerArgs] = peerBuildCommand(peerDir);
    timeCommand(peerCommand, peerArgs, { cwd: peerDir }); // warm-up
    const builds = paired(runs, {
      site: () => timeCommand(node, [CLI_ENTRY, 'build', '--no-pdf', '--out', path.join(scratch, 'site-only')], { cwd: root }),
      full: () => timeCommand(node, [CLI_ENTRY, 'build', '--out', site], { cwd: root }),
      peer: () => timeCommand(peerCommand, peerArgs, { cwd: peerDir }),
    });
    rows.push(['サイト（PDF なし、wall）', seconds(builds.site.wall), `Starlight: ${seconds(builds.peer.wall)}`, ratio(builds.site.wall, builds.peer.wall)]);
    rows.push(['サイト（PDF なし、cpu）', seconds(builds.site.cpu), `Starlight: ${seconds(builds.peer.cpu)}`, ratio(builds.site.cpu, builds.peer.cpu)]);
    rows.push(['全体（PDF 込み、wall）', seconds(builds.full.wall), `Starlight: ${seconds(builds.peer.wall)}`, ratio(builds.full.wall, builds.peer.wall)]);
    rows.push(['全体（PDF 込み、cpu）', seconds(builds.full.cpu), `Starlight: ${seconds(builds.peer.cpu)}`, ratio(builds.full.cpu, builds.peer.cpu)]);

    // 3. Bytes loaded up front per page.
    const ours = await upFront(site);
    const peer = await upFront(path.join(peerDir, 'dist'));
    rows.push(['JS（ページあたり、中央値）', kb(ours.js.median), `Starlight: ${kb(peer.js.median)}`, ratio(ours.js.median, peer.js.median)]);
    rows.push(['JS（ページあたり、最大）', kb(ours.js.max), `Starlight: ${kb(peer.js.max)}`, ratio(ours.js.max, peer.js.max)]);
    rows.push(['CSS（ページあたり、中央値）', kb(ours.css.median), `Starlight: ${kb(peer.css.median)}`, ratio(ours.css.median, peer.css.median)]);
    rows.push(['CSS（ページあたり、最大）', kb(ours.css.max), `Starlight: ${kb(peer.css.max)}`, ratio(ours.css.max, peer.css.max)]);

    // 4. Search: top-1 on every query set, both engines of the box against Pagefind's default.
    const { searchRows } = await import('../bench/search.ts');
    const { findBrowser } = await import('../src/pdf/browser.ts');
    const search = await searchRows(site, await findBrowser(), path.join(peerDir, 'dist'));
    rows.push(...search.rows);

    // 5. The test suite as a multiple of one build (slow: only on request): right after a change
    //    of the sources (the test sites are built again, test/global-setup.ts) and with the test
    //    sites current (only tests changed); and the unit tier alone.
    if (values.tests) {
      const vitest = [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run'];
      rmSync(path.join(root, '.cache', 'test-sites'), { recursive: true, force: true });
      const cold = timeCommand(node, vitest, { cwd: root });
      const warm = timeCommand(node, vitest, { cwd: root });
      const unit = timeCommand(node, [...vitest, '--project', 'unit'], { cwd: root });
      const full = `全体のビルド 1 回: ${seconds(builds.full.wall)}`;
      rows.push(['テスト一式、ソース変更後（wall）', seconds(cold.wall), full, ratio(cold.wall, builds.full.wall)]);
      rows.push(['テスト一式、テストだけ変更（wall）', seconds(warm.wall), full, ratio(warm.wall, builds.full.wall)]);
      rows.push(['単体テスト（unit、wall）', seconds(unit.wall), '目標: 20 s', ratio(unit.wall, 20)]);
    }
    for (const line of table(rows)) log(line);
    log();
    for (const misses of search.misses) log(misses);
    log();

    // 6. The PDF step at 1× and 5× the content: no step may grow faster than the pages.
    const { PDF_STEPS, scaledSite, timePdf } = await import('../bench/pdf-scale.ts');
    const one = await timePdf(site, path.join(scratch, 'one.pdf'), root);
    const five = await timePdf(await scaledSite(site, path.join(scratch, 'site-5x'), 5), path.join(scratch, 'five.pdf'), root);
    const pagesGrowth = five.pages / one.pages;
    const pdfRows = [['PDF の段階', '1× の内容', '5× の内容', '伸び', 'ページの伸びとの比']];
    for (const step of PDF_STEPS) {
      const a = (one.steps[step] ?? 0) / 1000;
      const b = (five.steps[step] ?? 0) / 1000;
      pdfRows.push([step, seconds(a), seconds(b), ratio(b, a), a > 0 ? ratio(b / a, pagesGrowth) : 'n/a']);
    }
    pdfRows.push(['合計', seconds(one.total / 1000), seconds(five.total / 1000), ratio(five.total, one.total), ratio(five.total / one.total, pagesGrowth)]);
    pdfRows.push(['ページ数', String(one.pages), String(five.pages), ratio(five.pages, one.pages), '']);
    pdfRows.push(['本番の印刷回数', String(one.passes), String(five.passes), '', '']);
    for (const line of table(pdfRows)) log(line);
    log();

    for (const lines of [...(values.pages ? [pageWeightReport(site)] : []), searchWeightReport(site), pdfReport(site)]) log(`${(await lines).join('\n')}\n`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
