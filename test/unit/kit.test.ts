/**
 * The incident kit (issue 23) without a build: the reprint warning, the poster's content
 * files, whom the kit says to call, and the one-file inliner over a small folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/answers/load.ts';
import { checkAnswerRules } from '../../src/answers/rules/index.ts';
import { slotValues } from '../../src/answers/values.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { ProblemsError } from '../../src/errors/problems-error.ts';
import { checkPosters, fillSlots, loadPosters, posterContentSchema } from '../../src/kit/content.ts';
import { contactForRole, posterCalls, reportingContacts } from '../../src/kit/data.ts';
import { telHref } from '../../src/answers/values.ts';
import { compareVersions, kitPrintStatus } from '../../src/kit/freshness.ts';
import { inlineOfflinePage } from '../../src/kit/offline.ts';
import { ROOT } from '../helpers.ts';

const exampleText = readFileSync(path.join(ROOT, 'answers', 'answers.yaml'), 'utf8');
const load = (text: string) => {
  const loaded = parseAnswers(text, 'answers.yaml');
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  return loaded;
};
const example = load(exampleText).answers!;
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
/** The example's latest revision, from which its kit was printed; and the one after it. */
const latest = example.revisions.at(-1)!;
const next = `${latest.version.split('.')[0]}.${Number(latest.version.split('.')[1]) + 1}`;
const printedLine = `    version: "${latest.version}"\n`;

/** The example with one more revision after the kit was printed. */
const revisedText = exampleText.replace(
  '    approvedBy: 代表取締役\n\n# 見直し',
  `    approvedBy: 代表取締役\n  - version: "${next}"\n    date: 2026-12-04\n    summary: 総務課の携帯番号を変更\n    approvedBy: 代表取締役\n\n# 見直し`,
);

describe('the reprint warning (upkeep.lastKitPrint)', () => {
  it('says nothing for the example, whose kit was printed from its latest revision', () => {
    expect(kitPrintStatus(example)).toEqual({
      current: { version: latest.version, date: '2026-12-03' },
      printed: { version: latest.version, date: '2026-12-03' },
      reprint: false,
    });
    const problems = checkAnswerRules(load(exampleText), { today: '2026-12-03' });
    expect(problems.filter((p) => p.ruleId === 'kit-reprint-due')).toEqual([]);
  });

  it('warns, never fails, at lastKitPrint when a newer revision exists', () => {
    expect(revisedText).not.toBe(exampleText);
    const loaded = load(revisedText);
    expect(kitPrintStatus(loaded.answers!).reprint).toBe(true);
    const problems = checkAnswerRules(loaded, { today: '2026-12-04' }).filter((p) => p.ruleId === 'kit-reprint-due');
    expect(problems.map(formatProblem)).toEqual([
      `answers.yaml:${lineOf(revisedText, 'lastKitPrint:') + 1}:11  警告  \`upkeep.lastKitPrint\`: 貼ってあるポスターと配った携帯カードは第${latest.version}版（2026-12-03 印刷）ですが、計画は第${next}版（2026-12-04 改訂）です。poster.pdf と card.pdf を刷り直して貼り替え・配り直し、upkeep.lastKitPrint をその日と版に直してください。  kit-reprint-due`,
    ]);
    expect(problems[0]!.severity).toBe('warning');
  });

  it('warns when the version printed is older even if the date is not', () => {
    const text = exampleText.replace(printedLine, '    version: "1.1"\n');
    expect(text).not.toBe(exampleText);
    expect(kitPrintStatus(load(text).answers!).reprint).toBe(true);
  });

  it('says nothing when no print run is recorded (nothing on the wall to replace)', () => {
    const text = exampleText.replace(/ {2}lastKitPrint:\n {4}date: [^\n]+\n {4}version: [^\n]+\n/, '');
    expect(text).not.toContain('lastKitPrint:');
    const loaded = load(text);
    const status = kitPrintStatus(loaded.answers!);
    expect(status.reprint).toBe(false);
    expect(status.printed).toBeUndefined();
    expect(checkAnswerRules(loaded, { today: '2026-12-03' }).filter((p) => p.ruleId === 'kit-reprint-due')).toEqual([]);
  });

  it('compares versions as numbers (1.10 is newer than 1.9)', () => {
    expect(compareVersions('1.9', '1.10')).toBeLessThan(0);
    expect(compareVersions('2.0', '1.10')).toBeGreaterThan(0);
    expect(compareVersions('1.2', '1.2')).toBe(0);
  });

  it('rejects a malformed print record with a message in Japanese', () => {
    const text = exampleText.replace(printedLine, '    version: "第1.2版"\n');
    const loaded = parseAnswers(text, 'answers.yaml');
    expect(loaded.problems.map(formatProblem).join('\n')).toContain('版は「1.0」「1.1」のように書いてください。');
  });
});

describe('the poster content files', () => {
  it('are Japanese, やさしい日本語 and English, in that order, each with 3 to 5 first actions', () => {
    const posters = loadPosters(ROOT);
    expect(posters.map((p) => [p.id, p.name])).toEqual([
      ['ja', '日本語'],
      ['easy-ja', 'やさしい日本語'],
      ['en', 'English'],
    ]);
    for (const poster of posters) {
      expect(poster.actions.items.length).toBeGreaterThanOrEqual(3);
      expect(poster.actions.items.length).toBeLessThanOrEqual(5);
    }
  });

  it('refuse six first actions and a version line without the version', () => {
    const ja = loadPosters(ROOT)[0]!;
    const tooMany = posterContentSchema.safeParse({
      ...ja,
      id: undefined,
      file: undefined,
      actions: { ...ja.actions, items: [...ja.actions.items, 'もう1つ'] },
    });
    expect(tooMany.success).toBe(false);
    const noVersion = posterContentSchema.safeParse({ ...ja, id: undefined, file: undefined, version: '計画' });
    expect(noVersion.success).toBe(false);
  });

  it('report a broken file at its line, with the rule id', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcp-kit-content-'));
    try {
      mkdirSync(path.join(dir, 'content', 'kit'), { recursive: true });
      const text = readFileSync(path.join(ROOT, 'content', 'kit', 'poster.en.yaml'), 'utf8').replace('order: 3', 'order: three');
      writeFileSync(path.join(dir, 'content', 'kit', 'poster.xx.yaml'), text);
      let thrown: unknown;
      try {
        loadPosters(dir);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProblemsError);
      const [problem] = (thrown as ProblemsError).problems;
      expect(problem).toMatchObject({
        file: 'content/kit/poster.xx.yaml',
        line: lineOf(text, 'order: three'),
        ruleId: 'kit-content-invalid',
        severity: 'error',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are checked by bcp check: a {{N}} without an answer is an error at its line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcp-kit-check-'));
    try {
      mkdirSync(path.join(dir, 'content', 'kit'), { recursive: true });
      const text = readFileSync(path.join(ROOT, 'content', 'kit', 'poster.ja.yaml'), 'utf8');
      writeFileSync(path.join(dir, 'content', 'kit', 'poster.ja.yaml'), text);
      const values = slotValues(example);
      expect(checkPosters(dir, values)).toEqual([]);
      const without4 = new Map([...values].filter(([id]) => id !== 4));
      expect(checkPosters(dir, without4).map(formatProblem)).toEqual([
        `content/kit/poster.ja.yaml:${lineOf(text, '- "{{4}}')}:7  エラー  \`signs.items[4]\`: 差し込み口 {{4}} の回答がありません。回答ファイルの slots.4 に書くか、この行から差し込み口を外してください。  kit-content-invalid`,
      ]);
      // The project's own posters pass with the example's answers.
      expect(checkPosters(ROOT, values)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fill {{N}} with the answer, and refuse a slot without one', () => {
    const values = slotValues(example);
    expect(fillSlots('{{4}}いくつも', values, { file: 'f', path: 'p' })).toEqual([{ answer: example.slots[4] }, 'いくつも']);
    expect(() => fillSlots('{{4}}いくつも', new Map(), { file: 'f', path: 'p' })).toThrow(ProblemsError);
  });
});

describe('whom the kit says to call', () => {
  it('lists the key contacts in the reporting order, then the outside experts, nobody twice', () => {
    expect(reportingContacts(example).map((k) => k.contact?.id ?? `(${k.role})`)).toEqual([
      'security-officer',
      'factory-manager',
      'president',
      'main-customer',
      'outside-responder',
    ]);
  });

  it('matches a role of the plan to the contact with its longer or shorter name', () => {
    expect(contactForRole(example, '工場長')?.id).toBe('factory-manager');
    expect(contactForRole(example, '総務課の代表窓口')?.id).toBe('general-affairs');
    expect(contactForRole(example, '品質保証課')).toBeUndefined();
  });

  it('puts the first report (slot 1) first on the poster and the desk (slot 2) second', () => {
    const calls = posterCalls(example, slotValues(example));
    expect(calls.first.id).toBe('security-officer');
    expect(calls.second?.id).toBe('general-affairs');
  });

  it('dials the digits of a number as written', () => {
    expect(telHref('090-0000-1201')).toBe('tel:09000001201');
    expect(telHref('+81-90-0000-1201')).toBe('tel:+819000001201');
  });
});

describe('the one-file inliner', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bcp-kit-offline-'));
    mkdirSync(path.join(dir, 'kit'));
    mkdirSync(path.join(dir, '_astro'));
    writeFileSync(path.join(dir, '_astro', 'site.css'), 'body { color: #111; }');
    writeFileSync(path.join(dir, 'checklist.js'), 'window.x = "</script>";');
    writeFileSync(path.join(dir, 'tools.js'), 'window.tools = 1 < 2;');
    writeFileSync(path.join(dir, 'map.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(
      path.join(dir, 'kit', 'offline.html'),
      [
        '<html><head><link rel="stylesheet" href="../_astro/site.css"><link rel="icon" href="../favicon.ico"></head><body>',
        '<section id="contacts"><a href="tel:0612345678">06-1234-5678</a><a href="mailto:a@example.jp">a@example.jp</a></section>',
        '<p id="step"><a href="../contacts.html">連絡先</a> <a href="../plan.html#step">手順</a> <a href="../glossary.html">用語集</a>',
        '<a href="https://www.ipa.go.jp/">https://www.ipa.go.jp/</a> <a href="#nowhere">x</a> <a href="#contacts">y</a></p>',
        '<img src="../map.svg" alt="">',
        '<script src="../tools.js" data-on-first-use></script><script src="../checklist.js" defer></script></body></html>',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('puts styles, scripts and images inside and leaves only in-page, tel: and mailto: links', async () => {
    const html = await inlineOfflinePage(dir, 'kit/offline.html', { 'contacts.html': 'contacts' });
    expect(html).toContain('<style>body { color: #111; }</style>');
    expect(html).toContain('<script>window.x = "<\\/script>";</script>');
    // A script loaded on first use stays data (JSON) until the page runs it.
    const carried = /<script type="application\/json" id="bcp-checklist-tools" data-inline-script="tools.js">([^<]*)<\/script>/.exec(html);
    expect(JSON.parse(carried![1]!)).toBe('window.tools = 1 < 2;');
    expect(html).toContain('src="data:image/svg+xml;base64,');
    expect(html).not.toMatch(/<link\b/);
    const targets = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!).filter((t) => !t.startsWith('data:'));
    expect(targets).toEqual(['tel:0612345678', 'mailto:a@example.jp', '#contacts', '#step', '#contacts']);
    // The web address stays readable as text.
    expect(html).toContain('https://www.ipa.go.jp/</span>');
    expect(html).toContain('<span class="offline-unlinked">用語集</span>');
  });
});
