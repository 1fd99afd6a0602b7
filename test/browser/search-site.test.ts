/**
 * Site search on the shared example build: the index, the weight each page loads up front,
 * the engine from Node (src/search/node.ts, the browser's own code) against the query set,
 * and the search box in a real Chromium, served over http and opened from a folder whose
 * path has spaces and Japanese (a Windows file share), giving the same results.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_GLOBAL, INDEX_GLOBAL, SEARCH_ENGINE_PATH, SEARCH_INDEX_PATH, SEARCH_LOADER_PATH } from '../../src/search/format.ts';
import { searchBuiltSite, siteEngine } from '../../src/search/node.ts';
import { QUERY_CASES, VARIANT_GROUPS } from '../fixtures/search/queries.ts';
import { serveFolder, type StaticServer } from '../serve.ts';
import { exampleSite, openBrowser, searchBox, type TestBrowser } from '../site-helpers.ts';

const pageOf = (url: string | undefined) => (url ? url.split('#')[0]! : null);

describe('the index', () => {
  it('is one classic script with every searchable page, smaller per page than the old fallback (177 KB for 25 pages)', () => {
    const site = exampleSite();
    const file = path.join(site, SEARCH_INDEX_PATH);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(`window.${INDEX_GLOBAL}={`)).toBe(true);
    // Per page, as the site grows with the company's own pages (BIA, exercises, guidelines).
    const pages = [...text.matchAll(/\["([a-z0-9/-]+\.html)",/g)].length;
    expect(pages).toBeGreaterThan(30);
    expect(statSync(file).size / pages).toBeLessThan(6 * 1024);
    for (const url of ['"index.html"', '"plan.html"', '"contacts.html"', '"glossary.html"', '"threats/01.html"', '"checklists/incident.html"'])
      expect(text).toContain(url);
    // The print page is the PDF's source, not a search result; Pagefind is gone.
    expect(text).not.toContain('"print.html"');
    expect(existsSync(path.join(site, 'pagefind'))).toBe(false);
  });
});

describe('JavaScript loaded up front', () => {
  it('is at most 10 KB on every page (bytes as served), and the engine is not among it', () => {
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
        expect(src ?? '', file).not.toContain(SEARCH_ENGINE_PATH);
        expect(src ?? '', file).not.toContain(SEARCH_INDEX_PATH);
      }
      return { file, bytes };
    });
    // The incident log included: its export, import and printable log load on first use (checklist-tools.js).
    expect(weights.filter((w) => w.bytes > 10 * 1024)).toEqual([]);
    expect(weights.find((w) => w.file === 'checklists/incident.html')!.bytes).toBeGreaterThan(0);
    // The loader itself stays tiny; the engine and the index come later.
    expect(statSync(path.join(site, SEARCH_LOADER_PATH)).size).toBeLessThan(1500);
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toContain(`src="${SEARCH_LOADER_PATH}"`);
  });
});

describe('the engine on the built site (Node, the browser’s code)', () => {
  it.each(QUERY_CASES)('$kind: 「$query」 → $first first', async ({ query, first }) => {
    expect(pageOf((await searchBuiltSite(exampleSite(), query))[0])).toBe(first);
  });

  it('answers at least 95% of the query set top-1', async () => {
    let right = 0;
    for (const { query, first } of QUERY_CASES) if (pageOf((await searchBuiltSite(exampleSite(), query))[0]) === first) right++;
    expect(right / QUERY_CASES.length).toBeGreaterThanOrEqual(0.95);
  });

  it.each(VARIANT_GROUPS.map((group) => [group.join(' / '), group] as const))('spellings %s give the same results', async (_, group) => {
    const expected = await searchBuiltSite(exampleSite(), group[0]!);
    expect(expected.length).toBeGreaterThan(0);
    for (const spelling of group) expect(await searchBuiltSite(exampleSite(), spelling), spelling).toEqual(expected);
  });

  it('shows each title once: no excerpt opens with its title (「No.1 No.1 USBメモリー」)', async () => {
    const engine = await siteEngine(exampleSite());
    const repeated: string[] = [];
    for (const { query } of [...QUERY_CASES, { query: 'No.1' }, { query: '対応チェックリスト' }, { query: 'ひな形と枠' }]) {
      for (const r of engine.search(query)) {
        const text = r.excerpt.map((p) => p.text).join('');
        if (text.replace(/^…/, '').startsWith(r.title) || /(No\.\d+) \1/.test(text)) repeated.push(`${query}: ${r.url}: ${text}`);
      }
    }
    expect(repeated).toEqual([]);
    const usb = engine.search('USB')[0]!;
    expect(usb.title).toBe('No.1 USBメモリー');
    expect(usb.excerpt.find((p) => p.mark)?.text).toBe('USB');
  });
});

describe('the search box in Chromium, served and from a file share', () => {
  let browser: TestBrowser;
  let server: StaticServer;
  let share: string;
  let shareRoot: string | undefined;

  beforeAll(async () => {
    shareRoot = mkdtempSync(path.join(tmpdir(), 'bcp-search-'));
    // A path like a Windows share's: spaces and Japanese.
    share = path.join(shareRoot, '共有 フォルダ', 'IT-BCP サイト');
    cpSync(exampleSite(), share, { recursive: true });
    server = await serveFolder(exampleSite());
    browser = await openBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (shareRoot) rmSync(shareRoot, { recursive: true, force: true });
  });

  /** Types `query` into the box and returns the result links, relative to the site root. */
  async function searchFor(page: Page, siteRoot: string, query: string): Promise<string[]> {
    return (await searchBox(page, query)).map((href) => decodeURIComponent(href.slice(siteRoot.length)));
  }

  async function run(siteRoot: string): Promise<{ before: unknown; requested: string[]; results: string[][] }> {
    const page = await browser.newPage();
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
      const loadedBefore = requested.filter((u) => u.includes('search/'));
      const results: string[][] = [];
      for (const { query } of QUERY_CASES) results.push(await searchFor(page, siteRoot, query));
      expect(problems).toEqual([]);
      return { before: [before, loadedBefore], requested, results };
    } finally {
      await page.close();
    }
  }

  it('loads the engine only when the box is used, and ranks as the engine from Node does, both ways', async () => {
    const served = await run(`${server.origin}/`);
    const fromShare = await run(pathToFileURL(`${share}/`).href);
    for (const way of [served, fromShare]) {
      expect(way.before).toEqual([['undefined', 'undefined'], []]);
      expect(way.requested.some((u) => u.endsWith(SEARCH_ENGINE_PATH))).toBe(true);
      expect(way.requested.some((u) => u.endsWith(SEARCH_INDEX_PATH))).toBe(true);
    }
    const expected = await Promise.all(QUERY_CASES.map(async ({ query }) => (await searchBuiltSite(exampleSite(), query)).slice(0, 20)));
    expect(served.results).toEqual(expected);
    expect(fromShare.results).toEqual(expected);
    // And so the expected first pages, in the box.
    expect(served.results.map((r) => pageOf(r[0]))).toEqual(QUERY_CASES.map((c) => c.first));
  });
});
