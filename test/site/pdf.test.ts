/**
 * The binder PDF, read the way a person or a tool would: pdftotext for the words and
 * the pages they are on, pdfinfo and pdffonts for the file, qpdf for bookmarks and links.
 * The example's shared build (with its PDF) serves every test here; the numbers are checked against
 * the PDF itself, never against what the PDF step believes it printed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.ts';
import type { Answers } from '../../src/answers/schema.ts';
import { currentRevision, slotValues } from '../../src/answers/values.ts';
import { buildSite } from '../../src/build/build.ts';
import { printPlanPdf } from '../../src/pdf/print.ts';
import { scanMarkers } from '../../src/slots/syntax.ts';
import { FIXTURES, ROOT, bcp } from '../helpers.ts';
import { elements, parsePage, testSite, textContent, readOutline, type OutlineItem } from '../site-helpers.ts';

const ANSWERS = path.join(FIXTURES, 'answers', 'example.yaml');

let tmp: string;
let site: string;
let pdfFile: string;
let answers: Answers;
/** Per page, as laid out (`pdftotext -layout`): lines as they stand on the paper. */
let pages: string[];
/** Per page, in reading order (plain `pdftotext`): table cells and wrapped lines come out whole. */
let textPages: string[];
let outline: OutlineItem[];
let buildLog: string[];

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
/** Whitespace-free text: pdftotext breaks lines where the layout wrapped them. */
const squash = (text: string) => text.replace(/\s+/g, '');
/** Lines of a page without the running header (first line) and footer (last line). */
function bodyLines(page: string): string[] {
  const lines = page.split('\n').filter((l) => l.trim() !== '');
  return lines.slice(1, -1).map((l) => l.trim());
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'bcp-pdf-test-'));
  ({ dir: site, log: buildLog } = testSite('example'));
  pdfFile = path.join(site, 'plan.pdf');
  answers = loadAnswersFile(ANSWERS, { cwd: ROOT }).answers!;
  pages = run('pdftotext', ['-layout', pdfFile, '-']).split('\f').slice(0, -1);
  textPages = run('pdftotext', [pdfFile, '-']).split('\f').slice(0, -1);
  outline = readOutline(pdfFile);
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the binder PDF', () => {
  it('is one A4 document whose page count pdfinfo and pdftotext agree on', () => {
    const info = run('pdfinfo', [pdfFile]);
    const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    expect(count).toBeGreaterThan(10);
    expect(pages).toHaveLength(count);
    expect(textPages).toHaveLength(count);
    const [, width, height] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info) ?? [];
    expect(Math.abs(Number(width) - 595.28)).toBeLessThan(1.5);
    expect(Math.abs(Number(height) - 841.89)).toBeLessThan(1.5);
    expect(info).toMatch(/^Tagged:\s+yes/m);
    expect(buildLog.some((line) => line.startsWith(`plan.pdf を作りました（${count} ページ`))).toBe(true);
  });

  it('takes its title and dates from the answers, not the clock', () => {
    const info = run('pdfinfo', ['-isodates', pdfFile]);
    const revision = currentRevision(answers);
    expect(info).toMatch(new RegExp(`^Title:\\s+${answers.company.name} ${answers.plan.title} 第${revision.version}版$`, 'm'));
    expect(info).toMatch(new RegExp(`^CreationDate:\\s+${revision.date}T00:00:00`, 'm'));
    expect(info).toMatch(new RegExp(`^ModDate:\\s+${revision.date}T00:00:00`, 'm'));
    expect(info).not.toMatch(/HeadlessChrome/);
  });

  it('has a cover with company, plan name, version, date and the confidentiality label', () => {
    const cover = squash(pages[0]!);
    const revision = currentRevision(answers);
    expect(cover).toContain(squash(answers.company.name));
    expect(cover).toContain(squash(answers.plan.title));
    expect(cover).toContain(`第${revision.version}版`);
    expect(cover).toContain('2026年10月1日');
    expect(cover).toContain(answers.plan.confidentiality);
    // The cover carries no running header or page number.
    expect(cover).not.toMatch(/\d+\/\d+/);
  });

  it('puts the emergency contacts by page 4, each contact whole on one page', () => {
    const contacts = outline.find((o) => o.title === '緊急連絡先');
    expect(contacts?.page).toBeLessThanOrEqual(4);
    for (const contact of answers.contacts) {
      const number = contact.mobile ?? contact.phone ?? contact.email!;
      const where = textPages.findIndex((p) => p.includes(number));
      expect(where + 1, contact.id).toBeGreaterThanOrEqual(1);
      expect(where + 1, contact.id).toBeLessThanOrEqual(4);
      // Rows are not split: the role sits on the same page as the number.
      expect(squash(textPages[where]!), contact.id).toContain(squash(contact.role));
    }
  });

  it('prints every page after the cover with the running header and "n / total" footer', () => {
    const revision = currentRevision(answers);
    pages.forEach((page, index) => {
      if (index === 0) return;
      const lines = page.split('\n').filter((l) => l.trim() !== '');
      expect(squash(lines[0]!), `page ${index + 1} header`).toBe(
        squash(`${answers.company.name} ${answers.plan.title} 第${revision.version}版（${revision.date}）`),
      );
      expect(squash(lines.at(-1)!), `page ${index + 1} footer`).toBe(`${index + 1}/${pages.length}${answers.plan.confidentiality}`);
    });
  });

  it('has a table of contents whose every page number is the page its heading is on', () => {
    const tocPage = outline.find((o) => o.title === '目次')!.page;
    const firstChapter = outline.find((o) => o.title.startsWith('1. '))!.page;
    const entries = pages
      .slice(tocPage - 1, firstChapter - 1)
      .flatMap(bodyLines)
      .map((line) => /^(.+?)\s{2,}(\d+)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ title: m[1]!.trim(), page: Number(m[2]) }));
    expect(entries.length).toBeGreaterThan(20);
    for (const title of [
      '緊急連絡先',
      '改訂履歴',
      '1. はじめに',
      '3.1 発見・通報',
      '対応チェックリスト',
      '備えのチェックリスト',
      '年間の点検チェックリスト',
      '脅威の入口と当社の評価',
      '用語集',
    ]) {
      expect(entries.map((e) => e.title)).toContain(title);
    }
    for (const entry of entries) {
      // The heading is on that page, as a line of its own…
      expect(bodyLines(pages[entry.page - 1]!).map(squash), `${entry.title} → ${entry.page}`).toContain(squash(entry.title));
      // …and the bookmark for it agrees.
      expect(outline.find((o) => o.title === entry.title)?.page, entry.title).toBe(entry.page);
    }
  });

  it('links each contents line to the page it names', () => {
    const tocPage = outline.find((o) => o.title === '目次')!.page;
    const numbers = bodyLines(pages[tocPage - 1]!)
      .map((line) => /\s{2,}(\d+)$/.exec(line)?.[1])
      .filter((n) => n !== undefined)
      .map(Number);
    const { qpdf } = JSON.parse(run('qpdf', ['--json', '--json-key=qpdf', pdfFile])) as { qpdf: [unknown, Record<string, { value: Record<string, unknown> }>] };
    const objects = qpdf[1];
    const value = (ref: unknown) => (typeof ref === 'string' ? objects[`obj:${ref}`]?.value : ref) as Record<string, unknown>;
    const trailer = objects['trailer']!.value;
    const catalog = value(trailer['/Root']);
    const dests = value(catalog['/Dests']);
    const pageRefs = JSON.parse(run('qpdf', ['--json', '--json-key=pages', pdfFile])).pages.map((p: { object: string }) => p.object) as string[];
    const tocRef = pageRefs[tocPage - 1]!;
    const links = (value(tocRef)['/Annots'] as string[])
      .map((ref) => value(ref))
      .filter((a) => a['/Subtype'] === '/Link' && typeof a['/Dest'] === 'string')
      .sort((a, b) => (b['/Rect'] as number[])[1]! - (a['/Rect'] as number[])[1]!)
      .map((a) => pageRefs.indexOf((value(dests[a['/Dest'] as string]) as unknown as string[])[0]!) + 1);
    expect(numbers.length).toBeGreaterThan(10);
    expect(links).toEqual(numbers);
  });

  it('has bookmarks for the front matter, every chapter and the back parts, titled once', () => {
    // Under the binder's title, the cover's h1 (print.html has one h1, issue 21).
    expect(outline.filter((o) => o.depth === 0).map((o) => o.title)).toEqual(['サイバー対応 IT-BCP']);
    const top = outline.filter((o) => o.depth === 1).map((o) => o.title);
    expect(top).toEqual([
      '緊急連絡先',
      '改訂履歴',
      '目次',
      '1. はじめに',
      '2. 基本方針',
      '3. サイバー攻撃発生時の対応フロー',
      '4. 関係者と役割分担',
      '5. コミュニケーション計画',
      '6. 定期的な見直しと改善',
      '7. 法令遵守',
      '対応チェックリスト',
      '備えのチェックリスト',
      '年間の点検チェックリスト',
      '業務影響と復旧の順番',
      '脅威の入口と当社の評価',
      '用語集',
      '付録 机上訓練キット',
      '付録 自動車産業サイバーセキュリティガイドラインとの対応',
    ]);
    expect(outline.filter((o) => o.depth === 2).map((o) => o.title)).toContain('3.1 発見・通報');
  });

  it('starts each checklist on a new page', () => {
    for (const title of ['対応チェックリスト', '備えのチェックリスト', '年間の点検チェックリスト']) {
      const mark = outline.find((o) => o.title === title)!;
      expect(bodyLines(pages[mark.page - 1]!)[0], title).toBe(title);
    }
  });

  it('never ends a page with a heading of the plan, a checklist or the glossary', () => {
    // Every heading the print page has (h1–h6), as whitespace-free text.
    const headings = new Set(
      elements(parsePage(path.join(site, 'print.html')))
        .filter((e) => /^h[1-6]$/.test(e.tagName))
        .map((e) => squash(textContent(e)))
        .filter((text) => text !== ''),
    );
    expect(headings).toContain('④初期対応');
    expect(headings).toContain('対応チェックリスト');
    expect(headings).toContain('用語集');
    for (let page = 1; page <= pages.length; page++) {
      const lines = bodyLines(run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), pdfFile, '-']));
      // A heading that wrapped ends the page as its last two or three lines.
      for (const count of [1, 2, 3]) {
        const tail = squash(lines.slice(-count).join(''));
        expect(headings.has(tail), `page ${page} ends with the heading 「${lines.slice(-count).join(' ')}」`).toBe(false);
      }
    }
  });

  it('carries the company’s answers as extractable Japanese text and no slot marker', () => {
    const text = squash(textPages.join(''));
    for (const [id, value] of slotValues(answers)) expect(text, `slot ${id}`).toContain(squash(value));
    expect(text).toContain('サイバー攻撃発生時の対応フロー');
    expect(text).toContain(squash(answers.revisions[0]!.summary));
    expect(scanMarkers(textPages.join('\n')).markers).toEqual([]);
    expect(text).not.toMatch(/[#＃]\d+[#＃]/);
  });

  it('embeds only subsets of Noto Sans JP, no Type 3 or system font', () => {
    const rows = run('pdffonts', [pdfFile])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row, row).toMatch(/^[A-Z]{6}\+NotoSansJP\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes\s/);
    }
  });

  it('gives the same bytes when the same site is printed again', async () => {
    const again = path.join(tmp, 'again.pdf');
    const result = await printPlanPdf({ siteDir: site, outFile: again, cwd: ROOT });
    // Printed once for real: the layout probe found the numbers, and nothing moved.
    expect(result.passes).toBe(1);
    expect(readFileSync(again).equals(readFileSync(pdfFile))).toBe(true);
  });

  it('is linked from the home page; the print page is neither linked nor indexed', () => {
    const home = readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(home).toContain('href="plan.pdf"');
    expect(home).not.toContain('print.html');
    const print = readFileSync(path.join(site, 'print.html'), 'utf8');
    expect(print).toMatch(/<body[^>]*data-pagefind-ignore="all"/);
  });
});

describe('bcp pdf without a browser', () => {
  it('stops with a Japanese message and exit code 1 when PUPPETEER_EXECUTABLE_PATH points nowhere', async () => {
    const bogus = path.join(tmp, 'no-such-chromium');
    const result = await bcp(['pdf', '--site', site, '--out', path.join(tmp, 'never.pdf')], { env: { PUPPETEER_EXECUTABLE_PATH: bogus } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`PDF を作れませんでした: 環境変数 PUPPETEER_EXECUTABLE_PATH が指す \`${bogus}\` に、実行できるブラウザがありません。`);
    expect(existsSync(path.join(tmp, 'never.pdf'))).toBe(false);
  });

  it('fails `bcp build` and leaves no site behind', async () => {
    const out = path.join(tmp, 'no-browser-site');
    const lines: string[] = [];
    const saved = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = path.join(tmp, 'no-such-chromium');
    try {
      expect(await buildSite({ answersFile: ANSWERS, outDir: out, cwd: ROOT, log: (line) => lines.push(line) })).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = saved;
    }
    expect(lines.join('\n')).toMatch(/plan\.pdf:1:1  エラー  環境変数 PUPPETEER_EXECUTABLE_PATH が指す .*  browser-env-invalid/);
    expect(existsSync(out)).toBe(false);
  });
});
