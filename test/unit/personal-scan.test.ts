/**
 * The public build's scan of its own output for staff details (issue 21), over a made-up
 * site folder: each file type and encoding a detail can hide in. The real build, with the
 * PDF, is in test/site/public-personal-scan.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAnswersFile } from '../../src/answers/load.ts';
import { decodedText, scanPublicSite } from '../../src/build/personal-scan.ts';
import { FIXTURES } from '../helpers.ts';

const answers = loadAnswersFile(path.join(FIXTURES, 'answers', 'example.yaml')).answers!;
const temp = mkdtempSync(path.join(tmpdir(), 'bcp-scan-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
let sites = 0;

function site(files: Record<string, string | Buffer>): string {
  const dir = path.join(temp, `s${++sites}`);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const MOBILE_3 = '連絡先の「090-0000-1200」（contacts[id=general-affairs「総務課」].mobile）';
const NAME_3 = '氏名「森 由紀」（contacts[id=general-affairs「総務課」].person）';

describe('decoding', () => {
  it('reads entities, \\u escapes and %-escapes', () => {
    expect(decodedText('&#x39;&#48;&amp; \\u4e2d\\u6751 %E6%A3%AE')).toBe('90& 中村 森');
  });
});

describe('scanPublicSite', () => {
  it('passes a site with only the public desk and generic text', async () => {
    const dir = site({ 'index.html': '<p>窓口 06-0000-9110 support@minato-cyber.example</p><p>青森（本社）</p>', 'favicon.ico': Buffer.from([0, 1, 2]) });
    expect(await scanPublicSite(dir, answers, 'public')).toEqual([]);
  });

  it.each([
    ['a page with the number split by tags', 'plan.html', '<p>夜間 090-<b>0000</b>-1200</p>', [MOBILE_3]],
    ['a page with entity digits in an attribute', 'contacts.html', '<a href="tel:&#x30;90&#45;0000&#45;1200">電話</a>', [MOBILE_3]],
    ['a script with \\u escapes', 'search.js', 'const s = "\\u68ee\\uff08\\u7dcf\\u52d9\\u8ab2\\uff09 〇九〇〇〇〇〇一二〇〇";', [NAME_3, MOBILE_3]],
    [
      'a %-encoded mail link',
      'print.html',
      '<a href="mailto:soumu%40kamome-seiko.example">x</a>',
      ['連絡先の「soumu@kamome-seiko.example」（contacts[id=general-affairs「総務課」].email）'],
    ],
  ])('finds %s', async (_case, file, content, hits) => {
    const dir = site({ [file]: content });
    const problems = await scanPublicSite(dir, answers, 'public');
    expect(problems.map((p) => [p.file, p.ruleId, p.severity])).toEqual([[path.join('public', file), 'personal-data-in-output', 'error']]);
    expect(problems[0]!.message).toContain(`公開版の ${path.join('public', file)} に ${hits.join('、')} が出ています`);
  });

  it('unpacks the gzipped search index, and names each file with all its hits', async () => {
    const index = gzipSync(JSON.stringify({ docs: [{ text: '岡田社長 81-90-0000-1000' }] }));
    const dir = site({ 'search/index.json.gz': index, 'a.html': '中村 美咲', 'b.html': 'なし' });
    const problems = await scanPublicSite(dir, answers, 'out');
    expect(problems.map((p) => p.file)).toEqual([path.join('out', 'a.html'), path.join('out', 'search', 'index.json.gz')]);
    expect(problems[1]!.message).toContain(
      '氏名「岡田 浩二」（contacts[id=president「代表取締役」].person）、連絡先の「090-0000-1000」（contacts[id=president「代表取締役」].mobile）',
    );
  });
});
