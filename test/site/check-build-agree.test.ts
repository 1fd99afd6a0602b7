/**
 * `bcp check` and `bcp build` agree (issue 21), on a copy of the project with content
 * written to test them: escaped markers build as the text the author wrote, a slot in a
 * one-line JSX element is resolved, and what the build would reject (a slot in an
 * autolinked URL) the check rejects first, at the same place, and the build stops on it.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, bcp } from '../helpers.ts';

const CHAPTER = path.join('content', 'handbook', 'why-cyber-bcp.mdx');
let project: string;
let original: string;

beforeAll(() => {
  project = mkdtempSync(path.join(tmpdir(), 'bcp-agree-'));
  for (const entry of ['content', 'src', 'plugins', 'public', 'answers', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(path.join(ROOT, entry), path.join(project, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
  writeFileSync(path.join(project, 'answers', 'answers.yaml'), readFileSync(path.join(FIXTURES, 'answers', 'example.yaml')));
  original = readFileSync(path.join(project, CHAPTER), 'utf8');
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('check and build agree', () => {
  it('builds escaped markers as text and resolves a slot in a one-line JSX element', { timeout: 240_000 }, async () => {
    appendFileSync(path.join(project, CHAPTER), '\nエスケープ: \\#3#担当\\#3# と &#35;7#二時間&#35;7# はただの文字。\n\n<div>#3#担当#3#</div>\n');
    const check = await bcp(['check'], { cwd: project });
    expect(check.code, check.stderr).toBe(0);
    const build = await bcp(['build', '--no-pdf', '--out', 'out'], { cwd: project });
    expect(build.code, build.stderr).toBe(0);
    const html = readFileSync(path.join(project, 'out', 'handbook', 'why-cyber-bcp.html'), 'utf8');
    expect(html).toContain(
      'エスケープ: <span data-slot="literal">#3#</span>担当<span data-slot="literal">#3#</span> と <span data-slot="literal">#7#</span>二時間<span data-slot="literal">#7#</span> はただの文字。',
    );
    expect(html).toMatch(/<div><span class="answer" data-answer="3">\s*情報システム担当（総務課）\s*<\/span><\/div>/);
  });

  it('rejects a slot in an autolinked URL in check first, at the line the build would stop on', { timeout: 240_000 }, async () => {
    const text = `${original}\n自動リンク: https://example.com/#3#x#3#\n`;
    writeFileSync(path.join(project, CHAPTER), text);
    const line = lineOf(text, '自動リンク:');
    const check = await bcp(['check'], { cwd: project });
    expect(check.code).toBe(1);
    const place = `${CHAPTER.split(path.sep).join('/')}:${line}:`;
    expect(check.stderr.split('\n').filter((l) => l.includes('  エラー  '))).toEqual([
      expect.stringMatching(
        new RegExp(`^${place.replace(/[.]/g, '\\.')}\\d+  エラー  自動リンクの URL（リンク先）に枠記号 \`#3#\` があります。.*  slot-in-attribute$`),
      ),
    ]);
    // The build runs the same check first, so it stops with the same message and writes nothing.
    const build = await bcp(['build', '--no-pdf', '--out', 'out2'], { cwd: project });
    expect(build.code).not.toBe(0);
    expect(build.stderr).toContain(`${place}`);
    expect(build.stderr).toContain('slot-in-attribute');
  });
});
