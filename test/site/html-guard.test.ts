/**
 * The HTML guard: markers left in text and in attributes fail the build, shown slot
 * syntax (code, data-slot) and answers (data-answer) pass, and every finding is
 * reported at the source a person can edit, never at the deleted staging copy.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { guardHtml, guardSite } from '../../src/build/html-guard.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { exampleSite } from '../site-helpers.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bcp-guard-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const HINT =
  '本文の枠が解決されていないか、ページのテンプレートが枠記号を出力しています。意図して見せる場合は <code> か data-slot 属性を持つ要素の中に置いてください。';
const left = (where: string, raw: string) => `  エラー  生成した HTML${where}に枠記号 \`${raw}\` が残っています。${HINT}  marker-in-output`;

describe('guardHtml', () => {
  it('finds markers in text and in every attribute, and lets shown syntax and answers through', () => {
    const html = [
      '<!doctype html><html><head><title>計画</title></head><body>',
      '<p>本文 #3#担当#3#</p>',
      '<a href="https://example.com/#7#">x</a><img src="a.png" alt="#1#担当#1#">',
      '<div data-note="#14#総務#14#" title="C#7 と issue #12 はただの文字"></div>',
      '<code>#3#見本#3#</code><mark data-slot="3" data-question="#3# 質問" aria-label="#3# 見本">#3#</mark>',
      '<span data-answer title="#3#x#3#">#3#x#3#</span>',
      // An attribute that repeats an answer shown on the page is that answer's text.
      '<p><span data-answer>生産管理サーバ #7#x#7#</span><input aria-label="メモ: 生産管理サーバ #7#x#7#"></p>',
      '</body></html>',
    ].join('\n');
    expect(guardHtml(html, 'plan.html').map(formatProblem)).toEqual([
      `plan.html:2:7${left('（plan.html）', '#3#')}`,
      `plan.html:2:12${left('（plan.html）', '#3#')}`,
      `plan.html:3:1${left('（plan.html） の href 属性', '#7#')}`,
      `plan.html:3:40${left('（plan.html） の alt 属性', '#1#')}`,
      `plan.html:3:40${left('（plan.html） の alt 属性', '#1#')}`,
      `plan.html:4:1${left('（plan.html） の data-note 属性', '#14#')}`,
      `plan.html:4:1${left('（plan.html） の data-note 属性', '#14#')}`,
    ]);
  });
});

describe('guardSite', () => {
  it('reports each marker at the source line with the same text around it', async () => {
    const root = folder({
      'content/plan/01-a.mdx': '---\ntitle: a\n---\n\n別の文 #3#担当#3# の例。\n',
      'content/plan/02-b.mdx': '---\ntitle: b\n---\n\n連絡は <Link href="/x#7#">窓口</Link> へ。\n\n報告先は #3#担当#3# です。\n',
      'src/pages/contacts.astro': '---\n---\n<p>連絡先</p>\n',
    });
    const site = folder({
      'plan.html': '<p>報告先は #3#担当#3# です。</p>\n<p>連絡は <a href="/x#7#">窓口</a> へ。</p>',
      'contacts.html': '<p>どこにもない #9#文#9#</p>',
      'glossary.html': '<p>テンプレートのない #9#文#9#</p>',
    });
    const problems = await guardSite(site, 'dist', root);
    expect(problems.map(formatProblem).sort()).toEqual(
      [
        // The same marker is in two files: the one with the same words around it wins.
        `content/plan/02-b.mdx:7:6${left('（plan.html）', '#3#')}`,
        `content/plan/02-b.mdx:7:11${left('（plan.html）', '#3#')}`,
        `content/plan/02-b.mdx:5:19${left('（plan.html） の href 属性', '#7#')}`,
        // Not in any source: the page's template, else the templates' folder (never the deleted output).
        `src/pages/contacts.astro:1:1${left('（contacts.html）', '#9#')}`,
        `src/pages/contacts.astro:1:1${left('（contacts.html）', '#9#')}`,
        `src/pages:1:1${left('（glossary.html）', '#9#')}`,
        `src/pages:1:1${left('（glossary.html）', '#9#')}`,
      ].sort(),
    );
  });

  it('passes the example site, attributes included', async () => {
    expect(await guardSite(exampleSite())).toEqual([]);
  });
});
