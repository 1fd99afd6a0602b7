/**
 * The glossary: the rehype plugin over fixture folders (test/fixtures/glossary/<case>/
 * input.md + options.yaml → output.html; UPDATE=1 rewrites them), its rules asserted
 * one by one, and the real content/glossary.yaml with its loader.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as z from 'zod';
import rehypeGlossary from '../../plugins/rehype-glossary.ts';
import { runCheck } from '../../src/check/check.ts';
import { formatProblem } from '../../src/errors/report.ts';
import { GLOSSARY_FILE, loadGlossary, parseGlossary } from '../../src/glossary/load.ts';
import { glossaryTermSchema, termAnchor, type GlossaryTerm } from '../../src/glossary/schema.ts';
import { groupByReading } from '../../src/glossary/sort.ts';
import { FIXTURES, ROOT, UPDATE } from '../helpers.ts';

const CASES = path.join(FIXTURES, 'glossary');
const TERMS: GlossaryTerm[] = z.array(glossaryTermSchema).parse(parse(readFileSync(path.join(CASES, 'terms.yaml'), 'utf8')));

async function render(markdown: string, filePath: string, terms: readonly GlossaryTerm[] = TERMS): Promise<string> {
  const file = new VFile({ path: filePath, value: markdown });
  const html = await unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeGlossary, { terms }).use(rehypeStringify).process(file);
  return String(html);
}

/** The glossary links of an HTML fragment: [linked text, href, definition]. */
function links(html: string): Array<[string, string, string]> {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
  const found: Array<[string, string, string]> = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.properties.className?.toString() === 'glossary-term') {
        const a = child.children[0] as Element;
        found.push([(a.children[0] as { value: string }).value, String(a.properties.href), String(child.properties.dataDefinition)]);
      } else {
        walk(child);
      }
    }
  };
  walk(tree);
  return found;
}

describe('rehype-glossary fixtures', () => {
  const cases = readdirSync(CASES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(CASES, name);
      const options = parse(readFileSync(path.join(dir, 'options.yaml'), 'utf8')) as { path: string };
      const html = await render(readFileSync(path.join(dir, 'input.md'), 'utf8'), options.path);
      const outputFile = path.join(dir, 'output.html');
      if (UPDATE) writeFileSync(outputFile, html);
      expect(html).toBe(readFileSync(outputFile, 'utf8'));
    });
  }
});

describe('rehype-glossary rules', () => {
  it('links only the first occurrence of a term, whichever spelling comes first', async () => {
    const html = await render('ぜい弱性の話。脆弱性とログ。\n\n次の段落の脆弱性とログファイル。', 'content/handbook/a.mdx');
    expect(links(html)).toEqual([
      ['ぜい弱性', '../glossary.html#term-vulnerability', '脆弱性: 攻撃に使われうる作りの欠陥。'],
      ['ログ', '../glossary.html#term-log', 'ログ: 機器が時刻とともに残す記録。'],
    ]);
  });

  it('leaves headings, links and code alone and links the term later in the text', async () => {
    const html = await render('## 隔離\n\n[隔離](x.html) と `隔離`\n\n```\n隔離\n```\n\n本文の隔離。', 'content/handbook/a.mdx');
    expect(links(html)).toEqual([['隔離', '../glossary.html#term-isolation', '隔離: 被害を受けた機器を他から切り離すこと。']]);
    expect(html).toContain('<h2>隔離</h2>');
    expect(html).toContain('<a href="x.html">隔離</a>');
    expect(html).toContain('<code>隔離</code>');
    expect(html).toMatch(/<p>本文の<span class="glossary-term"[^>]*><a [^>]*>隔離<\/a><\/span>。<\/p>/);
  });

  it('skips slots and answers, and elements that opt out', async () => {
    const tree: Root = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'mark', properties: { dataSlot: '3' }, children: [{ type: 'text', value: '隔離' }] },
        { type: 'element', tagName: 'span', properties: { dataAnswer: '6' }, children: [{ type: 'text', value: 'ログ' }] },
        { type: 'element', tagName: 'div', properties: { dataNoGlossary: '' }, children: [{ type: 'text', value: 'BCP' }] },
        { type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'BCP と隔離とログ' }] },
      ],
    };
    const file = new VFile({ path: 'content/handbook/a.mdx' });
    await unified().use(rehypeGlossary, { terms: TERMS }).run(tree, file);
    const html = unified().use(rehypeStringify).stringify(tree);
    expect(html.startsWith('<mark data-slot="3">隔離</mark><span data-answer="6">ログ</span><div data-no-glossary="">BCP</div><p>')).toBe(true);
    expect(links(html).map(([text]) => text)).toEqual(['BCP', '隔離', 'ログ']);
  });

  it('makes the href relative to where the page is published', async () => {
    const hrefOf = async (filePath: string) => links(await render('隔離', filePath)).map(([, href]) => href);
    expect(await hrefOf('/repo/content/plan/03-response-flow.mdx')).toEqual(['glossary.html#term-isolation']);
    expect(await hrefOf('/repo/content/handbook/why.mdx')).toEqual(['../glossary.html#term-isolation']);
    expect(await hrefOf('C:\\repo\\content\\threats\\01-usb.mdx')).toEqual(['../glossary.html#term-isolation']);
    expect(await hrefOf('/repo/src/pages/notes.md')).toEqual([]);
  });

  it('keeps the link text as the accessible name: the definition is on the wrapper', async () => {
    const html = await render('隔離', 'content/plan/x.mdx');
    expect(html).toBe(
      '<p><span class="glossary-term" data-definition="隔離: 被害を受けた機器を他から切り離すこと。"><a href="glossary.html#term-isolation" data-glossary-term="isolation">隔離</a></span></p>',
    );
  });

  it('shows a definition as text, never as markup', async () => {
    const terms = [{ ...TERMS[0]!, definition: '<img src=x onerror=alert(1)> と "引用"' }];
    const html = await render('ログ', 'content/plan/x.mdx', terms);
    // The whole definition comes back as the attribute's value, and no element was made of it.
    expect(links(html)).toEqual([['ログ', 'glossary.html#term-log', 'ログ: <img src=x onerror=alert(1)> と "引用"']]);
    const tree = unified().use(rehypeParse, { fragment: true }).parse(html) as Root;
    const tags: string[] = [];
    const walk = (node: Root | Element) => node.children.forEach((c) => c.type === 'element' && (tags.push(c.tagName), walk(c)));
    walk(tree);
    expect(tags).toEqual(['p', 'span', 'a']);
  });
});

describe('content/glossary.yaml', () => {
  const loaded = loadGlossary(GLOSSARY_FILE, { cwd: ROOT });
  const terms = loaded.terms ?? [];

  it('is valid', () => {
    expect(loaded.problems.map(formatProblem)).toEqual([]);
  });

  it('has at least 40 terms with unique ids, anchors and spellings', () => {
    expect(terms.length).toBeGreaterThanOrEqual(40);
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
    expect(new Set(terms.map((t) => termAnchor(t.id))).size).toBe(terms.length);
    const spellings = terms.flatMap((t) => [t.term, ...t.aliases]);
    expect(new Set(spellings).size).toBe(spellings.length);
  });

  it('groups every term once, in 五十音 order of its reading', () => {
    const groups = groupByReading(terms);
    expect(groups.flatMap((g) => g.terms).length).toBe(terms.length);
    expect(groups.map((g) => g.label)).toEqual(['あ', 'か', 'さ', 'た', 'な', 'は', 'ま', 'や', 'ら', 'わ'].filter((l) => groups.some((g) => g.label === l)));
    const inKa = groups.find((g) => g.label === 'か')!.terms.map((t) => t.reading);
    expect(inKa).toEqual([...inKa].sort(new Intl.Collator('ja').compare));
    expect(inKa.every((r) => /^[かがきぎくぐけげこご]/.test(r))).toBe(true);
  });
});

describe('glossary loader', () => {
  /** `count` valid terms as YAML, one per 6 lines, with `extra` lines appended to the last one. */
  const yamlOf = (count: number, edit: (i: number) => string = () => '') =>
    `terms:\n${Array.from({ length: count }, (_, i) => `  - id: t${i}\n    term: 用語${i}\n    reading: ようご\n    definition: 説明の文です${i}。\n${edit(i)}`).join('')}`;

  it('reports every problem at its line: unknown key, bad reading, duplicate id, unknown related id', () => {
    const text = yamlOf(40, (i) => (i === 1 ? '    related: [t0, nope]\n' : i === 2 ? '    reading2: x\n' : ''))
      .replace('id: t3\n', 'id: t0\n')
      .replace(/(id: t5\n {4}term: 用語5\n {4}reading: )ようご/, '$1ヨウゴ');
    const problems = parseGlossary(text, 'glossary.yaml').problems.map(formatProblem);
    expect(problems).toEqual([
      'glossary.yaml:15:5  エラー  用語集の `terms[2].reading2`: 知らない項目 `reading2` があります。綴りを確かめるか、消してください。  glossary-invalid',
      'glossary.yaml:26:14  エラー  用語集の `terms[5].reading`: 読みはひらがな（長音「ー」可）で書いてください（例: ぜいじゃくせい）。  glossary-invalid',
      'glossary.yaml:16:9  エラー  用語集の `terms[3].id`: 「t0」という id は 1 件目と重なっています。別の id にしてください。  glossary-invalid',
      'glossary.yaml:10:19  エラー  用語集の `terms[1].related[1]`: 関連語の id「nope」は用語集にありません。  glossary-invalid',
    ]);
    expect(parseGlossary(text, 'glossary.yaml').terms).toBeUndefined();
  });

  it('reports a spelling that two terms claim', () => {
    const text = yamlOf(40, (i) => (i === 7 ? '    aliases: [用語2]\n' : ''));
    expect(parseGlossary(text, 'glossary.yaml').problems.map(formatProblem)).toEqual([
      'glossary.yaml:34:15  エラー  用語集の `terms[7].aliases[0]`: 「用語2」は「用語2」の書き方として登録済みです。どちらかにまとめてください。  glossary-invalid',
    ]);
  });

  it('asks for at least 40 terms', () => {
    const problems = parseGlossary(yamlOf(39), 'glossary.yaml').problems.map(formatProblem);
    expect(problems).toEqual(['glossary.yaml:2:3  エラー  用語集の `terms`: 40件以上書いてください。  glossary-invalid']);
  });

  it('is part of `bcp check` when the project has a glossary', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bcp-glossary-'));
    mkdirSync(path.join(dir, 'content'), { recursive: true });
    mkdirSync(path.join(dir, 'answers'));
    writeFileSync(path.join(dir, 'answers', 'answers.yaml'), readFileSync(path.join(FIXTURES, 'answers', 'example.yaml')));
    writeFileSync(path.join(dir, 'content', 'a.md'), '報告先は#1#担当#1#。\n');
    const withoutGlossary = await runCheck({ cwd: dir });
    expect(withoutGlossary.problems.filter((p) => p.ruleId === 'glossary-invalid')).toEqual([]);
    writeFileSync(path.join(dir, GLOSSARY_FILE), yamlOf(40).replace('reading: ようご\n', 'reading: yougo\n'));
    const withGlossary = await runCheck({ cwd: dir });
    expect(withGlossary.problems.filter((p) => p.ruleId === 'glossary-invalid').map(formatProblem)).toEqual([
      'content/glossary.yaml:4:14  エラー  用語集の `terms[0].reading`: 読みはひらがな（長音「ー」可）で書いてください（例: ぜいじゃくせい）。  glossary-invalid',
    ]);
    expect(withGlossary.errorCount).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
  });
});
