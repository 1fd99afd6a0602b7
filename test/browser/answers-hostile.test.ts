/**
 * Answers are untrusted text. A build of test/fixtures/answers/hostile.yaml (HTML, a
 * script, MDX expressions, Markdown and a slot marker inside answers) must show every
 * one of them literally, run nothing, create no element and resolve no slot again,
 * checked in a real Chromium on every page of the site.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, testSite, type TestBrowser } from '../site-helpers.ts';

// Built by test/global-setup.ts from test/fixtures/answers/hostile.yaml.
const { dir: out, log } = testSite('hostile');
let browser: TestBrowser;

/** What each page must show as plain text, exactly as the answers file has it. */
const LITERAL = {
  'index.html': [
    '株式会社かもめ精工 <i>&amp;</i>',
    "<script>alert('industry')</script>精密部品の製造",
    '#3#x#3# を <i>改訂</i> {props.x} [リンク](javascript:alert(1))',
  ],
  'plan.html': ['<script>alert(1)</script> の警報が出て、', '{1+1} と **bold** と `code` の表示により', '#3#x#3#、<img src=x onerror=alert(1)>'],
  'contacts.html': ['<b>太字</b> {1+1} <!-- 注釈 --> #3#x#3#'],
  'template.html': ['UTM（インターネットとの境界装置）、#3#x#3#、<img src=x onerror=alert(1)>'],
};

beforeAll(async () => {
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
});

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('a build with hostile answers', () => {
  it('warns about each markup-like answer and still builds', () => {
    const warnings = log.filter((line) => line.endsWith('answer-markup'));
    expect(warnings.map((line) => /`([^`]+)`:/.exec(line)?.[1])).toEqual([
      'company.name',
      'company.industry',
      'slots.4',
      'slots.5',
      'slots.6[1]',
      'slots.6[2]',
      'contacts[id=outside-responder「外部専門家」].note',
      'revisions[1].summary',
    ]);
  });

  it('runs no script, creates no element and resolves no slot from an answer, on any page', async () => {
    const pages = htmlFiles(out);
    expect(pages).toEqual(expect.arrayContaining(Object.keys(LITERAL)));
    // Each page in a fresh tab, three tabs at a time.
    const visit = async (file: string) => {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(pathToFileURL(path.join(out, file)).href, { waitUntil: 'load' });
      const found = await page.evaluate(() => ({
        text: document.body.innerText.replace(/\s+/g, ' '),
        title: document.title,
        handlers: [...document.querySelectorAll('*')].flatMap((el) =>
          [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
        ),
        scripts: [...document.scripts].filter((s) => /alert\(/.test(s.textContent ?? '')).map((s) => ({ type: s.type, text: s.textContent ?? '' })),
        injected: [...document.querySelectorAll('i, b, strong, img, code')].filter(
          (el) => ['改訂', '太字', 'bold', '&amp;'].includes(el.textContent ?? '') || el.getAttribute('src') === 'x',
        ).length,
        javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      }));
      await page.close();
      return { file, dialogs, found };
    };
    const ownScripts = new Set(['checklist.js', 'checklist-tools.js'].map((name) => readFileSync(path.join(out, name), 'utf8')));
    const queue = [...pages];
    const visited: Array<Awaited<ReturnType<typeof visit>>> = [];
    const tab = async () => {
      for (let file = queue.shift(); file; file = queue.shift()) visited.push(await visit(file));
    };
    await Promise.all([tab(), tab(), tab()]);
    expect(visited.map((v) => v.file).sort()).toEqual(pages);
    for (const { file, dialogs, found } of visited) {
      expect(dialogs, file).toEqual([]);
      expect(found.handlers, file).toEqual([]);
      // The one-file offline edition (issue 23) carries the site's own scripts inline: those are not answers.
      const foreign = found.scripts.filter(
        (s) => !ownScripts.has(s.type === 'application/json' ? (JSON.parse(s.text) as string) : s.text.replaceAll('<\\/script', '</script')),
      );
      expect(foreign, file).toEqual([]);
      expect(found.injected, file).toBe(0);
      expect(found.javascriptLinks, file).toBe(0);
      // The company name is in every page's title, as typed.
      expect(found.title, file).toContain('株式会社かもめ精工 <i>&amp;</i>');
      for (const literal of LITERAL[file as keyof typeof LITERAL] ?? []) expect(found.text, `${file}: ${literal}`).toContain(literal);
    }
  });

  it('prints the answers literally in the PDF too', () => {
    const pdf = path.join(out, 'plan.pdf');
    expect(existsSync(pdf)).toBe(true);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('<script>alert(1)</script> の警報が出て、');
    expect(text).toContain('{1+1} と **bold** と `code` の表示により');
    expect(text).toContain('#3#x#3#');
  });
});
