/**
 * Two variant builds. Another company's answers give another company's exercises: its
 * roles, systems, outside firm and time targets, and nothing of the example company.
 * The public build of the example leaves the BIA and the exercise kit out of every
 * output file: pages, search indexes and the PDF text.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.ts';
import type { Answers } from '../../src/answers/schema.ts';
import { outsideResponder } from '../../src/answers/values.ts';
import { exercisePage } from '../../src/site/paths.ts';
import { FIXTURES } from '../helpers.ts';
import { EXAMPLE_ANSWERS, elements, exampleSite, parsePage, testSite, textContent } from '../site-helpers.ts';

const VARIANT_ANSWERS = path.join(FIXTURES, 'answers', 'variant-bia.yaml');
const example = loadAnswersFile(EXAMPLE_ANSWERS).answers!;
const variant = loadAnswersFile(VARIANT_ANSWERS).answers!;
const SCENARIOS = ['ransomware', 'brought-in', 'mail-cloud', 'system-stop', 'leak'];

/** The company-specific words an exercise is written from. */
function companyWords(answers: Answers): string[] {
  const { slots } = answers;
  return [
    answers.company.name,
    slots[1],
    slots[2],
    slots[3],
    slots[10],
    slots[14],
    slots[13]?.from,
    slots[13]?.to,
    slots[7],
    slots[9],
    ...(slots[8] ?? []),
    outsideResponder(answers)?.organisation,
    ...(answers.bia?.systems.flatMap((s) => [s.name, s.rto, s.reentry]) ?? []),
    ...(answers.bia?.processes.map((p) => p.name) ?? []),
  ].filter((w): w is string => w !== undefined);
}

// Both built by test/global-setup.ts: the other company's from VARIANT_ANSWERS, the public one from the example's.
const variantSite = testSite('otherCompany').dir;
const publicSite = testSite('public').dir;

describe('exercises from other answers', () => {
  const mainText = (file: string) => textContent(elements(parsePage(path.join(variantSite, file))).find((e) => e.properties.id === 'main')!);
  const pages = () => ['exercises.html', ...SCENARIOS.flatMap((id) => [exercisePage(id, 'facilitator'), exercisePage(id, 'participant')])];

  it('carry that company’s roles, systems, outside firm and time targets', () => {
    const { slots } = variant;
    const facilitator = SCENARIOS.map((id) => mainText(exercisePage(id, 'facilitator'))).join('\n');
    for (const word of [
      slots[1]!,
      slots[3]!,
      slots[10]!,
      slots[14]!,
      outsideResponder(variant)!.organisation!,
      slots[7]!,
      slots[9]!,
      '成形条件サーバ',
      '成形機の監視端末',
      '品質記録 PC',
    ]) {
      expect(facilitator, word).toContain(word);
    }
  });

  it('follow that company’s marked threat entries (USB stick, cloud account) and put those scenarios first', () => {
    const index = mainText('exercises.html');
    const titles = ['USB メモリーから工場にマルウェアが入る', 'クラウドサービスのアカウントが乗っ取られる', 'ランサムウェアで業務の要のシステムが止まる'];
    const at = titles.map((t) => index.indexOf(t));
    expect(
      at.every((i) => i >= 0),
      at.join(','),
    ).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('keep nothing of the example company', () => {
    const variantWords = new Set(companyWords(variant));
    const exampleOnly = companyWords(example).filter((w) => !variantWords.has(w));
    expect(exampleOnly).toContain('株式会社みなとサイバーサポート');
    expect(exampleOnly).toContain('生産管理サーバ');
    const leaks = pages().flatMap((file) => {
      const html = readFileSync(path.join(variantSite, file), 'utf8');
      return exampleOnly.filter((w) => html.includes(w)).map((w) => `${file}: ${w}`);
    });
    expect(leaks).toEqual([]);
  });
});

describe('the public build', () => {
  /** Every output file as text: gzipped search files unpacked, the PDF through pdftotext. */
  function outputs(dir: string): Array<{ file: string; text: string }> {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const full = path.join(entry.parentPath, entry.name);
        let bytes = readFileSync(full);
        if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
        // The file-share index is gzip in base64 (src/search/file-index.ts).
        if (path.relative(dir, full) === path.join('search', 'index.js'))
          bytes = gunzipSync(Buffer.from(/"([^"]+)"/.exec(bytes.toString('utf8'))![1]!, 'base64'));
        const text = full.endsWith('.pdf') ? execFileSync('pdftotext', ['-enc', 'UTF-8', full, '-'], { encoding: 'utf8' }) : bytes.toString('utf8');
        return { file: path.relative(dir, full), text: text.normalize('NFKC').replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '') };
      });
  }

  // The BIA's own words (answers and the page's fixed text) and the exercise sheets' fixed text.
  const needles = () =>
    [
      ...example.bia!.processes.map((p) => p.name),
      ...example.bia!.systems.flatMap((s) => [s.fallback, s.reentry]),
      ...example.bia!.axes.flatMap((a) => Object.values(a.criteria)),
      '第1段階暫定の復旧',
      'バックアップの状況',
      '期待する対応',
      '話し合うこと',
      'ランサムウェアで業務の要のシステムが止まる',
    ]
      .filter((w): w is string => w !== undefined)
      .map((w) => w.normalize('NFKC').replace(/\s+/g, ''));

  it('has no scenario pages and no BIA part in the PDF', () => {
    for (const id of SCENARIOS) expect(existsSync(path.join(publicSite, exercisePage(id, 'facilitator')))).toBe(false);
    expect(elements(parsePage(path.join(publicSite, 'print.html'))).some((e) => e.properties.id === 'bia')).toBe(false);
  });

  it('shows none of the BIA or the exercises in any page, search index or the PDF', () => {
    const files = outputs(publicSite);
    expect(files.some((f) => f.file === 'plan.pdf')).toBe(true);
    expect(files.some((f) => f.file === 'search/index.js')).toBe(true);
    const found = files.flatMap(({ file, text }) =>
      needles()
        .filter((n) => text.includes(n))
        .map((n) => `${file}: ${n}`),
    );
    expect(found).toEqual([]);
  });

  it('finds every one of them in the internal build, so the search above can see them', () => {
    const files = outputs(exampleSite());
    const unseen = needles().filter((n) => !files.some(({ text }) => text.includes(n)));
    expect(unseen).toEqual([]);
  });
});
