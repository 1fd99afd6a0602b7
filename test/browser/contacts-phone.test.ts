/**
 * The emergency contact list on a phone and on a desktop, in a real Chromium over the
 * example site opened from file:// (as from a file share): no sideways scrolling, every
 * phone number on one line and one tap away, roles that wrap inside their box.
 * Set BCP_SCREENSHOTS=folder to keep a screenshot per width for a person to look at.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_ANSWERS, exampleSite, openBrowser, type TestBrowser } from '../site-helpers.ts';
import { loadAnswersFile } from '../../src/answers/load.ts';

const contacts = loadAnswersFile(EXAMPLE_ANSWERS).answers!.contacts;
const numbers = contacts.flatMap((c) => [c.phone, c.mobile]).filter((n): n is string => n !== undefined);

let browser: TestBrowser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the contact list', () => {
  it.each([360, 390, 1280])('fits %i px without sideways scrolling, numbers on one line and tap-to-call', async (width) => {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width, height: 800 });
      await page.goto(new URL('contacts.html', pathToFileURL(`${exampleSite()}${path.sep}`)).href);
      const layout = await page.evaluate(() => {
        const phones = [...document.querySelectorAll<HTMLElement>('.contact-list a[href^="tel:"], .contact-list .tel')].map((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          return { text: el.textContent, href: el.getAttribute('href'), lines: lines.size };
        });
        // The role is the cell's first text; the aliases and the deputy follow on their own lines.
        const roles = [...document.querySelectorAll<HTMLElement>('.contact-list th.role')].map((el) => ({
          text: el.childNodes[0]?.textContent?.trim(),
          notes: [...el.querySelectorAll('div')].map((d) => d.textContent),
          overflows: el.scrollWidth > el.clientWidth,
        }));
        return { scrollWidth: document.documentElement.scrollWidth, innerWidth, phones, roles };
      });
      if (process.env.BCP_SCREENSHOTS) {
        await page.screenshot({ path: path.join(process.env.BCP_SCREENSHOTS, `contacts-${width}.png`), fullPage: true });
      }
      expect(layout.innerWidth).toBe(width);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
      expect(layout.phones.map((p) => p.text)).toEqual(numbers);
      for (const phone of layout.phones) {
        expect(phone.lines, `${phone.text} on one line`).toBe(1);
        expect(phone.href, `${phone.text} is tap-to-call`).toBe(`tel:${phone.text!.replace(/-/g, '')}`);
      }
      expect(layout.roles.map((r) => r.text)).toEqual(contacts.map((c) => c.role));
      expect(layout.roles[1]!.notes).toEqual(['別名: 工場長', '不在のときの代わり: 代表取締役']);
      expect(layout.roles.filter((r) => r.overflows)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
