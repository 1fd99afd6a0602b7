/**
 * A public build with staff details planted where `bcp check` does not read personal data
 * (the plan's own text) fails, touches no output, and names every file and the contact
 * field (issue 21): the page, the print page, the search index and the PDF's text. The same
 * project builds its internal site, where staff details belong.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/build/build.ts';
import { FIXTURES, ROOT } from '../helpers.ts';

const temp = mkdtempSync(path.join(tmpdir(), 'bcp-leak-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const answersFile = path.join(temp, 'answers', 'leak.yaml');
const PAGE = path.join(temp, 'content', 'plan', '05-communication.mdx');

beforeAll(() => {
  for (const entry of ['content', 'src', 'plugins', 'public', 'answers', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(path.join(ROOT, entry), path.join(temp, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(temp, 'node_modules'));
  // The example company, with the reading of one name.
  const example = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8');
  writeFileSync(answersFile, example.replace('    person: 中村 美咲\n', '    person: 中村 美咲\n    reading: なかむら みさき\n'));
  // A staff mobile in kanji numerals with a middle dot, and a name in katakana: in the plan's text.
  const page = readFileSync(PAGE, 'utf8');
  writeFileSync(PAGE, page.replace('### 5.2 外部への連絡', '夜間は 〇九〇・〇〇〇〇・一二〇〇 に電話し、ナカムラ ミサキにも伝える。\n\n### 5.2 外部への連絡'));
});

describe('a public build with planted staff details', () => {
  it('fails, names each file with the contact field, and writes no output', async () => {
    const out = path.join(temp, 'site-public');
    const lines: string[] = [];
    expect(await runBuild({ answersFile, outDir: out, cwd: temp, public: true, log: (line) => lines.push(line) })).toBe(1);
    const log = lines.join('\n');
    const hits = lines.filter((line) => line.endsWith('personal-data-in-output'));
    const files = hits.map((line) => line.split(':')[0]!.replace(`${out}${path.sep}`, '')).sort();
    // The page, the print page the PDF is printed from, the PDF's text and the search index.
    expect(files).toEqual(expect.arrayContaining(['plan.html', 'plan.pdf', 'print.html']));
    expect(
      files.some((file) => file.startsWith('search')),
      files.join(', '),
    ).toBe(true);
    for (const line of hits.filter((l) => /plan\.html|print\.html/.test(l))) {
      expect(line).toContain('連絡先の「090-0000-1200」（contacts[id=general-affairs「総務課」].mobile）');
      expect(line).toContain('氏名の読み「なかむら みさき」（contacts[id=security-officer「情報システム担当（総務課）」].reading）');
    }
    expect(log).toContain('サイトは更新しませんでした。');
    expect(existsSync(out)).toBe(false);
  });

  it('still builds the internal site of the same project', async () => {
    const out = path.join(temp, 'site-internal');
    const lines: string[] = [];
    expect(await runBuild({ answersFile, outDir: out, cwd: temp, pdf: false, log: (line) => lines.push(line) }), lines.join('\n')).toBe(0);
    expect(readFileSync(path.join(out, 'plan.html'), 'utf8')).toContain('〇九〇・〇〇〇〇・一二〇〇');
  });
});
