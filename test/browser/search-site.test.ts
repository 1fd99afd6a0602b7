/**
 * Site search on the shared builds: Pagefind's index and the file-share index (the public one
 * without internal pages), the weight each page loads up front, the file-share engine from
 * Node (src/browser/search/node.ts, the browser's own code) against the query set, and the
 * search box in a real Chromium: Pagefind over http, MiniSearch from a folder whose path has
 * spaces and Japanese (a Windows file share).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicFile } from '../../src/answers/visibility.ts';
import { searchBuiltSite, siteFileSearch } from '../../src/browser/search/node.ts';
import { ENGINE_GLOBAL, INDEX_GLOBAL, SEARCH_ENGINE_PATH, SEARCH_INDEX_PATH, SEARCH_LOADER_PATH, unpackIndex } from '../../src/search/format.ts';
import { QUERY_CASES, VARIANT_GROUPS } from '../fixtures/search/queries.ts';
import { serveFolder, type StaticServer } from '../serve.ts';
import { exampleSite, openBrowser, searchBox, testSite, type TestBrowser } from '../site-helpers.ts';

const pageOf = (url: string | undefined) => (url ? url.split('#')[0]! : null);

/** The pages in a built site's two indexes. */
async function indexedPages(site: string): Promise<{ pagefind: string[]; file: string[]; bytes: { pagefind: number; file: number } }> {
  const fragments = path.join(site, 'pagefind', 'fragment');
  const pagefind = readdirSync(fragments).map((f) =>
    (
      JSON.parse(
        gunzipSync(readFileSync(path.join(fragments, f)))
          .toString('utf8')
          .replace(/^pagefind_dcd/, ''),
      ) as { url: string }
    ).url.replace(/^\//, ''),
  );
  const script = readFileSync(path.join(site, SEARCH_INDEX_PATH), 'utf8');
  const packed = /^window\.BCP_SEARCH_INDEX="([A-Za-z0-9+/=]+)";\n$/.exec(script)![1]!;
  const index = (await unpackIndex(packed)) as { storedFields: Record<string, { url: string }> };
  const size = (dir: string) =>
    readdirSync(dir, { recursive: true, withFileTypes: true }).reduce((n, e) => n + (e.isFile() ? statSync(path.join(e.parentPath, e.name)).size : 0), 0);
  return {
    pagefind: pagefind.sort(),
    file: Object.values(index.storedFields)
      .map((d) => d.url)
      .sort(),
    bytes: { pagefind: size(fragments) + size(path.join(site, 'pagefind', 'index')), file: statSync(path.join(site, SEARCH_INDEX_PATH)).size },
  };
}

describe('the indexes', () => {
  it('Pagefind (Japanese) and the file-share script hold the same pages, the script in fewer bytes per page', async () => {
    const site = exampleSite();
    const entry = JSON.parse(readFileSync(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.keys(entry.languages)).toEqual(['ja']);
    const { pagefind, file, bytes } = await indexedPages(site);
    expect(pagefind.length).toBeGreaterThan(30);
    expect(file).toEqual(pagefind);
    for (const page of ['index.html', 'plan.html', 'contacts.html', 'glossary.html', 'threats/01.html', 'checklists/incident.html'])
      expect(file).toContain(page);
    // The print page is the PDF's source, not a search result.
    expect(file).not.toContain('print.html');
    expect(bytes.file).toBeLessThan(bytes.pagefind);
    // Pagefind's own UIs are not shipped: the site's box calls its API.
    expect(existsSync(path.join(site, 'pagefind', 'pagefind-ui.js'))).toBe(false);
  });

  it('the public build indexes public pages only, in both indexes', async () => {
    const { pagefind, file } = await indexedPages(testSite('public').dir);
    expect(pagefind.length).toBeGreaterThan(20);
    expect(file).toEqual(pagefind);
    expect(pagefind.filter((page) => !isPublicFile(page))).toEqual([]);
    for (const internal of ['bia.html', 'exercises.html', 'guidelines/automotive.html']) expect(pagefind).not.toContain(internal);
    expect((await indexedPages(exampleSite())).pagefind).toContain('bia.html');
  });
});

describe('JavaScript loaded up front', () => {
  it('is at most 10 KB on every page (bytes as served), and no engine or index is among it', () => {
    const site = exampleSite();
    const pages = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const weights = pages.map((file) => {
      const html = readFileSync(path.join(site, file), 'utf8');
      let bytes = 0;
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        const src = /\bsrc="([^"]+)"/.exec(m[1]!)?.[1];
        if (/type="application\/(ld\+)?json"/.test(m[1]!)) continue;
        bytes += src ? statSync(path.join(site, path.dirname(file), src)).size : Buffer.byteLength(m[2]!);
        for (const later of [SEARCH_ENGINE_PATH, SEARCH_INDEX_PATH, 'pagefind']) expect(src ?? '', file).not.toContain(later);
      }
      return { file, bytes };
    });
    expect(weights.filter((w) => w.bytes > 10 * 1024)).toEqual([]);
    expect(statSync(path.join(site, SEARCH_LOADER_PATH)).size).toBeLessThan(1500);
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toContain(`src="${SEARCH_LOADER_PATH}"`);
  });
});

describe('the file-share engine on the built site (Node, the browser’s code)', () => {
  it.each(QUERY_CASES)('$kind: 「$query」 → $first first', async ({ query, first }) => {
    expect(pageOf((await searchBuiltSite(exampleSite(), query))[0])).toBe(first);
  });

  it.each(VARIANT_GROUPS.map((group) => [group.join(' / '), group] as const))('spellings %s give the same results', async (_, group) => {
    const expected = await searchBuiltSite(exampleSite(), group[0]!);
    expect(expected.length).toBeGreaterThan(0);
    for (const spelling of group) expect(await searchBuiltSite(exampleSite(), spelling), spelling).toEqual(expected);
  });

  it('finds ログ as a word only: every result has ログ apart from ログイン', async () => {
    const search = await siteFileSearch(exampleSite());
    const results = search('ログ');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.excerpt.filter((p) => p.mark).map((p) => p.text)).toContain('ログ');
  });
});

describe('the search box in Chromium: Pagefind served, MiniSearch from a file share', () => {
  let browser: TestBrowser;
  let server: StaticServer;
  let share: string;
  let shareRoot: string | undefined;

  beforeAll(async () => {
    shareRoot = mkdtempSync(path.join(tmpdir(), 'bcp-search-'));
    // A path like a Windows share's: spaces and Japanese.
    share = path.join(shareRoot, '共有 フォルダ', 'IT-BCP サイト');
    cpSync(exampleSite(), share, { recursive: true });
    // Served under a subpath, as GitHub Pages serves a project site.
    server = await serveFolder(exampleSite(), { base: '/bcp/' });
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (shareRoot) rmSync(shareRoot, { recursive: true, force: true });
  });

  async function run(siteRoot: string, queries: readonly string[]) {
    const page: Page = await browser.newPage();
    const requested: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    page.on('pageerror', (error) => problems.push(String(error)));
    try {
      // A page one folder down: the box must still find the site's root.
      await page.goto(`${siteRoot}handbook/why-cyber-bcp.html`);
      const before = await page.evaluate(
        (names) => names.map((name) => typeof (window as unknown as Record<string, unknown>)[name]),
        [ENGINE_GLOBAL, INDEX_GLOBAL],
      );
      const loadedBefore = requested.filter((u) => /search\/|pagefind/.test(u));
      const results: string[][] = [];
      for (const query of queries) results.push((await searchBox(page, query)).map((href) => decodeURIComponent(href.slice(siteRoot.length))));
      // ↓ moves from the box to the first result, ↓ again to the second, ↑↑ back to the box.
      await page.focus('#site-search-q');
      await page.keyboard.press('ArrowDown');
      const first = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.press('ArrowUp');
      const back = await page.evaluate(() => document.activeElement?.id);
      expect(problems).toEqual([]);
      return { before, loadedBefore, requested, results, first, back };
    } finally {
      await page.close();
    }
  }

  it('from a file share: loads the MiniSearch script on first use, and ranks as the engine from Node does', async () => {
    const root = pathToFileURL(`${share}/`).href;
    const way = await run(
      root,
      QUERY_CASES.map((c) => c.query),
    );
    expect(way.before).toEqual(['undefined', 'undefined']);
    expect(way.loadedBefore).toEqual([]);
    expect(way.requested.some((u) => u.endsWith(SEARCH_INDEX_PATH))).toBe(true);
    expect(way.requested.some((u) => u.includes('/pagefind/'))).toBe(false);
    const expected = await Promise.all(QUERY_CASES.map(async ({ query }) => (await searchBuiltSite(exampleSite(), query)).slice(0, 20)));
    expect(way.results).toEqual(expected);
    expect(decodeURIComponent(way.first)).toBe(`${decodeURIComponent(root)}${way.results.at(-1)![0]}`);
    expect(way.back).toBe('site-search-q');
  });

  it('over http: runs Pagefind through the same pipeline (synonyms, particles, whole short words), never the file-share index', async () => {
    const root = `${server.origin}/bcp/`;
    const way = await run(root, ['コピー機', 'USBメモリを拾った', 'ログ', 'ハンディターミナル']);
    expect(way.loadedBefore).toEqual([]);
    expect(way.requested.some((u) => u.endsWith('/bcp/pagefind/pagefind.js'))).toBe(true);
    expect(way.requested.some((u) => u.endsWith(SEARCH_INDEX_PATH))).toBe(false);
    const [copier, usb, log, handy] = way.results.map((r) => r.map((u) => pageOf(u)));
    expect(copier![0]).toBe('threats/05.html');
    expect(usb![0]).toBe('threats/01.html');
    expect(handy![0]).toBe('threats/06.html');
    // ログイン-only pages are not results for ログ (the glossary has both words, the readiness checklist ログ only).
    expect(log).toContain('checklists/readiness.html');
    const search = await siteFileSearch(exampleSite());
    expect(log!.filter((page) => !search('ログ').some((r) => pageOf(r.url) === page))).toEqual([]);
    expect(way.back).toBe('site-search-q');
  });
});
