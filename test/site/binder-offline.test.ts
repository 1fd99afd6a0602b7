/**
 * What the binder carries for a day without servers (issue 20), read from the PDF with
 * pdftotext: the 「いつ・どこへ・何を」 reporting table beside the contacts, one recovery card
 * per system with its manual fallback and re-entry, and the exercise kit in both versions.
 * Facts and structure are asserted (deadlines, answers, headings), never our prose.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.ts';
import type { Answers } from '../../src/answers/schema.ts';
import { recoveryOrder } from '../../src/bia/recovery.ts';
import { CLOSING_QUESTIONS, exerciseScenarios, type Scenario } from '../../src/exercises/scenarios.ts';
import { partsText } from '../../src/site/checklists.ts';
import { loadReportingDuties } from '../../src/guidelines/reporting-duties.ts';
import { ROOT } from '../helpers.ts';
import { EXAMPLE_ANSWERS, elements, exampleSite, parsePage, textContent, readOutline, type OutlineItem } from '../site-helpers.ts';

/** The binder's parts sit under one root bookmark, the cover's h1 (print.html has one h1). */
const PARTS = 1;
const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const squash = (text: string) => text.replace(/\s+/g, '');
const REPORTING_DUTIES = loadReportingDuties(ROOT).duties!.duties;

let answers: Answers;
let pages: string[];
let outline: OutlineItem[];
let scenarios: Scenario[];

/** The text of the pages from the bookmark `title` up to (not including) the next top-level bookmark. */
function part(title: string): string {
  const top = outline.filter((o) => o.depth === PARTS);
  const at = top.findIndex((o) => o.title === title);
  expect(at, title).toBeGreaterThanOrEqual(0);
  const end = top[at + 1]?.page ?? pages.length + 1;
  return pages.slice(top[at]!.page - 1, end - 1).join('\n');
}

beforeAll(() => {
  const pdf = path.join(exampleSite(), 'plan.pdf');
  answers = loadAnswersFile(EXAMPLE_ANSWERS, { cwd: ROOT }).answers!;
  pages = run('pdftotext', [pdf, '-']).split('\f').slice(0, -1);
  outline = readOutline(pdf);
  const date = /<meta name="bcp:revision-date" content="([\d-]+)"/.exec(run('cat', [path.join(exampleSite(), 'print.html')]))?.[1];
  scenarios = exerciseScenarios(answers, date ?? '2026-12-01');
});

describe('the reporting duties (いつ・どこへ・何を)', () => {
  it('are in the binder’s contact part, with the PPC deadlines and which duty is legal', () => {
    const contacts = squash(part('緊急連絡先'));
    expect(contacts).toContain('報告の期限と義務');
    // Table cells interleave in the text: each recipient by its name before any parenthesis.
    for (const duty of REPORTING_DUTIES) expect(contacts, duty.id).toContain(squash(duty.to.split('（')[0]!));
    // A wrapped cell may split 「3〜5日」 across the interleaved lines of its row.
    expect(contacts).toMatch(/3〜.{0,40}5日以内/);
    expect(contacts).toContain('30日以内');
    expect(contacts).toContain('60日以内');
    expect(contacts).toContain('法令の義務');
    expect(contacts).toContain('契約による義務');
    // The company's own first-report deadline (#9#).
    expect(contacts).toContain(squash(answers.slots[9]!));
  });

  it('are in the print page’s contact section and on the contacts page, one row per recipient, from the same data', () => {
    const print = elements(parsePage(path.join(exampleSite(), 'print.html')));
    const section = print.find((e) => e.properties.id === 'contacts')!;
    const printed = elements(section).filter((e) => e.tagName === 'tr' && e.properties.dataDuty !== undefined);
    expect(printed.map((r) => String(r.properties.dataDuty))).toEqual(REPORTING_DUTIES.map((d) => d.id));
    expect(squash(textContent(printed[0]!))).toMatch(/3〜5日.*30日以内.*60日以内/);
    const page = parsePage(path.join(exampleSite(), 'contacts.html'));
    const rows = elements(page).filter((e) => e.tagName === 'tr' && e.properties.dataDuty !== undefined);
    expect(rows.map((r) => String(r.properties.dataDuty))).toEqual(REPORTING_DUTIES.map((d) => d.id));
    const ppc = squash(textContent(rows[0]!));
    expect(ppc).toContain('30日以内');
    expect(ppc).toContain('60日以内');
  });
});

describe('the BIA in the binder', () => {
  it('has one recovery card per system with its manual fallback and what to re-enter', () => {
    const bia = squash(part('業務影響と復旧の順番'));
    expect(bia).toContain('システムごとの復旧カード');
    const order = recoveryOrder(answers.bia!, '2026-12-01');
    for (const step of order) {
      const card = `${step.rank}.${squash(step.system.name)}（優先度`;
      expect(bia, step.system.name).toContain(card);
      if (step.system.fallback) expect(bia, `${step.system.name} fallback`).toContain(squash(step.system.fallback));
      if (step.system.reentry) expect(bia, `${step.system.name} re-entry`).toContain(`打ち直す:${squash(step.system.reentry)}`);
    }
  });
});

describe('the exercise kit in the binder', () => {
  it('is an appendix with every scenario in the facilitator’s and the participants’ version', () => {
    expect(outline.filter((o) => o.depth === PARTS).map((o) => o.title)).toContain('付録 机上訓練キット');
    const titles = outline.filter((o) => o.depth === PARTS + 1).map((o) => o.title);
    for (const s of scenarios) {
      expect(titles, s.id).toContain(`${s.title}（進行役用）`);
      expect(titles, s.id).toContain(`${s.title}（参加者用）`);
    }
  });

  it('starts each sheet on its own page and leaves the expected actions out of the participants’ sheets', () => {
    const sheets = outline.filter((o) => o.depth === PARTS + 1 && /（(進行役用|参加者用)）$/.test(o.title));
    expect(sheets).toHaveLength(scenarios.length * 2);
    sheets.forEach((sheet, i) => {
      const end = sheets[i + 1]?.page ?? outline.find((o) => o.depth === PARTS && o.page > sheet.page)?.page ?? pages.length + 1;
      const text = squash(pages.slice(sheet.page - 1, end - 1).join('\n'));
      const body = pages[sheet.page - 1]!.split('\n').filter((l) => l.trim() !== '');
      // The running header first, then the sheet's title.
      expect(squash(body.slice(1, 3).join('')), sheet.title).toContain(squash(sheet.title));
      const scenario = scenarios.find((s) => sheet.title.startsWith(s.title))!;
      const facilitator = sheet.title.endsWith('（進行役用）');
      expect(text.includes('期待する対応'), sheet.title).toBe(facilitator);
      // The expected actions' own words are in the facilitator's sheet only.
      const action = squash(partsText(scenario.injects[0]!.expected[0]!.text));
      expect(text.includes(action), `${sheet.title}: ${action}`).toBe(facilitator);
      // Both close with the eight review points.
      for (const q of CLOSING_QUESTIONS) expect(text, sheet.title).toContain(squash(/^[^:]+:/.exec(partsText(q.text))![0]));
    });
  });
});
