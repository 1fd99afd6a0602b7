/**
 * axe-core on every page of the built sites, in Chromium as a reader opens them: nothing
 * serious or critical (issue 21). The rules run as axe ships them; a finding names the page,
 * the rule and the first elements it found.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFolder, type StaticServer } from '../serve.ts';
import { openBrowser, testSite, type TestBrowser } from '../site-helpers.ts';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SEVERE = new Set(['serious', 'critical']);

interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

let browser: TestBrowser;
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The pages of a site, relative to its root. */
function pagesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => name.split(path.sep).join('/'))
    .sort();
}

/** Every axe violation of each page, as `page: rule (impact) targets`. */
async function audit(dir: string, pages: readonly string[]): Promise<{ severe: string[]; all: Map<string, Violation[]> }> {
  const server: StaticServer = await serveFolder(dir);
  const tab = await browser.newPage();
  const all = new Map<string, Violation[]>();
  try {
    for (const page of pages) {
      await tab.goto(`${server.origin}/${page}`, { waitUntil: 'load' });
      await tab.evaluate(AXE);
      const violations = await tab.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                context: Document,
                options: object,
              ): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }>;
            };
          }
        ).axe;
        const result = await axe.run(document, { resultTypes: ['violations'] });
        return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      all.set(page, violations);
    }
  } finally {
    await tab.close();
    await server.close();
  }
  const severe = [...all].flatMap(([page, violations]) =>
    violations.filter((v) => SEVERE.has(v.impact ?? '')).map((v) => `${page}: ${v.id}（${v.impact}） ${v.targets.join(', ')}`),
  );
  return { severe, all };
}

describe('accessibility (axe-core)', () => {
  for (const name of ['example', 'public'] as const) {
    it(`finds nothing serious or critical on any page of the ${name} site`, async () => {
      const dir = testSite(name).dir;
      const pages = pagesOf(dir);
      expect(pages.length).toBeGreaterThan(30);
      const { severe, all } = await audit(dir, pages);
      expect(all.size).toBe(pages.length);
      expect(severe).toEqual([]);
      // The findings issue 21 named, moderate ones included.
      const ids = (page: string) => (all.get(page) ?? []).map((v) => v.id);
      expect(ids('print.html')).not.toContain('landmark-one-main');
      expect(ids('print.html')).not.toContain('page-has-heading-one');
      expect(ids('template.html')).not.toContain('color-contrast');
      expect(ids('threats.html')).not.toContain('label-content-name-mismatch');
    });
  }

  it('reports what it finds: a page with known faults fails the audit', async () => {
    const { severe } = await audit(path.join(import.meta.dirname, '..', 'fixtures', 'axe'), ['faults.html']);
    expect(severe.map((line) => line.split('（')[0])).toEqual(expect.arrayContaining(['faults.html: color-contrast', 'faults.html: image-alt']));
  });
});
