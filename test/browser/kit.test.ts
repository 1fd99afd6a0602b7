/**
 * The incident kit in a real Chromium (issue 23): the one-file offline edition copied alone
 * into an empty folder and opened from file:// with every request but the file itself
 * refused, as from a USB stick; and the poster's type, as printed, never below the minimum.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTER_MIN_FONT_PT } from '../../src/kit/data.ts';
import { FONT_FAMILY, FONT_URL_PATH, printFonts } from '../../src/pdf/fonts.ts';
import { ROOT } from '../helpers.ts';
import { recordKey } from '../../src/site/incident-record.ts';
import { exampleSite, emulatePrint, openBrowser, type TestBrowser } from '../site-helpers.ts';

const COMPANY = '株式会社かもめ精工';

let site: string;
let browser: TestBrowser;
let stick: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  site = exampleSite();
  browser = await openBrowser();
  // A "USB stick" holding this one file and nothing else.
  stick = mkdtempSync(path.join(tmpdir(), 'bcp-kit-stick-'));
  copyFileSync(path.join(site, 'plan-offline.html'), path.join(stick, 'plan-offline.html'));
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  rmSync(stick, { recursive: true, force: true });
});

describe('plan-offline.html from a USB stick, network blocked', () => {
  it('asks for nothing but itself, shows the contacts, and saves and exports a log entry', async () => {
    const context = await browser.createBrowserContext();
    contexts.push(context);
    const page = await context.newPage();
    const url = pathToFileURL(path.join(stick, 'plan-offline.html')).href;
    const requests: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      requests.push(request.url());
      if (request.url() === url) void request.continue();
      else void request.abort('blockedbyclient');
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.evaluateOnNewDocument(() => {
      const kept: Blob[] = [];
      (window as unknown as { keptBlobs: Blob[] }).keptBlobs = kept;
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        kept.push(blob as Blob);
        return create(blob);
      };
    });
    await page.goto(url, { waitUntil: 'load' });

    // The contacts are there, with tap-to-call links.
    const contacts = await page.$eval('#contacts', (el) => (el as HTMLElement).innerText);
    expect(contacts).toContain('090-0000-1201');
    expect(await page.$$eval('#contacts a[href^="tel:"]', (links) => links.length)).toBeGreaterThan(5);

    // Ticking the first item records it: in the timeline and in this browser's storage.
    const first = await page.$eval('[data-item]', (el) => (el as HTMLElement).dataset.item!);
    await page.click(`#check-${first}`);
    await page.waitForFunction(() => document.querySelectorAll('[data-record-timeline] li').length === 1);
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), recordKey(COMPANY, 'incident'))) ?? 'null') as {
      events: Array<{ type: string; item?: string }>;
    };
    expect(stored.events.map((e) => [e.type, e.item])).toEqual([['check', first]]);

    // The export works with the tools inside the file (no checklist-tools.js beside it), run only when first used.
    expect(await page.evaluate(() => 'bcpChecklistTools' in window)).toBe(false);
    await page.click('[data-action="download-json"]');
    await page.waitForFunction(() => (window as unknown as { keptBlobs: Blob[] }).keptBlobs.length > 0);
    const exported = await page.evaluate(() => (window as unknown as { keptBlobs: Blob[] }).keptBlobs[0]!.text());
    expect(exported).toContain(first);
    expect(await page.evaluate(() => 'bcpChecklistTools' in window)).toBe(true);

    // An in-page link jumps within the file.
    await page.click('a[href="#plan"]');
    expect(await page.evaluate(() => location.hash)).toBe('#plan');

    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
  });
});

describe('the poster', () => {
  it(`prints no text below ${POSTER_MIN_FONT_PT}pt, and every page keeps all its text inside`, async () => {
    const page = await browser.newPage();
    try {
      await page.goto(pathToFileURL(path.join(site, 'kit', 'poster.html')).href, { waitUntil: 'load' });
      // The fonts the print step gives the page (from the font package, here as files).
      const fonts = await printFonts('https://fonts.invalid', ROOT);
      await page.addStyleTag({ content: fonts.css.replaceAll(`https://fonts.invalid${FONT_URL_PATH}`, `${pathToFileURL(fonts.dir).href}/`) });
      await page.evaluate(async (family: string) => {
        await Promise.all([400, 700].map((weight) => document.fonts.load(`${weight} 20pt "${family}"`, '異常 Aa')));
        await document.fonts.ready;
      }, FONT_FAMILY);
      expect(await page.evaluate((family: string) => document.fonts.check(`20pt "${family}"`, '異常'), FONT_FAMILY)).toBe(true);
      await emulatePrint(page);
      const result = await page.evaluate(() => {
        const sizes: Array<{ text: string; pt: number }> = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent?.trim() ?? '';
          if (!text || !node.parentElement) continue;
          sizes.push({ text, pt: (parseFloat(getComputedStyle(node.parentElement).fontSize) * 72) / 96 });
        }
        const posters = Array.from(document.querySelectorAll<HTMLElement>('.poster'));
        const clipped = posters.filter((poster) => {
          const box = poster.getBoundingClientRect();
          return Array.from(poster.querySelectorAll<HTMLElement>('*')).some((el) => el.getBoundingClientRect().bottom > box.bottom + 0.5);
        });
        return { sizes, pages: posters.length, clipped: clipped.map((p) => p.dataset.poster) };
      });
      expect(result.pages).toBe(3);
      expect(result.sizes.length).toBeGreaterThan(30);
      expect(result.sizes.filter((s) => s.pt < POSTER_MIN_FONT_PT - 0.01)).toEqual([]);
      expect(result.clipped).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
