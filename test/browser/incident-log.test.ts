/**
 * The incident log loses nothing (issue 9): two tabs, a reload while typing, full
 * storage, a damaged record, and a record carried to another PC. And the exercise mode
 * (issue 12) keeps its records apart and marked. Real Chromium over the shared example
 * build, from file:// as on a file share; each test in its own browser profile.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, ElementHandle, Page } from 'puppeteer';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fold, mergeEvents, parseLog } from '../../src/browser/incident/log.ts';
import { runReview } from '../../src/cli/commands/review.ts';
import { RECORD_FIELDS, recordKey, type RecordEvent } from '../../src/site/incident-record.ts';
import { classesOf, elements, exampleSite, emulatePrint, openBrowser, parsePage, textContent, type TestBrowser } from '../site-helpers.ts';

const COMPANY = '株式会社かもめ精工';
const REAL_KEY = recordKey(COMPANY, 'incident');
const EXERCISE_KEY = recordKey(COMPANY, 'exercise');

type StoredEvent = RecordEvent;

let site: string;
let browser: TestBrowser;
let temp: string;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  site = exampleSite();
  browser = await openBrowser();
  temp = mkdtempSync(path.join(tmpdir(), 'bcp-incident-log-'));
});
afterEach(async () => {
  for (const context of contexts) await context.close();
  contexts = [];
});
afterAll(async () => {
  await browser?.close();
  rmSync(temp, { recursive: true, force: true });
});

const pageUrl = (mode?: 'exercise') => `${pathToFileURL(path.join(site, 'checklists', 'incident.html')).href}${mode ? '?mode=exercise' : ''}`;

/** A fresh browser profile: its own localStorage, as on another PC. */
async function profile(): Promise<BrowserContext> {
  const context = await browser.createBrowserContext();
  contexts.push(context);
  return context;
}

/** Opens the incident page and keeps what it hands to a download (a Blob) instead of saving a file. */
async function open(context: BrowserContext, mode?: 'exercise', before?: (page: Page) => Promise<unknown>, url = pageUrl(mode)): Promise<Page> {
  const page = await context.newPage();
  if (before) await before(page);
  await page.evaluateOnNewDocument(() => {
    const kept: Blob[] = [];
    (window as unknown as { keptBlobs: Blob[] }).keptBlobs = kept;
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      kept.push(blob as Blob);
      return create(blob);
    };
  });
  await page.goto(url);
  return page;
}

/** Clicks a button that downloads (through checklist-tools.js, which loads on first use) and returns the new file's text. */
async function clickForBlob(page: Page, selector: string): Promise<string> {
  const before = (await blobs(page)).length;
  await page.click(selector);
  await page.waitForFunction((n) => (window as unknown as { keptBlobs: Blob[] }).keptBlobs.length > n, {}, before);
  return (await blobs(page)).at(-1)!;
}
const blobs = (page: Page) => page.evaluate(() => Promise.all((window as unknown as { keptBlobs: Blob[] }).keptBlobs.map((b) => b.text())));
const itemIds = (page: Page) => page.$$eval('[data-item]', (els) => els.map((el) => (el as HTMLElement).dataset.item!));
const checked = (page: Page) =>
  page.$$eval('[data-item] input[type="checkbox"]', (boxes) => boxes.filter((b) => (b as HTMLInputElement).checked).map((b) => (b as HTMLInputElement).name));
const stored = async (page: Page, key: string) =>
  JSON.parse((await page.evaluate((k) => localStorage.getItem(k), key)) ?? 'null') as { recordId: string; mode: string; events: StoredEvent[] } | null;
const alertText = (page: Page) => page.$eval('[data-record-alert]', (el) => ((el as HTMLElement).hidden ? '' : el.textContent));
/** The file input of the import button (typed for uploadFile). */
const importInput = async (page: Page) => (await page.$('[data-import]')) as ElementHandle<HTMLInputElement>;
const statusText = (page: Page) => page.$eval('[data-record-status]', (el) => el.textContent);

async function exportJson(page: Page): Promise<Record<string, unknown> & { events: StoredEvent[] }> {
  return JSON.parse(await clickForBlob(page, '[data-action="download-json"]'));
}

describe('the incident log loses nothing', () => {
  it('merges two tabs instead of letting one overwrite the other', async () => {
    const context = await profile();
    const a = await open(context);
    const b = await open(context);
    const [first, second, third] = await itemIds(a);
    // Both tabs were open before anything was ticked: each one's memory knows only its own ticks.
    // (A tab in the background gets no animation frames, which clicks wait for: bring it forward first.)
    await a.bringToFront();
    await a.click(`#check-${first}`);
    await b.bringToFront();
    await b.click(`#check-${second}`);
    await a.bringToFront();
    await a.type(`#item-${third} [data-note]`, 'タブ A のメモ');
    await a.keyboard.press('Tab');
    await b.bringToFront();
    await b.type('[data-field="recorder"]', '情報システム担当');
    await b.keyboard.press('Tab');

    // Each tab shows the other's work without a reload.
    await b.waitForFunction((id) => (document.getElementById(`check-${id}`) as HTMLInputElement).checked, {}, first);
    await a.bringToFront();
    await a.waitForFunction((id) => (document.getElementById(`check-${id}`) as HTMLInputElement).checked, {}, second);
    await a.waitForFunction(() => (document.querySelector('[data-field="recorder"]') as HTMLInputElement).value === '情報システム担当');

    const log = (await stored(a, REAL_KEY))!;
    expect(log.events.map((e) => [e.type, e.item ?? e.field, e.type === 'check' ? '' : e.value])).toEqual([
      ['check', first, ''],
      ['check', second, ''],
      ['note', third, 'タブ A のメモ'],
      ['field', 'recorder', '情報システム担当'],
    ]);
    expect(new Set(log.events.map((e) => e.tab)).size).toBe(2);

    const c = await open(context);
    expect(await checked(c)).toEqual([first, second]);
    expect(await c.$eval(`#item-${third} [data-note]`, (el) => (el as HTMLInputElement).value)).toBe('タブ A のメモ');
    expect(await c.$$eval('[data-record-timeline] li', (lis) => lis.length)).toBe(2);
  });

  it('keeps text typed just before a reload (saved while typing, flushed when the page goes)', async () => {
    const context = await profile();
    const page = await open(context);
    const [first] = await itemIds(page);
    await page.type('[data-field="event"]', '生産管理サーバのファイルが開けない');
    await page.type(`#item-${first} [data-note]`, '画面を撮影した');
    // No blur, no change event, and sooner than the typing delay.
    await page.reload();
    expect(await page.$eval('[data-field="event"]', (el) => (el as HTMLTextAreaElement).value)).toBe('生産管理サーバのファイルが開けない');
    expect(await page.$eval(`#item-${first} [data-note]`, (el) => (el as HTMLInputElement).value)).toBe('画面を撮影した');

    // Typing and pausing saves without leaving the field.
    await page.type('[data-field="cause"]', '不審なメールの添付');
    await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('不審なメールの添付'), {}, REAL_KEY);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('cause');
  });

  it('says so, and how to keep the record, when the browser storage is full', async () => {
    const context = await profile();
    const page = await open(context);
    const [first, second] = await itemIds(page);
    // Fill this origin's storage for real, down to the last few bytes.
    await page.evaluate(() => {
      let n = 0;
      for (let size = 1 << 20; size >= 1; size >>= 1) {
        const chunk = 'x'.repeat(size);
        for (;;) {
          try {
            localStorage.setItem(`filler-${n++}`, chunk);
          } catch {
            break;
          }
        }
      }
    });
    await page.click(`#check-${first}`);
    expect(await alertText(page)).toContain('ブラウザの保存領域がいっぱいで、記録をブラウザに保存できていません。');
    expect(await alertText(page)).toContain('今すぐ「記録を JSON で保存」でファイルに残してください。');
    expect(await statusText(page)).not.toContain('記録しました');
    expect(await stored(page, REAL_KEY)).toBeNull();

    // The way out works: the download holds the tick.
    const json = JSON.parse(await clickForBlob(page, '[data-record-alert] [data-action="download-json"]')) as {
      items: Array<{ id: string; checkedAt: string | null }>;
    };
    expect(json.items.find((i) => i.id === first)?.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // Once there is room again, the next save writes everything, the failed tick included.
    await page.evaluate(() => {
      for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
    });
    await page.click(`#check-${second}`);
    expect(await alertText(page)).toBe('');
    expect(await statusText(page)).toContain('に記録しました');
    expect((await stored(page, REAL_KEY))!.events.map((e) => e.item)).toEqual([first, second]);
  });

  it('keeps a damaged record under another key, offers it for download and never writes over it', async () => {
    const context = await profile();
    const damaged = '{"format":"bcp-incident-record","version":2,"events":[{"at":"2026-05-12T00:40';
    const setup = await open(context);
    await setup.evaluate((key, raw) => localStorage.setItem(key, raw), REAL_KEY, damaged);
    await setup.close();

    const page = await open(context);
    expect(await alertText(page)).toContain('保存されていた記録が壊れていて読めませんでした。壊れた記録は消さずに別に保管してあります。');
    const aside = await page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`${key}:damaged:`)), REAL_KEY);
    expect(aside).toHaveLength(1);
    expect(await page.evaluate((k) => localStorage.getItem(k), aside[0]!)).toBe(damaged);

    const [first] = await itemIds(page);
    await page.click(`#check-${first}`);
    expect((await stored(page, REAL_KEY))!.events.map((e) => e.item)).toEqual([first]);
    expect(await page.evaluate((k) => localStorage.getItem(k), aside[0]!)).toBe(damaged);

    expect(await clickForBlob(page, '[data-record-alert] [data-action="download-damaged"]')).toBe(damaged);
    expect(await blobs(page)).toEqual([damaged]);

    // Still offered after a reload; the new record loads normally.
    await page.reload();
    expect(await alertText(page)).toContain('以前に読めなかった記録が、このブラウザに保管されています。');
    expect(await checked(page)).toEqual([first]);
  });

  it('merges a downloaded record into another PC’s record, once', async () => {
    const first = await open(await profile());
    const [a, b, c] = await itemIds(first);
    await first.click(`#check-${a}`);
    await first.type('[data-field="noticedAt"]', '5月12日 9:40');
    await first.keyboard.press('Tab');
    const json = await exportJson(first);
    const file = path.join(temp, 'incident-record.json');
    writeFileSync(file, JSON.stringify(json));

    // Another PC (a fresh profile) has its own ticks already.
    const other = await open(await profile());
    await other.click(`#check-${b}`);
    await other.type(`#item-${c} [data-note]`, '別の PC で記入');
    await other.keyboard.press('Tab');
    const input = await importInput(other);
    await input.uploadFile(file);
    await other.waitForFunction(() => document.querySelector('[data-record-status]')?.textContent?.includes('件の記録を合わせました'));
    expect(await statusText(other)).toContain('2 件の記録を合わせました');
    expect(await checked(other)).toEqual([a, b]);
    expect(await other.$eval('[data-field="noticedAt"]', (el) => (el as HTMLInputElement).value)).toBe('5月12日 9:40');
    expect(await other.$eval(`#item-${c} [data-note]`, (el) => (el as HTMLInputElement).value)).toBe('別の PC で記入');

    // The same file again adds nothing; the merged record survives a reload.
    await input.uploadFile(file);
    await other.waitForFunction(() => document.querySelector('[data-record-status]')?.textContent?.includes('0 件'));
    await other.reload();
    expect(await checked(other)).toEqual([a, b]);
    expect((await stored(other, REAL_KEY))!.events).toHaveLength(4);

    // The printable log still downloads, with both PCs' ticks.
    const summary = await clickForBlob(other, '[data-action="download-summary"]');
    expect(summary).toContain('<h1>対応記録（インシデントログ）</h1>');
    expect(summary.match(/<td class="box">&#x2611;<\/td>/g)).toHaveLength(2);
  });
});

describe('the tools (export, import, printable log) load on first use', () => {
  const toolsLoaded = (page: Page) => page.evaluate(() => 'bcpChecklistTools' in window);

  it('are not loaded with the page, come when a button needs them, and clear the record on request', async () => {
    const page = await open(await profile());
    const [first] = await itemIds(page);
    await page.click(`#check-${first}`);
    expect(await toolsLoaded(page)).toBe(false);
    expect(await page.$$eval('script[src]', (els) => els.map((el) => el.getAttribute('src')))).not.toContainEqual(expect.stringContaining('checklist-tools'));

    const json = await exportJson(page);
    expect(await toolsLoaded(page)).toBe(true);
    expect(json.events.map((e) => e.item)).toEqual([first]);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('[data-action="reset"]');
    await page.waitForFunction(() => document.querySelector('[data-record-status]')?.textContent === '記録を消しました。');
    expect(await checked(page)).toEqual([]);
    expect((await stored(page, REAL_KEY))!.events).toEqual([]);
  });

  it('says so in Japanese when they cannot load, and the record can still be saved and merged back', async () => {
    // A copy of the site without checklist-tools.js (as if the file share dropped it).
    const copy = path.join(temp, 'no-tools');
    mkdirSync(path.join(copy, 'checklists'), { recursive: true });
    copyFileSync(path.join(site, 'checklists', 'incident.html'), path.join(copy, 'checklists', 'incident.html'));
    copyFileSync(path.join(site, 'checklist.js'), path.join(copy, 'checklist.js'));
    const context = await profile();
    const page = await open(context, undefined, undefined, pathToFileURL(path.join(copy, 'checklists', 'incident.html')).href);
    const [first] = await itemIds(page);
    await page.click(`#check-${first}`);
    await page.click('[data-action="download-json"]');
    await page.waitForFunction(() => !(document.querySelector('[data-record-alert]') as HTMLElement).hidden);
    expect(await alertText(page)).toContain('保存と読み込みの部品（checklist-tools.js）を開けませんでした。記録はこの画面とブラウザに残っています。');

    const raw = await clickForBlob(page, '[data-record-alert] [data-action="download-raw"]');
    const log = parseLog(JSON.parse(raw), 'incident')!;
    expect(fold(log.events).items[first!]?.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // The full site merges that file like any exported record.
    const file = path.join(temp, 'raw-record.json');
    writeFileSync(file, raw);
    const other = await open(await profile());
    await (await importInput(other)).uploadFile(file);
    await other.waitForFunction(() => document.querySelector('[data-record-status]')?.textContent?.includes('件の記録を合わせました'));
    expect(await checked(other)).toEqual([first]);
  });

  it('upgrade a record stored by the previous version when the page opens', async () => {
    const context = await profile();
    const setup = await open(context);
    const [first, second] = await itemIds(setup);
    const v1 = {
      format: 'bcp-incident-record',
      version: 1,
      createdAt: '2026-05-12T00:30:00.000Z',
      updatedAt: '2026-05-12T00:50:00.000Z',
      fields: { recorder: '総務課' },
      items: { [second!]: { note: 'ケーブルを抜いた' } },
      events: [{ at: '2026-05-12T00:40:00.000Z', item: first, action: 'checked', text: '切り離した' }],
    };
    await setup.evaluate((key, text) => localStorage.setItem(key, text), REAL_KEY, JSON.stringify(v1));
    await setup.close();

    const page = await open(context);
    await page.waitForFunction(() => document.querySelector('[data-record-status]')?.textContent?.includes('前回の記録'));
    expect(await checked(page)).toEqual([first]);
    expect(await page.$eval(`#item-${second} [data-note]`, (el) => (el as HTMLInputElement).value)).toBe('ケーブルを抜いた');
    expect(await page.$eval('[data-field="recorder"]', (el) => (el as HTMLInputElement).value)).toBe('総務課');
    expect(await alertText(page)).toBe('');
  });
});

describe('exercise mode (?mode=exercise)', () => {
  it('shows a 訓練 banner and the review sheet only in exercise mode, on screen and on paper', async () => {
    const context = await profile();
    const real = await open(context);
    const visible = (page: Page, selector: string) => page.$eval(selector, (el) => !(el as HTMLElement).hidden && getComputedStyle(el).display !== 'none');
    expect(await visible(real, '[data-exercise-banner]')).toBe(false);
    expect(await visible(real, '[data-review]')).toBe(false);
    expect(await real.title()).not.toContain('訓練');

    const exercise = await open(context, 'exercise');
    expect(await visible(exercise, '[data-exercise-banner]')).toBe(true);
    expect(await exercise.$eval('[data-exercise-banner]', (el) => el.textContent)).toMatch(/^訓練：/);
    expect(await visible(exercise, '[data-review]')).toBe(true);
    expect(await exercise.title()).toMatch(/^【訓練】/);
    await emulatePrint(exercise);
    expect(await visible(exercise, '[data-exercise-banner]')).toBe(true);
    expect(await visible(exercise, '[data-review]')).toBe(true);
  });

  it('keeps exercise records apart from a real incident, marks every export, and feeds bcp review', async () => {
    const context = await profile();
    const real = await open(context);
    const [first, second] = await itemIds(real);
    await real.click(`#check-${first}`);
    const realJson = await exportJson(real);
    const realFile = path.join(temp, 'real.json');
    writeFileSync(realFile, JSON.stringify(realJson));
    expect(realJson.mode).toBe('incident');
    expect(realJson.label).toBeUndefined();

    const exercise = await open(context, 'exercise');
    expect(await checked(exercise)).toEqual([]);
    await exercise.click(`#check-${second}`);
    await exercise.type('[data-field="review.wentWell"]', '切り離しまで10分でできた');
    await exercise.type('[data-field="review.0.gap"]', '保守業者の夜間連絡先が古かった');
    await exercise.type('[data-field="review.0.change"]', '緊急連絡先を直す');
    await exercise.type('[data-field="review.0.owner"]', '情報システム担当（総務課）');
    await exercise.$eval('[data-field="review.0.due"]', (el) => {
      (el as HTMLInputElement).value = '2026-12-15';
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await exercise.keyboard.press('Tab');

    // Two keys, no crossing.
    expect((await stored(exercise, EXERCISE_KEY))!.events.filter((e) => e.type === 'check').map((e) => e.item)).toEqual([second]);
    expect((await stored(exercise, REAL_KEY))!.events.map((e) => e.item)).toEqual([first]);
    await real.bringToFront();
    await real.reload();
    expect(await checked(real)).toEqual([first]);
    await exercise.bringToFront();

    const json = await exportJson(exercise);
    expect(json).toMatchObject({ mode: 'exercise', label: '訓練', company: COMPANY });
    expect(json.review).toEqual({
      wentWell: '切り離しまで10分でできた',
      findings: [{ gap: '保守業者の夜間連絡先が古かった', change: '緊急連絡先を直す', owner: '情報システム担当（総務課）', due: '2026-12-15' }],
    });
    const summary = await clickForBlob(exercise, '[data-action="download-summary"]');
    expect(summary).toContain('<h1>【訓練】対応記録（インシデントログ）</h1>');
    expect(summary).toContain('訓練の記録です。実際のインシデントの記録ではありません。');
    expect(summary).toContain('保守業者の夜間連絡先が古かった');

    // A record of one kind is refused by the other.
    const exerciseFile = path.join(temp, 'exercise.json');
    writeFileSync(exerciseFile, JSON.stringify(json));
    await real.bringToFront();
    await (await importInput(real)).uploadFile(exerciseFile);
    await real.waitForFunction(() => !(document.querySelector('[data-record-alert]') as HTMLElement).hidden);
    expect(await alertText(real)).toContain('は訓練の記録です。実際のインシデントの記録には混ぜません。');
    expect(await checked(real)).toEqual([first]);
    await exercise.bringToFront();
    await (await importInput(exercise)).uploadFile(realFile);
    await exercise.waitForFunction(() => !(document.querySelector('[data-record-alert]') as HTMLElement).hidden);
    expect(await alertText(exercise)).toContain('は実際のインシデントの記録です。訓練の記録には混ぜません。');
    expect(await checked(exercise)).toEqual([second]);

    // The exported exercise goes through bcp review; the real record does not.
    const reviewed = runReview({ file: exerciseFile });
    expect(reviewed.problems).toEqual([]);
    expect(reviewed.output).toContain(`lastDrill: ${String(json.date)}`);
    expect(reviewed.output).toContain('finding: 保守業者の夜間連絡先が古かった');
    expect(runReview({ file: realFile }).problems.map((p) => p.ruleId)).toEqual(['review-not-exercise']);
  });
});

describe('where the checklist script loads', () => {
  it('is on the incident checklist page only, not on every page', () => {
    const scriptsOf = (page: string) =>
      elements(parsePage(path.join(site, page)))
        .filter((e) => e.tagName === 'script' && typeof e.properties.src === 'string')
        .map((e) => path.basename(String(e.properties.src)));
    expect(scriptsOf('checklists/incident.html')).toContain('checklist.js');
    for (const page of [
      'index.html',
      'plan.html',
      'contacts.html',
      'glossary.html',
      'checklists.html',
      'checklists/readiness.html',
      'checklists/upkeep.html',
    ]) {
      expect(scriptsOf(page), page).not.toContain('checklist.js');
    }
  });

  it('has the record fields of src/site/incident-record.ts on the page and in the printout', () => {
    const page = elements(parsePage(path.join(site, 'checklists', 'incident.html')));
    const names = page.map((e) => e.properties.dataField).filter((name) => typeof name === 'string' && !name.startsWith('review.'));
    expect(names).toEqual(RECORD_FIELDS.map((f) => f.name));
    const printed = elements(parsePage(path.join(site, 'print.html')))
      .filter((e) => e.tagName === 'table' && classesOf(e).includes('record-fields'))
      .flatMap((table) =>
        elements(table)
          .filter((e) => e.tagName === 'th')
          .map(textContent),
      );
    expect(printed).toEqual(RECORD_FIELDS.map((f) => f.label));
  });
});

describe('the log as data (src/browser/incident/log.ts)', () => {
  const at = (minute: number) => `2026-05-12T00:${String(minute).padStart(2, '0')}:00.000Z`;
  const check = (id: string, minute: number, item: string, type = 'check') =>
    ({ id, at: at(minute), tab: id.split('-')[0]!, type, item, value: item }) as StoredEvent;

  it('merges by id in time order, so the same event twice counts once', () => {
    const a = [check('a-1', 40, 'x'), check('a-2', 45, 'x', 'uncheck')];
    const b = [check('b-1', 42, 'y'), check('a-1', 40, 'x')];
    expect(mergeEvents(a, b).map((e) => e.id)).toEqual(['a-1', 'b-1', 'a-2']);
    expect(mergeEvents(b, a)).toEqual(mergeEvents(a, b));
  });

  it('replays ticks, unticks, notes and fields; the latest wins', () => {
    const state = fold([
      check('a-1', 40, 'x'),
      check('b-1', 41, 'y'),
      check('a-2', 43, 'x', 'uncheck'),
      { id: 'a-3', at: at(44), tab: 'a', type: 'note', item: 'y', value: '最初' },
      { id: 'b-2', at: at(46), tab: 'b', type: 'note', item: 'y', value: '直した' },
      { id: 'b-3', at: at(47), tab: 'b', type: 'field', field: 'event', value: '画面に脅迫文' },
    ] as StoredEvent[]);
    expect(state).toEqual({ items: { x: {}, y: { checkedAt: at(41), note: '直した' } }, fields: { event: '画面に脅迫文' } });
  });

  it('turns a record saved by the previous version (state only) into events, losing nothing', () => {
    const v1 = {
      format: 'bcp-incident-record',
      version: 1,
      createdAt: at(30),
      updatedAt: at(50),
      fields: { recorder: '総務課' },
      items: { x: { checkedAt: at(40), note: 'ケーブルを抜いた' } },
      events: [{ at: at(40), item: 'x', action: 'checked', text: '切り離した' }],
    };
    const log = parseLog(v1, 'incident')!;
    expect(log.mode).toBe('incident');
    expect(fold(log.events)).toEqual({ items: { x: { checkedAt: at(40), note: 'ケーブルを抜いた' } }, fields: { recorder: '総務課' } });
    expect(parseLog({ ...v1, version: 3 }, 'incident')).toBeUndefined();
    expect(parseLog({ format: 'bcp-incident-record', version: 2, recordId: 'r', events: [{ id: 1 }] }, 'incident')).toBeUndefined();
  });
});
