/**
 * The link check as a reader meets it: each page is opened in Chromium at a real address
 * (under a subpath over http, or on a file share), the browser resolves every link, and
 * each target must exist there, with its #anchor, and stay inside the site.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer';

interface Seen {
  ids: string[];
  links: { raw: string; url: string }[];
}

/** Dead links, one line each (`page: link（why）`), for `pages` (paths from the site root) of the site at `root`. */
export async function browserDeadLinks(
  browser: { newPage(): Promise<Page> },
  root: string,
  pages: readonly string[],
): Promise<{ dead: string[]; checked: number }> {
  const tab = await browser.newPage();
  const seen = new Map<string, Seen>();
  const dead: string[] = [];
  try {
    for (const page of pages) {
      const url = new URL(page, root).href;
      const response = await tab.goto(url);
      if (response && !response.ok()) dead.push(`${page}: ページを開けません（${response.status()}）`);
      seen.set(
        url,
        await tab.evaluate(() => ({
          ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
          links: [...document.querySelectorAll('a[href], area[href], link[href], script[src], img[src], iframe[src], source[src]')].map((e) => {
            const raw = e.getAttribute('href') ?? e.getAttribute('src') ?? '';
            return { raw, url: new URL(raw, document.baseURI).href };
          }),
        })),
      );
    }
  } finally {
    await tab.close();
  }

  const local = new URL(root).protocol === 'file:';
  let checked = 0;
  const exists = new Map<string, Promise<boolean>>();
  const fileExists = (target: string) => {
    if (!exists.has(target)) {
      exists.set(
        target,
        local
          ? Promise.resolve(existsSync(fileURLToPath(target)) && statSync(fileURLToPath(target)).isFile())
          : fetch(target).then(
              async (r) => {
                await r.arrayBuffer();
                return r.ok;
              },
              () => false,
            ),
      );
    }
    return exists.get(target)!;
  };

  for (const [pageUrl, { links }] of seen) {
    const from = pageUrl.slice(root.length);
    for (const { raw, url } of links) {
      const target = new URL(url);
      if (!['http:', 'https:', 'file:'].includes(target.protocol)) continue; // mailto:, tel:
      // Another site (the web from a share, another host when served).
      if (local ? target.protocol !== 'file:' : target.origin !== new URL(root).origin) continue;
      checked++;
      const hash = target.hash;
      target.hash = '';
      if (!target.href.startsWith(root)) {
        dead.push(`${from}: ${raw}（サイトの外 ${target.href} を指しています）`);
      } else if (target.pathname.endsWith('/')) {
        dead.push(`${from}: ${raw}（フォルダを指しています。file:// では開けません）`);
      } else if (!(await fileExists(target.href))) {
        dead.push(`${from}: ${raw}（${target.href.slice(root.length)} がありません）`);
      } else if (hash.length > 1 && seen.has(target.href)) {
        const id = decodeURIComponent(hash.slice(1));
        if (!seen.get(target.href)!.ids.includes(id)) dead.push(`${from}: ${raw}（id「${id}」がありません）`);
      }
    }
  }
  return { dead, checked };
}
