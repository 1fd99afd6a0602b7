/**
 * `bcp build --public` publishes only what the allowlist (src/answers/visibility.ts) lets
 * through. Over every file of the public build — pages, the search index, the PDF
 * text — there is no staff detail in any
 * notation, no threat finding, no per-entry result and no internal free text; pages that
 * are not on the list (added later by anyone) are not emitted and nothing links to them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.ts';
import { MASK, confidentialValues, maskAnswers, personalValues } from '../../src/answers/mask.ts';
import { normalizeText, phoneDigits, phoneNumbersIn } from '../../src/answers/rules/personal-data.ts';
import { isPublicFile } from '../../src/answers/visibility.ts';
import { applyPublicAllowlist, dropInternalPrintParts } from '../../src/build/public-allowlist.ts';
import { exampleSite, testSite } from '../site-helpers.ts';
import { FIXTURES } from '../helpers.ts';

const ANSWERS = path.join(FIXTURES, 'answers', 'example.yaml');
const answers = loadAnswersFile(ANSWERS).answers!;
// `bcp build --public --today 2027-08-01` (test/global-setup.ts): a day when education, drill
// and audit are overdue, which the public build must still say nothing of.
const publicDir = testSite('public').dir;
const temp = mkdtempSync(path.join(tmpdir(), 'bcp-public-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The text of every file of a built folder: gzipped index files unpacked, the PDF through pdftotext; normalised. */
function outputTexts(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const file = path.relative(dir, full).split(path.sep).join('/');
      let bytes = readFileSync(full);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      // The file-share index is gzip in base64 (src/search/file-index.ts).
      if (file === 'search/index.js') bytes = gunzipSync(Buffer.from(/"([^"]+)"/.exec(bytes.toString('utf8'))![1]!, 'base64'));
      const text = file.endsWith('.pdf') ? execFileSync('pdftotext', ['-enc', 'UTF-8', full, '-'], { encoding: 'utf8' }) : bytes.toString('utf8');
      return { file, text: normalizeText(text) };
    });
}

/** `file: value` for each of `values` found (normalised, and URL-encoded for addresses). */
function found(dir: string, values: readonly string[]): string[] {
  const texts = outputTexts(dir);
  return texts.flatMap(({ file, text }) =>
    values
      .filter((value) => [normalizeText(value), normalizeText(encodeURIComponent(value))].some((n) => text.includes(n)))
      .map((value) => `${file}: ${value}`),
  );
}

describe('the public answers', () => {
  it('keep the allowlisted fields, mask other text and leave out the assessment, upkeep and waivers', () => {
    const shown = maskAnswers(answers);
    expect(shown.threats).toBeUndefined();
    expect(shown.upkeep).toBeUndefined();
    expect(shown.slots).toEqual(answers.slots);
    expect(shown.company).toEqual(answers.company);
    expect(shown.contacts[0]).toEqual({
      id: 'security-officer',
      role: '情報システム担当（総務課）',
      deputy: 'general-affairs',
      person: MASK,
      phone: MASK,
      mobile: MASK,
      email: MASK,
    });
    expect(shown.contacts[4]).toEqual({ ...answers.contacts[4], note: MASK });
    expect(shown.revisions.map((r) => r.summary)).toEqual([MASK, MASK]);
    expect(shown.revisions.map((r) => r.approvedBy)).toEqual(['代表取締役', '代表取締役']);
  });

  it('name as confidential every staff detail, finding, note, summary and upkeep date', () => {
    const values = confidentialValues(answers);
    expect(values).toEqual(expect.arrayContaining([...personalValues(answers), '2026-06-19', '保守契約あり。初動の助言は無償、現地対応は契約の単価による。']));
    expect(values).toContain('誰が置いて管理しているのか分からない無線 AP が工場内にある');
    expect(values).toContain('ひな形 1.0 をもとに初版を制定');
    // A revision date is public even where an upkeep date equals it.
    expect(values).not.toContain('2026-10-01');
  });
});

describe('the public build', () => {
  it('emits only allowlisted files', () => {
    const files = outputTexts(publicDir).map((f) => f.file);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'contacts.html', 'plan.html', 'plan.pdf', 'threats/09.html', 'upkeep.js']));
    expect(files.filter((file) => !isPublicFile(file))).toEqual([]);
    // The internal pages by name: BIA, exercises, the guideline self-assessment and its CSV.
    for (const internal of ['bia.html', 'exercises.html', 'guidelines/automotive.html', 'guidelines/automotive.csv']) expect(files).not.toContain(internal);
    expect(existsSync(path.join(exampleSite(), 'guidelines', 'automotive.csv'))).toBe(true);
  });

  it('contains no confidential value in any file: HTML, both search indexes, the PDF', () => {
    const texts = outputTexts(publicDir);
    expect(texts.some((f) => f.file === 'search/index.js')).toBe(true);
    // 'BAD' is a word of the assessment scale, explained in the handbook; per-entry results are checked below.
    // Single characters (the BIA's 高・中・低) occur in any Japanese text; longer values identify the company.
    const values = confidentialValues(answers).filter((value) => value !== 'BAD' && [...value].length > 1);
    expect(values.length).toBeGreaterThan(25);
    expect(found(publicDir, values)).toEqual([]);
  });

  it('contains no staff phone number in any notation and no staff family name', () => {
    const phones = new Set(personalValues(answers).flatMap((v) => phoneDigits(v) ?? []));
    expect(phones.size).toBe(9);
    const hits = outputTexts(publicDir).flatMap(({ file, text }) => [
      ...phoneNumbersIn(text)
        .filter((p) => phones.has(p.digits))
        .map((p) => `${file}: ${p.written}`),
      ...['中村', '松本', '岡田', '由紀'].filter((name) => text.includes(name)).map((name) => `${file}: ${name}`),
    ]);
    expect(hits).toEqual([]);
  });

  it('shows no per-entry result, no list of entries to close first and no upkeep status', () => {
    for (const { file, text } of outputTexts(publicDir).filter((f) => f.file.endsWith('.html') || f.file.endsWith('.pdf'))) {
      expect(text, file).not.toMatch(/[1-4]（(?:やや)?(?:大きい|小さい)）|評価[1-4](?:大|やや大|やや小|小)|評価\?不明|当社の評価:|アセスメントの課題/);
      expect(text, file).not.toMatch(/class="[^"]*(?:risk-[1-4]|risk-bad|is-high|due-overdue)/);
      expect(text, file).not.toMatch(/data-high-risk="[^"]/);
      expect(text, file).not.toMatch(/期限切れ|期限を過ぎた|data-upkeep/);
    }
    const plan = readFileSync(path.join(publicDir, 'plan.html'), 'utf8');
    expect(plan).toContain('社内版にだけ載せている（公開版では表示しない）');
    expect(readFileSync(path.join(publicDir, 'threats', '09.html'), 'utf8')).toContain('公開版では表示しません（社内版に載せています）。');
  });

  it('while the same search finds the public desk of the outside firm in pages, indexes and the PDF', () => {
    const desk = found(publicDir, ['06-0000-9110', '緊急対応窓口（24時間受付）', 'support@minato-cyber.example']);
    expect(desk).toContain('contacts.html: 06-0000-9110');
    expect(desk).toContain('plan.pdf: 緊急対応窓口（24時間受付）');
    expect(desk).toContain('search/index.js: 緊急対応窓口（24時間受付）');
    expect(desk.some((f) => f.startsWith('search/') && f.endsWith(': support@minato-cyber.example'))).toBe(true);
  });

  it('says it is the public version, and what is internal, on the home and contacts pages', () => {
    const contacts = readFileSync(path.join(publicDir, 'contacts.html'), 'utf8');
    expect(contacts).toContain('これは公開版です。');
    expect(contacts).not.toContain('tel:非公開');
    expect(contacts).toContain('<a href="tel:0600009110">06-0000-9110</a>');
    const home = readFileSync(path.join(publicDir, 'index.html'), 'utf8').replace(/<[^>]+>/g, '');
    expect(home).toContain('これは公開版です。');
    expect(home).toContain('社内版と公開版');
    expect(home).toContain('社内版だけに載るもの');
  });

  it('links only to files it contains', () => {
    const files = new Set(outputTexts(publicDir).map((f) => f.file));
    const broken = [...files]
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) =>
        [...readFileSync(path.join(publicDir, file), 'utf8').matchAll(/\shref="([^"#?]+)/g)]
          .map((m) => m[1]!)
          .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href))
          .map((href) => path.posix.normalize(path.posix.join(path.posix.dirname(file), decodeURIComponent(href))))
          .filter((target) => !files.has(target) && !files.has(`${target.replace(/\/$/, '')}/index.html`))
          .map((target) => `${file} → ${target}`),
      );
    expect(broken).toEqual([]);
  });
});

describe('applyPublicAllowlist', () => {
  const site = path.join(temp, 'staged');
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    writeFileSync(path.join(site, file), text);
  };

  it('removes pages nobody allowlisted (added later by anyone) and unlinks them', async () => {
    write(
      'index.html',
      '<nav><a href="plan.html">計画</a><a class="x" href="bia.html">事業影響度分析</a></nav><a href=\'exercises/2026-drill.html#r\'>訓練記録</a>',
    );
    write('plan.html', '<a href="guideline.csv">対応表（CSV）</a> <a href="https://example.com/bia.html">外部</a>');
    write('bia.html', '<p>停止で失う売上</p>');
    write('exercises/2026-drill.html', '<p>訓練で見つかった弱点</p>');
    write('guideline.csv', 'No,評価\n1,未対応\n');
    write('threats/01.html', '<p>入口</p>');
    const removed = await applyPublicAllowlist(site);
    expect(removed.sort()).toEqual(['bia.html', 'exercises/2026-drill.html', 'guideline.csv']);
    expect(readdirSync(site, { recursive: true }).map(String).sort()).toEqual(['index.html', 'plan.html', 'threats', path.join('threats', '01.html')]);
    expect(readFileSync(path.join(site, 'index.html'), 'utf8')).toBe(
      '<nav><a href="plan.html">計画</a><span class="internal-only">事業影響度分析</span></nav><span class="internal-only">訓練記録</span>',
    );
    expect(readFileSync(path.join(site, 'plan.html'), 'utf8')).toBe(
      '<span class="internal-only">対応表（CSV）</span> <a href="https://example.com/bia.html">外部</a>',
    );
  });

  it('cuts the print parts of pages that are not public out of print.html, with their contents entries', async () => {
    const print = [
      '<body><ol class="toc"><li class="toc-1"><a href="#plan-1">1. 計画</a></li><li class="toc-1"><a href="#bia">事業影響度分析</a></li></ol>',
      '<section id="plan-1" data-print-of="plan.html"><h2>計画</h2></section>',
      '<section class="print-part" id="bia" data-print-of="bia.html"><h2 id="bia-top">事業影響度分析</h2><p>受注停止1日で800万円</p></section>',
      '<table><tr id="threat-1" data-print-of="threats/01.html"><td>1</td></tr></table></body>',
    ].join('\n');
    write('print.html', print);
    await applyPublicAllowlist(site);
    expect(readFileSync(path.join(site, 'print.html'), 'utf8')).toBe(
      [
        '<body><ol class="toc"><li class="toc-1"><a href="#plan-1">1. 計画</a></li></ol>',
        '<section id="plan-1" data-print-of="plan.html"><h2>計画</h2></section>',
        '',
        '<table><tr id="threat-1" data-print-of="threats/01.html"><td>1</td></tr></table></body>',
      ].join('\n'),
    );
  });

  it("leaves the public build's print page as Astro wrote it", () => {
    const html = readFileSync(path.join(publicDir, 'print.html'), 'utf8');
    expect(html).toContain('data-print-of="threats.html"');
    expect(dropInternalPrintParts(html)).toBe(html);
  });

  it.each([
    ['index.html', true],
    ['handbook/why-cyber-bcp.html', true],
    ['search/index.js', true],
    ['search/engine.js', true],
    ['pagefind/pagefind.js', true],
    ['_astro/site.css', true],
    ['bia.html', false],
    ['exercises/index.html', false],
    ['guidelines/automotive.html', false],
    ['guidelines/automotive.csv', false],
    ['handbook/deep/page.html', false],
    ['threats/09.csv', false],
  ])('%s public: %s', (file, expected) => {
    expect(isPublicFile(file)).toBe(expected);
  });
});
