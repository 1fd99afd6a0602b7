/**
 * The home page's due-date table on a phone (issue 21): at 360 px nothing scrolls sideways
 * and no date breaks inside (「2027-/12-05」); on a desktop it stays a table.
 * Set BCP_SCREENSHOTS=folder to keep a screenshot per width for a person to look at.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSite, openBrowser, type TestBrowser } from '../site-helpers.ts';

let browser: TestBrowser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the due-date table', () => {
  it.each([360, 390, 1280])('reads at %i px: no sideways scrolling, every date on one line', async (width) => {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width, height: 800 });
      await page.goto(new URL('index.html', pathToFileURL(`${exampleSite()}${path.sep}`)).href);
      const layout = await page.evaluate(() => {
        const table = document.querySelector<HTMLElement>('.upkeep table')!;
        const dates = [...table.querySelectorAll<HTMLElement>('time')].map((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return { text: el.textContent, lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size };
        });
        // The header row is hidden on a phone (each value carries its label): its cells are not read here.
        const cells = [...table.querySelectorAll<HTMLElement>('tbody th, tbody td')]
          .filter((el) => el.scrollWidth > el.clientWidth + 1)
          .map((el) => el.textContent);
        return {
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth,
          tableRight: table.getBoundingClientRect().right,
          display: getComputedStyle(table).display,
          dates,
          cells,
        };
      });
      if (process.env.BCP_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.BCP_SCREENSHOTS, `upkeep-${width}.png`), fullPage: true });
      expect(layout.innerWidth).toBe(width);
      expect(layout.scrollWidth).toBeLessThanOrEqual(width);
      expect(layout.tableRight).toBeLessThanOrEqual(width);
      expect(layout.dates.length).toBeGreaterThan(0);
      for (const date of layout.dates) expect(date.lines, `${date.text} on one line`).toBe(1);
      expect(layout.cells).toEqual([]);
      expect(layout.display).toBe(width < 480 ? 'block' : 'table');
    } finally {
      await page.close();
    }
  });
});
