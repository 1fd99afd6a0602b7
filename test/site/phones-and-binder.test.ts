/**
 * Issue 21, in the built pages: every phone number on every page is a tap-to-call link
 * (the outside expert's number in the plan and the checklist was plain text), the binder's
 * contact table leaves out a column no contact fills, and URLs in the binder break at
 * `/` and `.` instead of every few characters.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_ANSWERS, buildTempSite, elements, parsePage, removeTempSite, testSite, textContent } from '../site-helpers.ts';

const PHONE = /(?:\+81[-\s]?|0)\d{1,4}[-‐－\s]\d{1,4}[-‐－\s]\d{3,4}/g;
const SKIP = new Set(['script', 'style', 'code', 'template', 'title']);

/** Phone numbers in the page's text that are not inside a tel: link. */
function plainPhones(file: string): string[] {
  const found: string[] = [];
  const walk = (node: RootContent, inTel: boolean) => {
    if (node.type === 'element') {
      if (SKIP.has(node.tagName)) return;
      const tel = inTel || (node.tagName === 'a' && String(node.properties.href ?? '').startsWith('tel:'));
      for (const child of node.children) walk(child as RootContent, tel);
    } else if (node.type === 'text' && !inTel) {
      for (const match of node.value.matchAll(PHONE)) found.push(match[0]);
    }
  };
  for (const node of parsePage(file).children) walk(node as RootContent, false);
  return found;
}

const pagesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .sort();

describe('phone numbers', () => {
  it('the scan finds a number outside a link', () => {
    const site = testSite('example').dir;
    // Its own check: the contacts page shows numbers, all of them links, and the scan sees them.
    const html = readFileSync(path.join(site, 'contacts.html'), 'utf8');
    expect(html.match(PHONE)?.length).toBeGreaterThan(3);
  });

  for (const name of ['example', 'public'] as const) {
    it(`are tel: links on every page of the ${name} site`, () => {
      const site = testSite(name).dir;
      const pages = pagesOf(site);
      expect(pages.length).toBeGreaterThan(30);
      const plain = pages.flatMap((page) => plainPhones(path.join(site, page)).map((number) => `${page}: ${number}`));
      expect(plain).toEqual([]);
    });
  }

  it('links the outside expert in plan chapter 4 and the incident checklist', () => {
    const site = testSite('example').dir;
    for (const page of ['plan.html', 'checklists/incident.html', 'print.html']) {
      const links = elements(parsePage(path.join(site, page))).filter((e) => e.tagName === 'a' && e.properties.href === 'tel:0600009110');
      expect(links.length, page).toBeGreaterThan(0);
    }
  });
});

describe('the binder', () => {
  it('leaves out a checklist column no item of the phase fills, and the company’s results from the public threat table', () => {
    for (const site of ['example', 'public'] as const) {
      const page = elements(parsePage(path.join(testSite(site).dir, 'print.html')));
      const tables = page.filter((e) => e.tagName === 'table' && String(e.properties.className).includes('checklist-table'));
      expect(tables.length).toBeGreaterThan(5);
      for (const table of tables) {
        const heads = elements(table)
          .filter((e) => e.tagName === 'th' && e.properties.className !== undefined && /col-(role|target)/.test(String(e.properties.className)))
          .map((e) => String(e.properties.className));
        const rows = elements(table).filter((e) => e.tagName === 'tr' && e.properties.id);
        // Each of these columns has at least one filled cell (its index after the box and the text).
        heads.forEach((_, i) => {
          const filled = rows.some((row) => textContent(row.children.filter((c) => c.type === 'element')[2 + i]!).trim() !== '');
          expect(filled, `${site}: ${heads[i]}`).toBe(true);
        });
      }
      const threatHeads = elements(page.find((e) => e.tagName === 'table' && String(e.properties.className).includes('threat-table'))!)
        .filter((e) => e.tagName === 'th' && !e.properties.scope)
        .map((e) => textContent(e));
      expect(threatHeads.includes('当社の評価'), site).toBe(site === 'example');
    }
  });

  const headers = (site: string) => {
    const table = elements(parsePage(path.join(site, 'print.html'))).find(
      (e) => e.tagName === 'table' && String(e.properties.className).includes('contact-table'),
    )!;
    return elements(table)
      .filter((e) => e.tagName === 'th' && !e.properties.scope)
      .map((e) => textContent(e));
  };

  /** Each column's cells by header (a row's first cell is its th). */
  const columns = (site: string) => {
    const table = elements(parsePage(path.join(site, 'print.html'))).find(
      (e) => e.tagName === 'table' && String(e.properties.className).includes('contact-table'),
    )!;
    const names = headers(site);
    const rows = elements(table).filter((e) => e.tagName === 'tr' && e.properties.id);
    return new Map(names.map((name, i) => [name, rows.map((row) => textContent(row.children.filter((c) => c.type === 'element')[i]!).trim())]));
  };

  it('leaves out a contact column with nothing to show (names and mail masked in the public build)', () => {
    expect(headers(testSite('example').dir)).toEqual(['役割', '会社・担当', '電話', 'メール']);
    // Every column but the phones (where 「非公開」 says a number exists) shows something real.
    for (const site of ['example', 'public'] as const) {
      for (const [name, cells] of columns(testSite(site).dir)) {
        if (name === '電話') continue;
        expect(
          cells.some((cell) => cell !== '' && cell !== '非公開'),
          `${site}: ${name}`,
        ).toBe(true);
      }
    }
    // The public build shows the outside responder's window (public: true), so its mail column stays.
    const mail = columns(testSite('public').dir).get('メール')!;
    expect(mail.filter((cell) => cell !== '' && cell !== '非公開')).toEqual(['support@minato-cyber.example']);
  });

  it('leaves out a column no row fills (a company that lists no mail and no BIA fallbacks)', { timeout: 180_000 }, async () => {
    expect(headers(testSite('example').dir)).toEqual(['役割', '会社・担当', '電話', 'メール']);
    const dir = mkdtempSync(path.join(tmpdir(), 'bcp-no-mail-'));
    const answers = path.join(dir, 'answers.yaml');
    writeFileSync(
      answers,
      readFileSync(EXAMPLE_ANSWERS, 'utf8')
        .replace(/^ {4}email: .*\n/gm, '')
        .replace(/^ {6}fallback: .*\n/gm, ''),
    );
    let site: string | undefined;
    try {
      site = await buildTempSite('no-mail', answers, { pdf: false });
      expect(headers(site)).toEqual(['役割', '会社・担当', '電話']);
      const cells = elements(parsePage(path.join(site, 'print.html'))).filter((e) => e.tagName === 'td' && String(e.properties.className).includes('email'));
      expect(cells).toEqual([]);
      // The BIA's recovery order, in the binder and on its page.
      for (const page of ['print.html', 'bia.html']) {
        const order = elements(parsePage(path.join(site, page))).find((e) => e.tagName === 'table' && String(e.properties.className).includes('bia-order'))!;
        const columns = elements(order)
          .filter((e) => e.tagName === 'th' && !e.properties.scope)
          .map((e) => textContent(e));
        expect(columns, page).toEqual(['順', 'システム', '優先度', 'RTO', '打ち直すデータ']);
      }
    } finally {
      removeTempSite(site);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('breaks the public windows’ URLs only after / and before .', () => {
    const urls = elements(parsePage(path.join(testSite('example').dir, 'print.html'))).filter(
      (e) => e.tagName === 'td' && String(e.properties.className).includes('url'),
    );
    expect(urls.length).toBeGreaterThan(2);
    for (const cell of urls) {
      const link = elements(cell).find((e) => e.tagName === 'a') as Element | undefined;
      if (!link) continue;
      // Each piece before a <wbr> ends with `/`, and the one after it starts with `.` or follows a `/`.
      const pieces: string[] = [''];
      for (const child of link.children) {
        if (child.type === 'element' && child.tagName === 'wbr') pieces.push('');
        else pieces[pieces.length - 1] += child.type === 'text' ? child.value : textContent(child);
      }
      const joined = pieces.join('').trim();
      expect(joined).toBe(String(link.properties.href));
      expect(pieces.length, joined).toBeGreaterThan(2);
      for (let i = 1; i < pieces.length; i++) expect(pieces[i - 1]!.trim().endsWith('/') || pieces[i]!.trim().startsWith('.'), joined).toBe(true);
    }
  });
});
