/**
 * `bcp build --public`: no confidential answer (a staff member's name, phone, mobile or
 * email) appears anywhere in the output — pages, the search index, the PDF text. The same search does find the outside
 * firm's desk, which the answers mark public, in each of those files: it can see them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../src/answers/load.ts';
import { MASK, confidentialValues } from '../src/answers/mask.ts';
import { buildSite } from '../src/build/build.ts';
import { FIXTURES, ROOT } from './helpers.ts';

const ANSWERS = path.join(FIXTURES, 'answers', 'example.yaml');
const answers = loadAnswersFile(ANSWERS).answers!;
const publicDir = path.join(mkdtempSync(path.join(tmpdir(), 'bcp-public-')), 'site');

/** Zero-width and other spaces the search index puts between words, so 「中村 美咲」 is found as 中村美咲. */
const squash = (text: string) => text.normalize('NFKC').replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, '');

/** Each confidential value in the forms it can take in output: as written, squashed, as a tel: link, URL-encoded. */
function needles(value: string): string[] {
  const forms = [squash(value)];
  if (/^[+\d-]+$/.test(value)) forms.push(value.replace(/-/g, ''));
  if (value.includes('@')) forms.push(squash(encodeURIComponent(value)));
  return [...new Set(forms)];
}

/** The text of every file of a built folder: gzipped index files unpacked, the PDF through pdftotext. */
function outputTexts(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = path.join(entry.parentPath, entry.name);
      const file = path.relative(dir, full);
      let bytes = readFileSync(full);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      const text = file.endsWith('.pdf') ? execFileSync('pdftotext', ['-enc', 'UTF-8', full, '-'], { encoding: 'utf8' }) : bytes.toString('utf8');
      return { file, text: squash(text) };
    });
}

/** `file: value` for each of `values` found in a folder. */
function found(dir: string, values: readonly string[]): string[] {
  return outputTexts(dir).flatMap(({ file, text }) => values.filter((value) => needles(value).some((n) => text.includes(n))).map((value) => `${file}: ${value}`));
}

beforeAll(async () => {
  const log: string[] = [];
  // Some weeks before education and the audit fall due, so the home page has due dates to show.
  expect(await buildSite({ answersFile: ANSWERS, outDir: publicDir, cwd: ROOT, public: true, today: '2027-02-20', log: (l) => log.push(l) }), log.join('\n')).toBe(true);
});

describe('the public build', () => {
  it('masks exactly the staff details the answers mark confidential', () => {
    expect(confidentialValues(answers)).toEqual([
      '中村 美咲',
      '松本 健一',
      '岡田 浩二',
      '森 由紀',
      '06-0000-1201',
      '06-0000-1100',
      '06-0000-1000',
      '06-0000-1200',
      '06-0000-7700',
      '090-0000-1201',
      '090-0000-1100',
      '090-0000-1000',
      '090-0000-1200',
      'it@kamome-seiko.example',
      'plant@kamome-seiko.example',
      'president@kamome-seiko.example',
      'soumu@kamome-seiko.example',
      'purchasing@yamato-parts.example',
    ]);
  });

  it('contains none of them in any file: HTML, search indexes, the PDF', () => {
    const files = outputTexts(publicDir).map((f) => f.file);
    expect(files).toEqual(expect.arrayContaining(['index.html', 'contacts.html', 'plan.html', 'plan.pdf']));
    expect(files).toContain('search/index.js');
    expect(found(publicDir, confidentialValues(answers))).toEqual([]);
  });

  it('while the same search finds the public desk of the outside firm in pages, indexes and the PDF', () => {
    const desk = found(publicDir, ['06-0000-9110', '緊急対応窓口（24時間受付）', 'support@minato-cyber.example']);
    expect(desk).toContain('contacts.html: 06-0000-9110');
    expect(desk).toContain('plan.pdf: 緊急対応窓口（24時間受付）');
    expect(desk).toContain('search/index.js: 緊急対応窓口（24時間受付）');
    expect(desk.some((f) => f.startsWith('search/') && f.endsWith(': support@minato-cyber.example'))).toBe(true);
  });

  it('shows 「非公開」 in their place, says so, and keeps the outside firm marked public', () => {
    const contacts = readFileSync(path.join(publicDir, 'contacts.html'), 'utf8');
    expect(contacts.split(MASK).length - 1).toBeGreaterThanOrEqual(18);
    expect(contacts).toContain('これは公開版です。');
    expect(contacts).not.toContain('tel:非公開');
    expect(contacts).toContain('<a href="tel:0600009110">06-0000-9110</a>');
    expect(contacts).toContain('support@minato-cyber.example');
    const plan = readFileSync(path.join(publicDir, 'plan.html'), 'utf8');
    expect(plan).toContain('06-0000-9110');
  });
});

describe('the home page', () => {
  it('shows the next due dates counted from the date the build checked with', () => {
    const text = (dir: string) =>
      readFileSync(path.join(dir, 'index.html'), 'utf8')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');
    const home = text(publicDir);
    expect(home).toContain('次の見直し・教育・訓練・監査');
    expect(home).toContain('2027-02-20 時点。');
    expect(home).toContain('従業員教育 年2回 2026-09-10 2027-03-10 あと18日');
    expect(home).toContain('内部監査 年1回以上 2026-03-16 2027-03-16 あと24日');
    expect(home).toContain('計画の見直し 年1回 2026-10-01 2027-10-01 あと223日');
  });
});
