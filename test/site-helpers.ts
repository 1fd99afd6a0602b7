/** Helpers for tests over a built site: build into a temp folder, read pages as trees, drive Chromium. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import type { BrowserContext, Page } from 'puppeteer';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { expect, inject } from 'vitest';
import { buildSite } from '../src/build/build.ts';
import type { TestSite, TestSiteName } from './global-setup.ts';
import { FIXTURES, ROOT } from './helpers.ts';

export const EXAMPLE_ANSWERS = path.join(FIXTURES, 'answers', 'example.yaml');

/** A site built once per run by test/global-setup.ts (see there for each). Read it, never change it. */
export function testSite(name: TestSiteName): TestSite {
  return inject('testSites')[name];
}

/** The example company's internal site, with its PDF. */
export function exampleSite(): string {
  return testSite('example').dir;
}

/** Builds the site into a fresh temp folder and returns that folder; fails the test with the log otherwise. */
export async function buildTempSite(prefix: string, answersFile = EXAMPLE_ANSWERS, options: { pdf?: boolean } = {}): Promise<string> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), `bcp-${prefix}-`)), 'site');
  const lines: string[] = [];
  const ok = await buildSite({ answersFile, outDir: out, cwd: ROOT, pdf: options.pdf, log: (line) => lines.push(line) });
  expect(ok, lines.join('\n')).toBe(true);
  return out;
}

/** Removes a folder made by buildTempSite (the temp folder around the site). */
export function removeTempSite(site: string | undefined): void {
  if (site && !Object.values(inject('testSites')).some((built) => built.dir === site)) rmSync(path.dirname(site), { recursive: true, force: true });
}

export function parsePage(file: string): Root {
  return unified().use(rehypeParse).parse(readFileSync(file, 'utf8')) as Root;
}

/** Every element of a tree, in document order. */
export function elements(tree: Root | Element): Element[] {
  const found: Element[] = [];
  const walk = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      found.push(node);
      walk(node.children as RootContent[]);
      // <template> keeps its children in `content`.
      if (node.content) walk(node.content.children as RootContent[]);
    }
  };
  walk(tree.children as RootContent[]);
  return found;
}

export function textContent(node: Element | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map((child) => textContent(child as RootContent)).join('');
}

export function classesOf(element: Element): string[] {
  const value: unknown = element.properties.className;
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
}

/** A browser for one test file: its own profiles in the Chromium the browser tier shares (test/setup-browser.ts). */
export interface TestBrowser {
  newPage(): Promise<Page>;
  /** Another profile (its own storage, as on another PC); closed with the browser at the latest. */
  createBrowserContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function openBrowser(): Promise<TestBrowser> {
  const { default: puppeteer } = await import('puppeteer');
  const contexts = new Set<BrowserContext>();
  const browser = await puppeteer.connect({
    browserWSEndpoint: inject('browserEndpoint'),
    // Only this file's profiles: a connection that attached to the tabs of other files running
    // beside it would reset their emulation (print media, viewport).
    targetFilter: (target) => contexts.has(target.browserContext()),
  });
  const profile = async () => {
    const context = await browser.createBrowserContext();
    contexts.add(context);
    return context;
  };
  const main = await profile();
  return {
    newPage: () => main.newPage(),
    createBrowserContext: profile,
    close: async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.disconnect();
    },
  };
}

/** Shows `page` as printed, once the page itself sees print media (a tab behind others may apply it a frame later). */
export async function emulatePrint(page: Page): Promise<void> {
  await page.emulateMediaType('print');
  await page.waitForFunction(() => matchMedia('print').matches, { polling: 50 });
}

/** Types `query` into the site's search box, waits for its answer and returns the result links (absolute). */
export async function searchBox(page: Page, query: string): Promise<string[]> {
  await page.click('#site-search-q', { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type('#site-search-q', query);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (q) => {
      const panel = document.querySelector<HTMLElement>('[data-search-results]');
      return panel?.dataset.query === q && panel.closest('form')?.dataset.state === 'done';
    },
    { timeout: 15_000 },
    query,
  );
  return page.$$eval('[data-search-results] .search-list a', (links) => links.map((a) => (a as HTMLAnchorElement).href));
}

/** One bookmark of a PDF, with its depth in the outline (0 at the top). */
export interface OutlineItem {
  title: string;
  page: number;
  depth: number;
}

/** A PDF's bookmarks in order, read with qpdf. */
export function readOutline(file: string): OutlineItem[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=outlines', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as {
    outlines: Array<{ title: string; destpageposfrom1: number; kids: unknown[] }>;
  };
  const items: OutlineItem[] = [];
  const walk = (nodes: typeof json.outlines, depth: number) => {
    for (const node of nodes) {
      items.push({ title: node.title, page: node.destpageposfrom1, depth });
      walk(node.kids as typeof json.outlines, depth + 1);
    }
  };
  walk(json.outlines, 0);
  return items;
}
