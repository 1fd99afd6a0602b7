/**
 * One built folder, three ways of opening it, in a real Chromium: served at a web server's
 * root, served under a subpath (a GitHub Pages project site), and copied to a file share
 * whose path has spaces and Japanese in it, opened from file://. In each: navigation,
 * styles, the threat map, a checklist, and the search box with Japanese queries.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteWeights } from '../../scripts/bench.ts';
import { QUERY_CASES } from '../fixtures/search/queries.ts';
import { serveFolder, type StaticServer } from '../serve.ts';
import { exampleSite, openBrowser, searchBox, type TestBrowser } from '../site-helpers.ts';

const SUBPATH = '/bcp-project/';
/** Every seventh query of the set, and one that must find nothing if the set has one. */
const QUERY_SAMPLE = [...QUERY_CASES.filter((_, i) => i % 7 === 0), ...QUERY_CASES.filter((c) => c.first === null).slice(0, 1)];

let site: string;
let share: string;
let atRoot: StaticServer;
let underSubpath: StaticServer;
let browser: TestBrowser;

beforeAll(async () => {
  site = exampleSite();
  share = path.join(mkdtempSync(path.join(tmpdir(), 'bcp-share-')), '共有 フォルダ', 'BCP 計画 2026');
  cpSync(site, share, { recursive: true });
  atRoot = await serveFolder(site);
  underSubpath = await serveFolder(site, { base: SUBPATH });
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await atRoot?.close();
  await underSubpath?.close();
  // The share is two folders below the temp folder made for it.
  if (share) rmSync(path.dirname(path.dirname(share)), { recursive: true, force: true });
});

interface Mode {
  name: string;
  /** The address of a site file, e.g. `threats/01.html`. */
  url(file: string): string;
}

const MODES: Mode[] = [
  { name: 'served at the root', url: (file) => `${atRoot.origin}/${file}` },
  { name: 'served under a subpath', url: (file) => `${underSubpath.origin}${SUBPATH}${file}` },
  { name: 'opened from a file share', url: (file) => new URL(file, pathToFileURL(`${share}/`)).href },
];

/** A fresh tab that records script errors and failed loads (browsers ask for /favicon.ico on their own). */
async function openTab(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900 });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`script error: ${error instanceof Error ? error.message : String(error)}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) problems.push(`${response.status()}: ${response.url()}`);
  });
  return { page, problems };
}

async function clickAndWait(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

describe.each(MODES)('the site $name', (mode) => {
  it('navigates by the header links, and its styles apply', async () => {
    const { page, problems } = await openTab();
    try {
      await page.goto(mode.url('index.html'));
      const style = await page.evaluate(() => ({
        bodyMargin: getComputedStyle(document.body).marginTop,
        headerLayout: getComputedStyle(document.querySelector('.site-header .inner')!).display,
        resultsPanel: getComputedStyle(document.querySelector('[data-search-results]')!).position,
      }));
      // Without the stylesheet the body keeps the browser's 8px margin and the header is a block.
      expect(style).toEqual({ bodyMargin: '0px', headerLayout: 'flex', resultsPanel: 'absolute' });

      await clickAndWait(page, 'header nav a[href="plan.html"]');
      expect(page.url()).toBe(mode.url('plan.html'));
      expect(await page.$eval('h1', (h) => h.textContent)).toContain('IT-BCP');

      // From a page one folder down, every header link still lands inside the site.
      await page.goto(mode.url('threats/01.html'));
      const inSite = await page.$$eval('header a', (links) => links.map((a) => (a as HTMLAnchorElement).href));
      expect(inSite.length).toBeGreaterThan(3);
      for (const href of inSite) expect(href.startsWith(mode.url(''))).toBe(true);
      await clickAndWait(page, 'header nav a[href="../contacts.html"]');
      expect(page.url()).toBe(mode.url('contacts.html'));
      await clickAndWait(page, 'header a.brand');
      expect(page.url()).toBe(mode.url('index.html'));
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('shows the threat map, whose entries open their pages', async () => {
    const { page, problems } = await openTab();
    try {
      await page.goto(mode.url('threats.html'));
      const box = await page.$eval('svg.map', (svg) => svg.getBoundingClientRect().width);
      expect(box).toBeGreaterThan(300);
      await clickAndWait(page, 'svg.map a[data-entry="1"]');
      expect(page.url()).toBe(mode.url('threats/01.html'));
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('ticks a checklist item and stamps the time', async () => {
    const { page, problems } = await openTab();
    try {
      await page.goto(mode.url('checklists/incident.html'));
      const item = '[data-item] input[type="checkbox"]';
      await page.click(item);
      expect(await page.$eval(item, (box) => (box as HTMLInputElement).checked)).toBe(true);
      await page.waitForFunction(() => document.querySelector('[data-item] [data-stamp]')?.hasAttribute('datetime'));
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // The whole query set, result for result, served and from a share: search-site.test.ts. Here a
  // sample per way of opening: the engine and index are the same files, the links are not.
  it('finds the right page first for Japanese queries', async () => {
    const { page, problems } = await openTab();
    try {
      // A page one folder down: the box must still link into the site's root.
      await page.goto(mode.url('handbook/why-cyber-bcp.html'));
      const misses: string[] = [];
      for (const { query, first } of QUERY_SAMPLE) {
        const hrefs = await searchBox(page, query);
        const got = hrefs[0]?.split('#')[0] ?? null;
        const want = first === null ? null : mode.url(first);
        if (got !== want) misses.push(`「${query}」: ${got ?? 'なし'}（期待: ${want ?? 'なし'}）`);
      }
      expect(misses).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('opens a search result at its section', async () => {
    const { page, problems } = await openTab();
    try {
      await page.goto(mode.url('contacts.html'));
      const hrefs = await searchBox(page, '対策本部');
      expect(hrefs[0]).toBe(`${mode.url('plan.html')}#${encodeURIComponent('-対策本部の設置')}`);
      await clickAndWait(page, '.search-list a');
      const landed = await page.evaluate(() => {
        const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
        return target ? { text: target.textContent, top: Math.round(target.getBoundingClientRect().top) } : null;
      });
      expect(landed?.text).toContain('対策本部の設置');
      expect(landed!.top).toBeLessThan(200);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('light pages', () => {
  it('no page ships a framework runtime, and scripts stay small', async () => {
    const weights = await siteWeights(site);
    expect(weights.length).toBeGreaterThan(20);
    expect(weights.filter((w) => w.framework.length > 0).map((w) => `${w.page}: ${w.framework.join(', ')}`)).toEqual([]);
    for (const w of weights) expect(w.js, w.page).toBeLessThan(64 * 1024);
  });
});
