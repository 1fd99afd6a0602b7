/**
 * The 13 threat entries: their frontmatter, their pages, the map's hotspots (with a real
 * browser, by mouse and keyboard) and the plan's list of high-risk entries, which must
 * follow the answers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { CASE_ENTRY, threatEntrySchema } from '../../src/collections/threat-entry.ts';
import { highRiskNumbers, unknownRiskNumbers } from '../../src/site/threats.ts';
import { loadAnswersFile } from '../../src/answers/load.ts';
import { ROOT } from '../helpers.ts';
import { exampleSite, classesOf, EXAMPLE_ANSWERS, elements, openBrowser, parsePage, testSite, textContent, type TestBrowser } from '../site-helpers.ts';

const THREATS_DIR = path.join(ROOT, 'content', 'threats');

function frontmatter(file: string): unknown {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(readFileSync(file, 'utf8'));
  if (!match) throw new Error(`${file}: no frontmatter`);
  return parseDocument(match[1]!).toJS();
}

/** The plan's high-risk list: the entry pages it links to, in order. */
function highRiskLinks(site: string): string[] {
  const box = elements(parsePage(path.join(site, 'plan.html'))).find((e) => classesOf(e).includes('high-risk-entries'));
  expect(box, 'plan.html has the high-risk list').toBeDefined();
  const list = elements(box!).find((e) => e.tagName === 'ol');
  return list
    ? elements(list)
        .filter((e) => e.tagName === 'a')
        .map((a) => String(a.properties.href))
    : [];
}

describe('threat entry content', () => {
  const files = readdirSync(THREATS_DIR)
    .filter((f) => f.endsWith('.mdx'))
    .sort();

  it('has 13 entries, numbered 1 to 13 like their files, each valid against the schema', () => {
    expect(files).toHaveLength(13);
    const numbers = files.map((file) => {
      const result = threatEntrySchema.safeParse(frontmatter(path.join(THREATS_DIR, file)));
      expect(result.success, `${file}: ${result.error?.message}`).toBe(true);
      expect(file.slice(0, 2)).toBe(String(result.data!.number).padStart(2, '0'));
      return result.data!.number;
    });
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });

  it('rejects frontmatter with an unknown risk category or plan section form', () => {
    const good = frontmatter(path.join(THREATS_DIR, files[0]!)) as Record<string, unknown>;
    expect(threatEntrySchema.safeParse({ ...good, risk: '火災' }).success).toBe(false);
    expect(threatEntrySchema.safeParse({ ...good, planSections: ['初期対応'] }).success).toBe(false);
    expect(threatEntrySchema.safeParse({ ...good, extra: 1 }).success).toBe(false);
    expect(threatEntrySchema.safeParse({ ...good, map: { x: 1200, y: 10, label: 'right' } }).success).toBe(false);
    expect(threatEntrySchema.safeParse({ ...good, map: undefined }).success).toBe(false);
  });

  it('lists a case as "came in here" only on the entry the case came in through', () => {
    const entries = files.map((file) => threatEntrySchema.parse(frontmatter(path.join(THREATS_DIR, file))));
    // Every case sits under 「この入口から入られた事例」 on exactly its own entry (Case 1: No.1, Case 2: No.10).
    for (const [n, entry] of Object.entries(CASE_ENTRY)) {
      expect(
        entries.filter((e) => e.cases.includes(Number(n) as 1 | 2)).map((e) => e.number),
        `case ${n}`,
      ).toEqual([entry]);
    }
    // Entries 7 and 8 keep Case 1 as a related case, saying how.
    expect(entries.filter((e) => e.relatedCases.length > 0).map((e) => [e.number, e.relatedCases.map((r) => r.case)])).toEqual([
      [7, [1]],
      [8, [1]],
    ]);
    // And zod refuses the old data.
    const seven = frontmatter(path.join(THREATS_DIR, '07-office-network.mdx')) as Record<string, unknown>;
    const wrong = threatEntrySchema.safeParse({ ...seven, relatedCases: [], cases: [1] });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['cases.0', expect.stringContaining('事例1はNo.1から入られた事例です')]]);
  });

  it("keeps each entry's map position in its frontmatter, one hotspot per spot", () => {
    const spots = files.map((file) => threatEntrySchema.parse(frontmatter(path.join(THREATS_DIR, file))).map);
    expect(new Set(spots.map((s) => `${s.x},${s.y}`)).size).toBe(13);
  });
});

describe('which entries are closed first', () => {
  it('counts BAD as high until known, after 4 and 3', () => {
    const answers = loadAnswersFile(EXAMPLE_ANSWERS, { cwd: ROOT }).answers!;
    expect(unknownRiskNumbers(answers)).toEqual([2, 7, 10]);
    // Every BAD entry is in the close-first list; entry 10 is the way Case 2 came in.
    expect(highRiskNumbers(answers)).toEqual([6, 9, 13, 2, 7, 10]);
    for (const n of unknownRiskNumbers(answers)) expect(highRiskNumbers(answers)).toContain(n);
  });
});

describe('threat pages, map and plan (example answers)', () => {
  let site: string;
  let browser: TestBrowser;

  beforeAll(async () => {
    site = exampleSite();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('builds threats/01.html … threats/13.html, each showing its entry and the company assessment', () => {
    const pages = readdirSync(path.join(site, 'threats'))
      .filter((f) => f.endsWith('.html'))
      .sort();
    expect(pages).toEqual(Array.from({ length: 13 }, (_, i) => `${String(i + 1).padStart(2, '0')}.html`));
    const six = parsePage(path.join(site, 'threats', '06.html'));
    expect(textContent(elements(six).find((e) => e.tagName === 'h1')!)).toBe('No.6 ハンディターミナル');
    const assessment = elements(six).find((e) => classesOf(e).includes('assessment'))!;
    expect(textContent(assessment)).toContain('4（大きい）');
    expect(textContent(assessment)).toContain('旧型のハンディターミナル');
    const one = elements(parsePage(path.join(site, 'threats', '01.html')));
    expect(textContent(one.find((e) => classesOf(e).includes('assessment'))!)).toContain('1（小さい）');
  });

  it('draws 13 hotspot links with accessible names, one per entry page', () => {
    const map = elements(parsePage(path.join(site, 'threats.html')));
    const hotspots = map.filter((e) => e.tagName === 'a' && classesOf(e).includes('hotspot'));
    expect(hotspots).toHaveLength(13);
    hotspots.forEach((a, i) => {
      const n = i + 1;
      expect(a.properties.href).toBe(`threats/${String(n).padStart(2, '0')}.html`);
      expect(String(a.properties.ariaLabel)).toMatch(new RegExp(`^${n} \\S+ 評価 .+（No\\.${n}、当社の評価: .+）$`));
      // The accessible name starts with the words the hotspot shows (issue 21, axe label-content-name-mismatch).
      const shown = elements(a)
        .filter((e) => e.tagName === 'text')
        .map((e) => textContent(e).trim())
        .join(' ');
      expect(String(a.properties.ariaLabel).startsWith(shown)).toBe(true);
      // No <title>: its text counts as shown text that the name would then have to repeat.
      expect(elements(a).some((e) => e.tagName === 'title')).toBe(false);
    });
    // Coloured by the answers: No.6 is 4, No.2 is BAD, No.1 is 1.
    expect(classesOf(hotspots[5]!)).toContain('risk-4');
    expect(classesOf(hotspots[1]!)).toContain('risk-bad');
    expect(classesOf(hotspots[0]!)).toContain('risk-1');
  });

  it('reaches every hotspot with Tab in order and opens its page with Enter and with a click', async () => {
    const page = await browser.newPage();
    const mapUrl = pathToFileURL(path.join(site, 'threats.html')).href;
    await page.goto(mapUrl);
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-entry') ?? null);
    // Tab past the header links to the first hotspot.
    let current: string | null = null;
    for (let i = 0; i < 40 && current === null; i++) {
      await page.keyboard.press('Tab');
      current = await focused();
    }
    const order = [current];
    for (let i = 1; i < 13; i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1)));

    // Enter on the focused hotspot (No.13) opens its page.
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(page.url()).toBe(pathToFileURL(path.join(site, 'threats', '13.html')).href);
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('No.13 新規購入機器');

    await page.goto(mapUrl);
    const ring = await page.$('a.hotspot[data-entry="9"] .ring');
    await Promise.all([page.waitForNavigation(), ring!.click()]);
    expect(page.url()).toBe(pathToFileURL(path.join(site, 'threats', '09.html')).href);
    await page.close();
  });

  it('lists the entries to close first in the plan step, in the order of the answers, linked to their pages', () => {
    // The example's containment: the internet exit, then the BAD entries (10, 7, 2), then the 4 and the 3s.
    expect(highRiskLinks(site)).toEqual([
      'threats/08.html',
      'threats/10.html',
      'threats/07.html',
      'threats/02.html',
      'threats/06.html',
      'threats/09.html',
      'threats/13.html',
    ]);
  });

  it('shows a case under 「この入口から入られた事例」 only where the case came in, and as a related case elsewhere', () => {
    const sectionsOf = (n: number) => {
      const sections = elements(parsePage(path.join(site, 'threats', `${String(n).padStart(2, '0')}.html`))).filter(
        (e) => e.tagName === 'section' && classesOf(e).includes('case'),
      );
      const related = (e: (typeof sections)[number]) => classesOf(e).includes('related-case');
      return {
        came: sections.filter((e) => !related(e)).map((e) => Number(e.properties.dataCase)),
        related: sections.filter(related).map((e) => Number(e.properties.dataCase)),
      };
    };
    for (let n = 1; n <= 13; n++) {
      const { came } = sectionsOf(n);
      for (const c of came) expect(CASE_ENTRY[c as 1 | 2], `No.${n} lists case ${c} as came in here`).toBe(n);
    }
    expect(sectionsOf(1).came).toEqual([1]);
    expect(sectionsOf(10).came).toEqual([2]);
    expect(sectionsOf(7)).toEqual({ came: [], related: [1] });
    expect(sectionsOf(8)).toEqual({ came: [], related: [1] });
    const seven = elements(parsePage(path.join(site, 'threats', '07.html')))
      .map(textContent)
      .join('\n');
    expect(seven).toContain('関係する事例');
    expect(seven).not.toContain('この入口から入られた事例');
  });
});

describe('the plan follows a changed assessment', () => {
  // Entries 1, 6 and 11 assessed again (test/fixtures/answers/variants.ts), built by test/global-setup.ts.
  it('lists the entries of the changed answers', () => {
    const site = testSite('aYearLater').dir;
    // The order the variant writes in `containment` (No.6 rated 2 left out, No.1 and No.11 added).
    expect(highRiskLinks(site)).toEqual([
      'threats/08.html',
      'threats/01.html',
      'threats/10.html',
      'threats/07.html',
      'threats/02.html',
      'threats/09.html',
      'threats/13.html',
      'threats/11.html',
    ]);
    const hotspot = elements(parsePage(path.join(site, 'threats.html'))).find((e) => e.properties.dataEntry === '6')!;
    expect(classesOf(hotspot)).toContain('risk-2');
  });
});
