/**
 * No dead internal links: every relative href/src in the built site points at a file that
 * exists, and every #fragment at an id in that file. Links must be relative (the site is
 * opened from a file share as well as served), so a root-absolute `/x` counts as dead.
 * The checker itself is tested first on a fixture site with known dead links.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserDeadLinks } from '../browser-links.ts';
import { FIXTURES } from '../helpers.ts';
import { serveFolder, type StaticServer } from '../serve.ts';
import { exampleSite, elements, openBrowser, parsePage, type TestBrowser } from '../site-helpers.ts';

interface Page {
  ids: Set<string>;
  duplicateIds: string[];
  links: string[];
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const LINK_ATTRIBUTES: Record<string, string[]> = {
  a: ['href', 'xLinkHref'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  iframe: ['src'],
  source: ['src'],
  form: ['action'],
};

function readPage(file: string): Page {
  const ids = new Set<string>();
  const duplicateIds: string[] = [];
  const links: string[] = [];
  for (const element of elements(parsePage(file))) {
    const id = element.properties.id;
    if (typeof id === 'string' && id !== '') {
      if (ids.has(id)) duplicateIds.push(id);
      ids.add(id);
    }
    for (const attribute of LINK_ATTRIBUTES[element.tagName] ?? []) {
      const value = element.properties[attribute];
      if (typeof value === 'string') links.push(value);
    }
  }
  return { ids, duplicateIds, links };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => path.join(dir, name))
    .sort();
}

/** Every page of a site folder, read once. */
function readSite(site: string): Map<string, Page> {
  return new Map(htmlFiles(site).map((file) => [file, readPage(file)]));
}

/** One line per dead link: `page: link（why）`; also how many internal links were checked. */
function deadLinks(site: string, pages: ReadonlyMap<string, Page>): { dead: string[]; checked: number } {
  const dead: string[] = [];
  let checked = 0;
  for (const [file, { links }] of pages) {
    const from = path.relative(site, file);
    for (const value of links) {
      if (value === '' || EXTERNAL.test(value)) continue;
      checked++;
      if (value.startsWith('/')) {
        dead.push(`${from}: ${value}（サイトの根からの絶対パスは file:// で開けません）`);
        continue;
      }
      const hash = value.indexOf('#');
      const filePart = (hash >= 0 ? value.slice(0, hash) : value).split('?')[0]!;
      const fragment = hash >= 0 ? value.slice(hash + 1) : '';
      const target = filePart === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(filePart));
      const shown = path.relative(site, target);
      if (target !== site && !target.startsWith(site + path.sep)) {
        dead.push(`${from}: ${value}（サイトの外を指しています）`);
      } else if (!existsSync(target)) {
        dead.push(`${from}: ${value}（ファイル ${shown} がありません）`);
      } else if (statSync(target).isDirectory()) {
        dead.push(`${from}: ${value}（フォルダ ${shown} を指しています。file:// では開けないので、ファイル名まで書いてください）`);
      } else if (fragment !== '' && target.endsWith('.html')) {
        const id = decodeURIComponent(fragment);
        if (!pages.get(target)?.ids.has(id)) dead.push(`${from}: ${value}（${shown} に id「${id}」がありません）`);
      }
    }
  }
  return { dead, checked };
}

function repeatedIds(site: string, pages: ReadonlyMap<string, Page>): string[] {
  return [...pages].flatMap(([file, page]) => page.duplicateIds.map((id) => `${path.relative(site, file)}: id「${id}」`));
}

describe('the link checker', () => {
  const site = path.join(FIXTURES, 'links', 'site');
  const expectedFile = path.join(FIXTURES, 'links', 'expected.txt');

  it('reports exactly the dead links and repeated ids of the fixture site', async () => {
    const pages = readSite(site);
    const { dead, checked } = deadLinks(site, pages);
    const report = [...dead, ...repeatedIds(site, pages)].join('\n') + '\n';
    await expect(report).toMatchFileSnapshot(expectedFile);
    // 8 good internal links (pages, fragments, the script, an SVG link, two links back) and the 7 dead ones.
    expect(checked).toBe(15);
  });
});

describe('internal links of the built site', () => {
  let site: string;
  let pages: Map<string, Page>;

  beforeAll(async () => {
    site = exampleSite();
    pages = readSite(site);
  });

  it('every relative link and #fragment resolves to an existing file and id', () => {
    expect(pages.size).toBeGreaterThan(20);
    const { dead, checked } = deadLinks(site, pages);
    expect(checked).toBeGreaterThan(300);
    expect(dead).toEqual([]);
  });

  it('no page repeats an id (a link to it would be ambiguous)', () => {
    expect(repeatedIds(site, pages)).toEqual([]);
  });

  // The same site as the browser resolves it: served under a subpath (GitHub Pages) and
  // copied to a share whose path has spaces and Japanese, opened from file://.
  describe('in Chromium, under http and under file://', () => {
    const SUBPATH = '/bcp-project/';
    let server: StaticServer;
    let browser: TestBrowser;
    let share: string;
    const pageList = () => [...pages.keys()].map((file) => path.relative(site, file).split(path.sep).join('/'));

    beforeAll(async () => {
      share = path.join(mkdtempSync(path.join(tmpdir(), 'bcp-links-')), '共有 フォルダ', 'BCP 計画');
      cpSync(site, share, { recursive: true });
      server = await serveFolder(site, { base: SUBPATH });
      browser = await openBrowser();
    });
    afterAll(async () => {
      await browser?.close();
      await server?.close();
      // The share is two folders below the temp folder made for it.
      if (share) rmSync(path.dirname(path.dirname(share)), { recursive: true, force: true });
    });

    it('the browser check finds the fixture site’s dead links, both ways', async () => {
      const fixture = path.join(FIXTURES, 'links', 'site');
      const fixtureShare = path.join(path.dirname(share), 'リンク 見本');
      cpSync(fixture, fixtureShare, { recursive: true });
      const fixtureServer = await serveFolder(fixture, { base: SUBPATH });
      try {
        const expected = ['missing.html', 'ok.html#nowhere', '#gone', '/ok.html', 'folder/', '../outside.html', 'sub/nothing.html'].map(
          (l) => `index.html: ${l}`,
        );
        for (const root of [`${fixtureServer.origin}${SUBPATH}`, pathToFileURL(`${fixtureShare}/`).href]) {
          const { dead } = await browserDeadLinks(browser, root, ['index.html', 'ok.html', 'sub/page.html']);
          expect(
            dead.map((line) => line.split('（')[0]),
            root,
          ).toEqual(expected);
        }
      } finally {
        await fixtureServer.close();
      }
    });

    it('every link and #anchor resolves, served under a subpath', async () => {
      const { dead, checked } = await browserDeadLinks(browser, `${server.origin}${SUBPATH}`, pageList());
      expect(checked).toBeGreaterThan(300);
      expect(dead).toEqual([]);
    });

    it('every link and #anchor resolves, opened from a file share', async () => {
      const { dead, checked } = await browserDeadLinks(browser, pathToFileURL(`${share}/`).href, pageList());
      expect(checked).toBeGreaterThan(300);
      expect(dead).toEqual([]);
    });
  });
});
