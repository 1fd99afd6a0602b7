/**
 * The example company's BIA and exercise pages in the built site: bia.html shows the
 * derived recovery order and is linked from plan 3.3 and the incident checklist's recovery
 * phase; the exercise kit has a facilitator and a participant sheet per scenario, whose
 * plan links all land on a heading of plan.html; the PDF carries the BIA part.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Element } from 'hast';
import { describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.ts';
import { recoveryOrder } from '../../src/bia/recovery.ts';
import { exerciseScenarios } from '../../src/exercises/scenarios.ts';
import { exercisePage } from '../../src/site/paths.ts';
import { EXAMPLE_ANSWERS, classesOf, elements, exampleSite, emulatePrint, openBrowser, parsePage, textContent } from '../site-helpers.ts';

const TODAY = '2026-11-01';
const answers = loadAnswersFile(EXAMPLE_ANSWERS).answers!;
const page = (file: string) => parsePage(path.join(exampleSite(), file));
const hrefs = (root: Element | ReturnType<typeof parsePage>) =>
  elements(root)
    .filter((e) => e.tagName === 'a' && typeof e.properties.href === 'string')
    .map((e) => String(e.properties.href));
const byId = (root: ReturnType<typeof parsePage>, id: string) => elements(root).find((e) => e.properties.id === id);

describe('bia.html', () => {
  it('lists the systems in the derived recovery order with their priority and RTO', () => {
    const rows = elements(page('bia.html')).filter((e) => e.tagName === 'table' && classesOf(e).includes('bia-order'))[0]!;
    const cells = elements(rows)
      .filter((e) => e.tagName === 'tr')
      .slice(1)
      .map((tr) =>
        elements(tr)
          .filter((e) => e.tagName === 'td' || e.tagName === 'th')
          .slice(0, 4)
          .map((c, i) => (i === 2 ? textContent(c).replace(/（.*$/, '') : textContent(c))),
      );
    // (the priority cell also names, in brackets, the processes that decided it)
    expect(cells).toEqual([
      ['1', 'NC プログラム管理 PC', 'S', '8時間以内'],
      ['2', '生産管理サーバ', 'S', '12時間以内'],
      ['3', '測定データ管理 PC', 'A', '1日以内'],
      ['4', 'メール（クラウド）', 'A', '1日以内'],
      ['5', 'ファイルサーバ', 'A', '2日以内'],
      ['6', '会計・給与 PC', 'B', '7日以内'],
    ]);
    // The same order as the module computes (the page does not sort on its own).
    expect(cells.map((c) => c[1])).toEqual(recoveryOrder(answers.bia!, TODAY).map((s) => s.system.name));
  });

  it('shows both recovery stages, the backup status and the matrix rules', () => {
    const text = textContent(byId(page('bia.html'), 'main')!);
    for (const part of [
      '第1段階 暫定の復旧',
      '第2段階 本格的な復旧',
      '最後のバックアップ以降に入力したデータを打ち直し',
      '3-2-1',
      '2026-08-22（71日前・済）',
      '依存度 ＼ 重要度',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('is linked from plan 3.3 ③ and from the recovery phase of the incident checklist', () => {
    const all = elements(page('plan.html'));
    const step = all.findIndex((e) => e.tagName === 'h4' && textContent(e).startsWith('③ システムの復旧'));
    expect(step).toBeGreaterThan(0);
    // The list right under the step's heading holds the link.
    const list = all.slice(step + 1).find((e) => e.tagName === 'ul')!;
    expect(hrefs(list)).toContain('bia.html');
    expect(hrefs(byId(page('checklists/incident.html'), 'phase-recovery')!)).toContain('../bia.html');
  });
});

describe('the exercise kit', () => {
  const scenarios = exerciseScenarios(answers, TODAY);
  const planIds = new Set(
    elements(page('plan.html'))
      .map((e) => e.properties.id)
      .filter((id): id is string => typeof id === 'string'),
  );

  it('offers at least three scenarios, those through entries the company marked first', () => {
    expect(scenarios.map((s) => s.id)).toEqual(['ransomware', 'brought-in', 'system-stop', 'mail-cloud', 'leak']);
    expect(scenarios.map((s) => s.onMarkedEntry)).toEqual([true, true, true, false, false]);
    const index = page('exercises.html');
    for (const s of scenarios) {
      expect(hrefs(index)).toContain(exercisePage(s.id, 'facilitator'));
      expect(hrefs(index)).toContain(exercisePage(s.id, 'participant'));
    }
  });

  it.each(['ransomware', 'brought-in', 'mail-cloud', 'system-stop', 'leak'])(
    'links every question and action of %s to a heading that exists in plan.html',
    (id) => {
      for (const version of ['facilitator', 'participant'] as const) {
        const tree = page(exercisePage(id, version));
        const planLinks = hrefs(tree).filter((h) => h.startsWith('../plan.html#'));
        expect(planLinks.length).toBeGreaterThan(5);
        const missing = planLinks.map((h) => decodeURIComponent(h.slice('../plan.html#'.length))).filter((anchor) => !planIds.has(anchor));
        expect(missing, `${id} ${version}`).toEqual([]);
        expect(hrefs(tree)).toContain('../checklists/incident.html?mode=exercise');
      }
    },
  );

  it('writes the injects from the answers and leaves the expected actions out of the participant sheet', () => {
    const facilitator = textContent(byId(page(exercisePage('ransomware', 'facilitator')), 'main')!);
    const participant = page(exercisePage('ransomware', 'participant'));
    for (const answer of [
      '情報システム担当（総務課）',
      '工場長（製造担当取締役）',
      '株式会社みなとサイバーサポート',
      '生産管理サーバ',
      '2時間以内',
      '1時間以内',
    ]) {
      expect(facilitator).toContain(answer);
    }
    expect(facilitator).toContain('期待する対応');
    expect(elements(participant).some((e) => classesOf(e).includes('expected'))).toBe(false);
    const participantText = textContent(byId(participant, 'main')!);
    expect(participantText).not.toContain('期待する対応');
    for (const action of scenarios[0]!.injects.flatMap((i) => i.expected)) {
      const words = action.text.filter((p): p is string => typeof p === 'string' && p.length > 12);
      for (const w of words) expect(participantText).not.toContain(w);
    }
  });

  it('prints as a sheet: navigation hidden, room to write under each question', async () => {
    const browser = await openBrowser();
    try {
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(path.join(exampleSite(), exercisePage('ransomware', 'participant'))).href);
      await emulatePrint(tab);
      const shown = await tab.evaluate(() => ({
        nav: getComputedStyle(document.querySelector('.site-header nav')!).display,
        writeIn: getComputedStyle(document.querySelector('.questions .write-in')!).display,
        banner: document.querySelector('.exercise-banner')?.textContent ?? '',
      }));
      expect(shown).toEqual({ nav: 'none', writeIn: 'block', banner: expect.stringContaining('訓練用') });
    } finally {
      await browser.close();
    }
  });
});

describe('the binder PDF', () => {
  it('has the BIA part in its table of contents and the recovery order in its text', () => {
    const print = page('print.html');
    expect(byId(print, 'bia')).toBeDefined();
    expect(hrefs(byId(print, 'toc')!)).toContain('#bia');
    const pdf = path.join(exampleSite(), 'plan.pdf');
    expect(existsSync(pdf)).toBe(true);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    // pdftotext breaks table cells into lines: compare without white space, by the first characters of each name.
    const squash = (t: string) => t.replace(/\s+/g, '');
    // The BIA part: its last heading before the exercise appendix (whose sheets name the BIA page too).
    const appendix = text.lastIndexOf('付録 机上訓練キット');
    const part = squash(text.slice(text.lastIndexOf('業務影響と復旧の順番', appendix), appendix));
    for (const heading of ['復旧の順番', '第1段階暫定の復旧', '第2段階本格的な復旧', 'バックアップの状況', '優先度の決め方']) expect(part).toContain(heading);
    // A narrow cell may break a name at its space (「NC」「プログラム管理 PC」), so each name is found by its first word.
    const positions = recoveryOrder(answers.bia!, TODAY).map((s) => part.indexOf(squash(s.system.name.split(/\s/)[0]!).slice(0, 5)));
    expect(
      positions.every((p) => p >= 0),
      positions.join(','),
    ).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
