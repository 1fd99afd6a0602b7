/**
 * The handbook and the glossary in a built site: every chapter is reachable from the
 * handbook's index and from the one before it, the pages link where a reader expects,
 * the glossary page has an anchor per term, and in Chromium a linked term shows its
 * definition on hover and on keyboard focus while its accessible name stays the term.
 * (Dead links and anchors across the whole site are test/browser/links.test.ts's job.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { GLOSSARY_FILE, loadGlossary } from '../../src/glossary/load.ts';
import { termAnchor } from '../../src/glossary/schema.ts';
import { ROOT } from '../helpers.ts';
import { exampleSite, classesOf, elements, openBrowser, parsePage, textContent, type TestBrowser } from '../site-helpers.ts';

const HANDBOOK = path.join(ROOT, 'content', 'handbook');
/** Chapter slugs in reading order, from the frontmatter of content/handbook/*.mdx. */
const CHAPTERS = readdirSync(HANDBOOK)
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const frontmatter = parse(readFileSync(path.join(HANDBOOK, name), 'utf8').split('---\n')[1]!) as { title: string; order: number };
    return { slug: name.replace(/\.mdx$/, ''), ...frontmatter };
  })
  .sort((a, b) => a.order - b.order);
const TERMS = loadGlossary(GLOSSARY_FILE, { cwd: ROOT }).terms!;

let site: string;
const pageElements = (file: string) => elements(parsePage(path.join(site, file)));
const hrefsOf = (file: string, filter: (a: Element) => boolean = () => true) =>
  pageElements(file)
    .filter((e) => e.tagName === 'a' && filter(e))
    .map((a) => String(a.properties.href));

beforeAll(async () => {
  site = exampleSite();
});

describe('handbook pages', () => {
  it('has the seven chapters the issue asks for', () => {
    expect(CHAPTERS.map((c) => c.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('lists every chapter on the index, in order, linked to its page', () => {
    const main = pageElements('handbook.html').find((e) => e.tagName === 'ol' && classesOf(e).includes('chapters'))!;
    const links = elements(main).filter((e) => e.tagName === 'a');
    expect(links.map((a) => [String(a.properties.href), textContent(a)])).toEqual(CHAPTERS.map((c) => [`handbook/${c.slug}.html`, c.title]));
  });

  it('chains the chapters with previous and next links, each back to the index', () => {
    CHAPTERS.forEach((chapter, i) => {
      const file = `handbook/${chapter.slug}.html`;
      const pager = (rel: string) => hrefsOf(file, (a) => a.properties.rel?.toString() === rel);
      expect(pager('prev'), file).toEqual(i === 0 ? [] : [`../handbook/${CHAPTERS[i - 1]!.slug}.html`]);
      expect(pager('next'), file).toEqual(i === CHAPTERS.length - 1 ? [] : [`../handbook/${CHAPTERS[i + 1]!.slug}.html`]);
      expect(hrefsOf(file)).toContain('../handbook.html');
      const h1 = pageElements(file).filter((e) => e.tagName === 'h1');
      expect(h1.map(textContent)).toEqual([chapter.title]);
    });
  });

  it('links the handbook and the glossary from the home page and from the navigation of every page', () => {
    const home = hrefsOf('index.html');
    expect(home.filter((h) => h === 'handbook.html')).toHaveLength(2); // navigation and card
    expect(home.filter((h) => h === 'glossary.html')).toHaveLength(2);
    for (const file of ['plan.html', 'handbook/customising.html', 'glossary.html', 'threats/01.html']) {
      const nav = pageElements(file).find((e) => e.tagName === 'nav' && e.properties.ariaLabel === 'サイト内')!;
      const navLinks = elements(nav)
        .filter((e) => e.tagName === 'a')
        .map((a) => String(a.properties.href));
      const up = file.includes('/') ? '../' : '';
      expect(navLinks, file).toEqual(expect.arrayContaining([`${up}handbook.html`, `${up}glossary.html`]));
    }
  });

  it('links the customisation chapter to the template preview, its slot list and the contact list', () => {
    expect(hrefsOf('handbook/customising.html')).toEqual(expect.arrayContaining(['../template.html', '../template.html#slots', '../contacts.html']));
  });

  it('links the entry-point overview to all 13 entries and the cases to entries 1 and 10', () => {
    const entries = Array.from({ length: 13 }, (_, i) => `../threats/${String(i + 1).padStart(2, '0')}.html`);
    expect(new Set(hrefsOf('handbook/entry-points.html').filter((h) => h.startsWith('../threats/')))).toEqual(new Set(entries));
    expect(hrefsOf('handbook/incident-cases.html')).toEqual(expect.arrayContaining(['../threats/01.html', '../threats/10.html']));
  });

  it('shows slot syntax only as code and leaves the answers to the plan', () => {
    // The handbook is the same for every company: a missing answer is reported once, in the plan.
    for (const { slug } of CHAPTERS) {
      expect(
        pageElements(`handbook/${slug}.html`).filter((e) => e.properties.dataAnswer !== undefined || e.properties.dataSlot !== undefined),
        slug,
      ).toEqual([]);
    }
    const codes = pageElements('handbook/customising.html')
      .filter((e) => e.tagName === 'code')
      .map(textContent);
    expect(codes).toContain('#3#情報セキュリティ担当者#3#');
  });
});

describe('glossary page and linked terms', () => {
  it('has one anchor per term of content/glossary.yaml, at least 40', () => {
    const ids = pageElements('glossary.html')
      .map((e) => e.properties.id)
      .filter((id): id is string => typeof id === 'string' && id.startsWith('term-'));
    expect(ids.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ids)).toEqual(new Set(TERMS.map((t) => termAnchor(t.id))));
    expect(ids).toHaveLength(TERMS.length);
  });

  it('links each term at most once per chapter, to an anchor on the glossary page', () => {
    const anchors = new Set(TERMS.map((t) => `../glossary.html#${termAnchor(t.id)}`));
    let total = 0;
    for (const { slug } of CHAPTERS) {
      const file = `handbook/${slug}.html`;
      const linked = pageElements(file)
        .filter((e) => classesOf(e).includes('glossary-term'))
        .map((span) => String((span.children.find((c) => c.type === 'element') as Element).properties.href));
      expect(new Set(linked).size, file).toBe(linked.length);
      for (const href of linked) expect(anchors, `${file}: ${href}`).toContain(href);
      total += linked.length;
    }
    expect(total).toBeGreaterThan(40);
  });

  it('links each term back to the pages that use it', () => {
    const usedIn = (id: string) => {
      const term = pageElements('glossary.html').find((e) => e.properties.id === termAnchor(id))!;
      const list = elements(term).find((e) => classesOf(e).includes('used-in'));
      return list
        ? elements(list)
            .filter((e) => e.tagName === 'a')
            .map((a) => String(a.properties.href))
        : [];
    };
    // 初動対応 appears in the plan's response flow and (as 初期対応/初動) across the handbook.
    expect(usedIn('first-response')).toEqual(expect.arrayContaining(['plan.html#chapter-3', 'handbook/why-cyber-bcp.html', 'handbook/incident-cases.html']));
    expect(usedIn('malware')).toEqual(expect.arrayContaining(['handbook/intentional-threats.html', 'handbook/entry-points.html']));
    expect(usedIn('yaml')).toEqual(['handbook/customising.html']);
    // Threat entry pages count too (which terms they use is their authors' choice).
    expect(TERMS.some((t) => usedIn(t.id).some((href) => href.startsWith('threats/')))).toBe(true);
  });

  it('does not link terms on the glossary page itself', () => {
    expect(pageElements('glossary.html').filter((e) => classesOf(e).includes('glossary-term'))).toEqual([]);
  });
});

describe('glossary tooltip in Chromium', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the definition on keyboard focus and on hover; the link is named by the term', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(site, 'handbook', 'why-cyber-bcp.html')).href);
    const tooltip = (selector: string) =>
      page.$eval(selector, (span) => {
        const style = getComputedStyle(span, '::after');
        return { display: style.display, content: style.content, definition: span.getAttribute('data-definition') };
      });
    const first = '.glossary-term';
    expect((await tooltip(first)).display).toBe('none');

    // Tab until the first glossary link has focus: reachable by keyboard, in reading order.
    let focused = false;
    for (let i = 0; i < 60 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.$eval(first, (span) => span.contains(document.activeElement));
    }
    expect(focused).toBe(true);
    const onFocus = await tooltip(first);
    expect(onFocus.display).toBe('block');
    expect(onFocus.content).toBe(JSON.stringify(onFocus.definition));
    expect(onFocus.definition).toMatch(/^サイバー攻撃: .+。$/);

    const name = await page.evaluateHandle(() => document.activeElement!).then((handle) => page.accessibility.snapshot({ root: handle as never }));
    expect(name?.role).toBe('link');
    expect(name?.name).toBe('サイバー攻撃');

    // Hover a different term: its tooltip shows without focus.
    await page.$eval(first, () => (document.activeElement as HTMLElement).blur());
    const hovered = (await page.$$('.glossary-term'))[1]!;
    await hovered.hover();
    const onHover = await hovered.evaluate((span) => getComputedStyle(span, '::after').display);
    expect(onHover).toBe('block');
    expect((await tooltip(first)).display).toBe('none');
    await page.close();
  });
});
