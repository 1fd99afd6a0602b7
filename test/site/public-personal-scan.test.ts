/**
 * Staff details planted in a project (issue 21). In the plan's text, `bcp check` (and so
 * every build) stops first, at the line. Where check does not read (a page's own markup),
 * the public build finds them in its output and fails, touching no output, naming every
 * file and the contact field: the page, the print page, the PDF's text and the search
 * index. The internal build of the same project, where staff details belong, still builds.
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
/** A staff mobile in kanji numerals with middle dots, and a name in katakana. */
const PLANTED = '夜間は 〇九〇・〇〇〇〇・一二〇〇 に電話し、ナカムラ ミサキにも伝える。';

/** `file` of the project copy with `before` replaced by `after`, which must be there once. */
function plant(file: string, before: string, after: string) {
  const full = path.join(temp, file);
  const text = readFileSync(full, 'utf8');
  expect(text.split(before).length - 1, `${before} in ${file}`).toBe(1);
  writeFileSync(full, text.replace(before, after));
}

beforeAll(() => {
  for (const entry of ['content', 'src', 'plugins', 'public', 'answers', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(path.join(ROOT, entry), path.join(temp, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(temp, 'node_modules'));
  // The example company, with the reading of one name.
  const example = readFileSync(path.join(FIXTURES, 'answers', 'example.yaml'), 'utf8');
  writeFileSync(answersFile, example.replace('    person: 中村 美咲\n', '    person: 中村 美咲\n    reading: なかむら みさき\n'));
});

const MOBILE = '連絡先の「090-0000-1200」（contacts[id=general-affairs「総務課」].mobile）';
const READING = '氏名の読み「なかむら みさき」（contacts[id=security-officer「情報システム担当（総務課）」].reading）';

describe('staff details planted in a project', () => {
  it('in the plan text: check stops the public build first, at the line', async () => {
    const page = path.join('content', 'plan', '05-communication.mdx');
    const original = readFileSync(path.join(temp, page), 'utf8');
    plant(page, '### 5.2 外部への連絡', `${PLANTED}\n\n### 5.2 外部への連絡`);
    try {
      const lines: string[] = [];
      const out = path.join(temp, 'site-public-1');
      expect(await runBuild({ answersFile, outDir: out, cwd: temp, public: true, pdf: false, log: (line) => lines.push(line) })).toBe(1);
      const line = original.split('\n').indexOf('### 5.2 外部への連絡') + 1;
      expect(lines.filter((l) => l.endsWith('personal-data-in-content'))).toEqual([
        expect.stringMatching(new RegExp(`^content/plan/05-communication\\.mdx:${line}:1  エラー  本文に `)),
      ]);
      expect(lines.join('\n')).toContain(`${READING}、${MOBILE}`);
      expect(existsSync(out)).toBe(false);
    } finally {
      writeFileSync(path.join(temp, page), original);
    }
  });

  it("in a page's markup: the public build finds them in every output file, names each, and writes no output", async () => {
    plant(path.join('src', 'pages', 'plan.astro'), '<UpkeepDue variant="alert" />', `<UpkeepDue variant="alert" />\n  <p>${PLANTED}</p>`);
    plant(path.join('src', 'pages', 'print.astro'), '<Cover />', `<Cover />\n    <p>${PLANTED}</p>`);
    const out = path.join(temp, 'site-public-2');
    const lines: string[] = [];
    expect(await runBuild({ answersFile, outDir: out, cwd: temp, public: true, log: (line) => lines.push(line) })).toBe(1);
    const hits = lines.filter((line) => line.endsWith('personal-data-in-output'));
    const files = hits.map((line) => line.split(':')[0]!.replace(`${out}${path.sep}`, '')).sort();
    expect(files).toEqual(expect.arrayContaining(['plan.html', 'plan.pdf', 'print.html']));
    expect(
      files.some((file) => file.startsWith('search')),
      files.join(', '),
    ).toBe(true);
    for (const line of hits) expect(line).toContain(`${READING}、${MOBILE}`);
    expect(lines.join('\n')).toContain('サイトは更新しませんでした。');
    expect(existsSync(out)).toBe(false);

    // The internal site of the same project builds: staff details belong there.
    const internal = path.join(temp, 'site-internal');
    const log: string[] = [];
    expect(await runBuild({ answersFile, outDir: internal, cwd: temp, pdf: false, log: (line) => log.push(line) }), log.join('\n')).toBe(0);
    expect(readFileSync(path.join(internal, 'plan.html'), 'utf8')).toContain('〇九〇・〇〇〇〇・一二〇〇');
  });
});
