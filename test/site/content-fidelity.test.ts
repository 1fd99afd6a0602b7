/**
 * Content fidelity (issue 14): the response items IPA's procedure adds are in chapter 3
 * and the checklists, the public windows are reachable with well-formed URLs, the slot
 * meanings follow the template or the difference is written down, and the checklists
 * (content/checklists/*.yaml) report their problems with file, line and column.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.ts';
import { slotValues } from '../../src/answers/values.ts';
import { checkChecklists, checklistSlotProblems, parseChecklist, planSectionNumbers, unknownPlanSections } from '../../src/collections/checklists.ts';
import { incidentChecklist, partsText, readinessChecklist, type Checklist } from '../../src/site/checklists.ts';
import { PUBLIC_WINDOWS, PUBLIC_WINDOWS_AS_OF } from '../../src/site/public-windows.ts';
import { slotById } from '../../src/slots/template.ts';
import { ROOT } from '../helpers.ts';
import { classesOf, EXAMPLE_ANSWERS, elements, exampleSite, parsePage, textContent } from '../site-helpers.ts';

const answers = loadAnswersFile(EXAMPLE_ANSWERS, { cwd: ROOT }).answers!;
const values = slotValues(answers);
const input = { answers, values, entries: [] };
const chapter3 = readFileSync(path.join(ROOT, 'content', 'plan', '03-response-flow.mdx'), 'utf8');
const chapter5 = readFileSync(path.join(ROOT, 'content', 'plan', '05-communication.mdx'), 'utf8');

function itemText(list: Checklist, id: string): string | undefined {
  const found = list.phases.flatMap((p) => p.items).find((i) => i.id === id);
  return found && [found.text, found.detail ?? []].map(partsText).join(' ');
}

/**
 * IPA's incident-response items (response-procedures.md §3–§5) that the template leaves
 * out: where each one is in chapter 3 (a phrase) and in a checklist (item id and a word
 * of its text). Removing any of them fails here.
 */
const IPA_ITEMS: ReadonlyArray<{ item: string; plan?: string; checklist: 'incident' | 'readiness'; id: string; words: string }> = [
  {
    item: 'suspend cloud access and sync when isolating',
    plan: 'クラウドサービスへの接続と同期',
    checklist: 'incident',
    id: 'first-isolate-cloud',
    words: 'クラウドサービスへの接続と同期',
  },
  {
    item: 'safety check before stopping production equipment',
    plan: '止めても人や設備に危険がないか',
    checklist: 'incident',
    id: 'first-safety',
    words: '止めても人や設備に危険がないか',
  },
  {
    item: 'record how to reach an outside reporter',
    plan: '折り返しの連絡先',
    checklist: 'incident',
    id: 'discover-outside-reporter',
    words: '折り返し連絡できる',
  },
  { item: 'a dedicated inquiry window for customers', checklist: 'incident', id: 'situation-inquiry-window', words: '問い合わせ専用の窓口' },
  { item: 'compensation or apology to those harmed', plan: '補償', checklist: 'incident', id: 'after-compensation', words: '補償' },
  { item: 'monitoring after recovery', plan: 'ログと通信を見張り', checklist: 'incident', id: 'recovery-monitor', words: '見張った' },
  { item: 'a rule for how widely to share information', plan: '伝える範囲', checklist: 'incident', id: 'situation-share-scope', words: '情報を伝える範囲' },
  { item: 're-entering data lost since the last backup', plan: '入力し直す', checklist: 'incident', id: 'recovery-reenter', words: '入力し直した' },
  { item: 'severity levels that decide the response office', plan: 'ただちに対策本部を置く', checklist: 'incident', id: 'judge-level', words: 'レベル' },
  { item: 'preparation: a report template', plan: '報告書のひな形', checklist: 'readiness', id: 'ready-report-template', words: '報告書のひな形' },
  { item: 'preparation: removal tools', plan: 'ウイルスの駆除ツール', checklist: 'readiness', id: 'ready-removal-tools', words: '駆除ツール' },
  {
    item: 'preparation: the password-reset procedure',
    plan: 'パスワードを設定し直す手順',
    checklist: 'readiness',
    id: 'ready-password-reset',
    words: 'パスワードを設定し直す手順',
  },
  {
    item: 'everyone resets their password',
    plan: '全従業員にパスワードを設定し直してもらい',
    checklist: 'incident',
    id: 'recovery-password-all',
    words: '全従業員にパスワード',
  },
  {
    item: 'suspicious files and the ransom note kept as evidence',
    plan: '不審なファイルと、画面に出た脅迫文',
    checklist: 'incident',
    id: 'first-suspicious-files',
    words: '脅迫文',
  },
  { item: 'a 5W1H fact sheet for the first report', plan: '5W1H', checklist: 'incident', id: 'situation-facts', words: '5W1H' },
];

describe('IPA response items', () => {
  const lists = { incident: incidentChecklist(input), readiness: readinessChecklist(input) };

  it.each(IPA_ITEMS)('covers "$item"', ({ plan, checklist, id, words }) => {
    expect(itemText(lists[checklist], id), `${checklist} checklist item ${id}`).toContain(words);
    if (plan) expect(chapter3, 'chapter 3').toContain(plan);
  });

  it('has the customer inquiry window in chapter 5 as well', () => {
    expect(chapter5).toContain('問い合わせだけを受ける窓口');
  });
});

describe('public consulting and reporting windows', () => {
  it('has a well-formed https URL for every window that has one, and names the ministry without one', () => {
    for (const w of PUBLIC_WINDOWS.filter((w) => w.url !== undefined)) {
      const url = new URL(w.url!);
      expect(url.protocol, w.id).toBe('https:');
      expect(url.href, w.id).toBe(w.url);
    }
    expect(PUBLIC_WINDOWS.map((w) => w.id)).toEqual(
      expect.arrayContaining(['ipa-consult', 'police', 'jpcert', 'ipa-report', 'ppc-leak', 'ppc-mynumber', 'ministry']),
    );
    expect(PUBLIC_WINDOWS_AS_OF).toMatch(/^\d{4}年\d{1,2}月時点$/);
  });

  /** The windows shown in a built element: their ids and every link's href. */
  function windowsIn(root: Root | Element) {
    const box = elements(root).find((e) => e.properties.dataPublicWindows !== undefined);
    expect(box, 'a data-public-windows element').toBeDefined();
    const ids = elements(box!)
      .filter((e) => e.properties.dataWindow !== undefined)
      .map((e) => String(e.properties.dataWindow));
    const hrefs = elements(box!)
      .filter((e) => e.tagName === 'a')
      .map((a) => String(a.properties.href));
    for (const href of hrefs) expect(new URL(href).protocol, href).toBe('https:');
    return { ids, hrefs, text: textContent(box!) };
  }

  it('lists every window with its URL, dated, on the contacts page and in the PDF contact section', () => {
    const site = exampleSite();
    const contacts = parsePage(path.join(site, 'contacts.html'));
    const onPage = windowsIn(contacts);
    expect(onPage.ids).toEqual(PUBLIC_WINDOWS.map((w) => w.id));
    expect(onPage.hrefs).toEqual(PUBLIC_WINDOWS.flatMap((w) => (w.url ? [w.url] : [])));
    expect(onPage.text).toContain(PUBLIC_WINDOWS_AS_OF);
    expect(elements(contacts).some((e) => e.properties.id === 'public-windows' && textContent(e).includes('公的な相談・報告窓口'))).toBe(true);

    const printed = elements(parsePage(path.join(site, 'print.html'))).find((e) => classesOf(e).includes('contacts'));
    expect(printed, 'the PDF contact section').toBeDefined();
    const inPdf = windowsIn(printed!);
    expect(inPdf.ids).toEqual(PUBLIC_WINDOWS.map((w) => w.id));
    // On paper the URL must be readable, not only a link.
    for (const w of PUBLIC_WINDOWS) if (w.url) expect(inPdf.text).toContain(w.url);
    // Slot 2 is an alternative to slot 1 there too, not a fallback.
    expect(textContent(printed!)).not.toContain('つながらないときは');
  });

  it('shows the reporting windows under the checklist step that contacts the authorities', () => {
    const page = elements(parsePage(path.join(exampleSite(), 'checklists', 'incident.html')));
    const step = page.find((e) => e.properties.id === 'item-situation-authorities');
    expect(step).toBeDefined();
    const shown = windowsIn(step!);
    expect(shown.ids).toEqual(PUBLIC_WINDOWS.filter((w) => w.kind !== '参考').map((w) => w.id));
    expect(shown.text).toContain(PUBLIC_WINDOWS_AS_OF);
    // The same step in the binder's printed checklist.
    const printed = elements(parsePage(path.join(exampleSite(), 'print.html'))).find(
      (e) => e.tagName === 'tr' && String(e.properties.id).endsWith('-situation-authorities'),
    );
    expect(printed, 'the printed reporting step').toBeDefined();
    expect(windowsIn(printed!).ids).toEqual(shown.ids);
  });
});

describe('slot meanings and recorded differences', () => {
  it('asks slots 2, 9 and 14 as the template means them', () => {
    // 2 is an alternative to 1, not a fallback; 14 is a partner for press releases.
    expect(slotById(2)!.question).not.toContain('つながらない');
    expect(slotById(2)!.question).toContain('並んで');
    expect(slotById(14)!.question).toContain('連携');
    expect(slotById(14)!.question).not.toMatch(/報道発表を受け持つ/);
    // 9: the start point is ours and said to be ours.
    expect(slotById(9)!.question).toContain('ひな形は起点を決めていません');
    const guide = readFileSync(path.join(ROOT, 'content', 'handbook', 'customising.mdx'), 'utf8');
    expect(guide).toContain('ひな形の意図ではなく当社の読み方');
    expect(guide).not.toContain('つながらないとき');
  });

  it('writes every deliberate difference on the template page, the law names in chapter 7 too', () => {
    const page = elements(parsePage(path.join(exampleSite(), 'template.html')));
    const rows = page.filter((e) => e.tagName === 'tr' && String(e.properties.id ?? '').startsWith('diff-')).map((e) => String(e.properties.id));
    expect(rows).toEqual(expect.arrayContaining(['diff-slot-9', 'diff-slot-2', 'diff-slot-14', 'diff-laws', 'diff-bad', 'diff-ipa']));
    const laws = textContent(page.find((e) => e.properties.id === 'diff-laws')!);
    for (const name of ['製品安全基本法', '産業安全衛生法', '労働安全衛生法', '製造物責任法']) expect(laws).toContain(name);
    const chapter7 = readFileSync(path.join(ROOT, 'content', 'plan', '07-compliance.mdx'), 'utf8');
    for (const name of ['製品安全基本法', '産業安全衛生法']) expect(chapter7).toContain(`「${name}」`);
  });
});

describe('checklist content', () => {
  it('is clean for the example answers', () => {
    expect(checkChecklists({ cwd: ROOT, values }).problems).toEqual([]);
  });

  it('reports schema problems at the field, with line and column', () => {
    const head = ['title: テスト', 'phases:', '  - id: one', '    title: 一', '    items:'];
    const file = 'content/checklists/incident.yaml';
    const wrongRefs = parseChecklist(
      'incident',
      [
        ...head,
        '      - id: a',
        '        text: 項目',
        '        threats: [14]',
        '      - id: c',
        '        text: 項目',
        '        link: { page: nowhere, label: x }',
      ].join('\n'),
      file,
    );
    expect(wrongRefs.content).toBeUndefined();
    expect(wrongRefs.problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.ruleId}`)).toEqual([
      'content/checklists/incident.yaml:8:19 checklist-invalid',
      'content/checklists/incident.yaml:11:23 checklist-invalid',
    ]);
    expect(wrongRefs.problems[0]!.message).toContain('phases[0].items[0].threats[0]');
    const wrongPlaceholder = parseChecklist('incident', [...head, '      - id: b', '        text: "{entry}を止めた"'].join('\n'), file);
    expect(wrongPlaceholder.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      expect.stringMatching(/^7:15 .*差し込み口 \{entry\} はこの項目では使えません/),
    ]);
  });

  it('points at a plan reference the plan does not have', () => {
    const text = [
      'title: テスト',
      'phases:',
      '  - id: one',
      '    title: 一',
      '    plan: "3.9"',
      '    items:',
      '      - id: a',
      '        text: 項目',
      '        plan: "3.1.4"',
    ].join('\n');
    const loaded = parseChecklist('incident', text, 'content/checklists/incident.yaml');
    const problems = unknownPlanSections(loaded, planSectionNumbers(ROOT));
    expect(problems.map((p) => `${p.line}:${p.column} ${p.ruleId}`)).toEqual(['5:12 checklist-invalid']);
    expect(problems[0]!.message).toContain('計画本文に「3.9」の節はありません');
  });

  it('reports slot problems like the plan does: unknown slot, unclosed slot, missing answer', () => {
    const text = [
      'title: テスト',
      'phases:',
      '  - id: one',
      '    title: 一',
      '    items:',
      '      - id: a',
      '        text: "#19#だれか#19#に知らせた"',
      '      - id: b',
      '        text: "#3#担当#3#が止めた"',
      '        role: "#7#2時間以内"',
    ].join('\n');
    const loaded = parseChecklist('incident', text, 'content/checklists/incident.yaml');
    const withoutThree = new Map([...values].filter(([id]) => id !== 3));
    const { problems, uses } = checklistSlotProblems(loaded, { values: withoutThree, answersFile: 'answers/answers.yaml' });
    expect(problems.map((p) => `${p.line}:${p.column} ${p.ruleId}`)).toEqual(['7:16 unknown-slot', '9:16 missing-answer', '10:16 unclosed-slot']);
    expect(problems[1]!.message).toContain('`slots.3`');
    expect(uses.map((u) => u.id)).toEqual([19, 3]);
  });
});
