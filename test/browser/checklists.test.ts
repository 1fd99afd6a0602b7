/**
 * The three checklists: generated from the answers (roles, time targets, frequencies),
 * built as pages with real checkboxes, and the incident record in a real Chromium —
 * ticking stamps the time, the record survives a reload, and it downloads as JSON and
 * as a printable log without a single request leaving the page's folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.ts';
import type { Answers } from '../../src/answers/schema.ts';
import { slotValues } from '../../src/answers/values.ts';
import { incidentChecklist, partsText, readinessChecklist, upkeepChecklist, type Checklist, type ChecklistInput } from '../../src/site/checklists.ts';
import { ROOT } from '../helpers.ts';
import { exampleSite, classesOf, EXAMPLE_ANSWERS, elements, emulatePrint, openBrowser, parsePage, textContent, type TestBrowser } from '../site-helpers.ts';

const ENTRIES = [
  { number: 6, name: 'ハンディターミナル', firstIsolation: '端末の無線を切る。' },
  { number: 9, name: 'WiFi（無線AP）', firstIsolation: 'AP の電源を抜く。' },
  { number: 13, name: '新規購入機器', firstIsolation: '新しい機器を外す。' },
];

function exampleInput(change?: (answers: Answers) => void): ChecklistInput {
  const answers = structuredClone(loadAnswersFile(EXAMPLE_ANSWERS, { cwd: ROOT }).answers!);
  change?.(answers);
  return { answers, values: slotValues(answers), entries: ENTRIES };
}

function item(checklist: Checklist, id: string) {
  const found = checklist.phases.flatMap((p) => p.items).find((i) => i.id === id);
  expect(found, `item ${id}`).toBeDefined();
  return found!;
}

describe('checklists from the answers', () => {
  it('follows the plan flow in the incident checklist', () => {
    expect(incidentChecklist(exampleInput()).phases.map((p) => [p.id, p.plan])).toEqual([
      ['discover', '3.1'],
      ['judge', '3.1.3'],
      ['first-response', '3.1.4'],
      ['situation', '3.2'],
      ['recovery', '3.3'],
      ['after', '3.4'],
    ]);
  });

  it('names the roles and time targets the company answered', () => {
    const list = incidentChecklist(exampleInput());
    // Slot 2 is an alternative to slot 1, as in the template (「#1# または #2#」), not a fallback.
    expect(partsText(item(list, 'discover-report').text)).toBe('情報システム担当（総務課）または総務課の代表窓口に知らせた');
    expect(partsText(item(list, 'first-isolate').role!)).toBe('情報システム担当（総務課）');
    expect(partsText(item(list, 'situation-overview').target!)).toBe('検知から2時間以内');
    // One first report per hop of the route; the last one carries the deadline.
    expect(
      ['situation-report-1', 'situation-report-2', 'situation-report-3'].map((id) => [partsText(item(list, id).role!), partsText(item(list, id).text)]),
    ).toEqual([
      ['情報システム担当（総務課）', '工場長に第一報を届けた'],
      ['工場長', '代表取締役に第一報を届けた'],
      ['代表取締役', '主要取引先に第一報を届けた'],
    ]);
    expect(partsText(item(list, 'situation-report-3').target!)).toBe('検知から1時間以内');
    expect(partsText(item(list, 'situation-headquarters').role!)).toBe('工場長（製造担当取締役）');
    expect(partsText(item(list, 'situation-authorities').role!)).toBe('総務課');
    expect(partsText(item(list, 'situation-outside-expert').text)).toContain('株式会社みなとサイバーサポート、電話 06-0000-9110');
    // Evidence: one item per system that collects logs.
    expect(list.phases[2]!.items.filter((i) => i.id.startsWith('first-evidence-')).map((i) => partsText(i.text))).toEqual([
      '証拠のログを保全した: UTM（インターネットとの境界装置）',
      '証拠のログを保全した: ファイルサーバ',
      '証拠のログを保全した: 生産管理サーバ',
      '証拠のログを保全した: 事務所 PC のウイルス対策ソフト管理画面',
    ]);
  });

  it('closes the high-risk entries first, the unknown (BAD) ones with them', () => {
    const list = incidentChecklist(exampleInput());
    const first = list.phases[2]!.items.map((i) => i.id);
    expect(first.slice(0, 9)).toEqual([
      'first-scope',
      'first-safety',
      'first-close-08',
      'first-close-10',
      'first-close-07',
      'first-close-02',
      'first-close-06',
      'first-close-09',
      'first-close-13',
    ]);
    expect(item(list, 'first-close-06').threats).toEqual([6]);
    expect(partsText(item(list, 'first-close-10').text)).toBe('先に止める入口「No.10」を止めた・切り離した（評価 BAD（不明））');
    expect(first).not.toContain('first-check-unknown');
  });

  it('changes with the answers', () => {
    const list = incidentChecklist(
      exampleInput((a) => {
        a.slots[7] = '45分以内';
        a.slots[8] = ['製造課長', '代表取締役'];
        a.threats = { ...a.threats, 6: { result: 1 } };
        // Without the company's own order, the default follows the ratings.
        delete a.containment;
      }),
    );
    expect(partsText(item(list, 'situation-overview').target!)).toBe('検知から45分以内');
    expect(list.phases[3]!.items.filter((i) => i.id.startsWith('situation-report-')).map((i) => partsText(i.role!))).toEqual(['製造課長']);
    expect(list.phases[2]!.items.some((i) => i.id === 'first-close-06')).toBe(false);
  });

  it('lists in readiness what must exist beforehand, from the answers', () => {
    const list = readinessChecklist(exampleInput());
    expect(list.phases.map((p) => p.id)).toEqual(['contacts', 'logs', 'tools', 'backups', 'documents', 'entries', 'responder']);
    expect(item(list, 'ready-assess-10').threats).toEqual([10]);
    // The issue is the company's words: an answer part, not ours.
    expect(item(list, 'ready-entry-06').detail).toEqual(['アセスメントの課題: ', { answer: exampleInput().answers.threats![6]!.issue }]);
    expect(partsText(item(list, 'ready-contact-outside-responder').text)).toBe('外部専門家の番号にかけて、つながることを確かめた');
    expect(partsText(item(list, 'ready-log-2').text)).toContain('ファイルサーバ');
    expect(partsText(item(list, 'ready-responder-terms').text)).toContain('株式会社みなとサイバーサポート');
    expect(partsText(item(list, 'ready-responder-terms').detail!)).toContain('保守契約あり');
  });

  it('puts the answered frequencies on the upkeep items', () => {
    const list = upkeepChecklist(exampleInput());
    expect(list.phases.map((p) => [p.id, partsText(p.items[0]!.target!)])).toEqual([
      ['review', '年1回'],
      ['education', '年2回'],
      ['drill', '年1回'],
      ['audit', '年1回以上'],
    ]);
  });
});

describe('checklist pages', () => {
  let site: string;
  let browser: TestBrowser;

  beforeAll(async () => {
    site = exampleSite();
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders every item as a real checkbox with its label, answers marked as answers', () => {
    for (const name of ['incident', 'readiness', 'upkeep']) {
      const all = elements(parsePage(path.join(site, 'checklists', `${name}.html`)));
      const items = all.filter((e) => classesOf(e).includes('item'));
      expect(items.length, name).toBeGreaterThan(8);
      for (const li of items) {
        const box = elements(li).find((e) => e.tagName === 'input' && e.properties.type === 'checkbox');
        const label = elements(li).find((e) => e.tagName === 'label');
        expect(box && label && String(label.properties.htmlFor) === box.properties.id, `${name} ${String(li.properties.id)}`).toBe(true);
      }
    }
    const incident = elements(parsePage(path.join(site, 'checklists', 'incident.html')));
    const answers = incident.filter((e) => e.properties.dataAnswer !== undefined).map(textContent);
    expect(answers).toContain('2時間以内');
    expect(answers).toContain('1時間以内');
    expect(answers).toContain('情報システム担当（総務課）');
    expect(answers).toContain('工場長（製造担当取締役）');
    const upkeep = elements(parsePage(path.join(site, 'checklists', 'upkeep.html')))
      .map(textContent)
      .join('\n');
    expect(upkeep).toContain('目標: 年2回');
  });

  async function openIncident(): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(path.join(site, 'checklists', 'incident.html')).href);
    // Start from an empty record.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    return { page, requests };
  }

  /** Keeps what the page hands to a download (a Blob URL) instead of saving a file; again after each load. */
  const keepDownloads = (page: Page) =>
    page.evaluate(() => {
      const kept: Blob[] = [];
      (window as unknown as { keptBlobs: Blob[] }).keptBlobs = kept;
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        kept.push(blob as Blob);
        return create(blob);
      };
    });

  /** Clicks a download button and returns the file's text (the export code loads on first use, so wait for it). */
  const download = async (page: Page, selector: string) => {
    const count = () => page.evaluate(() => (window as unknown as { keptBlobs: Blob[] }).keptBlobs.length);
    const before = await count();
    await page.click(selector);
    await page.waitForFunction((n) => (window as unknown as { keptBlobs: Blob[] }).keptBlobs.length > n, {}, before);
    return page.evaluate(() => (window as unknown as { keptBlobs: Blob[] }).keptBlobs.at(-1)!.text());
  };

  it('stamps the time when an item is ticked, keeps it across a reload, and downloads it', async () => {
    const { page, requests } = await openIncident();
    const before = Date.now();
    await page.click('#check-first-isolate');
    await page.type('#item-first-isolate [data-note]', '生産管理サーバの LAN ケーブルを抜いた');
    await page.keyboard.press('Tab');
    const stamp = await page.$eval('#item-first-isolate [data-stamp]', (t) => ({ text: t.textContent, iso: t.getAttribute('datetime') }));
    expect(stamp.text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(Date.parse(stamp.iso!)).toBeGreaterThanOrEqual(before - 1000);
    expect(await page.$eval('[data-record-timeline]', (ol) => ol.textContent)).toContain('攻撃を受けた機器をネットワークから外した');

    // Kept in this browser only.
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('bcp-incident-record:株式会社かもめ精工')))!);
    expect(stored.events).toMatchObject([
      { at: stamp.iso, type: 'check', item: 'first-isolate' },
      { type: 'note', item: 'first-isolate', value: '生産管理サーバの LAN ケーブルを抜いた' },
    ]);

    await page.reload();
    expect(await page.$eval('#check-first-isolate', (box) => (box as HTMLInputElement).checked)).toBe(true);
    expect(await page.$eval('#item-first-isolate [data-stamp]', (t) => t.textContent)).toBe(stamp.text);
    expect(await page.$eval('#check-discover-note', (box) => (box as HTMLInputElement).checked)).toBe(false);

    await keepDownloads(page);
    const json = JSON.parse(await download(page, '[data-action="download-json"]'));
    expect(json.format).toBe('bcp-incident-record');
    expect(json.company).toBe('株式会社かもめ精工');
    const isolate = json.items.find((i: { id: string }) => i.id === 'first-isolate');
    expect(isolate).toMatchObject({ checkedAt: stamp.iso, role: '情報システム担当（総務課）', phase: '3. 初期対応' });
    expect(json.items.find((i: { id: string }) => i.id === 'discover-note').checkedAt).toBeNull();
    expect(isolate.note).toBe('生産管理サーバの LAN ケーブルを抜いた');
    expect(json.events).toMatchObject([
      { at: stamp.iso, item: 'first-isolate', type: 'check', value: isolate.text },
      { item: 'first-isolate', type: 'note', value: '生産管理サーバの LAN ケーブルを抜いた' },
    ]);

    const summary = await download(page, '[data-action="download-summary"]');
    expect(summary).toContain('<h1>対応記録（インシデントログ）</h1>');
    expect(summary).toContain(`<span class="t">${stamp.text}</span> 攻撃を受けた機器をネットワークから外した`);
    expect(summary).toContain('生産管理サーバの LAN ケーブルを抜いた');

    // Nothing left the site folder: every request was a local file.
    expect(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('blob:'))).toEqual([]);
    await page.close();
  });

  it('escapes what people type when it writes the printable log', async () => {
    const { page } = await openIncident();
    await page.type('[data-field="event"]', '<img src=x onerror=alert(1)>');
    await page.keyboard.press('Tab');
    await keepDownloads(page);
    const summary = await download(page, '[data-action="download-summary"]');
    expect(summary).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(summary).not.toContain('<img');
    await page.close();
  });

  it('prints the three checklists on A4 with drawn boxes and without the site navigation', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcp-checklist-pdf-'));
    const page = await browser.newPage();
    for (const name of ['incident', 'readiness', 'upkeep']) {
      await page.goto(pathToFileURL(path.join(site, 'checklists', `${name}.html`)).href);
      await emulatePrint(page);
      const printed = await page.evaluate(() => {
        const box = getComputedStyle(document.querySelector('.item input[type="checkbox"]')!);
        return {
          appearance: box.appearance,
          border: box.borderTopStyle,
          nav: getComputedStyle(document.querySelector('.site-header nav')!).display,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      expect(printed, name).toEqual({ appearance: 'none', border: 'solid', nav: 'none', overflow: 0 });
      const pdf = path.join(dir, `${name}.pdf`);
      writeFileSync(pdf, await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '12mm', right: '12mm' } }));
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const firstItem = await page.$eval('.item .text', (l) => l.textContent!.trim());
      const lastItem = await page.$$eval('.item .text', (ls) => ls[ls.length - 1]!.textContent!.trim());
      const squash = (s: string) => s.replace(/\s+/g, '');
      expect(squash(text), name).toContain(squash(firstItem).slice(0, 15));
      expect(squash(text), name).toContain(squash(lastItem).slice(0, 15));
      expect(text).not.toContain('サイト内検索');
    }
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
